"""Which addresses a crawl may connect to: the pure decision behind the SSRF guard.

A crawler that follows whatever a page links to, or wherever a redirect points,
can be made to fetch from the machine it runs on: a cloud metadata service
(``169.254.169.254``), a database admin page on ``127.0.0.1``, a router on
``192.168.0.1``. So by default newscrawl refuses every address that is not
globally routable (loopback, private, link-local, shared, reserved, multicast,
the known metadata addresses) and every scheme but http(s).

Two exceptions: the hosts of the start URLs are trusted whatever they resolve
to (crawling an intranet news site, or a test fixture on 127.0.0.1, is asked
for by the user); and ``NEWSCRAWL_ALLOW_PRIVATE`` lifts the address check for
every host. Networks in ``NEWSCRAWL_FORBIDDEN_NETWORKS`` are refused always,
trusted host or not.

Decisions are made on *resolved* addresses (:func:`check_url` takes them), so
``http://2130706433/``, ``http://0x7f.1/`` and a public name pointing at
``10.0.0.1`` are all judged by where they really lead; IPv4 addresses wrapped
in IPv6 (``::ffff:127.0.0.1``, 6to4, NAT64, Teredo) are judged by the IPv4
address inside. Resolving, and asking before each request, is
:class:`newscrawl.middlewares.guard.AddressGuardMiddleware`'s job.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

ALLOWED_SCHEMES = frozenset({"http", "https"})
#: Cloud instance metadata services (AWS, ECS, GCP and Azure share the first;
#: AWS over IPv6, Alibaba, Oracle). Already non-global: named for a clearer reason.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200", "192.0.0.192")
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


@dataclass(frozen=True)
class AddressPolicy:
    """What :func:`check_url` allows.

    ``trusted_hosts``: host names (lowercase) crawled whatever they resolve to,
    the start URLs' hosts. ``allow_private``: no address is refused for being
    non-global. ``forbidden``: networks refused always.
    """

    allow_private: bool = False
    trusted_hosts: frozenset[str] = frozenset()
    forbidden: tuple[IPNetwork, ...] = ()

    @classmethod
    def for_start_urls(
        cls,
        start_urls: Iterable[str],
        *,
        allow_private: bool = False,
        forbidden: Iterable[str] = (),
    ) -> AddressPolicy:
        hosts = frozenset(h for h in (host_of(u) for u in start_urls) if h)
        return cls(allow_private, hosts, parse_networks(forbidden))


@dataclass(frozen=True)
class Verdict:
    """``allowed``, and why: ``reason`` is a short word, ``detail`` names the address."""

    allowed: bool
    reason: str
    detail: str = field(default="", compare=False)


def check_url(url: str, addresses: Iterable[str], policy: AddressPolicy) -> Verdict:
    """May ``url``, whose host resolved to ``addresses``, be fetched under ``policy``?

    Reasons when refused: ``scheme``, ``forbidden-network``, ``metadata``,
    ``loopback``, ``link-local``, ``private``, ``multicast``, ``unspecified``,
    ``reserved`` (any other non-global address), ``no-address``. When allowed:
    ``public``, ``trusted-host`` or ``private-allowed``.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        return Verdict(False, "scheme", f"{parts.scheme or 'no'} scheme")
    ips = [_parse(a) for a in addresses]
    for ip in ips:
        for network in policy.forbidden:
            if any(inner in network for inner in _embedded(ip)):
                return Verdict(False, "forbidden-network", f"{ip} is in {network}")
    if (parts.hostname or "").lower() in policy.trusted_hosts:
        return Verdict(True, "trusted-host", "a start URL's host")
    if not ips:
        return Verdict(False, "no-address", f"{parts.hostname!r} resolved to nothing")
    for ip in ips:
        category = address_category(ip)
        if category is not None:
            if policy.allow_private:
                return Verdict(True, "private-allowed", f"{ip} is {category}")
            return Verdict(False, category, f"{parts.hostname} -> {ip} is {category}")
    return Verdict(True, "public")


def address_category(ip: IPAddress) -> str | None:
    """Why ``ip`` is not a public internet address, or None when it is one."""
    for inner in _embedded(ip):
        if inner in METADATA_ADDRESSES:
            return "metadata"
        if inner.is_loopback:
            return "loopback"
        if inner.is_link_local:
            return "link-local"
        if inner.is_multicast:
            return "multicast"
        if inner.is_unspecified:
            return "unspecified"
        if inner.is_private:
            return "private"
        if not inner.is_global:
            return "reserved"
    return None


def parse_networks(values: Iterable[str]) -> tuple[IPNetwork, ...]:
    """``["127.0.0.2/32", "10.1.0.0/16"]`` -> networks; ``ValueError`` names a bad one."""
    networks = []
    for value in values:
        text = str(value).strip()
        if not text:
            continue
        try:
            networks.append(ipaddress.ip_network(text, strict=False))
        except ValueError as exc:
            raise ValueError(f"not an IP network: {text!r} ({exc})") from exc
    return tuple(networks)


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def literal_address(host: str) -> str | None:
    """``host`` as a normalised IP address when it is one written the standard way."""
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return None


def _parse(address: str) -> IPAddress:
    # A scoped IPv6 address from getaddrinfo ("fe80::1%eth0") keeps its scope: drop it.
    return ipaddress.ip_address(str(address).split("%", 1)[0])


def _embedded(ip: IPAddress) -> list[IPAddress]:
    """Any IPv4 address ``ip`` carries (mapped, 6to4, NAT64, Teredo client), then ``ip``.

    The inner address first: it is where the packets go, and its category
    ("loopback") says more than the wrapper's ("private" for ``::ffff:0:0/96``).
    """
    found: list[IPAddress] = []
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            found.append(ip.ipv4_mapped)
        if ip.sixtofour is not None:
            found.append(ip.sixtofour)
        if ip.teredo is not None:
            found.append(ip.teredo[1])
        if ip in _NAT64:
            found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    found.append(ip)
    return found
