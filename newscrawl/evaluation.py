"""Measure extraction against gold data: newscrawl and trafilatura, same pages, same run.

Two dataset layouts are read (``load_dataset`` tells them apart):

* article-extraction-benchmark: ``ground-truth.json`` (``{id: {url, articleBody}}``)
  and ``html/<id>.html.gz``. Gold is the body only.
* fundus fixtures: ``manifest.json`` listing ``html`` (gzip), ``url``,
  ``expected_json`` and ``version_key``. Gold holds title, authors,
  publishing date, body and images.
* a dev-set source (``bench/pagesets/layout_devset.py``): ``gold.json``
  (``{id: {url, half, title, authors, published, body, lead_image,
  gold_fields}}``) and ``html/<id>.html.gz``; only the fields named in
  ``gold_fields`` are gold, and ``half`` ("tune" or "check") lets a run keep
  to one half.

How each field is compared (the rules are deliberately strict; see
``../shared/benchmarks/README.md`` and fundus' ``attribute_guidelines.md``):

* body: the article-extraction-benchmark metric (``score_bodies``). A fundus
  body is its sections in order, each section's headline lines then its
  paragraphs. The ``summary`` is left out: the guidelines make it the
  standfirst under the headline, which newscrawl keeps in ``description``,
  not in ``body`` (as the AEB gold leaves it out too).
* title: equal after Unicode NFC, collapsing whitespace and mapping
  typographic quotes (U+2018/2019, U+201C/201D...) to ASCII ones. Case, dashes and
  every word count.
* authors: the exact list, in order, compared name by name after NFC,
  whitespace collapsing and case folding (gold keeps the page's typography,
  "STEVE PEOPLES").
* published: the same UTC minute (seconds are dropped on both sides); a gold
  time without an offset is a local time in a zone it does not name, so it
  matches the prediction's UTC minute read as UTC or the local time the page
  printed (``published_raw`` before its offset is applied); a gold that is a
  date only (``2025-09-04``) asks for the same calendar day.
* lead image: the gold ``images`` entry with ``is_cover``; pages whose gold has
  no cover image are not counted. A prediction is right when it is the same
  picture as any of the cover's renditions (``same_picture``); the exact-URL
  count is reported beside it.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import trafilatura
from trafilatura.settings import set_date_params

from newscrawl.extract.article import extract_article
from newscrawl.extract.compare import (
    same_authors,
    same_day,
    same_minute,
    same_picture,
    same_title,
)
from newscrawl.extract.evaluate import page_scores, score_bodies
from newscrawl.extract.siteclock import is_local_time
from newscrawl.loaders import build_item
from newscrawl.processors.dates import parse_local

_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
#: Fields compared on datasets with metadata gold, in report order.
METADATA_FIELDS: tuple[str, ...] = ("title", "authors", "published", "lead_image")


@dataclass(frozen=True)
class GoldPage:
    """One page and its gold answers; None (or empty) where the dataset has no gold."""

    key: str
    url: str
    html: str
    site: str = ""
    body: str | None = None
    title: str | None = None
    authors: tuple[str, ...] | None = None
    published: str | None = None
    #: Every rendition URL of the cover image (empty: no gold cover).
    lead_images: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dataset:
    """The pages of one dataset directory and the layout they were read in."""

    path: str
    layout: str  # "aeb" or "fundus"
    pages: tuple[GoldPage, ...]


@dataclass(frozen=True)
class Prediction:
    """What one system extracted from one page."""

    body: str = ""
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    lead_image: str | None = None
    #: The publication time as the page printed it, without converting its offset
    #: (ISO, naive): what a gold time without an offset, a local time, compares with.
    published_local: str | None = None


@dataclass
class Accuracy:
    """Right answers out of the pages that have gold for a field."""

    correct: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass
class SystemScore:
    """One system's figures over the whole dataset."""

    name: str
    body: dict[str, float]
    fields: dict[str, Accuracy]
    lead_image_exact_url: Accuracy
    seconds_per_page: float


