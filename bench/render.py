"""Benchmark: rendered crawling against static crawling of the same 300-article site.

Generates (into a temporary directory) a script-built news site of N articles with
the jsnews generator (home list behind "Load more", article bodies fetched by
script) and its server-rendered twin (same stories, plain HTML, "More news"
links), serves both on 127.0.0.1, and crawls each with ``newscrawl crawl`` as a
separate process:

- ``rendered``: the script-built site, ``NEWSCRAWL_RENDER=always``;
- ``auto``: the script-built site, ``NEWSCRAWL_RENDER=auto`` (probe, then render);
- ``static``: the server-rendered twin, ``NEWSCRAWL_RENDER=never``.

While a crawl runs, the memory of the crawl process and of every process below it
(Playwright's driver, Chromium's browser, renderer and utility processes) is sampled
every half second from /proc: PSS when the kernel offers it (shared pages counted
once), else RSS. The report shows pages per minute, peak memory, and memory at each
sixth of the crawl, to show whether it stays flat.

Usage::

    .venv/bin/python bench/render.py [--articles 300] [--runs rendered,auto,static]
        [--out bench/RENDER_RESULTS.md]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "sites" / "_build"))
sys.path.insert(0, str(REPO / "tests"))

from common import Block, Story  # noqa: E402
from jsnews import build_site  # noqa: E402
from render_support import dumped_stats  # noqa: E402

from newscrawl.devserver import SiteServer  # noqa: E402
from newscrawl.rendering.browser import find_chromium  # noqa: E402

SAMPLE_SECONDS = 0.5
_LOGSTATS = re.compile(r"Crawled (\d+) pages \(at")
PAGE_SIZE = 30

PLACES = [
    "Velmora",
    "Asterby",
    "Kesk",
    "Mostin",
    "Greyfield",
    "Dalsa",
    "Northbank",
    "Millford",
    "Ostrow",
    "Lindholm",
]
SUBJECTS = [
    ("council", "The town council"),
    ("school", "The district school board"),
    ("harbour", "The harbour office"),
    ("library", "The public library"),
    ("clinic", "The health clinic"),
    ("club", "The rowing club"),
    ("market", "The market traders"),
    ("museum", "The town museum"),
]
ACTIONS = [
    ("opens", "opened a new building", "the opening"),
    ("votes", "voted on a disputed plan", "the vote"),
    ("repairs", "began repairs on an old road", "the repairs"),
    ("hires", "hired four new staff members", "the new posts"),
    ("plans", "presented plans for next year", "the plans"),
    ("celebrates", "celebrated an anniversary", "the celebration"),
]


def synthetic_stories(count: int) -> list[Story]:
    """``count`` distinct, deterministic stories of about 180 words, newest first."""
    start = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    stories = []
    for i in range(count):
        place = PLACES[i % len(PLACES)]
        key, subject = SUBJECTS[(i // len(PLACES)) % len(SUBJECTS)]
        verb, did, noun = ACTIONS[(i // 7) % len(ACTIONS)]
        number = i + 1
        paragraphs = [
            f"{subject} in {place} {did} on Tuesday, the {number}th such decision recorded "
            f"this year, after a long meeting that lasted well into the evening and drew "
            f"a crowd of {20 + i % 50} residents.",
            f"Supporters said {noun} would help families in {place} and the villages around "
            f"it, while critics asked who would pay for it and how long the work would take. "
            f"A decision on the budget of {100 + i} thousand crowns is expected next month.",
            f"Officials promised to publish a timetable and to hold an open meeting in the "
            f"school hall before any work starts, so that everyone who lives nearby can ask "
            f"questions about {noun} and its cost.",
            f"Residents who want to comment can write to the town office until the end of "
            f"the month; case number {1000 + i} should be quoted in every letter, the office "
            f"said on its notice board.",
        ]
        stories.append(
            Story(
                slug=f"{key}-{verb}-{place.lower()}-{number}",
                title=f"{subject.removeprefix('The ').capitalize()} {verb} in {place}, "
                f"case {1000 + i}",
                authors=("Bench Reporter",),
                published=start - timedelta(hours=3 * i),
                modified=None,
                tags=(place, key),
                section="Town",
                caption=f"A photo from {place}, number {number}.",
                credit="Bench",
                language="en",
                reach=None,
                paywalled=False,
                blocks=tuple(Block("p", text) for text in paragraphs),
            )
        )
    return stories


@dataclass
class Sample:
    seconds: float
    pages: int
    crawler_kb: int
    browser_kb: int


@dataclass
class Run:
    name: str
    site: str
    mode: str
    seconds: float = 0.0
    stats: dict[str, float] = field(default_factory=dict)
    samples: list[Sample] = field(default_factory=list)
    articles: int = 0
    returncode: int = 0

    @property
    def pages(self) -> int:
        return int(self.stats.get("response_received_count", 0))

    @property
    def pages_per_minute(self) -> float:
        elapsed = self.stats.get("elapsed_time_seconds") or self.seconds
        return 60.0 * self.pages / elapsed if elapsed else 0.0


def _memory_kb(pid: int) -> int:
    """PSS of one process (shared pages split among sharers), else RSS; 0 when gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def _descendants(pid: int) -> list[int]:
    tree, out, todo = _children(), [], [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def crawl(run: Run, url: str, db: Path, log: Path) -> None:
    """Run one crawl as a process, sampling its memory and counting pages from its log."""
    command = [
        sys.executable,
        "-m",
        "newscrawl.cli",
        "crawl",
        url,
        "--db",
        f"sqlite:///{db}",
        "-v",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        f"NEWSCRAWL_RENDER={run.mode}",
        "-s",
        "LOGSTATS_INTERVAL=1",  # a "Crawled N pages" line every second: progress for samples
    ]
    pages = [0]
    lines: list[str] = []

    def read(stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            lines.append(line)
            progress = _LOGSTATS.search(line)
            if progress:
                pages[0] = int(progress[1])

    started = time.monotonic()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=REPO
    )
    reader = threading.Thread(target=read, args=(proc.stdout,), daemon=True)
    reader.start()
    while proc.poll() is None:
        children = _descendants(proc.pid)
        run.samples.append(
            Sample(
                seconds=time.monotonic() - started,
                pages=pages[0],
                crawler_kb=_memory_kb(proc.pid),
                browser_kb=sum(_memory_kb(pid) for pid in children),
            )
        )
        time.sleep(SAMPLE_SECONDS)
    reader.join(timeout=10)
    run.seconds = time.monotonic() - started
    run.returncode = proc.returncode
    output = "".join(lines)
    log.write_text(output, encoding="utf-8")
    run.stats = dumped_stats(output)
    run.articles = int(run.stats.get("newscrawl/store/new", 0))


def _mb(kb: int) -> str:
    return f"{kb / 1024:.0f}"


def report(runs: list[Run], articles: int, command: str) -> str:
    chromium = find_chromium(None)
    version = subprocess.run(
        [chromium, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    lines = [
        "# Rendering benchmark (scrapy-playwright, Debian Chromium)",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, {version or chromium}.",
        "",
        f"Command (from the repository root): `{command}`",
        "",
        f"Site: {articles} generated articles. `rendered`/`auto`: the script-built site (home "
        f'list behind "Load more", {PAGE_SIZE} items per click; every article body fetched '
        "from a JSON endpoint by script). `static`: its server-rendered twin (same stories, "
        'plain HTML, "More news" links). Served by the devserver on 127.0.0.1; '
        "AUTOTHROTTLE off, DOWNLOAD_DELAY=0, default concurrency (4 pages at once per site).",
        "",
        "Memory: PSS (shared pages split among processes) from /proc, sampled every "
        f"{SAMPLE_SECONDS}s; *crawler* is the Scrapy process, *browser* everything below it "
        "(Playwright driver + Chromium processes).",
        "",
        "| run | mode | articles stored | pages | rendered | seconds | pages/min "
        "| peak crawler MB | peak browser MB | peak total MB |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        peak_crawler = max((s.crawler_kb for s in run.samples), default=0)
        peak_browser = max((s.browser_kb for s in run.samples), default=0)
        peak_total = max((s.crawler_kb + s.browser_kb for s in run.samples), default=0)
        rendered = int(run.stats.get("newscrawl/render/rendered", 0))
        lines.append(
            f"| {run.name} | {run.mode} | {run.articles} | {run.pages} | {rendered} "
            f"| {run.seconds:.1f} | {run.pages_per_minute:.0f} | {_mb(peak_crawler)} "
            f"| {_mb(peak_browser)} | {_mb(peak_total)} |"
        )
    lines += ["", "Memory over the crawl (MB at each sixth of the pages crawled):", ""]
    lines += ["| run | " + " | ".join(f"{k}/6" for k in range(1, 7)) + " |"]
    lines += ["|---|" + "---|" * 6]
    for run in runs:
        cells = []
        final = max((s.pages for s in run.samples), default=0)
        for k in range(1, 7):
            target = final * k / 6
            sample = next((s for s in run.samples if s.pages >= target), None)
            cells.append(
                f"{sample.pages}p: {_mb(sample.crawler_kb)}+{_mb(sample.browser_kb)}"
                if sample
                else "-"
            )
        lines.append(f"| {run.name} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "Cells read `pages crawled: crawler MB + browser MB`.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", default="rendered,auto,static")
    parser.add_argument("--out", default=str(REPO / "bench" / "RENDER_RESULTS.md"))
    args = parser.parse_args(argv)
    find_chromium(None)  # fail at once, with the way out, when there is no browser
    stories = synthetic_stories(args.articles)
    plans = {
        "rendered": ("js", "always"),
        "auto": ("js", "auto"),
        "static": ("static", "never"),
    }
    runs = [Run(name, *plans[name]) for name in args.runs.split(",")]
    with tempfile.TemporaryDirectory(prefix="newscrawl-bench-render-") as tmp:
        root = Path(tmp)
        build_site(root / "js", stories, page_size=PAGE_SIZE)
        build_site(root / "static", stories, page_size=PAGE_SIZE, static=True)
        for run in runs:
            with SiteServer(root / run.site) as server:
                crawl(run, server.url, root / f"{run.name}.db", root / f"{run.name}.log")
            print(
                f"{run.name}: {run.articles} articles, {run.pages} pages in {run.seconds:.1f}s "
                f"({run.pages_per_minute:.0f} pages/min), exit {run.returncode}",
                file=sys.stderr,
            )
    command = ".venv/bin/python bench/render.py " + " ".join(
        argv if argv is not None else sys.argv[1:]
    )
    text = report(runs, args.articles, command.strip())
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    return 0 if all(r.returncode == 0 for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
