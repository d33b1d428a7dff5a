"""Database faults: which errors may pass, how one is told, and retrying through them.

A write that fails because the database could not be reached, was restarted,
killed the connection, was locked by another writer or had no room left is
worth trying again: nothing in the data is wrong. A write the database refused
(a constraint, a value it cannot hold) fails the same way every time.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.exc import (
    DBAPIError,
    DisconnectionError,
    InterfaceError,
    OperationalError,
    PendingRollbackError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeout

from newscrawl.storage.engine import scrub

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Longest wait between two tries (s): the delay doubles up to this.
MAX_RETRY_DELAY = 30.0

# OperationalError: the driver's class for connection loss, server shutdown
# (pg_terminate_backend, restarts), deadlocks, disk full, SQLite's "database is
# locked"; InterfaceError: a connection already closed under the driver.
_TRANSIENT = (
    OperationalError,
    InterfaceError,
    DisconnectionError,
    PendingRollbackError,
    PoolTimeout,
)


def is_transient(exc: BaseException) -> bool:
    """Whether ``exc`` says the database was unreachable or busy, not that it refused the data."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, _TRANSIENT)


def describe_error(exc: BaseException, secrets: tuple[str, ...] = ()) -> str:
    """One line for a log or a summary: the driver's first line, passwords masked.

    SQLAlchemy's own text adds the statement and a link; the driver's first
    line ("connection refused", "database is locked") is what a person needs.
    """
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    message = lines[0].strip() if lines else ""
    return scrub(f"{type(orig).__name__}: {message}" if message else repr(orig), secrets)


@dataclass(frozen=True)
class RetryPolicy:
    """Try a database call again while it fails with a transient error.

    ``times`` tries after the first one; the first wait is ``delay`` seconds,
    doubling up to :data:`MAX_RETRY_DELAY`. A server restart takes seconds, so the
    default five retries from one second (31 s in all) outlast one.
    """

    times: int = 5
    delay: float = 1.0

    def call(
        self,
        fn: Callable[[], T],
        *,
        times: int | None = None,
        on_retry: Callable[[BaseException, int, float], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> T:
        """``fn()``, retried; ``times`` overrides the policy's count for this call.

        ``on_retry(error, try_number, wait)`` is called before each wait. The last
        error is raised when every try failed, and at once when it is not transient.
        """
        retries = self.times if times is None else times
        wait = self.delay
        for attempt in range(retries + 1):
            try:
                return fn()
            except Exception as exc:
                if attempt == retries or not is_transient(exc):
                    raise
                if on_retry is not None:
                    on_retry(exc, attempt + 1, wait)
                sleep(wait)
                wait = min(wait * 2, MAX_RETRY_DELAY)
        raise AssertionError("unreachable")  # pragma: no cover
