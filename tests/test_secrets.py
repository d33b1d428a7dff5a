"""Database passwords never reach logs, stats, crawl_runs, files or error messages.

The end-to-end tests use a private PostgreSQL server with password
(scram-sha-256) authentication, so the password is really needed and really sent.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from crawling import FAST
from hypothesis import assume, given
from hypothesis import strategies as st
from pgcluster import PASSWORD, PrivateCluster
from sqlalchemy import text
from sqlalchemy.engine import make_url

from newscrawl.cli import EXIT_FAILED, EXIT_OK, main
from newscrawl.devserver import SiteServer
from newscrawl.storage.engine import database_secrets, make_engine, redact_url, scrub
from newscrawl.storage.faults import describe_error

SITES = Path(__file__).parent / "sites"


def _secrets_in(output: str, password: str) -> list[str]:
    return [s for s in {password, quote(password, safe="")} if s in output]


@given(st.text(min_size=1, max_size=30))
def test_redact_url_masks_any_password(password: str) -> None:
    url = f"postgresql+psycopg://bob:{quote(password, safe='')}@db.example:5433/news"
    assert make_url(url).password == password  # the URL really carries it
    redacted = redact_url(url)
    assert redacted == "postgresql+psycopg://bob:***@db.example:5433/news"


@given(st.text(min_size=1, max_size=30), st.text(max_size=30))
def test_scrub_masks_the_password_wherever_a_message_shows_it(password: str, noise: str) -> None:
    # A "*" in the password could be recreated by the "***" mask around it.
    assume("*" not in password)
    url = f"postgresql://bob:{quote(password, safe='')}@db.example/news"
    message = f"{noise} connecting to {url} as bob with {password} ({quote(password)}) {noise}"
    assert not _secrets_in(scrub(message, database_secrets(url)), password)


def test_an_unescaped_at_sign_in_a_password_is_refused_without_showing_it() -> None:
    with pytest.raises(ValueError, match="write it as %40") as raised:
        make_engine("postgresql+psycopg://bob:hunt@er2@db.example/news")
    assert "hunt" not in str(raised.value) and "er2" not in str(raised.value)
    assert redact_url("postgresql+psycopg://bob:hunt@er2@db.example/news") == (
        "postgresql+psycopg://bob:***@db.example/news"
    )


def test_driver_errors_are_one_line_without_the_password() -> None:
    from sqlalchemy.exc import OperationalError

    url = "postgresql://bob:s3cr3t-pw@db.example/news"
    exc = OperationalError("SELECT 1", {}, RuntimeError(f"bad dsn {url}\nsecond line s3cr3t-pw"))
    assert describe_error(exc, database_secrets(url)) == (
        "RuntimeError: bad dsn postgresql://bob:***@db.example/news"
    )


def test_a_crawl_whose_database_is_unreachable_never_shows_the_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(
        ["crawl", "http://127.0.0.1:9/", "--db", "postgresql+psycopg://u:s3cret-pw@127.0.0.1:9/x"]
    )
    out = capsys.readouterr()
    assert code == EXIT_FAILED
    assert "newscrawl: database error: OperationalError: connection failed" in out.err
    assert "s3cret-pw" not in out.out + out.err


def _crawl(url: str, db: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newscrawl.cli", "crawl", url, "--db", db, *FAST, "-v"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.mark.postgres
def test_password_is_in_no_log_stat_or_crawl_run(cluster: PrivateCluster) -> None:
    server = SiteServer(SITES / "harbour").start()
    try:
        good = _crawl(server.url, cluster.url)
        wrong = _crawl(server.url, cluster.database_url("postgres", password="not-the-pw-1x"))
    finally:
        server.stop()

    assert good.returncode == EXIT_OK, good.stderr[-3000:]
    assert "Dumping Scrapy stats" in good.stderr  # -v: the whole log and the stats
    assert "postgres:***@127.0.0.1" in good.stdout
    assert not _secrets_in(good.stdout + good.stderr, PASSWORD)

    assert wrong.returncode == EXIT_FAILED
    assert 'password authentication failed for user "postgres"' in wrong.stderr
    assert not _secrets_in(wrong.stdout + wrong.stderr, "not-the-pw-1x")
    assert not _secrets_in(wrong.stdout + wrong.stderr, PASSWORD)

    engine = make_engine(cluster.url)
    try:
        with engine.connect() as conn:
            runs = [str(tuple(row)) for row in conn.execute(text("SELECT * FROM crawl_runs"))]
    finally:
        engine.dispose()
    assert len(runs) == 1
    assert not _secrets_in(runs[0], PASSWORD)


@pytest.mark.postgres
def test_db_commands_print_the_url_without_its_password(
    cluster: PrivateCluster, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade", "--db", cluster.url]) == EXIT_OK
    assert main(["db", "current", "--db", cluster.url]) == EXIT_OK
    out = capsys.readouterr()
    assert "postgres:***@127.0.0.1" in out.out
    assert not _secrets_in(out.out + out.err, PASSWORD)
