"""Per-site locks: overlapping runs of one site do not both crawl; a killed run frees its lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newscrawl.cli import EXIT_LOCKED, main
from newscrawl.devserver import SiteServer
from newscrawl.locks import SiteLocked, lock_path, site_locks

SITES = Path(__file__).parent / "sites"

HOLD = """
import sys, time
from pathlib import Path
from newscrawl.locks import site_locks
with site_locks(Path(sys.argv[1]), [sys.argv[2]]):
    print("held", flush=True)
    time.sleep(60)
"""


def test_a_site_lock_is_exclusive_and_names_its_holder(tmp_path: Path) -> None:
    with site_locks(tmp_path, ["a.test", "b.test"]):
        with (
            pytest.raises(SiteLocked, match=f"pid {os.getpid()}"),
            site_locks(tmp_path, ["b.test"]),
        ):
            pass
        with site_locks(tmp_path, ["c.test"]):  # other sites are free
            pass
    with site_locks(tmp_path, ["b.test"]):  # released on exit
        pass
    assert lock_path(tmp_path, "127.0.0.1:8080").name == "127.0.0.1_8080.lock"


def _hold(lock_dir: Path, site: str) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(lock_dir), site], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def test_a_second_run_of_the_same_site_does_not_crawl(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server = SiteServer(SITES / "lantern").start()
    site = server.url.split("/")[2]
    holder = _hold(tmp_path / "locks", site)
    try:
        code = main(
            [
                "crawl",
                server.url,
                "--db",
                f"sqlite:///{tmp_path / 'n.db'}",
                "-s",
                f"NEWSCRAWL_LOCK_DIR={tmp_path / 'locks'}",
            ]
        )
        assert code == EXIT_LOCKED
        assert "is being crawled by pid" in capsys.readouterr().err
        assert server.requests == []
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
        server.stop()
    # The kernel released the killed holder's lock: no stale lock file blocks the next run.
    deadline = time.monotonic() + 5
    while True:
        try:
            with site_locks(tmp_path / "locks", [site]):
                break
        except SiteLocked:
            assert time.monotonic() < deadline
            time.sleep(0.05)
