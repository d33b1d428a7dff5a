"""Extraction quality on the team's benchmark pages (skipped when ../shared is absent).

The runs go through ``newscrawl.evaluation``, the code behind ``newscrawl
eval``, so the floors here are the figures that command prints. Each floor
sits a little below what was measured when it was set; a regression fails.

aeb/: body F1 with the benchmark's own scoring, beside trafilatura.
fundus/: title, authors, publication minute and lead image against the gold.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawl.evaluation import EvaluationResult, evaluate, load_dataset

pytestmark = pytest.mark.benchmark_data

#: Measured 0.9808 (P 0.9760, R 0.9855); trafilatura with metadata 0.9582 in
#: the same run. The issue's target was 0.975.
MIN_AEB_F1 = 0.978
#: Measured on the 29 fundus pages: title 29/29, authors 29/29, published to
#: the minute 29/29, lead image (same picture) 18/19, body F1 0.9712 (P 0.9583,
#: R 0.9844; trafilatura 0.9664). The lead image miss left is a gold quirk:
#: the gold's first cover is the shared lazy-load placeholder in front of the
#: photo newscrawl returns.
MIN_FUNDUS = {"title": 0.95, "authors": 0.93, "published": 0.95, "lead_image": 0.90}
MIN_FUNDUS_BODY_F1 = 0.968
# Speed is measured by `newscrawl eval` and written in BENCHMARKS.md, never
# asserted here: a timed assertion fails on a busy machine, not on slow code.


@pytest.fixture(scope="module")
def aeb_result(shared_benchmarks: Path) -> EvaluationResult:
    return evaluate(load_dataset(shared_benchmarks / "aeb"))


@pytest.fixture(scope="module")
def fundus_result(shared_benchmarks: Path) -> EvaluationResult:
    return evaluate(load_dataset(shared_benchmarks / "fundus"))


def test_aeb_body_f1(aeb_result: EvaluationResult) -> None:
    ours, trafilatura = aeb_result.systems
    assert aeb_result.pages == 181
    assert ours.body["f1"] >= MIN_AEB_F1
    assert ours.body["f1"] > trafilatura.body["f1"]


def test_fundus_fields(fundus_result: EvaluationResult) -> None:
    ours, trafilatura = fundus_result.systems
    assert fundus_result.pages == 29
    rates = {name: acc.rate for name, acc in ours.fields.items()}
    failed = {name: rate for name, rate in rates.items() if rate < MIN_FUNDUS[name]}
    assert not failed, f"below the floor: {failed}"
    for name in MIN_FUNDUS:
        assert ours.fields[name].correct >= trafilatura.fields[name].correct, name
    assert ours.body["f1"] >= MIN_FUNDUS_BODY_F1
