"""What a rendered page does before its HTML is taken: settle, click "Load more", scroll.

The work runs inside the page as one ``page.evaluate`` call (a scrapy-playwright
``PageMethod``), so a page costs one round trip to the browser, not one per click.

- *settle*: wait until the page stops changing (no DOM mutation for a short quiet
  spell, bounded), so lists and bodies that script fetches after ``load`` are there;
- *load more* (listings only): click a button or script link whose text says "load
  more", "more news", "show more" (several languages) until no new link appears or
  ``max_clicks`` is reached; with no such button, scroll to the bottom for infinite
  scroll, with the same stop rule. Links with a real ``href`` are never clicked: they
  would navigate away, and the spider follows them as next pages anyway.

Articles are only settled, never scrolled: infinite-scroll article pages append the
next story, which would glue two articles into one page.
"""

from __future__ import annotations

import logging
from typing import Any

from playwright.async_api import Error as PlaywrightError
from scrapy_playwright.page import PageMethod

logger = logging.getLogger(__name__)

#: Resource types a rendered page never downloads: nothing in them is text we read.
ABORTED_RESOURCE_TYPES = frozenset({"image", "font", "media"})

#: A page is settled when no script request is in flight and the DOM has not changed
#: for this long (ms) ...
QUIET_MS = 250
#: ... or after this long at most (ms), for pages with tickers that never stop.
SETTLE_MAX_MS = 5000

#: Button texts that load more items; matched case-blind as a JavaScript RegExp.
LOAD_MORE_PATTERN = (
    r"^\s*(?:(?:load|show|view|see|read)\s+more|more\s+(?:news|stories|articles|posts|headlines)"
    r"|older\s+(?:news|stories|articles|posts)|mehr\s+(?:laden|anzeigen|nachrichten|artikel)"
    r"|weitere\s+(?:artikel|nachrichten|laden)|cargar\s+m[aá]s|ver\s+m[aá]s|m[aá]s\s+noticias"
    r"|charger\s+plus|voir\s+plus|plus\s+d'articles|carica\s+altr[ie]|mostra\s+altr[ie]"
    r"|більше\s+новин|завантажити\s+(?:ще|більше)|показати\s+більше|ще\s+новини"
    r"|больше\s+новостей|показать\s+(?:ещё|еще)|загрузить\s+(?:ещё|еще)|pokaż\s+więcej"
    r"|więcej\s+wiadomości|załaduj\s+więcej)[\s.…\u203a\u00bb>+]*$"
)

#: Installed before any script of the page runs: counts fetch/XHR requests in flight,
#: so that settling waits for data a page asked for, not only for a quiet DOM.
REQUEST_TRACKER_JS = """
(() => {
  window.__newscrawlPending = 0;
  const done = () => { window.__newscrawlPending -= 1; };
  if (window.fetch) {
    const originalFetch = window.fetch;
    window.fetch = function (...args) {
      window.__newscrawlPending += 1;
      return originalFetch.apply(this, args).finally(done);
    };
  }
  if (window.XMLHttpRequest) {
    const originalSend = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (...args) {
      window.__newscrawlPending += 1;
      this.addEventListener("loadend", done, {once: true});
      return originalSend.apply(this, args);
    };
  }
})();
"""

#: One async function run in the page; returns what it did (logged at debug level).
SETTLE_AND_EXPAND_JS = """
async ([maxClicks, expand, quietMs, maxMs, pattern]) => {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const settle = async () => {
    const start = Date.now();
    let last = start;
    const observer = new MutationObserver(() => { last = Date.now(); });
    const watch = {childList: true, subtree: true, characterData: true};
    observer.observe(document.documentElement, watch);
    try {
      while (Date.now() - start < maxMs) {
        await sleep(50);
        if ((window.__newscrawlPending || 0) > 0) last = Date.now();
        if (Date.now() - last >= quietMs) break;
      }
    } finally {
      observer.disconnect();
    }
  };
  const linkCount = () => {
    const hrefs = Array.from(document.querySelectorAll("a[href]"), (a) => a.href);
    return new Set(hrefs).size;
  };
  const wording = new RegExp(pattern, "i");
  const navigates = (el) => {
    // A submit button posts its form: that leaves the page as surely as a link does.
    if (el.form && (el.getAttribute("type") || "submit").toLowerCase() === "submit") return true;
    if (el.tagName !== "A") return false;
    const href = (el.getAttribute("href") || "").trim();
    return href !== "" && !href.startsWith("#") && !href.toLowerCase().startsWith("javascript:");
  };
  const visible = (el) => !el.disabled && !el.hidden && el.getClientRects().length > 0;
  const label = (el) => (el.innerText || el.value || "").trim();
  const findButton = () => Array.from(
    document.querySelectorAll("button, a, [role=button], input[type=button]")
  ).find((el) => visible(el) && !navigates(el) && wording.test(label(el)));
  const scrollable = () => {
    const bottom = window.innerHeight + window.scrollY;
    return document.documentElement.scrollHeight > bottom + 10;
  };

  await settle();
  let clicks = 0, scrolls = 0;
  while (expand && clicks + scrolls < maxClicks) {
    const before = linkCount();
    const button = findButton();
    if (button) {
      button.click();
      clicks += 1;
    } else if (scrollable()) {
      window.scrollTo(0, document.documentElement.scrollHeight);
      scrolls += 1;
    } else {
      break;
    }
    await settle();
    if (linkCount() <= before) break;
  }
  return {clicks, scrolls, links: linkCount()};
}
"""


async def install_request_tracker(page: Any, request: Any) -> None:
    """``playwright_page_init_callback``: add :data:`REQUEST_TRACKER_JS` to a new page."""
    await page.add_init_script(REQUEST_TRACKER_JS)


async def settle_and_expand(page: Any, max_clicks: int, expand: bool) -> dict[str, Any] | None:
    """Run :data:`SETTLE_AND_EXPAND_JS` in ``page``; a script error keeps what was rendered.

    A click can still navigate away or a page script can break the evaluation; the
    page as it stands is then worth more than a failed request.
    """
    try:
        result: dict[str, Any] = await page.evaluate(
            SETTLE_AND_EXPAND_JS, [max_clicks, expand, QUIET_MS, SETTLE_MAX_MS, LOAD_MORE_PATTERN]
        )
    except PlaywrightError as exc:
        logger.debug("Settling %s failed: %s", page.url, exc)
        return None
    logger.debug("Rendered %s: %s", page.url, result)
    return result


def page_methods(*, expand: bool, max_clicks: int) -> list[PageMethod]:
    """The page methods of a rendered request: settle, and for listings expand."""
    return [PageMethod(settle_and_expand, max_clicks, expand)]


def should_abort_request(request: Any) -> bool:
    """``PLAYWRIGHT_ABORT_REQUEST``: skip images, fonts and media in rendered pages."""
    return str(request.resource_type) in ABORTED_RESOURCE_TYPES
