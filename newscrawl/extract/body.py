"""Article body: trafilatura on a pre-cleaned copy of the tree, then a line filter.

trafilatura finds the main text well, but on news pages it lets through page
furniture that sits *inside* the article container: captions and photo credits,
"2 min read", "listen to this article" notes, share bars, newsletter boxes,
"Read also:" links and related-story blocks. Those are removed before
trafilatura by element roles and class/id words (``newscrawl.extract.preclean``)
and after it, here, by line text.

Written by hand, each for a measured reason (``bench/aeb_quick.py``):
- dropping credit, newsletter, "follow us" and contact lines (``_TRAILER_LINE``);
- a balanced-mode retry when precision mode settles on a notice box;
- dropping the headline (in any of its wordings), kicker, byline and date
  lines of sites whose class names are hashed, using what the metadata layers
  found (``PageFacts``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from newscrawl.extract.markup import MAX_BYLINE_CHARS, MAX_DATE_LINE, VISIBLE_DATE
from newscrawl.extract.preclean import MAX_HEADLINE_CHARS, RELATED_HEADING, preclean
from newscrawl.processors.authors import BYLINE_PREFIX, split_authors
from newscrawl.processors.text import clean_text, word_count

# Whole-line texts that are never article prose.
_BOILERPLATE_LINE = re.compile(
    r"^(?:"
    r"\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+(?:read|listen)"
    r"|(?:this\s+)?audio\s+is\s+(?:created|generated)\s+with\s+ai.*"
    r"|listen\s+to\s+(?:this|the)\s+(?:article|story).*"
    r"|\*\s*indicates\s+required.*"
    r"|(?:read|see)\s+(?:also|more)\s*:.*"
    r"|also\s+read\s*:.*|\[?related\s*:.{0,200}"
    r"|(?:like|enjoy(?:ed)?)\s+this\s+(?:story|article)\?.{0,80}"
    r"|advertisement|sponsored(?:\s+content)?|skip\s+advert(?:isement)?"
    r"|share\s+(?:this|on)\b.{0,40}"
    r"|(?:photo|image|illustration|video|picture)(?:\s+credit)?\s*:.{0,160}"
    r"|(?:photo|image)\s+by\b.{0,80}"
    r"|sign\s+up\s+(?:for|to)\b.{0,120}"
    r"|follow\s+us\s+on\b.{0,80}"
    r"|(?:last\s+)?(?:updated|published|posted)(?:\s+(?:at|on))?\s*:?"
    r"\s*[\w ,.:/-]{0,40}\d[\w ,.:/-]{0,40}"
    r"|(?:tags?|filed\s+under|topics?)\s*:.{0,200}"
    r"|\d*\s*comments?|tell\s+us\s+what\s+you\s+think.{0,20}|leave\s+a\s+(?:comment|reply)"
    r"|\[\w+[^\]]*\].*\[/\w+\]"
    r")$",
    re.IGNORECASE,
)
# Notes around the story rather than in it, found in a short line: who else
# reported it ("Reporting by ...; Editing by ...", "... contributed to this
# report."), a newsletter pitch, "Follow us on Twitter" and the reporter's
# contact line. Each needs a shape that a story sentence does not take.
_TRAILER_LINE = re.compile(
    r"^\((?:additional\s+)?reporting\s+by\b.*\)\.?$"
    r"|^additional\s+reporting\s+by\b|^reporting\s+by\b.*(?:;|\bediting\s+by\b)"
    r"|^with\s+files\s+from\b"
    r"|\bcontributed\s+to\s+this\s+(?:report|story|article)\.?\)?$"
    r"|\bcontributed\s+reporting\b[^.]{0,80}\.?\)?$"
    r"|^(?=.*\bnewsletters?\b)(?:sign\s+up\b|subscribe\b|.*\binbox\b)"
    r"|(?:^|[.!?]\s+)follow\s+(?:(?:us|him|her|them|me)\s+@\w"
    r"|(?:[\w@'\u2019.&-]+\s+){0,6}?on\s+"
    r"(?:twitter|facebook|instagram|linkedin|youtube|threads|bluesky|tiktok|x)\b)"
    r"|\b(?:may|can)\s+be\s+reached\s+at\s+\S+@"
    r"|^(?:write\s+to|e-?mail|contact|reach)\s+[^.]{0,60}\bat\s+\S+@\S+",
    re.IGNORECASE,
)
MAX_TRAILER_CHARS = 300
_LIST_MARKER = re.compile(r"^\s*-\s+")
_DATE_LINE_WORDS = re.compile(
    r"\b(?:updated|published|posted|modified|on|at|\d+\s*min(?:ute)?s?\s+read|read)\b",
    re.IGNORECASE,
)
#: A time of day printed before the date, with its zone: "17:41 JST", "9.30 am".
#: Case-sensitive: the zone is an upper-case abbreviation, not any short word.
_CLOCK_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5}\b)?")
#: A precision-mode body shorter than this is checked against the balanced mode,
#: which wins when it finds this many times more words.
SHORT_BODY_WORDS = 100
BALANCED_GAIN = 5
#: trafilatura's fallback extractors run only when its own text is shorter.
FALLBACK_WORDS = 300


@dataclass(frozen=True)
class PageFacts:
    """What the other layers already read, so that the body does not repeat it."""

    title: str | None = None
    section: str | None = None
    authors: tuple[str, ...] = ()
    #: Other wordings of the headline (the ``<h1>``, og:title, JSON-LD
    #: headline can differ): a body line equal to any of them is dropped too.
    headlines: tuple[str, ...] = ()


def extract_body(tree: HtmlElement, url: str, facts: PageFacts | None = None) -> str | None:
    """The article text of a parsed page, paragraphs separated by a blank line."""
    cleaned = preclean(tree, url)
    text = _trafilatura(cleaned, url, precision=True)
    if word_count(text) < SHORT_BODY_WORDS:
        # favor_precision sometimes settles on a notice box (a copyright or
        # paywall line) next to the story; the balanced mode finds the story.
        balanced = _trafilatura(cleaned, url, precision=False)
        if word_count(balanced) >= BALANCED_GAIN * max(word_count(text), 1):
            text = balanced
    if not text:
        # Over-cleaning can leave too little for trafilatura's size checks; the
        # raw page is better than nothing.
        text = _trafilatura(tree, url, precision=True)
    if not text:
        return None
    return filter_lines(text, facts)


def _trafilatura(tree: HtmlElement, url: str, *, precision: bool) -> str | None:
    """trafilatura's text, its readability / justext fallbacks only for short results.

    The fallbacks cost about a fifth of the body time and, on the pre-cleaned
    tree, changed the text only of pages where trafilatura alone found under
    150 words (8 of 210 benchmark pages); a text of ``FALLBACK_WORDS`` or more
    is kept as it is.
    """
    # favor_precision measured better on AEB (F1 0.959 vs 0.953 plain).
    text = _run_trafilatura(tree, url, precision=precision, fast=True)
    if word_count(text) >= FALLBACK_WORDS:
        return text
    return _run_trafilatura(tree, url, precision=precision, fast=False)


def _run_trafilatura(tree: HtmlElement, url: str, *, precision: bool, fast: bool) -> str | None:
    import trafilatura  # on first use: start-up of crawls that parse no article

    return trafilatura.extract(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        favor_precision=precision,
        deduplicate=False,
        fast=fast,
    )


def filter_lines(text: str, facts: PageFacts | None = None) -> str | None:
    """Drop boilerplate and metadata lines; join paragraphs with a blank line.

    Metadata lines are the headline, the section "kicker", the byline and the
    date line: sites without semantic class names leave them in the article
    container, and trafilatura keeps them as text.
    """
    facts = facts or PageFacts()
    title_keys = {_key(t) for t in (facts.title, *facts.headlines) if t} - {""}
    section_key = _key(facts.section) if facts.section else None
    author_keys = {_key(a) for a in facts.authors}
    lines: list[str] = []
    for raw in text.split("\n"):
        # trafilatura marks list items with "- "; the body is plain prose.
        line = clean_text(_LIST_MARKER.sub("", raw))
        if not line or _BOILERPLATE_LINE.match(line) or _is_trailer(line):
            continue
        key = _key(line)
        if (
            key in title_keys
            or key == section_key
            or _is_byline(line, author_keys)
            or _is_date_line(line)
        ):
            continue
        lines.append(line)
    lines = _drop_related_runs(lines)
    return "\n\n".join(lines) or None


def _is_trailer(line: str) -> bool:
    """A credit, newsletter, follow-us or contact note."""
    return len(line) <= MAX_TRAILER_CHARS and bool(_TRAILER_LINE.search(line))


def _is_byline(line: str, author_keys: set[str]) -> bool:
    """A byline naming the page's authors.

    "By Jane Doe and John Roe" when it names one of them; without "By"
    ("Jane Doe for The Courier") only when it names nobody else and is not a
    sentence. The prefixes are the byline's own, in every language
    (``BYLINE_PREFIX``: "Von", "Автор:", "Words:"), so that the line a
    newsletter theme prints above the story ("Words: Mei Harrow, Business
    Reporter") goes with the byline, role and all.
    """
    if len(line) > MAX_BYLINE_CHARS or not author_keys:
        return False
    names = {_key(name) for name in split_authors(line)}
    if BYLINE_PREFIX.match(line):
        return bool(names & author_keys)
    return bool(names) and names <= author_keys and not line.endswith((".", "!", "?", ":"))


def _is_date_line(line: str) -> bool:
    """ "December 11, 2024 3:18 PM Updated December 11, 2024 6:02 PM 1 min read",
    "17:41 JST, October 13, 2024"."""
    if len(line) > MAX_DATE_LINE or not VISIBLE_DATE.search(line):
        return False
    rest = _DATE_LINE_WORDS.sub(" ", _CLOCK_TIME.sub(" ", VISIBLE_DATE.sub(" ", line)))
    return not re.search(r"\w", rest)


def _drop_related_runs(lines: list[str]) -> list[str]:
    """Drop related-stories headings and the run of teaser headlines after each.

    The story around them stays: a "DON'T MISS" box can sit in the middle of
    an article, and a hard cut at the heading would lose the paragraphs after
    it. Teasers are told from story text by length and final punctuation.
    """
    kept: list[str] = []
    skipping = False
    for line in lines:
        if RELATED_HEADING.match(line):
            skipping = True
        elif not (skipping and not _is_prose(line)):
            skipping = False
            kept.append(line)
    return kept


def _is_prose(line: str) -> bool:
    """A sentence of the story rather than a teaser headline."""
    return len(line) >= MAX_HEADLINE_CHARS or line.rstrip("\"\u201d'\u2019 ").endswith((".", "!"))


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()