@dataclass
class PageRow:
    """Per-page outcome, for error analysis (``--worst``)."""

    key: str
    url: str
    #: Normalised true-positive share of the body shingles, per system.
    body_score: dict[str, float]
    #: Field name -> correct? (newscrawl), only where gold exists.
    checks: dict[str, bool] = field(default_factory=dict)
    #: Field name -> (newscrawl value, gold value) for the failed checks.
    misses: dict[str, tuple[Any, Any]] = field(default_factory=dict)


@dataclass
class EvaluationResult:
    """Everything one ``evaluate`` run measured."""

    dataset: str
    layout: str
    pages: int
    systems: list[SystemScore]
    rows: list[PageRow]


# --------------------------------------------------------------------------- loading


def load_dataset(path: str | Path, half: str = "all") -> Dataset:
    """Read a dataset directory in any layout (ValueError when it is none).

    ``half`` keeps a dev-set source to its "tune" or "check" pages.
    """
    root = Path(path)
    if (root / "gold.json").is_file():
        return Dataset(str(root), "devset", tuple(_load_devset(root, half)))
    if (root / "ground-truth.json").is_file():
        return Dataset(str(root), "aeb", tuple(_load_aeb(root)))
    if (root / "manifest.json").is_file():
        return Dataset(str(root), "fundus", tuple(_load_fundus(root)))
    raise ValueError(f"{root}: no ground-truth.json (AEB layout) or manifest.json (fundus layout)")


def _read_html(path: Path) -> str:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8", "replace")


def _load_aeb(root: Path) -> Iterable[GoldPage]:
    ground = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for key, entry in ground.items():
        html_path = root / "html" / f"{key}.html.gz"
        if not html_path.is_file():
            html_path = root / "html" / f"{key}.html"
        yield GoldPage(
            key=key, url=entry["url"], html=_read_html(html_path), body=entry["articleBody"]
        )


def _load_fundus(root: Path) -> Iterable[GoldPage]:
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest:
        expected = json.loads((root / entry["expected_json"]).read_text(encoding="utf-8"))
        gold = expected[entry["version_key"]]
        authors = gold.get("authors")
        yield GoldPage(
            key=f"{entry['publisher']}/{entry['version_key']}",
            url=entry["url"],
            html=_read_html(root / entry["html"]),
            site=entry["publisher"],
            body=fundus_body_text(gold["body"]) if gold.get("body") else None,
            title=gold.get("title"),
            authors=tuple(authors) if authors is not None else None,
            published=gold.get("publishing_date"),
            lead_images=cover_renditions(gold.get("images") or []),
        )


def _load_devset(root: Path, half: str) -> Iterable[GoldPage]:
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    for key, entry in sorted(gold.items()):
        if half != "all" and entry.get("half") != half:
            continue
        fields = set(entry.get("gold_fields") or ())

        def value(name: str, entry: dict[str, Any] = entry, fields: set[str] = fields) -> Any:
            return entry.get(name) if name in fields else None

        authors = value("authors")
        image = value("lead_image")
        yield GoldPage(
            key=key,
            url=entry.get("url") or f"https://unknown.invalid/{key}",
            html=_read_html(root / "html" / f"{key}.html.gz"),
            site=root.name,
            body=value("body"),
            title=value("title"),
            authors=tuple(authors) if authors is not None else None,
            published=value("published"),
            lead_images=(image,) if image else (),
        )


def fundus_body_text(body: dict[str, Any]) -> str:
    """A fundus ArticleBody as plain text: each section's headline lines, then paragraphs.

    The summary (standfirst) is not part of it; see the module docstring.
    """
    blocks: list[str] = []
    for section in body.get("sections", []):
        blocks.extend(section.get("headline", []))
        blocks.extend(section.get("paragraphs", []))
    return "\n\n".join(b.strip() for b in blocks if b and b.strip())


def cover_renditions(images: list[dict[str, Any]]) -> tuple[str, ...]:
    """URLs of every rendition of the first image marked ``is_cover``."""
    for image in images:
        if image.get("is_cover"):
            return tuple(v["url"] for v in image.get("versions", []) if v.get("url"))
    return ()


# --------------------------------------------------------------------------- systems


