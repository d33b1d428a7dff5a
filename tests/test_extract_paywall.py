"""The paywall flag from the notice a members-only page shows."""

from __future__ import annotations

import lxml.html
import pytest

from newscrawl.extract.article import extract_article
from newscrawl.extract.paywall import paywall_notice

STORY = " ".join(
    f"Sentence {i} of the story tells how the shops on the main road closed." for i in range(8)
)
PAGE = "https://news.example/main-road-shops/"


def _article(extra: str) -> str:
    return (
        f"<html><body><article><h1>Main road shops stand empty</h1><p>{STORY}</p>"
        f"{extra}</article></body></html>"
    )


GHOST_CTA = (
    '<aside class="gh-post-upgrade-cta"><div class="gh-post-upgrade-cta-content">'
    "<h2>This post is for paying subscribers only</h2>"
    '<a class="gh-btn" href="#/portal/signup">Subscribe now</a></div></aside>'
)


def test_ghost_upgrade_box_marks_the_article_paywalled() -> None:
    assert extract_article(_article(GHOST_CTA), PAGE).fields["paywalled"] is True


@pytest.mark.parametrize(
    "notice",
    [
        "<h2>This post is for subscribers only</h2>",
        "<p>Subscribe to continue reading.</p>",
        "<div>Keep reading with a 7-day free trial</div>",
        "<p>Dieser Artikel ist nur für Abonnenten.</p>",
    ],
)
def test_notices(notice: str) -> None:
    assert paywall_notice(lxml.html.document_fromstring(_article(notice))) is True


@pytest.mark.parametrize(
    "extra",
    [
        # A free site asking for support, a newsletter box, a story about walls.
        "<p>Tideline is free to read because 2,300 locals chip in. Join them from $6.</p>",
        "<p>Sign up free; members get the long reads too.</p>",
        "<p>The council said the report is for members only, and would not release it, "
        "though residents had asked for weeks to see what it says.</p>",
        # A hidden template that scripts show only to walled readers.
        '<div style="display: none"><h2>This post is for subscribers only</h2></div>',
        "<div hidden><p>Subscribe to continue reading</p></div>",
    ],
)
def test_no_wall(extra: str) -> None:
    assert paywall_notice(lxml.html.document_fromstring(_article(extra))) is None
    assert extract_article(_article(extra), PAGE).fields["paywalled"] is None
