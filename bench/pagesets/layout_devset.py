"""Lay out the extraction dev set from local copies of public repositories.

The pages are not ours (each stays its publisher's copyright) and are never
committed: the repo keeps only ``devset.jsonl``, a manifest of pointers (repo,
path, commit) into public repositories, and this script rebuilds the pages and
one common gold file per source from local bare git mirrors of those repos::

    python bench/pagesets/layout_devset.py --manifest bench/pagesets/devset.jsonl \
        --out DIR [--mirrors /work/.mirror] [--source fundus --source mercury]

The manifest has one JSON object per line: ``id`` (unique, stable), ``source``,
``repo`` (GitHub owner/name), ``path`` (the page in that repo), ``commit`` (40
hex, pinned), ``gold_path`` (a path, or a list of paths, holding the gold) and
``gold_key`` (the entry in it, where the file holds several), ``url``,
``language`` (ISO 639-1 or null; ``language_guessed`` true where it was guessed
from the gold text's script and stopwords rather than stated by the source or
the page's ``<html lang>``), ``half`` ("tune" or "check": parity of the SHA-256 of
``<source>:<id>``, and for fundus of ``fundus:<country>/<Publisher>`` so that all
of a publisher's pages share a half) and, for fundus, ``publisher``, ``country``,
``crawl_date``.

A mirror of ``owner/name`` is the bare git directory ``MIRRORS/owner+name/repo``
(the layout the search tool's ``fetch github:owner/name`` leaves). Missing
mirrors, or mirrors without the pinned commit, are named before anything is
written; ``--skip-missing`` lays out the other sources anyway.

Output, per source::

    DIR/<source>/html/<id>.html.gz   the page, gzip, re-encoded to UTF-8 if needed
    DIR/<source>/gold.json           {id: {...}} as below

Every gold entry has the same core keys; ``None`` (JSON null) means "no gold for
this field on this page" unless the field is listed in ``gold_fields``::

    url         the page's URL (see per source)
    half        "tune" or "check" (from the manifest)
    title       headline
    authors     list of names, or null
    published   ISO 8601 (date, or date and time, with offset when the gold has one)
    body        plain text, paragraphs separated by a blank line, headline not included
    lead_image  URL of the lead (cover) image
    language    ISO 639-1 code from the manifest, or null
    gold_fields the core fields that carry gold on this page (may include a field
                whose value is null or [], meaning the gold says "none")

plus source-specific extras: ``byline_raw`` (the gold byline string, whenever the
gold has a string rather than a list), ``published_raw``, ``body_prefix`` (the
only body gold some sources have: the opening of the expected text; compare
with ``startswith`` after whitespace normalisation), ``summary``, ``topics``,
``lead_images`` (every rendition URL of the cover image), ``dek``,
``snippets_with`` / ``snippets_without``.

Byline strings are split into ``authors`` only when unambiguous (``split_byline``):
an optional leading "By"/"Par"/"Von"/"Written by" is dropped, the rest is split on
commas and on "and"/"&"/"und"/"et"/"y", and every part must look like one name
(1 to 5 words, capitalised, no digits, no brackets, URLs or job words; when there
are several parts each needs two words or more, so "Jong, Michiel de" and
"Jane Doe, MS, RD" stay unsplit). Otherwise ``authors`` is null, ``byline_raw``
keeps the string and ``authors`` is left out of ``gold_fields``.

Per source, what each field is:

fundus (flairNLP/fundus, ``tests/resources/parser/test_data``; MIT).
    Parser regression fixtures, hand-checked against the publisher's page; the
    entry ``gold_key`` (parser version, e.g. "V1_1") of ``<Publisher>.json``.
    url: the fixture's ``meta.info`` URL. title: ``title``. authors: ``authors``
    as listed (persons if the page names any, else organisations; the page's
    typography, e.g. upper case, is kept). published: ``publishing_date``.
    body: the sections in order, each section's headline lines then its
    paragraphs; the ``summary`` (standfirst) is not in it (kept as ``summary``),
    as in ``newscrawl.evaluation``. lead_image: the last (largest) rendition of
    the first image with ``is_cover``; ``lead_images`` lists all its renditions;
    pages whose gold images have no cover get lead_image null, not in
    gold_fields. topics: publisher keywords.

readability (mozilla/readability, ``test/test-pages/<name>``; Apache-2.0).
    Regression output of Readability.js that its maintainers accept, not
    human annotation. url: the page's own canonical or og:url when it has one,
    else the harness URL ``http://fakehost/test/page.html``. title:
    ``expected-metadata.json`` ``title`` (Readability's pick: usually the
    <title> minus the site name). authors: ``byline`` split as above (bylines
    include junk such as "Follow Author" or dates on some pages; those stay in
    ``byline_raw`` only). published: ``publishedTime`` when present (no gold when
    null). body: ``expected.html`` as text (lxml): one paragraph per block
    element, ``<br>`` a line break, a first block equal to the title dropped.
    lead_image: none.

mercury (postlight/parser, ``fixtures/*.html`` with the asserts of
    ``src/extractors/custom/<domain>/index.test.js``; MIT or Apache-2.0).
    Values a developer typed in while writing a site's custom extractor.
    ``gold_key`` is the fixture path; asserts are read from every ``it`` block
    that parses that fixture. url: the URL the test parses with. title:
    ``title``. authors: ``author`` (a string) split as above. published:
    ``date_published`` (UTC ISO). lead_image: ``lead_image_url``. body: none;
    ``body_prefix`` is the test's first-N-words excerpt of ``content``. dek:
    ``dek``. An assert of null is not taken as gold: most tests run with
    ``fallback: false``, where null only means the custom extractor does not
    cover the field. The page: Mercury saved it after renaming ``content`` to
    ``value`` (and ``property`` to ``name``) on every ``<meta>``; both are
    renamed back (``undo_mercury_meta``).

goose3 (goose3/goose3, ``tests/data``; Apache-2.0). Regression expectations of
    goose3 itself. ``gold_path`` lists every test JSON that uses the same HTML
    (first one wins per field). url: the JSON ``url``. title: ``title``.
    authors: ``authors`` (a list). body: none; ``body_prefix`` is
    ``cleaned_text``, which the tests check only as a prefix of goose3's text
    (a few are whole bodies). lead_image: ``top_image.src`` unless empty or a
    data: URL.

wcxb (Murrough-Foley/web-content-extraction-benchmark, WCXB; CC-BY-4.0).
    Article-type pages of its dev split; ground truth generated by a language
    model, then reviewed. url: ``url``. title: ``title``. authors: ``author``
    (a string) split as above. published: ``publish_date`` (a date).
    body: ``main_content``. ``snippets_with`` / ``snippets_without``: its
    must-include and must-exclude sentences. lead_image: none.

Standard library only, plus lxml (installed with newscrawl) for the
readability bodies.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

CORE_FIELDS: tuple[str, ...] = ("title", "authors", "published", "body", "lead_image")
READABILITY_HARNESS_URL = "http://fakehost/test/page.html"

Gold = dict[str, Any]


# --------------------------------------------------------------------------- mirrors


class MirrorError(RuntimeError):
    """A mirror (or a commit or file in it) the manifest needs is not here."""


class Mirror:
    """Read blobs from one bare git mirror through a single ``git cat-file --batch``."""

    def __init__(self, repo: str, git_dir: Path) -> None:
        self.repo = repo
        self.git_dir = git_dir
        self._proc: subprocess.Popen[bytes] | None = None

    def has_commit(self, commit: str) -> bool:
        result = subprocess.run(
            ["git", f"--git-dir={self.git_dir}", "cat-file", "-e", f"{commit}^{{commit}}"],
            capture_output=True,
            check=False,
        )
        return result.returncode == 0

    def read(self, commit: str, path: str) -> bytes:
        if self._proc is None:
            self._proc = subprocess.Popen(
                ["git", f"--git-dir={self.git_dir}", "cat-file", "--batch"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(f"{commit}:{path}\n".encode())
        self._proc.stdin.flush()
        header = self._proc.stdout.readline().decode().split()
        if len(header) != 3 or header[1] != "blob":
            raise MirrorError(f"{self.repo}: no file {path!r} at commit {commit}")
        data = self._proc.stdout.read(int(header[2]))
        self._proc.stdout.read(1)  # the newline after each object
        return data

    def read_text(self, commit: str, path: str) -> str:
        return self.read(commit, path).decode("utf-8")

    def read_json(self, commit: str, path: str) -> Any:
        return json.loads(self.read_text(commit, path))

    def close(self) -> None:
        if self._proc is not None:
            assert self._proc.stdin is not None
            self._proc.stdin.close()
            self._proc.wait()
            self._proc = None


def mirror_dir(mirrors: Path, repo: str) -> Path:
    owner, name = repo.split("/", 1)
    return mirrors / f"{owner}+{name}" / "repo"


def check_mirrors(entries: list[dict[str, Any]], mirrors: Path) -> dict[str, str]:
    """Problems by repo: a missing mirror, or a mirror without a pinned commit."""
    problems: dict[str, str] = {}
    commits: dict[str, set[str]] = {}
    for entry in entries:
        commits.setdefault(entry["repo"], set()).add(entry["commit"])
    for repo, wanted in sorted(commits.items()):
        git_dir = mirror_dir(mirrors, repo)
        if not (git_dir / "HEAD").exists():
            problems[repo] = (
                f"missing mirror of {repo}: no bare git dir at {git_dir} "
                f"(bring it with the search tool: fetch github:{repo})"
            )
            continue
        mirror = Mirror(repo, git_dir)
        absent = sorted(c for c in wanted if not mirror.has_commit(c))
        if absent:
            problems[repo] = (
                f"mirror of {repo} at {git_dir} lacks pinned commit(s) {', '.join(absent)}"
            )
    return problems


# --------------------------------------------------------------------------- helpers


def as_list(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def normalize_space(text: str) -> str:
    return " ".join(text.split())


_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)


def to_utf8(raw: bytes) -> bytes:
    """The page as UTF-8 bytes: as is when it decodes, else by its declared charset."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        raw.decode("utf-8")
        return raw
    except UnicodeDecodeError:
        pass
    match = _CHARSET_RE.search(raw[:4096])
    encoding = match.group(1).decode("ascii", "replace") if match else "cp1252"
    try:
        text = raw.decode(encoding, errors="replace")
    except LookupError:
        text = raw.decode("cp1252", errors="replace")
    return text.encode("utf-8")


