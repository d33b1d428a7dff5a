"""Quick article-body benchmark on ../shared/benchmarks/aeb (team machines only).

Runs ``extract_article`` and plain ``trafilatura.extract`` on the same 181
pages and prints precision / recall / F1 (the benchmark's own scoring) and
seconds per page. Usage::

    .venv/bin/python bench/aeb_quick.py [--worst 10] [--data ../shared/benchmarks/aeb]

The full measurement (both benchmark layouts, metadata fields, trafilatura
with metadata in the same run) is ``newscrawl eval DATASET_DIR``
(``newscrawl/evaluation.py``); this script stays as a quick body-only check.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from newscrawl.extract.article import extract_article, parse_html
from newscrawl.extract.evaluate import page_scores, score_bodies

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "aeb"


def load(data: Path) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(truth, urls, html) keyed by page id."""
    ground = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    truth = {k: v["articleBody"] for k, v in ground.items()}
    urls = {k: v["url"] for k, v in ground.items()}
    pages = {
        k: gzip.decompress((data / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8")
        for k in ground
    }
    return truth, urls, pages


def ours(html: str, url: str) -> str:
    return extract_article(html, url).fields.get("body") or ""


def plain_trafilatura(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


def trafilatura_with_metadata(html: str, url: str) -> str:
    """What trafilatura costs when it also reads title, author and date."""
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    return getattr(document, "text", None) or ""


def run(
    name: str, func: Callable[[str, str], str], pages: dict[str, str], urls: dict[str, str]
) -> tuple[dict[str, str], float]:
    start = time.perf_counter()
    pred = {k: func(html, urls[k]) for k, html in pages.items()}
    parse_html.cache_clear()
    return pred, (time.perf_counter() - start) / len(pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages of ours")
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").is_file():
        print(f"no benchmark data at {args.data}", file=sys.stderr)
        return 2
    truth, urls, pages = load(args.data)
    results = {}
    for name, func in (
        ("newscrawl", ours),
        ("trafilatura", plain_trafilatura),
        ("traf+meta", trafilatura_with_metadata),
    ):
        pred, per_page = run(name, func, pages, urls)
        results[name] = pred
        s = score_bodies(truth, pred)
        print(
            f"{name:12s} P={s['precision']:.4f} R={s['recall']:.4f} F1={s['f1']:.4f} "
            f"{per_page * 1000:.1f} ms/page"
        )
    if args.worst:
        rows = []
        for key, want in truth.items():
            tp, fp, fn = page_scores(want, results["newscrawl"][key])
            ttp, _, _ = page_scores(want, results["trafilatura"][key])
            rows.append((tp, fp, fn, ttp, key, urls[key]))
        for tp, fp, fn, ttp, key, url in sorted(rows)[: args.worst]:
            print(f"{tp:.2f} fp={fp:.2f} fn={fn:.2f} traf={ttp:.2f} {key[:12]} {url}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
