"""Page chrome of the ``olivero`` zoo site: what Drupal 10 core + Olivero print around a page.

Modelled on drupal/drupal (core/themes/olivero/templates/):
- layout/html.html.twig (210802590a) and a real rendered Drupal 10 Olivero page (head order,
  ``dialog-off-canvas-main-canvas``, ``<main role="main">`` inside ``.main-content``);
- layout/page.html.twig (08a9dcb253), region--header (1e79f5be4d), region--content-above
  (15ebeed5fd), region--sidebar (1e79f5be4d), region--footer-top (1e79f5be4d);
- block/block.html.twig (49c2dc1693), block--system-branding-block (03966fcb13),
  block--system-menu-block (1b3ec547f2), navigation/menu--primary-menu (09040f1767),
  navigation/breadcrumb (2b6b330687), views/views-view (7bb639fd70), stable9
  views-view-fields (a71a3edf4a);
Pure functions returning HTML strings; olivero_blocks.py has the smaller furniture and
olivero.py assembles the pages.
"""

# Long lines are the theme's markup, kept as Drupal prints it.
# ruff: noqa: E501

from __future__ import annotations

import hashlib
import html
from datetime import datetime
from zoneinfo import ZoneInfo

from common import ORIGIN

NAME = "The Tamarack Courier"
SLOGAN = "News from Quillan Springs and Tamarack County"
TZ = ZoneInfo("America/Denver")
TZ_NOTE = "All times are Mountain Time."
NEWSLETTER = "The Courier Daily"
NEWSLETTER_PITCH = "Get the morning headlines from Tamarack County in your inbox."
MC_TITLE = "Sign up for The Courier Daily"
FEED_TITLE = "RSS feed"
INCLUDE = "eJxdjMEKAyEMBX9ord8U9dUNzZqSuIp_X-jBQi9zmIHx5R1XTOQ4VHjANFbRRBK8L-FWt37rhKGE"
CSS = [
    "/sites/default/files/css/css_zv6THqgkFz-3hnWfML77FdeUBxl_cRrAL4ZrfU5g_2Q.css",
    "/sites/default/files/css/css_D8E7nXJH6df1q0BdfCha-bCmAafF83cDSEFFfDoWYlc.css",
]
JS = "/sites/default/files/js/js_LE-VkmknpVI0BJZFaMC9dBPwvQD6qFhQ7XmZxRJj0I8.js"
FONTS = [
    "/core/themes/olivero/fonts/metropolis/Metropolis-Regular.woff2",
    "/core/themes/olivero/fonts/metropolis/Metropolis-SemiBold.woff2",
    "/core/themes/olivero/fonts/metropolis/Metropolis-Bold.woff2",
    "/core/themes/olivero/fonts/lora/lora-v14-latin-regular.woff2",
]
NOJS_CSS = "/core/themes/olivero/css/components/navigation/nav-primary-no-js.css"
FAVICON = "/core/themes/olivero/favicon.ico"
MENU = [
    ("Home", "/"),
    ("News", "/news"),
    ("Local", "/sections/local"),
    ("Outdoors", "/sections/outdoors"),
    ("Schools", "/sections/schools"),
    ("Business", "/sections/business"),
    ("Sports", "/sections/sports"),
    ("About", "/about"),
    ("Newsletter", "/newsletter"),
]
SEARCH_ICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="22" height="23" viewBox="0 0 22 23">\n'
    '  <path fill="currentColor" d="M21.7,21.3l-4.4-4.4C19,15.1,20,12.7,20,10c0-5.5-4.5-10-10-10'
    "S0,4.5,0,10s4.5,10,10,10c2.1,0,4.1-0.7,5.8-1.8l4.5,4.5c0.4,0.4,1,0.4,1.4,0S22.1,21.7,21.7,"
    '21.3z M10,18c-4.4,0-8-3.6-8-8s3.6-8,8-8s8,3.6,8,8S14.4,18,10,18z"/>\n</svg>'
)
RSS_ICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="14.2" height="14.2" viewBox="0 0 14.2 14.2">\n'
    '  <path d="M4,12.2c0-2.5-3.9-2.4-3.9,0C0.1,14.7,4,14.6,4,12.2z M9.1,13.4C8.7,9,5.2,5.5,0.8,5.1'
    "c-1,0-1,2.7-0.1,2.7c3.1,0.3,5.5,2.7,5.8,5.8c0,0.7,2.1,0.7,2.5,0.3C9.1,13.7,9.1,13.6,9.1,13.4z"
    '"/>\n</svg>'
)
PAGER_FIRST = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="14" height="12" viewBox="0 0 14 12">'
    '<path fill="currentColor" d="M2 0h2v12H2zM14 1.4 12.6 0 6.6 6l6 6L14 10.6 9.4 6z"/></svg>'
)
PAGER_PREVIOUS = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="12" viewBox="0 0 8 12">'
    '<path fill="currentColor" d="M8 1.4 6.6 0 .6 6l6 6L8 10.6 3.4 6z"/></svg>'
)


