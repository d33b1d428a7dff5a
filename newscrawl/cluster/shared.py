"""What the workers of one distributed crawl share besides the queue, in Redis.

A single crawl keeps these in its process's memory; scaled out, each must be
one for all workers, or three workers would each fetch a URL once, each keep
the first copy of a story, each learn a site's time zone alone:

- the URLs the crawl requested (:class:`SharedSeen`, for the spider's frontier);
- who seeds the start URLs (once, by the first worker);
- the first article of each canonical URL and of each body (the dedupe pipeline);
- the (local time, instant) pairs that teach a site's time zone (the date deferral);
- the near-duplicate signatures, in the one order every worker reads them.

Each call is one round trip (or one Lua script, atomic in Redis); the reactor
thread makes the cheap ones, the pipelines make theirs in worker threads.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import redis
from scrapy.settings import BaseSettings

from newscrawl.cluster.keys import CrawlKeys, redis_client, text

#: Value of the ``seeded`` key once every start request is queued.
SEEDED = b"done"
#: Seconds between looks at the clock pairs other workers published for a site:
#: an article page each time would be a round trip each.
CLOCK_EVERY = 1.0

# Push a signature, and return it with the entries queued before it that this
# worker has not read (from ARGV[2] on): everyone reads the log in one order.
_EXCHANGE = """
local n = redis.call('RPUSH', KEYS[1], ARGV[1])
local from = tonumber(ARGV[2])
if from > n - 2 then return {n, {}} end
return {n, redis.call('LRANGE', KEYS[1], from, n - 2)}
"""

# Take a claim (hash field) unless a live worker holds it: returns the holder's
# value, or false when the claim is now ARGV[1]'s. KEYS: the hash; ARGV: field,
# value, the alive-key prefix; the value's first line is the holder's worker id.
_CLAIM = """
local held = redis.call('HGET', KEYS[1], ARGV[1])
if held then
  local holder = string.match(held, '^[^\\n]*')
  if redis.call('EXISTS', ARGV[3] .. holder) == 1 then return held end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return false
