"""Full-text search on real SQLite files and the real PostgreSQL (migration 0002)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, delete, select

from newscrawl.storage.engine import make_engine
from newscrawl.storage.migrate import ensure_schema
from newscrawl.storage.repository import ArticleRepository
from newscrawl.storage.search import (
    MARK_END,
    MARK_START,
    fts5_expression,
    match_condition,
    parse_query,
    search,
    word_tokens,
)
from newscrawl.storage.testing import fresh_postgres_database
from newscrawl.storage.upsert import ARTICLES

FILLER = "The report was published after a long meeting of the regional committee."


def article(slug: str, title: str, body: str, **fields: Any) -> dict[str, Any]:
    return {
        "url": f"https://{fields.get('site', 'a.test')}/{slug}",
        "canonical_url": f"https://{fields.get('site', 'a.test')}/{slug}",
        "site": "a.test",
        "title": title,
        "body": f"{body} {FILLER}",
        "published_at": "2024-12-10T09:00:00+01:00",
        **fields,
    }


ARTICLES_ = [
    article("storm-title", "Storm closes the harbour", "Boats stayed in port all day."),
    article("storm-body", "Council budget approved", "Spending rises; a storm delayed the vote."),
    article("sea-wall", "Coastal defences", "The new sea wall cost more than planned."),
    article("wall-sea", "Garden notes", "A wall by the sea needs no paint, the gardener said."),
    article(
        "ferry-b",
        "Ferry timetable",
        "The storm cancelled the ferry again.",
        site="b.test",
        published_at="2024-11-01T12:00:00+00:00",
    ),
    article("zurich", "Zürich trams", "Trams in Zürich run on time; the café was full."),
]


@pytest.fixture
def engine(empty_engine: Engine) -> Engine:
    ensure_schema(empty_engine)
    ArticleRepository(empty_engine).upsert_articles(ARTICLES_)
    return empty_engine


def slugs(hits: list[Any]) -> list[str]:
    return [hit.canonical_url.rsplit("/", 1)[1] for hit in hits]


def test_parse_query_words_phrases_and_exclusions() -> None:
    parsed = parse_query('storm "Sea  wall" -ferry -"tourist season" e-mail')
    assert parsed.include == ("storm", "Sea wall", "e mail")
    assert parsed.exclude == ("ferry", "tourist season")
    assert fts5_expression(parsed) == (
        '("storm" AND "Sea wall" AND "e mail") NOT ("ferry" OR "tourist season")'
    )
    assert not parse_query('-only -"exclusions"')
    assert word_tokens("naïve—café, हिन्दी!") == ["naïve", "café", "हिन्दी"]


def test_a_title_match_ranks_above_a_body_match(engine: Engine) -> None:
    hits = search(engine, "storm")
    assert set(slugs(hits)) == {"storm-title", "storm-body", "ferry-b"}
    assert slugs(hits)[0] == "storm-title"
    assert hits[0].rank > hits[-1].rank
    assert all(isinstance(hit.rank, float) for hit in hits)


def test_words_are_all_required(engine: Engine) -> None:
    assert slugs(search(engine, "storm vote")) == ["storm-body"]
    assert search(engine, "storm unicorn") == []


def test_a_quoted_phrase_needs_its_words_in_order(engine: Engine) -> None:
    assert slugs(search(engine, '"sea wall"')) == ["sea-wall"]
    assert set(slugs(search(engine, "sea wall"))) == {"sea-wall", "wall-sea"}


def test_excluded_words_and_phrases(engine: Engine) -> None:
    assert set(slugs(search(engine, "storm -ferry"))) == {"storm-title", "storm-body"}
    assert slugs(search(engine, 'wall -"sea wall"')) == ["wall-sea"]
    assert search(engine, "-storm") == []


def test_site_since_and_limit_filters(engine: Engine) -> None:
    assert slugs(search(engine, "storm", site="b.test")) == ["ferry-b"]
    since = datetime(2024, 12, 1, tzinfo=UTC)
    assert set(slugs(search(engine, "storm", since=since))) == {"storm-title", "storm-body"}
    assert len(search(engine, "storm", limit=1)) == 1
    assert search(engine, "storm", limit=0) == []


def test_hits_carry_site_utc_date_and_a_marked_snippet(engine: Engine) -> None:
    hit = search(engine, "delayed")[0]
    assert hit.site == "a.test"
    assert hit.title == "Council budget approved"
    assert hit.published_at == "2024-12-10T08:00:00+00:00"
    assert f"{MARK_START}delayed{MARK_END}" in hit.snippet
    assert hit.as_dict()["canonical_url"] == "https://a.test/storm-body"


def test_unicode_words_match(engine: Engine) -> None:
    assert slugs(search(engine, "Zürich")) == ["zurich"]
    assert slugs(search(engine, "café trams")) == ["zurich"]


HOSTILE = [
    '"',
    '"""',
    "*",
    "storm*",
    "NEAR(",
    "NEAR(storm sea, 2)",
    "AND OR",
    "OR",
    "NOT storm",
    "storm AND",
    "(storm",
    "title:storm",
    "^storm",
    "-",
    "--",
    "- -",
    "'; DROP TABLE articles; --",
    "\\",
    "",
    "   ",
    "😀 ☃",
    "\x00",
    "storm\x00harbour",
    "a" * 5000,
    '"unbalanced phrase',
    "{col1 col2}: x",
    "storm & !vote | <->",
]


