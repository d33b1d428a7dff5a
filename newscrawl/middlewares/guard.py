"""The SSRF guard: no request to a private, loopback, link-local or metadata address.

Every request passes here before it is downloaded, redirected ones included
(Scrapy sends a redirect's new request through the downloader middlewares
again), and robots.txt requests too. The host is resolved the way the download
will resolve it, and :func:`newscrawl.security.check_url` decides.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from scrapy.crawler import Crawler
from scrapy.exceptions import CannotResolveHostError
from scrapy.http import Request, Response
from scrapy.statscollectors import StatsCollector
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.error import DNSLookupError

from newscrawl.faults import Refused
from newscrawl.security import AddressPolicy, Verdict, check_url, host_of, literal_address

logger = logging.getLogger(__name__)

Resolver = Callable[[str], Awaitable[list[str]]]


class AddressGuardMiddleware:
    """Refuses requests whose host resolves to a non-public address, or whose scheme
    is not http(s), unless the host is a start URL's or private addresses are allowed.

    Resolution goes through the reactor's resolver, the one Scrapy's HTTP handler
    connects with; with ``DNSCACHE_ENABLED`` (the default) its answer is cached,
    so the connection goes to the address that was checked. The peer address of
    each response is checked again (``response.ip_address``), which catches a
    connection made with an answer that changed after the check.

    Settings: ``NEWSCRAWL_ALLOW_PRIVATE`` (check nothing but the scheme and
    ``NEWSCRAWL_FORBIDDEN_NETWORKS``), ``NEWSCRAWL_FORBIDDEN_NETWORKS`` (CIDR
    networks refused always, even for the start URLs' hosts).

    Stats: ``newscrawl/guard/checked``, ``newscrawl/guard/refused/<why>``; the
    spider counts the refused pages as ``newscrawl/bad/forbidden_address`` and
    ``newscrawl/bad/forbidden_scheme``.
    """

    def __init__(self, policy: AddressPolicy, resolve: Resolver, stats: StatsCollector) -> None:
        self.policy = policy
        self.resolve = resolve
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressGuardMiddleware:
        settings = crawler.settings
        start_urls = list(getattr(crawler.spider, "start_urls", None) or [])
        policy = AddressPolicy.for_start_urls(
            start_urls,
            allow_private=settings.getbool("NEWSCRAWL_ALLOW_PRIVATE"),
            forbidden=settings.getlist("NEWSCRAWL_FORBIDDEN_NETWORKS"),
        )
        assert crawler.stats is not None
        return cls(policy, reactor_resolver(), crawler.stats)

    async def process_request(self, request: Request) -> None:
        url = request.url
        if url.startswith("data:") and not request.meta.get("redirect_urls"):
            return  # the spider's own data: requests (see NewsSpider.idle); never a link
        host = host_of(url)
        literal = literal_address(host)
        addresses: list[str] = []
        if not url.startswith(("http://", "https://")):
            pass  # the scheme decides
        elif literal is not None:
            addresses = [literal]
        elif host in self.policy.trusted_hosts and not self.policy.forbidden:
            pass  # a start URL's host: nothing to look up
        else:
            try:
                addresses = await self.resolve(host)
            except DNSLookupError as exc:
                # The download would fail the same way; failing here keeps a second,
                # different answer from being used unchecked.
                raise CannotResolveHostError(f"cannot resolve {host}: {exc}") from exc
        self.stats.inc_value("newscrawl/guard/checked")
        self._enforce(request, check_url(url, addresses, self.policy))

    def process_response(self, request: Request, response: Response) -> Response:
        peer = getattr(response, "ip_address", None)
        if peer is not None and not request.url.startswith("data:"):
            self._enforce(request, check_url(request.url, [str(peer)], self.policy))
        return response

    def _enforce(self, request: Request, verdict: Verdict) -> None:
        if verdict.allowed:
            return
        self.stats.inc_value(f"newscrawl/guard/refused/{verdict.reason}")
        reason = "forbidden_scheme" if verdict.reason == "scheme" else "forbidden_address"
        came_from = (request.meta.get("redirect_urls") or [None])[0]
        via = f" (redirected from {came_from})" if came_from else ""
        raise Refused(reason, f"refused {request.url}{via}: {verdict.detail}")


def reactor_resolver() -> Resolver:
    """Resolve with the reactor's resolver (Scrapy installs its caching one there)."""
    from twisted.internet import reactor

    async def resolve(host: str) -> list[str]:
        address = await maybe_deferred_to_future(reactor.resolve(host))  # type: ignore[arg-type]
        return [str(address)]

    return resolve
