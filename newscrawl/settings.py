"""Scrapy settings for newscrawl, and every ``NEWSCRAWL_*`` default.

This module is the one place that reads the environment: components read
typed settings from ``crawler.settings`` and never ``os.environ``.
"""

from __future__ import annotations

import os

from newscrawl import __version__
from newscrawl.fields import ARTICLE_FIELDS

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["newscrawl.spiders"]
NEWSPIDER_MODULE = "newscrawl.spiders"

# --- newscrawl's own settings (defaults; override with -s or the environment) ---
NEWSCRAWL_DATABASE_URL = os.environ.get("NEWSCRAWL_DATABASE_URL", "sqlite:///news.db")
#: Shown in the User-Agent so site owners can reach whoever runs the crawl.
NEWSCRAWL_CONTACT_URL = os.environ.get(
    "NEWSCRAWL_CONTACT_URL", "https://github.com/newscrawl/newscrawl"
)
#: Stop after this many articles were scheduled for storage (0: no limit).
NEWSCRAWL_MAX_ARTICLES = 0
#: How many pages deep one chain of listing pages ("More news", ?page=N) may go.
NEWSCRAWL_MAX_LISTING_DEPTH = 30
#: Listing pages in a row without an unseen article link before a listing chain stops.
NEWSCRAWL_EMPTY_PAGES_GRACE = 2
#: ISO date; articles published before it are not stored and listings stop paginating.
NEWSCRAWL_SINCE = ""
#: Minimum words in a body for a page to be stored as an article.
NEWSCRAWL_MIN_WORDS = 40
#: Fetch stored articles again only when a feed/sitemap says they changed or they are due.
NEWSCRAWL_INCREMENTAL = True
#: Age (``6h``, ``7d``) after which a stored article is fetched again anyway; empty: never.
NEWSCRAWL_REFRESH_AFTER = ""
#: A resumable crawl's job directory (``--jobdir``); see newscrawl/joblog.py for why
#: it is not Scrapy's JOBDIR (that one does not survive SIGKILL).
NEWSCRAWL_JOBDIR = ""
#: Where per-site lock files live (two runs of one site never crawl at once).
NEWSCRAWL_LOCK_DIR = os.environ.get(
    "NEWSCRAWL_LOCK_DIR",
    os.path.join(os.environ.get("XDG_RUNTIME_DIR") or "/tmp", "newscrawl-locks"),
)
#: Articles of one site that may wait (in memory) for its time zone to be learned.
NEWSCRAWL_DATE_DEFER_MAX = 500
#: How many items the store pipeline writes per transaction.
NEWSCRAWL_STORE_BATCH_SIZE = 50
#: Batches written at once (0: 2 on PostgreSQL, 1 on SQLite).
NEWSCRAWL_STORE_WRITERS = 0
#: Tries after the first of a batch whose database is unreachable, restarting, locked or full.
NEWSCRAWL_STORE_RETRY_TIMES = 5
#: Seconds before the first of those tries; each wait doubles (at most 30 s).
NEWSCRAWL_STORE_RETRY_DELAY = 1.0
#: Where articles that could not be stored are written (JSON Lines; ``newscrawl db replay``).
NEWSCRAWL_DEAD_LETTER_DIR = os.environ.get("NEWSCRAWL_DEAD_LETTER_DIR", "dead-letter")
#: Seconds a SQLite writer waits for another one to finish before its write fails.
NEWSCRAWL_SQLITE_BUSY_TIMEOUT = 30.0
#: Bodies at least this similar (estimated Jaccard of 4-word shingles) are near-duplicates:
#: the later one is stored with duplicate_of pointing to the first. 0 turns the check off.
NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD = 0.5
#: Near-duplicates are looked for among articles published this close in time.
NEWSCRAWL_NEAR_DUPLICATE_WINDOW = "7d"
#: "all": an article can be a copy of any site's (syndication); "site": of its own
#: site's only, which loads one site's signatures instead of every site's.
NEWSCRAWL_NEAR_DUPLICATE_SCOPE = "all"
#: Signatures held in memory at most (about 9 KB each with the LSH tables: ~90 MB at
#: the cap, so a crawl's memory stops growing there); the days farthest from the
#: article being checked are let go first (a later article of those days loads them
#: again from the database), and a window that alone holds more (a site publishing
#: over 700 articles a day) is narrowed, with a warning.
NEWSCRAWL_NEAR_DUPLICATE_MAX_LOADED = 10_000

