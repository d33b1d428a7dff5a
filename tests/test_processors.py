# ruff: noqa: RUF001 -- Cyrillic bylines on purpose
"""Unit tests of the named normalisers in newscrawl.processors."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newscrawl.processors.authors import clean_author, split_authors
from newscrawl.processors.dates import parse_datetime
from newscrawl.processors.language import normalize_language
from newscrawl.processors.sitenames import strip_title_suffix
from newscrawl.processors.text import (
    clean_body,
    clean_tags,
    clean_text,
    content_hash,
    to_bool,
    word_count,
)

NOW = datetime(2024, 12, 12, 12, 0, tzinfo=UTC)


def test_clean_text_decodes_entities_and_collapses_space() -> None:
    assert clean_text("  Caf&eacute;&nbsp;au\n\t lait &amp; <b>more</b> ") == "Café au lait & more"
    assert clean_text("   ") is None
    assert clean_text(None) is None


def test_control_characters_never_reach_the_database() -> None:
    # PostgreSQL refuses a NUL in text; a JSON-LD "\u0000" or a page's broken bytes give one.
    assert clean_text("Harbour\x00 lights\x07 on\x1f") == "Harbour lights on"
    assert (
        clean_body("First\x00 paragraph.\n\nSecond\x0b one.") == "First paragraph.\n\nSecond one."
    )


def test_clean_body_keeps_paragraphs() -> None:
    assert clean_body("One  line\n\n\n  Two\tlines \n\n") == "One line\n\nTwo lines"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "by Boldizsar Gyori and The Kyiv Independent news desk",
            ["Boldizsar Gyori", "The Kyiv Independent news desk"],
        ),
        ("By Jane Doe, Staff Writer", ["Jane Doe"]),
        ("Jane Doe & John Roe", ["Jane Doe", "John Roe"]),
        ("Ann Lee, Bo Chan and Cy Diaz", ["Ann Lee", "Bo Chan", "Cy Diaz"]),
        ("Jane Doe jane.doe@example.com @janedoe", ["Jane Doe"]),
        ("By Jane Doe | Updated December 11, 2024", ["Jane Doe"]),
        (["Jane Doe", "jane doe", "John Roe"], ["Jane Doe", "John Roe"]),
        ("Senior Political Correspondent", []),
        ("Boldana Rusk for The Lantern", ["Boldana Rusk"]),
        (
            "by Ann Lee and The Courier news desk December 11, 2024",
            ["Ann Lee", "The Courier news desk"],
        ),
        ("AP Photo", []),
        (None, []),
    ],
)
def test_split_authors(raw: object, expected: list[str]) -> None:
    assert split_authors(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # The introducing word, in the languages' own conventions; alone it is no name.
        ("By:", []),
        ("by", []),
        ("Автор:", []),
        ("Written By", []),
        ("By: Ewa Nowak", ["Ewa Nowak"]),
        ("von Jana Krüger und Felix Hartmann", ["Jana Krüger", "Felix Hartmann"]),
        ("Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]),
        ("Por Juan Pérez y Ana Gómez", ["Juan Pérez", "Ana Gómez"]),
        ("di Mario Rossi e Anna Bianchi", ["Mario Rossi", "Anna Bianchi"]),
        ("Di Maio", ["Di Maio"]),
        ("Door Jan de Vries en Piet Jansen", ["Jan de Vries", "Piet Jansen"]),
        ("Av Kari Nordmann og Ola Hansen", ["Kari Nordmann", "Ola Hansen"]),
        ("Автори: Оксана Мельник та Ігор Бондар", ["Оксана Мельник", "Ігор Бондар"]),
        ("Оксана Мельник і Ігор Бондар", ["Оксана Мельник", "Ігор Бондар"]),
        ("Авторы: Анна Петрова и Иван Орлов", ["Анна Петрова", "Иван Орлов"]),
        ("Words: Mei Harrow, Business Reporter", ["Mei Harrow"]),
        ("Text: Anna Weber", ["Anna Weber"]),
        ("Written byDan Pantelo", ["Dan Pantelo"]),
        ("ByAmy Roeder", ["Amy Roeder"]),
        ("BYRON SMITH", ["BYRON SMITH"]),
        # A capital "Y." is an initial, not Spanish "y".
        ("Kim Y. Lee", ["Kim Y. Lee"]),
        # Roles after a name, and one-word affiliations after a comma or bullet.
        ("By Sam Tervo, Heritage Reporter", ["Sam Tervo"]),
        ("Helga Brandt, Kreisheimatpflegerin", ["Helga Brandt"]),
        ("Jana Krüger, Lokalredakteurin", ["Jana Krüger"]),
        ("Stephen Collinson, CNN", ["Stephen Collinson"]),
        ("Chris McNamara ⋅ Founder ⋅ Editor-in-Chief", ["Chris McNamara"]),
        ("Genaveve Bradshaw ⋅ Senior Review Analyst", ["Genaveve Bradshaw"]),
        ("Rachel MacDonald Writer", ["Rachel MacDonald"]),
        ("신현주 기자", ["신현주"]),
        # Organisations that sign a story stay.
        ("By: Herald Staff", ["Herald Staff"]),
        ("Guardian staff reporter", ["Guardian staff reporter"]),
        (
            "Andrii Savchuk and The Lypova Independent news desk",
            ["Andrii Savchuk", "The Lypova Independent news desk"],
        ),
        ("Associated Wire", ["Associated Wire"]),
        # What follows the names: a date, its preposition, a weekday, profile links.
        ("Posted by David at December 16, 2025 11:15 AM", ["David"]),
        ("Juli Clover Wednesday", ["Juli Clover"]),
        ("Sarah Lazare Twitter", ["Sarah Lazare"]),
        ("Автор: Ігор Бондар · 28 листопада 2024, 13:30", ["Ігор Бондар"]),
    ],
)
def test_split_authors_across_languages(raw: str, expected: list[str]) -> None:
    assert split_authors(raw) == expected


def test_clean_author_strips_roles_and_noise() -> None:
    assert clean_author("Jane Doe - Staff Writer") == "Jane Doe"
    assert clean_author("Jane Doe (Reuters)") == "Jane Doe"
    assert clean_author("@handle") is None
    assert clean_author("Staff Writer") is None
    assert clean_author("12 comments") is None


@pytest.mark.parametrize(
    ("raw", "tz", "expected"),
    [
        ("2024-12-11T15:18:00+02:00", "UTC", "2024-12-11T13:18:00+00:00"),
        ("2024-12-11T13:18:00Z", "UTC", "2024-12-11T13:18:00+00:00"),
        ("December 11, 2024 3:18 PM", "Europe/Kyiv", "2024-12-11T13:18:00+00:00"),
        ("Published: 11 December 2024, 15:18", "Europe/Kyiv", "2024-12-11T13:18:00+00:00"),
        ("Wed, 11 Dec 2024 13:18:00 GMT", "Europe/Kyiv", "2024-12-11T13:18:00+00:00"),
        ("Dec. 11, 2024 8:18 AM EST", "UTC", "2024-12-11T13:18:00+00:00"),
        ("2024-12-11", "UTC", "2024-12-11T00:00:00+00:00"),
        ("1733923080", "UTC", "2024-12-11T13:18:00+00:00"),
    ],
)
def test_parse_datetime(raw: str, tz: str, expected: str) -> None:
    assert parse_datetime(raw, tz, now=NOW) == expected


@pytest.mark.parametrize(
    "raw",
    ["1989-12-31T00:00:00Z", "2024-12-14T00:00:00Z", "3:18 PM", "2 min read", "", None, "soon"],
)
def test_parse_datetime_rejects_implausible(raw: str | None) -> None:
    assert parse_datetime(raw, "UTC", now=NOW) is None


def test_parse_datetime_allows_a_day_ahead() -> None:
    assert parse_datetime("2024-12-13T06:00:00Z", now=NOW) == "2024-12-13T06:00:00+00:00"


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Cranes return | The Riverside Courier", "The Riverside Courier", "Cranes return"),
        ("Cranes return - Riverside Courier", "The Riverside Courier", "Cranes return"),
        ("Riverside Courier — Cranes return", "Riverside Courier", "Cranes return"),
        ("Kyiv - a city at night", "The Riverside Courier", "Kyiv - a city at night"),
        ("Cranes return | Business", None, "Cranes return | Business"),
    ],
)
def test_strip_title_suffix(title: str, site: str | None, expected: str) -> None:
    assert strip_title_suffix(title, site) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("en-US", "en"), ("pt_BR", "pt"), ("UK", "uk"), ("eng", "en"), ("German", "de"), ("x", None)],
)
def test_normalize_language(raw: str, expected: str | None) -> None:
    assert normalize_language(raw) == expected


def test_content_hash_ignores_case_and_whitespace() -> None:
    one = content_hash("Hello  world.\n\nSecond paragraph.")
    assert one == content_hash("hello world.\nSECOND paragraph. ")
    assert one != content_hash("Hello world. Third paragraph.")
    assert content_hash("") is None
    assert len(one or "") == 64


def test_word_count() -> None:
    assert word_count("It's a 2-part story.\n\nEnd") == 7
    assert word_count(None) == 0


def test_clean_tags_splits_and_dedupes() -> None:
    assert clean_tags(["Port, Weather", "port", " #Storm "]) == ["Port", "Weather", "Storm"]
    assert clean_tags(None) == []


def test_to_bool() -> None:
    assert to_bool("False") is False
    assert to_bool("true") is True
    assert to_bool("maybe") is None


def test_clean_text_fast_path_never_keeps_a_character_it_must_change() -> None:
    # Clean values skip the passes (an exact test); any character a pass would
    # change must still be changed, wherever it stands.
    must_change = [
        chr(code)
        for code in range(0x3100)
        if chr(code).isspace() or chr(code) in "\u200c\u200d\u2060\ufeff\u00ad\x00\x7f"
    ]
    for char in must_change:
        cleaned = clean_text(f"word{char}word {char}")
        assert cleaned is not None and char not in cleaned.replace(" ", ""), repr(char)
    assert clean_text("a  b") == "a b"
    assert clean_text(" caf\u0065\u0301 ") == "caf\u00e9"  # NFC
    assert clean_text("Tom &amp; Jerry") == "Tom & Jerry"
    assert clean_text("plain words, nothing to do ") == "plain words, nothing to do"
