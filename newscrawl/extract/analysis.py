"""Everything a crawl reads from one HTML page, in one pass over one parsed tree.

:func:`analyse_page` is what the ``news`` spider needs of a page: its type,
its article fields when it is an article, the links to follow and the feeds it
advertises. It is pure (HTML and URL in, picklable values out), so it can run in
another process: :class:`newscrawl.middlewares.analysis.AnalysisMiddleware`
runs it in a process pool behind the spider, on the machine's other cores,
while the reactor goes on downloading. The page is parsed once
(:func:`newscrawl.extract.article.parse_html` caches the tree by its text), and
article extraction runs only on pages the page-type check calls articles.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from newscrawl.extract.article import ExtractedArticle, extract_article, parse_html
from newscrawl.extract.links import Link, page_links
from newscrawl.extract.pagetype import PageVerdict, classify_tree
from newscrawl.extract.sniff import too_deep
from newscrawl.sites import SiteProfile


@dataclass
class PageAnalysis:
    """What one page is and holds, as the spider uses it."""

    url: str
    #: Length of the HTML read: the spider checks that it is the page it has.
    length: int
    verdict: PageVerdict
    #: Article fields, only when ``verdict.kind == "article"``.
    extracted: ExtractedArticle | None = None
    links: list[Link] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    #: Nested past libxml2's limit: the tree is empty, its links lost.
    too_deep: bool = False
    #: CPU seconds of each stage (classify, extract, links), wherever it ran.
    cpu: dict[str, float] = field(default_factory=dict, compare=False)


def analyse_page(html: str, url: str, profile: SiteProfile | None = None) -> PageAnalysis:
    """Classify the page, extract the article if it is one, find its links and feeds."""
    started = time.thread_time()
    verdict = classify_tree(parse_html(html), url)
    analysis = PageAnalysis(url=url, length=len(html), verdict=verdict)
    cpu = analysis.cpu
    cpu["classify"], started = _lap(started)
    if verdict.kind == "article":
        analysis.extracted = extract_article(html, url, profile)
        cpu["extract"], started = _lap(started)
    elif verdict.reason == "short-text" and too_deep(html):
        analysis.too_deep = True
        return analysis
    selectors = profile.selectors if profile else {}
    analysis.links, analysis.feeds = page_links(
        html,
        url,
        article_selector=selectors.get("article_links"),
        listing_selector=selectors.get("listing_links"),
    )
    cpu["links"], _ = _lap(started)
    return analysis


def _lap(started: float) -> tuple[float, float]:
    """CPU seconds of this thread since ``started``, and the time now."""
    now = time.thread_time()
    return now - started, now
