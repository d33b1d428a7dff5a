"""Check newscrawl's settings before a crawl starts: one clear line for a bad value.

Each component reads its own settings in ``from_crawler``; a bad value found
there surfaces as a Twisted traceback from inside the crawl. This checks the
``NEWSCRAWL_*`` values up front, with the same parsers the components use, and
raises ``ValueError`` naming the setting. (``NEWSCRAWL_RENDER`` is checked by
``newscrawl.rendering.middleware.render_mode``, which the runner calls first too.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scrapy.settings import BaseSettings

from newscrawl.pipelines.near_duplicates import NearDuplicateOptions
from newscrawl.security import parse_networks
from newscrawl.timeparse import parse_age, parse_since

#: Whole-number settings and their smallest allowed value.
INTEGERS: dict[str, int] = {
    "NEWSCRAWL_MAX_ARTICLES": 0,
    "NEWSCRAWL_MAX_LISTING_DEPTH": 0,
    "NEWSCRAWL_EMPTY_PAGES_GRACE": 0,
    "NEWSCRAWL_MIN_WORDS": 0,
    "NEWSCRAWL_DATE_DEFER_MAX": 0,
    "NEWSCRAWL_STORE_BATCH_SIZE": 1,
    "NEWSCRAWL_STORE_WRITERS": 0,
    "NEWSCRAWL_RENDER_MAX_CLICKS": 0,
    "NEWSCRAWL_STORE_RETRY_TIMES": 0,
    "NEWSCRAWL_MAX_LINKS_PER_PAGE": 0,
    "NEWSCRAWL_BRANCH_ERRORS": 0,
    "NEWSCRAWL_SITE_ERRORS": 0,
    "NEWSCRAWL_RETRY_AFTER_TIMES": 0,
}
#: Settings in seconds and their smallest allowed value.
SECONDS: dict[str, float] = {
    "NEWSCRAWL_STORE_RETRY_DELAY": 0.0,
    "NEWSCRAWL_SQLITE_BUSY_TIMEOUT": 0.0,
}
BOOLEANS = ("NEWSCRAWL_INCREMENTAL", "NEWSCRAWL_PROGRESS", "NEWSCRAWL_ALLOW_PRIVATE")
AGES = ("NEWSCRAWL_REFRESH_AFTER", "NEWSCRAWL_SITE_TIME_BUDGET")


def check_settings(settings: BaseSettings) -> None:
    """Raise ``ValueError`` ("NAME: what is wrong") for the first bad ``NEWSCRAWL_*`` value."""
    for name, least in INTEGERS.items():
        value = _read(settings, name, settings.getint)
        if value < least:
            raise ValueError(f"{name} must be at least {least}, not {value}")
    for name, lowest in SECONDS.items():
        seconds = _read(settings, name, settings.getfloat)
        if seconds < lowest:
            raise ValueError(f"{name} must be at least {lowest:g} seconds, not {seconds:g}")
    for name in BOOLEANS:
        _read(settings, name, settings.getbool)
    for name in AGES:
        _read(settings, name, lambda key: parse_age(settings.get(key) or None))
    _read(settings, "NEWSCRAWL_SINCE", lambda key: parse_since(settings.get(key) or None))
    if _read(settings, "NEWSCRAWL_RETRY_AFTER_MAX", settings.getfloat) < 0:
        raise ValueError("NEWSCRAWL_RETRY_AFTER_MAX must be at least 0")
    _read(
        settings,
        "NEWSCRAWL_FORBIDDEN_NETWORKS",
        lambda key: parse_networks(settings.getlist(key)),
    )
    NearDuplicateOptions.from_settings(settings)  # the pipeline's own reading


def _read(settings: BaseSettings, name: str, read: Callable[[str], Any]) -> Any:
    try:
        return read(name)
    except ValueError as exc:
        raise ValueError(f"{name}: {exc}") from exc
