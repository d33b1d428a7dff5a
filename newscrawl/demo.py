"""``newscrawl demo``: crawl the bundled fixture news sites, offline.

The demo sites are the project's test fixtures (``tests/sites``); a wheel
carries a copy as ``newscrawl/demo_sites``. Each is served on 127.0.0.1 at a
fixed port when it is free, so that re-running the demo finds the same URLs
and updates the same rows instead of adding new ones.
"""

from __future__ import annotations

import contextlib
import errno
import zlib
from collections.abc import Iterator
from pathlib import Path

from newscrawl.devserver import SiteServer

DEMO_PORT_BASE = 8700
DEMO_PORT_SPAN = 200
#: Demo sites whose pages are built by script: crawled only when a Chromium exists.
NEEDS_BROWSER = frozenset({"jsnews"})


def demo_sites_dir() -> Path:
    packaged = Path(__file__).parent / "demo_sites"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "tests" / "sites"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("the demo sites are missing from this installation")


def demo_site_names(root: Path | None = None) -> list[str]:
    root = root or demo_sites_dir()
    return sorted(p.name for p in root.iterdir() if p.is_dir() and (p / "index.html").is_file())


@contextlib.contextmanager
def serve_demo_sites(
    root: Path | None = None, skip: frozenset[str] = frozenset()
) -> Iterator[dict[str, SiteServer]]:
    """Serve every demo site but those in ``skip``; yields ``{name: server}``."""
    root = root or demo_sites_dir()
    servers: dict[str, SiteServer] = {}
    try:
        for name in demo_site_names(root):
            if name in skip:
                continue
            servers[name] = _start(root / name, demo_port(name))
        yield servers
    finally:
        for server in servers.values():
            server.stop()


def demo_port(name: str) -> int:
    """A port that depends on the site's name only, so adding a site moves no other."""
    return DEMO_PORT_BASE + zlib.crc32(name.encode()) % DEMO_PORT_SPAN


def _start(path: Path, port: int) -> SiteServer:
    try:
        return SiteServer(path, port=port).start()
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        return SiteServer(path, port=0).start()  # taken: any free port will do
