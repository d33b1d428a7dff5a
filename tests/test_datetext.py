"""Printed dates in many languages, and their reading as UTC instants."""

from __future__ import annotations

import pytest

from newscrawl.processors.dates import calendar_day, has_time_of_day, parse_datetime
from newscrawl.processors.datetext import english_date, find_printed_dates, month_number


@pytest.mark.parametrize(
    ("printed", "english"),
    [
        ("13. Dezember 2024", "13 December 2024"),
        ("Aktualisiert am 13. Dezember 2024, 17.30 Uhr", "13 December 2024 17:30"),
        ("11 грудня 2024, 10:00", "11 December 2024 10:00"),
        ("28 листопада 2024, 13:30", "28 November 2024 13:30"),
        ("Publié le 3 févr. 2025 à 8h05", "3 February 2025 8:05"),
        ("11 de diciembre de 2024 a las 10:30", "11 December 2024 10:30"),
        ("11 de dezembro de 2024 às 10h30", "11 December 2024 10:30"),
        ("12 dicembre 2024 alle 14:05", "12 December 2024 14:05"),
        ("11 grudnia 2024 o 10:15", "11 December 2024 10:15"),
        ("By Courier Staff, December 3, 2024 - 5:30pm", "3 December 2024 5:30 PM"),
        ("Sept. 3, 2024 at 9:05 a.m. EDT", "3 September 2024 9:05 AM EDT"),
        ("Thursday, December 12, 2024", "12 December 2024"),
    ],
)
def test_printed_dates_in_english(printed: str, english: str) -> None:
    assert english_date(printed) == english


def test_two_dates_of_one_meta_line_in_order() -> None:
    line = "Dec 11, 2024, 3:00 PM (Updated Dec 11, 2024, 5:20 PM)"
    found = find_printed_dates(line)
    assert [line[d.start : d.end] for d in found] == [
        "Dec 11, 2024, 3:00 PM",
        "Dec 11, 2024, 5:20 PM",
    ]
    assert all(d.has_time for d in found)


@pytest.mark.parametrize(
    "text",
    [
        "10 people came in 2024",  # no month
        "Tue, 12/10/2024 - 19:05",  # numeric: day and month order unknown
        "32 December 2024",
        "Von Jana Krüger",
    ],
)
def test_no_printed_date(text: str) -> None:
    assert find_printed_dates(text) == []


def test_month_names_from_cldr() -> None:
    assert month_number("Dezember") == month_number("grudnia") == month_number("déc.") == 12
    assert month_number("listopada") == 11  # Polish and Ukrainian (in Latin letters: Czech too)
    assert month_number("blue") is None


def test_parse_datetime_reads_foreign_dates_in_the_site_zone() -> None:
    assert parse_datetime("11 грудня 2024, 10:00", "Europe/Warsaw") == "2024-12-11T09:00:00+00:00"
    assert parse_datetime("13. Dezember 2024 um 7.15 Uhr", "Europe/Berlin") == (
        "2024-12-13T06:15:00+00:00"
    )
    assert parse_datetime("December 3, 2024 - 5:30pm", "America/Denver") == (
        "2024-12-04T00:30:00+00:00"
    )


def test_time_of_day_and_calendar_day() -> None:
    assert has_time_of_day("2024-12-10T16:20:00-07:00")
    assert has_time_of_day("10 décembre 2024 à 10h30")
    assert not has_time_of_day("2024-12-10")
    assert not has_time_of_day("13. Dezember 2024")
    # The day as written: 16:20 at -07:00 is the 10th there, the 10th in UTC too.
    assert calendar_day("2024-12-10T16:20:00-07:00") == calendar_day("December 10, 2024")
    assert calendar_day("2024-12-10T23:20:00-07:00") != calendar_day("December 11, 2024")


@pytest.mark.parametrize(
    ("printed", "english"),
    [
        ("2019年4月4日", "4 April 2019"),
        ("最終更新日\uff1a2019年4月2日", "2 April 2019"),
        ("2019年3月15日\uff08金\uff0909:43", "15 March 2019 9:43"),
        ("2024年12月11日 15時18分", "11 December 2024 15:18"),
        ("2019년 4월 4일 10:30", "4 April 2019 10:30"),
    ],
)
def test_chinese_japanese_and_korean_dates(printed: str, english: str) -> None:
    assert english_date(printed) == english


@pytest.mark.parametrize("text", ["2019年13月4日", "2019年4月", "12019年4月4日"])
def test_no_cjk_date(text: str) -> None:
    assert find_printed_dates(text) == []


def test_an_offset_without_its_hour_zero_is_read() -> None:
    # The Washington Post's markup in 2018: "-500" is five hours behind UTC.
    assert parse_datetime("2018-10-29T10:15-500") == "2018-10-29T15:15:00+00:00"
    assert parse_datetime("2018-10-29T10:15:00+530") == "2018-10-29T04:45:00+00:00"
