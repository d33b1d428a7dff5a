# ruff: noqa: E501 (the Mailchimp embed keeps its own long lines)
"""Article-level markup of the ``arcnext`` zoo site (Arc XP Fusion + arc-themes-blocks).

Modelled on github WPMedia/arc-themes-blocks @ 06db5b73be8b3cead3b4a7b5a88ab2fed3f31fdc:
``blocks/article-body-block/chains/article-body/default.jsx`` (``article.b-article-body``,
``p.c-paragraph``, ``h2.b-article-body__h2``, chain children placed after paragraph N unless N
is one of the last two), ``byline-block`` (``div.c-attribution.b-byline`` with
``span.b-byline__by`` and ``span.b-byline__names``), ``headline-block`` (``h1.b-headline``),
``subheadline-block`` (``h2.c-heading.b-subheadline``), ``overline-block``
(``a.c-overline.b-overline``), ``lead-art-block`` (``div.b-lead-art`` > ``figure.c-media-item``
with the "Expand" button and ``figcaption.c-media-item__fig-caption``), ``share-bar-block``
(icon buttons only), ``article-tag-block`` (``a.c-pill``), ``author-bio-block`` and
``htmlbox-block`` (Fusion ``Static`` wrapper). Component markup from WPMedia/arc-themes-components
@ 875f57a54c85623e3d1120a7a8a550c2c25e69ee (``c-stack`` data-style attributes, ``c-link``,
``serial-join`` with the Oxford comma, ``format-credits`` "(A/B)").

Site customisations, as Arc publishers write them in their own feature packs: the date feature
prints text only ("Published ... EST", "Updated ... EST"; this site has no ``<time>`` at all,
and the theme ``Date`` component is overridden to a ``span``), some bylines are the publisher's
own feature ("By A and B | The Calder Courier", "By: A", names with a role), the newsletter
boxes are a Mailchimp embed in an HTML box placed in the article-body chain. JSON-LD and the
Fusion ANS story are in ``arcnext_data.py``.
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

# The folder is not a package: its modules import each other by path.
from common import Story, css_class, esc, load_stories, slugify

NAME = "The Calder Courier"
SITE = "calder-courier"
TZ = ZoneInfo("America/New_York")
DEPLOY = "412"
ORGS = frozenset({"Courier Staff", "Associated Wire"})
LISTING = "listing"  # this site's own reach kind: only the second page of a section front
NEWSLETTER_TITLE = "Get the Courier Morning Report"
NEWSLETTER_TEXT = "The day's top Calder stories, in your inbox before 7 a.m."
AFTER_TITLE = "Never miss a Calder story"
AFTER_TEXT = "Pick the Courier newsletters you want. Free, and you can unsubscribe at any time."
GROUPS = ("Morning Report", "Friday Sports Wrap", "Business Weekly")
WIRE_COPYRIGHT = "© 2024 Associated Wire. All rights reserved."
DASH = "\u2013"  # Arc's title separator, an en dash

# name -> (role shown in some bylines, bio of the author-bio block and the author page)
PEOPLE = {
    "Marcus Hale": ("Transportation Reporter", "Marcus Hale covers roads, bridges and transit."),
    "Renata Olsen": ("Staff Writer", "Renata Olsen covers City Hall and housing."),
    "Grace Kim": ("Staff Writer", "Grace Kim covers schools, libraries and Eastbank."),
    "Priya Desai": ("Sports Reporter", "Priya Desai covers Foundry FC and the Comets."),
    "Owen Fitch": ("Business Reporter", "Owen Fitch covers small business and the port."),
    "Tomás Reyes": ("Sports Reporter", "Tomás Reyes covers high school sports and the Comets."),
    "Leah Brandt": ("Staff Photographer", "Leah Brandt is a Courier photographer and writer."),
}
# Byline shape per article, newest first: the theme block, the publisher's own feature with the
# paper's name, "By:", or names with a role.
SHAPES = (
    "role",
    "arc",
    "paper",
    "role",
    "colon",
    "arc",
    "arc",
    "paper",
    "arc",
    "role",
    "arc",
    "paper",
    "role",
)


def load(path: Path) -> tuple[list[Story], dict[str, str]]:
    """Stories (newest first) and their standfirsts; ``reach: listing`` is read here."""
    text = path.read_text(encoding="utf-8")
    chunks = re.split(r"^=== ", text, flags=re.MULTILINE)[1:]
    listing = {c.split("\n", 1)[0].strip() for c in chunks if "\nreach: listing\n" in c}
    standfirst = {
        c.split("\n", 1)[0].strip(): m.group(1)
        for c in chunks
        if (m := re.search(r"^standfirst: (.+)$", c, flags=re.MULTILINE))
    }

    class _Text:  # load_stories reads ``.read_text``; the common loader knows three kinds only
        def read_text(self, encoding: str) -> str:
            return text.replace("\nreach: listing\n", "\n")

    stories = load_stories(_Text(), TZ)  # type: ignore[arg-type]
    stories = [replace(s, reach=LISTING) if s.slug in listing else s for s in stories]
    return stories, standfirst


def c(name: str) -> str:
    """A hashed class of the publisher's own (CSS-in-JS) features."""
    return f'class="{css_class(name)}"'