"""


class SharedCrawl:
    """One worker's handle on the shared state of its crawl (``keys``)."""

    def __init__(self, server: redis.Redis, keys: CrawlKeys, worker: str) -> None:
        self.server = server
        self.keys = keys
        self.worker = worker
        self._exchange = server.register_script(_EXCHANGE)
        self._claim = server.register_script(_CLAIM)
        self._clock_read: dict[str, int] = {}
        self._clock_looked: dict[str, float] = {}

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> SharedCrawl | None:
        """The shared state of this worker's crawl, or None outside a distributed crawl.

        Reads ``NEWSCRAWL_REDIS_URL``, ``NEWSCRAWL_REDIS_CRAWL``, ``NEWSCRAWL_REDIS_WORKER``.
        """
        keys = CrawlKeys.from_settings(settings)
        if keys is None:
            return None
        server = redis_client(settings.get("NEWSCRAWL_REDIS_URL"))
        return cls(server, keys, settings.get("NEWSCRAWL_REDIS_WORKER") or "")

    def alive(self, worker: str) -> bool:
        return bool(self.server.exists(self.keys.alive(worker)))

    def pages_pending(self) -> bool:
        """Whether any page of the crawl is still to be fetched or parsed, by any worker.

        Leases that only wait for their article's storage do not count: they bring
        no more pages. (A dead worker's unparsed leases count: they will be put back.)
        """
        if self.server.zcard(self.keys.requests):
            return True
        if self.server.get(self.keys.seeded) != SEEDED:
            return True
        workers = [text(w) for w in self.server.hkeys(self.keys.workers)]
        counts = self.server.mget([self.keys.unparsed(w) for w in workers]) if workers else []
        return any(int(count or 0) > 0 for count in counts)

    # --- the frontier -------------------------------------------------------------

    def add_seen(self, key: str) -> bool:
        """Mark a url_key requested; True when no worker had."""
        return bool(self.server.sadd(self.keys.seen, key))

    def claim_seeding(self) -> bool:
        """True for the one worker that is to queue the start URLs."""
        return bool(self.server.set(self.keys.seeded, self.worker, nx=True))

    def seeding_done(self) -> None:
        self.server.set(self.keys.seeded, SEEDED)

    def take_over_seeding(self, holder: str) -> bool:
        """Seed in place of ``holder``, a worker that died seeding; True if this one won."""
        with self.server.pipeline() as pipe:
            try:
                pipe.watch(self.keys.seeded)
                if pipe.get(self.keys.seeded) != holder.encode():
                    return False
                pipe.multi()
                pipe.set(self.keys.seeded, self.worker)
                pipe.execute()
            except redis.WatchError:
                return False
        return True

    # --- the dedupe pipeline --------------------------------------------------------

    def claim_url(self, key: str) -> str | None:
        """Claim a canonical url_key: None when it is now this worker's, else the holder.

        A claim of a worker that died is taken over: its article may not be stored.
        """
        held = self._claim(keys=[self.keys.urls], args=[key, self.worker, self.keys.alive("")])
        return held.decode() if held else None

    def claim_body(self, digest: str, url: str, site: str | None) -> tuple[str, str | None] | None:
        """Claim a content hash for ``url``: None when it is now ours, else the first copy's
        ``(url, site)``."""
        value = f"{self.worker}\n{json.dumps([url, site])}"
        held = self._claim(keys=[self.keys.hashes], args=[digest, value, self.keys.alive("")])
        if not held:
            return None
        first_url, first_site = json.loads(held.decode().split("\n", 1)[1])
        return str(first_url), first_site

    # --- the site clock -------------------------------------------------------------

    def publish_clock(self, site: str, pairs: list[tuple[datetime, datetime]]) -> None:
        """Tell the other workers what taught this one ``site``'s time zone."""
        if pairs:
            entries = [
                json.dumps([self.worker, local.isoformat(), instant.isoformat()])
                for local, instant in pairs
            ]
            self.server.rpush(self.keys.clock(site), *entries)

    def clock_news(self, site: str, *, now: bool = False) -> list[tuple[datetime, datetime]]:
        """The pairs other workers published for ``site`` since this one last looked.

        Looks at most every :data:`CLOCK_EVERY` seconds unless ``now``.
        """
        if not now and time.monotonic() - self._clock_looked.get(site, -CLOCK_EVERY) < CLOCK_EVERY:
            return []
        self._clock_looked[site] = time.monotonic()
        start = self._clock_read.get(site, 0)
        raw = self.server.lrange(self.keys.clock(site), start, -1)
        self._clock_read[site] = start + len(raw)
        pairs = []
        for entry in raw:
            worker, local, instant = json.loads(entry)
            if worker != self.worker:
                pairs.append((datetime.fromisoformat(local), datetime.fromisoformat(instant)))
        return pairs

    # --- near-duplicate signatures ------------------------------------------------------

    def exchange_signature(
        self, entry: dict[str, Any], read_from: int
    ) -> tuple[int, list[dict[str, Any]]]:
        """Append this worker's ``entry`` to the signature log.

        Returns the log position after it, and the entries before it from
        ``read_from`` on that other workers wrote: an article is a copy of one
        checked before it in the log, never of one after, so two workers checking
        two copies at once agree on which is the original.
        """
        payload = dict(entry, worker=self.worker, minhash=_b64(entry["minhash"]))
        position, raw = self._exchange(
            keys=[self.keys.signatures], args=[json.dumps(payload), read_from]
        )
        return int(position), list(_others(raw, self.worker))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _others(raw: list[bytes], worker: str) -> Iterator[dict[str, Any]]:
    for item in raw:
        entry = json.loads(item)
        if entry.get("worker") != worker:
            entry["minhash"] = base64.b64decode(entry["minhash"])
            yield entry