def page_bytes(raw: bytes) -> bytes:
    """Uncompressed UTF-8 page bytes from a stored file (gzip or not)."""
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    return to_utf8(raw)


_META_TAG = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_META_VALUE = re.compile(rb"(\s)value(\s*=)", re.IGNORECASE)
_META_OG_NAME = re.compile(rb"""(\s)name(\s*=\s*["']?(?:og|article|fb):)""", re.IGNORECASE)


def undo_mercury_meta(page: bytes) -> bytes:
    """A Mercury fixture's ``<meta>`` tags as the site served them.

    Mercury saves its fixtures after its own ``normalizeMetaTags``
    (src/resource/utils/dom/normalize-meta-tags.js), which renames ``content``
    to ``value`` and ``property`` to ``name`` on every ``<meta>``: 136 of its
    145 pages here have no ``content`` left, so no extractor that reads the web's
    markup finds their dates. This renames them back (``property`` for the Open
    Graph names, ``og:``/``article:``/``fb:``, which the protocol defines as
    properties; other names stay names, as most were).
    """

    def restore(tag: re.Match[bytes]) -> bytes:
        text = tag.group(0)
        if re.search(rb"\scontent\s*=", text, re.IGNORECASE):
            return text
        text = _META_VALUE.sub(rb"\1content\2", text, count=1)
        return _META_OG_NAME.sub(rb"\1property\2", text, count=1)

    return _META_TAG.sub(restore, page)