# --- scaling out (newscrawl/cluster/): scrapy-redis' scheduler and dupefilter ---
#: Redis URL of a distributed crawl (``--redis``); empty: crawl in this process alone.
NEWSCRAWL_REDIS_URL = os.environ.get("NEWSCRAWL_REDIS_URL", "")
#: First part of every Redis key newscrawl writes (``PREFIX:SITE:...``).
NEWSCRAWL_REDIS_PREFIX = os.environ.get("NEWSCRAWL_REDIS_PREFIX", "newscrawl")
#: Worker processes ``newscrawl crawl --redis`` / ``newscrawl worker`` start here (``--workers``).
NEWSCRAWL_WORKERS = 1
#: Seconds the shared frontier must stay empty (nothing queued, nothing in flight on
#: any worker) before a worker stops.
NEWSCRAWL_REDIS_IDLE_TIMEOUT = 30.0
#: Seconds without a heartbeat after which a worker counts as dead and the requests it
#: held go back to the queue.
NEWSCRAWL_REDIS_WORKER_TIMEOUT = 30.0
#: Set by newscrawl for each crawler of a worker, not by users: the crawl's Redis key
#: base (``PREFIX:SITE``) and this worker's id.
NEWSCRAWL_REDIS_CRAWL = ""
NEWSCRAWL_REDIS_WORKER = ""
#: Worker processes that read pages (page type, article extraction, links) while the
#: crawl's own process downloads: "auto" is the usable CPUs less one (none on one CPU), 0
#: reads pages in the crawl's process (newscrawl.middlewares.analysis).
NEWSCRAWL_ANALYSIS_PROCESSES = "auto"
#: HTML pages a crawl reads in its own process before it starts those workers (each
#: takes a second or two to import the extraction stack: small crawls skip the pool).
NEWSCRAWL_ANALYSIS_POOL_AFTER = 200
#: An HTML page this long (characters) starts those workers at once: read in the
#: crawl's process, a page of 20,000 links held the reactor for a second (0: never).
NEWSCRAWL_ANALYSIS_POOL_BIG_PAGE = 500_000
#: Requests the scheduler holds in memory; the rest wait in a temporary disk queue
#: (newscrawl.scheduler: a 100,000-URL sitemap would take ~440 MB). 0: all in memory.
NEWSCRAWL_QUEUE_MEMORY = 5000
#: Where that temporary disk queue is made (removed when the crawl closes); empty:
#: the system's temporary directory.
NEWSCRAWL_QUEUE_DIR = ""
#: Links followed at most from one page (navigation first, then articles, in page
#: order); a page of 20,000 links gives 1,000. 0: no cap.
NEWSCRAWL_MAX_LINKS_PER_PAGE = 1000
#: Failed requests in a row under one path pattern (a site's directory, digits as N)
#: before the rest of that branch is dropped. 0: never drop.
NEWSCRAWL_BRANCH_ERRORS = 20
#: Failed requests in a row anywhere on a site before the whole site is dropped. 0: never.
NEWSCRAWL_SITE_ERRORS = 100
#: Time one site may take, from its first request (``30m``, ``6h``); then its remaining
#: requests are dropped and the crawl ends. Empty: no limit.
NEWSCRAWL_SITE_TIME_BUDGET = "6h"
#: A 429/503 ``Retry-After`` up to this many seconds is waited for, then retried;
#: a longer one is given up at once.
NEWSCRAWL_RETRY_AFTER_MAX = 120.0
#: Retries of one request that the server asked for with a ``Retry-After`` (RETRY_TIMES
#: still counts the others).
NEWSCRAWL_RETRY_AFTER_TIMES = 5
#: Follow links and redirects to private, loopback, link-local and metadata addresses
#: (the start URLs' own hosts are always crawled). Off: such requests are refused.
NEWSCRAWL_ALLOW_PRIVATE = os.environ.get("NEWSCRAWL_ALLOW_PRIVATE", "").strip().lower() in {
    "1",
    "true",
    "yes",
    "on",
}
#: Networks (CIDR) never connected to, not even for a start URL's host or with
#: NEWSCRAWL_ALLOW_PRIVATE: ``["10.0.0.0/8"]`` or ``-s NEWSCRAWL_FORBIDDEN_NETWORKS=a,b``.
NEWSCRAWL_FORBIDDEN_NETWORKS: list[str] = []

#: A live progress line on stderr (the CLI turns it on for terminals).
NEWSCRAWL_PROGRESS = False
NEWSCRAWL_PROGRESS_INTERVAL = 1.0

EXTENSIONS = {
    "newscrawl.extensions.progress.ProgressLine": 500,
    # Off unless this process is a worker of a distributed crawl (NEWSCRAWL_REDIS_CRAWL).
    "newscrawl.cluster.worker.ClusterWorker": 510,
    # CPU seconds per stage (newscrawl/cpu/*): two clock reads per stage of a page.
    "newscrawl.extensions.cputime.CpuTime": 520,
}
# Scrapy's remote control (an HTTP endpoint that runs posted Python code, on by
# default in Scrapy 2.19) has no place in scheduled crawls; nor has the telnet
# console (below). The newscrawl command also takes both out of EXTENSIONS_BASE
# (newscrawl.runner.project_settings), which saves importing aiohttp at every
# start; doing it here would import Scrapy into every reader of these settings.
REMOTE_CONTROL_ENABLED = False

