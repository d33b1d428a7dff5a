"""merge_layers: the per-field choices that go beyond the order of trust."""

from __future__ import annotations

from typing import Any

from newscrawl.extract.merge import merge_layers

H1 = (
    "As Trump pitches Venezuelan oil dream for US companies, experts warn it won't be cheap or easy"
)


def _title(layers: dict[str, dict[str, Any]]) -> tuple[str, str]:
    fields, sources = merge_layers(layers)
    return fields["title"], sources["title"]


def test_condensed_headline_beats_the_long_h1() -> None:
    short = "As Trump pitches Venezuelan oil dream, experts warn it won't be easy"
    layers = {"opengraph": {"title": short}, "markup": {"title": H1}}
    assert _title(layers) == (short, "opengraph")


def test_shorter_prefix_of_the_h1_is_a_condensed_headline() -> None:
    h1 = "Your $1 bill could be worth up THOUSANDS - here's how to check if you have the rare buck"
    short = "Your $1 bill could be worth up THOUSANDS - here's how to check"
    layers = {"jsonld": {"title": h1}, "opengraph": {"title": short}, "markup": {"title": h1}}
    assert _title(layers) == (short, "opengraph")


def test_headline_that_drops_the_opening_is_another_headline() -> None:
    h1 = "Legal opinion expected after ICJ concludes hearings on Israel's aid obligations in Gaza"
    seo = "ICJ concludes hearings on Israel aid obligations in Gaza"
    layers = {"jsonld": {"title": h1}, "opengraph": {"title": seo}, "markup": {"title": h1}}
    assert _title(layers) == (h1, "jsonld")


def test_truncated_structured_headline_loses_to_the_h1() -> None:
    h1 = (
        "Regional council approves the long-delayed harbour wall extension after a decade of "
        "storms, lawsuits and three failed votes"
    )
    cut = h1[:104].rstrip()
    for value in (cut, "Regional council approves the long-delayed harbour wall\u2026"):
        layers = {"jsonld": {"title": value}, "markup": {"title": h1}}
        assert _title(layers) == (h1, "markup")


def test_labels_and_other_texts_are_not_condensed_headlines() -> None:
    layers = {"opengraph": {"title": "As Trump pitches"}, "markup": {"title": H1}}
    assert _title(layers) == (H1, "markup")
    other = "Oil experts meet in Caracas to discuss the future of Venezuelan production"
    layers = {"jsonld": {"title": other}, "markup": {"title": H1}}
    assert _title(layers) == (other, "jsonld")  # not a form of the <h1>: trust order stands


def test_profile_title_is_never_replaced() -> None:
    short = "As Trump pitches Venezuelan oil dream, experts warn it won't be easy"
    layers = {"profile": {"title": H1}, "opengraph": {"title": short}, "markup": {"title": H1}}
    assert _title(layers) == (H1, "profile")


def test_h1_spelling_wins_when_only_the_quotes_differ() -> None:
    h1 = "Riverbend library ends late fines on children\u2019s books"
    plain = "Riverbend library ends late fines on children's books"
    layers = {"jsonld": {"title": plain}, "opengraph": {"title": plain}, "markup": {"title": h1}}
    assert _title(layers) == (h1, "markup")


def test_structured_headline_with_other_words_stays() -> None:
    h1 = "Riverbend library ends late fines on children\u2019s books \u2013 for good"
    plain = "Riverbend library ends late fines on children's books"
    layers = {"jsonld": {"title": plain}, "markup": {"title": h1}}
    assert _title(layers) == (plain, "jsonld")


def _dates(layers: dict[str, dict[str, Any]]) -> tuple[Any, Any]:
    fields, sources = merge_layers(layers)
    return fields["published_raw"], sources.get("published_raw")


def test_same_day_timestamp_beats_a_date_only_value() -> None:
    layers = {
        "jsonld": {"published_raw": "2024-12-10"},
        "markup": {"published_raw": "2024-12-10T16:20:00-07:00"},
    }
    assert _dates(layers) == ("2024-12-10T16:20:00-07:00", "markup")


def test_a_timestamp_of_another_day_does_not_replace_the_date() -> None:
    layers = {
        "jsonld": {"published_raw": "2024-12-10"},
        "markup": {"published_raw": "December 12, 2024 9:30 AM"},
    }
    assert _dates(layers) == ("2024-12-10", "jsonld")


def test_a_date_only_value_never_displaces_a_time() -> None:
    layers = {
        "opengraph": {"published_raw": "2024-12-10T08:00:00+01:00"},
        "markup": {"published_raw": "December 10, 2024"},
    }
    assert _dates(layers) == ("2024-12-10T08:00:00+01:00", "opengraph")


def test_a_profile_date_is_kept_as_the_site_chose() -> None:
    layers = {
        "profile": {"published_raw": "10.12.2024"},
        "markup": {"published_raw": "2024-12-10T16:20:00-07:00"},
    }
    assert _dates(layers) == ("10.12.2024", "profile")


def test_a_date_that_does_not_read_gives_way_to_the_next_layer() -> None:
    layers = {
        "microdata": {"published_raw": "sometime last week"},
        "markup": {"published_raw": "October 29, 2018"},
    }
    assert _dates(layers) == ("October 29, 2018", "markup")
