"""Node-level HTML of the ``olivero`` zoo site: full nodes, teasers, fields and Metatag output.

Modelled on drupal/drupal:
- core/themes/olivero/templates/content/node.html.twig (0644c25265) with
  node--article--full (0ea2e4d0df; ``content-narrow`` layout), node--teaser (0644c25265) and
  components/teaser/teaser.twig (abf79d7125); olivero.theme (06ede619de): the submitted date is
  re-formatted with ``olivero_medium`` (this site edited that pattern to ``F j, Y - g:ia``),
  ``text-content`` on text fields, ``wide-content`` on the full-view image field;
- field templates: olivero field--node--field-tags (b772cdc544), field--node--field-image
  (3296fcb58c), field--text (48c0591555), field--comment (26e593af85), content/comment
  (4766b717ee); stable9 field.html.twig (250534625e), field--node--created (3a0a39ca66),
  time.html.twig (9ba6f74417); content/media (77e7d425c1);
- core TimestampFormatter (b8b2e6f03b): ``datetime`` is RFC 3339 in the site zone and the
  ``long`` format goes into ``title``; datetime module DateTimeFormatterBase (1fb7dc9c23):
  ``Y-m-d\\TH:i:s`` in UTC plus ``Z``; filter module filter-caption.html.twig (06f42c97a5);
- Metatag's Open Graph and article tags (``article:published_time`` from the
  ``[node:created:html_datetime]`` token), only on the Article bundle.
Content types: ``article`` (core Article: submitted line with the owner, image field,
comments), ``story`` (submitted line hidden; a plain-text "By" byline field, the created
field shown as a field, a datetime "Updated" field, lead photo as a captioned media embed)
and ``brief`` (submitted line; a captioned inline image in the body).
"""

# Long lines are the theme's markup, kept as Drupal prints it.
# ruff: noqa: E501

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from common import ORIGIN, Block, Story, slugify
from olivero_blocks import mailchimp
from olivero_page import (
    NAME,
    body_text,
    digest,
    esc,
    html_datetime,
    local,
    long_format,
    medium,
    olivero_medium,
    rfc3339,
    short,
    utc_zulu,
)

EXTRA_KEYS = ("type", "byline", "role", "owner", "comments", "inbody", "alias")


@dataclass(frozen=True)
class Node:
    """A story as one Drupal node: its id, bundle and the fields only this site has."""

    story: Story
    nid: int
    kind: str
    owner: str
    byline: str | None
    role: str | None
    comments: bool
    inbody: bool
    old_alias: str | None

    @property
    def path(self) -> str:
        return f"/news/{self.story.slug}"

    @property
    def slug(self) -> str:
        return self.story.slug


def read_extras(path: Path) -> dict[str, dict[str, str]]:
    """The site-only header keys of each story (common.load_stories ignores them)."""
    out: dict[str, dict[str, str]] = {}
    text = path.read_text(encoding="utf-8")
    for chunk in re.split(r"^=== ", text, flags=re.MULTILINE)[1:]:
        head = chunk.partition("\n---\n")[0].strip().splitlines()
        meta = dict(line.split(": ", 1) for line in head[1:])
        out[head[0].strip()] = {k: v for k, v in meta.items() if k in EXTRA_KEYS}
    return out


# -- users, images, URLs ----------------------------------------------------------------------


def user_path(name: str) -> str:
    return f"/authors/{slugify(name)}"


def upload_dir(story: Story) -> str:
    return f"{local(story.published):%Y-%m}"


def original_image(story: Story) -> str:
    return f"/sites/default/files/{upload_dir(story)}/{story.slug}.jpg"


def itok(style: str, story: Story) -> str:
    raw = hashlib.sha256(f"{style}:public://{upload_dir(story)}/{story.slug}".encode()).digest()
    return base64.urlsafe_b64encode(raw).decode()[:8]


def styled_image(story: Story, style: str) -> str:
    """An image style derivative URL with its ``itok`` token."""
    path = f"/sites/default/files/styles/{style}/public/{upload_dir(story)}/{story.slug}.jpg"
    return f"{path}?itok={itok(style, story)}"


def lead_image(node: Node) -> str:
    """The gold lead image: for Articles the original file that Metatag's ``og:image``
    names (the page shows its ``wide`` derivative); otherwise the embedded ``large``
    derivative, the only image URL those pages carry (path and query)."""
    if node.kind == "article":
        return original_image(node.story)
    return styled_image(node.story, "large")