# --- politeness ---
USER_AGENT = f"newscrawl/{__version__} (+{NEWSCRAWL_CONTACT_URL})"
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
# Items processed at once per response. A news page gives at most one article
# (plus its links), and Scrapy starts this many asyncio tasks for every response
# (its default of 100 cost ~10 % of the crawl process's CPU; bench/throughput.py).
CONCURRENT_ITEMS = 4
DOWNLOAD_DELAY = 0.25
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

# --- safety ---
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
RETRY_TIMES = 2
# A page given up on is counted in the crawl summary (newscrawl/bad/<reason>) and
# logged by the spider with its reason: not an ERROR of the crawl.
RETRY_GIVE_UP_LOG_LEVEL = "INFO"
REDIRECT_MAX_TIMES = 10
DEPTH_LIMIT = 0  # listing depth is bounded per chain by NEWSCRAWL_MAX_LISTING_DEPTH
DEPTH_PRIORITY = 0
# Scrapy's scheduler, spilling past NEWSCRAWL_QUEUE_MEMORY requests to disk.
SCHEDULER = "newscrawl.scheduler.SpillScheduler"
# Scrapy's duplicate filter in ~8 bytes a request, not ~130 (Scrapy's own with a JOBDIR).
DUPEFILTER_CLASS = "newscrawl.dupefilter.CompactDupeFilter"

ITEM_PIPELINES = {
    "newscrawl.pipelines.validate.ValidatePipeline": 100,
    "newscrawl.pipelines.dedupe.DedupePipeline": 200,
    "newscrawl.pipelines.near_duplicates.NearDuplicatePipeline": 250,
    "newscrawl.pipelines.store.StorePipeline": 300,
}

TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"
# `scrapy crawl -o`: the article fields, not the pipeline's internal ones (signature).
FEED_EXPORT_FIELDS = list(ARTICLE_FIELDS)
LOG_LEVEL = os.environ.get("NEWSCRAWL_LOG_LEVEL", "INFO")

# --- JavaScript rendering (scrapy-playwright) ---
# Only requests that RenderMiddleware marks with meta["playwright"] go to Chromium;
# the rest use Scrapy's own HTTP handler. Our handler subclass starts Playwright and
# Chromium on the first rendered request, so static crawls never need a browser.
#: never | always | auto (render a site only when its static HTML lacks the content).
NEWSCRAWL_RENDER = os.environ.get("NEWSCRAWL_RENDER", "auto")
#: Chromium or Chrome binary; empty: Debian's /usr/lib/chromium/chromium, then PATH.
NEWSCRAWL_CHROMIUM_PATH = os.environ.get("NEWSCRAWL_CHROMIUM_PATH", "")
#: "Load more" clicks (or infinite-scroll steps) at most per rendered listing page.
NEWSCRAWL_RENDER_MAX_CLICKS = 10
DOWNLOAD_HANDLERS = {
    "http": "newscrawl.rendering.handler.LazyPlaywrightDownloadHandler",
    "https": "newscrawl.rendering.handler.LazyPlaywrightDownloadHandler",
}
DOWNLOADER_MIDDLEWARES = {
    # First: no request (robots.txt included) to a private address or a non-http scheme.
    "newscrawl.middlewares.guard.AddressGuardMiddleware": 40,
    # Last on the way back: reads the final page (after redirects, retries, rendering)
    # in worker processes while the reactor downloads on.
    "newscrawl.middlewares.analysis.AnalysisMiddleware": 30,
    # Below Retry (550): sees a request's final outcome, after its retries.
    "newscrawl.middlewares.budgets.BudgetMiddleware": 540,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newscrawl.middlewares.retry.RetryAfterMiddleware": 550,
    # After RedirectMiddleware (600) has built the redirected request, before download.
    "newscrawl.middlewares.known.KnownRedirectMiddleware": 650,
    # Before HttpCompression (590): sets request headers, reads response headers.
    "newscrawl.middlewares.conditional.ConditionalRequestMiddleware": 580,
    # Below HttpCompression (590) and Redirect (600): sees the final, decoded page.
    "newscrawl.rendering.middleware.RenderMiddleware": 570,
}
PLAYWRIGHT_BROWSER_TYPE = "chromium"
#: Merged over newscrawl.rendering.browser.launch_options (headless, offline-safe flags).
PLAYWRIGHT_LAUNCH_OPTIONS: dict[str, object] = {}
PLAYWRIGHT_ABORT_REQUEST = "newscrawl.rendering.pages.should_abort_request"
#: Pages rendered at once (one shared context); each page is closed after its response.
PLAYWRIGHT_MAX_PAGES_PER_CONTEXT = 4
PLAYWRIGHT_MAX_CONTEXTS = 2
PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT = 30_000
