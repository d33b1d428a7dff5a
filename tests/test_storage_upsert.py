"""The pure parts of the upsert: item preparation, dates and names."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from newscrawl.storage.upsert import parse_datetime, prepare, unique_names


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-12-11T13:18:00+00:00", datetime(2024, 12, 11, 13, 18, tzinfo=UTC)),
        ("2024-12-11T13:18:00Z", datetime(2024, 12, 11, 13, 18, tzinfo=UTC)),
        ("2024-12-11T14:18:00+01:00", datetime(2024, 12, 11, 13, 18, tzinfo=UTC)),
        ("2024-12-11T13:18:00", datetime(2024, 12, 11, 13, 18, tzinfo=UTC)),
        ("2024-12-11", datetime(2024, 12, 11, tzinfo=UTC)),
        (
            datetime(2024, 12, 11, 8, 18, tzinfo=timezone(timedelta(hours=-5))),
            datetime(2024, 12, 11, 13, 18, tzinfo=UTC),
        ),
        (None, None),
        ("", None),
    ],
)
def test_parse_datetime_gives_aware_utc(value: object, expected: datetime | None) -> None:
    parsed = parse_datetime(value)
    assert parsed == expected
    if parsed is not None:
        assert parsed.utcoffset() == timedelta(0)


def test_parse_datetime_names_the_field_and_article_it_rejects() -> None:
    with pytest.raises(ValueError, match=r"modified_at of https://x\.example/a .*'yesterday'"):
        parse_datetime("yesterday", "modified_at", "https://x.example/a")


def test_unique_names_strips_drops_empties_and_keeps_first_order() -> None:
    assert unique_names([" Ann ", "Bob", "Ann", "", "  ", "bob"]) == ["Ann", "Bob", "bob"]
    assert unique_names("Solo Writer") == ["Solo Writer"]
    assert unique_names(None) == []


def test_prepare_fills_missing_keys_and_normalises_types() -> None:
    prepared = prepare(
        {"canonical_url": "https://x.example/a", "paywalled": 1, "word_count": "250"}
    )
    assert prepared.key == "https://x.example/a"
    assert prepared.values["url"] == "https://x.example/a"
    assert prepared.values["title"] is None
    assert prepared.values["paywalled"] is True
    assert prepared.values["word_count"] == 250
    assert (prepared.site, prepared.authors, prepared.tags) == (None, [], [])
