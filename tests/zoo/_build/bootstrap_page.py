"""Page chrome of the ``bootstrap`` zoo site: a hand-built paper on Bootstrap 5.3 markup.

Modelled on github twbs/bootstrap ``site/src/assets/examples/``: blog/index.astro (d60b707a63:
``header.border-bottom.lh-1.py-3`` with Subscribe / logo / search / Sign up, the
``nav-scroller`` with ``nav-underline``, the featured ``p-4 p-md-5 mb-4 rounded`` block, the
two ``row g-0 border rounded ... h-md-250`` cards, ``article.blog-post`` with
``p.blog-post-meta``, the ``position-sticky`` sidebar with About / "Recent posts" list items
``a.d-flex.flex-column.flex-lg-row.gap-3 ... border-top`` / Archives / Elsewhere,
``nav.blog-pagination``, the ``footer.py-5.text-center.text-body-secondary.bg-body-tertiary``)
and album/index.astro (0e121495d9: ``.card.shadow-sm``, ``card-img-top``, ``card-body``,
``card-text``); Bootstrap's documented breadcrumb, pagination, figure and badge components;
the topbar date line of the HTML Codex "Newsers" Bootstrap 5 magazine template (as copied in
Faadddi123/Croiser View/index.html, b81a5c9b52). Pure functions returning HTML strings.
"""

# Long lines are the template's markup; Ukrainian text and en dashes are meant.
# ruff: noqa: E501

from __future__ import annotations

import html
import unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo

from common import ORIGIN

NAME = "The Brzegowo Herald"
TZ = ZoneInfo("Europe/Warsaw")
TZ_NOTE = "All times are Central European Time (Warsaw)."
COOKIE = "This site uses cookies to count visits and nothing else."
ABOUT = (
    "The Brzegowo Herald is an independent weekly and daily website for Brzegowo and the "
    "villages of the lower Odrzanka valley, with a section in Ukrainian for our new neighbours."
)
NEWSLETTER = "The Herald Weekly"
NEWSLETTER_PITCH = "The week's stories from Brzegowo, every Friday morning."
SECTIONS = {
    "Local": "local",
    "Business": "business",
    "Culture": "culture",
    "Sport": "sport",
    "Українською": "ukrainska",
}
CSS = ["/assets/dist/css/bootstrap.min.css", "/css/blog.css"]
JS = "/assets/dist/js/bootstrap.bundle.min.js"
UK_MONTHS = [
    "січня",
    "лютого",
    "березня",
    "квітня",
    "травня",
    "червня",
    "липня",
    "серпня",
    "вересня",
    "жовтня",
    "листопада",
    "грудня",
]
CYRILLIC = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяʼ'",
        [
            "a",
            "b",
            "v",
            "h",
            "g",
            "d",
            "e",
            "ie",
            "zh",
            "z",
            "y",
            "i",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "iu",
            "ia",
            "",
            "",
        ],
        strict=True,
    )
)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def slug(text: str) -> str:
    """ASCII slug of Polish or Ukrainian words, as the site's author typed the file names."""
    out = []
    for ch in text.lower().replace("ł", "l"):
        if ch in CYRILLIC:
            out.append(CYRILLIC[ch])
        else:
            out.append(unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode())
    word = "".join(out)
    return "-".join("".join(c if c.isalnum() else " " for c in word).split())


# -- visible dates, in the site zone, text only -----------------------------------------------


def local(moment: datetime) -> datetime:
    return moment.astimezone(TZ)


def en_datetime(moment: datetime) -> str:
    """``Dec 6, 2024, 3:00 PM``."""
    m = local(moment)
    half = "AM" if m.hour < 12 else "PM"
    return f"{m:%b} {m.day}, {m.year}, {m.hour % 12 or 12}:{m:%M} {half}"


def en_date(moment: datetime) -> str:
    m = local(moment)
    return f"{m:%b} {m.day}, {m.year}"


def uk_datetime(moment: datetime) -> str:
    """``6 грудня 2024, 15:00``."""
    m = local(moment)
    return f"{m.day} {UK_MONTHS[m.month - 1]} {m.year}, {m:%H:%M}"


def month_title(year: int, month: int) -> str:
    return datetime(year, month, 1).strftime("%B %Y")


# -- page frame -------------------------------------------------------------------------------


def head(title: str, canonical: str, lang: str, meta: str = "", description: str = "") -> str:
    desc = f'\n    <meta name="description" content="{esc(description)}">' if description else ""
    return f"""<!doctype html>
<html lang="{lang}" data-bs-theme="auto">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">{desc}
    <title>{esc(title)}</title>
    <link rel="canonical" href="{ORIGIN}{canonical}">
{meta}    <link href="{CSS[0]}" rel="stylesheet">
    <link href="https://fonts.googleapis.com/css?family=Playfair+Display:700,900&amp;display=swap" rel="stylesheet">
    <link href="{CSS[1]}" rel="stylesheet">
    <link rel="alternate" type="application/rss+xml" title="{NAME}" href="/feed.xml">
  </head>
"""


