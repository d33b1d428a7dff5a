"""The SSRF guard: the pure decision (resolved addresses in, verdict out) and the middleware.

No test here sends a packet anywhere: the decision function is given resolved
addresses, and the middleware is given a resolver that answers from a table.
Crawls that exercise the guard against servers on 127.0.0.1/127.0.0.2 are in
tests/test_hostile.py.
"""

from __future__ import annotations

import asyncio
import ipaddress

import pytest
from scrapy.exceptions import CannotResolveHostError
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler
from twisted.internet.error import DNSLookupError

from newscrawl.faults import Refused
from newscrawl.middlewares.guard import AddressGuardMiddleware
from newscrawl.security import AddressPolicy, check_url, parse_networks

DEFAULT = AddressPolicy.for_start_urls(["https://news.example/"])


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("127.0.0.2", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.5", "private"),
        ("172.16.3.4", "private"),
        ("192.168.1.1", "private"),
        ("fc00::1", "private"),
        ("169.254.169.254", "metadata"),
        ("169.254.170.2", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("100.100.100.200", "metadata"),
        ("169.254.10.10", "link-local"),
        ("fe80::1", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("100.64.0.1", "reserved"),  # carrier-grade NAT
        ("192.0.2.7", "private"),  # documentation range: not routable either
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
        ("::ffff:10.0.0.1", "private"),
        ("2002:7f00:1::", "loopback"),  # 6to4 around 127.0.0.1
        ("64:ff9b::a9fe:a9fe", "metadata"),  # NAT64 around 169.254.169.254
        ("fe80::1%eth0", "link-local"),  # scoped, as getaddrinfo gives it
    ],
)
def test_non_public_addresses_are_refused_with_their_category(address: str, reason: str) -> None:
    verdict = check_url("https://cdn.example/x", [address], DEFAULT)
    assert (verdict.allowed, verdict.reason) == (False, reason)


@pytest.mark.parametrize(
    "address", ["93.184.215.14", "8.8.8.8", "2606:4700::1111", "::ffff:1.1.1.1"]
)
def test_public_addresses_are_allowed(address: str) -> None:
    assert check_url("https://cdn.example/x", [address], DEFAULT).allowed


def test_one_private_address_among_several_is_enough_to_refuse() -> None:
    verdict = check_url("http://mixed.example/", ["93.184.215.14", "10.0.0.1"], DEFAULT)
    assert not verdict.allowed and verdict.reason == "private"


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://news.example/", "gopher://news.example/", "data:,x"]
)
def test_only_http_and_https_are_allowed(url: str) -> None:
    verdict = check_url(url, ["93.184.215.14"], DEFAULT)
    assert (verdict.allowed, verdict.reason) == (False, "scheme")


def test_a_start_urls_host_is_trusted_whatever_it_resolves_to() -> None:
    policy = AddressPolicy.for_start_urls(["http://intranet.corp:8080/news/"])
    assert check_url("http://intranet.corp:8080/a", ["10.1.2.3"], policy).reason == "trusted-host"
    # ...but not another host that resolves to the same kind of address.
    assert not check_url("http://wiki.corp/", ["10.1.2.4"], policy).allowed


def test_allow_private_lifts_the_address_check() -> None:
    policy = AddressPolicy.for_start_urls(["https://news.example/"], allow_private=True)
    verdict = check_url("http://router.lan/", ["192.168.0.1"], policy)
    assert (verdict.allowed, verdict.reason) == (True, "private-allowed")
    assert not check_url("file:///etc/passwd", [], policy).allowed


def test_forbidden_networks_beat_trust_and_allow_private() -> None:
    policy = AddressPolicy.for_start_urls(
        ["http://127.0.0.1:8000/"], allow_private=True, forbidden=["127.0.0.2/32", "10.9.0.0/16"]
    )
    assert not check_url("http://127.0.0.2:9000/", ["127.0.0.2"], policy).allowed
    assert not check_url("http://127.0.0.1:8000/", ["::ffff:10.9.1.1"], policy).allowed
    assert check_url("http://127.0.0.1:8000/", ["127.0.0.1"], policy).allowed