def iso_datetime(value: str | None) -> str | None:
    """ISO 8601 for a gold date string; None when it does not parse as ISO."""
    if not value:
        return None
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) or re.fullmatch(r"\d{4}-\d{2}", text):
        return text
    candidate = text.replace("Z", "+00:00") if text.endswith("Z") else text
    candidate = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", candidate)
    try:
        return datetime.fromisoformat(candidate).isoformat()
    except ValueError:
        return None


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_NAME_PARTICLES = _word_set(
    "de da das do dos di du del della der den van von ter ten la le bin ibn al el y e"
)
_NOT_NAME_WORDS = _word_set(
    "staff team admin editor editors editorial follow author authors updated update "
    "share contributors contributor reporter reporters correspondent desk writer "
    "posted published by"
)
_BYLINE_PREFIX_RE = re.compile(r"^(?:written\s+by|posted\s+by|by|par|von|por|door|di)\s+", re.I)
_BYLINE_SPLIT_RE = re.compile(r"\s*,\s*(?:(?:and|und|et|y)\s+)?|\s+(?:and|&|und|et|y)\s+")
_GLUED_RE = re.compile(r"[a-z]{2}[A-Z]")
_NAME_TOKEN_RE = re.compile(r"[^\W\d_][^\W\d_.'\u2019\-]*(?:[.'\u2019\-][^\W\d_]*)*\.?")


