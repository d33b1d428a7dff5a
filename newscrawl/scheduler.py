"""Scrapy's scheduler, holding at most ``NEWSCRAWL_QUEUE_MEMORY`` requests in memory.

A site's sitemaps can name every article it ever published: reading a
100,000-article sitemap index queues 100,000 requests at once, and a queued
:class:`~scrapy.Request` costs about 4.4 KB (its headers, meta, bound callbacks
and parsed URL), so 440 MB before the crawl has fetched its first article.
:class:`SpillScheduler` is Scrapy's own :class:`~scrapy.core.scheduler.Scheduler`
with one change: once its memory queue holds ``NEWSCRAWL_QUEUE_MEMORY``
requests, further ones go to Scrapy's disk queue (``SCHEDULER_DISK_QUEUE``,
pickled, about 0.5 KB of disk each) in a temporary directory, made then and
removed when the crawl closes. Requests come back from memory first, then from disk,
each queue by priority, as Scrapy's scheduler does with a ``JOBDIR``.

With Scrapy's ``JOBDIR`` set the scheduler is Scrapy's unchanged: every request
goes to the job directory's disk queue and survives a restart. With
``NEWSCRAWL_QUEUE_MEMORY = 0`` every request stays in memory (Scrapy's default).
Requests that cannot be pickled stay in memory (``scheduler/unserializable``).
A distributed crawl uses :mod:`newscrawl.cluster.scheduler` (its queue is in Redis).

Settings: ``NEWSCRAWL_QUEUE_MEMORY`` (default 5,000), ``NEWSCRAWL_QUEUE_DIR``
(where the temporary directory is made; default the system's temporary
directory). Stats: Scrapy's ``scheduler/enqueued/{memory,disk}``.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy.core.scheduler import Scheduler
from scrapy.utils.job import job_dir

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from twisted.internet.defer import Deferred

__all__ = ["SpillScheduler"]


class SpillScheduler(Scheduler):
    """Scrapy's scheduler that spills requests past a memory limit to a temporary disk queue."""

    #: Requests held in memory before the rest go to disk (0: no limit).
    memory_limit: int = 0
    #: The temporary disk queue's parent directory (None: the system's).
    spill_parent: str | None = None
    _spill_dir: str | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SpillScheduler:
        scheduler = super().from_crawler(crawler)
        limit = crawler.settings.getint("NEWSCRAWL_QUEUE_MEMORY", 5000)
        if limit < 0:
            raise ValueError(f"NEWSCRAWL_QUEUE_MEMORY must be 0 or more, not {limit}")
        if not job_dir(crawler.settings):
            # With a JOBDIR Scrapy's disk queue holds everything: nothing to change.
            scheduler.memory_limit = limit
            scheduler.spill_parent = crawler.settings.get("NEWSCRAWL_QUEUE_DIR") or None
        return scheduler

    def _spill(self) -> None:
        """Make the temporary disk queue, the first time memory is full.

        Not before: a crawl that never holds ``memory_limit`` requests runs with
        Scrapy's scheduler exactly, and pays nothing for a queue it never uses.
        """
        parent = self.spill_parent
        if parent:
            Path(parent).mkdir(parents=True, exist_ok=True)
        self._spill_dir = self.dqdir = tempfile.mkdtemp(prefix="newscrawl-queue-", dir=parent)
        self.dqs = self._dq()

    def close(self, reason: str) -> Deferred[None] | None:
        if self._spill_dir is None:
            return super().close(reason)
        # The spilled queue is this run's scratch space, not a job to resume.
        if self.dqs is not None:
            self.dqs.close()
            self.dqs = None
        shutil.rmtree(self._spill_dir, ignore_errors=True)
        self._spill_dir = self.dqdir = None
        return self.df.close(reason)

    def _dqpush(self, request: Request) -> bool:
        if not self.memory_limit:  # a JOBDIR's queue, or no limit: Scrapy's own choice
            return super()._dqpush(request)
        if len(self.mqs) < self.memory_limit:
            return False  # room in memory: Scrapy's scheduler pushes it there
        if self.dqs is None:
            self._spill()
        return super()._dqpush(request)

    @property
    def spill_dir(self) -> str | None:
        """The temporary disk queue's directory while the crawl runs, else None."""
        return self._spill_dir
