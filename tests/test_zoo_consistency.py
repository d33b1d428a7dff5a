"""The zoo sites (tests/zoo) are what their generators write, and hold together over HTTP.

Every page the gold names answers, every link from the home page, robots.txt,
feeds and sitemaps resolves (but the gold's deliberate broken links), and the
gold's text is on the pages: a crawl test that fails on a zoo site fails on
newscrawl, not on the fixture.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
from test_fixture_sites import ServeSite, crawl, folder_bytes

ZOO = Path(__file__).parent / "zoo"
BUILD = ZOO / "_build"
SITES = sorted(p.parent.name for p in ZOO.glob("*/_expected.json"))


def _gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ZOO / name / "_expected.json").read_text("utf-8"))
    return data


@pytest.mark.parametrize("name", SITES)
def test_committed_site_is_what_the_generator_writes(name: str, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(f"_zoo_{name}", BUILD / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.build(tmp_path / name)
    fresh, committed = folder_bytes(tmp_path / name), folder_bytes(ZOO / name)
    assert sorted(fresh) == sorted(committed), "run the generator and commit its output"
    assert [str(k) for k in fresh if fresh[k] != committed[k]] == []


@pytest.mark.parametrize("name", SITES)
def test_gold_answers_are_well_formed(name: str) -> None:
    gold = _gold(name)
    paths = [a["path"] for a in gold["articles"]]
    assert 10 <= len(paths) == len(set(paths))
    assert not set(paths) & set(gold["not_articles"])
    assert {d["canonical_path"] for d in gold.get("duplicates", [])} <= set(paths)
    for article in gold["articles"]:
        words = sum(len(p.split()) for p in article["paragraphs"])
        assert article["paywalled"] or 60 <= words <= 320, article["path"]
        assert article["published_at"].endswith("+00:00")
        for text in gold["boilerplate"]:
            assert all(text not in p for p in article["paragraphs"]), (article["path"], text)


@pytest.mark.parametrize("name", SITES)
def test_site_over_http(name: str, serve_site: ServeSite) -> None:
    server = serve_site(ZOO / name)
    gold = _gold(name)
    graph = crawl(server)
    # A form's action (a comment form posting to wp-comments-post.php) is no link.
    actions = {
        urlsplit(urljoin(server.url, str(action))).path
        for page in graph.pages.values()
        if page.kind == "html"
        for action in lxml.html.fromstring(page.text).xpath("//form/@action")
    }
    broken = sorted(
        path for path, page in graph.pages.items() if page.status != 200 and path not in actions
    )
    assert broken == sorted(gold.get("broken_links", []))
    for article in gold["articles"]:
        page = graph.pages.get(article["path"])
        assert page is not None and page.status == 200, f"nothing links {article['path']}"
        text = " ".join(lxml.html.fromstring(page.text).text_content().split())
        assert article["title"] in text, article["path"]
        for paragraph in article["paragraphs"]:
            assert " ".join(paragraph.split()) in text, (article["path"], paragraph[:60])
    for path in gold["not_articles"]:
        if any(path.startswith(d) for d in gold.get("disallowed", [])):
            continue
        assert graph.pages.get(path) is not None, f"nothing links {path}"
