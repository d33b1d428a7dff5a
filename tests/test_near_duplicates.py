"""Near-duplicates: MinHash signatures, the LSH index, and the pipeline against real databases."""

from __future__ import annotations

import asyncio
import random
from datetime import date, timedelta
from typing import Any

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler
from sqlalchemy import Engine

from newscrawl.items import ArticleItem
from newscrawl.pipelines.near_duplicates import NearDuplicatePipeline
from newscrawl.pipelines.store import StorePipeline
from newscrawl.similarity import (
    NUM_PERM,
    NearDuplicateIndex,
    from_bytes,
    shingles,
    signature,
    to_bytes,
)
from newscrawl.storage.repository import ArticleRepository

VOCABULARY = [
    "harbour",
    "council",
    "ferry",
    "vote",
    "tide",
    "storm",
    "budget",
    "school",
    "bridge",
    "market",
    "river",
    "night",
    "minister",
    "station",
    "winter",
    "road",
    "hospital",
    "court",
    "teacher",
    "fishing",
    "port",
    "festival",
    "museum",
    "library",
    "train",
    "island",
    "strike",
    "farmers",
    "grain",
    "price",
    "wind",
    "power",
    "line",
    "rain",
]


def story(seed: int, words: int = 300) -> str:
    """An original made-up body; different seeds give different stories."""
    rng = random.Random(seed)
    text = [rng.choice(VOCABULARY) for _ in range(words)]
    return "\n\n".join(" ".join(text[i : i + 60]) for i in range(0, words, 60))


def edited(body: str, changes: int, seed: int = 0) -> str:
    """``body`` with ``changes`` words replaced, as a light edit would."""
    rng = random.Random(seed)
    words = body.split(" ")
    for i in rng.sample(range(len(words)), changes):
        words[i] = f"edit{i}"
    return " ".join(words)


# --- signatures and the index ---


def test_shingles_are_four_word_runs_case_folded() -> None:
    assert shingles("The Ferry, the FERRY leaves at noon") == {
        b"the ferry the ferry",
        b"ferry the ferry leaves",
        b"the ferry leaves at",
        b"ferry leaves at noon",
    }


def test_a_short_body_gets_no_signature() -> None:
    assert signature(None) is None
    assert signature("Ferry cancelled. More soon.") is None
    assert signature(story(1)) is not None


def test_a_signature_survives_storage() -> None:
    sig = signature(story(1))
    assert sig is not None
    data = to_bytes(sig)
    assert len(data) == NUM_PERM * 4
    assert from_bytes(data).jaccard(sig) == 1.0
    with pytest.raises(ValueError, match="bytes"):
        from_bytes(data[:-4])


def test_index_finds_a_light_edit_but_not_another_story() -> None:
    index = NearDuplicateIndex(threshold=0.7)
    index.add("a", signature(story(1)))  # type: ignore[arg-type]
    index.add("b", signature(story(2)))  # type: ignore[arg-type]
    match = index.find(signature(edited(story(1), 4)))  # type: ignore[arg-type]
    assert match is not None and match[0] == "a" and match[1] >= 0.7
    assert index.find(signature(story(3))) is None  # type: ignore[arg-type]
    # Heavily rewritten: a third of the words changed is a different text.
    assert index.find(signature(edited(story(1), 100))) is None  # type: ignore[arg-type]


def test_a_copy_of_a_copy_points_to_the_first_and_self_is_excluded() -> None:
    index = NearDuplicateIndex(threshold=0.7)
    first = signature(story(1))
    index.add("first", first)  # type: ignore[arg-type]
    index.add("copy", signature(edited(story(1), 2)), original="first")  # type: ignore[arg-type]
    index.remove("first")
    match = index.find(signature(edited(story(1), 3, seed=9)))  # type: ignore[arg-type]
    assert match is not None and match[0] == "first"
    # The original itself, checked again, is no copy of its own copies.
    assert index.find(first, exclude="first") is None  # type: ignore[arg-type]


