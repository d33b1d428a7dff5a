"""What the news spider still has to fetch: which URLs it skips, and why.

A URL is skipped when this run has already requested it (``seen``), when an
interrupted run that this one resumes already finished it (``done``), or, in an
incremental crawl, when it is an article the database holds and nothing says
has changed (``known``). A resumable crawl (``NEWSCRAWL_JOBDIR``) records every
request in a :class:`~newscrawl.joblog.JobLog`, so that a run killed midway
resumes where it stopped.

In a distributed crawl (:mod:`newscrawl.cluster`) ``seen`` is one set in Redis
for all workers, and only the first worker seeds the start URLs; ``known`` is
read from the shared database by each worker; there is no job log (the shared
queue in Redis is the crawl's durable state).

Settings: ``NEWSCRAWL_INCREMENTAL``, ``NEWSCRAWL_REFRESH_AFTER``,
``NEWSCRAWL_DATABASE_URL`` (where stored articles are read), ``NEWSCRAWL_JOBDIR``,
``NEWSCRAWL_REDIS_*`` (a distributed crawl's shared state).

Stats: ``newscrawl/incremental/{known,skipped_known,refetched}``,
``newscrawl/resume/{done,pending,skipped_done}``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from scrapy.http import Request
from scrapy.settings import BaseSettings

from newscrawl.cluster.shared import SharedCrawl
from newscrawl.extract.urlclass import LinkKind
from newscrawl.hashset import HashSet
from newscrawl.incremental import KnownArticles, load_known
from newscrawl.joblog import JobLog
from newscrawl.timeparse import parse_age
from newscrawl.urls import url_key


class SeenSet:
    """The url_keys a crawl requested, or will not request; shared in Redis when
    ``shared`` is given (a distributed crawl), this process's own otherwise."""

    def __init__(self, shared: SharedCrawl | None = None) -> None:
        self.shared = shared
        # The keys' 64-bit hashes, not the keys, in a HashSet (~8 bytes each): a
        # crawl of 100,000 articles sees several hundred thousand URLs. Two URLs
        # of one crawl share a hash with odds of about 1 in 10^8 (one million
        # URLs); the later one would then go unfetched.
        self._keys = HashSet()

    def __contains__(self, key: object) -> bool:
        # Only what this process knows: asking Redis for every link would cost a
        # round trip each; add() asks, once per key, and settles it.
        return hash(key) in self._keys

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key: str) -> bool:
        """Mark ``key`` seen; True when no one (no other worker either) had."""
        if not self._keys.add(hash(key)):
            return False
        return self.shared.add_seen(key) if self.shared is not None else True


@dataclass(frozen=True)
class Follow:
    """How to request a URL the frontier lets through."""

    #: Bypass Scrapy's dupefilter: the URL is a stored article being fetched again.
    dont_filter: bool = False


