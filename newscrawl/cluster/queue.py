"""scrapy-redis' priority queue, with leases: a popped request stays in Redis until done.

scrapy-redis pops a request with ``ZRANGE`` + ``ZREMRANGEBYRANK``: from then on it
exists only in the worker's memory, and a worker killed with SIGKILL loses every
request it was downloading or parsing (tests/test_cluster_queue.py shows it).
No maintained library adds the missing piece to scrapy-redis, so it is here, in
two Lua scripts (each runs atomically in Redis): :meth:`LeasedPriorityQueue.lease`
moves the request into the worker's lease set in the same step, and
:func:`requeue` moves a lease set back into the queue, for a worker that died
(or stopped) before finishing its requests.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import redis
from scrapy.http import Request
from scrapy_redis.queue import PriorityQueue

from newscrawl.cluster.keys import CrawlKeys

# KEYS: the queue, the worker's lease set, its count of unparsed leases.
_LEASE = """
local popped = redis.call('ZPOPMIN', KEYS[1])
if #popped == 0 then return false end
redis.call('ZADD', KEYS[2], popped[2], popped[1])
redis.call('INCR', KEYS[3])
return popped[1]
"""

# KEYS: the lease set, the queue, the worker's alive key, its unparsed count.
# ARGV[1] == "if-dead": do nothing (-1) while the alive key exists, so a worker
# that beats again in time is never robbed.
_REQUEUE = """
if ARGV[1] == 'if-dead' and redis.call('EXISTS', KEYS[3]) == 1 then return -1 end
local items = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
for i = 1, #items, 2 do
  redis.call('ZADD', KEYS[2], 'NX', items[i + 1], items[i])
end
redis.call('DEL', KEYS[1], KEYS[4])
return #items / 2
"""


class LeasedPriorityQueue(PriorityQueue):  # type: ignore[misc]
    """The scrapy-redis priority queue (same key, same encoding) with :meth:`lease`.

    ``lease_key`` and ``unparsed_key`` (set by the scheduler once the worker is
    known) are the sorted set that holds this worker's unfinished requests and
    the count of those not parsed yet.
    """

    lease_key: str = ""
    unparsed_key: str = ""
    _script: Any = None

    def lease(self) -> tuple[Request, bytes] | None:
        """Pop the first request into the lease set: ``(request, its encoded form)``."""
        assert self.lease_key, "lease_key first"
        if self._script is None:
            self._script = self.server.register_script(_LEASE)
        data = self._script(keys=[self.key, self.lease_key, self.unparsed_key])
        if not data:
            return None
        return self._decode_request(data), data

    def settle(self, parsed: int, released: Sequence[bytes]) -> None:
        """``parsed`` more leases are parsed; the requests encoded as ``released`` are
        finished: forget their leases. One round trip."""
        with self.server.pipeline(transaction=False) as pipe:
            if parsed:
                pipe.decrby(self.unparsed_key, parsed)
            if released:
                pipe.zrem(self.lease_key, *released)
            pipe.execute()

    def encode(self, request: Request) -> Any:
        return self._encode_request(request)


def requeue(server: redis.Redis, keys: CrawlKeys, worker: str, *, only_if_dead: bool) -> int:
    """Move ``worker``'s leased requests back into the queue; how many moved.

    With ``only_if_dead``, nothing moves (-1) while the worker's alive key exists.
    """
    script = server.register_script(_REQUEUE)
    flag = "if-dead" if only_if_dead else "always"
    targets = [keys.leases(worker), keys.requests, keys.alive(worker), keys.unparsed(worker)]
    return int(script(keys=targets, args=[flag]))
