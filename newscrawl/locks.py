"""Per-site locks, so overlapping scheduled runs do not crawl one site twice at once.

A lock is an OS advisory lock (``fcntl.flock``) on a file named after the
site in ``NEWSCRAWL_LOCK_DIR``: the kernel drops it when the process ends, even
on SIGKILL, so a crashed run never leaves a stale lock behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path


class SiteLocked(RuntimeError):
    """Another process is crawling this site now."""


def lock_path(lock_dir: Path, site: str) -> Path:
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", site).strip("_") or "site"
    return lock_dir / f"{safe}.lock"


@contextlib.contextmanager
def site_locks(lock_dir: Path, sites: Iterable[str]) -> Iterator[None]:
    """Hold the lock of every site, or raise :class:`SiteLocked` holding none."""
    lock_dir.mkdir(parents=True, exist_ok=True)
    held: list[int] = []
    try:
        for site in sorted(set(sites)):
            path = lock_path(lock_dir, site)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                owner = path.read_text(encoding="utf-8").strip() or "another process"
                raise SiteLocked(f"{site} is being crawled by {owner} (lock {path})") from None
            os.ftruncate(fd, 0)
            os.write(fd, f"pid {os.getpid()}".encode())
            held.append(fd)
        yield
    finally:
        for fd in held:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