class Frontier:
    """Decides which URLs the spider requests, and keeps the job log of a resumable crawl.

    Each URL is fetched once per run; a resumed run does not fetch again what the
    killed run finished; an incremental run fetches a stored article only when
    it is due (changed, or older than ``refresh_after``). The spider routes: it
    asks :meth:`follow` before it requests a URL, builds each request through
    :meth:`logged`, and reports finished pages to :meth:`completed`. ``stat``
    counts a stats key (under ``newscrawl/``) by a number.
    """

    def __init__(
        self,
        stat: Callable[[str, int], None],
        *,
        incremental: bool = False,
        refresh_after: timedelta | None = None,
        database_url: str = "",
        jobdir: str = "",
        shared: SharedCrawl | None = None,
    ) -> None:
        self._stat = stat
        self.incremental = incremental
        self.refresh_after = refresh_after
        self.database_url = database_url
        self.jobdir = jobdir
        #: The shared state of a distributed crawl (None: this process crawls alone).
        self.shared = shared
        #: url_keys this run has requested, or will not request.
        self.seen = SeenSet(shared)
        #: url_keys of the articles stored since the interrupted run began (when
        #: resuming): done, and part of this run.
        self.done: set[str] = set()
        #: Stored articles of the site (incremental crawls).
        self.known: KnownArticles | None = None
        #: The job log of a resumable crawl.
        self.joblog: JobLog | None = None

    @classmethod
    def from_settings(cls, settings: BaseSettings, stat: Callable[[str, int], None]) -> Frontier:
        """A frontier configured by the ``NEWSCRAWL_*`` settings named above."""
        return cls(
            stat,
            incremental=settings.getbool("NEWSCRAWL_INCREMENTAL"),
            refresh_after=parse_age(settings.get("NEWSCRAWL_REFRESH_AFTER") or None),
            database_url=settings.get("NEWSCRAWL_DATABASE_URL"),
            jobdir=settings.get("NEWSCRAWL_JOBDIR") or "",
            shared=SharedCrawl.from_settings(settings),
        )

    async def open(self, sites: Iterable[str]) -> None:
        """Open the job log (when resumable) and load what the database holds of ``sites``."""
        if self.jobdir:
            self.joblog = JobLog(Path(self.jobdir))
        resuming_since = self.joblog.started_at if self.joblog and self.joblog.resuming else None
        if (self.incremental or resuming_since) and self.database_url:
            known = await asyncio.to_thread(
                load_known, self.database_url, set(sites), self.refresh_after
            )
            if self.incremental:
                self.known = known
                self._stat("incremental/known", len(known))
            if resuming_since is not None:
                self.done = known.crawled_since(resuming_since)
                self._stat("resume/done", len(self.done))

    @property
    def resumable(self) -> bool:
        """Whether this crawl keeps a job log."""
        return self.joblog is not None

    def claim_seeding(self) -> bool:
        """Whether this process is to request the start URLs: in a distributed crawl,
        only the first worker does."""
        return self.shared is None or self.shared.claim_seeding()

    def seeding_done(self) -> None:
        if self.shared is not None:
            self.shared.seeding_done()

    def pages_pending(self) -> bool:
        """Whether other workers of a distributed crawl still fetch or parse pages
        (pages that may teach a site's clock); always False for a crawl alone, whose
        engine is idle."""
        return self.shared is not None and self.shared.pages_pending()

    def start(self, url: str) -> None:
        """A start URL: always requested, and never again."""
        self.seen.add(url_key(url))

    def follow(self, url: str, kind: LinkKind, changed: str | None = None) -> Follow | None:
        """How to request ``url`` (canonical), or None to skip it.

        ``changed`` is when a feed or sitemap says the page last changed.
        """
        key = url_key(url)
        if key in self.seen:
            return None
        if key in self.done:
            self.seen.add(key)
            self._stat("resume/skipped_done", 1)
            return None
        if kind is LinkKind.ARTICLE and self.known is not None and not self.known.due(url, changed):
            # Stored, and nothing here says it changed: skipped, but not marked
            # seen, so a feed or sitemap entry met later may still say it did.
            # A listing of only such links counts as empty: pagination stops
            # about where the last crawl began.
            self._stat("incremental/skipped_known", 1)
            return None
        if not self.seen.add(key):
            return None  # another worker of a distributed crawl took it first
        if self.known is not None and key in self.known:
            # A stored article that is due: an earlier redirect to it, dropped as
            # known, may have left its fingerprint in the dupefilter.
            self._stat("incremental/refetched", 1)
            return Follow(dont_filter=True)
        return Follow()

    def settled(self, url: str) -> bool:
        """Is ``url`` (canonical) seen? Then :meth:`follow` skips it from now on: the
        seen set only grows."""
        return url_key(url) in self.seen

    def logged(self, request: Request, kind: LinkKind, depth: int, empty: int) -> Request:
        """Record a request in the job log of a resumable crawl."""
        if self.joblog is None:
            return request
        self.joblog.scheduled(request.url, kind.value, depth, empty)
        # The job log dedupes across runs; Scrapy's dupefilter would also remember
        # requests whose responses a killed run never processed.
        return request.replace(dont_filter=True)

    def pending(self) -> list[dict[str, Any]]:
        """The requests an interrupted run scheduled and did not finish (when resuming)."""
        if self.joblog is None or not self.joblog.resuming:
            return []
        pending = self.joblog.pending()
        self._stat("resume/pending", len(pending))
        return pending

    def completed(self, url: str) -> None:
        """A page whose work is done: a resumed run need not fetch it again."""
        if self.joblog is not None:
            self.joblog.completed(url)

    def closed(self, reason: str) -> None:
        """Remove the job log of a run that ended cleanly; keep it otherwise, to resume."""
        if self.joblog is not None:
            if reason in {"finished", "closespider_itemcount"}:
                self.joblog.finish()
            else:
                self.joblog.close()
