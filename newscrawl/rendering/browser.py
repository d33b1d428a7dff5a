"""Find the Chromium that renders pages, and the options it is launched with.

Playwright cannot download its own browsers on our machines; Debian's package
(``apt-get install -y chromium``) is used instead. Order of search: the
``NEWSCRAWL_CHROMIUM_PATH`` setting, Debian's real binary, then the usual
names on ``PATH``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

#: Debian's real binary first: /usr/bin/chromium is a shell wrapper that prints noise.
KNOWN_PATHS = ("/usr/lib/chromium/chromium", "/usr/bin/chromium")
PATH_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

#: Flags that keep a headless Chromium quiet and working offline, as root, without a GPU.
LAUNCH_ARGS = (
    "--no-sandbox",  # we often run as root, where the sandbox refuses to start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",  # containers have a small /dev/shm
)

INSTALL_HINT = (
    "install Debian's Chromium (`apt-get install -y chromium`, or `make chromium`) "
    "or point NEWSCRAWL_CHROMIUM_PATH at a Chromium or Chrome binary"
)


class BrowserNotFound(FileNotFoundError):
    """No Chromium to render pages with; the message says how to get one."""


def find_chromium(configured: str | None = None) -> str:
    """The path of a runnable Chromium, or :class:`BrowserNotFound`.

    A ``configured`` path (the ``NEWSCRAWL_CHROMIUM_PATH`` setting) must work
    when given: falling back silently would hide a typo.
    """
    if configured:
        path = Path(configured).expanduser()
        if path.is_dir() or not os.access(path, os.X_OK):
            raise BrowserNotFound(
                f"NEWSCRAWL_CHROMIUM_PATH={configured!r} is not an executable file; {INSTALL_HINT}"
            )
        return str(path)
    for candidate in KNOWN_PATHS:
        if os.access(candidate, os.X_OK) and not Path(candidate).is_dir():
            return candidate
    for name in PATH_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserNotFound(f"no Chromium found to render JavaScript pages; {INSTALL_HINT}")


def launch_options(executable: str, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Playwright ``launch()`` keyword arguments for ``executable``.

    ``extra`` (the ``PLAYWRIGHT_LAUNCH_OPTIONS`` setting) wins, except that its
    ``args`` are added to ours rather than replacing them.
    """
    options: dict[str, Any] = {"headless": True, "executable_path": executable}
    extra = dict(extra or {})
    args = list(LAUNCH_ARGS) + [a for a in extra.pop("args", []) if a not in LAUNCH_ARGS]
    options.update(extra)
    options["args"] = args
    return options
