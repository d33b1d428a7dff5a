"""``newscrawl demo`` on a machine without Chromium: the script-built site is skipped, cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_the_demo_without_a_browser_skips_the_javascript_site_with_one_notice(
    tmp_path: Path,
) -> None:
    env = {
        **os.environ,
        # A configured path that does not exist: find_chromium refuses it, as it
        # refuses a machine with no Chromium at all.
        "NEWSCRAWL_CHROMIUM_PATH": str(tmp_path / "no-chromium"),
        "NEWSCRAWL_LOCK_DIR": str(tmp_path / "locks"),
    }
    env.pop("NEWSCRAWL_RENDER", None)
    proc = subprocess.run(
        [sys.executable, "-m", "newscrawl.cli", "demo", "--db", f"sqlite:///{tmp_path}/demo.db"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    notices = [line for line in proc.stdout.splitlines() if line.startswith("skipping demo site")]
    assert len(notices) == 1
    assert notices[0].startswith("skipping demo site jsnews (its pages are built by JavaScript)")
    assert "apt-get install -y chromium" in notices[0]
    assert "ERROR" not in proc.stdout + proc.stderr
    assert not any(
        line.startswith(("jsnews:", "serving demo site jsnews"))
        for line in proc.stdout.splitlines()
    )
    assert any(line.startswith("harbour: ") for line in proc.stdout.splitlines())
