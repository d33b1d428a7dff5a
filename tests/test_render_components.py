"""Browser discovery, render mode and RenderMiddleware's decisions (no browser started)."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from types import SimpleNamespace

import pytest
import scrapy
from render_support import require_chromium
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse, Request, TextResponse
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler
from scrapy_playwright.page import PageMethod

from newscrawl.rendering.browser import (
    LAUNCH_ARGS,
    BrowserNotFound,
    find_chromium,
    launch_options,
)
from newscrawl.rendering.middleware import (
    PROBE_META,
    STATIC_CONFIDENCE,
    USELESS_PROBES_LIMIT,
    RenderMiddleware,
    render_mode,
)
from newscrawl.rendering.pages import (
    LOAD_MORE_PATTERN,
    settle_and_expand,
    should_abort_request,
)
from newscrawl.sites import SiteProfile

SITES = Path(__file__).parent / "sites"
ORIGIN = "http://127.0.0.1:8000"


class _Spider(scrapy.Spider):
    name = "render-test"


def _crawler(settings: dict[str, object], profile: SiteProfile | None = None) -> Crawler:
    crawler = get_crawler(_Spider, {"TWISTED_REACTOR": None, **settings})
    crawler.spider = _Spider()
    crawler.spider.profile = profile  # type: ignore[attr-defined]
    return crawler


def _middleware(mode: str = "auto") -> RenderMiddleware:
    return RenderMiddleware(mode, get_crawler(_Spider).stats, max_clicks=7)  # type: ignore[arg-type]


def _site_page(site: str, rel: str) -> str:
    text = (SITES / site / rel).read_text(encoding="utf-8")
    return text.replace("{{ORIGIN}}", ORIGIN)


def _response(request: Request, html: str) -> HtmlResponse:
    return HtmlResponse(request.url, body=html.encode("utf-8"), encoding="utf-8", request=request)


def _rendered_listing(request: Request) -> HtmlResponse:
    links = "".join(
        f"<li><a href='/story/a-long-story-slug-number-{i}'>Story number {i}</a></li>"
        for i in range(8)
    )
    return _response(request, f"<html><body><main id='app'><ul>{links}</ul></main></body></html>")


def _stat(mw: RenderMiddleware, key: str) -> int:
    return int(mw.stats.get_value(f"newscrawl/render/{key}", 0))


# --- browser discovery ---------------------------------------------------------------


def test_bad_configured_path_is_a_clear_error(tmp_path: Path) -> None:
    not_executable = tmp_path / "chromium"
    not_executable.write_text("#!/bin/sh\n")
    for bad in ("/nonexistent/chromium", str(tmp_path), str(not_executable)):
        with pytest.raises(BrowserNotFound) as info:
            find_chromium(bad)
        message = str(info.value)
        assert "NEWSCRAWL_CHROMIUM_PATH" in message
        assert "apt-get install -y chromium" in message


def test_configured_path_wins(tmp_path: Path) -> None:
    browser = tmp_path / "my-chrome"
    browser.write_text("#!/bin/sh\n")
    browser.chmod(browser.stat().st_mode | stat.S_IXUSR)
    assert find_chromium(str(browser)) == str(browser)


def test_no_browser_anywhere_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # An empty PATH and no Debian binary: what a machine without Chromium looks like.
    monkeypatch.setattr("newscrawl.rendering.browser.KNOWN_PATHS", ())
    monkeypatch.setenv("PATH", "")
    with pytest.raises(BrowserNotFound, match="apt-get install -y chromium"):
        find_chromium(None)


@pytest.mark.browser
def test_system_chromium_is_found() -> None:
    path = require_chromium()
    assert os.access(path, os.X_OK)
    assert find_chromium(None) == path


def test_launch_options_keep_our_flags_and_add_the_users() -> None:
    options = launch_options("/opt/chrome", {"args": ["--lang=de", "--no-sandbox"], "slow_mo": 5})
    assert options["executable_path"] == "/opt/chrome"
    assert options["headless"] is True
    assert options["slow_mo"] == 5
    assert options["args"][: len(LAUNCH_ARGS)] == list(LAUNCH_ARGS)
    assert options["args"].count("--no-sandbox") == 1
    assert "--lang=de" in options["args"]
    for flag in ("--no-sandbox", "--disable-gpu", "--disable-background-networking"):
        assert flag in options["args"]


def test_images_fonts_and_media_are_aborted() -> None:
    for kind, aborted in [
        ("image", True),
        ("font", True),
        ("media", True),
        ("document", False),
        ("script", False),
        ("fetch", False),
        ("xhr", False),
        ("stylesheet", False),
    ]:
        assert should_abort_request(SimpleNamespace(resource_type=kind)) is aborted


# --- mode ------------------------------------------------------------------------------


def test_render_mode_precedence() -> None:
    settings = Settings({"NEWSCRAWL_RENDER": "auto"}, priority="project")
    plain = SimpleNamespace()
    always = SimpleNamespace(profile=SiteProfile(name="x", render="always"))
    unset = SimpleNamespace(profile=SiteProfile(name="y"))
    assert render_mode(settings, plain) == "auto"
    assert render_mode(settings, unset) == "auto"  # a profile without `render` defers
    assert render_mode(settings, always) == "always"
    settings.set("NEWSCRAWL_RENDER", "never", priority="cmdline")
    assert render_mode(settings, always) == "never"
    with pytest.raises(ValueError, match="NEWSCRAWL_RENDER"):
        render_mode(Settings({"NEWSCRAWL_RENDER": "sometimes"}), plain)


def test_never_turns_the_middleware_off() -> None:
    with pytest.raises(NotConfigured):
        RenderMiddleware.from_crawler(_crawler({"NEWSCRAWL_RENDER": "never"}))
    profile = SiteProfile(name="static-site", render="never")
    with pytest.raises(NotConfigured):
        RenderMiddleware.from_crawler(_crawler({}, profile))


def test_always_without_a_browser_fails_before_crawling() -> None:
    crawler = _crawler({"NEWSCRAWL_RENDER": "always", "NEWSCRAWL_CHROMIUM_PATH": "/nope/chrome"})
    with pytest.raises(BrowserNotFound, match="NEWSCRAWL_CHROMIUM_PATH"):
        RenderMiddleware.from_crawler(crawler)


def test_auto_without_a_browser_keeps_crawling_statically() -> None:
    crawler = _crawler({"NEWSCRAWL_RENDER": "auto", "NEWSCRAWL_CHROMIUM_PATH": "/nope/chrome"})
    mw = RenderMiddleware.from_crawler(crawler)
    request = Request(f"{ORIGIN}/")
    response = _response(request, _site_page("jsnews", "index.html"))
    assert mw.process_response(request, response) is response
    assert _stat(mw, "unavailable") == 1
    assert _stat(mw, "reason/app-shell") == 1


# --- decisions -------------------------------------------------------------------------


def test_always_marks_pages_but_not_data_files() -> None:
    mw = _middleware("always")
    page = Request(f"{ORIGIN}/news/", meta={"newscrawl": {"kind": "listing"}})
    article = Request(f"{ORIGIN}/story/a-long-story-slug", meta={"newscrawl": {"kind": "article"}})
    for request in (page, article):
        mw.process_request(request)
        assert request.meta["playwright"] is True
        assert request.meta["playwright_page_init_callback"]
        [method] = request.meta["playwright_page_methods"]
        assert isinstance(method, PageMethod)
        assert method.method is settle_and_expand
    # Listings are expanded ("Load more", scrolling); articles only settle.
    assert page.meta["playwright_page_methods"][0].args == (7, True)
    assert article.meta["playwright_page_methods"][0].args == (7, False)
    data = [
        Request(f"{ORIGIN}/robots.txt"),
        Request(f"{ORIGIN}/feed/", meta={"newscrawl": {"kind": "feed"}}),
        Request(f"{ORIGIN}/sitemap.xml", meta={"newscrawl": {"kind": "sitemap"}}),
        Request(f"{ORIGIN}/api/latest.json"),
    ]
    for request in data:
        mw.process_request(request)
        assert "playwright" not in request.meta


def test_auto_probes_a_shell_and_decides_per_host() -> None:
    mw = _middleware("auto")
    home = Request(f"{ORIGIN}/", meta={"newscrawl": {"kind": "listing"}})
    mw.process_request(home)
    assert "playwright" not in home.meta  # static first

    probe = mw.process_response(home, _response(home, _site_page("jsnews", "index.html")))
    assert isinstance(probe, Request)
    assert probe.meta["playwright"] is True and probe.dont_filter
    assert probe.meta[PROBE_META]["article_links"] == 0
    assert _stat(mw, "probes") == 1

    rendered = _rendered_listing(probe)
    assert mw.process_response(probe, rendered) is rendered
    assert _stat(mw, "decided_render") == 1
    assert _stat(mw, "rendered") == 1

    # Every later page of that host is rendered at once; other hosts are not.
    article = Request(f"{ORIGIN}/story/some-story", meta={"newscrawl": {"kind": "article"}})
    mw.process_request(article)
    assert article.meta.get("playwright") is True
    elsewhere = Request("http://127.0.0.2:8000/story/some-story")
    mw.process_request(elsewhere)
    assert "playwright" not in elsewhere.meta


def test_a_static_site_is_never_probed() -> None:
    mw = _middleware("auto")
    for rel in ("index.html", "news/index.html"):
        request = Request(f"{ORIGIN}/" + rel.removesuffix("index.html"))
        response = _response(request, _site_page("meridian", rel))
        assert mw.process_response(request, response) is response
    assert _stat(mw, "static") == 2
    assert _stat(mw, "probes") == 0


def test_probes_that_do_not_help_leave_the_host_static() -> None:
    mw = _middleware("auto")
    shell = _site_page("jsnews", "index.html")
    for _ in range(USELESS_PROBES_LIMIT):
        request = Request(f"{ORIGIN}/")
        probe = mw.process_response(request, _response(request, shell))
        assert isinstance(probe, Request)
        # The browser shows the same empty shell: rendering did not help.
        mw.process_response(probe, _response(probe, shell))
    assert _stat(mw, "useless_probes") == USELESS_PROBES_LIMIT
    assert _stat(mw, "decided_static") == 1
    request = Request(f"{ORIGIN}/")
    response = _response(request, shell)
    assert mw.process_response(request, response) is response


def test_many_fine_pages_stop_the_checks() -> None:
    mw = _middleware("auto")
    html = _site_page("meridian", "index.html")
    for _ in range(STATIC_CONFIDENCE):
        request = Request(f"{ORIGIN}/")
        mw.process_response(request, _response(request, html))
    assert _stat(mw, "decided_static") == 1
    request = Request(f"{ORIGIN}/")
    shell = _response(request, _site_page("jsnews", "index.html"))
    assert mw.process_response(request, shell) is shell


def test_non_html_and_error_responses_pass_through() -> None:
    mw = _middleware("auto")
    request = Request(f"{ORIGIN}/")
    text = TextResponse(request.url, body=b"{}", encoding="utf-8", request=request)
    assert mw.process_response(request, text) is text
    missing = HtmlResponse(request.url, status=404, body=b"<html></html>", request=request)
    assert mw.process_response(request, missing) is missing
    assert _stat(mw, "probes") == 0


@pytest.mark.parametrize(
    ("label", "clicked"),
    [
        ("Load more", True),
        ("More news", True),
        ("Show more \u203a", True),
        ("Mehr laden", True),
        ("Weitere Artikel", True),
        ("Cargar más", True),
        ("Voir plus", True),
        ("Показати більше", True),
        ("Загрузить ещё", True),
        ("Pokaż więcej", True),
        ("Load more comments", False),
        ("Subscribe", False),
        ("More", False),
    ],
)
def test_load_more_wording(label: str, clicked: bool) -> None:
    # The page script uses this pattern as a case-blind JavaScript RegExp; Python's
    # re reads this subset the same way.
    assert bool(re.search(LOAD_MORE_PATTERN, label, re.IGNORECASE)) is clicked
