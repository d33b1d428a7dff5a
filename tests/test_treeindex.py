"""The page index answers what the XPaths it replaces would (newscrawl.extract.treeindex)."""

from __future__ import annotations

from newscrawl.extract.article import parse_html
from newscrawl.extract.markup import _in_head
from newscrawl.extract.treeindex import inside, itemprop, meta_contents, microdata

PAGE = """<!doctype html><html><head>
<meta itemprop="datePublished" content="2024-01-02">
<meta property="og:title" content="First">
<meta name="og:title" content="Named">
<meta property="og:title" content="Second">
<meta name="twitter:title" content="Tweet">
<meta property="og:site_name">
<meta property="og:site_name" content="Site">
<title>T</title></head>
<body><div itemscope itemtype="https://schema.org/NewsArticle">
<span itemprop="author">Ann</span><span itemprop="author creator">Bo</span>
<article><time itemprop="datePublished" datetime="2024-01-03">x</time>
<meta itemprop="datePublished" content="2024-01-04"></article></div>
<aside><span itemprop="author">Cy</span></aside></body></html>"""


def test_itemprop_is_the_exact_value_xpath_in_page_order() -> None:
    tree = parse_html(PAGE)
    for name in ("author", "datePublished", "author creator", "dateModified"):
        assert itemprop(tree, name) == tree.xpath(f"//*[@itemprop='{name}']"), name
    assert microdata(tree).scoped is True
    assert microdata(parse_html("<html><body><p itemprop='x'>a</p></body></html>")).scoped is False


def test_inside_and_in_head_select_what_the_paths_select() -> None:
    tree = parse_html(PAGE)
    scope = tree.find(".//article")
    marked = itemprop(tree, "datePublished")
    assert [e for e in marked if inside(e, scope)] == scope.xpath(".//*[@itemprop='datePublished']")
    assert [e for e in marked if inside(e, tree)] == tree.xpath(".//*[@itemprop='datePublished']")
    assert [e for e in marked if _in_head(e, "meta")] == tree.xpath(
        "/html/head/meta[@itemprop='datePublished']"
    )


def test_meta_contents_is_the_union_xpath_in_page_order() -> None:
    tree = parse_html(PAGE)
    cases = [(("og:title",), ("twitter:title",)), (("og:site_name",), ("application-name",))]
    for properties, names in cases:
        query = " or ".join(
            [f"@property='{p}'" for p in properties] + [f"@name='{n}'" for n in names]
        )
        assert meta_contents(tree, properties, names) == [
            str(v) for v in tree.xpath(f"//meta[{query}]/@content")
        ]
    assert meta_contents(tree, ("og:title",), ("og:title",)) == ["First", "Named", "Second"]
