"""A news site built to break crawlers, served on 127.0.0.1 for tests.

:class:`HostileServer` serves seven good articles (tests/data/hostile/articles.toml,
original text, JSON-LD NewsArticle, 150+ words), some of them served badly on
purpose (a wrong charset header, invalid UTF-8 bytes, broken JSON-LD, a 503 with
``Retry-After`` three times before the page), and, around them, every trap in
:data:`TRAPS`: a gzip bomb, a 100 MB page without Content-Length, XML entity bombs
in a feed and a sitemap, a PDF, a PNG and a zip served as ``text/html``, an endless
redirect chain with a new URL each hop, a calendar and a ``?page=N`` trap, 500 and
503 answers with ``Retry-After``, a response that stalls mid-body and one that is
cut short, a 1 byte/second trickle, a page of 20,000 links to 404s, HTML nested
10,000 levels deep, links with non-http(s) schemes and redirects to a private
address and to ``file://``.

Every request path is recorded in ``server.requests``. Slow routes (stall,
trickle, endless) give up when the client hangs up or the server stops, so
a stopped server leaves no busy thread behind.

Run it by hand to point a crawler at it::

    python -m tests.hostile            # prints the URL, serves until Ctrl-C
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

# The pages, and the table of traps the tests check against, live in hostile_pages.
from tests.hostile_pages import (
    DEAD_LINKS,
    NESTING,
    NON_HTTP_LINKS,
    TRAPS,
    article_html,
    bad_bytes,
    dead_links_page,
    deep_page,
    entity_bomb,
    feed_bomb,
    feed_xml,
    front_page,
    good_paths,
    gzip_bomb,
    listing_page,
    load_articles,
    pdf_bytes,
    png_bytes,
    sitemap_bomb,
    sitemap_xml,
    zip_bytes,
)

__all__ = [
    "DEAD_LINKS",
    "NESTING",
    "NON_HTTP_LINKS",
    "TRAPS",
    "HostileServer",
    "PrivateServer",
    "deep_page",
    "entity_bomb",
    "good_paths",
    "pdf_bytes",
    "png_bytes",
    "zip_bytes",
]


class _QuietServer(ThreadingHTTPServer):
    """No traceback on stderr when a crawler hangs up mid-answer: it is meant to."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass


