"""Start-up stays light: what a crawl imports before it has a page to parse.

A scheduled recrawl that finds nothing changed is mostly start-up, so the
heavy libraries load on first use: trafilatura, extruct and htmldate at the
first article, datasketch at the first signature, Alembic only to migrate.
The newscrawl command leaves Scrapy's remote control (aiohttp) out of the
extensions, and reading newscrawl's settings does not import Scrapy at all.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

LAZY = ("trafilatura", "extruct", "htmldate", "datasketch", "alembic", "aiohttp")

#: Imports every component the project settings name, as Scrapy does when it
#: builds a crawler, then checks a current database, as the store does.
CRAWL_START = """
import json, sys
from scrapy.utils.misc import load_object
from newscrawl.storage.engine import make_engine
from newscrawl.storage.migrate import ensure_schema
import newscrawl.spiders.news
from newscrawl.runner import project_settings

settings = project_settings()  # as the newscrawl command builds them
for name in ("ITEM_PIPELINES", "DOWNLOADER_MIDDLEWARES", "SPIDER_MIDDLEWARES", "EXTENSIONS"):
    for path in settings.getwithbase(name):
        load_object(path)
for path in settings.getwithbase("DOWNLOAD_HANDLERS").values():
    if path:
        load_object(path)
engine = make_engine(sys.argv[1])
ensure_schema(engine)
engine.dispose()
print(json.dumps(sorted(name for name in sys.argv[2:] if name in sys.modules)))
"""


def _loaded(database_url: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", CRAWL_START, database_url, *LAZY],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_a_crawl_starts_without_extraction_or_migration_libraries(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'news.db'}"
    assert _loaded(url) == ["alembic"]  # a new database is migrated
    assert _loaded(url) == []  # a current one is not


def test_reading_the_settings_does_not_import_scrapy() -> None:
    # The database commands read the default database URL from them.
    code = "import sys, newscrawl.settings; print('scrapy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
