"""Pages per second of a distributed crawl with 1 and 2 workers on this machine.

    .venv/bin/python bench/cluster.py [--articles 2000] [--workers 0,1,2]

Builds bench/recrawl.py's generated news site, then for each worker count runs
``newscrawl crawl URL --redis R --workers N`` into a fresh PostgreSQL database
(a Redis key prefix of its own, removed afterwards). Same site, same limits
(AutoThrottle off, no delay, 16 requests at once in all, divided among the
workers). *crawl s* runs from the first request the site served to the last,
so it leaves out the workers' start-up and the idle timeout at the end;
*wall s* is the whole command; *CPU s* the user and system time of the
crawl's processes, *server CPU s* that of the site server (this process);
PostgreSQL and Redis not counted. Needs PostgreSQL and Redis on 127.0.0.1
(``NEWSCRAWL_TEST_PG_URL``, ``NEWSCRAWL_TEST_REDIS_URL`` to point elsewhere).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from recrawl import build  # the generated site of the recrawl benchmark

from newscrawl.cluster.keys import redis_client
from newscrawl.devserver import SiteServer
from newscrawl.storage.testing import fresh_postgres_database

PG = os.environ.get("NEWSCRAWL_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REDIS = os.environ.get("NEWSCRAWL_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


class TimedServer(SiteServer):
    """The fixture server, noting when each request came."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.times: list[float] = []

    def record(self, path: str, user_agent: str | None = None) -> None:
        self.times.append(time.monotonic())
        super().record(path, user_agent)


def run(root: Path, workers: int, lock_dir: Path) -> dict[str, object]:
    prefix = f"newscrawl-bench-{uuid.uuid4().hex[:8]}"
    # 0 workers: the plain crawl in one process, without Redis, for comparison.
    distributed = [
        *("--redis", REDIS, "--workers", str(workers)),
        *("-s", f"NEWSCRAWL_REDIS_PREFIX={prefix}", "-s", "NEWSCRAWL_REDIS_IDLE_TIMEOUT=3"),
    ]
    if workers == 0:
        distributed = []
    server = TimedServer(root).start()
    started = time.monotonic()
    cpu_before, server_before = _children_cpu(), _own_cpu()
    try:
        with fresh_postgres_database(PG, prefix="newscrawl_bench") as db:
            proc = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "newscrawl.cli",
                    "crawl",
                    server.url,
                    "--db",
                    db,
                    *distributed,
                    "-s",
                    "AUTOTHROTTLE_ENABLED=False",
                    "-s",
                    "DOWNLOAD_DELAY=0",
                    "-s",
                    "CONCURRENT_REQUESTS_PER_DOMAIN=16",
                    "-s",
                    f"NEWSCRAWL_LOCK_DIR={lock_dir}",
                ],
                capture_output=True,
                text=True,
                check=True,
            )
    finally:
        server.stop()
        client = redis_client(REDIS)
        keys = list(client.scan_iter(match=f"{prefix}:*"))
        if keys:
            client.delete(*keys)
        client.close()
    wall = time.monotonic() - started
    cpu, server_cpu = _children_cpu() - cpu_before, _own_cpu() - server_before
    crawl = server.times[-1] - server.times[0]
    pages = re.search(r": (\d+) pages, (\d+) new", proc.stdout)
    assert pages, proc.stdout
    return {
        "workers": workers,
        "requests": len(server.times),
        "pages": int(pages.group(1)),
        "new": int(pages.group(2)),
        "crawl_s": crawl,
        "wall_s": wall,
        "cpu_s": cpu,
        "server_cpu_s": server_cpu,
        "pages_per_s": len(server.times) / crawl,
        "summary": proc.stdout.splitlines()[0],
    }


def _children_cpu() -> float:
    """User + system seconds of the crawl processes (children, waited for) so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument(
        "--workers", default="1,2", help="worker counts to run, in order (0: no Redis, one process)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        build(root, args.articles)
        print(
            "| workers (0: no Redis) | requests | crawl s | pages/s | wall s | CPU s "
            "| server CPU s | stored |"
        )
        print("|---|---|---|---|---|---|---|---|")
        for count in (int(n) for n in args.workers.split(",")):
            r = run(root, count, Path(tmp))
            print(
                f"| {r['workers']} | {r['requests']} | {r['crawl_s']:.1f} | "
                f"{r['pages_per_s']:.1f} | {r['wall_s']:.1f} | {r['cpu_s']:.1f} | "
                f"{r['server_cpu_s']:.1f} | {r['new']} new |",
                flush=True,
            )


if __name__ == "__main__":
    main()
