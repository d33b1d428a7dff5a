"""Articles whose only date is a local time, held until their site's time zone is learned.

Many sites print a time without an offset ("December 9, 2024 1:50 PM") on some
pages and the same kind of time with an offset on others (JSON-LD, feeds, news
sitemaps). A :class:`~newscrawl.extract.siteclock.SiteClock` per site learns
the zone from those pairs. An article read before its site's clock knows
anything waits here rather than be stored with a time hours off; what still
waits when the crawl runs out of requests is stored read in the zone its
language implies (:mod:`newscrawl.processors.zones`) or, without one, as UTC,
and counted.

In a distributed crawl each worker has its own clocks and waiting articles, and
every pair a worker learns from goes to the others through Redis
(:class:`~newscrawl.cluster.shared.SharedCrawl`): each clock learns from all
the crawl's pages. A feed's or sitemap's date for an article travels with its
request, to whichever worker fetches it.

Stats: ``newscrawl/dates/deferred``, ``newscrawl/dates/assumed_language_zone``,
``newscrawl/dates/assumed_utc``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from newscrawl.extract.article import ExtractedArticle
from newscrawl.extract.siteclock import SiteClock, date_pairs
from newscrawl.items import ArticleItem
from newscrawl.loaders import build_item
from newscrawl.processors.zones import language_zone
from newscrawl.urls import url_key

if TYPE_CHECKING:
    from newscrawl.cluster.shared import SharedCrawl


#: An article waiting for its site's clock: its fields, URL and when it was fetched.
_Waiting = tuple[ExtractedArticle, str, datetime]


class DateDeferral:
    """Builds the items of article pages, holding back those a site clock must read.

    ``timezone`` (a site profile's) reads every local time when given: nothing
    waits then. ``defer_max`` (``NEWSCRAWL_DATE_DEFER_MAX``) is how many articles
    of one site may wait; 0: none ever does. ``stat`` counts a stats key.
    """

    def __init__(
        self, timezone: str | None, stat: Callable[[str], None], defer_max: int = 500
    ) -> None:
        self.timezone = timezone
        self.defer_max = defer_max
        self._stat = stat
        self.clocks: dict[str, SiteClock] = {}
        #: Publication dates that feeds and news sitemaps gave, by the hash of the
        #: url_key (a sitemap index may name 100,000 articles; see SeenSet on the
        #: odds of a collision), each dropped once its article is read.
        self.entry_dates: dict[int, str] = {}
        #: Articles whose only date is a local time, waiting for their site's clock.
        self.pending: dict[str, list[_Waiting]] = {}
        #: A distributed crawl's shared state: the clock pairs of the other workers.
        self.shared: SharedCrawl | None = None

    def hint(self, url: str, raw: str | None) -> None:
        """Keep the publication date a feed or news sitemap gave for ``url``, if any.

        Paired with the page's own local time, it teaches the site's clock.
        """
        if raw:
            self.entry_dates.setdefault(hash(url_key(url)), raw)

    @property
    def waiting(self) -> bool:
        """True while any article waits for its site's clock."""
        return any(self.pending.values())

    def article(
        self, extracted: ExtractedArticle, url: str, site: str, hint: str | None = None
    ) -> Iterator[ArticleItem]:
        """The item of an article page, once its dates can be read in the right zone.

        ``hint``: the publication date a feed or sitemap gave for the page, if
        this process did not read that entry itself.
        """
        clock = self.clocks.setdefault(site, SiteClock())
        knew = clock.candidates is not None
        raws = list(extracted.published_candidates)
        if hint := self.entry_dates.pop(hash(url_key(url)), None) or hint:
            raws.append(hint)
        learned = [pair for pair in date_pairs(raws) if clock.observe(*pair)]
        self._share(site, learned)
        fetched_at = datetime.now(UTC)
        if learned or (not knew and clock.candidates is not None):
            # What this page (or another worker) taught may settle waiting articles.
            yield from self._release(site)
        if self.timezone is None and self.defer_max > 0 and not _readable(clock, extracted):
            # Its time is local and what the site's clock knows does not settle it
            # (nothing yet, or zones that disagree on that date): wait for a page
            # that teaches it rather than store a time an hour or hours off.
            waiting = self.pending.setdefault(site, [])
            waiting.append((extracted, url, fetched_at))
            self._stat("dates/deferred")
            if len(waiting) >= self.defer_max:
                yield from self.flush(site)
            return
        yield self._item(extracted, url, site, fetched_at)

    def _release(self, site: str) -> Iterator[ArticleItem]:
        """The items of ``site``'s waiting articles that its clock now reads."""
        waiting = self.pending.get(site)
        if not waiting:
            return
        clock = self.clocks[site]
        still: list[_Waiting] = []
        ready: list[_Waiting] = []
        for entry in waiting:
            (ready if _readable(clock, entry[0]) else still).append(entry)
        self.pending[site] = still
        for extracted, url, fetched_at in ready:
            yield self._item(extracted, url, site, fetched_at)

    def flush(self, site: str) -> Iterator[ArticleItem]:
        """The items of ``site``'s waiting articles, read with what its clock knows now."""
        for extracted, url, fetched_at in self.pending.pop(site, []):
            if self.clocks[site].candidates is None:
                guessed = language_zone(extracted.fields.get("language"))
                self._stat("dates/assumed_language_zone" if guessed else "dates/assumed_utc")
            yield self._item(extracted, url, site, fetched_at)

    def flush_all(self) -> Iterator[ArticleItem]:
        """The items of every waiting article (the crawl is about to close)."""
        for site in list(self.pending):
            self._share(site, [], now=True)  # what the other workers learned meanwhile
            yield from self.flush(site)

    def _share(
        self, site: str, learned: list[tuple[datetime, datetime]], *, now: bool = False
    ) -> None:
        """Publish the pairs ``site``'s clock learned; observe those of the other workers."""
        if self.shared is None:
            return
        self.shared.publish_clock(site, learned)
        clock = self.clocks.setdefault(site, SiteClock())
        for local, instant in self.shared.clock_news(site, now=now):
            clock.observe(local, instant)

    def _item(
        self, extracted: ExtractedArticle, url: str, site: str, fetched_at: datetime
    ) -> ArticleItem:
        return build_item(
            extracted,
            url=url,
            site=site,
            timezone=self.timezone,
            fetched_at=fetched_at,
            clock=self.clocks.get(site),
        )


def _readable(clock: SiteClock, extracted: ExtractedArticle) -> bool:
    """Does ``clock`` settle every local time of the article's dates?"""
    return all(
        clock.reads(extracted.fields.get(name)) for name in ("published_raw", "modified_raw")
    )
