"""Article pages of the ``bootstrap`` zoo site (a mixin of Bootstrap) and the story model.

The article is the Bootstrap 5.3 blog example's ``article.blog-post`` (twbs/bootstrap
site/src/assets/examples/blog/index.astro, d60b707a63): section label, ``h1.display-5``,
``p.lead`` standfirst, ``p.blog-post-meta`` (here: the byline prefix in its own
``span.byline-prefix``, names with "and"/"та", role words after a comma, the local date as
text), Bootstrap's ``figure.figure`` with ``figcaption.figure-caption``, share buttons, tag
badges, ``nav.blog-pagination`` Older/Newer, cards of the album example for "More in ...".
Microdata (NewsArticle: headline, author, image; no dates) only on every other article.
"""

# Long lines are the template's markup; Ukrainian text and en dashes are meant.
# ruff: noqa: E501

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bootstrap_page import (
    NEWSLETTER,
    NEWSLETTER_PITCH,
    SECTIONS,
    TZ,
    en_date,
    en_datetime,
    esc,
    local,
    mailchimp,
    og_tags,
    slug,
    uk_datetime,
)
from common import ORIGIN, Story, grey_jpeg, load_stories

ORGS = {"Herald Staff"}


@dataclass(frozen=True)
class Item:
    """A story with what this site adds: its file path, role words, standfirst."""

    story: Story
    role: str | None
    dek: str | None
    inbody: bool
    alias: str | None

    @property
    def path(self) -> str:
        m = local(self.story.published)
        return f"/news/{m:%Y}/{m:%m}/{self.story.slug}.html"

    @property
    def image(self) -> str:
        m = local(self.story.published)
        return f"/img/{m:%Y}/{m:%m}/{self.story.slug}.jpg"

    @property
    def uk(self) -> bool:
        return self.story.language == "uk"

    def excerpt(self) -> str:
        first = next(b.text for b in self.story.blocks if b.kind == "p")
        words = first.split()
        return first if len(words) <= 22 else " ".join(words[:22]) + " …"


def text(value: str) -> str:
    """Escape body text as a hand-written page has it (quotes stay literal)."""
    return html.escape(value, quote=False)


def author_path(name: str) -> str:
    return f"/authors/{slug(name)}.html"


def section_path(name: str) -> str:
    return f"/sections/{SECTIONS[name]}.html"


def tag_path(name: str) -> str:
    return f"/tags/{slug(name)}.html"


def hash_slug(text: str) -> int:
    return int.from_bytes(text.encode()[:6], "big") % 10**9


def newest_first(item: Item) -> float:
    return -item.story.published.timestamp()


def read_extras(path: Path) -> dict[str, dict[str, str]]:
    """The site-only header keys of each story (common.load_stories ignores them)."""
    out: dict[str, dict[str, str]] = {}
    for chunk in re.split(r"^=== ", path.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]:
        lines = chunk.partition("\n---\n")[0].strip().splitlines()
        out[lines[0].strip()] = dict(line.split(": ", 1) for line in lines[1:])
    return out


def make_items(path: Path) -> list[Item]:
    extras = read_extras(path)
    return [
        Item(
            story=s,
            role=extras[s.slug].get("role"),
            dek=extras[s.slug].get("dek"),
            inbody=extras[s.slug].get("inbody") == "yes",
            alias=extras[s.slug].get("alias"),
        )
        for s in load_stories(path, TZ)
    ]


