"""The ceiling of the throughput benchmark: a bare Scrapy spider that only follows links.

    .venv/bin/python bench/ceiling.py URL [--stats-json PATH] [-s NAME=VALUE ...]

It follows what newscrawl follows, the same URL kinds (``<a href>`` links of
HTML pages, which on the generated site are listings, articles, tag, author and
static pages; ``<link rel=next|alternate>`` for listings and feeds; ``<loc>`` and
``<link>`` of sitemaps and feeds; the sitemaps robots.txt names) on the start
URL's host, and does nothing else: no classification, extraction or storage.
Scrapy's defaults otherwise, plus the settings both runs share
(:data:`BENCH_SETTINGS` of bench/throughput.py, given with ``-s``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Request, Response, TextResponse

# newscrawl's CpuTime extension, also when newscrawl is not installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

_XML_LINK = re.compile(rb"<(?:loc|link)>\s*([^<\s]+)\s*</(?:loc|link)>")
_ROBOTS_SITEMAP = re.compile(r"(?im)^\s*sitemap:\s*(\S+)")
# Plain strings (smart_strings=False): lxml's "smart" ones hold their element, and
# with it the whole page's tree, for as long as the seen set keeps them.
_LINKS = "//a/@href | //link[@rel='next' or @rel='alternate']/@href"


class CeilingSpider(scrapy.Spider):
    name = "ceiling"

    def __init__(self, start_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = [start_url]
        self.allowed_domains = [urlsplit(start_url).hostname or ""]
        # A page links to ~300 URLs, most seen before: skipping those here (as
        # newscrawl's frontier does) spares Scrapy a Request, its middlewares and
        # a fingerprint for each; without it the "ceiling" is the slower crawler.
        # Both absolute URLs and raw hrefs: the cheapest honest link follower.
        self.seen: set[str] = set()

    async def start(self) -> Any:
        url = self.start_urls[0]
        yield Request(url)
        yield Request(urljoin(url, "/robots.txt"), callback=self.parse_robots)

    def parse_robots(self, response: Response) -> Iterator[Request]:
        for url in _ROBOTS_SITEMAP.findall(
            response.text if isinstance(response, TextResponse) else ""
        ):
            yield Request(url)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Request]:
        if response.body.lstrip()[:5] == b"<?xml":
            for url in _XML_LINK.findall(response.body):
                yield from self.follow(url.decode())
            return
        if not isinstance(response, TextResponse):
            return
        root = response.selector.root
        for href in root.xpath(_LINKS, smart_strings=False):
            # Root-relative and absolute links mean the same on every page: known
            # ones are skipped before the costly urljoin.
            if href in self.seen:
                continue
            if href.startswith(("/", "http:", "https:")):
                self.seen.add(href)
            yield from self.follow(response.urljoin(href))

    def follow(self, url: str) -> Iterator[Request]:
        url = url.split("#", 1)[0]
        if url not in self.seen:
            self.seen.add(url)
            yield Request(url)


def _settings(pairs: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        out[name] = value
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--stats-json", default=None, help="write the crawl's stats here")
    parser.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args()
    settings = _settings(args.set)
    # The same account of the crawl's CPU as newscrawl's (newscrawl/cpu/process).
    settings["EXTENSIONS"] = {"newscrawl.extensions.cputime.CpuTime": 0}
    process = CrawlerProcess(settings, install_root_handler=True)
    crawler = process.create_crawler(CeilingSpider)
    process.crawl(crawler, start_url=args.url)
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    print(
        f"ceiling: {stats.get('response_received_count', 0)} pages ({stats.get('finish_reason')})"
    )
    if args.stats_json:
        with open(args.stats_json, "w", encoding="utf-8") as out:
            json.dump(stats, out, default=str, indent=1)


if __name__ == "__main__":
    main()
