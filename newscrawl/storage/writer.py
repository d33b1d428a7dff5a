"""Write batches of articles through database faults: retries, then the dead letter.

The store pipeline calls :meth:`BatchWriter.write` in worker threads. Nothing
here touches Scrapy: the pipeline counts what a :class:`Written` reports on its
event loop, where the stats collector lives.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy.exc import SQLAlchemyError

from newscrawl.storage.deadletter import DeadLetter
from newscrawl.storage.faults import RetryPolicy, describe_error, is_transient
from newscrawl.storage.repository import ArticleRepository, UpsertResult

logger = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass
class Written:
    """What writing one batch did."""

    results: list[UpsertResult] = field(default_factory=list)
    #: Tries after the first one.
    retried: int = 0
    dead_lettered: int = 0
    #: Neither stored nor written to the dead-letter file (that write failed too).
    lost: int = 0
    #: The last database error, one line, passwords masked.
    error: str | None = None


class BatchWriter:
    """Upserts batches; what the database will not take goes to ``dead_letter``.

    A batch whose database is unreachable, restarting, locked or full is tried
    again under ``retry``; upserts make a batch that did commit before its
    connection died harmless to write again. A batch the database refuses is
    written one item at a time, so one bad row cannot lose the others. Every
    article still not stored goes to the dead-letter file. Once one batch ran
    out of retries, later ones get a single try each until one succeeds, so a
    database gone for good does not stall the crawl batch after batch.
    Thread-safe: several writers may share one.
    """

    def __init__(
        self,
        repo: ArticleRepository,
        dead_letter: DeadLetter,
        retry: RetryPolicy,
        secrets: tuple[str, ...] = (),
    ) -> None:
        self.repo = repo
        self.dead_letter = dead_letter
        self.retry = retry
        self.secrets = secrets
        #: Shared by the writer threads as a plain flag: a stale read costs one try more or less.
        self.database_down = False

    def write(self, batch: Sequence[Mapping[str, Any]]) -> Written:
        """Store ``batch``; every article not stored ends in the dead letter (or is logged lost)."""
        written = Written()
        try:
            written.results.append(self._upsert(batch, written))
            return written
        except Exception as exc:  # whatever stopped the batch, its articles must not vanish
            if is_transient(exc):
                self._give_up(batch, exc, written)
                return written
            self._log_refused(
                exc, f"A batch of {len(batch)} articles failed; writing them one by one"
            )
        for i, row in enumerate(batch):
            try:
                written.results.append(self._upsert([row], written))
            except Exception as exc:
                if is_transient(exc):
                    self._give_up(batch[i:], exc, written)
                    break
                self._log_refused(exc, f"Could not store {row.get('url')}")
                self._give_up([row], exc, written)
        return written

    def retrying(self, fn: Callable[[], T], what: str, written: Written | None = None) -> T:
        """``fn()`` under the retry policy; a single try while the database is down."""

        def on_retry(exc: BaseException, attempt: int, wait: float) -> None:
            if written is not None:
                written.retried += 1
            logger.warning(
                "Database unavailable (%s); writing %s again in %.1f s (retry %d of %d)",
                describe_error(exc, self.secrets),
                what,
                wait,
                attempt,
                self.retry.times,
            )

        try:
            result = self.retry.call(fn, times=0 if self.database_down else None, on_retry=on_retry)
        except Exception as exc:
            if is_transient(exc):
                self.database_down = True
            raise
        if self.database_down:
            logger.warning("The database is back: articles are stored again")
            self.database_down = False
        return result

    def _upsert(self, rows: Sequence[Mapping[str, Any]], written: Written) -> UpsertResult:
        return self.retrying(
            lambda: self.repo.upsert_articles(rows), f"{len(rows)} articles", written
        )

    def _give_up(
        self, rows: Sequence[Mapping[str, Any]], exc: BaseException, written: Written
    ) -> None:
        """Put ``rows`` in the dead-letter file; if even that fails, log each one as lost."""
        error = describe_error(exc, self.secrets)
        written.error = error
        try:
            self.dead_letter.write(rows, error)
        except OSError as write_error:
            written.lost += len(rows)
            logger.critical(
                "%d articles are lost: not stored (%s) and not written to %s (%s)",
                len(rows),
                error,
                self.dead_letter.path,
                write_error,
            )
            for row in rows:
                logger.error("Lost article: %s", row.get("url"))
            return
        written.dead_lettered += len(rows)
        logger.error(
            "%d articles not stored (%s); written to %s", len(rows), error, self.dead_letter.path
        )

    def _log_refused(self, exc: BaseException, message: str) -> None:
        if isinstance(exc, SQLAlchemyError | ValueError):
            # The database or the upsert refused the data: its message says why.
            logger.error("%s: %s", message, describe_error(exc, self.secrets))
        else:
            logger.exception("%s", message)  # a bug: the traceback is wanted