def test_hostile_input_never_raises(engine: Engine) -> None:
    for hostile in HOSTILE:
        assert isinstance(search(engine, hostile), list), hostile
    # Syntax characters around a real word are dropped, the word still searched.
    assert "storm-title" in slugs(search(engine, '("storm*'))


def test_operator_words_are_plain_words(engine: Engine) -> None:
    # "NOT" and "OR" are just words (that no article has), not operators.
    assert search(engine, "NOT storm") == []
    assert search(engine, "storm OR harbour") == []
    assert slugs(search(engine, "storm* harbour")) == ["storm-title"]


def test_search_follows_updates_and_deletes(engine: Engine) -> None:
    repo = ArticleRepository(engine)
    changed = article("storm-title", "Blizzard closes the harbour", "Boats stayed in port.")
    assert repo.upsert_articles([changed]).updated == 1
    assert "storm-title" not in slugs(search(engine, "storm"))
    assert slugs(search(engine, "blizzard")) == ["storm-title"]
    # An unchanged re-crawl (only last_crawled_at moves) keeps the index right.
    assert repo.upsert_articles([changed]).unchanged == 1
    assert slugs(search(engine, "blizzard")) == ["storm-title"]
    with engine.begin() as conn:
        conn.execute(delete(ARTICLES).where(ARTICLES.c.canonical_url.like("%/storm-title")))
    assert search(engine, "blizzard") == []
    assert "storm-body" in slugs(search(engine, "storm"))


def test_match_condition_filters_articles(engine: Engine) -> None:
    condition = match_condition(engine.dialect.name, parse_query("storm -ferry"))
    with engine.connect() as conn:
        urls = set(conn.execute(select(ARTICLES.c.canonical_url).where(condition)).scalars())
    assert {url.rsplit("/", 1)[1] for url in urls} == {"storm-title", "storm-body"}


@pytest.mark.postgres
def test_postgresql_ranks_only_the_newest_matches_beyond_its_window(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newscrawl.storage import search as search_module

    monkeypatch.setattr(search_module, "PG_RANK_WINDOW", 2)
    with fresh_postgres_database(pg_url) as url:
        engine = make_engine(url)
        try:
            ensure_schema(engine)
            ArticleRepository(engine).upsert_articles(ARTICLES_)
            # ferry-b, published in November, is the oldest of the three storm articles.
            assert set(slugs(search(engine, "storm"))) == {"storm-title", "storm-body"}
            assert slugs(search(engine, "storm", site="b.test")) == ["ferry-b"]
        finally:
            engine.dispose()
