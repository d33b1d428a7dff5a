"""Serve a static site directory with nginx on a free 127.0.0.1 port.

    with Nginx(Path("/tmp/newscrawl-bench/2000")) as site:
        site.url   # 'http://127.0.0.1:40123/'

Python's http.server would be the bottleneck of a throughput benchmark; nginx
with sendfile, one worker process (the crawler gets the other core) and no
access log is not. Debian's nginx is installed (``apt-get install -y nginx``,
as root) when missing. ``{{ORIGIN}}`` in feeds, sitemaps and robots.txt becomes
``http://127.0.0.1:PORT`` (``sub_filter``; HTML pages are sent untouched).

    .venv/bin/python bench/nginx.py DIR     # serve DIR until Ctrl-C
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

CONFIG = """\
worker_processes 1;
daemon off;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    types {{
        text/html html;
        application/xml xml;
        application/rss+xml rss;
        text/plain txt;
        image/jpeg jpg;
    }}
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        index index.html;
        location / {{ try_files $uri $uri/ =404; }}
        location ~ \\.(xml|txt)$ {{
            sub_filter_types application/xml application/rss+xml text/plain;
            sub_filter_once off;
            sub_filter "{{{{ORIGIN}}}}" "http://$http_host";
        }}
    }}
}}
"""


def nginx_binary() -> str:
    """nginx's path, installing Debian's package first when it is missing."""
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    if os.path.exists(found):
        return found
    if os.geteuid() != 0:
        raise SystemExit("nginx is not installed: run `apt-get install -y nginx` as root")
    print("installing nginx (apt-get install -y nginx)", file=sys.stderr)
    subprocess.run(
        ["apt-get", "install", "-y", "nginx"],
        check=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        stdout=subprocess.DEVNULL,
    )
    return shutil.which("nginx") or "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Nginx:
    """An nginx process serving ``root``; :meth:`stop` (or the ``with`` block) ends it."""

    def __init__(self, root: Path, port: int = 0) -> None:
        self.root = Path(root).resolve()
        self.port = port or free_port()
        self.run_dir = Path(tempfile.mkdtemp(prefix="newscrawl-nginx-"))
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self) -> Nginx:
        config = self.run_dir / "nginx.conf"
        config.write_text(CONFIG.format(run=self.run_dir, port=self.port, root=self.root))
        self.process = subprocess.Popen(
            [nginx_binary(), "-c", str(config), "-p", str(self.run_dir)],
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode() if self.process.stderr else ""
                raise RuntimeError(f"nginx exited: {error}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("nginx did not start listening within 10 s")

    def cpu_seconds(self) -> float:
        """CPU time of the nginx processes so far (master and worker), from /proc."""
        total = 0.0
        tick = os.sysconf("SC_CLK_TCK")
        pids = [self.pid, *_children(self.pid)]
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick
        return total

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # graceful: workers finish, then exit
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process is not None and self.process.stderr is not None:
            self.process.stderr.close()
        shutil.rmtree(self.run_dir, ignore_errors=True)

    def __enter__(self) -> Nginx:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    with Nginx(root) as site:
        print(f"serving {site.root} at {site.url} (Ctrl-C stops)")
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()


if __name__ == "__main__":
    main()
