"""The benchmark scorer on tiny hand-made texts."""

from __future__ import annotations

import pytest

from newscrawl.extract.evaluate import page_scores, score_bodies, shingle_count, shingles


def test_shingles() -> None:
    assert sum(shingles("a b c d e").values()) == 2
    assert shingles("a b") == {("a", "b"): 1}
    assert not shingles("")


def test_perfect_and_empty() -> None:
    truth = {"p1": "one two three four five six", "p2": ""}
    result = score_bodies(truth, {"p1": "one two three four five six", "p2": ""})
    assert result["precision"] == result["recall"] == result["f1"] == 1.0


def test_partial_prediction() -> None:
    truth = {"p": "one two three four five six"}  # 3 shingles
    extra = {"p": "one two three four five six seven"}  # 4 shingles, 3 right
    result = score_bodies(truth, extra)
    assert result["recall"] == 1.0
    assert result["precision"] == pytest.approx(0.75)
    assert page_scores(truth["p"], extra["p"]) == pytest.approx((0.75, 0.25, 0.0))


def test_missing_prediction_lowers_recall_but_not_precision() -> None:
    truth = {"a": "one two three four five", "b": "six seven eight nine ten"}
    result = score_bodies(truth, {"a": "one two three four five"})
    assert result["recall"] == pytest.approx(0.5)
    assert result["precision"] == 1.0
    assert result["f1"] == pytest.approx(2 * 0.5 / 1.5)


@pytest.mark.parametrize("text", ["", "a", "a b c", "a b c d", "one two three four five six"])
def test_shingle_count_matches_the_multiset(text: str) -> None:
    assert shingle_count(text) == sum(shingles(text).values())