def _looks_like_name(part: str) -> bool:
    tokens = part.split(" ")
    if not 1 <= len(tokens) <= 5:
        return False
    for index, token in enumerate(tokens):
        if not _NAME_TOKEN_RE.fullmatch(token):
            return False
        if _GLUED_RE.search(token) and not token.startswith(("Mac", "Mc")):
            return False  # two words run together: "ProfileElizabeth", "WisemanFatima"
        if token.lower().strip(".") in _NOT_NAME_WORDS:
            return False
        particle = 0 < index < len(tokens) - 1 and token in _NAME_PARTICLES
        if not token[0].isupper() and not particle:
            return False
    return True


def split_byline(raw: str | None) -> list[str] | None:
    """Names in a byline string when the split is unambiguous, else None."""
    if raw is None:
        return None
    text = normalize_space(raw)
    text = _BYLINE_PREFIX_RE.sub("", text)
    if not text:
        return None
    parts = [p for p in _BYLINE_SPLIT_RE.split(text) if p]
    if not parts or not all(_looks_like_name(p) for p in parts):
        return None
    if len(parts) > 1 and any(len(p.split(" ")) < 2 for p in parts):
        return None
    return parts


def new_gold(entry: dict[str, Any]) -> Gold:
    return {
        "url": entry.get("url"),
        "half": entry["half"],
        "title": None,
        "authors": None,
        "published": None,
        "body": None,
        "lead_image": None,
        "language": entry.get("language"),
        "gold_fields": [],
    }


def set_field(gold: Gold, field: str, value: Any) -> None:
    gold[field] = value
    if field not in gold["gold_fields"]:
        gold["gold_fields"].append(field)


def set_byline(gold: Gold, raw: str | None) -> None:
    """Record a gold byline string: always raw, split into authors when unambiguous."""
    if not raw or not raw.strip():
        return
    gold["byline_raw"] = raw
    names = split_byline(raw)
    if names is not None:
        set_field(gold, "authors", names)


def finish(gold: Gold) -> Gold:
    gold["gold_fields"] = [f for f in CORE_FIELDS if f in gold["gold_fields"]]
    return gold


# --------------------------------------------------------------------------- html to text

_BLOCK_TAGS = _word_set(
    """p div section article header footer aside main nav h1 h2 h3 h4 h5 h6 ul ol li
    dl dt dd blockquote pre table thead tbody tfoot tr caption figure figcaption hr
    form fieldset address details summary center"""
)
_SKIP_TAGS = _word_set("script style noscript template head title")