def local(moment: datetime) -> datetime:
    return moment.astimezone(TZ)


def article_path(story: Story) -> str:
    day = local(story.published)
    return f"/{slugify(story.section or '')}/{day:%Y/%m/%d}/{story.slug}/"


def image_id(story: Story) -> str:
    digest = hashlib.sha1(story.slug.encode()).digest()
    return base64.b32encode(digest).decode()[:26]


def image_path(story: Story) -> str:
    return f"/resizer/v2/{image_id(story)}.jpg"


def image_src(story: Story, width: int, height: int) -> str:
    auth = hashlib.sha256(f"{story.slug}{width}".encode()).hexdigest()
    return f"{image_path(story)}?auth={auth}&amp;width={width}&amp;height={height}"


def ap_time(moment: datetime) -> str:
    """AP style: ``December 6, 2024 at 3:00 p.m. EST``."""
    t = local(moment)
    hour = t.hour % 12 or 12
    half = "a.m." if t.hour < 12 else "p.m."
    return f"{t:%B} {t.day}, {t.year} at {hour}:{t:%M} {half} {t:%Z}"


def theme_date(moment: datetime) -> str:
    """The theme's ``localizeDateTime`` with ``%B %d, %Y at %l:%M %p %Z``."""
    t = local(moment)
    return f"{t:%B %d, %Y} at {t.hour % 12 or 12:>2}:{t:%M} {t:%p} {t:%Z}"


def clock(moment: datetime) -> str:
    t = local(moment)
    return f"{t.hour % 12 or 12}:{t:%M} {t:%p}"


def stack(
    cls: str,
    inner: str,
    tag: str = "div",
    direction: str = "vertical",
    justification: str = "start",
    alignment: str = "unset",
    wrap: str = "nowrap",
    attrs: str = "",
) -> str:
    """``Stack`` of arc-themes-components."""
    klass = f"c-stack {cls}" if cls else "c-stack"
    return (
        f'<{tag}{attrs} class="{klass}" data-style-direction="{direction}" '
        f'data-style-justification="{justification}" data-style-alignment="{alignment}" '
        f'data-style-inline="false" data-style-wrap="{wrap}">{inner}</{tag}>'
    )


def link(href: str, text: str, cls: str = "", attrs: str = "") -> str:
    klass = f"c-link {cls}" if cls else "c-link"
    return f'<a{attrs} class="{klass}" href="{href}">{text}</a>'


def person_slug(name: str) -> str:
    """``tomas-reyes`` for "Tomás Reyes", as Arc's author service spells ids."""
    return slugify(unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode())


def person_url(name: str) -> str | None:
    return None if name in ORGS else f"/people/{person_slug(name)}/"


def serial_join(items: list[str]) -> str:
    """``serialJoin``: "A", "A and B", "A, B, and C"."""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return ", ".join(items[:-1]) + ", and " + items[-1]


def author_nodes(story: Story) -> list[str]:
    """``formatAuthors``: a ``c-link`` where the credit has a URL, plain text otherwise."""
    nodes = []
    for name in story.authors:
        url = person_url(name)
        nodes.append(link(url, esc(name)) if url else esc(name))
    return nodes


