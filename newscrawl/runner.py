"""Run news crawls in this process (what ``newscrawl crawl`` and ``demo`` call)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings

from newscrawl.checks import check_settings
from newscrawl.locks import site_locks
from newscrawl.sites import ProfileError, available_profiles, load_profile


@dataclass
class CrawlTarget:
    """One crawl: start URLs, or a site profile."""

    start_urls: list[str] = field(default_factory=list)
    site: str | None = None
    site_name: str | None = None

    def lock_key(self) -> str:
        """What the per-site lock is named after: the profile, or the start URLs' host."""
        if self.site:
            return load_profile(self.site).name
        return self.site_name or urlsplit(self.start_urls[0]).netloc.lower()

    def spider_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        if self.start_urls:
            kwargs["start_urls"] = ",".join(self.start_urls)
        if self.site:
            kwargs["site"] = self.site
        if self.site_name:
            kwargs["site_name"] = self.site_name
        return kwargs


@dataclass
class CrawlResult:
    target: CrawlTarget
    stats: dict[str, Any]

    @property
    def finish_reason(self) -> str:
        return str(self.stats.get("finish_reason", "unknown"))

    @property
    def ok(self) -> bool:
        failed = int(self.stats.get("newscrawl/store/failed", 0))
        return self.finish_reason in {"finished", "closespider_itemcount"} and failed == 0

    def count(self, key: str) -> int:
        return int(self.stats.get(key, 0))


def targets_from_args(args: Sequence[str]) -> list[CrawlTarget]:
    """URLs become one crawl per host; other words are site profile names."""
    targets: list[CrawlTarget] = []
    urls: list[str] = []
    for arg in args:
        if arg.startswith(("http://", "https://")):
            urls.append(arg)
        elif arg.endswith(".toml") or arg in available_profiles():
            load_profile(arg)  # fail early with the profile's own message
            targets.append(CrawlTarget(site=arg))
        else:
            raise ProfileError(
                f"{arg!r} is neither an http(s) URL nor a site profile "
                f"(profiles: {', '.join(available_profiles()) or 'none'})"
            )
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(url.split("/")[2].lower(), []).append(url)
    targets[:0] = [CrawlTarget(start_urls=group) for group in by_host.values()]
    return targets


#: Extensions the settings turn off (REMOTE_CONTROL_ENABLED, TELNETCONSOLE_ENABLED).
LEFT_OUT_EXTENSIONS = (
    "scrapy.extensions.remote_control.RemoteControl",
    "scrapy.extensions.telnet.TelnetConsole",
)


def project_settings(overrides: Mapping[str, Any] | None = None) -> Settings:
    """newscrawl's settings module, plus ``overrides`` at command-line priority."""
    settings = Settings()
    settings.setmodule("newscrawl.settings", priority="project")
    # Scrapy imports every class of its base lists, enabled or not: the two
    # extensions newscrawl turns off go, and with them aiohttp's import (0.1 s).
    # Listing them in EXTENSIONS brings them back.
    base = settings.getdict("EXTENSIONS_BASE")
    for path in LEFT_OUT_EXTENSIONS:
        base.pop(path, None)
    settings.set("EXTENSIONS_BASE", base, priority="project")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def check_browser(targets: Sequence[CrawlTarget], settings: Settings) -> None:
    """Fail now, with the way out, rather than inside a crawl that must render."""
    from newscrawl.rendering.browser import find_chromium
    from newscrawl.rendering.middleware import render_mode

    for target in targets:
        profile = load_profile(target.site) if target.site else None
        if render_mode(settings, SimpleNamespace(profile=profile)) == "always":
            find_chromium(settings.get("NEWSCRAWL_CHROMIUM_PATH") or None)
            return


def check_database(settings: Settings) -> None:
    """Fail now, before any page is fetched, when the database cannot take articles."""
    from newscrawl.storage.engine import check_writable

    check_writable(
        settings.get("NEWSCRAWL_DATABASE_URL"),
        sqlite_busy_timeout=settings.getfloat("NEWSCRAWL_SQLITE_BUSY_TIMEOUT"),
    )


def run_crawls(
    targets: Sequence[CrawlTarget], overrides: Mapping[str, Any] | None = None
) -> list[CrawlResult]:
    """Crawl every target at once in this process; blocks until all are done.

    Raises ``ValueError`` for a bad ``NEWSCRAWL_*`` setting,
    :class:`~newscrawl.rendering.browser.BrowserNotFound` (a FileNotFoundError)
    when a crawl must render and no browser exists, and the driver's
    ``SQLAlchemyError`` when the database cannot be reached or written, all
    before crawling.
    """
    settings = project_settings(overrides)
    check_settings(settings)
    check_browser(targets, settings)
    check_database(settings)
    with site_locks(Path(settings.get("NEWSCRAWL_LOCK_DIR")), (t.lock_key() for t in targets)):
        return _run(targets, settings)


def _run(targets: Sequence[CrawlTarget], settings: Settings) -> list[CrawlResult]:
    process = CrawlerProcess(settings)
    crawlers: list[tuple[CrawlTarget, Crawler]] = []
    for target in targets:
        crawler = process.create_crawler("news")
        crawlers.append((target, crawler))
        process.crawl(crawler, **target.spider_kwargs())
    process.start()
    return [
        CrawlResult(target, dict(crawler.stats.get_stats()) if crawler.stats else {})
        for target, crawler in crawlers
    ]
