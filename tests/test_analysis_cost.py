"""bench/analysis_cost.py: the same pages every run, and a digest that sees what changed."""

from __future__ import annotations

from pathlib import Path

from tests.benchscripts import bench_module


def test_sample_is_stable_and_digest_tells_analyses_apart(tmp_path: Path) -> None:
    newssite = bench_module("newssite")
    cost = bench_module("analysis_cost")
    site = newssite.ensure_site(40, root=tmp_path / "site")
    pages = cost.sample_pages(site, 12)
    assert len(pages) == 12
    assert pages == cost.sample_pages(site, 12)
    assert all(url.startswith(cost.BASE) and url.endswith("/") for _, url in pages)
    assert cost.digest(pages) == cost.digest(pages)
    extra = '<a href="/2026/01/01/one-more-story-9999/">One more story</a></body>'
    changed = [(html.replace("</body>", extra, 1), url) for html, url in pages]
    assert cost.digest(changed) != cost.digest(pages)
    assert cost.cpu_ms_per_page(pages, passes=1) > 0