def og_tags(title: str, url: str, image: str, description: str, locale: str) -> str:
    return f"""    <meta property="og:site_name" content="{NAME}">
    <meta property="og:type" content="article">
    <meta property="og:title" content="{esc(title)}">
    <meta property="og:description" content="{esc(description)}">
    <meta property="og:url" content="{ORIGIN}{url}">
    <meta property="og:image" content="{ORIGIN}{image}">
    <meta property="og:locale" content="{locale}">
"""


def top(today: datetime, active: str | None = None) -> str:
    """Cookie note, the blog header, the section nav."""
    nav = [("Latest", "/news/index.html")] + [
        (s, f"/sections/{v}.html") for s, v in SECTIONS.items()
    ]
    nav += [("Archive", "/news/2024/12/index.html"), ("About", "/about.html")]
    current = ' aria-current="page"'
    links = "\n".join(
        f'      <a class="nav-item nav-link link-body-emphasis{" active" if t == active else ""}" '
        f'href="{h}"{current if t == active else ""}>{esc(t)}</a>'
        for t, h in nav
    )
    m = local(today)
    return f"""  <body>
<svg xmlns="http://www.w3.org/2000/svg" class="d-none">
  <symbol id="chevron-right" viewBox="0 0 16 16">
    <path fill-rule="evenodd" d="M4.646 1.646a.5.5 0 0 1 .708 0l6 6a.5.5 0 0 1 0 .708l-6 6a.5.5 0 0 1-.708-.708L10.293 8 4.646 2.354a.5.5 0 0 1 0-.708z"/>
  </symbol>
</svg>
<div class="alert alert-secondary alert-dismissible fade show mb-0 rounded-0 text-center small" role="alert" id="cookie-note">
  {COOKIE}
  <button type="button" class="btn-close" data-bs-dismiss="alert" aria-label="Close"></button>
</div>
<div class="container">
  <header class="border-bottom lh-1 py-3">
    <div class="row flex-nowrap justify-content-between align-items-center">
      <div class="col-4 pt-1">
        <a class="link-secondary" href="/subscribe.html">Subscribe</a>
        <small class="d-none d-lg-inline text-body-secondary ms-3">{m:%A}, {m:%B} {m.day}, {m.year}</small>
      </div>
      <div class="col-4 text-center">
        <a class="blog-header-logo text-body-emphasis text-decoration-none" href="/">{NAME}</a>
      </div>
      <div class="col-4 d-flex justify-content-end align-items-center">
        <a class="link-secondary" href="/search.html" aria-label="Search">
          <svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" fill="none" stroke="currentColor" stroke-linecap="round" stroke-linejoin="round" stroke-width="2" class="mx-3" role="img" viewBox="0 0 24 24"><title>Search</title><circle cx="10.5" cy="10.5" r="7.5"/><path d="M21 21l-5.2-5.2"/></svg>
        </a>
        <a class="btn btn-sm btn-outline-secondary" href="/subscribe.html">Sign up</a>
      </div>
    </div>
  </header>

  <div class="nav-scroller py-1 mb-3 border-bottom">
    <nav class="nav nav-underline justify-content-between">
{links}
    </nav>
  </div>
</div>
"""


def bottom() -> str:
    return f"""<footer class="py-5 text-center text-body-secondary bg-body-tertiary">
  <p>{NAME} · ul. Rynek 12, 57-300 Brzegowo · <a href="/about.html">About</a> · <a href="/subscribe.html">Newsletter</a> · <a href="/feed.xml">RSS</a> · <a href="/admin/">Staff login</a></p>
  <p>{TZ_NOTE}</p>
  <p class="mb-0">
    <a href="#">Back to top</a>
  </p>
</footer>
<script src="{JS}"></script>
  </body>
</html>
"""


# -- blocks ------------------------------------------------------------------------------------