def test_the_index_reuses_the_slots_it_lets_go_and_grows_past_its_first_size() -> None:
    index = NearDuplicateIndex(threshold=0.7)
    sigs = {n: signature(story(n)) for n in range(150)}
    for n, sig in sigs.items():
        index.add(f"s{n}", sig)  # type: ignore[arg-type]
    for n in range(0, 150, 2):
        index.remove(f"s{n}")
    assert len(index) == 75 and "s0" not in index and "s1" in index
    for n in range(150, 200):  # into the slots the removed ones left
        sigs[n] = signature(story(n))
        index.add(f"s{n}", sigs[n])  # type: ignore[arg-type]
    assert len(index) == 125
    for n in sigs:
        match = index.find(signature(edited(story(n), 3)))  # type: ignore[arg-type]
        if n % 2 == 0 and n < 150:
            assert match is None, n
        else:
            assert match is not None and match[0] == f"s{n}", n
    # Re-adding a key replaces its signature: the old text no longer matches it.
    index.add("s1", sigs[199])  # type: ignore[arg-type]
    assert index.find(signature(edited(story(1), 3))) is None  # type: ignore[arg-type]
    assert len(index) == 125


def test_of_equal_matches_the_first_indexed_wins() -> None:
    index = NearDuplicateIndex(threshold=0.7)
    sig = signature(story(1))
    index.add("later-key-first", sig)  # type: ignore[arg-type]
    index.add("a-key-second", sig)  # type: ignore[arg-type]
    assert index.find(sig) == ("later-key-first", 1.0)  # type: ignore[arg-type]
    assert index.find(sig, accept=lambda key: key != "later-key-first") == (  # type: ignore[arg-type]
        "a-key-second",
        1.0,
    )


def test_threshold_must_be_a_similarity() -> None:
    with pytest.raises(ValueError, match="threshold"):
        NearDuplicateIndex(threshold=1.5)


# --- the pipeline, with the store, on a real database ---


def item(n: int, body: str, published: str = "2024-12-11T13:18:00+00:00", **extra: Any) -> Any:
    return ArticleItem(
        url=f"http://site{n % 2}.test/story-{n}",
        canonical_url=f"http://site{n % 2}.test/story-{n}",
        site=f"site{n % 2}.test",
        title=f"Story {n}",
        published_at=published,
        body=body,
        content_hash=f"hash-{n}",
        **extra,
    )


def crawl(url: str, items: list[Any], **settings: Any) -> Any:
    """Run ``items`` through the near-duplicate and store pipelines; return the crawler."""
    crawler = get_crawler(
        settings_dict={
            "NEWSCRAWL_DATABASE_URL": url,
            "NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD": 0.7,
            "NEWSCRAWL_NEAR_DUPLICATE_WINDOW": "7d",
            "NEWSCRAWL_NEAR_DUPLICATE_MAX_LOADED": 1000,
            "NEWSCRAWL_STORE_BATCH_SIZE": 2,
            **settings,
        }
    )
    near = NearDuplicatePipeline.from_crawler(crawler)
    store = StorePipeline.from_crawler(crawler)

    async def go() -> None:
        await store.open_spider()
        for one in items:
            await store.process_item(await near.process_item(one))
        await store.close_spider()
        await store.spider_closed(spider=None, reason="finished")
        near.close_spider()

    asyncio.run(go())
    return crawler


def stored(engine: Engine) -> dict[str, Any]:
    return {
        row["canonical_url"]: row["duplicate_of"]
        for row in ArticleRepository(engine).iter_articles()
    }


def test_copies_are_stored_pointing_to_the_first_seen_across_crawls(empty_engine: Engine) -> None:
    url = empty_engine.url.render_as_string(hide_password=False)
    crawl(url, [item(1, story(1)), item(2, story(2))])
    crawler = crawl(
        url,
        [
            item(3, edited(story(1), 5), published="2024-12-12T08:00:00+00:00"),
            item(4, story(4)),
            # A copy of story 3 in this run: it points to story 1, the first seen.
            item(5, edited(story(1), 6, seed=3)),
            # The same wire story a month later is outside the window.
            item(7, edited(story(2), 2), published="2025-01-20T08:00:00+00:00"),
        ],
    )
    first = "http://site1.test/story-1"
    assert stored(empty_engine) == {
        first: None,
        "http://site0.test/story-2": None,
        "http://site1.test/story-3": first,
        "http://site0.test/story-4": None,
        "http://site1.test/story-5": first,
        "http://site1.test/story-7": None,
    }
    assert crawler.stats.get_value("newscrawl/near_duplicates/found") == 2
    # Only the window around the articles' days was read: stories 1 and 2.
    assert crawler.stats.get_value("newscrawl/near_duplicates/loaded") == 2


