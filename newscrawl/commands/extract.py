"""Commands that read saved pages: ``extract`` (one article), ``eval`` (extraction
benchmark) and ``eval-pages`` (page-type benchmark)."""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newscrawl.commands.common import EXIT_OK, AddCommand


def add_commands(command: AddCommand) -> None:
    p = command(
        "extract",
        "print one article's fields from a saved page",
        "newscrawl extract --url https://example.com/a page.html.gz",
    )
    p.add_argument("file", nargs="?", help="saved page (.html or .html.gz)")
    p.add_argument(
        "--url", default=None, help="the page's URL (resolves links; default file://...)"
    )
    p.add_argument(
        "--batch",
        default=None,
        metavar="MANIFEST",
        help='JSON lines {"id","url","path"}; one JSON line out per page',
    )
    p.add_argument("--explain", action="store_true", help="also show which layer won each field")
    p.add_argument(
        "--timezone",
        default=None,
        help="timezone for dates printed without an offset "
        "(default: the zone the page's language implies, else UTC)",
    )
    p.set_defaults(func=cmd_extract)

    p = command(
        "eval",
        "measure extraction against gold data, beside trafilatura on the same pages",
        "newscrawl eval ../shared/benchmarks/aeb --worst 10",
    )
    p.add_argument(
        "datasets",
        nargs="+",
        metavar="DATASET_DIR",
        help="article-extraction-benchmark layout (ground-truth.json + html/), fundus "
        "layout (manifest.json) or a dev-set source (gold.json + html/); several give "
        "one table, a row per source",
    )
    p.add_argument(
        "--half",
        choices=("all", "tune", "check"),
        default="all",
        help="only the tuning or the check half of dev-set sources",
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--worst", type=int, default=0, metavar="N", help="also list the N worst pages")
    p.add_argument(
        "--no-trafilatura", action="store_true", help="run newscrawl only (faster; no comparison)"
    )
    p.set_defaults(func=cmd_eval)

    p = command(
        "eval-pages",
        "measure the article/listing/other verdict on labelled real pages",
        "newscrawl eval-pages ../shared/benchmarks/aeb ../shared/benchmarks/pagetype --misses 20",
    )
    p.add_argument(
        "datasets",
        nargs="+",
        metavar="DIR",
        help="labelled page sets (labels.json + pages/), or the aeb / fundus layouts "
        "(every page an article)",
    )
    p.add_argument(
        "--half",
        choices=("all", "tune", "check"),
        default="all",
        help="only the tuning or the check half of labelled sets (split by site)",
    )
    p.add_argument("--misses", type=int, default=50, metavar="N", help="list up to N misses")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=cmd_eval_pages)


def _read_page(path: str) -> str:
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    from w3lib.encoding import html_to_unicode

    return html_to_unicode(None, data)[1]


def _extract_one(path: str, url: str | None, timezone: str | None, explain: bool) -> dict[str, Any]:
    from newscrawl.extract.article import extract_article
    from newscrawl.loaders import build_item

    page_url = url or Path(path).resolve().as_uri()
    html = _read_page(path)
    extracted = extract_article(html, page_url)
    item = build_item(
        extracted, url=page_url, site="", timezone=timezone, fetched_at=datetime.now(UTC)
    )
    record = dict(item)
    if explain:
        from newscrawl.extract.pagetype import classify_page

        verdict = classify_page(html, page_url)
        record["_page"] = {
            "kind": verdict.kind,
            "reason": verdict.reason,
            "evidence": list(verdict.evidence),
        }
        record["_sources"] = dict(extracted.sources)
    return record


def cmd_extract(args: argparse.Namespace) -> int:
    if args.batch:
        with open(args.batch, encoding="utf-8") as manifest:
            for number, line in enumerate(manifest, 1):
                if not line.strip():
                    continue
                try:
                    entry = json.loads(line)
                    record = _extract_one(
                        entry["path"], entry.get("url"), args.timezone, args.explain
                    )
                except (OSError, KeyError, ValueError) as exc:
                    print(f"newscrawl: {args.batch}:{number}: skipped: {exc}", file=sys.stderr)
                    continue
                print(json.dumps({"id": entry.get("id"), **record}, ensure_ascii=False))
        return EXIT_OK
    if not args.file:
        raise ValueError("give a saved page FILE, or --batch MANIFEST")
    record = _extract_one(args.file, args.url, args.timezone, args.explain)
    print(json.dumps(record, ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from newscrawl import evaluation
    from newscrawl.evaluation_summary import render_summary

    systems = ("newscrawl",) if args.no_trafilatura else ("newscrawl", "trafilatura")
    results = [
        evaluation.evaluate(evaluation.load_dataset(path, args.half), systems)
        for path in args.datasets
    ]
    if args.json:
        print("\n".join(evaluation.to_json(result, args.worst) for result in results))
    elif len(results) == 1:
        print(evaluation.render_table(results[0], args.worst))
    else:
        print(render_summary(results))
        for result in results:
            if args.worst:
                print()
                print(evaluation.render_table(result, args.worst))
    return EXIT_OK


def cmd_eval_pages(args: argparse.Namespace) -> int:
    from newscrawl import pagetype_eval

    pages = [page for root in args.datasets for page in pagetype_eval.load_pages(Path(root))]
    results = pagetype_eval.evaluate(pagetype_eval.select(pages, args.half))
    if args.json:
        print(pagetype_eval.to_json(results))
    else:
        print(pagetype_eval.render_table(results, args.misses))
    return EXIT_OK
