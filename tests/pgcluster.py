"""A private PostgreSQL server for tests that stop, restart or break it.

The machine's server at 127.0.0.1:5432 is shared with other developers' tests
and must never be stopped: a test that takes the database away starts its own
cluster (``initdb`` + ``pg_ctl``, as the ``postgres`` user) in a temporary
directory, on a free port, with password authentication, and removes it after.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from glob import glob
from pathlib import Path
from urllib.parse import quote

#: Password of the private server's ``postgres`` user: tests look for it in output.
PASSWORD = "pw-8Qx!ZUv#caution"


def find_bindir() -> Path | None:
    """Debian's PostgreSQL binaries, newest version first; None when not installed."""
    found = sorted(glob("/usr/lib/postgresql/*/bin/initdb"), key=_version, reverse=True)
    return Path(found[0]).parent if found else None


def why_not() -> str | None:
    """Why no private cluster can be started here, or None when one can."""
    if find_bindir() is None:
        return "PostgreSQL's initdb and pg_ctl are not installed (apt-get install postgresql)"
    if os.geteuid() != 0 and pwd.getpwuid(os.geteuid()).pw_name != "postgres":
        return "a private PostgreSQL cluster needs root or the postgres user"
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return "no postgres user to run a private PostgreSQL cluster as"
    return None


class PrivateCluster:
    """One PostgreSQL cluster of our own: ``start``, ``stop``, ``url``, ``close``."""

    def __init__(self) -> None:
        bindir = find_bindir()
        assert bindir is not None, why_not()
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="newscrawl-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        user = pwd.getpwnam("postgres")
        os.chown(self.root, user.pw_uid, user.pw_gid)
        pwfile = self.root / "pwfile"
        pwfile.write_text(PASSWORD + "\n", encoding="utf-8")
        os.chown(pwfile, user.pw_uid, user.pw_gid)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=scram-sha-256",
            f"--pwfile={pwfile}",
            "--no-sync",  # a throwaway cluster: durability of its files does not matter
        )
        pwfile.unlink()

    @property
    def url(self) -> str:
        """A URL of database ``postgres`` with the password in it (percent-escaped)."""
        return self.database_url("postgres")

    def database_url(self, database: str, password: str = PASSWORD) -> str:
        secret = quote(password, safe="")
        return f"postgresql+psycopg://postgres:{secret}@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} -c fsync=off"
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.root / "log"),
            "-o",
            options,
            "-w",
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: ``fast`` ends every session, as a restart or a crash would."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def close(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)

    def _run(self, program: str, *args: str, check: bool = True) -> None:
        command = [str(self.bindir / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        proc = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if check and proc.returncode != 0:
            raise RuntimeError(f"{program} failed ({proc.returncode}): {proc.stderr[-2000:]}")


def _version(path: str) -> tuple[int, ...]:
    name = Path(path).parent.parent.name
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
