"""Shared helpers for the fixture-site generators in this folder.

Nothing here knows about one particular site: it reads story files, maps URL
paths to the files the devserver serves, writes a site folder from scratch and
builds the gold answers (``_expected.json``) in the shape the tests read.

Story file format (``*_stories.txt``)::

    === slug
    title: ...
    authors: Name; Other Name
    published: 2024-12-11 13:18        (local time of the site)
    modified: null | 2024-12-11 16:40
    tags: Tag, Other Tag
    section: Section name
    caption: ...
    credit: ...
    lang: en | uk                       (optional, default en)
    reach: more_news | feed | sitemap   (optional: how the only link to it is found)
    paywalled: yes                      (optional)
    ---
    Paragraph one.

    ## A subheading

    Paragraph two.
    @@paywall                           (optional: what follows is never published)

Absolute URLs are written with the ``{{ORIGIN}}`` token, which the devserver
replaces by ``http://127.0.0.1:PORT`` when it serves the file.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ORIGIN = "{{ORIGIN}}"
PAYWALL_MARK = "@@paywall"
REACH_KINDS = frozenset({"more_news", "feed", "sitemap"})
MIN_WORDS, MAX_WORDS = 150, 500


@dataclass(frozen=True)
class Block:
    """One body block: a paragraph (``p``) or a subheading (``h2``)."""

    kind: str
    text: str


@dataclass(frozen=True)
class Story:
    """An article as written in a story file, before any site renders it."""

    slug: str
    title: str
    authors: tuple[str, ...]
    published: datetime
    modified: datetime | None
    tags: tuple[str, ...]
    section: str | None
    caption: str
    credit: str
    language: str
    reach: str | None
    paywalled: bool
    blocks: tuple[Block, ...]
    hidden: tuple[Block, ...] = field(default=())

    @property
    def listed(self) -> bool:
        """True when ordinary HTML pages (listings, sidebars) may link to it."""
        return self.reach is None


def slugify(text: str) -> str:
    """ASCII slug for tag, author and section names."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def esc(text: str) -> str:
    """Escape text for HTML and XML content and attributes."""
    return html.escape(text, quote=True)


def css_class(name: str) -> str:
    """A stable CSS-in-JS style class name such as ``css-1k9x2b``."""
    return "css-" + hashlib.sha1(name.encode()).hexdigest()[:6]


def utc_iso(moment: datetime) -> str:
    """ISO 8601 in UTC with an explicit offset: ``2024-12-11T13:18:00+00:00``."""
    return moment.astimezone(UTC).isoformat()


