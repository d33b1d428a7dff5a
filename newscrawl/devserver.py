"""A small static HTTP server for fixture and demo news sites, on 127.0.0.1.

It serves one site directory the way a real news site behaves, which
``http.server.SimpleHTTPRequestHandler`` does not:

- ``/a/b/`` and ``/a/b`` serve ``a/b/index.html``; ``/a/b.html`` serves the file;
- a query string selects a variant file when one exists (``/news/?page=2`` serves
  ``news/index@page=2.html``) and is otherwise ignored, as sites ignore ``utm_*``;
- ``_redirects.json`` at the site root maps paths to 301 targets, and
  ``_headers.json`` maps paths to extra response headers;
- the token ``{{ORIGIN}}`` in text files becomes ``http://HOST:PORT``, so sitemaps,
  feeds and canonical links can carry absolute URLs although the port is random;
- ETag and Last-Modified with 304 answers to conditional requests;
- every request path is recorded in ``server.requests`` so tests can assert
  what a crawl fetched (and that it never fetched a robots-disallowed path), and
  every User-Agent in ``server.user_agents``.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import threading
import time
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlsplit

_TYPES = {
    ".html": "text/html",
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".json": "application/json",
    ".txt": "text/plain",
    ".js": "application/javascript",
    ".css": "text/css",
    ".gz": "application/gzip",
}


_TEMPLATED = frozenset({".html", ".xml", ".rss", ".atom", ".json", ".txt"})


class SiteServer:
    """Serve ``root`` on ``host:port`` (port 0 picks a free one) in a thread.

    >>> with SiteServer(Path("tests/sites/harbour")) as site:   # doctest: +SKIP
    ...     site.url   # 'http://127.0.0.1:40123/'
    """

    def __init__(
        self, root: Path, host: str = "127.0.0.1", port: int = 0, delay: float = 0.0
    ) -> None:
        self.root = Path(root).resolve()
        if not self.root.is_dir():
            raise FileNotFoundError(f"site directory not found: {self.root}")
        self.delay = delay  # seconds each answer waits: a slow site, for tests
        self.requests: list[str] = []
        self.user_agents: set[str] = set()
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer((host, port), _make_handler(self))
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        return f"http://{host}:{port}/"

    def start(self) -> SiteServer:
        # A short poll interval: stop() waits for it, and tests start many servers.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def serve_forever(self) -> None:
        self._httpd.serve_forever()

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def record(self, path: str, user_agent: str | None = None) -> None:
        with self._lock:
            self.requests.append(path)
            if user_agent:
                self.user_agents.add(user_agent)

    def _json_table(self, name: str) -> dict[str, object]:
        path = self.root / name
        if not path.is_file():
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}

    def resolve(self, raw_path: str) -> Path | None:
        """The file that answers ``raw_path`` (path plus optional query)."""
        parts = urlsplit(raw_path)
        rel = unquote(parts.path).lstrip("/")
        candidates = [self.root / rel]
        if rel == "" or rel.endswith("/") or not Path(rel).suffix:
            candidates = [self.root / rel / "index.html", self.root / rel]
        for base in candidates:
            target = base.resolve()
            if self.root not in target.parents and target != self.root:
                return None  # path traversal
            if parts.query:
                variant = target.with_name(f"{target.stem}@{parts.query}{target.suffix}")
                if variant.is_file():
                    return variant
            if target.is_file():
                return target
        return None


def _make_handler(site: SiteServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "newscrawl-devserver/1"

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: tests read site.requests instead

        def do_HEAD(self) -> None:
            self._answer(send_body=False)

        def do_GET(self) -> None:
            self._answer(send_body=True)

        def _answer(self, send_body: bool) -> None:
            site.record(self.path, self.headers.get("User-Agent"))
            if site.delay:
                time.sleep(site.delay)
            path_only = urlsplit(self.path).path
            redirects = site._json_table("_redirects.json")
            if path_only in redirects:
                self.send_response(301)
                self.send_header("Location", str(redirects[path_only]))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            file = site.resolve(self.path)
            if file is None:
                body = b"<html><body><h1>Not found</h1></body></html>"
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if send_body:
                    self.wfile.write(body)
                return
            data = file.read_bytes()
            if file.suffix in _TEMPLATED:
                data = data.replace(b"{{ORIGIN}}", site.url.rstrip("/").encode("ascii"))
            etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
            mtime = file.stat().st_mtime
            if self._not_modified(etag, mtime):
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            headers = {
                "Content-Type": _content_type(file, data),
                "Content-Length": str(len(data)),
                "ETag": etag,
                "Last-Modified": formatdate(mtime, usegmt=True),
            }
            extra = site._json_table("_headers.json").get(path_only, {})
            if isinstance(extra, dict):  # replaces, not adds: one Content-Type only
                headers.update({str(k): str(v) for k, v in extra.items()})
            self.send_response(200)
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            if send_body:
                self.wfile.write(data)

        def _not_modified(self, etag: str, mtime: float) -> bool:
            inm = self.headers.get("If-None-Match")
            if inm is not None:
                return etag in [t.strip() for t in inm.split(",")]
            ims = self.headers.get("If-Modified-Since")
            if ims:
                try:
                    return int(mtime) <= parsedate_to_datetime(ims).timestamp()
                except (TypeError, ValueError):
                    return False
            return False

    return Handler


def _content_type(file: Path, data: bytes) -> str:
    ctype = _TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0]
    ctype = ctype or "application/octet-stream"
    if ctype.startswith("text/") or ctype.endswith(("xml", "json", "javascript")):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return ctype  # not UTF-8: the document declares its own charset
        return f"{ctype}; charset=utf-8"
    return ctype
