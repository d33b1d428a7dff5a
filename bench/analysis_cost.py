"""What reading one page costs: ``analyse_page`` on the generated site's pages, alone.

The analysis pool's worker is what bounds the throughput benchmark
(bench/throughput.py), and its CPU time per page swings by a quarter from one
minute to the next on a shared machine. This script measures the same work in
one process, two ways:

- CPU milliseconds a page (``time.process_time``), the best of ``--passes``
  passes over the same pages;
- with ``--instructions``: instructions a page counted by valgrind's callgrind
  (installed with ``apt-get install -y valgrind`` when missing), the run over
  ``--instructions`` pages less the run over none. A count does not swing with the
  machine's load, so two commits compare to within a fraction of a percent.

Each page is analysed as the pool does it (``analyse_page``, then pickled for the
trip back). ``--digest`` prints a digest of every page's analysis (page type,
links, article fields): two commits that should read pages alike must print the
same one.

Usage::

    .venv/bin/python bench/analysis_cost.py [--articles 2000] [--pages 300]
        [--passes 5] [--instructions 60] [--digest]
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from newssite import ensure_site  # noqa: E402

from newscrawl.extract.analysis import PageAnalysis, analyse_page  # noqa: E402

#: The URL the pages are read as (the throughput benchmark's nginx serves them so).
BASE = "http://127.0.0.1:8080/"


def sample_pages(site: Path, count: int, seed: int = 1) -> list[tuple[str, str]]:
    """``count`` of the site's HTML pages, drawn at random (the same ones every run)."""
    files = sorted(site.rglob("*.html"))
    chosen = random.Random(seed).sample(files, min(count, len(files)))
    return [
        (path.read_text("utf-8"), BASE + _url_path(path.parent.relative_to(site)))
        for path in chosen
    ]


def _url_path(directory: Path) -> str:
    text = str(directory)
    return "" if text == "." else text + "/"


def cpu_ms_per_page(pages: list[tuple[str, str]], passes: int) -> float:
    """Best CPU milliseconds a page over ``passes`` passes (after one warm-up pass)."""
    for html, url in pages[:20]:
        analyse_page(html, url)
    best = float("inf")
    for _ in range(passes):
        started = time.process_time()
        for html, url in pages:
            pickle.dumps(analyse_page(html, url), protocol=pickle.HIGHEST_PROTOCOL)
        best = min(best, time.process_time() - started)
    return best / len(pages) * 1000


def digest(pages: list[tuple[str, str]]) -> str:
    """One hash of everything the analyses hold but their timings."""
    total = hashlib.sha256()
    for html, url in pages:
        analysis = analyse_page(html, url)
        total.update(repr(_comparable(analysis)).encode())
    return total.hexdigest()[:16]


def _comparable(analysis: PageAnalysis) -> tuple[object, ...]:
    extracted = analysis.extracted
    return (
        analysis.url,
        analysis.verdict.kind,
        analysis.verdict.reason,
        [(link.url, link.kind.value, link.text, link.rel) for link in analysis.links],
        analysis.feeds,
        sorted((extracted.fields or {}).items(), key=str) if extracted else None,
        sorted((extracted.sources or {}).items()) if extracted else None,
    )


def instructions_per_page(articles: int, pages: int) -> int:
    """Instructions a page by callgrind: a run over ``pages`` pages less a run over none."""
    if shutil.which("valgrind") is None:
        subprocess.run(["apt-get", "install", "-y", "valgrind"], check=True)

    def run(count: int) -> int:
        command = [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--articles",
            str(articles),
            "--pages",
            str(pages + 1),  # the same pages drawn in both runs
            "--only-run",
            str(count),
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        found = re.search(r"Collected : (\d+)", done.stderr)
        if found is None:
            raise RuntimeError(f"no instruction count in callgrind's output:\n{done.stderr}")
        return int(found.group(1))

    return (run(pages) - run(0)) // pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="the generated site's size")
    parser.add_argument("--pages", type=int, default=300, help="pages drawn from it")
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--instructions", type=int, default=0, metavar="PAGES")
    parser.add_argument("--digest", action="store_true")
    # Internal: the run callgrind counts (one warm-up page, then COUNT pages).
    parser.add_argument("--only-run", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    site = ensure_site(args.articles)
    if args.only_run is not None:
        pages = sample_pages(site, args.pages)
        analyse_page(*pages[-1])  # imports and first-use caches, in both runs
        for html, url in pages[: args.only_run]:
            pickle.dumps(analyse_page(html, url), protocol=pickle.HIGHEST_PROTOCOL)
        return
    pages = sample_pages(site, args.pages)
    print(f"{len(pages)} pages of the {args.articles}-article site ({site})")
    print(f"CPU: {cpu_ms_per_page(pages, args.passes):.2f} ms a page (best of {args.passes})")
    if args.digest:
        print(f"digest: {digest(pages)}")
    if args.instructions:
        count = instructions_per_page(args.articles, args.instructions)
        print(f"instructions: {count / 1e6:.1f} M a page ({args.instructions} pages)")


if __name__ == "__main__":
    main()