def esc(text: str) -> str:
    """Escape as Twig (and Drupal's Html::escape) do: ``'`` becomes ``&#039;``."""
    return html.escape(text, quote=True).replace("&#x27;", "&#039;")


def body_text(text: str) -> str:
    """Escape text the way CKEditor 5 stores it in a body field (quotes stay literal)."""
    return html.escape(text, quote=False)


def digest(text: str, length: int = 64) -> str:
    """A stable hex string standing in for Drupal's random-looking hashes."""
    return hashlib.sha256(text.encode()).hexdigest()[:length]


# -- date formats (PHP date() patterns the site uses, rendered in the site zone) ------------


def local(moment: datetime) -> datetime:
    return moment.astimezone(TZ)


def _h12(moment: datetime) -> str:
    return str(moment.hour % 12 or 12)


def olivero_medium(moment: datetime) -> str:
    """The site's edited ``olivero_medium`` format ``F j, Y - g:ia``."""
    m = local(moment)
    half = "am" if m.hour < 12 else "pm"
    return f"{m:%B} {m.day}, {m.year} - {_h12(m)}:{m:%M}{half}"


def medium(moment: datetime) -> str:
    """Drupal's ``medium`` format ``D, m/d/Y - H:i``."""
    return f"{local(moment):%a, %m/%d/%Y - %H:%M}"


def long_format(moment: datetime) -> str:
    """Drupal's ``long`` format ``l, F j, Y - H:i`` (the timestamp tooltip)."""
    m = local(moment)
    return f"{m:%A}, {m:%B} {m.day}, {m.year} - {m:%H:%M}"


def short(moment: datetime) -> str:
    """Drupal's ``short`` format ``m/d/Y - H:i`` (search results)."""
    return f"{local(moment):%m/%d/%Y - %H:%M}"


def feed_time(moment: datetime) -> str:
    """The News Feed view's custom format ``M j, g:i a``."""
    m = local(moment)
    half = "am" if m.hour < 12 else "pm"
    return f"{m:%b} {m.day}, {_h12(m)}:{m:%M} {half}"


def rfc3339(moment: datetime) -> str:
    """TimestampFormatter's ``datetime`` attribute: RFC 3339 in the site zone."""
    return local(moment).isoformat()


def html_datetime(moment: datetime) -> str:
    """Drupal's ``html_datetime`` token (``Y-m-d\\TH:i:sO``), as Metatag prints it."""
    return local(moment).strftime("%Y-%m-%dT%H:%M:%S%z")


def utc_zulu(moment: datetime) -> str:
    """The datetime module's ISO attribute: ``Y-m-d\\TH:i:s`` in UTC plus ``Z``."""
    return moment.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%SZ")


def time_element(moment: datetime, text: str) -> str:
    """``#theme => time`` from the core TimestampFormatter with the default tooltip."""
    return f'<time datetime="{rfc3339(moment)}" title="{long_format(moment)}">{text}</time>'