def predict_newscrawl(page: GoldPage) -> Prediction:
    """extract_article + build_item, as the crawler runs them (no site profile)."""
    extracted = extract_article(page.html, page.url)
    item = build_item(extracted, url=page.url, site=page.site or "", fetched_at=datetime.now(UTC))
    return Prediction(
        body=item["body"] or "",
        title=item["title"],
        authors=tuple(item["authors"] or ()),
        published=item["published_at"],
        lead_image=item["lead_image_url"],
        published_local=_wall_clock(item.get("published_raw")),
    )


def _wall_clock(raw: str | None) -> str | None:
    """The local date and time a raw date string prints, ISO without offset."""
    when = parse_local(raw)
    return when.replace(tzinfo=None).isoformat() if when is not None else None


def predict_trafilatura(page: GoldPage) -> Prediction:
    """trafilatura alone with its metadata (title, author, date to the second, image)."""
    # Ask htmldate for a time of day too: its default output is the date only,
    # which could never match a gold minute.
    date_params = {**set_date_params(True), "outputformat": "%Y-%m-%dT%H:%M:%S"}
    document = trafilatura.bare_extraction(
        page.html, url=page.url, with_metadata=True, date_extraction_params=date_params
    )
    if document is None or isinstance(document, dict):
        return Prediction()
    authors = [a.strip() for a in (document.author or "").split(";") if a.strip()]
    return Prediction(
        body=document.text or "",
        title=document.title,
        authors=tuple(authors),
        published=document.date,
        lead_image=document.image,
        # htmldate prints the page's own time of day, without an offset.
        published_local=document.date,
    )


SYSTEMS: dict[str, Callable[[GoldPage], Prediction]] = {
    "newscrawl": predict_newscrawl,
    "trafilatura": predict_trafilatura,
}


# --------------------------------------------------------------------------- running


def field_checks(page: GoldPage, pred: Prediction) -> dict[str, bool]:
    """Field -> correct? for every metadata field this page has gold for."""
    checks: dict[str, bool] = {}
    if page.title is not None:
        checks["title"] = same_title(pred.title, page.title)
    if page.authors is not None:
        checks["authors"] = same_authors(pred.authors, page.authors)
    if page.published is not None:
        if _DATE_ONLY.fullmatch(page.published):
            checks["published"] = same_day(pred.published, page.published)
        elif is_local_time(page.published):
            # A local time, in a zone the gold does not say: the UTC minute read
            # as UTC, or the local time the page printed.
            checks["published"] = same_minute(pred.published, page.published) or same_minute(
                pred.published_local, page.published
            )
        else:
            checks["published"] = same_minute(pred.published, page.published)
    if page.lead_images:
        checks["lead_image"] = same_picture(pred.lead_image, page.lead_images)
    return checks


def _gold_value(page: GoldPage, name: str) -> Any:
    values = {
        "title": page.title,
        "authors": list(page.authors or ()),
        "published": page.published,
        "lead_image": page.lead_images[0] if page.lead_images else None,
    }
    return values[name]


def _predicted_value(pred: Prediction, name: str) -> Any:
    values = {
        "title": pred.title,
        "authors": list(pred.authors),
        "published": pred.published,
        "lead_image": pred.lead_image,
    }
    return values[name]


def evaluate(
    dataset: Dataset, systems: Iterable[str] = ("newscrawl", "trafilatura")
) -> EvaluationResult:
    """Run each system on every page.

    The systems take turns page by page, so both see the same machine state;
    the time counted is extraction from the decoded HTML string to the fields.
    """
    names = list(systems)
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        raise ValueError(f"unknown system(s) {unknown}; known: {sorted(SYSTEMS)}")
    preds: dict[str, dict[str, Prediction]] = {n: {} for n in names}
    seconds = dict.fromkeys(names, 0.0)
    if dataset.pages:
        # One untimed page first: imports and first-call set-up are not per-page costs.
        for name in names:
            SYSTEMS[name](dataset.pages[0])
    for page in dataset.pages:
        for name in names:
            start = time.perf_counter()
            preds[name][page.key] = SYSTEMS[name](page)
            seconds[name] += time.perf_counter() - start
    count = len(dataset.pages) or 1
    scores = [_score_system(name, dataset, preds[name], seconds[name] / count) for name in names]
    rows = [_page_row(page, {n: preds[n][page.key] for n in names}) for page in dataset.pages]
    return EvaluationResult(dataset.path, dataset.layout, len(dataset.pages), scores, rows)


