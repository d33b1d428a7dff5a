"""The newscrawl command line: help, errors, export, extract, db."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from newscrawl.cli import EXIT_OK, EXIT_USAGE, build_parser, main
from newscrawl.storage.engine import make_engine
from newscrawl.storage.migrate import ensure_schema
from newscrawl.storage.repository import ArticleRepository

SITES = Path(__file__).parent / "sites"


def test_every_command_has_help_with_an_example() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "==SUPPRESS==" or a.choices)
    assert subparsers.choices
    for name, sub in subparsers.choices.items():
        assert "example:" in sub.format_help(), name


def test_unknown_target_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["crawl", "not-a-site-or-url"]) == EXIT_USAGE
    assert "neither an http(s) URL nor a site profile" in capsys.readouterr().err


def test_bad_since_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["crawl", "http://127.0.0.1:9/", "--since", "last tuesday"]) == EXIT_USAGE
    assert "cannot read 'last tuesday' as a date" in capsys.readouterr().err


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'news.db'}"
    engine = make_engine(url)
    ensure_schema(engine)
    rows = [
        {
            "url": f"http://a.test/story-{n}",
            "canonical_url": f"http://a.test/story-{n}",
            "site": "a.test" if n < 3 else "b.test",
            "title": f"Story {n}, with a comma",
            "authors": ["Ada Quill", "Smith, Jr."],
            "published_at": f"2024-12-1{n}T10:00:00+00:00",
            "body": "First paragraph.\n\nSecond paragraph.",
            "tags": ["harbour", "ferries"],
            "content_hash": f"h{n}",
            "fetched_at": "2024-12-20T00:00:00+00:00",
        }
        for n in range(1, 5)
    ]
    ArticleRepository(engine).upsert_articles(rows)
    engine.dispose()
    return url


def test_export_jsonl_filters_by_site_and_since(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--db", db, "--site", "a.test"]) == EXIT_OK
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["title"] for r in lines] == ["Story 2, with a comma", "Story 1, with a comma"]
    assert lines[0]["authors"] == ["Ada Quill", "Smith, Jr."]
    assert main(["export", "--db", db, "--since", "2024-12-13"]) == EXIT_OK
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_export_csv_keeps_lists(db: str, tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    assert main(["export", "--db", db, "--format", "csv", "-o", str(out)]) == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 4
    assert json.loads(rows[0]["authors"]) == ["Ada Quill", "Smith, Jr."]
    assert rows[0]["body"] == "First paragraph.\n\nSecond paragraph."


def _an_article_page() -> tuple[Path, dict]:
    expected = json.loads((SITES / "meridian" / "_expected.json").read_text(encoding="utf-8"))
    article = expected["articles"][0]
    return SITES / "meridian" / article["path"].strip("/") / "index.html", article


def test_extract_a_saved_page(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page, article = _an_article_page()
    gz = tmp_path / "page.html.gz"
    import gzip

    gz.write_bytes(gzip.compress(page.read_bytes()))
    url = "http://127.0.0.1:8000" + article["path"]
    assert main(["extract", "--url", url, str(gz), "--explain"]) == EXIT_OK
    record = json.loads(capsys.readouterr().out)
    assert record["title"] == article["title"]
    assert record["url"] == url
    assert "title" in record["_sources"]


def test_extract_batch_skips_bad_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page, article = _an_article_page()
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(
        json.dumps({"id": "a", "url": "http://x.test" + article["path"], "path": str(page)})
        + "\n"
        + json.dumps({"id": "b", "path": str(tmp_path / "missing.html")})
        + "\n",
        encoding="utf-8",
    )
    assert main(["extract", "--batch", str(manifest)]) == EXIT_OK
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["id"] for r in lines] == ["a"]
    assert lines[0]["title"] == article["title"]
    assert "m.jsonl:2: skipped" in captured.err


def test_db_upgrade_and_current(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    assert main(["db", "current", "--db", url]) == EXIT_OK
    assert "revision none" in capsys.readouterr().out
    assert main(["db", "upgrade", "--db", url]) == EXIT_OK
    assert "revision none" not in capsys.readouterr().out
    assert main(["db", "downgrade", "base", "--db", url]) == EXIT_OK
    assert "revision none" in capsys.readouterr().out


def test_passwords_are_not_printed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # An unreachable server: the command fails, but never shows the password.
    code = main(["db", "current", "--db", "postgresql+psycopg://u:s3cret@127.0.0.1:9/x"])
    out = capsys.readouterr()
    assert code != EXIT_OK
    assert "s3cret" not in out.out + out.err


def test_database_message_masks_passwords() -> None:
    from newscrawl.storage.faults import describe_error

    exc = RuntimeError("could not connect to postgresql://bob:hunter2@db.example/news")
    assert describe_error(exc) == (
        "RuntimeError: could not connect to postgresql://bob:***@db.example/news"
    )


def test_always_render_without_a_browser_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = main(
        [
            "crawl",
            "http://127.0.0.1:9/",
            "--db",
            f"sqlite:///{tmp_path / 'x.db'}",
            "-s",
            "NEWSCRAWL_RENDER=always",
            "-s",
            "NEWSCRAWL_CHROMIUM_PATH=/nope/chrome",
        ]
    )
    assert code == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("newscrawl: error:") and "NEWSCRAWL_CHROMIUM_PATH" in err