class HostileServer:
    """Serve the hostile site on ``host:port`` (0: a free port) in a thread.

    ``bomb_size``: bytes the gzip bomb inflates to; ``endless_size``: bytes the
    page without Content-Length would send; ``private_url``: where
    ``/news/redirect-to-private/`` sends the crawler; ``busy_failures``: 503s the
    busy article answers before the page; ``stall_seconds``: how long the stalled
    and trickling routes hold on at most; ``robots_sitemaps``: robots.txt names the
    sitemaps (off: a crawl that starts at one trap stays there).
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        bomb_size: int = 256 * 1024 * 1024,
        endless_size: int = 100 * 1000 * 1000,
        private_url: str | None = None,
        busy_failures: int = 3,
        stall_seconds: float = 120.0,
        robots_sitemaps: bool = True,
    ) -> None:
        self.bomb_size = bomb_size
        self.endless_size = endless_size
        self.private_url = private_url
        self.busy_failures = busy_failures
        self.stall_seconds = stall_seconds
        self.robots_sitemaps = robots_sitemaps
        self.articles = load_articles()
        self.requests: list[str] = []
        self.endless_bytes_sent = 0
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._httpd = _QuietServer((host, port), _handler(self))
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/"

    @property
    def origin(self) -> str:
        return self.url.rstrip("/")

    def start(self) -> HostileServer:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> HostileServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def record(self, path: str) -> int:
        """Record a request; returns how many times this path was asked for so far."""
        with self._lock:
            self.requests.append(path)
            return self.requests.count(path)

    def counts(self) -> Counter[str]:
        with self._lock:
            return Counter(self.requests)


class PrivateServer:
    """A server on another loopback address (127.0.0.2) that must never be reached."""

    def __init__(self, host: str = "127.0.0.2") -> None:
        self.requests: list[str] = []
        requests = self.requests

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                requests.append(self.path)
                body = b"<html><body><p>internal secrets</p></body></html>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._httpd = _QuietServer((host, 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/"

    def __enter__(self) -> PrivateServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


# --- the handler --------------------------------------------------------------------


def _handler(site: HostileServer) -> type[BaseHTTPRequestHandler]:
    articles = {f"/{a['slug']}/": a for a in site.articles}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            times = site.record(self.path)
            parts = urlsplit(self.path)
            path = parts.path
            try:
                if path in articles:
                    self._article(articles[path], times)
                elif path in routes:
                    routes[path](self)
                elif path.startswith("/news/moved-"):
                    hop = int(path.removeprefix("/news/moved-").strip("/") or 0)
                    self._redirect(f"/news/moved-{hop + 1}/")
                elif path.startswith("/calendar/"):
                    self._calendar(path)
                elif path == "/archive/":
                    page = int(parse_qs(parts.query).get("page", ["1"])[0])
                    self._archive(page)
                else:
                    self._send(404, "text/html", b"<html><body>Not found</body></html>")
            except (BrokenPipeError, ConnectionResetError):
                pass  # the crawler hung up: what it should do with most of these

        # --- helpers ---

        def _send(self, status: int, ctype: str, body: bytes, **headers: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(body)

        def _html(self, html: str) -> None:
            self._send(200, "text/html; charset=utf-8", html.encode("utf-8"))

        def _redirect(self, location: str) -> None:
            self.send_response(302)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _article(self, article: dict[str, Any], times: int) -> None:
            serve = article["serve"]
            html = article_html(article, site.origin)
            if serve == "latin1_header":
                self._send(200, "text/html; charset=iso-8859-1", html.encode("utf-8"))
            elif serve == "bad_bytes":
                self._send(200, "text/html; charset=utf-8", bad_bytes(html))
            elif serve == "broken_jsonld":
                broken = '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": '
                self._html(article_html(article, site.origin, jsonld=broken))
            elif serve == "busy" and times <= site.busy_failures:
                self._send(503, "text/html", b"<p>Too busy, come back soon</p>", Retry_After="1")
            else:
                self._html(html)

        def _calendar(self, path: str) -> None:
            # /calendar/YYYY/MM/: every month links the next and the one before, forever.
            bits = [b for b in path.split("/") if b.isdigit()]
            year, month = (int(bits[0]), int(bits[1])) if len(bits) >= 2 else (2025, 3)
            nxt = (year + month // 12, month % 12 + 1)
            prev = (year - (month == 1), 12 if month == 1 else month - 1)
            links = [(f"/calendar/{prev[0]}/{prev[1]:02d}/", "Previous month")]
            self._html(
                listing_page(
                    f"Events in {year}-{month:02d}", links, f"/calendar/{nxt[0]}/{nxt[1]:02d}/"
                )
            )

        def _archive(self, page: int) -> None:
            # ?page=N: every page shows the same three stories and links page N+1.
            links = [(f"/{a['slug']}/", a["title"]) for a in site.articles[:3]]
            self._html(listing_page(f"Archive, page {page}", links, f"/archive/?page={page + 1}"))

    def robots(h: Any) -> None:
        text = "User-agent: *\nAllow: /\n"
        if site.robots_sitemaps:
            text += f"Sitemap: {site.origin}/sitemap.xml\nSitemap: {site.origin}/sitemap-bomb.xml\n"
        h._send(200, "text/plain", text.encode())

    def endless(h: Any) -> None:
        # HTTP/1.0 without Content-Length: the body ends when the connection closes.
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.end_headers()
        h.wfile.write(b"<!DOCTYPE html><html><head><title>Endless</title></head><body>")
        chunk = b"<p>" + b"more words " * 6000 + b"</p>\n"
        sent = 0
        while sent < site.endless_size and not site.stopping.is_set():
            h.wfile.write(chunk)
            sent += len(chunk)
            site.endless_bytes_sent += len(chunk)

    def stall(h: Any, cut: bool = False) -> None:
        body = article_html(site.articles[0], site.origin).encode()
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.send_header("Content-Length", str(len(body) + 20_000))
        h.end_headers()
        h.wfile.write(body[:1000])
        h.wfile.flush()
        if not cut:
            site.stopping.wait(site.stall_seconds)

    def trickle(h: Any) -> None:
        body = article_html(site.articles[1], site.origin).encode()
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        deadline = time.monotonic() + site.stall_seconds
        for byte in body:
            if site.stopping.wait(1.0) or time.monotonic() > deadline:
                return
            h.wfile.write(bytes([byte]))
            h.wfile.flush()

    def private(h: Any) -> None:
        if site.private_url:
            h._redirect(site.private_url + "secret/")
        else:
            h._send(404, "text/html", b"no private server")

    routes: dict[str, Callable[[Any], None]] = {
        "/": lambda h: h._html(front_page(site)),
        "/robots.txt": robots,
        "/feed.xml": lambda h: h._send(200, "application/rss+xml", feed_xml(site).encode()),
        "/feed-bomb.xml": lambda h: h._send(200, "application/rss+xml", feed_bomb(site).encode()),
        "/sitemap.xml": lambda h: h._send(200, "application/xml", sitemap_xml(site).encode()),
        "/sitemap-bomb.xml": lambda h: h._send(200, "application/xml", sitemap_bomb(site).encode()),
        "/news/gzip-bomb-front-page/": lambda h: h._send(
            200, "text/html", gzip_bomb(site.bomb_size), Content_Encoding="gzip"
        ),
        "/news/endless-page-without-length/": endless,
        "/news/annual-report-pdf/": lambda h: h._send(200, "text/html", pdf_bytes()),
        "/news/photo-of-the-day/": lambda h: h._send(200, "text/html", png_bytes()),
        "/news/archive-download/": lambda h: h._send(200, "text/html", zip_bytes(site)),
        "/news/stalled-story/": stall,
        "/news/cut-short-story/": lambda h: stall(h, cut=True),
        "/news/slow-trickle-story/": trickle,
        "/news/server-error-story/": lambda h: h._send(
            500, "text/html", b"<p>Internal error</p>", Retry_After="1"
        ),
        "/news/come-back-tomorrow-story/": lambda h: h._send(
            503, "text/html", b"<p>Maintenance</p>", Retry_After="86400"
        ),
        "/dead-links/": lambda h: h._html(dead_links_page()),
        "/news/deeply-nested-page/": lambda h: h._html(deep_page()),
        "/news/redirect-to-private/": private,
        "/news/redirect-to-file/": lambda h: h._redirect("file:///etc/passwd"),
    }
    return Handler


if __name__ == "__main__":
    with HostileServer(port=8765) as server:
        print(f"hostile site at {server.url} (Ctrl-C to stop)")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