def test_a_changed_article_is_not_its_own_duplicate(empty_engine: Engine) -> None:
    url = empty_engine.url.render_as_string(hide_password=False)
    crawl(url, [item(1, story(1))])
    crawl(url, [item(1, edited(story(1), 3))])
    assert stored(empty_engine) == {"http://site1.test/story-1": None}


def test_short_bodies_are_not_compared(tmp_path: Any) -> None:
    url = f"sqlite:///{tmp_path / 'news.db'}"
    crawler = crawl(url, [item(1, "A brief."), item(3, "A brief.")])
    assert crawler.stats.get_value("newscrawl/near_duplicates/unsigned") == 2
    assert crawler.stats.get_value("newscrawl/near_duplicates/found") is None


def test_memory_is_bounded_by_letting_go_of_far_days(tmp_path: Any) -> None:
    url = f"sqlite:///{tmp_path / 'news.db'}"
    crawler = get_crawler(
        settings_dict={
            "NEWSCRAWL_DATABASE_URL": url,
            "NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD": 0.7,
            "NEWSCRAWL_NEAR_DUPLICATE_WINDOW": "1d",
            "NEWSCRAWL_NEAR_DUPLICATE_MAX_LOADED": 3,
        }
    )
    near = NearDuplicatePipeline.from_crawler(crawler)
    for day in range(1, 8):
        published = f"2024-12-{day:02d}T10:00:00+00:00"
        asyncio.run(near.process_item(item(day, story(day), published=published)))
        assert near.index is not None and len(near.index) <= 3
    # The days kept are the ones nearest the last article's.
    assert sorted(near.keys_by_day) == [date(2024, 12, day).toordinal() for day in (5, 6, 7)]


def test_a_window_too_full_for_the_cap_is_narrowed(
    tmp_path: Any, caplog: pytest.LogCaptureFixture
) -> None:
    crawler = get_crawler(
        settings_dict={
            "NEWSCRAWL_DATABASE_URL": f"sqlite:///{tmp_path / 'news.db'}",
            "NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD": 0.5,
            "NEWSCRAWL_NEAR_DUPLICATE_WINDOW": "3d",
            "NEWSCRAWL_NEAR_DUPLICATE_MAX_LOADED": 2,
        }
    )
    near = NearDuplicatePipeline.from_crawler(crawler)
    for day in (1, 2, 3):
        published = f"2024-12-{day:02d}T10:00:00+00:00"
        asyncio.run(near.process_item(item(day, story(day), published=published)))
    assert near.index is not None and len(near.index) == 2
    assert near.window_days == 1
    assert sorted(near.keys_by_day) == [date(2024, 12, day).toordinal() for day in (2, 3)]
    assert "narrowed it to 1 days" in caplog.text


def test_bad_settings_are_clear_errors() -> None:
    with pytest.raises(NotConfigured):
        NearDuplicatePipeline.from_crawler(
            get_crawler(settings_dict={"NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD": 0})
        )
    with pytest.raises(ValueError, match="NEWSCRAWL_NEAR_DUPLICATE_WINDOW"):
        NearDuplicatePipeline.from_crawler(
            get_crawler(
                settings_dict={
                    "NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD": 0.7,
                    "NEWSCRAWL_NEAR_DUPLICATE_WINDOW": "a week",
                }
            )
        )
    with pytest.raises(ValueError, match="THRESHOLD"):
        NearDuplicatePipeline.from_crawler(
            get_crawler(settings_dict={"NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD": 2})
        )
    with pytest.raises(ValueError, match="MAX_LOADED must be at least 1"):
        NearDuplicatePipeline.from_crawler(
            get_crawler(
                settings_dict={
                    "NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD": 0.5,
                    "NEWSCRAWL_NEAR_DUPLICATE_WINDOW": "7d",
                    "NEWSCRAWL_NEAR_DUPLICATE_MAX_LOADED": 0,
                }
            )
        )


