"""What several readers of a parsed page look up, found in one scan each and shared.

Several layers ask for elements by ``itemprop`` (the byline's ``author``, the
dates' ``datePublished`` and ``dateModified``), whether the page has any
``itemscope``, and for ``<meta>`` values by property or name. An XPath that
tests an attribute on every element costs 0.2-0.4 ms on a 100 KB page, as much
for the fourth question as for the first: one scan answers them all. Keyed by
the tree object, like :func:`newscrawl.extract.article.parse_html`'s cache;
trees are not modified.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from lxml.html import HtmlElement


@dataclass
class Microdata:
    """The page's elements by exact ``itemprop`` value, in page order."""

    by_prop: dict[str, list[HtmlElement]] = field(default_factory=dict)
    #: Does any element carry ``itemscope``?
    scoped: bool = False


@lru_cache(maxsize=4)
def microdata(tree: HtmlElement) -> Microdata:
    """What ``//*[@itemprop='NAME']`` and ``boolean(//*[@itemscope])`` would say of ``tree``."""
    found = Microdata()
    for element in tree.xpath("//*[@itemprop or @itemscope]"):
        prop = element.get("itemprop")
        if prop is not None:
            found.by_prop.setdefault(prop, []).append(element)
        if element.get("itemscope") is not None:
            found.scoped = True
    return found


def itemprop(tree: HtmlElement, name: str) -> list[HtmlElement]:
    """``tree.xpath("//*[@itemprop='NAME']")``: elements whose itemprop is exactly ``name``."""
    return microdata(tree).by_prop.get(name, [])


def inside(element: HtmlElement, scope: HtmlElement) -> bool:
    """Is ``element`` a descendant of ``scope`` (``scope.xpath(".//*")`` would hold it)?"""
    return any(ancestor is scope for ancestor in element.iterancestors())


@lru_cache(maxsize=4)
def metas(tree: HtmlElement) -> tuple[tuple[str | None, str | None, str | None, str], ...]:
    """(property, name, http-equiv, content) of every ``<meta content>``, in page order."""
    return tuple(
        (element.get("property"), element.get("name"), element.get("http-equiv"), content)
        for element in tree.iter("meta")
        if (content := element.get("content")) is not None
    )


def meta_contents(
    tree: HtmlElement, properties: tuple[str, ...], names: tuple[str, ...]
) -> list[str]:
    """``//meta[@property=P or @name=N]/@content`` for any P of ``properties``, N of ``names``."""
    return [c for p, n, _, c in metas(tree) if p in properties or n in names]
