"""Run ``newscrawl crawl ARGS`` as the command does, and write the crawl's stats as JSON.

    .venv/bin/python bench/crawlstats.py STATS.json URL --db URL [-s NAME=VALUE ...]

The throughput benchmark runs each crawl in its own process through this: the
same parser, settings and runner as ``newscrawl crawl``, plus the stats
(``newscrawl/cpu/*`` among them) that the command only summarises.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newscrawl.cli import build_parser
from newscrawl.commands.crawl import crawl_overrides, print_summary
from newscrawl.runner import run_crawls, targets_from_args


def main() -> None:
    stats_path, argv = sys.argv[1], sys.argv[2:]
    args = build_parser().parse_args(["crawl", *argv])
    results = run_crawls(targets_from_args(args.targets), crawl_overrides(args))
    for result in results:
        print_summary(result)
    with open(stats_path, "w", encoding="utf-8") as out:
        json.dump(results[0].stats if results else {}, out, default=str, indent=1)


if __name__ == "__main__":
    main()
