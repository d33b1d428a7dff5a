"""bench/pagesets/layout_devset.py: Mercury's fixtures get back the markup sites serve."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.benchscripts import bench_module


@pytest.fixture(scope="module")
def layout() -> ModuleType:
    return bench_module("layout_devset", "pagesets")


def test_mercury_meta_tags_get_content_and_property_back(layout: ModuleType) -> None:
    # What Mercury's normalizeMetaTags leaves in its fixtures.
    saved = (
        b'<meta value="2016-11-29T10:39:35Z" name="article:published_time">'
        b'<META NAME="description" VALUE="Quays reopen">'
        b'<meta name="og:image" value="https://a.example/i.jpg">'
    )
    assert layout.undo_mercury_meta(saved) == (
        b'<meta content="2016-11-29T10:39:35Z" property="article:published_time">'
        b'<META NAME="description" content="Quays reopen">'
        b'<meta property="og:image" content="https://a.example/i.jpg">'
    )


def test_meta_tags_that_kept_their_content_are_left_alone(layout: ModuleType) -> None:
    page = b'<meta content="a" value="b" name="og:title"><input value="x" name="og:q">'
    assert layout.undo_mercury_meta(page) == page
