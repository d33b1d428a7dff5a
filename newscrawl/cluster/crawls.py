"""Distributed crawls in Redis: starting or resuming one, finding those to join, adding up.

A crawl is registered under its key base (``PREFIX:SITE``) with what every
worker needs to crawl it (the target and the settings it was started with); the
database URL is not stored (it may hold a password): each machine gives its own
(``--db``), and the crawl keeps it only redacted, to show. A crawl is complete
once a worker found its frontier empty for the idle timeout (``done``); until
then, starting it again resumes it, and ``newscrawl worker`` joins it.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from typing import Any

import redis

from newscrawl.cluster.keys import CrawlKeys, crawl_key, text
from newscrawl.runner import CrawlTarget
from newscrawl.storage.engine import redact_url

#: How long the keys of a complete crawl stay for a look (the next crawl of the
#: site removes them anyway).
KEEP_COMPLETE = 24 * 3600


class ClusterBusy(RuntimeError):
    """The site's crawl is running (live workers), or its keys hold another target's."""


@dataclass
class ClusterCrawl:
    """One site's distributed crawl, as registered in Redis."""

    keys: CrawlKeys
    target: CrawlTarget
    #: Settings every worker applies (the command line's, less what is per machine).
    settings: dict[str, Any] = field(default_factory=dict)
    database: str = ""
    started_at: float = 0.0

    def to_json(self) -> str:
        return json.dumps(
            {
                "target": asdict(self.target),
                "settings": self.settings,
                "database": self.database,
                "started_at": self.started_at,
            }
        )

    @classmethod
    def from_json(cls, keys: CrawlKeys, raw: bytes | str) -> ClusterCrawl:
        data = json.loads(raw)
        return cls(
            keys,
            CrawlTarget(**data["target"]),
            dict(data.get("settings") or {}),
            str(data.get("database") or ""),
            float(data.get("started_at") or 0.0),
        )


def crawls_key(prefix: str) -> str:
    """The set of every crawl's key base under ``prefix``."""
    return f"{prefix}:crawls"


def register(
    server: redis.Redis,
    prefix: str,
    target: CrawlTarget,
    settings: dict[str, Any],
    database_url: str,
) -> tuple[ClusterCrawl, bool]:
    """Start ``target``'s crawl, or resume its unfinished one: ``(crawl, resumed)``.

    A complete crawl's keys are removed first (a new crawl starts with an empty
    frontier). Raises :class:`ClusterBusy` when the crawl has live workers (the
    per-site rule: one run at a time; ``newscrawl worker`` adds workers to it), or
    the keys hold another target's unfinished crawl.
    """
    keys = CrawlKeys(crawl_key(prefix, target.lock_key()))
    raw = server.get(keys.config)
    if raw is not None and server.exists(keys.done):
        remove(server, keys)
        raw = None
    if raw is not None:
        crawl = ClusterCrawl.from_json(keys, raw)
        if crawl.target != target:
            raise ClusterBusy(
                f"{keys.base} holds an unfinished crawl of {describe(crawl.target)}; "
                "finish it (newscrawl worker) or use another NEWSCRAWL_REDIS_PREFIX"
            )
        live = live_workers(server, keys)
        if live:
            raise ClusterBusy(
                f"{describe(target)} is being crawled by {live} live workers ({keys.base}); "
                "add workers to it with: newscrawl worker --redis URL"
            )
        crawl.settings = settings  # the settings given now win, as for any new run
        crawl.database = redact_url(database_url)
        resumed = True
    else:
        crawl = ClusterCrawl(keys, target, settings, redact_url(database_url), time.time())
        resumed = False
    server.set(keys.config, crawl.to_json())
    server.sadd(crawls_key(prefix), keys.base)
    return crawl, resumed


def load(server: redis.Redis, base: str) -> ClusterCrawl:
    """The crawl registered at ``base``; ``LookupError`` when there is none."""
    keys = CrawlKeys(base)
    raw = server.get(keys.config)
    if raw is None:
        raise LookupError(f"no crawl registered at {base}")
    return ClusterCrawl.from_json(keys, raw)


def unfinished(server: redis.Redis, prefix: str) -> list[ClusterCrawl]:
    """The crawls under ``prefix`` that are not complete (to join)."""
    found = []
    for raw in sorted(server.smembers(crawls_key(prefix))):
        keys = CrawlKeys(text(raw))
        config = server.get(keys.config)
        if config is None:
            server.srem(crawls_key(prefix), raw)  # its keys expired
        elif not server.exists(keys.done):
            found.append(ClusterCrawl.from_json(keys, config))
    return found


def live_workers(server: redis.Redis, keys: CrawlKeys) -> int:
    """How many of the crawl's workers beat now."""
    workers = [text(w) for w in server.hkeys(keys.workers)]
    return sum(bool(server.exists(keys.alive(w))) for w in workers)


def plan_workers(server: redis.Redis, keys: CrawlKeys, count: int, *, join: bool) -> int:
    """Record ``count`` more workers (``join``) or exactly ``count``; the total planned."""
    if join:
        return int(server.incrby(keys.planned, count))
    server.set(keys.planned, count)
    return count


def planned_workers(server: redis.Redis, keys: CrawlKeys) -> int:
    """How many workers the crawl's per-site limits are divided among."""
    return max(1, int(server.get(keys.planned) or 1))


def is_complete(server: redis.Redis, keys: CrawlKeys) -> bool:
    return bool(server.exists(keys.done))


def totals(server: redis.Redis, keys: CrawlKeys) -> dict[str, Any]:
    """Every worker's last published stats, added up (numbers only)."""
    total: dict[str, Any] = {}
    for raw in server.hvals(keys.stats):
        for name, value in totals_of(raw).items():
            total[name] = total.get(name, 0) + value
    return total


def totals_of(raw: bytes | str) -> dict[str, int | float]:
    """The numbers among one worker's published stats."""
    stats = json.loads(raw)
    return {
        name: value
        for name, value in stats.items()
        if isinstance(value, int | float) and not isinstance(value, bool)
    }


def workers(server: redis.Redis, keys: CrawlKeys) -> dict[str, dict[str, Any]]:
    """Worker id -> what it registered (host, pid, state: running, finished, lost...)."""
    return {text(w): json.loads(v) for w, v in server.hgetall(keys.workers).items()}


def keep_for_a_while(server: redis.Redis, keys: CrawlKeys) -> None:
    """Let a complete crawl's keys expire (after :data:`KEEP_COMPLETE` seconds)."""
    for key in server.scan_iter(match=keys.pattern, count=500):
        server.expire(key, KEEP_COMPLETE)


def remove(server: redis.Redis, keys: CrawlKeys) -> None:
    """Delete every key of the crawl."""
    batch = list(server.scan_iter(match=keys.pattern, count=500))
    for start in range(0, len(batch), 500):
        server.delete(*batch[start : start + 500])


def describe(target: CrawlTarget) -> str:
    return target.site or target.site_name or ", ".join(target.start_urls)