def test_db_sign_makes_older_articles_candidates(
    empty_engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    from newscrawl.cli import main
    from newscrawl.storage.migrate import ensure_schema

    url = empty_engine.url.render_as_string(hide_password=False)
    ensure_schema(empty_engine)
    # Stored the way a crawl before schema revision 0004 stored them: no signature.
    older = [dict(item(n, story(n))) for n in (1, 2)] + [dict(item(4, "Too short to compare."))]
    ArticleRepository(empty_engine).upsert_articles(older)

    assert main(["db", "sign", "--db", url]) == 0
    assert "signed 2 stored articles (1 too short to compare)" in capsys.readouterr().out
    assert main(["db", "sign", "--db", url]) == 0  # nothing left to do
    assert "signed 0 stored articles (1 too short to compare)" in capsys.readouterr().out

    crawl(url, [item(3, edited(story(2), 4))])
    assert stored(empty_engine)["http://site1.test/story-3"] == "http://site0.test/story-2"


def test_a_crawl_running_at_the_same_time_sees_the_others_stored_copy(
    empty_engine: Engine,
) -> None:
    url = empty_engine.url.render_as_string(hide_password=False)
    settings = {
        "NEWSCRAWL_DATABASE_URL": url,
        "NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD": 0.5,
        "NEWSCRAWL_NEAR_DUPLICATE_WINDOW": "7d",
        "NEWSCRAWL_NEAR_DUPLICATE_MAX_LOADED": 1000,
        "NEWSCRAWL_STORE_BATCH_SIZE": 1,
    }
    first = get_crawler(settings_dict=settings)
    second = get_crawler(settings_dict=settings)
    first_store = StorePipeline.from_crawler(first)
    second_store = StorePipeline.from_crawler(second)
    first_near = NearDuplicatePipeline.from_crawler(first)
    second_near = NearDuplicatePipeline.from_crawler(second)

    async def go() -> None:
        await first_store.open_spider()
        await second_store.open_spider()
        # The second crawl loads its window before the first stores the story...
        await second_store.process_item(await second_near.process_item(item(9, story(9))))
        await first_store.process_item(await first_near.process_item(item(2, story(2))))
        await first_store.close_spider()
        # ...and finds it once it looks again (every minute; at once here).
        second_near.refresh_every = timedelta(0)
        copy = await second_near.process_item(item(3, edited(story(2), 4)))
        assert copy["duplicate_of"] == "http://site0.test/story-2"
        await second_store.process_item(copy)
        await second_store.close_spider()
        for store in (first_store, second_store):
            await store.spider_closed(spider=None, reason="finished")
        first_near.close_spider()
        second_near.close_spider()

    asyncio.run(go())
    assert stored(empty_engine)["http://site1.test/story-3"] == "http://site0.test/story-2"


def test_scope_site_compares_with_the_articles_own_site_only(empty_engine: Engine) -> None:
    url = empty_engine.url.render_as_string(hide_password=False)
    crawl(url, [item(1, story(1)), item(2, story(2))])
    crawler = crawl(
        url,
        [item(3, edited(story(1), 4)), item(4, edited(story(1), 5, seed=2))],
        NEWSCRAWL_NEAR_DUPLICATE_SCOPE="site",
    )
    rows = stored(empty_engine)
    assert rows["http://site1.test/story-3"] == "http://site1.test/story-1"  # same site
    assert rows["http://site0.test/story-4"] is None  # another site's story: not compared
    # Each site's own signatures were read: story 1 for site1, story 2 for site0.
    assert crawler.stats.get_value("newscrawl/near_duplicates/loaded") == 2


def test_an_unknown_scope_is_a_clear_error() -> None:
    settings = {"NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD": 0.5, "NEWSCRAWL_NEAR_DUPLICATE_SCOPE": "x"}
    with pytest.raises(ValueError, match="NEWSCRAWL_NEAR_DUPLICATE_SCOPE must be one of"):
        NearDuplicatePipeline.from_crawler(get_crawler(settings_dict=settings))
