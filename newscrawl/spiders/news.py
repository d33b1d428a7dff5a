"""The ``news`` spider: finds every article of a news site.

Routing only: which request next, at what priority. Pages are read by the pure
functions of :mod:`newscrawl.extract`; the spider decides what to follow.

Usage::

    scrapy crawl news -a start_urls=https://example.com/[,URL...]
    scrapy crawl news -a site=NAME            # a profile in newscrawl/sites/

Spider arguments: ``start_urls``, ``site`` (profile name or .toml path),
``site_name`` (the ``site`` value stored with articles; default the profile
name or the host), ``max_articles``, ``max_listing_depth``, ``since``
(override the ``NEWSCRAWL_*`` settings of the same names).

Settings: ``NEWSCRAWL_MAX_LISTING_DEPTH`` (pages one chain of listings may go
deep: calendar and ``?page=N`` traps end there), ``NEWSCRAWL_EMPTY_PAGES_GRACE``
(listing pages in a row without an unseen article link before a chain stops),
``NEWSCRAWL_SINCE`` (feed and sitemap entries older than it are not fetched),
``NEWSCRAWL_MAX_LINKS_PER_PAGE`` (links followed at most from one page),
``NEWSCRAWL_MAX_ARTICLES``, ``NEWSCRAWL_DATE_DEFER_MAX`` (articles of a site whose
only date is a local time wait, up to this many, for a page that teaches the
site's time zone; 0: never wait; see :mod:`newscrawl.spiders.deferral`).

Stats: ``newscrawl/pages/<kind>``, ``newscrawl/skipped/<reason>``,
``newscrawl/links/<kind>``, ``newscrawl/links/over_cap``,
``newscrawl/listing/stopped_{depth,empty}``, ``newscrawl/rejected/<kind>/<reason>``
(pages that are not articles), ``newscrawl/repaired/charset``, ``newscrawl/bad/<reason>``
(pages not read, each logged with its reason: :mod:`newscrawl.faults`,
:mod:`newscrawl.extract.sniff`), ``newscrawl/cpu/{classify,extract,links,follow}``
(CPU seconds of reading pages, wherever they were read, and of following their links,
feeds and sitemaps: :mod:`newscrawl.stagetime`).
Which URLs are skipped (seen, done by a resumed run, stored and unchanged) and
the job log of a resumable crawl: :mod:`newscrawl.spiders.frontier`; feeds,
sitemaps and robots.txt: :mod:`newscrawl.spiders.indexes`. The spider says when
it is done with a page and which pages are articles (:mod:`newscrawl.signals`):
a distributed crawl holds a page's request until then (:mod:`newscrawl.cluster`).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import datetime
from itertools import islice
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Request, Response, TextResponse
from scrapy.settings import SETTINGS_PRIORITIES
from twisted.python.failure import Failure

from newscrawl import __version__
from newscrawl import signals as newscrawl_signals
from newscrawl.checks import check_settings
from newscrawl.extract.analysis import analyse_page
from newscrawl.extract.feeds import is_feed
from newscrawl.extract.links import Link, take_links
from newscrawl.extract.sitemaps import is_sitemap
from newscrawl.extract.sniff import better_encoding, binary_kind
from newscrawl.extract.urlclass import LinkKind
from newscrawl.faults import BULK, failure_reason, is_fault
from newscrawl.incremental import KnownArticles
from newscrawl.items import ArticleItem
from newscrawl.middlewares.analysis import take_analysis
from newscrawl.sites import SiteProfile, load_profile
from newscrawl.spiders.deferral import DateDeferral
from newscrawl.spiders.frontier import Frontier
from newscrawl.spiders.indexes import IndexRouting
from newscrawl.spiders.scope import canonical_elsewhere, host_of, in_scope, too_old
from newscrawl.stagetime import StageClock
from newscrawl.timeparse import parse_since
from newscrawl.urls import canonicalize, url_key

#: Requests a feed or sitemap builds at a time (see NewsSpider._timed_batches).
FOLLOW_BATCH = 200
#: Navigation first: a next page or a feed finds many articles at once.
PRIORITY = {
    LinkKind.NEXT: 40,
    LinkKind.FEED: 30,
    LinkKind.SITEMAP: 30,
    LinkKind.ARTICLE: 20,
    LinkKind.LISTING: 10,
}
META = "newscrawl"
#: URLs whose scope verdict is remembered at most (then forgotten all at once).
SCOPE_MEMO = 8192


class NewsSpider(IndexRouting, scrapy.Spider):
    name = "news"

    def __init__(
        self,
        start_urls: str | Iterable[str] | None = None,
        site: str | None = None,
        site_name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.profile: SiteProfile | None = load_profile(site) if site else None
        if isinstance(start_urls, str):
            urls = [u.strip() for u in start_urls.split(",") if u.strip()]
        else:
            urls = list(start_urls or [])
        if not urls and self.profile is not None:
            urls = list(self.profile.start_urls)
        if not urls:
            raise ValueError(
                "give start URLs (-a start_urls=URL[,URL...]) or a profile (-a site=NAME)"
            )
        for url in urls:
            if urlsplit(url).scheme not in {"http", "https"}:
                raise ValueError(f"not an http(s) URL: {url!r}")
        self.start_urls = urls
        self.site_name = site_name or (self.profile.name if self.profile else None)
        # None: read local times with what the site's own pages teach (SiteClock).
        self.timezone = self.profile.timezone if self.profile else None
        self.allowed_domains = list(self.profile.allowed_domains) if self.profile else []
        #: Decides which URLs to request; keeps the job log of a resumable crawl.
        self.frontier = Frontier(self._stat)
        #: Builds the items of article pages; holds back those whose dates need a
        #: site clock that has not learned the zone yet.
        self.dates = DateDeferral(self.timezone, self._stat)
        self.run_arguments = {"start_urls": urls, "site": site, **kwargs}
        self.max_depth = 30
        self.empty_grace = 2
        self.max_links = 1000
        self.since: datetime | None = None
        self._scope: dict[str, bool] = {}
        #: Link URLs (as found) the frontier has seen: it skips them for good.
        self._settled: set[str] = set()
        #: CPU seconds per stage (newscrawl/cpu/<stage>); times nothing until start().
        self.cpu = StageClock(None)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        # Spider arguments win over settings; settings are not frozen yet here.
        for arg, name in (
            ("max_articles", "NEWSCRAWL_MAX_ARTICLES"),
            ("max_listing_depth", "NEWSCRAWL_MAX_LISTING_DEPTH"),
            ("since", "NEWSCRAWL_SINCE"),
        ):
            if kwargs.get(arg) not in (None, ""):
                settings.set(name, kwargs[arg], priority="spider")
        check_settings(settings)  # the CLI checked already; `scrapy crawl` has not
        if settings.getint("NEWSCRAWL_MAX_ARTICLES") > 0:
            settings.set(
                "CLOSESPIDER_ITEMCOUNT", settings.getint("NEWSCRAWL_MAX_ARTICLES"), "spider"
            )
        spider.dates.defer_max = settings.getint("NEWSCRAWL_DATE_DEFER_MAX")
        spider.frontier = Frontier.from_settings(settings, spider._stat)
        # A distributed crawl: every worker's clock learns from every worker's pages.
        spider.dates.shared = spider.frontier.shared
        crawler.signals.connect(spider.closed_cleanly, signal=signals.spider_closed)
        if settings.getpriority("USER_AGENT") in (None, SETTINGS_PRIORITIES["project"]):
            # USER_AGENT was built from the contact URL at import; -s NEWSCRAWL_CONTACT_URL
            # must still reach it.
            contact = settings.get("NEWSCRAWL_CONTACT_URL")
            settings.set("USER_AGENT", f"newscrawl/{__version__} (+{contact})", priority="spider")
        crawler.signals.connect(spider.idle, signal=signals.spider_idle)
        spider.max_depth = settings.getint("NEWSCRAWL_MAX_LISTING_DEPTH")
        spider.empty_grace = settings.getint("NEWSCRAWL_EMPTY_PAGES_GRACE")
        spider.max_links = settings.getint("NEWSCRAWL_MAX_LINKS_PER_PAGE", 1000)
        spider.since = parse_since(settings.get("NEWSCRAWL_SINCE") or None)
        return spider

    # --- entry points -------------------------------------------------------------

    async def start(self) -> AsyncIterator[Request]:
        assert self.crawler.stats is not None
        self.cpu = StageClock(self.crawler.stats)  # the stats exist from here on
        await self.frontier.open({self.site_name or host_of(url) for url in self.start_urls})
        if self.frontier.claim_seeding():
            for request in self.seed_requests():
                yield request
            self.frontier.seeding_done()
        for entry in self.frontier.pending():
            for request in self._follow(
                entry["url"],
                LinkKind(entry["kind"]),
                depth=entry["depth"],
                empty=entry["empty"],
            ):
                yield request

    def seed_requests(self) -> list[Request]:
        """The start URLs' requests (and their robots.txt, for the sitemaps it names)."""
        requests = []
        for url in self.start_urls:
            self.frontier.start(url)
            requests.append(self._request(url, LinkKind.LISTING, depth=0, empty=0))
            requests.append(
                Request(
                    urljoin(url, "/robots.txt"),
                    callback=self.parse_robots,
                    errback=self.failed,
                    priority=PRIORITY[LinkKind.SITEMAP],
                    dont_filter=self.frontier.resumable,
                )
            )
        return requests

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        page = _Page()
        yield from self.route(response, page)
        if self.frontier.resumable and not page.article:
            # An article page is done once its row is in the database, not before
            # (also when its item waits for the site's clock).
            self.frontier.completed(_first_url(response))
        self._done(response.request)

    def route(self, response: Response, page: _Page | None = None) -> Iterator[Any]:
        # Feeds and sitemaps are sniffed from bytes: a .xml.gz sitemap is not a TextResponse.
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
        if is_sitemap(response.body, content_type):
            yield from self._timed_batches(self.parse_sitemap(response))
            return
        if is_feed(response.body, content_type):
            yield from self._timed_batches(self.parse_feed(response))
            return
        # Magic bytes, not headers: PDFs, images and zips are served as text/html.
        binary = binary_kind(response.body)
        if binary or not isinstance(response, TextResponse):
            self._bad(response.url, f"binary_{binary or 'data'}", content_type or "no type")
            return
        if "html" not in content_type and not response.text.lstrip()[:200].lower().startswith(
            ("<!doctype html", "<html")
        ):
            self._stat("skipped/non_html")
            return
        encoding = better_encoding(response.body, response.encoding)
        if encoding:
            # A UTF-8 page labelled Latin-1: read as labelled, every "é" becomes "Ã©".
            self._stat("repaired/charset")
            response = response.replace(encoding=encoding)
        yield from self.parse_html(response, page or _Page())

    def _timed_batches(self, requests: Iterator[Request]) -> Iterator[Request]:
        """``requests`` (a feed's or sitemap's), built in batches under the ``follow`` clock.

        A timed block never spans a yield (the code consuming the requests would
        count too), and a batch, not the whole sitemap: 50,000 requests built at
        once held some 100 MB until the scheduler had taken them (most of it then
        stayed with the process, as fragmented heap).
        """
        while True:
            with self.cpu("follow"):
                batch = list(islice(requests, FOLLOW_BATCH))
            if not batch:
                return
            yield from batch

    def parse_html(self, response: TextResponse, page: _Page) -> Iterator[Any]:
        html = response.text
        # Read in the analysis process pool when there is one (AnalysisMiddleware).
        analysis = take_analysis(response, html)
        pooled = analysis is not None
        if analysis is None:
            analysis = analyse_page(html, response.url, self.profile)
        # classify, extract, links: timed where the page was read (here or in the pool).
        self.cpu.add(analysis.cpu, elsewhere=pooled)
        # The page's shape decides first: listings are never run through article extraction.
        verdict = analysis.verdict
        extracted = analysis.extracted
        if extracted is not None:
            canonical = extracted.fields.get("canonical_url")
            elsewhere = canonical_elsewhere(canonical, response.url)
            if elsewhere:
                # A syndicated or alternate copy: store the article from its canonical page.
                self._stat("skipped/non_canonical")
                yield from self._follow(elsewhere, LinkKind.ARTICLE)
            else:
                self._stat("pages/article")
                site = self.site_name or host_of(response.url)
                page.article = True
                self.crawler.signals.send_catch_log(
                    newscrawl_signals.article_found, request=response.request, url=response.url
                )
                hint = response.meta.get(META, {}).get("date_hint")
                # Timed blocks never span a yield: what consumes the items would count too.
                with self.cpu("extract"):
                    items = list(self.dates.article(extracted, response.url, site, hint=hint))
                yield from items
        elif analysis.too_deep:
            # libxml2 stops at 256 levels: the page parsed to nothing, links included.
            self._bad(response.url, "too_deep", "HTML nested deeper than 256 levels")
            return
        else:
            self._stat(f"pages/{verdict.kind}")
            self._stat(f"rejected/{verdict.kind}/{verdict.reason}")
            self.logger.debug(
                "Not an article (%s, %s): %s; %s",
                verdict.kind,
                verdict.reason,
                response.url,
                "; ".join(verdict.evidence),
            )
        with self.cpu("follow"):
            requests = [
                request
                for feed in analysis.feeds
                if self._allowed(feed)
                for request in self._follow(feed, LinkKind.FEED)
            ]
            requests += self.follow_links(response, analysis.links, from_listing=extracted is None)
        yield from requests

    def idle(self) -> None:
        """Before closing, store what still waits for a clock (read as UTC, counted).

        In a distributed crawl, only once no worker has pages left to fetch or
        parse: this worker may be idle while the others' pages still teach the clock.
        """
        if self.dates.waiting and self.frontier.pages_pending():
            raise DontCloseSpider
        if self.dates.waiting and self.crawler.engine is not None:
            self.crawler.engine.crawl(
                Request(
                    "data:,",
                    callback=self.flush_all,
                    dont_filter=True,
                    priority=100,
                    # The waiting articles are in this process: so is their flush.
                    meta={"newscrawl_local": True},
                )
            )
            raise DontCloseSpider

    def flush_all(self, response: Response) -> Iterator[ArticleItem]:
        yield from self.dates.flush_all()

    def follow_links(
        self, response: TextResponse, links: list[Link], from_listing: bool
    ) -> Iterator[Any]:
        meta = response.meta.get(META, {})
        depth = int(meta.get("depth", 0)) if from_listing else 0
        links = [x for x in links if x.kind is not LinkKind.OTHER and self._allowed(x.url)]
        links, over = take_links(links, self.max_links)
        if over:
            self._stat("links/over_cap", over)
            self.logger.info(
                "%s: %d links over NEWSCRAWL_MAX_LINKS_PER_PAGE=%d not followed",
                response.url,
                over,
                self.max_links,
            )
        navigation: list[tuple[str, LinkKind]] = []
        unseen_articles = 0
        for link in links:
            if link.kind in (LinkKind.NEXT, LinkKind.LISTING):
                navigation.append((link.url, link.kind))
            elif link.kind is LinkKind.ARTICLE:
                requests = list(self._follow(link.url, LinkKind.ARTICLE))
                # Articles a resumed run had already stored count as found by this run.
                unseen_articles += len(requests) or url_key(link.url) in self.frontier.done
                yield from requests
            else:
                yield from self._follow(link.url, link.kind)
        empty = int(meta.get("empty", 0)) + 1 if from_listing and not unseen_articles else 0
        for url, kind in navigation:
            if depth + 1 > self.max_depth:
                self._stat("listing/stopped_depth")
                continue
            if empty > self.empty_grace:
                self._stat("listing/stopped_empty")
                continue
            yield from self._follow(url, kind, depth=depth + 1, empty=empty)

    def closed_cleanly(self, spider: scrapy.Spider, reason: str) -> None:
        self.frontier.closed(reason)

    def failed(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        if request is not None:
            self.frontier.completed(request.url)  # a resumed run need not try it again
            self._done(request)
        detail = str(failure.value) or type(failure.value).__name__
        response = getattr(failure.value, "response", None)
        if response is not None:  # HttpError: say what the server answered
            detail = f"HTTP {response.status}"
            if response.headers.get(b"Location"):
                detail += f" to {response.headers[b'Location'].decode('latin-1')}"
        self._bad(getattr(request, "url", "?"), failure_reason(failure.value), detail)

    # --- helpers ------------------------------------------------------------------

    @property
    def known(self) -> KnownArticles | None:
        """Stored articles of this site (incremental crawls); read by KnownRedirectMiddleware."""
        return self.frontier.known

    def _follow(
        self,
        url: str,
        kind: LinkKind,
        *,
        depth: int = 0,
        empty: int = 0,
        changed: str | None = None,
        hint: str | None = None,
    ) -> Iterator[Request]:
        """The request for ``url``, unless the frontier skips it. ``hint``: the
        publication date a feed or sitemap gave (it travels with the request, so
        that the worker fetching the page gets it)."""
        if url in self._settled:
            return  # a menu or sidebar link the pages before this one had
        raw = url
        url = canonicalize(url)
        follow = self.frontier.follow(url, kind, changed)
        if self.frontier.settled(url):
            # Seen for good: the next pages' copies of this link stop here, not
            # after canonicalizing and asking the frontier (~150 links a page).
            if len(self._settled) >= SCOPE_MEMO:
                self._settled.clear()  # bounded, like the scope memo
            self._settled.add(raw)
        if follow is None:
            return
        self._stat(f"links/{kind.value}")
        request = self._request(url, kind, depth=depth, empty=empty)
        if hint:
            request.meta[META]["date_hint"] = hint
        if follow.dont_filter:
            request = request.replace(dont_filter=True)
        yield request

    def _request(self, url: str, kind: LinkKind, *, depth: int, empty: int) -> Request:
        """A page request, recorded in the job log of a resumable crawl."""
        request = Request(
            url,
            callback=self.parse,
            errback=self.failed,
            priority=PRIORITY.get(kind, 0),
            meta={META: {"kind": kind.value, "depth": depth, "empty": empty}},
        )
        return self.frontier.logged(request, kind, depth, empty)

    def _allowed(self, url: str) -> bool:
        # Asked for every link of every page; menus repeat the same URLs.
        allowed = self._scope.get(url)
        if allowed is None:
            if len(self._scope) >= SCOPE_MEMO:
                self._scope.clear()  # bounded: a long crawl's memory stays flat
            allowed = self._scope[url] = in_scope(url, self.start_urls, self.allowed_domains)
        return allowed

    def _too_old(self, raw: str | None) -> bool:
        return too_old(raw, self.since)

    def _done(self, request: Request | None) -> None:
        """The page of ``request`` is parsed (or failed): see newscrawl.signals.page_done."""
        self.crawler.signals.send_catch_log(newscrawl_signals.page_done, request=request)

    def _bad(self, url: str, reason: str, detail: str) -> None:
        """Count and log a page not read: ``bad/<reason>``, or ``skipped/<reason>``
        when nothing went wrong (robots.txt, 304 Not Modified)."""
        if not is_fault(reason):
            self._stat(f"skipped/{reason}")
            self.logger.debug("Skipped %s: %s (%s)", url, reason, detail)
            return
        self._stat(f"bad/{reason}")
        # A dropped branch refuses its requests by the thousand; the drop itself is logged.
        level = logging.DEBUG if reason in BULK else logging.INFO
        self.logger.log(level, "Bad page %s: %s (%s)", url, reason, detail[:300])

    def _stat(self, key: str, count: int = 1) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"newscrawl/{key}", count)


class _Page:
    """What parsing one page found out: whether it was an article page."""

    __slots__ = ("article",)

    def __init__(self) -> None:
        self.article = False


def _first_url(response: Response) -> str:
    """The URL the spider asked for, before any redirect."""
    return str((response.meta.get("redirect_urls") or [response.url])[0])