def _score_system(
    name: str, dataset: Dataset, preds: dict[str, Prediction], per_page: float
) -> SystemScore:
    truth = {p.key: p.body for p in dataset.pages if p.body is not None}
    body = score_bodies(truth, {k: preds[k].body for k in truth}) if truth else {}
    fields = {f: Accuracy() for f in METADATA_FIELDS}
    exact = Accuracy()
    for page in dataset.pages:
        for field_name, ok in field_checks(page, preds[page.key]).items():
            fields[field_name].total += 1
            fields[field_name].correct += ok
        if page.lead_images:
            exact.total += 1
            exact.correct += preds[page.key].lead_image in page.lead_images
    return SystemScore(name, body, fields, exact, per_page)


def _page_row(page: GoldPage, preds: dict[str, Prediction]) -> PageRow:
    body_score = {}
    if page.body is not None:
        body_score = {n: page_scores(page.body, p.body)[0] for n, p in preds.items()}
    row = PageRow(page.key, page.url, body_score)
    ours = preds.get("newscrawl")
    if ours is not None:
        row.checks = field_checks(page, ours)
        row.misses = {
            name: (_predicted_value(ours, name), _gold_value(page, name))
            for name, ok in row.checks.items()
            if not ok
        }
    return row


# --------------------------------------------------------------------------- rendering


def to_json(result: EvaluationResult, worst: int = 0) -> str:
    """The result as JSON; per-page rows only for the ``worst`` pages."""
    data = asdict(result)
    for system, score in zip(data["systems"], result.systems, strict=True):
        for name, acc in score.fields.items():
            system["fields"][name]["rate"] = acc.rate
    data["rows"] = [asdict(r) for r in worst_pages(result, worst)]
    return json.dumps(data, ensure_ascii=False, indent=2)


def worst_pages(result: EvaluationResult, count: int) -> list[PageRow]:
    """The ``count`` pages where newscrawl does worst: failed fields first, then body."""

    def badness(row: PageRow) -> tuple[int, float]:
        return -len(row.misses), row.body_score.get("newscrawl", 1.0)

    return sorted(result.rows, key=badness)[:count] if count > 0 else []


def render_table(result: EvaluationResult, worst: int = 0) -> str:
    """A plain-text report: one column per system, then the worst pages."""
    names = [s.name for s in result.systems]
    lines = [f"{result.dataset} ({result.layout} layout, {result.pages} pages)", ""]
    lines.append(f"{'':28}" + "".join(f"{n:>16}" for n in names))
    if result.systems and result.systems[0].body:
        for metric in ("precision", "recall", "f1"):
            values = "".join(f"{s.body[metric]:>16.4f}" for s in result.systems)
            lines.append(f"{'body ' + metric:28}{values}")
    labels = {
        "title": "title",
        "authors": "authors (exact list)",
        "published": "published (to the minute)",
        "lead_image": "lead image (same picture)",
    }
    for name in METADATA_FIELDS:
        accs = [s.fields[name] for s in result.systems]
        if accs and accs[0].total:
            lines.append(f"{labels[name]:28}" + "".join(f"{_fraction(a):>16}" for a in accs))
    exact = [s.lead_image_exact_url for s in result.systems]
    if exact and exact[0].total:
        lines.append(
            f"{'lead image (exact URL)':28}" + "".join(f"{_fraction(a):>16}" for a in exact)
        )
    ms = "".join(f"{s.seconds_per_page * 1000:>13.1f} ms" for s in result.systems)
    lines.append(f"{'time per page':28}{ms}")
    rows = worst_pages(result, worst)
    if rows:
        lines += ["", f"worst {len(rows)} pages for newscrawl:"]
    for row in rows:
        scores = " ".join(f"{n}={v:.2f}" for n, v in row.body_score.items())
        lines.append(f"  {row.key[:40]:40} {scores} {row.url}")
        for name, (got, want) in row.misses.items():
            lines.append(f"      {name}: got {got!r}")
            lines.append(f"      {'':{len(name)}}  want {want!r}")
    return "\n".join(lines)


def _fraction(acc: Accuracy) -> str:
    return f"{acc.correct}/{acc.total} {acc.rate:6.1%}"