def byline(story: Story, shape: str) -> str:
    names = serial_join(author_nodes(story))
    if shape == "arc" or (shape == "role" and story.authors[0] in ORGS):
        return (
            '<div class="c-attribution b-byline"><span class="b-byline__by">By</span> '
            f'<span class="b-byline__names">{names}</span></div>'
        )
    if shape == "paper":
        return (
            f"<div {c('byline')}><span {c('byline-by')}>By</span> {names} "
            f"<span {c('byline-org')}>| {NAME}</span></div>"
        )
    if shape == "colon":
        return f"<div {c('byline')}><span {c('byline-by')}>By:</span> {names}</div>"
    parts = [
        f"{node}<span {c('byline-role')}>, {PEOPLE[name][0]}</span>"
        for node, name in zip(author_nodes(story), story.authors, strict=True)
    ]
    return f"<div {c('byline')}><span {c('byline-by')}>By</span> {serial_join(parts)}</div>"


def dateline(story: Story, index: int) -> str:
    """The publisher's date feature: text only, the zone abbreviation printed."""
    published = f"<div {c('date-published')}>Published {ap_time(story.published)}</div>"
    if not story.modified:
        return f"<div {c('dates')}>{published}</div>"
    updated = f"<div {c('date-updated')}>Updated {ap_time(story.modified)}</div>"
    # Some updated stories show only the update, as many Arc sites do.
    return f"<div {c('dates')}>{updated if index % 4 == 2 else published + updated}</div>"


SHARE = ("facebook", "twitter", "linkedIn", "email")
SHARE_NAMES = {
    "facebook": "Facebook",
    "twitter": "Twitter",
    "linkedIn": "LinkedIn",
    "email": "Email",
}
ICON = '<path d="M256 8C119 8 8 119 8 256s111 248 248 248 248-111 248-248S393 8 256 8z"></path>'


def icon(cls: str = "", size: int = 22) -> str:
    klass = f"c-icon {cls}" if cls else "c-icon"
    return (
        f'<svg class="{klass}" width="{size}" height="{size}" xmlns="http://www.w3.org/2000/svg"'
        f' viewBox="0 0 512 512" fill="currentColor" aria-hidden="true" focusable="false">'
        f"{ICON}</svg>"
    )


def share_bar() -> str:
    buttons = "".join(
        f'<button aria-label="Share current article via {SHARE_NAMES[s]}" class="c-button '
        f'c-button--medium c-button--default" type="button">'
        f"{icon('b-share-bar__' + s.lower())}</button>"
        for s in SHARE
    )
    return stack("b-share-bar", buttons, justification="center", alignment="center")


def lead_art(story: Story) -> str:
    credit = esc(credit_text(story))
    srcset = ", ".join(f"{image_src(story, w, w * 9 // 16)} {w}w" for w in (800, 1600))
    return (
        '<div class="b-lead-art"><figure class="c-media-item">'
        '<button aria-label="Enter full screen mode displaying the lead image" '
        'class="c-button c-button--medium c-button--default" type="button">'
        f"{icon(size=48)}<span>Expand</span></button>"
        '<div class="b-lead-art__image-wrapper"><img data-chromatic="ignore" alt="" '
        f'class="c-image" loading="eager" src="{image_src(story, 800, 450)}" '
        f'srcset="{srcset}" width="800" height="450"/></div>'
        '<figcaption class="c-media-item__fig-caption">'
        f'<span class="c-media-item__caption">{esc(story.caption)} </span>'
        f'<span class="c-media-item__credit">{credit} </span></figcaption></figure></div>'
    )


def credit_text(story: Story) -> str:
    return f"({story.credit}/{NAME})" if story.credit not in ORGS else f"({story.credit})"


