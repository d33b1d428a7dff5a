"""Shared fixtures: fixture-site servers, real PostgreSQL and Redis.

Services: on a user's machine without PostgreSQL or Redis, tests that need them
skip with the reason; in CI (``CI=true``) they fail instead, so a down service
can never turn into a silent green run.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from pgcluster import PrivateCluster, why_not
from sqlalchemy import Engine

from newscrawl.devserver import SiteServer
from newscrawl.storage.engine import make_engine
from newscrawl.storage.testing import fresh_postgres_database

TESTS = Path(__file__).parent
SITES = TESTS / "sites"
SHARED_BENCHMARKS = TESTS.parent.parent / "shared" / "benchmarks"
PG_ADMIN_URL = os.environ.get(
    "NEWSCRAWL_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REDIS_URL = os.environ.get("NEWSCRAWL_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# Property tests: no deadline (a timed assertion, and this machine is shared), and in
# CI the same examples every run, so that a red CI is a reproducible one.
settings.register_profile(
    "newscrawl",
    deadline=None,
    derandomize=IN_CI,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("newscrawl")


def _port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def require_service(name: str, host: str, port: int) -> None:
    if _port_open(host, port):
        return
    msg = f"{name} is not reachable at {host}:{port}"
    if IN_CI:
        pytest.fail(f"{msg}; CI must run this test (start it in .ci/run)")
    pytest.skip(f"{msg}; start it to run this test")


@pytest.fixture(autouse=True)
def dead_letter_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where this test's crawls write articles they could not store (never the checkout).

    Both for crawls in this process (the settings module's default) and for
    ``newscrawl crawl`` subprocesses (the environment variable it reads).
    """
    from newscrawl import settings

    directory = tmp_path / "dead-letter"
    monkeypatch.setattr(settings, "NEWSCRAWL_DEAD_LETTER_DIR", str(directory))
    monkeypatch.setenv("NEWSCRAWL_DEAD_LETTER_DIR", str(directory))
    return directory


@pytest.fixture
def serve_site() -> Iterator[Callable[[str | Path], SiteServer]]:
    """Start a fixture site by name (a folder of tests/sites) or path."""
    servers: list[SiteServer] = []

    def start(name: str | Path) -> SiteServer:
        root = Path(name) if Path(name).is_absolute() else SITES / name
        server = SiteServer(root).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped afterwards."""
    require_service("PostgreSQL", "127.0.0.1", 5432)
    with fresh_postgres_database(PG_ADMIN_URL, prefix="newscrawl_test") as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An engine on an empty database of its own: a SQLite file, or a new PG database."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'news.db'}")
        yield engine
        engine.dispose()
        return
    with fresh_postgres_database(request.getfixturevalue("pg_url")) as url:
        engine = make_engine(url)
        yield engine
        engine.dispose()


@pytest.fixture
def cluster() -> Iterator[PrivateCluster]:
    """A private PostgreSQL server (tests/pgcluster.py), started: for tests that stop it."""
    reason = why_not()
    if reason:
        if IN_CI:
            pytest.fail(f"{reason}; CI must run this test")
        pytest.skip(reason)
    server = PrivateCluster()
    server.start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="session")
def redis_url() -> str:
    require_service("Redis", "127.0.0.1", 6379)
    return REDIS_URL


@pytest.fixture
def redis_prefix(redis_url: str) -> Iterator[str]:
    """A Redis key prefix of this test's own; every key under it is deleted afterwards."""
    import redis

    prefix = f"newscrawl-test-{uuid.uuid4().hex[:12]}"
    yield prefix
    client = redis.Redis.from_url(redis_url)
    try:
        keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


@pytest.fixture(scope="session")
def shared_benchmarks() -> Path:
    if not SHARED_BENCHMARKS.is_dir():
        pytest.skip(f"benchmark data not found at {SHARED_BENCHMARKS} (only on team machines)")
    return SHARED_BENCHMARKS
