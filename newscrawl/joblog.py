"""The durable record of a resumable crawl (``newscrawl crawl --jobdir DIR``).

Scrapy's own JOBDIR does not survive SIGKILL: queuelib saves a disk queue's
head and tail only when it closes, so a killed crawl resumes with its queue
lost. This log is append-only and line-buffered (each line reaches the OS as
it is written), so it survives a killed process:

- ``frontier.jsonl``: every request the spider scheduled (url, kind, depth);
- ``done.txt``: the url_key of every page whose work is complete. Article pages
  are never marked here: an article is done when it is in the database, so one
  lost in a write buffer, or waiting for its site's clock, is fetched again;
- ``run.json``: when the run began; articles stored since then are done.

A run that finishes cleanly removes the log, so the next run starts afresh.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from newscrawl.urls import url_key


def _append(path: Path) -> TextIO:
    return path.open("a", encoding="utf-8", buffering=1)


class JobLog:
    def __init__(self, jobdir: Path) -> None:
        self.dir = Path(jobdir)
        self.dir.mkdir(parents=True, exist_ok=True)
        run = self.dir / "run.json"
        self.resuming = run.is_file()
        if self.resuming:
            started = json.loads(run.read_text(encoding="utf-8"))["started_at"]
            self.started_at = datetime.fromisoformat(started)
        else:
            self.started_at = datetime.now(UTC)
            run.write_text(json.dumps({"started_at": self.started_at.isoformat()}), "utf-8")
        # Open for the whole run (closed by close/finish): line buffering makes
        # every line a write to the OS, which outlives a killed process.
        self._frontier: TextIO = _append(self.dir / "frontier.jsonl")
        self._done: TextIO = _append(self.dir / "done.txt")

    def scheduled(self, url: str, kind: str, depth: int, empty: int) -> None:
        entry = {"url": url, "kind": kind, "depth": depth, "empty": empty}
        self._frontier.write(json.dumps(entry) + "\n")

    def completed(self, url: str) -> None:
        self._done.write(url_key(url) + "\n")

    def pending(self) -> list[dict[str, Any]]:
        """Scheduled requests whose pages were not completed, first scheduling of each."""
        done = set((self.dir / "done.txt").read_text(encoding="utf-8").split())
        entries: dict[str, dict[str, Any]] = {}
        for line in (self.dir / "frontier.jsonl").read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue  # the line being written when the process died
            key = url_key(entry["url"])
            if key not in done:
                entries.setdefault(key, entry)
        return list(entries.values())

    def close(self) -> None:
        self._frontier.close()
        self._done.close()

    def finish(self) -> None:
        """The run is complete: close and remove the log."""
        self.close()
        shutil.rmtree(self.dir, ignore_errors=True)