def utc_z(moment: datetime) -> str:
    """ISO 8601 in UTC as JavaScript prints it: ``2024-12-11T13:18:00.000Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def rfc822(moment: datetime) -> str:
    """RSS ``pubDate`` form, in UTC."""
    return moment.astimezone(UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")


def word_count(blocks: Iterable[Block]) -> int:
    return sum(len(block.text.split()) for block in blocks)


def read_minutes(story: Story) -> int:
    """Reading time at 200 words a minute, as CMS plugins print it."""
    return max(1, round(word_count(story.blocks + story.hidden) / 200))


def _parse_time(value: str, tz: ZoneInfo) -> datetime | None:
    if value == "null":
        return None
    return datetime.strptime(value, "%Y-%m-%d %H:%M").replace(tzinfo=tz)


def _parse_body(text: str) -> tuple[tuple[Block, ...], tuple[Block, ...]]:
    visible, _, hidden = text.partition(PAYWALL_MARK)
    return _blocks(visible), _blocks(hidden)


def _blocks(text: str) -> tuple[Block, ...]:
    found = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        line = " ".join(chunk.split())
        if not line:
            continue
        if line.startswith("## "):
            found.append(Block("h2", line[3:]))
        else:
            found.append(Block("p", line))
    return tuple(found)


def _parse_story(chunk: str, tz: ZoneInfo) -> Story:
    head, _, body = chunk.partition("\n---\n")
    lines = head.strip().splitlines()
    slug = lines[0].strip()
    meta = dict(line.split(": ", 1) for line in lines[1:])
    blocks, hidden = _parse_body(body)
    published = _parse_time(meta["published"], tz)
    if published is None:
        raise ValueError(f"{slug}: published time is required")
    reach = meta.get("reach")
    if reach is not None and reach not in REACH_KINDS:
        raise ValueError(f"{slug}: unknown reach {reach!r}")
    return Story(
        slug=slug,
        title=meta["title"],
        authors=tuple(name.strip() for name in meta["authors"].split(";")),
        published=published,
        modified=_parse_time(meta.get("modified", "null"), tz),
        tags=tuple(tag.strip() for tag in meta["tags"].split(",")),
        section=meta.get("section"),
        caption=meta["caption"],
        credit=meta["credit"],
        language=meta.get("lang", "en"),
        reach=reach,
        paywalled=meta.get("paywalled") == "yes",
        blocks=blocks,
        hidden=hidden,
    )


def load_stories(path: Path, tz: ZoneInfo) -> list[Story]:
    """Read a story file; stories come back newest first."""
    text = path.read_text(encoding="utf-8")
    # The file opens with "#" comment lines; everything before the first story is skipped.
    chunks = re.split(r"^=== ", text, flags=re.MULTILINE)[1:]
    stories = [_parse_story(chunk, tz) for chunk in chunks]
    return sorted(stories, key=_newest_first)


def _newest_first(story: Story) -> tuple[float, str]:
    return (-story.published.timestamp(), story.slug)


def check_stories(
    stories: Sequence[Story],
    boilerplate: Iterable[str],
    words: tuple[int, int] = (MIN_WORDS, MAX_WORDS),
) -> None:
    """Fail the build when a story breaks the rules the tests rely on.

    Boilerplate strings must never occur in article text, or a test could not
    tell an extractor that kept a sidebar from one that kept the body. ``words``
    bounds each story's length (the zoo sites in tests/zoo have shorter stories).
    """
    banned = [text.lower() for text in boilerplate]
    slugs = [story.slug for story in stories]
    if len(set(slugs)) != len(slugs):
        raise ValueError("duplicate slugs")
    for story in stories:
        count = word_count(story.blocks)
        paragraphs = [b for b in story.blocks if b.kind == "p"]
        if not story.paywalled and not words[0] <= count <= words[1]:
            raise ValueError(f"{story.slug}: {count} words")
        if not story.paywalled and not 3 <= len(paragraphs) <= 8:
            raise ValueError(f"{story.slug}: {len(paragraphs)} paragraphs")
        for block in (*story.blocks, *story.hidden, Block("h1", story.title)):
            hit = next((b for b in banned if b in block.text.lower()), None)
            if hit is not None:
                raise ValueError(f"{story.slug}: boilerplate {hit!r} in text")


def url_to_file(url_path: str) -> str:
    """The file (relative to the site root) that the devserver serves for a URL path.

    ``/a/b/`` and ``/a/b`` -> ``a/b/index.html``; ``/latest?page=2`` ->
    ``latest/index@page=2.html``; ``/robots.txt`` -> ``robots.txt``.
    """
    path, _, query = url_path.partition("?")
    rel = path.strip("/")
    if not rel or path.endswith("/") or "." not in rel.rsplit("/", 1)[-1]:
        rel = f"{rel}/index.html" if rel else "index.html"
    if query:
        stem, dot, suffix = rel.rpartition(".")
        rel = f"{stem}@{query}{dot}{suffix}"
    return rel


class SiteFiles:
    """Collects a site's files in memory, then writes the folder from scratch."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def add(self, url_path: str, text: str, encoding: str = "utf-8") -> None:
        """Add the file that answers ``url_path``; unencodable characters become
        character references (a windows-1251 page cannot hold a pound sign)."""
        self.add_bytes(url_to_file(url_path), text.encode(encoding, "xmlcharrefreplace"))

    def add_bytes(self, rel: str, data: bytes) -> None:
        if rel in self.files:
            raise ValueError(f"file written twice: {rel}")
        self.files[rel] = data

    def add_json(self, rel: str, data: Any) -> None:
        self.add_bytes(rel, dump_json(data).encode("utf-8"))

    def write(self, root: Path) -> None:
        """Replace ``root`` with exactly the collected files."""
        if root.exists():
            shutil.rmtree(root)
        for rel, data in sorted(self.files.items()):
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def grey_jpeg(width: int, height: int) -> bytes:
    """A valid baseline JPEG of one flat grey, without an imaging library.

    With a flat mid-grey every 8x8 block has only zero coefficients, so one
    Huffman code ("0") for DC difference 0 and one for end-of-block suffice:
    each block is two zero bits.
    """
    blocks = ((width + 7) // 8) * ((height + 7) // 8)
    bits = "00" * blocks
    bits += "1" * (-len(bits) % 8)  # pad the last byte with ones, as the spec asks
    scan = bytes(int(bits[i : i + 8], 2) for i in range(0, len(bits), 8))
    one_code = bytes([1] + [0] * 15) + b"\x00"  # a single code of length 1 for symbol 0
    return b"".join(
        [
            b"\xff\xd8",
            b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00",
            b"\xff\xdb" + struct.pack(">H", 67) + b"\x00" + b"\x01" * 64,
            b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00",
            b"\xff\xc4" + struct.pack(">H", 20) + b"\x00" + one_code,
            b"\xff\xc4" + struct.pack(">H", 20) + b"\x10" + one_code,
            b"\xff\xda" + struct.pack(">H", 8) + b"\x01\x01\x00\x00\x3f\x00",
            scan,
            b"\xff\xd9",
        ]
    )


def expected_article(
    story: Story, path: str, section: str | None, image_path: str | None
) -> dict[str, Any]:
    """The gold record of one article, in the ``_expected.json`` shape."""
    return {
        "path": path,
        "title": story.title,
        "authors": list(story.authors),
        "published_at": utc_iso(story.published),
        "modified_at": utc_iso(story.modified) if story.modified else None,
        "paragraphs": [block.text for block in story.blocks],
        "tags": list(story.tags),
        "section": section,
        "lead_image_path": image_path,
        "lead_image_caption": story.caption if image_path else None,
        "language": story.language,
        "paywalled": story.paywalled,
        "reachable_only_from": story.reach,
    }