def username(name: str) -> str:
    """``username.html.twig`` inside the ``uid`` field, as the submitted line prints it."""
    return (
        '<span class="field field--name-uid field--type-entity-reference field--label-hidden">'
        f'<a title="View user profile." href="{user_path(name)}" class="username">{esc(name)}'
        "</a></span>"
    )


def submitted(node: Node) -> str:
    """Olivero's ``node__meta``: "By <author>, <olivero_medium date>"."""
    return f"""      <div class="node__meta">
        <span>
          By <span class="node__author">{username(node.owner)}</span>, {olivero_medium(node.story.published)}
        </span>
      </div>
"""


# -- fields ---------------------------------------------------------------------------------


def term_link(href: str, name: str) -> str:
    return f'<a href="{href}" hreflang="en">{esc(name)}</a>'


def section_field(node: Node, section_href: str) -> str:
    name = node.story.section or ""
    return (
        '<div class="field field--name-field-section field--type-entity-reference '
        f'field--label-hidden field__item">{term_link(section_href, name)}</div>\n'
    )


def tags_field(tags: list[tuple[str, str]]) -> str:
    items = "\n".join(
        f'          <li class="field--tags__item">{term_link(href, name)}</li>'
        for name, href in tags
    )
    return f"""      <div class="field field--name-field-tags field--type-entity-reference field--label-above field--tags">
      <h3 class="field__label field--tags__label">Tags</h3>
    <ul class="links field__items field--tags__items">
{items}
      </ul>
</div>
"""


def image_field(node: Node, view_mode: str) -> str:
    """The Article image field (no caption in core); in teasers linked to the node."""
    story = node.story
    if view_mode == "full":
        return (
            '<div class="field field--name-field-image field--type-image field--label-hidden '
            'field__item primary-image wide-content">  <img loading="lazy" '
            f'src="{styled_image(story, "wide")}" width="1100" height="619" '
            f'alt="{esc(story.title)}" />\n</div>\n'
        )
    return (
        '<div class="field field--name-field-image field--type-image field--label-hidden '
        f'field__item primary-image">  <a href="{node.path}" hreflang="en"><img loading="lazy" '
        f'src="{styled_image(story, "medium")}" width="220" height="124" alt="{esc(story.title)}" '
        "/></a>\n</div>\n"
    )


def caption_text(story: Story) -> str:
    return f"{esc(story.caption)} <em>Photo: {esc(story.credit)}</em>"


def media_figure(node: Node) -> str:
    """A ``<drupal-media>`` embed with ``data-caption``: media entity inside filter_caption."""
    story = node.story
    cid = f"caption-{digest(story.slug, 8)}"
    return f"""<figure role="group" aria-labelledby="{cid}" class="caption caption-drupal-media">
<div class="media media--type-image media--view-mode-default">
  <div class="field field--name-field-media-image field--type-image field--label-hidden field__item">  <img loading="lazy" src="{styled_image(story, "large")}" width="480" height="270" alt="{esc(story.caption)}" />
</div>
</div>
<figcaption id="{cid}">{caption_text(story)}</figcaption>
</figure>
"""


def inline_figure(node: Node) -> str:
    """An ``<img data-caption>`` in the body, wrapped by the caption filter."""
    story = node.story
    cid = f"caption-{digest(story.slug, 8)}"
    return f"""<figure role="group" aria-labelledby="{cid}" class="caption caption-img align-center">
<img src="{styled_image(story, "large")}" data-entity-uuid="{digest(story.slug + "uuid", 8)}-{digest(story.slug, 4)}-4{digest(story.slug, 3)}-a{digest(story.slug + "x", 3)}-{digest(story.slug + "y", 12)}" data-entity-type="file" alt="{esc(story.caption)}" width="480" height="270" loading="lazy" />
<figcaption id="{cid}">{caption_text(story)}</figcaption>
</figure>
"""


def body_field(node: Node, figure: str = "") -> str:
    """The body (text with summary, Full HTML): paragraphs, subheadings, an optional embed."""
    parts = [figure] if figure else []
    count = 0
    for block in node.story.blocks:
        parts.append(_block(block))
        if block.kind == "p":
            count += 1
            if node.inbody and count == 2:
                parts.append(mailchimp(f"a1{digest(node.slug, 8)}") + "\n")
    return (
        '<div class="text-content clearfix field field--name-body field--type-text-with-summary '
        'field--label-hidden field__item">' + "".join(parts) + "</div>\n"
    )


