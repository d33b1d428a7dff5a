"""Search latency: p50 / p95 of ``newscrawl.storage.search.search`` over N articles.

Builds N synthetic articles (default 100,000) whose words follow a Zipf
distribution over a seeded pseudo-word vocabulary, as real text does, stores
them through ``ArticleRepository.upsert_articles`` on a fresh SQLite file and
a fresh PostgreSQL database, then times Q searches (default 200) of 1 to 3
words each with ``limit=20`` (ranking and snippets included).

Query words are drawn like a reader's: from the vocabulary's middle band
(frequency ranks 200 to 20,000: topic words, not "the" and not typos), so
each matches from a few dozen to tens of thousands of articles. A separate
line reports the worst single-word query (the most frequent band word).

Usage::

    .venv/bin/python bench/search_latency.py [-n 100000] [-q 200] [--seed 7]
        [--pg postgresql+psycopg://postgres@127.0.0.1:5432/test | --no-pg]
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from newscrawl.storage.engine import make_engine
from newscrawl.storage.migrate import ensure_schema
from newscrawl.storage.repository import ArticleRepository
from newscrawl.storage.search import search
from newscrawl.storage.testing import fresh_postgres_database

DEFAULT_PG = os.environ.get(
    "NEWSCRAWL_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
VOCABULARY = 50_000
ZIPF_S = 1.07
QUERY_BAND = (200, 20_000)
_SYLLABLES = [c + v for c in "bcdfghklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]


class ZipfText:
    """Seeded text generator: a pseudo-word vocabulary drawn with Zipf frequencies."""

    def __init__(self, seed: int, size: int = VOCABULARY, s: float = ZIPF_S) -> None:
        # The vocabulary depends on the seed only; draws go on from there.
        self.random = random.Random(seed)
        words: dict[str, None] = {}
        while len(words) < size:
            count = self.random.choice((1, 2, 2, 3, 3, 4))
            words["".join(self.random.choices(_SYLLABLES, k=count))] = None
        self.words = list(words)
        self.cumulative = list(itertools.accumulate(1.0 / (rank**s) for rank in range(1, size + 1)))

    def sample(self, k: int) -> list[str]:
        return self.random.choices(self.words, cum_weights=self.cumulative, k=k)

    def sentence(self, low: int, high: int) -> str:
        words = self.sample(self.random.randint(low, high))
        return " ".join(words).capitalize() + "."

    def paragraphs(self, words: int) -> str:
        out: list[str] = []
        while words > 0:
            sentence = self.sentence(8, 25)
            words -= sentence.count(" ") + 1
            out.append(sentence)
        return " ".join(out)

    def band_word(self) -> str:
        return self.words[self.random.randrange(*QUERY_BAND)]

    def rank(self, word: str) -> int:
        return self.words.index(word)


def articles(
    n: int, text: ZipfText, body_words: tuple[int, int] = (300, 900)
) -> Iterator[dict[str, Any]]:
    """``n`` article items shaped like the crawler's, text from ``text``."""
    for i in range(n):
        site = f"site{i % 20}.example"
        yield {
            "url": f"https://{site}/news/{i}",
            "canonical_url": f"https://{site}/news/{i}",
            "site": site,
            "title": text.sentence(5, 12).rstrip("."),
            "description": text.sentence(15, 30),
            "body": text.paragraphs(text.random.randint(*body_words)),
            "authors": [f"Reporter {i % 311}"],
            "tags": [text.band_word() for _ in range(3)],
            "published_at": f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}T{i % 24:02d}:00:00+00:00",
            "language": "xx",
            "content_hash": f"{i:064x}",
        }


def queries(text: ZipfText, count: int) -> list[str]:
    return [
        " ".join(text.band_word() for _ in range(text.random.randint(1, 3))) for _ in range(count)
    ]


def load(engine: Engine, n: int, seed: int, batch: int = 1000) -> float:
    """Store ``n`` articles; return the seconds spent storing (not generating) them."""
    repo = ArticleRepository(engine)
    items = articles(n, ZipfText(seed))
    seconds = 0.0
    while chunk := list(itertools.islice(items, batch)):
        started = time.perf_counter()
        repo.upsert_articles(chunk)
        seconds += time.perf_counter() - started
    return seconds


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(engine: Engine, query_list: list[str]) -> list[float]:
    timings = []
    for query in query_list:
        started = time.perf_counter()
        search(engine, query, limit=20)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def repo_count(engine: Engine, query: str) -> int:
    return sum(1 for _ in ArticleRepository(engine).iter_articles(query=query))


@contextmanager
def database(kind: str, pg_url: str, workdir: Path) -> Iterator[Engine]:
    if kind == "sqlite":
        engine = make_engine(f"sqlite:///{workdir / 'search.db'}")
        ensure_schema(engine)
        try:
            yield engine
        finally:
            engine.dispose()
        return
    with fresh_postgres_database(pg_url, prefix="newscrawl_bench") as url:
        engine = make_engine(url)
        ensure_schema(engine)
        try:
            yield engine
        finally:
            engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=100_000, help="articles (default 100000)")
    parser.add_argument("-q", type=int, default=200, help="queries (default 200)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pg", default=DEFAULT_PG, help="a URL on the PostgreSQL server to use")
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    args = parser.parse_args()
    query_text = ZipfText(args.seed)  # the articles' vocabulary
    query_text.random.seed(args.seed + 1)  # other draws than the articles'
    query_list = queries(query_text, args.q)
    worst = query_text.words[QUERY_BAND[0]]
    kinds = ["sqlite"] if args.no_pg else ["sqlite", "postgresql"]
    print(f"{args.n} articles, {args.q} queries of 1-3 words (seed {args.seed})")
    print(f"{'database':<11} {'load/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}  worst word")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in kinds:
            with database(kind, args.pg, Path(tmp)) as engine:
                seconds = load(engine, args.n, args.seed)
                measure(engine, query_list[:10])  # warm caches, as a running server has
                timings = measure(engine, query_list)
                worst_ms = statistics.median(measure(engine, [worst] * 5))
                hits = repo_count(engine, worst)
                print(
                    f"{kind:<11} {args.n / seconds:>7.0f} {percentile(timings, 0.5):>7.1f} "
                    f"{percentile(timings, 0.95):>7.1f} {max(timings):>7.1f}  "
                    f"{worst!r}: {worst_ms:.1f} ms, {hits} matching articles"
                )


if __name__ == "__main__":
    main()
