"""Incremental crawls: which stored articles are worth fetching again.

By default a crawl into a database that already holds a site's articles
fetches a stored article again only when it is due: a feed or sitemap entry
says it changed after we last crawled it (lastmod, dateModified, updated), or
it was last crawled longer ago than ``NEWSCRAWL_REFRESH_AFTER``. Everything
else is new, and fetched.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta

from newscrawl.processors.dates import parse_local
from newscrawl.storage.engine import existing_engine
from newscrawl.storage.repository import ArticleRepository
from newscrawl.urls import url_key


class KnownArticles:
    """Stored articles by ``url_key``, with the time each was last crawled."""

    def __init__(
        self,
        crawled: Mapping[str, datetime],
        *,
        refresh_after: timedelta | None = None,
        now: datetime | None = None,
    ) -> None:
        self.crawled = {url_key(url): when for url, when in crawled.items()}
        self.refresh_after = refresh_after
        self.now = now or datetime.now(UTC)

    def __len__(self) -> int:
        return len(self.crawled)

    def __contains__(self, key: object) -> bool:
        """Whether a ``url_key`` is stored."""
        return key in self.crawled

    def crawled_since(self, when: datetime) -> set[str]:
        """url_keys of the articles crawled at or after ``when``."""
        return {key for key, last in self.crawled.items() if last >= when}

    def due(self, url: str, changed_raw: str | None = None) -> bool:
        """Whether ``url`` should be fetched: new, changed since, or due a refresh."""
        last = self.crawled.get(url_key(url))
        if last is None:
            return True
        if self.refresh_after is not None and self.now - last >= self.refresh_after:
            return True
        changed = parse_local(changed_raw)
        if changed is None:
            return False
        if changed.tzinfo is None:
            changed = changed.replace(tzinfo=UTC)
        return changed > last


def load_known(
    database_url: str, sites: Iterable[str], refresh_after: timedelta | None = None
) -> KnownArticles:
    """What the database holds for ``sites`` (blocking: call it off the reactor thread)."""
    engine = existing_engine(database_url, "articles")
    if engine is None:
        return KnownArticles({}, refresh_after=refresh_after)  # nothing stored yet
    try:
        repo = ArticleRepository(engine)
        crawled: dict[str, datetime] = {}
        for site in sites:
            crawled.update(repo.crawl_times(site))
    finally:
        engine.dispose()
    return KnownArticles(crawled, refresh_after=refresh_after)
