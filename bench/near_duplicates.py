"""Near-duplicate detection: how well it finds copies, and what it costs.

Quality (needs ``../shared/benchmarks/aeb``: 181 real article bodies from 126
sites, all different stories). Each body gets copies as syndication and
editing make them, and the distinct bodies serve as negatives:

- wire: a dateline in front and a sign-off line at the end;
- edit 2% / 5%: that share of the words replaced, scattered;
- cut: the last paragraph dropped (a shortened version);
- rewrite 15%: a heavy rewrite, which should *not* count as a copy.

It prints the share of copies found (recall) per kind and how many of the
16,290 pairs of different stories were wrongly taken for copies.

Cost: N synthetic articles (Zipf text, bench/search_latency.py) through the
near-duplicate and store pipelines into a fresh SQLite file, against the
store pipeline alone; then the time and memory to load N stored signatures
back for a later crawl.

Usage::

    .venv/bin/python bench/near_duplicates.py [--threshold 0.5] [-n 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from scrapy.utils.test import get_crawler
from search_latency import ZipfText

from newscrawl.pipelines.near_duplicates import NearDuplicatePipeline
from newscrawl.pipelines.store import StorePipeline
from newscrawl.similarity import NearDuplicateIndex, from_bytes, signature
from newscrawl.storage.engine import make_engine
from newscrawl.storage.signatures import load_signatures

AEB = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "aeb" / "ground-truth.json"


def _edit(share: float) -> Callable[[str, random.Random], str]:
    def edit(body: str, rng: random.Random) -> str:
        words = body.split(" ")
        for i in rng.sample(range(len(words)), int(len(words) * share)):
            words[i] = f"x{rng.randrange(10**6)}"
        return " ".join(words)

    return edit


def _wire(body: str, rng: random.Random) -> str:
    return f"LONDON (Wire) - {body}\n\nReporting by Wire staff; editing by the desk."


def _cut(body: str, rng: random.Random) -> str:
    paragraphs = body.split("\n\n")
    return "\n\n".join(paragraphs[:-1]) if len(paragraphs) > 2 else body


KINDS: dict[str, tuple[Callable[[str, random.Random], str], bool]] = {
    "wire": (_wire, True),
    "edit 2%": (_edit(0.02), True),
    "edit 5%": (_edit(0.05), True),
    "cut last paragraph": (_cut, True),
    "rewrite 15%": (_edit(0.15), False),
}


def quality(threshold: float) -> None:
    if not AEB.is_file():
        print(f"quality: skipped, {AEB} not found")
        return
    bodies = [entry["articleBody"] for entry in json.loads(AEB.read_text()).values()]
    signed = [(n, sig) for n, body in enumerate(bodies) if (sig := signature(body)) is not None]
    index = NearDuplicateIndex(threshold)
    for n, sig in signed:
        index.add(n, sig)
    false_pairs = 0
    for n, sig in signed:
        match = index.find(sig, exclude=n)
        false_pairs += match is not None
    pairs = len(signed) * (len(signed) - 1) // 2
    print(f"threshold {threshold}: {len(signed)} of {len(bodies)} AEB bodies signed")
    print(f"  different stories taken for copies: {false_pairs} articles (of {pairs} pairs)")
    rng = random.Random(7)
    for kind, (make, is_copy) in KINDS.items():
        found = 0
        for n, _ in signed:
            copy = signature(make(bodies[n], rng))
            match = index.find(copy) if copy is not None else None
            found += match is not None and match[0] == n
        share = found / len(signed)
        label = "found" if is_copy else "found (should not be)"
        print(f"  {kind:<20} {label}: {found}/{len(signed)} = {share:.1%}")


def _items(n: int) -> list[dict[str, Any]]:
    text = ZipfText(seed=3)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    return [
        {
            "url": f"https://bench.example/a/{i}",
            "canonical_url": f"https://bench.example/a/{i}",
            "site": "bench.example",
            "title": f"Article {i}",
            "published_at": (start + timedelta(hours=i)).isoformat(),
            "body": text.paragraphs(600),
            "content_hash": f"h{i}",
        }
        for i in range(n)
    ]


def _run(db: Path, items: list[dict[str, Any]], near_on: bool) -> float:
    crawler = get_crawler(
        settings_dict={
            "NEWSCRAWL_DATABASE_URL": f"sqlite:///{db}",
            "NEWSCRAWL_STORE_BATCH_SIZE": 50,
            "NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD": 0.5,
            "NEWSCRAWL_NEAR_DUPLICATE_WINDOW": "7d",
            "NEWSCRAWL_NEAR_DUPLICATE_MAX_LOADED": 50_000,
        }
    )
    store = StorePipeline.from_crawler(crawler)
    near = NearDuplicatePipeline.from_crawler(crawler) if near_on else None

    async def go() -> None:
        await store.open_spider()
        for item in items:
            if near is not None:
                item = await near.process_item(dict(item))  # type: ignore[assignment]
            await store.process_item(item)
        await store.close_spider()
        await store.spider_closed(spider=None, reason="finished")
        if near is not None:
            near.close_spider()

    started = time.perf_counter()
    asyncio.run(go())
    return time.perf_counter() - started


def cost(n: int) -> None:
    signature("warm up the import " * 20)
    items = _items(n)
    with tempfile.TemporaryDirectory() as tmp:
        alone = _run(Path(tmp) / "alone.db", items, near_on=False)
        db = Path(tmp) / "near.db"
        both = _run(db, items, near_on=True)
        print(f"{n} articles into SQLite: store alone {n / alone:,.0f}/s; ", end="")
        print(
            f"with near-duplicates {n / both:,.0f}/s ({(both - alone) / n * 1000:.2f} ms/article)"
        )
        engine = make_engine(f"sqlite:///{db}")
        tracemalloc.start()
        started = time.perf_counter()
        rows = load_signatures(engine, datetime(2000, 1, 1, tzinfo=UTC), datetime.now(UTC))
        index = NearDuplicateIndex(0.5)
        for row in rows:
            index.add(row.canonical_url, from_bytes(row.minhash))
        took = time.perf_counter() - started
        count = len(rows)
        del rows  # only the index stays in memory for the crawl
        memory = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        engine.dispose()
        print(
            f"load {count} stored signatures into the index: {took:.2f} s, "
            f"{memory / count:,.0f} bytes each in memory (Python heap, tracemalloc)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("-n", type=int, default=5000)
    args = parser.parse_args()
    quality(args.threshold)
    cost(args.n)


if __name__ == "__main__":
    main()