# -- head, header, footer --------------------------------------------------------------------


def head(title: str, meta: str = "", links: str = "") -> str:
    """``html.html.twig`` up to ``</head>``: ``meta`` goes where Metatag's tags go (before
    the Generator tag), ``links`` where core's ``html_head_link`` items go (after the icon)."""
    css = "\n".join(
        f'<link rel="stylesheet" media="all" href="{href}?delta={i}&amp;language=en&amp;'
        f'theme=olivero&amp;include={INCLUDE}" />'
        for i, href in enumerate(CSS)
    )
    fonts = "\n".join(
        f'<link rel="preload" href="{f}" as="font" type="font/woff2" crossorigin>' for f in FONTS
    )
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr" style="--color--primary-hue:202;--color--primary-saturation:79%;--color--primary-lightness:50">
  <head>
    <meta charset="utf-8" />
{meta}<meta name="Generator" content="Drupal 10 (https://www.drupal.org)" />
<meta name="MobileOptimized" content="width" />
<meta name="HandheldFriendly" content="true" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<link rel="icon" href="{FAVICON}" type="image/vnd.microsoft.icon" />
{links}
    <title>{esc(title)} | {NAME}</title>
    {css}

{fonts}
    <noscript><link rel="stylesheet" href="{NOJS_CSS}?s9zgzx" />
</noscript>
  </head>
"""


def core_links(canonical: str, shortlink: str | None = None) -> str:
    """Core's canonical and shortlink ``<link>`` elements of an entity page."""
    out = f'<link rel="canonical" href="{ORIGIN}{canonical}" />\n'
    if shortlink:
        out += f'<link rel="shortlink" href="{ORIGIN}{shortlink}" />\n'
    return out


def _menu_item(title: str, href: str) -> str:
    return f"""
        <li class="primary-nav__menu-item primary-nav__menu-item--link primary-nav__menu-item--level-1">
                      <a href="{href}" class="primary-nav__menu-link primary-nav__menu-link--link primary-nav__menu-link--level-1" data-drupal-link-system-path="{href.strip("/") or "&lt;front&gt;"}">            <span class="primary-nav__menu-link-inner primary-nav__menu-link-inner--level-1">{esc(title)}</span>
          </a>
                  </li>"""


def _search_form(suffix: str) -> str:
    return f"""<form action="/search/node" method="get" id="search-block-form{suffix}" accept-charset="UTF-8" class="search-form search-block-form">
  <div class="js-form-item form-item js-form-type-search form-item-keys js-form-item-keys form-no-label">
      <label for="edit-keys{suffix}" class="form-item__label visually-hidden">Search</label>
        <input title="Enter the terms you wish to search for." placeholder="Search by keyword or phrase." data-drupal-selector="edit-keys" type="search" id="edit-keys{suffix}" name="keys" value="" size="15" maxlength="128" class="form-search form-element form-element--type-search form-element--api-search" />
        </div>
<div data-drupal-selector="edit-actions" class="form-actions js-form-wrapper form-wrapper" id="edit-actions{suffix}"><button class="button--primary search-form__submit button js-form-submit form-submit" data-drupal-selector="edit-submit" type="submit" id="edit-submit{suffix}" value="Search">
    <span class="icon--search"></span>
    <span class="visually-hidden">Search</span>
</button>
</div>
</form>"""