class ArticlePages:
    """Article pages; relies on the attributes and helpers Bootstrap sets."""

    listed: list[Item]
    files: Any
    page: Any
    grid: Any
    side: Any

    # -- articles ----------------------------------------------------------------------------

    def byline(self, item: Item) -> str:
        s = item.story
        if item.uk:
            prefix = "Автори:" if len(s.authors) > 1 else "Автор:"
            conj = " та "
        else:
            prefix, conj = "By:", " and "
        names = []
        for name in s.authors:
            if name in ORGS:
                names.append(esc(name))
            else:
                names.append(f'<a href="{author_path(name)}">{esc(name)}</a>')
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + conj + names[-1]
        role = f", {esc(item.role)}" if item.role else ""
        return f'<span class="byline-prefix">{prefix}</span> {joined}{role}'

    def dateline(self, item: Item) -> str:
        s = item.story
        fmt = uk_datetime if item.uk else en_datetime
        out = f'<span class="post-date">{fmt(s.published)}</span>'
        if s.modified:
            label = "Оновлено" if item.uk else "Updated"
            out += f' <span class="post-updated">({label} {fmt(s.modified)})</span>'
        return out

    def body(self, item: Item) -> str:
        parts, count = [], 0
        for block in item.story.blocks:
            if block.kind == "h2":
                parts.append(f"        <h2>{text(block.text)}</h2>")
                continue
            parts.append(f"        <p>{text(block.text)}</p>")
            count += 1
            if item.inbody and count == 2:
                parts.append(
                    '        <div class="card my-4"><div class="card-body">'
                    + mailchimp(f"c{abs(hash_slug(item.story.slug))}", f"Get {NEWSLETTER}")
                    + "</div></div>"
                )
        return "\n".join(parts) + "\n"

    def neighbours(self, item: Item) -> str:
        older = [i for i in self.listed if i.story.published < item.story.published]
        newer = [i for i in self.listed if i.story.published > item.story.published]
        links = []
        if older:
            links.append(
                f'<a class="btn btn-outline-primary rounded-pill" href="{older[0].path}">Older</a>'
            )
        else:
            links.append(
                '<a class="btn btn-outline-secondary rounded-pill disabled" aria-disabled="true">Older</a>'
            )
        if newer:
            links.append(
                f'<a class="btn btn-outline-primary rounded-pill" href="{newer[-1].path}">Newer</a>'
            )
        else:
            links.append(
                '<a class="btn btn-outline-secondary rounded-pill disabled" aria-disabled="true">Newer</a>'
            )
        return (
            '      <nav class="blog-pagination" aria-label="Pagination">\n        '
            + "\n        ".join(links)
            + "\n      </nav>\n"
        )

    def article(self, item: Item, index: int) -> None:
        s = item.story
        micro = index % 2 == 0
        url = f"{ORIGIN}{item.path}"
        first = next(b.text for b in s.blocks if b.kind == "p")
        attr = ' itemscope itemtype="https://schema.org/NewsArticle"' if micro else ""
        h_attr = ' itemprop="headline"' if micro else ""
        img_attr = ' itemprop="image"' if micro else ""
        author_meta = ""
        if micro:
            author_meta = "".join(
                f'<span itemprop="author" itemscope itemtype="https://schema.org/Person">'
                f'<meta itemprop="name" content="{esc(a)}"></span>'
                for a in s.authors
            )
        dek = f'        <p class="lead my-3">{esc(item.dek)}</p>\n' if item.dek else ""
        credit = "Фото" if item.uk else "Photo"
        tags = " ".join(
            f'<a class="badge rounded-pill text-bg-light text-decoration-none" href="{tag_path(t)}">{esc(t)}</a>'
            for t in s.tags
        )
        share = " ".join(
            f'<a class="btn btn-sm btn-outline-secondary" href="{href}">Share on {label}</a>'
            for label, href in (
                ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={url}"),
                ("X", f"https://twitter.com/intent/tweet?url={url}"),
                ("WhatsApp", f"https://wa.me/?text={url}"),
            )
        )
        same = [i for i in self.listed if i.story.section == s.section and i is not item][:3]
        rest = [i for i in self.listed if i is not item and i not in same][:5]
        more_in = ""
        if same:
            more_in = (
                f'      <h3 class="pb-4 mb-4 fst-italic border-bottom">More in {esc(s.section or "")}</h3>\n'
                + self.grid(same)
            )
        more_news = "\n".join(
            f'        <li class="py-2 border-top"><a class="link-body-emphasis" href="{i.path}">{esc(i.story.title)}</a> '
            f'<small class="text-body-secondary">{en_date(i.story.published)}</small></li>'
            for i in rest
        )
        main = f"""<main class="container">
  <div class="row g-5">
    <div class="col-md-8">
      <nav aria-label="breadcrumb">
        <ol class="breadcrumb">
          <li class="breadcrumb-item"><a href="/">Home</a></li>
          <li class="breadcrumb-item"><a href="{section_path(s.section or "")}">{esc(s.section or "")}</a></li>
        </ol>
      </nav>
      <article class="blog-post"{attr}>{author_meta}
        <strong class="d-inline-block mb-2 text-primary-emphasis">{esc(s.section or "")}</strong>
        <h1 class="display-5 link-body-emphasis mb-1"{h_attr}>{esc(s.title)}</h1>
{dek}        <p class="blog-post-meta">{self.byline(item)} <span class="mx-1">·</span> {self.dateline(item)}</p>
        <figure class="figure">
          <img src="{item.image}" class="figure-img img-fluid rounded" alt="{esc(s.caption)}" width="1200" height="675"{img_attr}>
          <figcaption class="figure-caption">{esc(s.caption)} <span class="text-body-tertiary">{credit}: {esc(s.credit)}</span></figcaption>
        </figure>
{self.body(item)}        <hr>
        <div class="d-flex flex-wrap gap-2 my-3">{share}</div>
        <p class="mb-0">Tags: {tags}</p>
      </article>

      <div class="p-4 my-4 bg-body-tertiary rounded">
        <h4 class="fst-italic">{NEWSLETTER}</h4>
        <p>{NEWSLETTER_PITCH}</p>
        {mailchimp("8d41f2c0e7", "Subscribe")}
      </div>

{more_in}      <h3 class="pb-4 mb-4 fst-italic border-bottom">MORE NEWS</h3>
      <ul class="list-unstyled">
{more_news}
      </ul>

{self.neighbours(item)}    </div>

{self.side()}  </div>
</main>
"""
        locale = "uk_UA" if item.uk else "en_GB"
        meta = og_tags(s.title, item.path, item.image, item.dek or first, locale)
        self.page(
            item.path,
            s.title,
            main,
            lang=s.language,
            meta=meta,
            description=item.dek or first,
            active=s.section,
            article=True,
        )
        self.files.add_bytes(item.image.lstrip("/"), grey_jpeg(1200 - 16 * index, 675))

    # -- listings -----------------------------------------------------------------------------
