"""Where a distributed crawl keeps its state in Redis, and the connection to it.

Every key of one site's crawl starts with ``PREFIX:SITE`` (``NEWSCRAWL_REDIS_PREFIX``
and the site's lock name), so several sites, or test runs, share one Redis
without touching each other's keys, and a finished crawl's keys can be found
and removed together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import redis
from scrapy.settings import BaseSettings

#: scrapy-redis formats its keys with ``%``: a key holding one would break there.
_PREFIX = re.compile(r"^[A-Za-z0-9._:-]+$")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def redis_client(url: str) -> redis.Redis:
    """A client for ``url`` (``redis://host:6379/0``); replies are bytes."""
    # The timeouts are scrapy-redis' defaults: a hung server stops a worker with an
    # error instead of freezing it.
    return redis.Redis.from_url(
        url, socket_timeout=30, socket_connect_timeout=30, retry_on_timeout=True
    )


def text(value: bytes | str) -> str:
    """A Redis reply as text (replies are bytes; redis-py's types allow str too)."""
    return value.decode() if isinstance(value, bytes) else value


def check_prefix(prefix: str) -> str:
    """``prefix`` when it is a usable key prefix; ``ValueError`` naming the setting if not."""
    if not _PREFIX.match(prefix or ""):
        raise ValueError(
            f"NEWSCRAWL_REDIS_PREFIX may hold letters, digits and . _ : - only, not {prefix!r}"
        )
    return prefix


def crawl_key(prefix: str, site: str) -> str:
    """The key base of ``site``'s crawl: ``PREFIX:SITE`` with the site made key-safe."""
    return f"{check_prefix(prefix)}:{_UNSAFE.sub('_', site).strip('_') or 'site'}"


@dataclass(frozen=True)
class CrawlKeys:
    """The Redis keys of one site's distributed crawl."""

    base: str

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> CrawlKeys | None:
        """The keys of the crawl this crawler works for, or None outside a distributed crawl.

        Reads ``NEWSCRAWL_REDIS_URL`` and ``NEWSCRAWL_REDIS_CRAWL`` (set by newscrawl).
        """
        base = settings.get("NEWSCRAWL_REDIS_CRAWL") or ""
        if not (settings.get("NEWSCRAWL_REDIS_URL") and base):
            return None
        return cls(base)

    def _key(self, name: str) -> str:
        return f"{self.base}:{name}"

    # The crawl itself.
    @property
    def config(self) -> str:
        """JSON: the target, the settings every worker applies, when it began."""
        return self._key("config")

    @property
    def planned(self) -> str:
        """How many workers were started for the crawl (divides the per-site limits)."""
        return self._key("planned")

    @property
    def seeded(self) -> str:
        """The worker seeding the start URLs, then ``done``."""
        return self._key("seeded")

    @property
    def done(self) -> str:
        """Set once the frontier stayed empty: the crawl is complete."""
        return self._key("done")

    # scrapy-redis: the shared request queue (a sorted set) and dupefilter (a set).
    @property
    def requests(self) -> str:
        return self._key("requests")

    @property
    def dupefilter(self) -> str:
        return self._key("dupefilter")

    # Workers.
    @property
    def workers(self) -> str:
        """Hash: worker id -> JSON (host, pid, state)."""
        return self._key("workers")

    def alive(self, worker: str) -> str:
        """Exists while ``worker`` beats (a string with a time to live)."""
        return self._key(f"alive:{worker}")

    def leases(self, worker: str) -> str:
        """Sorted set: the requests ``worker`` took and has not finished, by priority."""
        return self._key(f"leases:{worker}")

    def unparsed(self, worker: str) -> str:
        """How many of ``worker``'s leased requests are not parsed yet: pages that may
        still lead to more pages (the others only wait for their article's storage)."""
        return self._key(f"unparsed:{worker}")

    @property
    def stats(self) -> str:
        """Hash: worker id -> JSON of its Scrapy stats (the summary adds them up)."""
        return self._key("stats")

    # What the spider and the pipelines share.
    @property
    def seen(self) -> str:
        """Set: url_keys the crawl requested, or will not request."""
        return self._key("seen")

    @property
    def urls(self) -> str:
        """Hash: canonical url_key -> the worker that took the article first."""
        return self._key("urls")

    @property
    def hashes(self) -> str:
        """Hash: content hash -> JSON (canonical URL, site, worker) of the first copy."""
        return self._key("hashes")

    @property
    def signatures(self) -> str:
        """List: near-duplicate signatures in the order the workers checked them."""
        return self._key("signatures")

    def clock(self, site: str) -> str:
        """List: (local time, instant) pairs that teach ``site``'s time zone."""
        return self._key(f"clock:{_UNSAFE.sub('_', site)}")

    @property
    def pattern(self) -> str:
        """A SCAN pattern that matches every key of the crawl."""
        escaped = re.sub(r"([*?\[\]\\])", r"\\\1", self.base)
        return f"{escaped}:*"
