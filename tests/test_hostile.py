"""Crawls of the hostile site (tests/hostile.py): it finishes, stores the good articles only.

One crawl of the whole site, with tight budgets so that it is quick, must end on
its own ("finished"), store exactly the seven good articles (read correctly
despite a wrong charset, invalid bytes, broken JSON-LD and a busy server), count
every trap under its reason in the summary, never reach the private server, and
stay far below the memory a gzip bomb or an endless page would take. Focused
crawls then check one defence each, with the setting that controls it.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.crawling import FAST, stored_rows
from tests.hostile import DEAD_LINKS, TRAPS, HostileServer, PrivateServer, good_paths

#: Tight budgets, so the crawl of every trap takes seconds (the defaults are in settings.py).
BUDGETS = (
    "NEWSCRAWL_RENDER=never",
    "DOWNLOAD_TIMEOUT=2",
    "RETRY_TIMES=1",
    f"DOWNLOAD_MAXSIZE={2 * 1024 * 1024}",
    f"DOWNLOAD_WARNSIZE={1024 * 1024}",
    "NEWSCRAWL_RETRY_AFTER_MAX=5",
    "NEWSCRAWL_RETRY_AFTER_TIMES=3",
    # Above the errors /news/ gives in a row (6 traps fail there), below the dead links'.
    "NEWSCRAWL_BRANCH_ERRORS=10",
    "NEWSCRAWL_MAX_LINKS_PER_PAGE=200",
    "NEWSCRAWL_SITE_TIME_BUDGET=5m",
)
GIB = 1024 * 1024 * 1024
#: Requests already handed to the downloader when a budget runs out still go out:
#: at most CONCURRENT_REQUESTS (16) of them.
IN_FLIGHT = 16


def crawl(
    server: HostileServer, db: Path, *settings: str, urls: list[str] | None = None
) -> tuple[subprocess.CompletedProcess[str], dict[str, int]]:
    """``newscrawl crawl`` of ``urls`` (default: the site) with BUDGETS and ``settings``.

    Returns the finished process and the bad-page counts of its summary line.
    """
    args = [f for s in (*BUDGETS, *settings) for f in ("-s", s)]
    proc = subprocess.run(
        [
            *(sys.executable, "-m", "newscrawl.cli", "crawl", *(urls or [server.url])),
            *("--db", f"sqlite:///{db}", *FAST, "-v", *args),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return proc, summary_counts(proc.stdout, "bad pages")


def summary_counts(stdout: str, label: str) -> dict[str, int]:
    """``{reason: n}`` from a summary line like ``  bad pages: 3 (2 timeout, 1 http_500)``."""
    match = re.search(rf"^  {label}: \d+ \((.*)\)$", stdout, re.MULTILINE)
    if not match:
        return {}
    return {reason: int(n) for n, reason in (p.split(" ", 1) for p in match.group(1).split(", "))}


def stat(stderr: str, key: str) -> int:
    """A value of the stats dump Scrapy logs at the end (``-v``)."""
    match = re.search(rf"'{re.escape(key)}': (\d+)", stderr)
    return int(match.group(1)) if match else 0


def can_bind(host: str) -> bool:
    try:
        with socket.socket() as sock:
            sock.bind((host, 0))
    except OSError:
        return False
    return True


needs_second_loopback = pytest.mark.skipif(
    not can_bind("127.0.0.2"), reason="127.0.0.2 is not a loopback address here (Linux has it)"
)


@pytest.fixture
def private() -> Iterator[PrivateServer]:
    if not can_bind("127.0.0.2"):
        pytest.skip("127.0.0.2 is not a loopback address here (Linux has it)")
    with PrivateServer("127.0.0.2") as server:
        yield server


# --- the whole site -------------------------------------------------------------------


@pytest.fixture(scope="module")
def whole_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    db = tmp_path_factory.mktemp("hostile") / "news.db"
    second_loopback = can_bind("127.0.0.2")
    with PrivateServer("127.0.0.2" if second_loopback else "127.0.0.1") as private:
        # Without 127.0.0.2 (macOS), "localhost": another host name for 127.0.0.1, which
        # is not the start URL's host, so just as forbidden (and looked up in /etc/hosts).
        target = private.url if second_loopback else private.url.replace("127.0.0.1", "localhost")
        with HostileServer(bomb_size=GIB, private_url=target) as server:
            proc, bad = crawl(server, db)
        yield {
            "proc": proc,
            "bad": bad,
            "rows": stored_rows(db),
            "requests": server.counts(),
            "origin": server.origin,
            "private": list(private.requests),
            "endless_bytes": server.endless_bytes_sent,
        }


def test_the_crawl_finishes_on_its_own(whole_site: dict[str, Any]) -> None:
    proc = whole_site["proc"]
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "(finished)" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_exactly_the_good_articles_are_stored(whole_site: dict[str, Any]) -> None:
    origin = whole_site["origin"]
    assert sorted(r["url"] for r in whole_site["rows"]) == sorted(origin + p for p in good_paths())


def test_good_articles_served_badly_are_read_correctly(whole_site: dict[str, Any]) -> None:
    rows = {r["url"].split("/")[-2]: r for r in whole_site["rows"]}
    # A UTF-8 page under a charset=iso-8859-1 header: no "CafÃ©".
    assert rows["cafe-accents"]["title"] == "Café owner from Zürich opens a bakery on Quay Street"
    assert "naïve bread" in rows["cafe-accents"]["body"]
    # Invalid UTF-8 and a NUL byte: stored, without the NUL (PostgreSQL refuses one).
    assert "\x00" not in rows["broken-bytes"]["body"]
    assert "the all-weather boat" in rows["broken-bytes"]["body"]
    # Broken JSON-LD: the page's markup gives the fields.
    assert rows["allotment-waiting-list"]["authors"] == ["Idris Mottram"]
    assert rows["allotment-waiting-list"]["published_at"].startswith("2025-03-06T07:50")
    # 503 with Retry-After: 1, three times: waited for, then stored.
    assert rows["busy-server-ferry-fares"]["word_count"] > 150


def test_every_trap_is_counted_under_its_reason(whole_site: dict[str, Any]) -> None:
    bad = whole_site["bad"]
    expected = Counter(r for r in TRAPS.values() if r != "listing_trap")
    for reason, n in expected.items():
        assert bad.get(reason, 0) >= n, (reason, bad)
    # The 404s of the dead-links page: NEWSCRAWL_BRANCH_ERRORS of them (and those already
    # on their way), then the branch goes.
    assert 10 <= bad["http_404"] <= 10 + IN_FLIGHT
    assert bad["http_404"] + bad["branch_dropped"] == 200
    assert set(bad) <= set(expected) | {"branch_dropped"}, bad


def test_the_summary_names_the_limits_reached(whole_site: dict[str, Any]) -> None:
    stdout = whole_site["proc"].stdout
    assert f"{DEAD_LINKS - 200} links over NEWSCRAWL_MAX_LINKS_PER_PAGE" in stdout
    assert "1 branches dropped (NEWSCRAWL_BRANCH_ERRORS)" in stdout  # /story/, not /news/
    assert "1 Retry-After waits over NEWSCRAWL_RETRY_AFTER_MAX" in stdout


def test_each_bad_page_is_logged_with_its_reason(whole_site: dict[str, Any]) -> None:
    log = whole_site["proc"].stderr
    for path, reason in TRAPS.items():
        if reason in ("listing_trap", "http_404", "too_many_redirects", "forbidden_address"):
            continue  # these are logged under the URL they ended at
        assert f"Bad page {whole_site['origin']}{path}: {reason}" in log, path
    assert re.search(r"Bad page \S+/news/moved-\d+/: too_many_redirects", log)
    assert re.search(r"Bad page http://\S+/secret/: forbidden_address .*redirected from", log)
    assert "Dropping 127.0.0.1:" in log and "/story/: 10 errors in a row" in log


def test_traps_cost_little(whole_site: dict[str, Any]) -> None:
    requests = whole_site["requests"]
    dead = sum(n for path, n in requests.items() if path.startswith("/story/"))
    assert 10 <= dead <= 10 + IN_FLIGHT
    assert sum(n for path, n in requests.items() if path.startswith("/calendar/")) <= 6
    assert sum(n for path, n in requests.items() if path.startswith("/archive/")) <= 4
    # A new URL each hop: REDIRECT_MAX_TIMES (10) redirects followed, then no more.
    hops = [int(p.split("-")[1].strip("/")) for p in requests if p.startswith("/news/moved-")]
    assert max(hops) == 11
    log = whole_site["proc"].stderr
    assert stat(log, "newscrawl/retry_after/too_long") == 1  # Retry-After: 1 day: not retried
    assert requests["/news/come-back-tomorrow-story/"] == 1
    # Retry-After: 1 on the 500 and the busy 503: waited for, NEWSCRAWL_RETRY_AFTER_TIMES times.
    assert requests["/news/server-error-story/"] == 1 + 3
    assert requests["/2025/03/07/busy-server-ferry-fares/"] == 3 + 1
    # The endless page was cut at DOWNLOAD_MAXSIZE (plus what was in flight), not at 100 MB.
    assert whole_site["endless_bytes"] < 20 * 1024 * 1024


def test_memory_stays_far_below_the_bomb(whole_site: dict[str, Any]) -> None:
    # The gzip bomb inflates to 1 GiB; read whole, it alone would pass this.
    peak = stat(whole_site["proc"].stderr, "memusage/max")
    assert 0 < peak < 500 * 1024 * 1024


def test_the_private_server_is_never_reached(whole_site: dict[str, Any]) -> None:
    assert whole_site["private"] == []


# --- one defence at a time ------------------------------------------------------------


def test_a_redirect_to_another_loopback_address_is_refused(
    private: PrivateServer, tmp_path: Path
) -> None:
    with HostileServer(private_url=private.url, robots_sitemaps=False) as server:
        proc, bad = crawl(
            server, tmp_path / "n.db", urls=[server.url + "news/redirect-to-private/"]
        )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert bad == {"forbidden_address": 1}
    assert private.requests == []


def test_allow_private_lets_the_redirect_through(private: PrivateServer, tmp_path: Path) -> None:
    with HostileServer(private_url=private.url, robots_sitemaps=False) as server:
        crawl(
            server,
            tmp_path / "n.db",
            "NEWSCRAWL_ALLOW_PRIVATE=1",
            urls=[server.url + "news/redirect-to-private/"],
        )
    assert "/secret/" in private.requests


def test_forbidden_networks_win_over_allow_private(private: PrivateServer, tmp_path: Path) -> None:
    with HostileServer(private_url=private.url, robots_sitemaps=False) as server:
        _, bad = crawl(
            server,
            tmp_path / "n.db",
            "NEWSCRAWL_ALLOW_PRIVATE=1",
            "NEWSCRAWL_FORBIDDEN_NETWORKS=127.0.0.2/32",
            urls=[server.url + "news/redirect-to-private/"],
        )
    assert bad == {"forbidden_address": 1}
    assert private.requests == []


def test_a_start_url_on_a_private_address_is_crawled(
    private: PrivateServer, tmp_path: Path
) -> None:
    with HostileServer(robots_sitemaps=False) as server:
        proc, bad = crawl(server, tmp_path / "n.db", urls=[private.url])
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "/" in private.requests
    assert "forbidden_address" not in bad


def test_the_site_time_budget_ends_a_crawl_of_slow_pages(tmp_path: Path) -> None:
    # Forty pages that trickle at 1 byte/s: the first ones use up the 3 s, the rest
    # (and the retries of the first) are dropped, but for those already handed to the
    # downloader (IN_FLIGHT at most).
    with HostileServer(robots_sitemaps=False) as server:
        proc, bad = crawl(
            server,
            tmp_path / "n.db",
            "NEWSCRAWL_SITE_TIME_BUDGET=3s",
            "DOWNLOAD_TIMEOUT=3",
            "CONCURRENT_REQUESTS_PER_DOMAIN=16",
            urls=[f"{server.url}news/slow-trickle-story/?n={n}" for n in range(40)],
        )
        requests = server.counts()
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "(finished)" in proc.stdout
    assert sum(n for p, n in requests.items() if p.startswith("/news/slow")) <= IN_FLIGHT
    assert bad.get("site_time_budget", 0) >= 40 - IN_FLIGHT
    assert "1 sites out of time (NEWSCRAWL_SITE_TIME_BUDGET)" in proc.stdout


def test_the_links_cap_and_the_branch_budget_are_settings(tmp_path: Path) -> None:
    with HostileServer(robots_sitemaps=False) as server:
        proc, bad = crawl(
            server,
            tmp_path / "n.db",
            "NEWSCRAWL_MAX_LINKS_PER_PAGE=30",
            "NEWSCRAWL_BRANCH_ERRORS=12",
            urls=[server.url + "dead-links/"],
        )
        requests = server.counts()
    fetched = sum(n for p, n in requests.items() if p.startswith("/story/"))
    assert 12 <= fetched <= 12 + IN_FLIGHT
    assert bad == {"http_404": fetched, "branch_dropped": 30 - fetched}
    assert f"{DEAD_LINKS - 30} links over NEWSCRAWL_MAX_LINKS_PER_PAGE" in proc.stdout


def test_without_a_branch_budget_every_capped_link_is_tried(tmp_path: Path) -> None:
    with HostileServer(robots_sitemaps=False) as server:
        _, bad = crawl(
            server,
            tmp_path / "n.db",
            "NEWSCRAWL_MAX_LINKS_PER_PAGE=40",
            "NEWSCRAWL_BRANCH_ERRORS=0",
            urls=[server.url + "dead-links/"],
        )
    assert bad == {"http_404": 40}
