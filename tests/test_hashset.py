"""HashSet: a grow-only set of 64-bit hashes, and the duplicate filter built on it."""

from __future__ import annotations

import random
from pathlib import Path

from scrapy import Request
from scrapy.dupefilters import RFPDupeFilter
from scrapy.utils.test import get_crawler

from newscrawl import hashset
from newscrawl.dupefilter import CompactDupeFilter
from newscrawl.hashset import HashSet


def test_membership_holds_across_merges_like_a_python_set() -> None:
    rng = random.Random(7)
    values = [rng.randrange(-(2**63), 2**63) for _ in range(3 * hashset.MERGE_AT + 17)]
    values += [-(2**63), 2**63 - 1, 0]
    ours, reference = HashSet(), set()
    for value in values:
        assert ours.add(value) == (value not in reference)
        reference.add(value)
    assert len(ours) == len(reference)
    assert len(ours._settled) >= 3 * hashset.MERGE_AT  # most of it merged into the array
    assert all(value in ours for value in values)
    for _ in range(2000):
        other = rng.randrange(-(2**63), 2**63)
        assert (other in ours) == (other in reference)
    assert not ours.add(values[0]) and not ours.add(values[-1])
    assert "a string" not in ours and None not in ours


def test_the_settled_array_stays_sorted_and_unique() -> None:
    ours = HashSet()
    for value in [5, 3, 9] * hashset.MERGE_AT:
        ours.add(value)
    for value in range(2 * hashset.MERGE_AT):
        ours.add(value * 7919)
    settled = ours._settled.tolist()
    assert settled == sorted(set(settled))
    assert len(ours) == len(set(settled) | ours._recent)


def test_the_duplicate_filter_lets_each_request_through_once() -> None:
    crawler = get_crawler(
        settings_dict={"DUPEFILTER_CLASS": "newscrawl.dupefilter.CompactDupeFilter"}
    )
    dupefilter = CompactDupeFilter.from_crawler(crawler)
    assert isinstance(dupefilter, CompactDupeFilter)
    first = Request("https://example.com/news/1")
    assert not dupefilter.request_seen(first)
    assert dupefilter.request_seen(Request("https://example.com/news/1"))
    assert dupefilter.request_seen(Request("https://example.com/news/1#comments"))
    assert not dupefilter.request_seen(Request("https://example.com/news/2"))
    assert not dupefilter.request_seen(Request("https://example.com/news/1", method="POST"))
    assert len(dupefilter) == 3


def test_with_a_jobdir_it_is_scrapys_own_filter(tmp_path: Path) -> None:
    crawler = get_crawler(settings_dict={"JOBDIR": str(tmp_path)})
    dupefilter = CompactDupeFilter.from_crawler(crawler)
    assert type(dupefilter) is RFPDupeFilter
    assert not dupefilter.request_seen(Request("https://example.com/news/1"))
    dupefilter.close("finished")
    assert (tmp_path / "requests.seen").stat().st_size > 0
