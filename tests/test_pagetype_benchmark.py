"""Page-type verdicts on real pages (skipped when ../shared is absent).

Through ``newscrawl.pagetype_eval``, the code behind ``newscrawl eval-pages``:
every real article page of the shared benchmarks must be called an article,
and when the labelled page set (``bench/pagesets/pagetype.jsonl``, laid out by
``bench/pagesets/layout.py``) has been placed at ``../shared/benchmarks/pagetype``,
its articles and non-articles are held to the floors below.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawl.pagetype_eval import evaluate, load_pages

pytestmark = pytest.mark.benchmark_data

#: Measured on the whole set (both halves): articles 395/398 called article,
#: non-articles 272/301 kept out.
MIN_PAGESET_ARTICLE_RECALL = 0.98
MIN_PAGESET_KEPT_OUT = 0.85


def test_every_shared_article_page_is_called_an_article(shared_benchmarks: Path) -> None:
    pages = [*load_pages(shared_benchmarks / "aeb"), *load_pages(shared_benchmarks / "fundus")]
    assert len(pages) == 210
    results = evaluate(pages)
    misses = [f"{m.page.url}: {m.verdict}" for r in results for m in r.misses]
    assert not misses, "\n".join(misses)


def test_labelled_page_set(shared_benchmarks: Path) -> None:
    root = shared_benchmarks / "pagetype"
    if not (root / "labels.json").is_file():
        pytest.skip(f"{root} not laid out (bench/pagesets/layout.py)")
    results = evaluate(load_pages(root))
    articles = sum(r.articles for r in results)
    found = sum(r.articles_found for r in results)
    others = sum(r.others for r in results)
    kept_out = sum(r.others_rejected for r in results)
    assert found >= MIN_PAGESET_ARTICLE_RECALL * articles
    assert kept_out >= MIN_PAGESET_KEPT_OUT * others
