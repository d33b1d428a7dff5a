"""Mark near-duplicates: a body that nearly repeats an earlier article's.

A wire story on two sites, or a lightly edited second version, is stored, not
dropped, with ``duplicate_of`` naming the first-seen article, so queries can
see syndication. Bodies are compared by MinHash signatures
(``newscrawl.similarity``); each article's signature is stored with it, and
the stored ones are loaded by publication day, only for the days around the
articles being checked, so memory stays bounded however large the database.

The workers of a distributed crawl also append every signature they check to
one log in Redis, and read the others' entries before each check: an article
is compared with every one checked before it in the log, by any worker, so of
two copies checked at once on two workers exactly one is the original.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.settings import BaseSettings
from scrapy.statscollectors import StatsCollector
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from newscrawl.cluster.shared import SharedCrawl
from newscrawl.similarity import NearDuplicateIndex, from_bytes, signature, to_bytes
from newscrawl.stagetime import StageClock
from newscrawl.storage.engine import database_secrets, existing_engine
from newscrawl.storage.faults import describe_error
from newscrawl.storage.models import utcnow
from newscrawl.storage.signatures import load_signatures
from newscrawl.timeparse import parse_age

if TYPE_CHECKING:
    from datasketch import LeanMinHash

logger = logging.getLogger(__name__)

#: How often a crawl reads the signatures that other crawls (running at the same
#: time) stored in its window since it last looked.
REFRESH_EVERY = timedelta(minutes=1)
#: ``first_seen_at`` is the writer's clock when its transaction began; the commit
#: can come later, so each refresh looks back this much further.
REFRESH_SLACK = timedelta(minutes=5)
#: NEWSCRAWL_NEAR_DUPLICATE_SCOPE: compare with every site's articles, or the own site's.
SCOPES = ("all", "site")


@dataclass(frozen=True)
class NearDuplicateOptions:
    """The near-duplicate settings, read and checked (also before a crawl starts)."""

    threshold: float
    window: timedelta
    max_loaded: int = 50_000
    same_site_only: bool = False

    def __post_init__(self) -> None:
        if not 0 < self.threshold <= 1:
            raise ValueError(
                "NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD must be between 0 (off) and 1, "
                f"not {self.threshold}"
            )
        if self.max_loaded < 1:
            raise ValueError(
                f"NEWSCRAWL_NEAR_DUPLICATE_MAX_LOADED must be at least 1, not {self.max_loaded}"
            )

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> NearDuplicateOptions | None:
        """The options, or None when the check is off; ``ValueError`` names a bad setting."""
        threshold = _setting(settings, "THRESHOLD", settings.getfloat)
        if threshold == 0:
            return None
        max_loaded = _setting(settings, "MAX_LOADED", lambda name: settings.getint(name, 10_000))
        age = _setting(settings, "WINDOW", lambda name: parse_age(settings.get(name)))
        scope = settings.get("NEWSCRAWL_NEAR_DUPLICATE_SCOPE") or "all"
        if scope not in SCOPES:
            raise ValueError(
                f"NEWSCRAWL_NEAR_DUPLICATE_SCOPE must be one of {SCOPES}, not {scope!r}"
            )
        return cls(threshold, age or timedelta(), max_loaded, same_site_only=scope == "site")


class NearDuplicatePipeline:
    """Sets ``duplicate_of`` on near-duplicates and ``signature`` on every item it can sign.

    Settings: ``NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD`` (0 turns the pipeline off),
    ``NEWSCRAWL_NEAR_DUPLICATE_WINDOW`` (an age like ``7d``: how far apart in
    publication time two copies may be), ``NEWSCRAWL_NEAR_DUPLICATE_MAX_LOADED``,
    ``NEWSCRAWL_NEAR_DUPLICATE_SCOPE`` (``all`` sites, or the article's own ``site``),
    ``NEWSCRAWL_DATABASE_URL``, ``NEWSCRAWL_REDIS_*`` (a distributed crawl's signature log).
    Stats: ``newscrawl/near_duplicates/found``, ``newscrawl/near_duplicates/loaded``
    (stored signatures read), ``newscrawl/near_duplicates/unsigned`` (bodies too short),
    ``newscrawl/near_duplicates/load_failed`` (reads the database did not answer:
    articles are compared with the signatures loaded, and signed all the same).
    """

    def __init__(
        self,
        stats: StatsCollector,
        database_url: str | None,
        options: NearDuplicateOptions,
        shared: SharedCrawl | None = None,
    ) -> None:
        self.stats = stats
        self.cpu = StageClock(stats)
        self.shared = shared
        #: How far this worker has read the shared signature log.
        self.log_read = 0
        self.database_url = database_url
        self.threshold = options.threshold
        window = options.window
        self.window_days = max(0, window.days + (1 if window % timedelta(days=1) else 0))
        self.max_loaded = options.max_loaded
        #: Compare with the article's own site only (NEWSCRAWL_NEAR_DUPLICATE_SCOPE=site).
        self.same_site_only = options.same_site_only
        self.index: NearDuplicateIndex | None = None
        #: (site, day) loaded from the database; the site is None when all sites count.
        self.loaded_days: set[tuple[str | None, int]] = set()
        self.keys_by_day: dict[int, set[str]] = {}
        self.day_of: dict[str, int] = {}
        self.site_of: dict[str, str | None] = {}
        self._engine: Engine | None = None
        self._lock = asyncio.Lock()
        #: Stored signatures read so far: counted in the worker thread, reported to
        #: the stats (not thread-safe) from the event loop.
        self.loaded = 0
        #: Loads that failed (the database was away); those days are read again later.
        self.load_failures = 0
        self.refresh_every = REFRESH_EVERY
        self._looked_at: datetime | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NearDuplicatePipeline:
        options = NearDuplicateOptions.from_settings(crawler.settings)
        if options is None:
            raise NotConfigured("NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD is 0")
        assert crawler.stats is not None
        database_url = crawler.settings.get("NEWSCRAWL_DATABASE_URL") or None
        return cls(
            crawler.stats, database_url, options, SharedCrawl.from_settings(crawler.settings)
        )

    async def process_item(self, item: object) -> object:
        adapter = ItemAdapter(item)
        key = adapter.get("canonical_url") or adapter["url"]
        known = adapter.get("duplicate_of") or None
        day = _day(adapter.get("published_at") or adapter.get("fetched_at"))
        # One check at a time, in a thread: the index is not thread-safe, and
        # hashing and loading are CPU and database work the reactor must not wait on.
        async with self._lock:
            signed, original = await asyncio.to_thread(
                self.cpu.timed,
                "near_duplicates",
                self._check,
                adapter.get("body"),
                key,
                day,
                known,
                adapter.get("site"),
            )
            self.stats.set_value("newscrawl/near_duplicates/loaded", self.loaded)
            if self.load_failures:
                self.stats.set_value("newscrawl/near_duplicates/load_failed", self.load_failures)
        if signed is None:
            self.stats.inc_value("newscrawl/near_duplicates/unsigned")
            return item
        adapter["signature"] = signed
        if original is not None and known is None:
            adapter["duplicate_of"] = original
            self.stats.inc_value("newscrawl/near_duplicates/found")
            logger.debug("Near-duplicate: %s of %s", key, original)
        return item

    def close_spider(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    def _check(
        self, body: str | None, key: str, day: int, known: str | None, site: str | None
    ) -> tuple[bytes | None, str | None]:
        """Sign ``body``; find its original unless ``known``; index it. In a worker thread."""
        sig = signature(body)
        if sig is None:
            return None, None
        if self.index is None:
            self.index = NearDuplicateIndex(self.threshold)
        self._load_around(day, site if self.same_site_only else None)
        if self.shared is not None:
            self._exchange(key, sig, day, known, site)
        original = known or self._original(sig, key, day, site)
        self._add(key, sig, original, day, site)
        self._evict(day)
        return to_bytes(sig), original

    def _original(self, sig: LeanMinHash, key: str, day: int, site: str | None) -> str | None:
        """The original of the indexed article ``sig`` nearly repeats, if any."""
        assert self.index is not None
        match = self.index.find(sig, exclude=key, accept=lambda k: self._near(k, day, site))
        return str(match[0]) if match else None

    def _exchange(
        self, key: str, sig: LeanMinHash, day: int, known: str | None, site: str | None
    ) -> None:
        """Log this check in the crawl's shared log; index what other workers checked first."""
        assert self.shared is not None
        entry = {"key": key, "minhash": to_bytes(sig), "day": day, "site": site, "known": known}
        self.log_read, earlier = self.shared.exchange_signature(entry, self.log_read)
        for other in earlier:
            if other["key"] in self.day_of:
                continue  # indexed already, from the database
            other_sig = from_bytes(other["minhash"])
            found = other["known"] or self._original(
                other_sig, other["key"], other["day"], other["site"]
            )
            self._add(other["key"], other_sig, found, other["day"], other["site"])

    def _load_around(self, day: int, site: str | None) -> None:
        """Load the stored signatures of the window around ``day`` not loaded yet.

        ``site``: of that site only; None: of every site.
        """
        wanted = range(day - self.window_days, day + self.window_days + 1)
        missing = [d for d in wanted if (site, d) not in self.loaded_days]
        try:
            self._read_stored(missing, site)
        except SQLAlchemyError as exc:
            # Compared with what is loaded; these days are read once the database answers
            # (a read is idempotent: what is indexed already is skipped).
            self.load_failures += 1
            if self.load_failures == 1 or self.load_failures % 100 == 0:
                logger.warning(
                    "Cannot read stored signatures (%s, %d times so far); articles are "
                    "compared with those loaded until the database answers",
                    describe_error(exc, database_secrets(self.database_url)),
                    self.load_failures,
                )
            return
        self.loaded_days.update((site, d) for d in missing)

    def _read_stored(self, missing: list[int], site: str | None) -> None:
        """Index the stored signatures of ``missing`` days, and what other crawls added."""
        engine = self._stored()
        if engine is not None:
            now = utcnow()
            if self._looked_at is not None and now - self._looked_at >= self.refresh_every:
                # Another crawl may have stored a copy in the days already loaded.
                since = self._looked_at - REFRESH_SLACK
                for scope in {scope for scope, _ in self.loaded_days}:
                    days = sorted(d for s, d in self.loaded_days if s == scope)
                    self._read(engine, days, scope, since)
                self._looked_at = now
            self._looked_at = self._looked_at or now
            self._read(engine, missing, site)

    def _read(
        self,
        engine: Engine,
        days: list[int],
        site: str | None,
        stored_since: datetime | None = None,
    ) -> None:
        """Index the stored signatures dated on ``days`` that are not indexed yet."""
        wanted = set(days)
        for first, last in _runs(days):
            start = datetime.combine(datetime.fromordinal(first), time(), UTC)
            end = datetime.combine(datetime.fromordinal(last + 1), time(), UTC)
            rows = load_signatures(engine, start, end, site=site, stored_since=stored_since)
            for row in rows:
                day = row.dated_at.date().toordinal()
                # An indexed article: this crawl's version is newer, or the same.
                if row.canonical_url not in self.day_of and day in wanted:
                    self.loaded += 1
                    sig = from_bytes(row.minhash)
                    self._add(row.canonical_url, sig, row.original_url, day, row.site)

    def _near(self, key: object, day: int, site: str | None) -> bool:
        """Whether ``key`` is dated within the window of ``day`` (others may stay loaded),
        and, when only the own site counts, is of ``site``."""
        if self.same_site_only and self.site_of[str(key)] != site:
            return False
        return abs(self.day_of[str(key)] - day) <= self.window_days

    def _stored(self) -> Engine | None:
        if self._engine is None and self.database_url:
            # Opened at the first item: by then the store pipeline has made the schema.
            self._engine = existing_engine(self.database_url, "article_signatures")
            if self._engine is None:
                self.database_url = None  # no signatures stored: do not look again
        return self._engine

    def _add(self, key: str, sig: object, original: str | None, day: int, site: str | None) -> None:
        assert self.index is not None
        previous = self.day_of.get(key)
        if previous is not None:
            self.keys_by_day[previous].discard(key)
        self.index.add(key, sig, original)  # type: ignore[arg-type]
        self.keys_by_day.setdefault(day, set()).add(key)
        self.day_of[key] = day
        self.site_of[key] = site

    def _evict(self, day: int) -> None:
        """Hold at most ``max_loaded`` signatures: let go of the days farthest from ``day``.

        Days outside the window go first. When the window alone holds more, it is
        narrowed for the rest of the crawl (a warning says so), down to ``day``
        itself, so that memory stays bounded whatever the database holds.
        """
        assert self.index is not None
        while len(self.index) > self.max_loaded:
            keep = range(day - self.window_days, day + self.window_days + 1)
            outside = [d for d in self.keys_by_day if d not in keep]
            if outside:
                self._forget(max(outside, key=lambda d: abs(d - day)))
            elif self.window_days > 0:
                self.window_days -= 1
                logger.warning(
                    "More than NEWSCRAWL_NEAR_DUPLICATE_MAX_LOADED=%d signatures fall in the "
                    "near-duplicate window; narrowed it to %d days either side",
                    self.max_loaded,
                    self.window_days,
                )
            else:
                break  # one day alone holds more: keep it, or nothing could be compared

    def _forget(self, day: int) -> None:
        assert self.index is not None
        for key in self.keys_by_day.pop(day):
            self.index.remove(key)
            del self.day_of[key]
            del self.site_of[key]
        self.loaded_days = {(site, d) for site, d in self.loaded_days if d != day}


def _setting(settings: BaseSettings, name: str, read: Callable[[str], Any]) -> Any:
    """``NEWSCRAWL_NEAR_DUPLICATE_<name>`` as ``read`` reads it; a bad value names it."""
    full = f"NEWSCRAWL_NEAR_DUPLICATE_{name}"
    try:
        return read(full)
    except ValueError as exc:
        raise ValueError(f"{full}: {exc}") from exc


def _day(value: object) -> int:
    """The UTC day (ordinal) of an ISO 8601 time; today when there is none."""
    when = None
    if isinstance(value, datetime):
        when = value
    elif value:
        try:
            when = datetime.fromisoformat(str(value))
        except ValueError:
            when = None
    if when is None:
        when = datetime.now(UTC)
    elif when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).date().toordinal()


def _runs(days: list[int]) -> list[tuple[int, int]]:
    """Sorted day ordinals as ``(first, last)`` runs of consecutive days."""
    runs: list[tuple[int, int]] = []
    for day in sorted(days):
        if runs and runs[-1][1] == day - 1:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs
