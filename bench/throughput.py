"""Throughput benchmark: newscrawl's pipeline against a bare Scrapy spider, on one site.

    .venv/bin/python bench/throughput.py [--articles 2000] [--runs 1]
        [--only ceiling,sqlite,pg] [--json PATH] [--profile PATH] [--set NAME=VALUE ...]

On a generated news site (bench/newssite.py, reused when present) served by
nginx on 127.0.0.1 (bench/nginx.py), each run its own process, one after the
other, the same site and the same settings (:data:`BENCH_SETTINGS`: 16
requests at once, no delay, no AutoThrottle, robots.txt obeyed):

1. ``ceiling``: bench/ceiling.py, a bare Scrapy spider following the same links;
2. ``sqlite``: ``newscrawl crawl`` (bench/crawlstats.py) into a fresh SQLite file;
3. ``pg``: the same into a fresh PostgreSQL database on 127.0.0.1:5432, created
   and dropped here (``--pg-url`` names the server).

Per run: pages (responses), seconds (Scrapy's elapsed_time_seconds), pages/s,
articles stored (rows in the database) and articles/s, CPU milliseconds per
page by stage (``newscrawl/cpu/*`` stats; ``download`` is the rest of the
process's CPU) and pages per CPU second, nginx's CPU, the CPU other processes
of the machine used meanwhile (a shared machine slows every crawl), and the
child's peak RSS (VmHWM; also with its analysis-pool processes).
Each stored row is checked against the site's article list: the row count, and
any stored URL that is not one of the site's articles, are printed.
``--profile PATH`` adds one SQLite run under cProfile (not timed) and prints its
top entries.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from statistics import median
from typing import Any
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from newssite import article_paths, ensure_site  # noqa: E402
from nginx import Nginx  # noqa: E402
from sqlalchemy import text  # noqa: E402

from newscrawl.storage.engine import make_engine  # noqa: E402

#: Settings every run gets, the ceiling included.
BENCH_SETTINGS = {
    "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "ROBOTSTXT_OBEY": "True",
    "COOKIES_ENABLED": "False",
    "TELNETCONSOLE_ENABLED": "False",
    "REMOTE_CONTROL_ENABLED": "False",
    "LOG_LEVEL": "INFO",
}
STAGES = (
    "download",
    "classify",
    "extract",
    "links",
    "follow",
    "validate",
    "dedupe",
    "near_duplicates",
    "store",
)
KINDS = ("ceiling", "sqlite", "pg")


def settings_args(extra: dict[str, str] | None = None) -> list[str]:
    out = []
    for name, value in {**BENCH_SETTINGS, **(extra or {})}.items():
        out += ["-s", f"{name}={value}"]
    return out


def busy_cpu_seconds() -> float:
    """CPU seconds every process of the machine has used since boot (/proc/stat)."""
    with open("/proc/stat", encoding="ascii") as stat:
        fields = [int(x) for x in stat.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def run_child(argv: list[str], log: Path) -> tuple[int, float, Any, int]:
    """Run ``argv``: its exit code, wall seconds, resource usage (``wait4``) and peak
    RSS in kB.

    The peak is the child's VmHWM, read every 50 ms while it runs: ``ru_maxrss``
    is no good here, since a child started by vfork (as subprocess does) inherits
    the parent's high-water mark at exec. ``peak[1]``: the largest sum of VmRSS
    over the child and its own children (newscrawl's analysis pool) seen.
    """
    started = time.perf_counter()
    peak = [0, 0]
    with open(log, "wb") as out:
        child = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT)
        done = threading.Event()
        sampler = threading.Thread(target=_sample_hwm, args=(child.pid, peak, done))
        sampler.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            done.set()
            sampler.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, time.perf_counter() - started, usage, peak


def _sample_hwm(pid: int, peak: list[int], done: threading.Event) -> None:
    while not done.is_set():
        peak[0] = max(peak[0], _status_kb(pid, "VmHWM:"))
        peak[1] = max(peak[1], sum(_status_kb(p, "VmRSS:") for p in _tree(pid)))
        done.wait(0.05)


def _status_kb(pid: int, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants."""
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        try:
            with open(f"/proc/{current}/task/{current}/children", encoding="ascii") as kids:
                todo += [int(k) for k in kids.read().split()]
        except OSError:
            pass
    return out


@contextmanager
def postgres_database(server: str) -> Iterator[str]:
    """A fresh database on ``server`` (a postgresql:// URL), dropped afterwards."""
    import psycopg

    name = f"newscrawl_bench_{os.getpid()}"
    admin = server.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    parts = urlsplit(server)
    try:
        yield f"postgresql+psycopg://{parts.netloc}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def stored_rows(database_url: str, articles: set[str]) -> dict[str, Any]:
    """Rows stored, and those whose canonical URL is none of the site's articles."""
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT url, canonical_url FROM articles")).all()
    finally:
        engine.dispose()
    paths = [urlsplit(canonical or url).path for url, canonical in rows]
    not_articles = sorted(
        str(url) for (url, _), path in zip(rows, paths, strict=True) if path not in articles
    )
    return {
        "rows": len(rows),
        "distinct_articles": len({p for p in paths if p in articles}),
        "missing": len(articles - set(paths)),
        "not_articles": not_articles,
    }


def one_run(
    kind: str,
    site: Nginx,
    work: Path,
    pg_server: str,
    profile: Path | None = None,
    extra: dict[str, str] | None = None,
) -> dict[str, Any]:
    name = f"{kind}-profiled" if profile is not None else kind
    stats_file, log = work / f"{name}-stats.json", work / f"{name}.log"
    python = [sys.executable]
    if profile is not None:
        python += ["-m", "cProfile", "-o", str(profile)]
    with _database(kind, work, pg_server) as database:
        if kind == "ceiling":
            argv = [*python, str(BENCH / "ceiling.py"), site.url, "--stats-json", str(stats_file)]
            argv += settings_args()
        else:
            argv = [*python, str(BENCH / "crawlstats.py"), str(stats_file), site.url]
            argv += ["--db", str(database), "-v"]
            argv += settings_args(
                {
                    "NEWSCRAWL_LOCK_DIR": str(work / "locks"),
                    "NEWSCRAWL_DEAD_LETTER_DIR": str(work / "dead-letter"),
                    **(extra or {}),
                }
            )
        nginx_before, busy_before = site.cpu_seconds(), busy_cpu_seconds()
        code, wall, usage, peak_kb = run_child(argv, log)
        nginx_cpu = site.cpu_seconds() - nginx_before
        busy = busy_cpu_seconds() - busy_before
        if code != 0:
            raise SystemExit(f"{kind} run failed ({code}); its log: {log}")
        stats = json.loads(stats_file.read_text("utf-8"))
        result = summarise(kind, stats, wall, usage, nginx_cpu)
        result["peak_rss_mb"] = peak_kb[0] / 1024
        result["peak_tree_rss_mb"] = peak_kb[1] / 1024
        # Other processes on the machine compete for its cores: say how much.
        others = busy - nginx_cpu - result["process_cpu_seconds"]
        result["others_cpu_per_second"] = max(0.0, others) / wall
        if database is not None:
            result.update(stored_rows(database, set(article_paths(site.root))))
            result["articles_per_s"] = result["rows"] / result["seconds"]
    result["log"] = str(log)
    return result


@contextmanager
def _database(kind: str, work: Path, pg_server: str) -> Iterator[str | None]:
    if kind == "ceiling":
        yield None
    elif kind == "sqlite":
        path = work / "news.db"
        for leftover in work.glob("news.db*"):
            leftover.unlink()
        yield f"sqlite:///{path}"
    else:
        with postgres_database(pg_server) as url:
            yield url


def summarise(
    kind: str, stats: dict[str, Any], wall: float, usage: Any, nginx_cpu: float
) -> dict[str, Any]:
    pages = int(stats.get("response_received_count", 0))
    seconds = float(stats.get("elapsed_time_seconds") or wall)
    cpu = {
        k.removeprefix("newscrawl/cpu/"): float(v)
        for k, v in stats.items()
        if k.startswith("newscrawl/cpu/")
    }
    crawl_cpu = cpu.get("process", 0.0) + cpu.get("elsewhere", 0.0)
    return {
        "kind": kind,
        "pages": pages,
        "seconds": seconds,
        "wall_seconds": wall,
        "pages_per_s": pages / seconds if seconds else 0.0,
        "cpu_ms_per_page": {s: 1000 * cpu[s] / pages for s in STAGES if s in cpu and pages},
        # The crawl process's CPU, and its analysis pool's stages (measured where they ran).
        "crawl_cpu_ms_per_page": 1000 * crawl_cpu / pages if pages else 0.0,
        # Pages per second of the crawl's CPU: what other processes' load changes least.
        "pages_per_cpu_second": pages / crawl_cpu if crawl_cpu else 0.0,
        "process_cpu_seconds": usage.ru_utime + usage.ru_stime,
        # CPU seconds of the crawl per second of it: 1.0 is one core kept busy.
        "cpu_per_second": cpu.get("process", 0.0) / seconds if seconds else 0.0,
        "nginx_cpu_seconds": nginx_cpu,
        "ru_maxrss_mb": usage.ru_maxrss / 1024,
        "finish_reason": stats.get("finish_reason"),
        "pages_by_kind": {
            k.removeprefix("newscrawl/pages/"): v
            for k, v in stats.items()
            if k.startswith("newscrawl/pages/")
        },
    }


def table(results: list[dict[str, Any]]) -> str:
    ceilings = [r["pages_per_s"] for r in results if r["kind"] == "ceiling"]
    ceiling = median(ceilings) if ceilings else None
    frugal = [r["pages_per_cpu_second"] for r in results if r["kind"] == "ceiling"]
    ceiling_cpu = median(frugal) if frugal else None
    head = ["run", "pages", "s", "pages/s", "% ceiling", "pages/CPU s", "% ceiling (CPU)"]
    head += ["rows", "articles/s"]
    head += [f"{s} ms" for s in STAGES] + [
        "crawl CPU ms/page",
        "CPU s/s",
        "others' CPU s/s",
        "nginx CPU s",
        "peak RSS MB",
        "with workers MB",
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        share = f"{100 * r['pages_per_s'] / ceiling:.0f} %" if ceiling else "-"
        share_cpu = f"{100 * r['pages_per_cpu_second'] / ceiling_cpu:.0f} %" if ceiling_cpu else "-"
        cells = [
            r["kind"],
            str(r["pages"]),
            f"{r['seconds']:.1f}",
            f"{r['pages_per_s']:.1f}",
            share,
            f"{r['pages_per_cpu_second']:.0f}",
            share_cpu,
            str(r.get("rows", "-")),
            f"{r['articles_per_s']:.1f}" if "articles_per_s" in r else "-",
        ]
        cells += [
            f"{r['cpu_ms_per_page'][s]:.2f}" if s in r["cpu_ms_per_page"] else "-" for s in STAGES
        ]
        cells += [
            f"{r['crawl_cpu_ms_per_page']:.1f}",
            f"{r['cpu_per_second']:.2f}",
            f"{r['others_cpu_per_second']:.2f}",
            f"{r['nginx_cpu_seconds']:.1f}",
            f"{r['peak_rss_mb']:.0f}",
            f"{r['peak_tree_rss_mb']:.0f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def print_profile(path: Path, top: int) -> None:
    stats = pstats.Stats(str(path))
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=1, help="runs of each kind")
    parser.add_argument("--only", default=",".join(KINDS), help="runs to do: ceiling,sqlite,pg")
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    parser.add_argument("--site", type=Path, default=None, help="default /tmp/newscrawl-bench/N")
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--profile", type=Path, default=None, help="also a profiled SQLite run")
    parser.add_argument("--top", type=int, default=30, help="profile entries shown")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a setting for the newscrawl runs (not the ceiling); repeatable",
    )
    args = parser.parse_args()
    if bad := [item for item in args.set if "=" not in item]:
        parser.error(f"--set wants NAME=VALUE, not {bad[0]!r}")
    extra = dict(item.split("=", 1) for item in args.set)
    kinds = [k.strip() for k in args.only.split(",") if k.strip()]
    for kind in kinds:
        if kind not in KINDS:
            parser.error(f"--only: {kind!r} is none of {', '.join(KINDS)}")
    started = time.perf_counter()
    root = ensure_site(args.articles, root=args.site)
    print(f"site: {root} ({time.perf_counter() - started:.0f} s to make or find)", flush=True)
    results: list[dict[str, Any]] = []
    # Logs, stats and the SQLite file of the last runs stay there, to be looked at.
    work = root.parent / f"runs-{args.articles}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    with Nginx(root) as site:
        for number in range(args.runs):
            for kind in kinds:
                result = one_run(kind, site, work, args.pg_url, extra=extra)
                result["run"] = number + 1
                results.append(result)
                print(_line(result), flush=True)
        if args.profile is not None:
            one_run("sqlite", site, work, args.pg_url, profile=args.profile, extra=extra)
    print()
    concurrency = BENCH_SETTINGS["CONCURRENT_REQUESTS"]
    print(f"{args.articles}-article site, nginx on 127.0.0.1, {concurrency} requests at once")
    print(table(results))
    for r in results:
        if r.get("not_articles"):
            print(f"{r['kind']}: {len(r['not_articles'])} stored rows are not articles:")
            for url in r["not_articles"][:50]:
                print("   ", url)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "articles": args.articles,
                    "settings": {**BENCH_SETTINGS, **extra},
                    "results": results,
                },
                indent=1,
            )
            + "\n"
        )
    if args.profile is not None:
        print_profile(args.profile, args.top)


def _line(r: dict[str, Any]) -> str:
    rows = f", {r['rows']} rows ({r['missing']} articles missing)" if "rows" in r else ""
    return (
        f"{r['kind']}: {r['pages']} pages in {r['seconds']:.1f} s = {r['pages_per_s']:.1f} pages/s"
        f"{rows}, peak RSS {r['peak_rss_mb']:.0f} MB"
    )


if __name__ == "__main__":
    main()
