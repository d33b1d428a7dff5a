"""The in-page work of a rendered request, in real Chromium: settle, "Load more", scroll."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import async_playwright
from render_support import require_chromium

from newscrawl.devserver import SiteServer
from newscrawl.rendering.browser import launch_options
from newscrawl.rendering.pages import install_request_tracker, settle_and_expand

pytestmark = pytest.mark.browser

PAGER_JS = """
let page = 1;
async function more() {
  const data = await (await fetch("/api/page-" + page + ".json")).json();
  page += 1;
  for (const url of data.items) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = url; a.textContent = url;
    li.style.minHeight = "400px"; li.style.display = "block";
    li.appendChild(a); document.getElementById("list").appendChild(li);
  }
  return data.more;
}
"""


def _site(root: Path, body: str, pages: int = 3) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "api").mkdir(exist_ok=True)
    for number in range(1, pages + 1):
        items = [f"/news/story-{number}-{i}-with-a-long-slug" for i in range(3)]
        data = {"items": items, "more": number < pages}
        (root / "api" / f"page-{number}.json").write_text(json.dumps(data), encoding="utf-8")
    html = f"<!DOCTYPE html><html><body><ul id='list'></ul><script>{PAGER_JS}</script>{body}"
    (root / "index.html").write_text(html + "</body></html>", encoding="utf-8")
    return root


def _render(site: Path, *, expand: bool, max_clicks: int = 10) -> tuple[Any, list[str], str]:
    executable = require_chromium()

    async def run() -> tuple[Any, list[str], str]:
        with SiteServer(site) as server:
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(**launch_options(executable))
                try:
                    page = await browser.new_page()
                    await install_request_tracker(page, None)
                    await page.goto(server.url)
                    result = await settle_and_expand(page, max_clicks, expand)
                    hrefs = await page.eval_on_selector_all(
                        "#list a", "(links) => links.map((a) => a.getAttribute('href'))"
                    )
                    url = page.url
                    await page.close()
                finally:
                    await browser.close()
        return result, hrefs, url

    return asyncio.run(run())


BUTTON = """
<form action="/subscribe"><button>Load more</button></form>
<button id="more" type="button">Mehr laden</button>
<script>
document.getElementById("more").addEventListener("click", async (event) => {
  if (!(await more())) event.target.remove();
});
more();
</script>
"""

SCROLL = """
<script>
let loading = false, left = true;
window.addEventListener("scroll", async () => {
  const bottom = window.innerHeight + window.scrollY;
  if (left && !loading && bottom >= document.documentElement.scrollHeight - 100) {
    loading = true; left = await more(); loading = false;
  }
});
more();
</script>
"""


def test_load_more_is_clicked_until_it_is_gone(tmp_path: Path) -> None:
    result, hrefs, url = _render(_site(tmp_path / "button", BUTTON, pages=4), expand=True)
    assert len(hrefs) == 12  # the first page by itself, three more by clicking
    assert result["clicks"] == 3
    assert url.endswith("/")  # the form's submit button was never pressed


def test_clicks_stop_at_the_maximum(tmp_path: Path) -> None:
    result, hrefs, _ = _render(_site(tmp_path / "max", BUTTON, pages=6), expand=True, max_clicks=2)
    assert result["clicks"] == 2
    assert len(hrefs) == 9


def test_infinite_scroll_is_scrolled_until_nothing_new_comes(tmp_path: Path) -> None:
    result, hrefs, _ = _render(_site(tmp_path / "scroll", SCROLL, pages=4), expand=True)
    assert len(hrefs) == 12
    assert result["clicks"] == 0
    assert result["scrolls"] >= 3


def test_articles_only_settle(tmp_path: Path) -> None:
    result, hrefs, _ = _render(_site(tmp_path / "article", BUTTON, pages=4), expand=False)
    # The data fetched at load is there (settling waited for it); nothing was clicked.
    assert len(hrefs) == 3
    assert result["clicks"] == 0 and result["scrolls"] == 0