def _block(block: Block) -> str:
    tag = "h2" if block.kind == "h2" else "p"
    return f"<{tag}>{body_text(block.text)}</{tag}>\n"


def summary_field(node: Node) -> str:
    first = next(b.text for b in node.story.blocks if b.kind == "p")
    return (
        '<div class="text-content clearfix field field--name-body field--type-text-with-summary '
        f'field--label-hidden field__item"><p>{body_text(first)}</p></div>\n'
    )


def byline_field(node: Node) -> str:
    """The story bundle's plain-text byline with an inline "By" label."""
    return f"""<div class="field field--name-field-byline field--type-string field--label-inline clearfix">
    <div class="field__label">By</div>
              <div class="field__item">{esc(node.byline or "")}</div>
          </div>
"""


def created_field(node: Node) -> str:
    moment = node.story.published
    return (
        '<span class="field field--name-created field--type-created field--label-hidden">'
        f'<time datetime="{rfc3339(moment)}" title="{long_format(moment)}">{medium(moment)}</time>'
        "</span>\n"
    )


def updated_field(node: Node) -> str:
    moment = node.story.modified
    if moment is None:
        return ""
    return f"""<div class="field field--name-field-updated field--type-datetime field--label-inline clearfix">
    <div class="field__label">Updated</div>
              <div class="field__item"><time datetime="{utc_zulu(moment)}" class="datetime">{medium(moment)}</time>
</div>
          </div>
"""


def addtoany(node: Node) -> str:
    """The AddToAny module's share kit (an extra field on the node)."""
    url = f"{ORIGIN}{node.path}"
    quoted = re.sub(r"[^A-Za-z0-9]", lambda m: f"%{ord(m.group()):02X}", node.story.title)
    return f"""<span class="a2a_kit a2a_kit_size_32 addtoany_list" data-a2a-url="{url}" data-a2a-title="{esc(node.story.title)}"><a class="a2a_button_facebook"></a><a class="a2a_button_x"></a><a class="a2a_button_email"></a><a class="a2a_dd addtoany_share" href="https://www.addtoany.com/share#url={url}&amp;title={quoted}"></a></span>
"""


def comment_destination(node: Node) -> str:
    """The ``destination`` query value. Drupal keeps ``/`` literal here; it is written as
    ``%2F`` because newscrawl's devserver cannot map a query holding ``/`` to a file."""
    return f"{node.path}#comment-form".replace("/", "%2F").replace("#", "%23")


def comment_links(node: Node) -> str:
    dest = comment_destination(node)
    return f"""  <div class="node__links">
    <ul class="links inline"><li class="comment-forbidden"><a href="/user/login?destination={dest}">Log in</a> or <a href="/user/register?destination={dest}">register</a> to post comments</li></ul>  </div>
"""


def comments_section(node: Node, comments: list[tuple[str, str, str]]) -> str:
    """Olivero's comment field with anonymous comments: (name, created text, body)."""
    rows = []
    for i, (name, when, text) in enumerate(comments, start=1):
        cid = node.nid * 10 + i
        rows.append(f"""<article data-comment-user-id="0" id="comment-{cid}" class="comment js-comment comment--level-1 by-anonymous" role="article" data-drupal-selector="comment">
  <span class="hidden" data-comment-timestamp="{cid}"></span>
  <div class="comment__picture-wrapper">
    <div class="comment__picture">
    </div>
  </div>
  <div class="comment__text-wrapper">
    <footer class="comment__meta">
      <p class="comment__author"><span>{esc(name)} (not verified)</span></p>
      <p class="comment__time">{when}</p>
    </footer>
    <div class="comment__content">
      <div class="text-content clearfix field field--name-comment-body field--type-text-long field--label-hidden field__item"><p>{esc(text)}</p></div>
    </div>
  </div>
</article>
""")
    return f"""  <div id="comments" class="content-narrow">
<section data-drupal-selector="comments" class="comments">
    <h2 class="comments__title">Comments<span class="comments__count">{len(comments)}</span></h2>
{"".join(rows)}</section>
  </div>
"""


# -- whole nodes --------------------------------------------------------------------------------


