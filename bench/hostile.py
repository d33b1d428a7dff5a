"""The hostile site crawled as a new user would: ``newscrawl crawl URL``, default settings.

    .venv/bin/python bench/hostile.py [--bomb-gib 1] [-s NAME=VALUE ...]

Serves tests/hostile.py's site (a 1 GiB gzip bomb, a 100 MB page without
Content-Length, entity bombs, binaries as text/html, an endless redirect chain,
calendar and ?page=N traps, 500/503 with Retry-After, stalls, a 1 byte/s
trickle, 20,000 links to 404s, 10,000-deep HTML, a redirect to 127.0.0.2) and
crawls it with newscrawl's defaults (politeness included: AutoThrottle, robots
delay), with no budget changed unless ``-s`` says so. Prints the wall time, the
crawl's peak memory (Scrapy's memusage/max), the requests the site answered,
the articles stored and the summary.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newscrawl import settings
from tests.hostile import HostileServer, PrivateServer, good_paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bomb-gib", type=float, default=1.0)
    parser.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument(
        "--reactor-lag",
        action="store_true",
        help="also measure the longest hold of the reactor (bench/reactorlag.py)",
    )
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory() as tmp,
        PrivateServer("127.0.0.2") as private,
        HostileServer(bomb_size=int(args.bomb_gib * 1024**3), private_url=private.url) as site,
    ):
        db = Path(tmp) / "news.db"
        extra = [f for pair in args.set for f in ("-s", pair)]
        env = None
        if args.reactor_lag:
            extensions = {**settings.EXTENSIONS, "reactorlag.ReactorLag": 0}
            extra += ["-s", f"EXTENSIONS={json.dumps(extensions)}"]
            bench = str(Path(__file__).resolve().parent)
            env = {
                **os.environ,
                "PYTHONPATH": os.pathsep.join(filter(None, [bench, os.environ.get("PYTHONPATH")])),
            }
        command = [sys.executable, "-m", "newscrawl.cli", "crawl", site.url]
        command += ["--db", f"sqlite:///{db}", "-v", *extra]
        started = time.monotonic()
        proc = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
        elapsed = time.monotonic() - started
        counts = site.counts()
    peak = re.search(r"'memusage/max': (\d+)", proc.stderr)
    stored = re.search(r": \d+ pages, (\d+) new", proc.stdout)
    print(f"exit {proc.returncode} after {elapsed:.1f} s wall")
    print(
        f"peak memory (memusage/max): {int(peak.group(1)) / 2**20:.0f} MiB" if peak else "no peak"
    )
    print(
        f"site answered {sum(counts.values())} requests, 404 pages: "
        f"{sum(n for p, n in counts.items() if p.startswith('/story/'))}, "
        f"private server: {len(private.requests)}"
    )
    print(f"articles stored: {stored.group(1) if stored else '?'} of {len(good_paths())} good")
    lag = re.search(r"'reactorlag/max_ms': (\d+)", proc.stderr)
    if lag:
        print(f"longest hold of the reactor: {int(lag.group(1))} ms")
        held = proc.stderr.split("Reactor held for ")[1:]
        for report in held:  # the stack of each hold over REACTORLAG_REPORT
            print("  held for " + report.split("\n20")[0].rstrip())
    print(proc.stdout, end="")


if __name__ == "__main__":
    main()
