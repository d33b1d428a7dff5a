"""Articles a crawl could not store: a JSON Lines file, and loading it later.

When the database stays unreachable (or refuses a row), the store pipeline
appends each article it could not write to a dead-letter file, one JSON object
a line: the whole item (``article``), its near-duplicate ``signature`` in
base64, the error and when it happened. ``newscrawl db replay FILE`` loads the
file with the same upserts as a crawl, so replaying it twice, or replaying
articles that did get stored after all, changes nothing the second time.

Each write is flushed and fsynced before the writer returns: the file is the
only copy of those articles.
"""

from __future__ import annotations

import base64
import json
import os
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from newscrawl.fields import ARTICLE_FIELDS
from newscrawl.storage.faults import RetryPolicy, describe_error, is_transient
from newscrawl.storage.repository import ArticleRepository, UpsertResult

#: The format of a line; a reader refuses lines of another.
FORMAT = 1


class DeadLetter:
    """Appends articles to one JSONL file, created at the first write. Thread-safe."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.written = 0
        self._lock = threading.Lock()

    def write(self, rows: Sequence[Mapping[str, Any]], error: str) -> None:
        """Append ``rows`` (item dicts) with the ``error`` that kept them out; raises OSError."""
        at = datetime.now(UTC).isoformat()
        lines = "".join(
            json.dumps(encode(row, error, at), ensure_ascii=False) + "\n" for row in rows
        )
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as out:
                out.write(lines)
                out.flush()
                os.fsync(out.fileno())
            self.written += len(rows)


def encode(row: Mapping[str, Any], error: str, at: str) -> dict[str, Any]:
    """One dead-letter line for the item ``row``."""
    signature = row.get("signature")
    return {
        "format": FORMAT,
        "article": {name: _plain(row.get(name)) for name in ARTICLE_FIELDS},
        "signature": base64.b64encode(bytes(signature)).decode("ascii") if signature else None,
        "error": error,
        "failed_at": at,
    }


def decode(line: str) -> dict[str, Any]:
    """The item of a dead-letter line; ``ValueError`` for one that is not."""
    record = json.loads(line)
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise ValueError(f"not a dead-letter line of format {FORMAT}")
    article = record.get("article")
    if not isinstance(article, dict):
        raise ValueError("no article in the line")
    item = {name: article.get(name) for name in ARTICLE_FIELDS}
    signature = record.get("signature")
    item["signature"] = base64.b64decode(signature, validate=True) if signature else None
    return item


def _plain(value: Any) -> Any:
    """A value as JSON holds it; dates as ISO 8601, which the upsert reads back."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@dataclass
class ReplayReport:
    """What loading one dead-letter file did."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    #: (line number, why) of lines that are not articles, or that could not be stored.
    problems: list[tuple[int, str]] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.new + self.updated + self.unchanged

    def add(self, result: UpsertResult) -> None:
        self.new += result.new
        self.updated += result.updated
        self.unchanged += result.unchanged


def replay(
    engine: Engine,
    path: Path,
    *,
    batch_size: int = 50,
    policy: RetryPolicy | None = None,
    secrets: tuple[str, ...] = (),
) -> ReplayReport:
    """Upsert every article of dead-letter file ``path``; report what happened.

    The schema must be current. A batch that fails is tried again line by
    line, so one bad line costs only itself; unreadable lines (a crawl killed
    mid-write leaves half a line) are reported, not fatal. A database that stays
    unreachable through ``policy``'s retries raises its error: what was stored
    before stays, and replaying the file again later is safe.
    """
    repo = ArticleRepository(engine)
    policy = policy or RetryPolicy()
    report = ReplayReport()
    unresolved: list[tuple[str, str]] = []
    for batch in _batches(_read(path, report), max(1, batch_size)):
        try:
            items = [item for _, item in batch]
            result = policy.call(partial(repo.upsert_articles, items))
            report.add(result)
            unresolved += result.unresolved
            continue
        except Exception as exc:
            if is_transient(exc):
                raise  # the database is gone: no line would fare better
        # Line by line, which tells which line the database refuses.
        for number, item in batch:
            try:
                result = policy.call(partial(repo.upsert_articles, [item]))
            except Exception as exc:
                if is_transient(exc):
                    raise
                report.problems.append((number, describe_error(exc, secrets)))
                continue
            report.add(result)
            unresolved += result.unresolved
    repo.mark_duplicates(unresolved)
    return report


def _read(path: Path, report: ReplayReport) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                yield number, decode(line)
            except (ValueError, TypeError) as exc:  # JSONDecodeError, binascii.Error too
                report.problems.append((number, f"unreadable: {exc}"))


def _batches(
    rows: Iterator[tuple[int, dict[str, Any]]], size: int
) -> Iterator[list[tuple[int, dict[str, Any]]]]:
    batch: list[tuple[int, dict[str, Any]]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
