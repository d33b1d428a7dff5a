"""The page-type benchmark: is each real page called what it is?

``newscrawl eval-pages DIR [DIR ...]`` runs :func:`~newscrawl.extract.pagetype.classify_page`
on labelled real pages and reports, per source, article recall (every real
article must be called "article") and how many non-article pages (home,
section, tag, author, search, about, login, video pages...) are kept out,
with each miss and the rule that fired.

Three layouts are read (:func:`load_pages` tells them apart):

* article-extraction-benchmark (``ground-truth.json`` and ``html/<id>.html.gz``):
  every page is an article;
* fundus fixtures (``manifest.json``): every page is an article;
* an extraction dev set source (``gold.json`` and ``html/<id>.html.gz``, as
  ``bench/pagesets/layout_devset.py`` lays them out): every page an article,
  its tuning or check half given per page;
* a labelled page set (``labels.json``: ``{id: {url, label, subkind, repo}}``
  and ``pages/<id>.html.gz``), as ``bench/pagesets/layout.py`` lays out the
  pages that ``bench/pagesets/pagetype.jsonl`` names.

Pages of a labelled set are split into a tuning half and a check half by a
stable hash of their site, so that rules are fitted on one half and measured
on the other (``--half``).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newscrawl.extract.pagetype import PageVerdict, classify_page


@dataclass(frozen=True)
class LabelledPage:
    key: str
    url: str
    label: str  # "article" | "listing" | "other"
    subkind: str
    source: str
    path: Path
    half: str  # "tune" | "check"

    def html(self) -> str:
        """The page's text: UTF-8 when it decodes as such (saved pages often were
        re-encoded), else what its own declaration or a sniff says."""
        with gzip.open(self.path, "rb") as handle:
            data = handle.read()
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            from w3lib.encoding import html_to_unicode

            return html_to_unicode(None, data)[1]


@dataclass
class Miss:
    page: LabelledPage
    verdict: PageVerdict


@dataclass
class SourceResult:
    source: str
    articles: int = 0
    articles_found: int = 0
    others: int = 0
    others_rejected: int = 0
    seconds: float = 0.0
    misses: list[Miss] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return self.articles + self.others


def half_of(url: str, key: str) -> str:
    """The half a page belongs to: by its site, so one site is never in both."""
    site = (urlsplit(url).hostname or key).removeprefix("www.")
    return "tune" if hashlib.sha1(site.encode()).digest()[0] % 2 == 0 else "check"


def load_pages(root: Path) -> list[LabelledPage]:
    """The labelled pages of one benchmark folder, in a stable order."""
    root = Path(root)
    if (root / "labels.json").is_file():
        labels = json.loads((root / "labels.json").read_text(encoding="utf-8"))
        return [
            LabelledPage(
                key=key,
                url=entry.get("url") or f"https://unknown.invalid/{key}",
                label=entry["label"],
                subkind=entry.get("subkind") or entry["label"],
                source=str(entry.get("repo") or root.name).rsplit("/", 1)[-1],
                path=root / "pages" / f"{key}.html.gz",
                half=half_of(entry.get("url") or "", key),
            )
            for key, entry in sorted(labels.items())
        ]
    if (root / "gold.json").is_file():
        gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
        return [
            LabelledPage(
                key,
                v.get("url") or f"https://unknown.invalid/{key}",
                "article",
                "article",
                root.name,
                root / "html" / f"{key}.html.gz",
                v.get("half") or "all",
            )
            for key, v in sorted(gold.items())
        ]
    if (root / "ground-truth.json").is_file():
        truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
        return [
            LabelledPage(
                key,
                v["url"],
                "article",
                "article",
                root.name,
                root / "html" / f"{key}.html.gz",
                "all",
            )
            for key, v in sorted(truth.items())
        ]
    if (root / "manifest.json").is_file():
        manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
        return [
            LabelledPage(
                e["html"], e["url"], "article", "article", root.name, root / e["html"], "all"
            )
            for e in manifest
        ]
    raise FileNotFoundError(
        f"{root}: not a page-type benchmark folder (no labels.json, ground-truth.json "
        "or manifest.json)"
    )


def evaluate(pages: Iterable[LabelledPage]) -> list[SourceResult]:
    """Classify every page; results per source, in first-seen order."""
    results: dict[str, SourceResult] = {}
    for page in pages:
        result = results.setdefault(page.source, SourceResult(page.source))
        html = page.html()
        started = time.perf_counter()
        verdict = classify_page(html, page.url)
        result.seconds += time.perf_counter() - started
        is_article = verdict.kind == "article"
        if page.label == "article":
            result.articles += 1
            result.articles_found += is_article
        else:
            result.others += 1
            result.others_rejected += not is_article
        if is_article != (page.label == "article"):
            result.misses.append(Miss(page, verdict))
    return list(results.values())


def select(pages: Iterable[LabelledPage], half: str) -> Iterator[LabelledPage]:
    """Pages of one half ("tune", "check"); "all" keeps every page."""
    for page in pages:
        if half == "all" or page.half in (half, "all"):
            yield page


def _share(found: int, total: int) -> str:
    return f"{found}/{total} ({100 * found / total:.1f} %)" if total else "-"


def render_table(results: list[SourceResult], misses: int) -> str:
    lines = [
        "| source | pages | articles called article | non-articles kept out | ms/page |",
        "|---|---|---|---|---|",
    ]
    total = SourceResult("all")
    for r in results:
        lines.append(
            f"| {r.source} | {r.pages} | {_share(r.articles_found, r.articles)} | "
            f"{_share(r.others_rejected, r.others)} | {1000 * r.seconds / max(r.pages, 1):.1f} |"
        )
        total.articles += r.articles
        total.articles_found += r.articles_found
        total.others += r.others
        total.others_rejected += r.others_rejected
        total.seconds += r.seconds
    called = total.articles_found + total.others - total.others_rejected
    lines.append(
        f"| **all** | {total.pages} | {_share(total.articles_found, total.articles)} | "
        f"{_share(total.others_rejected, total.others)} | "
        f"{1000 * total.seconds / max(total.pages, 1):.1f} |"
    )
    lines.append("")
    lines.append(
        f"Precision of the 'article' verdict: {_share(total.articles_found, called)}; "
        f"article recall: {_share(total.articles_found, total.articles)}."
    )
    shown = [m for r in results for m in r.misses][: max(misses, 0)]
    if shown:
        lines.append("")
        lines.append("Misses (label -> verdict, reason; evidence):")
        for miss in shown:
            page, verdict = miss.page, miss.verdict
            lines.append(
                f"- {page.source}/{page.key} {page.url}: {page.label}/{page.subkind} -> "
                f"{verdict.kind} ({verdict.reason}); {'; '.join(verdict.evidence)}"
            )
    return "\n".join(lines)


def to_json(results: list[SourceResult]) -> str:
    def miss(m: Miss) -> dict[str, Any]:
        return {
            "key": m.page.key,
            "url": m.page.url,
            "label": m.page.label,
            "subkind": m.page.subkind,
            "verdict": m.verdict.kind,
            "reason": m.verdict.reason,
            "evidence": list(m.verdict.evidence),
        }

    return json.dumps(
        [
            {
                "source": r.source,
                "articles": r.articles,
                "articles_found": r.articles_found,
                "non_articles": r.others,
                "non_articles_rejected": r.others_rejected,
                "ms_per_page": round(1000 * r.seconds / max(r.pages, 1), 2),
                "misses": [miss(m) for m in r.misses],
            }
            for r in results
        ],
        indent=2,
    )