def mailchimp(title: str, text: str, groups: tuple[str, ...]) -> str:
    """Mailchimp's classic embed, pasted into an HTML box (ids repeat, as on real pages)."""
    checks = "".join(
        f'<li><input type="checkbox" name="group[4021][{2**i}]" id="mce-group[4021]-4021-{i}" '
        f'value=""><label for="mce-group[4021]-4021-{i}">{esc(g)}</label></li>'
        for i, g in enumerate(groups)
    )
    interest = (
        '<div class="mc-field-group input-group"><strong>Newsletters </strong>'
        f'<ul>{checks}</ul><span id="mce-group[4021]-HELPERTEXT" class="helper_text"></span></div>'
        if groups
        else ""
    )
    return f"""<!-- Begin Mailchimp Signup Form -->
<div id="mc_embed_signup"><form action="https://caldercourier.us21.list-manage.com/subscribe/post?u=8f2c41d0a77b1e9c3f5d6a2b1&amp;id=5e7a9c3d1f&amp;f_id=00b1c2e0f0" method="post" id="mc-embedded-subscribe-form" name="mc-embedded-subscribe-form" class="validate" target="_blank">
<div id="mc_embed_signup_scroll"><h2>{esc(title)}</h2><p>{esc(text)}</p>
<div class="indicates-required"><span class="asterisk">*</span> indicates required</div>
<div class="mc-field-group"><label for="mce-EMAIL">Email Address <span class="asterisk">*</span></label><input type="email" name="EMAIL" class="required email" id="mce-EMAIL" required="" value=""><span id="mce-EMAIL-HELPERTEXT" class="helper_text"></span></div>
{interest}<div id="mce-responses" class="clear foot"><div class="response" id="mce-error-response" style="display: none;"></div><div class="response" id="mce-success-response" style="display: none;"></div></div>
<div aria-hidden="true" style="position: absolute; left: -5000px;"><input type="text" name="b_8f2c41d0a77b1e9c3f5d6a2b1_5e7a9c3d1f" tabindex="-1" value=""></div>
<div class="optionalParent"><div class="clear foot"><input type="submit" name="subscribe" id="mc-embedded-subscribe" class="button" value="Subscribe"></div></div></div></form></div>
<script type="text/javascript" src="//s3.amazonaws.com/downloads.mailchimp.com/js/mc-validate.js"></script>
<!--End mc_embed_signup-->"""


def html_box(box_id: str, html: str) -> str:
    """``htmlbox-block``: Fusion ``Static`` around ``div.b-html-box``."""
    fid = f"html-block-{box_id}"
    return (
        f'<div id="fusion-static-enter:{fid}" style="display:none" data-fusion-component="{fid}">'
        f'</div><div class="b-html-box"><div>{html}</div></div>'
        f'<div id="fusion-static-exit:{fid}" style="display:none" data-fusion-component="{fid}">'
        "</div>"
    )


def body(story: Story) -> str:
    """The article-body chain: its child (the newsletter box) after paragraph 2, or 1 in briefs."""
    paragraphs = [b for b in story.blocks if b.kind == "p"]
    after = 2 if len(paragraphs) >= 5 else 1
    box = html_box("f0fKzq1Rb2", mailchimp(NEWSLETTER_TITLE, NEWSLETTER_TEXT, ()))
    parts, count = [], 0
    for block in story.blocks:
        if block.kind == "h2":
            parts.append(f'<h2 class="b-article-body__h2">{esc(block.text)}</h2>')
            continue
        parts.append(f'<p class="c-paragraph">{esc(block.text)}</p>')
        count += 1
        if count == after and count < len(paragraphs) - 1:
            parts.append(box)
    if "Associated Wire" in story.authors:
        parts.append(f'<p class="c-paragraph b-article-body__copyright">{WIRE_COPYRIGHT}</p>')
    return '<article class="b-article-body">' + "\n".join(parts) + "</article>"


def tags_bar(story: Story) -> str:
    pills = "".join(
        f'<a class="c-pill" href="/topics/{slugify(t)}/">{esc(t)}</a>' for t in story.tags
    )
    return stack(
        "b-article-tag",
        pills,
        direction="horizontal",
        justification="center",
        wrap="wrap",
        attrs=' data-testid="article-container"',
    )


def author_bio(story: Story) -> str:
    items = []
    for name in story.authors:
        if name in ORGS:
            continue
        heading = f'<h2 class="c-heading b-author-bio__author-name">{esc(name)}</h2>'
        inner = stack(
            "",
            link(person_url(name) or "", heading, "b-author-bio__author-name-link")
            + f'<p class="c-paragraph b-author-bio__author-description">'
            f"{esc(PEOPLE[name][1])}</p>",
        )
        img = (
            f'<img alt="{esc(name)}" class="c-image" src="/pf/resources/images/avatar.png'
            f'?d={DEPLOY}" width="100"/>'
        )
        items.append(stack("b-author-bio__author", img + inner, direction="horizontal"))
    return stack("b-author-bio", "".join(items)) if items else ""


def after_body_signup() -> str:
    return html_box("f0fBq7Tn4X", mailchimp(AFTER_TITLE, AFTER_TEXT, GROUPS))
