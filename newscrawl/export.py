"""Write stored articles as JSON lines or CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from newscrawl.items import ARTICLE_FIELDS, LIST_FIELDS

FORMATS = ("jsonl", "csv")


def write_articles(articles: Iterable[Mapping[str, Any]], out: TextIO, fmt: str = "jsonl") -> int:
    """Write ``articles`` to ``out``; returns how many were written.

    JSON lines keep lists as lists; CSV cells hold lists as JSON arrays, so a
    name with a comma in it survives the round trip.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    count = 0
    if fmt == "jsonl":
        for article in articles:
            record = {name: article.get(name) for name in ARTICLE_FIELDS}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        return count
    writer = csv.DictWriter(out, fieldnames=list(ARTICLE_FIELDS), extrasaction="ignore")
    writer.writeheader()
    for article in articles:
        row = {name: article.get(name) for name in ARTICLE_FIELDS}
        for name in LIST_FIELDS:
            row[name] = json.dumps(row.get(name) or [], ensure_ascii=False)
        writer.writerow(row)
        count += 1
    return count
