"""`newscrawl search / stats / runs / export --query` on a real SQLite file and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from newscrawl.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from newscrawl.storage.engine import make_engine
from newscrawl.storage.migrate import ensure_schema
from newscrawl.storage.repository import ArticleRepository

ITEMS = [
    {
        "url": "https://a.test/flood",
        "site": "a.test",
        "title": "River flood closes the bridge",
        "body": "Water rose overnight and the bridge was shut.",
        "published_at": "2024-12-10T09:00:00+00:00",
    },
    {
        "url": "https://b.test/budget",
        "site": "b.test",
        "title": "Budget vote",
        "body": "The council discussed the flood defences budget.",
        "published_at": "2024-11-10T09:00:00+00:00",
    },
    {
        "url": "https://a.test/market",
        "site": "a.test",
        "title": "Market day",
        "body": "Stalls sold apples and honey.",
        "published_at": "2024-12-11T09:00:00+00:00",
    },
]


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


@pytest.fixture
def db(empty_engine: Engine) -> str:
    ensure_schema(empty_engine)
    repo = ArticleRepository(empty_engine)
    repo.upsert_articles(ITEMS)
    run = repo.start_run(spider="news", arguments={"start_urls": ["https://a.test/"]})
    repo.finish_run(run, counts={"pages": 7, "new": 3}, status="ok")
    return _url(empty_engine)


def test_search_prints_ranked_hits_with_snippets(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "flood", "--db", db]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.index("River flood closes the bridge") < out.index("Budget vote")
    assert "«flood»" in out
    assert "https://a.test/flood" in out


def test_search_json_with_filters(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "flood", "--site", "b.test", "--json", "--db", db]) == EXIT_OK
    hits = json.loads(capsys.readouterr().out)
    assert [hit["canonical_url"] for hit in hits] == ["https://b.test/budget"]
    assert hits[0]["published_at"] == "2024-11-10T09:00:00+00:00"
    args = ["search", "flood", "--since", "2024-12-01", "--json", "--db", db]
    assert main(args) == EXIT_OK
    hits = json.loads(capsys.readouterr().out)
    assert [hit["canonical_url"] for hit in hits] == ["https://a.test/flood"]
    assert main(["search", "flood -bridge", "--limit", "5", "--json", "--db", db]) == EXIT_OK
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_search_hostile_query_is_no_error(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", 'NEAR(" AND OR *', "--json", "--db", db]) == EXIT_OK
    assert json.loads(capsys.readouterr().out) == []


def test_stats_table_and_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", db]) == EXIT_OK
    out = capsys.readouterr().out
    assert "3 articles" in out
    assert "a.test" in out and "b.test" in out
    assert "last runs:" in out
    assert main(["stats", "--json", "--days", "2", "--db", db]) == EXIT_OK
    summary = json.loads(capsys.readouterr().out)
    assert {row["site"]: row["articles"] for row in summary["sites"]} == {"a.test": 2, "b.test": 1}
    assert len(summary["days"]) == 2
    assert summary["days"][-1]["collected"] == 3
    assert summary["runs"][0]["pages"] == 7


def test_runs_table_and_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["runs", "--db", db]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert "status" in lines[0]
    assert " ok " in lines[1]
    assert main(["runs", "--json", "--db", db]) == EXIT_OK
    (run,) = json.loads(capsys.readouterr().out)
    assert (run["pages"], run["new"], run["status"]) == (7, 3, "ok")


def test_export_query_keeps_only_matches(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--query", "flood", "--db", db]) == EXIT_OK
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["canonical_url"] for r in records] == [
        "https://a.test/flood",
        "https://b.test/budget",
    ]
    out = tmp_path / "x.jsonl"
    args = ["export", "--query", "flood -council", "--site", "a.test", "-o", str(out)]
    assert main([*args, "--db", db]) == EXIT_OK
    assert [json.loads(line)["title"] for line in out.read_text().splitlines()] == [
        "River flood closes the bridge"
    ]
    assert main(["export", "--query", '"', "--db", db]) == EXIT_OK
    assert capsys.readouterr().out == ""


def test_bad_since_is_a_usage_error(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "flood", "--since", "someday", "--db", db]) == EXIT_USAGE
    assert "cannot read 'someday'" in capsys.readouterr().err


@pytest.mark.postgres
@pytest.mark.parametrize("command", [["search", "flood"], ["stats"], ["runs"]])
def test_passwords_never_printed(
    pg_url: str, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # A wrong password: the server refuses, the error names the database without it.
    url = make_url(pg_url).set(password="s3cr3t-pw").render_as_string(hide_password=False)
    status = main([*command, "--db", url])
    captured = capsys.readouterr()
    assert "s3cr3t-pw" not in captured.out + captured.err
    assert status in {EXIT_OK, EXIT_FAILED}


def test_stats_names_the_database_without_its_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'news.db'}")
    ensure_schema(engine)
    engine.dispose()
    assert main(["stats", "--db", f"sqlite:///{tmp_path / 'news.db'}"]) == EXIT_OK
    assert f"database: sqlite:///{tmp_path / 'news.db'}" in capsys.readouterr().out


def test_originals_leaves_copies_out_of_search_and_export(
    empty_engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    ensure_schema(empty_engine)
    copy = {
        **ITEMS[0],
        "url": "https://wire.test/flood",
        "site": "wire.test",
        "duplicate_of": "https://a.test/flood",
    }
    ArticleRepository(empty_engine).upsert_articles([*ITEMS, copy])
    db = _url(empty_engine)

    assert main(["search", "flood bridge", "--json", "--db", db]) == EXIT_OK
    hits = {hit["canonical_url"] for hit in json.loads(capsys.readouterr().out)}
    assert hits == {"https://a.test/flood", "https://wire.test/flood"}
    assert main(["search", "flood bridge", "--originals", "--json", "--db", db]) == EXIT_OK
    hits = {hit["canonical_url"] for hit in json.loads(capsys.readouterr().out)}
    assert hits == {"https://a.test/flood"}

    assert main(["export", "--db", db]) == EXIT_OK
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    by_url = {r["canonical_url"]: r["duplicate_of"] for r in records}
    assert by_url["https://wire.test/flood"] == "https://a.test/flood"
    assert main(["export", "--originals", "--db", db]) == EXIT_OK
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == len(ITEMS)
    assert "https://wire.test/flood" not in {r["canonical_url"] for r in records}