def body_open(body_class: str) -> str:
    """``<body>`` to the end of the header (branding, search, main and account menus)."""
    items = "".join(_menu_item(t, h) for t, h in MENU)
    return f"""  <body class="{body_class}">
        <a href="#main-content" class="visually-hidden focusable skip-link">
      Skip to main content
    </a>
      <div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<div id="page-wrapper" class="page-wrapper">
  <div id="page">
          <header id="header" class="site-header" data-drupal-selector="site-header" role="banner">
                <div class="site-header__fixable" data-drupal-selector="site-header-fixable">
          <div class="site-header__initial">
            <button class="sticky-header-toggle" data-drupal-selector="sticky-header-toggle" role="switch" aria-controls="site-header__inner" aria-label="Sticky header" aria-checked="false">
              <span class="sticky-header-toggle__icon">
                <span></span>
                <span></span>
                <span></span>
              </span>
            </button>
          </div>
                    <div id="site-header__inner" class="site-header__inner" data-drupal-selector="site-header-inner">
            <div class="container site-header__inner__container">
<div id="block-olivero-site-branding" class="site-branding block block-system block-system-branding-block">
    <div class="site-branding__inner">
              <div class="site-branding__text">
        <div class="site-branding__name">
          <a href="/" title="Home" rel="home">{NAME}</a>
        </div>
      </div>
          <div class="site-branding__slogan">{SLOGAN}</div>
      </div>
</div>
<div class="header-nav-overlay" data-drupal-selector="header-nav-overlay"></div>
                              <div class="mobile-buttons" data-drupal-selector="mobile-buttons">
                  <button class="mobile-nav-button" data-drupal-selector="mobile-nav-button" aria-label="Main Menu" aria-controls="header-nav" aria-expanded="false">
                    <span class="mobile-nav-button__label">Menu</span>
                    <span class="mobile-nav-button__icon"></span>
                  </button>
                </div>
                <div id="header-nav" class="header-nav" data-drupal-selector="header-nav">
<div class="search-block-form block block-search-narrow" data-drupal-selector="search-block-form" id="block-olivero-search-form-narrow" role="search">
      <div class="content">
      {_search_form("")}
    </div>
  </div>
<nav  id="block-olivero-main-menu" class="primary-nav block block-menu navigation menu--main" aria-labelledby="block-olivero-main-menu-menu" role="navigation">
  <h2 class="visually-hidden block__title" id="block-olivero-main-menu-menu">Main navigation</h2>
    <ul  class="menu primary-nav__menu primary-nav__menu--level-1" data-drupal-selector="primary-nav-menu--level-1">{items}
          </ul>
  </nav>
  <div class="region region--secondary-menu">
    <div class="search-block-form block block-search-wide" data-drupal-selector="search-block-form-2" id="block-olivero-search-form-wide" role="search">
      <button class="block-search-wide__button" aria-label="Search Form" data-drupal-selector="block-search-wide-button">
      {SEARCH_ICON}
      <span class="block-search-wide__button-close"></span>
    </button>
        <div class="block-search-wide__wrapper" data-drupal-selector="block-search-wide-wrapper" tabindex="-1">
      <div class="block-search-wide__container">
        <div class="block-search-wide__grid">
          {_search_form("--2")}
        </div>
      </div>
    </div>
  </div>
<nav  id="block-olivero-account-menu" class="block block-menu navigation menu--account secondary-nav" aria-labelledby="block-olivero-account-menu-menu" role="navigation">
  <span class="visually-hidden" id="block-olivero-account-menu-menu">User account menu</span>
          <ul class="menu secondary-nav__menu secondary-nav__menu--level-1">
        <li class="secondary-nav__menu-item secondary-nav__menu-item--link secondary-nav__menu-item--level-1">
          <a href="/user/login" class="secondary-nav__menu-link secondary-nav__menu-link--link secondary-nav__menu-link--level-1" data-drupal-link-system-path="user/login">Log in</a>
                  </li>
          </ul>
  </nav>
  </div>
                </div>
                          </div>
          </div>
        </div>
      </header>
"""


