"""Import a script of bench/ as a module, for the tests of the benchmarks' own parts."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parent.parent / "bench"


def bench_module(name: str, folder: str = "") -> ModuleType:
    """``bench/[folder/]name.py``, imported (once) with its folder on ``sys.path`` meanwhile."""
    where = str(BENCH / folder)
    sys.path.insert(0, where)
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(where)