def test_bad_networks_are_named() -> None:
    assert parse_networks([" 10.0.0.0/8 ", ""]) == (ipaddress.ip_network("10.0.0.0/8"),)
    with pytest.raises(ValueError, match=r"'10\.0\.0/33'"):
        parse_networks(["10.0.0/33"])


# --- the middleware ---------------------------------------------------------------------


def guard(table: dict[str, list[str]], **settings: object) -> AddressGuardMiddleware:
    crawler = get_crawler(settings_dict=dict(settings))
    crawler.stats.open_spider()  # type: ignore[union-attr,call-arg]
    policy = AddressPolicy.for_start_urls(
        ["http://127.0.0.1:8000/"],
        allow_private=crawler.settings.getbool("NEWSCRAWL_ALLOW_PRIVATE"),
        forbidden=crawler.settings.getlist("NEWSCRAWL_FORBIDDEN_NETWORKS"),
    )
    looked_up: list[str] = []

    async def resolve(host: str) -> list[str]:
        looked_up.append(host)
        if host not in table:
            raise DNSLookupError(host)
        return table[host]

    middleware = AddressGuardMiddleware(policy, resolve, crawler.stats)  # type: ignore[arg-type]
    middleware.looked_up = looked_up  # type: ignore[attr-defined]
    return middleware


def run(middleware: AddressGuardMiddleware, request: Request) -> None:
    asyncio.run(middleware.process_request(request))


def test_the_guard_checks_the_resolved_address_of_a_name() -> None:
    mw = guard({"news.example": ["93.184.215.14"], "sneaky.example": ["169.254.169.254"]})
    run(mw, Request("http://news.example/a"))
    with pytest.raises(Refused, match="metadata") as refused:
        run(mw, Request("http://sneaky.example/latest/meta-data/"))
    assert refused.value.reason == "forbidden_address"


def test_the_guard_checks_redirect_targets_and_says_where_they_came_from() -> None:
    mw = guard({})
    hop = Request(
        "http://127.0.0.2:9000/admin", meta={"redirect_urls": ["http://127.0.0.1:8000/x"]}
    )
    with pytest.raises(Refused, match=r"redirected from http://127\.0\.0\.1:8000/x"):
        run(mw, hop)


@pytest.mark.parametrize("url", ["http://2130706433/", "http://[::ffff:7f00:2]/"])
def test_literal_addresses_are_not_looked_up(url: str) -> None:
    mw = guard({"2130706433": ["127.0.0.1"]})
    with pytest.raises(Refused):
        run(mw, Request(url))


def test_the_start_host_needs_no_lookup_and_data_requests_pass() -> None:
    mw = guard({})
    run(mw, Request("http://127.0.0.1:8000/robots.txt"))
    run(mw, Request("data:,"))  # the spider's own (NewsSpider.idle)
    assert mw.looked_up == []  # type: ignore[attr-defined]
    with pytest.raises(Refused, match="scheme"):
        run(mw, Request("data:,", meta={"redirect_urls": ["http://127.0.0.1:8000/x"]}))


def test_a_name_that_does_not_resolve_fails_like_a_download_would() -> None:
    with pytest.raises(CannotResolveHostError):
        run(guard({}), Request("http://nowhere.invalid/"))


def test_the_peer_address_of_a_response_is_checked_again() -> None:
    # DNS answered a public address at the check, the connection went to 10.0.0.7.
    mw = guard({"rebind.example": ["93.184.215.14"]})
    request = Request("http://rebind.example/")
    response = HtmlResponse(
        request.url, body=b"<p>x</p>", request=request, ip_address=ipaddress.ip_address("10.0.0.7")
    )
    with pytest.raises(Refused, match="private"):
        mw.process_response(request, response)


def test_the_settings_reach_the_guard() -> None:
    mw = guard(
        {"router.lan": ["192.168.0.1"]},
        NEWSCRAWL_ALLOW_PRIVATE=True,
        NEWSCRAWL_FORBIDDEN_NETWORKS="127.0.0.2/32",
    )
    run(mw, Request("http://router.lan/"))
    with pytest.raises(Refused):
        run(mw, Request("http://127.0.0.2/"))
