"""Helpers for the rendering tests: find Chromium or skip (fail in CI), read crawl stats.

Like ``require_service`` in conftest.py: on a machine without Chromium the browser
tests skip with the reason; in CI (``CI=true``) they fail, so a missing browser
can never turn into a silent green run.
"""

from __future__ import annotations

import os
import re

import pytest

from newscrawl.rendering.browser import BrowserNotFound, find_chromium

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
_STAT_LINE = re.compile(r"^\s*[{ ]?'(?P<key>[^']+)': (?P<value>-?\d+(?:\.\d+)?),?}?$")


def require_chromium() -> str:
    """The Chromium the crawl will use, or skip (locally) / fail (CI) with the reason."""
    try:
        return find_chromium(os.environ.get("NEWSCRAWL_CHROMIUM_PATH") or None)
    except BrowserNotFound as exc:
        if IN_CI:
            pytest.fail(f"{exc}; CI must run the browser tests (make chromium)")
        pytest.skip(str(exc))


def dumped_stats(log: str) -> dict[str, float]:
    """The numeric stats of the last "Dumping Scrapy stats" block of a crawl's log."""
    _, _, block = log.rpartition("Dumping Scrapy stats:")
    stats: dict[str, float] = {}
    for line in block.splitlines()[1:]:
        match = _STAT_LINE.match(line)
        if match:
            stats[match["key"]] = float(match["value"])
        if line.rstrip().endswith("}"):
            break
    return stats