def main_open(breadcrumb: list[tuple[str, str]] | None) -> str:
    """The main wrapper, the (empty) messages region and the breadcrumb region."""
    crumbs = ""
    if breadcrumb:
        items = "".join(
            f"""
          <li class="breadcrumb__item">
                          <a href="{href}" class="breadcrumb__link">{esc(text)}</a>
                      </li>"""
            for text, href in breadcrumb
        )
        crumbs = f"""
  <div class="region region--breadcrumb grid-full layout--pass--content-medium">
<div id="block-olivero-breadcrumbs" class="block block-system block-system-breadcrumb-block">
      <div class="block__content">
        <nav class="breadcrumb" role="navigation" aria-labelledby="system-breadcrumb">
    <h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb</h2>
    <div class="breadcrumb__content">
      <ol class="breadcrumb__list">{items}
              </ol>
    </div>
  </nav>
    </div>
  </div>
  </div>"""
    return f"""    <div id="main-wrapper" class="layout-main-wrapper layout-container">
      <div id="main" class="layout-main">
        <div class="main-content">
          <a id="main-content" tabindex="-1"></a>
          <div class="main-content__container container">
  <div class="region region--highlighted grid-full layout--pass--content-medium">
    <div data-drupal-messages-fallback class="hidden messages-list"></div>
  </div>{crumbs}
"""


def page_title(title_html: str) -> str:
    """The page title block in the content-above region."""
    return f"""  <div class="region region--content-above grid-full layout--pass--content-medium">
<div id="block-olivero-page-title" class="block block-core block-page-title-block">
  <h1 class="title page-title">{title_html}</h1>
</div>
  </div>
"""


def content_region(inner: str) -> str:
    return f"""  <div class="region region--content grid-full layout--pass--content-medium" id="content">
<div id="block-olivero-content" class="block block-system block-system-main-block">
      <div class="block__content">
      {inner}
    </div>
  </div>
  </div>
"""


def layout(title: str, content: str, sidebar: str, below: str) -> str:
    """content-above + content inside ``<main>``, the sidebar beside it, content-below after."""
    top = page_title(title) if title else ""
    if sidebar:
        inner = (
            f'<div class="sidebar-grid grid-full">\n<main role="main" class="site-main">\n{top}'
            f'{content_region(content)}</main>\n<aside class="region region--sidebar">\n'
            f"{sidebar}</aside>\n</div>\n"
        )
    else:
        inner = f'<main role="main">\n{top}{content_region(content)}</main>\n'
    if below:
        inner += (
            '  <div class="region region--content-below grid-full '
            f'layout--pass--content-medium">\n{below}  </div>\n'
        )
    return inner


def block(block_id: str, plugin_class: str, label: str, inner: str, extra_class: str = "") -> str:
    """``block.html.twig``: a labelled block with ``block__content``."""
    cls = f"{extra_class} block {plugin_class}".strip()
    title = f'\n  <h2 class="block__title">{esc(label)}</h2>' if label else ""
    return f"""<div class="{cls}" id="block-olivero-{block_id}">{title}
      <div class="block__content">
      {inner}
    </div>
  </div>
"""


def view(view_id: str, display: str, rows: str, pager: str = "", extra: str = "") -> str:
    """Olivero's ``views-view.html.twig`` around already rendered rows."""
    dom = digest(f"{view_id}:{display}:{rows[:200]}")
    return (
        f'<div class="views-element-container"><div class="view view-{view_id.replace("_", "-")} '
        f'view-id-{view_id} view-display-id-{display} js-view-dom-id-{dom}">\n'
        f'      <div class="view-content">\n{rows}    </div>\n{pager}{extra}</div>\n</div>\n'
    )


def views_block(block_id: str, view_id: str, label: str, rows: str) -> str:
    """A Views block placed in a region (``block-views`` classes, view markup inside)."""
    plugin = f"block-views block-views-block{view_id.replace('_', '-')}-block-1"
    inner = view(view_id, "block_1", rows)
    return block(block_id, plugin, label, inner, "views-element-container")


def field_row(href: str, title: str, moment: datetime | None = None) -> str:
    """One Views fields row: the created time (custom format) and the linked title."""
    created = ""
    if moment is not None:
        created = (
            '<div class="views-field views-field-created"><span class="field-content">'
            f"{time_element(moment, feed_time(moment))}</span></div>"
        )
    return (
        f'<div class="views-row">{created}<div class="views-field views-field-title">'
        f'<span class="field-content"><a href="{href}" hreflang="en">{esc(title)}</a></span>'
        "</div></div>\n"
    )