def node_classes(node: Node, view_mode: str) -> str:
    promoted = " node--promoted" if node.story.reach != "sitemap" else ""
    return f"node node--type-{node.kind}{promoted} node--view-mode-{view_mode}"


def full_node(
    node: Node,
    section_href: str,
    tags: list[tuple[str, str]],
    comments: list[tuple[str, str, str]],
) -> str:
    """The full view of a node, by bundle."""
    layout = "content-narrow" if node.kind == "article" else ""
    meta = submitted(node) if node.kind in ("article", "brief") else ""
    fields = [section_field(node, section_href)]
    if node.kind == "article":
        fields += [image_field(node, "full"), body_field(node)]
    elif node.kind == "story":
        fields += [byline_field(node), created_field(node), updated_field(node)]
        fields.append(body_field(node, media_figure(node)))
    else:
        fields.append(body_field(node, inline_figure(node)))
    fields += [tags_field(tags), addtoany(node)]
    if node.kind == "article":
        fields.append(comment_links(node))
    content_class = f"node__content {layout}".strip()
    thread = comments_section(node, comments) if comments else ""
    return f"""<article data-history-node-id="{node.nid}" class="{node_classes(node, "full")}">
  <header class="{layout}">
{meta}  </header>
  <div class="{content_class}">
    {"".join(fields)}  </div>
{thread}</article>
"""


def teaser(node: Node) -> str:
    """Olivero's teaser (node--teaser + the teaser component) inside a ``views-row``."""
    meta = submitted(node) if node.kind in ("article", "brief") else ""
    image = image_field(node, "teaser") if node.kind == "article" else ""
    return f"""<div class="views-row">
<article data-history-node-id="{node.nid}" class="{node_classes(node, "teaser")} teaser">
  <header>
    <div class="teaser__meta">
{meta}    </div>
    <div class="teaser__top">
      <div class="teaser__image">{image}</div>
      <h2 class="node__title teaser__title">
        <a href="{node.path}" rel="bookmark"><span class="field field--name-title field--type-string field--label-hidden">{esc(node.story.title)}</span>
</a>
      </h2>
    </div>
  </header>
  <div class="teaser__content">
    {summary_field(node)}  </div>
</article>
</div>
"""


def search_result(node: Node) -> str:
    """One ``search-result.html.twig`` item: owner and the ``short`` changed date."""
    story = node.story
    first = next(b.text for b in story.blocks if b.kind == "p")
    snippet = " ".join(first.split()[:24]) + " …"
    when = story.modified or story.published
    return f"""<li class="search-results__item">  <div class="search-result__meta">
      <span>
        By <span class="search-result__author"><a title="View user profile." href="{user_path(node.owner)}" class="username">{esc(node.owner)}</a></span>
      </span>
      <span  class="search-result__date">, {short(when)}</span>
  </div>
  <h3 class="search-result__title">
    <a href="{node.path}">{esc(story.title)}</a>
  </h3>
  <div class="search-result__snippet text-content">{esc(snippet)}</div>
</li>"""


def metatag(node: Node, image_url: str) -> str:
    """Metatag output for the Article bundle (Open Graph + article dates + Twitter card)."""
    story = node.story
    url = f"{ORIGIN}{node.path}"
    first = next(b.text for b in story.blocks if b.kind == "p")
    rows = [
        f'<meta name="description" content="{esc(first)}" />',
        f'<link rel="canonical" href="{url}" />',
        f'<meta property="og:site_name" content="{NAME}" />',
        '<meta property="og:type" content="article" />',
        f'<meta property="og:url" content="{url}" />',
        f'<meta property="og:title" content="{esc(story.title)}" />',
        f'<meta property="og:description" content="{esc(first)}" />',
        f'<meta property="og:image" content="{ORIGIN}{image_url}" />',
        f'<meta property="article:section" content="{esc(story.section or "")}" />',
        *(f'<meta property="article:tag" content="{esc(t)}" />' for t in story.tags),
        f'<meta property="article:published_time" content="{html_datetime(story.published)}" />',
    ]
    if story.modified:
        rows.append(
            f'<meta property="article:modified_time" content="{html_datetime(story.modified)}" />'
        )
    rows += [
        '<meta name="twitter:card" content="summary_large_image" />',
        f'<meta name="twitter:title" content="{esc(story.title)}" />',
    ]
    return "\n".join(rows) + "\n"
