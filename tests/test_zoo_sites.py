"""End to end on the zoo: fixture sites built on real CMS themes' markup.

Each site in ``tests/zoo`` reproduces one real theme's HTML (Ghost Casper and
Source, WordPress Newspack and Twenty Seventeen, Drupal Olivero, an Arc XP /
Fusion app, a Bootstrap paper, a newsletter-heavy Ghost Headline site) with the
project's own text; its generator in ``tests/zoo/_build`` names the theme
repository, commit and templates it follows. They were written from the theme
sources by people who did not write newscrawl's extraction, so they test it on
markup it was not tuned to.

Per site, the crawl (the CLI, a real process, on 127.0.0.1, into SQLite) must
store every article exactly once, no listing or service page, and every field
as the gold answer in ``_expected.json`` has it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from crawling import run_crawl, stored_rows, url_path

from newscrawl.extract.images import same_picture

ZOO = Path(__file__).parent / "zoo"
SITES = sorted(p.parent.name for p in ZOO.glob("*/_expected.json"))


@dataclass
class ZooCrawl:
    name: str
    expected: dict[str, Any]
    rows: dict[str, dict[str, Any]]
    requests: list[str]
    returncode: int
    output: str

    def articles(self) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
        """(gold, stored row) of every gold article that was stored."""
        for article in self.expected["articles"]:
            row = self.rows.get(article["path"])
            if row is not None:
                yield article, row


@pytest.fixture(scope="module", params=SITES)
def zoo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> ZooCrawl:
    name = request.param
    expected = json.loads((ZOO / name / "_expected.json").read_text(encoding="utf-8"))
    db = tmp_path_factory.mktemp(name) / "news.db"
    proc, requests, _ = run_crawl(ZOO / name, db)
    rows: dict[str, dict[str, Any]] = {}
    paths = []
    for row in stored_rows(db):
        path = url_path(row["canonical_url"])
        paths.append(path)
        rows[path] = row
    assert len(paths) == len(set(paths)), f"stored twice: {sorted(paths)}"
    return ZooCrawl(name, expected, rows, requests, proc.returncode, proc.stdout + proc.stderr)


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def test_crawl_exits_cleanly(zoo: ZooCrawl) -> None:
    assert zoo.returncode == 0, zoo.output[-3000:]


def test_every_article_stored(zoo: ZooCrawl) -> None:
    expected = {a["path"] for a in zoo.expected["articles"]}
    missing = sorted(expected - set(zoo.rows))
    assert not missing, f"{zoo.name}: articles not stored: {missing}\n{zoo.output[-2500:]}"


def test_nothing_but_articles_stored(zoo: ZooCrawl) -> None:
    expected = {a["path"] for a in zoo.expected["articles"]}
    extra = sorted(set(zoo.rows) - expected)
    assert not extra, f"{zoo.name}: stored, but not articles: {extra}"


def test_robots_disallowed_paths_never_fetched(zoo: ZooCrawl) -> None:
    disallowed = zoo.expected.get("disallowed", [])
    assert not [p for p in zoo.requests if any(p.startswith(d) for d in disallowed)]


def _field_problems(zoo: ZooCrawl, field: str, gold_key: str | None = None) -> list[str]:
    return [
        f"{gold['path']}: want {gold[gold_key or field]!r} got {row.get(field)!r}"
        for gold, row in zoo.articles()
        if gold[gold_key or field] != row.get(field)
    ]


@pytest.mark.parametrize("field", ["title", "authors", "published_at", "modified_at"])
def test_metadata(zoo: ZooCrawl, field: str) -> None:
    problems = _field_problems(zoo, field)
    assert not problems, "\n".join(problems)


def test_bodies_are_the_story_and_only_the_story(zoo: ZooCrawl) -> None:
    problems = []
    for gold, row in zoo.articles():
        body = _norm(row["body"])
        for paragraph in map(_norm, gold["paragraphs"]):
            if paragraph not in body:
                problems.append(f"{gold['path']}: lost {paragraph[:70]!r}")
        for junk in zoo.expected["boilerplate"]:
            if junk in body:
                problems.append(f"{gold['path']}: contains {junk!r}")
    assert not problems, "\n".join(problems[:40])


def test_tags_section_language_paywall(zoo: ZooCrawl) -> None:
    problems = []
    for field in ("tags", "section", "language", "paywalled"):
        problems.extend(f"{field}: {p}" for p in _field_problems(zoo, field))
    assert not problems, "\n".join(problems)


def test_lead_image_and_caption(zoo: ZooCrawl) -> None:
    problems = []
    for gold, row in zoo.articles():
        want = gold.get("lead_image_path")
        got = row.get("lead_image_url")
        if want and not ((got and same_picture(got, [want])) or (got or "").endswith(want)):
            problems.append(f"{gold['path']}: image want {want!r} got {got!r}")
        if _norm(gold.get("lead_image_caption")) != _norm(row.get("lead_image_caption")):
            problems.append(
                f"{gold['path']}: caption want {gold.get('lead_image_caption')!r} "
                f"got {row.get('lead_image_caption')!r}"
            )
    assert not problems, "\n".join(problems)
