"""The jsnews fixture site: reproducible, and built so that only a browser finds its articles."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

from newscrawl.extract.feeds import is_feed
from newscrawl.extract.links import extract_links
from newscrawl.extract.urlclass import LinkKind

SITE = Path(__file__).parent / "sites" / "jsnews"
BUILD = Path(__file__).parent / "sites" / "_build" / "jsnews.py"
ORIGIN = "http://127.0.0.1:8000"


def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SITE / "_expected_rendered.json").read_text("utf-8"))
    return data


def folder_bytes(root: Path) -> dict[Path, bytes]:
    return {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_committed_site_is_what_the_generator_writes(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("_build_jsnews", BUILD)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build(tmp_path / "jsnews")
    fresh, committed = folder_bytes(tmp_path / "jsnews"), folder_bytes(SITE)
    assert sorted(fresh) == sorted(committed), "run the generator and commit its output"
    assert [str(k) for k in fresh if fresh[k] != committed[k]] == []


def test_not_picked_up_by_the_static_end_to_end_suite() -> None:
    assert not (SITE / "_expected.json").exists()


def test_gold_answers_are_well_formed() -> None:
    expected = gold()
    articles = expected["articles"]
    assert len(articles) >= 12
    reaches = {a["reachable_only_from"] for a in articles}
    assert {"load_more", "infinite_scroll"} <= reaches
    for article in articles:
        assert (SITE / article["path"].strip("/") / "index.html").is_file()
        assert (SITE / "api" / "articles" / f"{Path(article['path']).name}.json").is_file()
        assert article["published_at"].endswith("+00:00")
        words = sum(len(p.split()) for p in article["paragraphs"])
        assert 150 <= words <= 500, article["path"]
        for text in expected["boilerplate"]:
            assert all(text.lower() not in p.lower() for p in article["paragraphs"])


def test_every_article_is_listed_by_some_json_page() -> None:
    listed = set()
    for page in (SITE / "api").glob("*.json"):
        listed |= {item["url"] for item in json.loads(page.read_text("utf-8")).get("items", [])}
    assert {a["path"] for a in gold()["articles"]} == listed


def test_static_html_links_to_no_article_and_no_feed() -> None:
    for page in SITE.rglob("*.html"):
        html = page.read_text("utf-8")
        kinds = {link.kind for link in extract_links(html, f"{ORIGIN}/")}
        assert LinkKind.ARTICLE not in kinds, page
        assert LinkKind.FEED not in kinds and LinkKind.SITEMAP not in kinds, page
    assert not [p for p in SITE.rglob("*") if p.is_file() and is_feed(p.read_bytes(), "")]