def html_to_text(html: str, title: str | None = None) -> str:
    """Plain text of an HTML fragment: a paragraph per block element, blank-line separated.

    A first paragraph equal to ``title`` (whitespace and case aside) is dropped.
    """
    import lxml.html  # only needed for sources with HTML gold bodies

    root = lxml.html.fromstring(html or "<div></div>")
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = "".join(current)
        current.clear()
        lines = [normalize_space(line) for line in text.split("\n")]
        joined = "\n".join(line for line in lines if line)
        if joined:
            blocks.append(joined)

    def walk(element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if tag in _SKIP_TAGS or not tag:
            return
        block = tag in _BLOCK_TAGS
        if block:
            flush()
        if tag == "br":
            current.append("\n")
        elif tag in ("td", "th"):
            current.append(" ")
        if element.text:
            current.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()
        elif tag in ("td", "th"):
            current.append(" ")

    walk(root)
    flush()
    if (
        blocks
        and title
        and normalize_space(blocks[0]).casefold() == normalize_space(title).casefold()
    ):
        blocks = blocks[1:]
    return "\n\n".join(blocks)


# --------------------------------------------------------------------------- JS test parsing


def _js_mask(src: str) -> str:
    """``src`` with string, template and comment contents blanked (positions kept)."""
    out = list(src)
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == "/" and i + 1 < n and src[i + 1] == "/":
            j = src.find("\n", i)
            j = n if j < 0 else j
            out[i:j] = " " * (j - i)
            i = j
        elif c == "/" and i + 1 < n and src[i + 1] == "*":
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out[i:j] = " " * (j - i)
            i = j
        elif c in "'\"`":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            out[i + 1 : j] = " " * (j - i - 1)
            i = j + 1
        else:
            i += 1
    return "".join(out)


def _matching(masked: str, open_index: int) -> int:
    """Index of the bracket closing the one at ``open_index``."""
    pairs = {"(": ")", "[": "]", "{": "}"}
    stack: list[str] = []
    for i in range(open_index, len(masked)):
        c = masked[i]
        if c in pairs:
            stack.append(pairs[c])
        elif c in ")]}" and stack and stack[-1] == c:
            stack.pop()
            if not stack:
                return i
    return len(masked) - 1


_JS_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def _js_string(body: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        nxt = body[i + 1 : i + 2]
        if nxt == "u" and body[i + 2 : i + 3] == "{":
            end = body.index("}", i)
            out.append(chr(int(body[i + 3 : end], 16)))
            i = end + 1
        elif nxt == "u":
            out.append(chr(int(body[i + 2 : i + 6], 16)))
            i += 6
        elif nxt == "x":
            out.append(chr(int(body[i + 2 : i + 4], 16)))
            i += 4
        elif nxt == "\n":
            i += 2
        else:
            out.append(_JS_ESCAPES.get(nxt, nxt))
            i += 2
    return "".join(out)


_SENTINEL = object()


def _js_literal(src: str, masked: str, start: int, end: int) -> Any:
    """The value of a literal expression in ``src[start:end]``: strings joined by ``+``,
    ``null``, numbers, booleans; ``_SENTINEL`` for anything else."""
    pieces: list[str] = []
    i = start
    expect_value = True
    while i < end:
        c = src[i]
        if c.isspace():
            i += 1
        elif expect_value and c in "'\"`":
            j = i + 1
            while j < end and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            body = src[i + 1 : j]
            if c == "`" and "${" in body:
                return _SENTINEL
            pieces.append(_js_string(body))
            i = j + 1
            expect_value = False
        elif not expect_value and c == "+":
            i += 1
            expect_value = True
        elif expect_value and not pieces:
            word = masked[i:end].strip()
            if word == "null":
                return None
            if word in ("true", "false"):
                return word == "true"
            if re.fullmatch(r"-?\d+(?:\.\d+)?", word):
                return float(word) if "." in word else int(word)
            return _SENTINEL
        else:
            return _SENTINEL
    return "".join(pieces) if pieces and not expect_value else _SENTINEL


def _split_args(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the top-level comma-separated arguments within ``(start, end)``."""
    spans: list[tuple[int, int]] = []
    depth = 0
    last = start
    for i in range(start, end):
        c = masked[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            spans.append((last, i))
            last = i + 1
    if masked[last:end].strip():
        spans.append((last, end))
    return spans


_BLOCK_RE = re.compile(r"\b(describe|it|test|beforeAll|beforeEach)\s*\(")
_FIXTURE_RE = re.compile(r"readFileSync\(\s*(['\"`])\./(fixtures/[^'\"`]+)\1")
_ASSIGN_RE = re.compile(r"\b([A-Za-z_$][\w$]*)\s*=\s*(?=['\"`])")
_PARSE_RE = re.compile(r"Mercury\.parse\(\s*([A-Za-z_$][\w$]*)")
_ASSERT_RE = re.compile(r"\bassert\.(?:equal|strictEqual|deepEqual)\s*\(")


def parse_mercury_test(src: str) -> dict[str, dict[str, Any]]:
    """Gold asserts of a Mercury extractor test, by fixture path.

    Returns ``{fixture: {"url": str | None, "asserts": {name: value}}}`` where a
    name is the asserted variable (title, author, date_published,
    lead_image_url, dek, ...) and ``body_prefix`` for an ``excerptContent``
    result. The first value seen for a name wins.
    """
    masked = _js_mask(src)
    blocks: list[tuple[str, int, int]] = []  # (kind, start, end)
    for m in _BLOCK_RE.finditer(masked):
        open_index = m.end() - 1
        blocks.append((m.group(1), m.start(), _matching(masked, open_index)))

    def enclosing(pos: int) -> list[tuple[str, int, int]]:
        """Blocks containing ``pos``, innermost first."""
        inside = [b for b in blocks if b[1] <= pos <= b[2]]
        return sorted(inside, key=lambda b: b[2] - b[1])

    def own_text_spans(block: tuple[str, int, int]) -> list[tuple[int, int]]:
        """Spans of ``block`` outside its nested ``it``/``describe`` blocks."""
        _, start, end = block
        nested = sorted(
            (
                b
                for b in blocks
                if b[0] in ("it", "test", "describe") and start < b[1] and b[2] <= end
            ),
            key=lambda b: b[1],
        )
        spans: list[tuple[int, int]] = []
        cursor = start
        for _, s, e in nested:
            if s < cursor:
                continue
            spans.append((cursor, s))
            cursor = e + 1
        spans.append((cursor, end + 1))
        return spans

    def find_in(spans: list[tuple[int, int]], regex: re.Pattern[str]) -> re.Match[str] | None:
        for s, e in spans:
            found = regex.search(masked, s, e)
            if found:
                return found
        return None

    # fixture reads in code (not in comments); the path is read from the source
    fixtures = [
        (m.start(), m.group(2))
        for m in _FIXTURE_RE.finditer(src)
        if masked.startswith("readFileSync", m.start())
    ]

    def fixture_for(pos: int) -> str | None:
        for block in enclosing(pos):
            for s, e in own_text_spans(block):
                for start, path in fixtures:
                    if s <= start < e:
                        return path
        return fixtures[0][1] if fixtures else None

    def resolve_string(name: str, pos: int) -> str | None:
        scopes = [own_text_spans(b) for b in enclosing(pos)] + [[(0, len(src))]]
        for spans in scopes:
            for s, e in spans:
                for m in _ASSIGN_RE.finditer(masked, s, e):
                    if m.group(1) != name:
                        continue
                    stop = masked.find(";", m.end())
                    value = _js_literal(src, masked, m.end(), stop if stop > 0 else len(src))
                    if isinstance(value, str):
                        return value
        return None

    def url_for(pos: int) -> str | None:
        for block in enclosing(pos):
            found = find_in(own_text_spans(block), _PARSE_RE)
            if found:
                return resolve_string(found.group(1), found.start())
        found = _PARSE_RE.search(masked)
        return resolve_string(found.group(1), found.start()) if found else None

    result: dict[str, dict[str, Any]] = {}
    for m in _ASSERT_RE.finditer(masked):
        open_index = m.end() - 1
        close = _matching(masked, open_index)
        args = _split_args(masked, open_index + 1, close)
        if len(args) < 2:
            continue
        name = masked[args[0][0] : args[0][1]].strip()
        if not re.fullmatch(r"[A-Za-z_$][\w$]*", name):
            continue
        value = _js_literal(src, masked, args[1][0], args[1][1])
        if value is _SENTINEL:
            continue
        inner = enclosing(m.start())
        scope_text = masked[inner[0][1] : inner[0][2]] if inner else masked
        if re.search(rf"\b{re.escape(name)}\s*=\s*excerptContent\(", scope_text):
            name = "body_prefix"
        fixture = fixture_for(m.start())
        if fixture is None:
            continue
        page = result.setdefault(fixture, {"url": url_for(m.start()), "asserts": {}})
        page["asserts"].setdefault(name, value)
    return result


# --------------------------------------------------------------------------- sources


def fundus_gold(entry: dict[str, Any], mirror: Mirror) -> Gold:
    data = mirror.read_json(entry["commit"], entry["gold_path"])[entry["gold_key"]]
    gold = new_gold(entry)
    if data.get("title"):
        set_field(gold, "title", data["title"])
    if "authors" in data:
        set_field(gold, "authors", list(data["authors"]))
    if data.get("publishing_date"):
        gold["published_raw"] = data["publishing_date"]
        set_field(gold, "published", iso_datetime(data["publishing_date"]))
    if data.get("body"):
        body = data["body"]
        parts: list[str] = []
        for section in body.get("sections", []):
            parts.extend(section.get("headline", []))
            parts.extend(section.get("paragraphs", []))
        set_field(gold, "body", "\n\n".join(p.strip() for p in parts if p and p.strip()))
        gold["summary"] = [s.strip() for s in body.get("summary", []) if s.strip()]
    if data.get("topics"):
        gold["topics"] = list(data["topics"])
    if "images" in data:
        for image in data["images"]:
            if image.get("is_cover"):
                renditions = [v["url"] for v in image.get("versions", []) if v.get("url")]
                if renditions:
                    set_field(gold, "lead_image", renditions[-1])
                    gold["lead_images"] = renditions
                break
    return finish(gold)


def readability_gold(entry: dict[str, Any], mirror: Mirror) -> Gold:
    metadata_path, body_path = as_list(entry["gold_path"])
    meta = mirror.read_json(entry["commit"], metadata_path)
    gold = new_gold(entry)
    title = meta.get("title")
    if title:
        set_field(gold, "title", title)
    set_byline(gold, meta.get("byline"))
    if meta.get("publishedTime"):
        gold["published_raw"] = meta["publishedTime"]
        published = iso_datetime(meta["publishedTime"])
        if published:
            set_field(gold, "published", published)
    body = html_to_text(mirror.read_text(entry["commit"], body_path), title)
    if body:
        set_field(gold, "body", body)
    return finish(gold)


def mercury_gold(entry: dict[str, Any], mirror: Mirror) -> Gold:
    tests = parse_mercury_test(mirror.read_text(entry["commit"], entry["gold_path"]))
    found = tests.get(entry["gold_key"])
    if found is None:
        raise MirrorError(f"no asserts for {entry['gold_key']} in {entry['gold_path']}")
    asserts = found["asserts"]
    gold = new_gold(entry)
    if isinstance(asserts.get("title"), str) and asserts["title"]:
        set_field(gold, "title", asserts["title"])
    if isinstance(asserts.get("author"), str):
        set_byline(gold, asserts["author"])
    if isinstance(asserts.get("date_published"), str):
        gold["published_raw"] = asserts["date_published"]
        published = iso_datetime(asserts["date_published"])
        if published:
            set_field(gold, "published", published)
    if isinstance(asserts.get("lead_image_url"), str) and asserts["lead_image_url"]:
        set_field(gold, "lead_image", asserts["lead_image_url"])
    if isinstance(asserts.get("body_prefix"), str) and asserts["body_prefix"]:
        gold["body_prefix"] = asserts["body_prefix"]
    if isinstance(asserts.get("dek"), str) and asserts["dek"]:
        gold["dek"] = asserts["dek"]
    return finish(gold)


def goose3_gold(entry: dict[str, Any], mirror: Mirror) -> Gold:
    gold = new_gold(entry)
    for path in as_list(entry["gold_path"]):
        expected = mirror.read_json(entry["commit"], path).get("expected", {})
        if expected.get("title") and "title" not in gold["gold_fields"]:
            set_field(gold, "title", expected["title"])
        if expected.get("authors") and "authors" not in gold["gold_fields"]:
            set_field(gold, "authors", list(expected["authors"]))
        if expected.get("cleaned_text") and "body_prefix" not in gold:
            gold["body_prefix"] = expected["cleaned_text"]
        src = (expected.get("top_image") or {}).get("src") or ""
        if src and not src.startswith("data:") and "lead_image" not in gold["gold_fields"]:
            set_field(gold, "lead_image", src)
    return finish(gold)


def wcxb_gold(entry: dict[str, Any], mirror: Mirror) -> Gold:
    truth = mirror.read_json(entry["commit"], entry["gold_path"])["ground_truth"]
    gold = new_gold(entry)
    if truth.get("title"):
        set_field(gold, "title", truth["title"])
    set_byline(gold, truth.get("author"))
    if truth.get("publish_date"):
        gold["published_raw"] = truth["publish_date"]
        published = iso_datetime(truth["publish_date"])
        if published:
            set_field(gold, "published", published)
    if truth.get("main_content"):
        set_field(gold, "body", truth["main_content"].strip())
    gold["snippets_with"] = list(truth.get("with") or [])
    gold["snippets_without"] = list(truth.get("without") or [])
    return finish(gold)


CONVERTERS: dict[str, Callable[[dict[str, Any], Mirror], Gold]] = {
    "fundus": fundus_gold,
    "readability": readability_gold,
    "mercury": mercury_gold,
    "goose3": goose3_gold,
    "wcxb": wcxb_gold,
}


# --------------------------------------------------------------------------- main


def read_manifest(path: Path) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        entry = json.loads(line)
        if entry["id"] in seen:
            raise SystemExit(f"{path}:{number}: duplicate id {entry['id']!r}")
        if entry["source"] not in CONVERTERS:
            raise SystemExit(f"{path}:{number}: unknown source {entry['source']!r}")
        seen.add(entry["id"])
        entries.append(entry)
    return entries


def layout(
    entries: Iterable[dict[str, Any]], out: Path, mirrors: Path
) -> dict[str, dict[str, Gold]]:
    """Write pages and gold files; returns the gold written, by source."""
    opened: dict[str, Mirror] = {}
    golds: dict[str, dict[str, Gold]] = {}
    try:
        for entry in entries:
            repo = entry["repo"]
            mirror = opened.get(repo)
            if mirror is None:
                mirror = opened[repo] = Mirror(repo, mirror_dir(mirrors, repo))
            source = entry["source"]
            html_dir = out / source / "html"
            html_dir.mkdir(parents=True, exist_ok=True)
            page = page_bytes(mirror.read(entry["commit"], entry["path"]))
            if source == "mercury":
                page = undo_mercury_meta(page)
            (html_dir / f"{entry['id']}.html.gz").write_bytes(gzip.compress(page, mtime=0))
            golds.setdefault(source, {})[entry["id"]] = CONVERTERS[source](entry, mirror)
    finally:
        for mirror in opened.values():
            mirror.close()
    for source, gold in golds.items():
        target = out / source / "gold.json"
        target.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return golds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--manifest", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument(
        "--source", action="append", choices=sorted(CONVERTERS), help="only these sources"
    )
    parser.add_argument(
        "--skip-missing", action="store_true", help="lay out the sources whose mirrors are here"
    )
    args = parser.parse_args(argv)

    entries = read_manifest(args.manifest)
    if args.source:
        entries = [e for e in entries if e["source"] in args.source]
    problems = check_mirrors(entries, args.mirrors)
    for message in problems.values():
        print(f"layout_devset: {message}", file=sys.stderr)
    if problems:
        if not args.skip_missing:
            print(
                "layout_devset: nothing written (use --skip-missing for the rest)", file=sys.stderr
            )
            return 2
        entries = [e for e in entries if e["repo"] not in problems]

    golds = layout(entries, args.out, args.mirrors)
    for source, gold in sorted(golds.items()):
        halves = {h: sum(1 for g in gold.values() if g["half"] == h) for h in ("tune", "check")}
        fields = {f: sum(1 for g in gold.values() if f in g["gold_fields"]) for f in CORE_FIELDS}
        print(
            f"{source}: {len(gold)} pages (tune {halves['tune']}, check {halves['check']}); "
            + ", ".join(f"{f} {n}" for f, n in fields.items())
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