def sidebar(feed: list[tuple[str, str, str, datetime]], months: list[tuple[int, int]]) -> str:
    """About box, the "News Feed" (the example's "Recent posts"), Archives, Elsewhere.

    ``feed`` holds ``(href, title, image, published)``."""
    rows = "\n".join(
        f"""            <li>
              <a class="d-flex flex-column flex-lg-row gap-3 align-items-start align-items-lg-center py-3 link-body-emphasis text-decoration-none border-top" href="{href}">
                <img class="bd-placeholder-img" src="{img}" width="100" height="96" alt="" loading="lazy">
                <div class="col-lg-8">
                  <h6 class="mb-0">{esc(title)}</h6>
                  <small class="text-body-secondary">{en_datetime(when)}</small>
                </div>
              </a>
            </li>"""
        for href, title, img, when in feed
    )
    archive = "\n".join(
        f'            <li><a href="/news/{y}/{m:02d}/index.html">{month_title(y, m)}</a></li>'
        for y, m in months
    )
    return f"""    <div class="col-md-4">
      <div class="position-sticky" style="top: 2rem;">
        <div class="p-4 mb-3 bg-body-tertiary rounded">
          <h4 class="fst-italic">About</h4>
          <p class="mb-0">{ABOUT}</p>
        </div>

        <div>
          <h4 class="fst-italic">News Feed</h4>
          <ul class="list-unstyled">
{rows}
          </ul>
        </div>

        <div class="p-4">
          <h4 class="fst-italic">Archives</h4>
          <ol class="list-unstyled mb-0">
{archive}
          </ol>
        </div>

        <div class="p-4">
          <h4 class="fst-italic">Elsewhere</h4>
          <ol class="list-unstyled">
            <li><a href="https://www.facebook.com/brzegowoherald">Facebook</a></li>
            <li><a href="https://www.instagram.com/brzegowoherald">Instagram</a></li>
          </ol>
        </div>
      </div>
    </div>
"""


def card(href: str, title: str, image: str, section: str, excerpt: str, when: datetime) -> str:
    """An album-style card in a ``.col-md-4`` column."""
    return f"""      <div class="col-md-4">
        <div class="card mb-4 shadow-sm h-100">
          <img src="{image}" class="card-img-top" alt="" width="400" height="225" loading="lazy">
          <div class="card-body">
            <strong class="d-inline-block mb-2 text-primary-emphasis">{esc(section)}</strong>
            <h5 class="card-title"><a href="{href}" class="link-body-emphasis text-decoration-none stretched-link">{esc(title)}</a></h5>
            <p class="card-text">{esc(excerpt)}</p>
            <small class="text-body-secondary">{en_date(when)}</small>
          </div>
        </div>
      </div>
"""


def pagination(base: str, current: int, total: int) -> str:
    """Bootstrap's pagination component; page 1 is ``base`` itself, then ``base?page=N``."""
    if total < 2:
        return ""

    def href(n: int) -> str:
        return base if n == 1 else f"{base}?page={n}"

    items = []
    if current == 1:
        items.append('<li class="page-item disabled"><a class="page-link">Previous</a></li>')
    else:
        items.append(
            f'<li class="page-item"><a class="page-link" href="{href(current - 1)}">Previous</a></li>'
        )
    for n in range(1, total + 1):
        if n == current:
            items.append(
                f'<li class="page-item active" aria-current="page"><a class="page-link" href="{href(n)}">{n}</a></li>'
            )
        else:
            items.append(
                f'<li class="page-item"><a class="page-link" href="{href(n)}">{n}</a></li>'
            )
    if current == total:
        items.append('<li class="page-item disabled"><a class="page-link">Next</a></li>')
    else:
        items.append(
            f'<li class="page-item"><a class="page-link" href="{href(current + 1)}">Next</a></li>'
        )
    rows = "\n      ".join(items)
    return f"""  <nav aria-label="Page navigation">
    <ul class="pagination justify-content-center">
      {rows}
    </ul>
  </nav>
"""


def mailchimp(list_id: str, heading: str) -> str:
    """The Mailchimp embed as copied from Mailchimp's form builder."""
    return f"""<!-- Begin Mailchimp Signup Form -->
<div id="mc_embed_shell">
<div id="mc_embed_signup">
<form action="https://brzegowoherald.us14.list-manage.com/subscribe/post?u=2b8e07c94d1f6a35e0c71b9a2&amp;id={list_id}&amp;f_id=0091c2e1f0" method="post" id="mc-embedded-subscribe-form" name="mc-embedded-subscribe-form" class="validate" target="_blank">
<div id="mc_embed_signup_scroll"><h2>{esc(heading)}</h2>
<div class="indicates-required"><span class="asterisk">*</span> indicates required</div>
<div class="mc-field-group"><label for="mce-EMAIL">Email Address <span class="asterisk">*</span></label><input type="email" name="EMAIL" class="required email form-control" id="mce-EMAIL" required="" value=""></div>
<div class="mc-field-group"><label for="mce-FNAME">First Name </label><input type="text" name="FNAME" class="text form-control" id="mce-FNAME" value=""></div>
<div id="mce-responses" class="clear foot"><div class="response" id="mce-error-response" style="display: none;"></div><div class="response" id="mce-success-response" style="display: none;"></div></div>
<div aria-hidden="true" style="position: absolute; left: -5000px;"><input type="text" name="b_2b8e07c94d1f6a35e0c71b9a2_{list_id}" tabindex="-1" value=""></div>
<div class="clear foot"><input type="submit" name="subscribe" id="mc-embedded-subscribe" class="btn btn-primary" value="Subscribe"></div>
</div>
</form>
</div>
<script type="text/javascript" src="//s3.amazonaws.com/downloads.mailchimp.com/js/mc-validate.js"></script>
</div>
<!--End mc_embed_signup-->"""
