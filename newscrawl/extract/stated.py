"""The dates a story states for itself: when it was published, when updated.

A news page prints many dates: today's in the banner, one per teaser in the
"News Feed" and "More in ..." lists, the comments' times, a copyright year.
Only those in the story's stated zone (:func:`~newscrawl.extract.pageshape.story_zone`:
headline, meta line, byline, the story; no sidebars, cards or footers) are
the page's own. Inside it a date is read from

- markup: ``itemprop="datePublished"`` / ``"dateModified"`` and ``<time
  datetime>``, whose machine-readable value carries the time and the offset
  the printed text often leaves out ("13. Dezember 2024");
- visible text: "December 3, 2024 - 5:30pm", "11 грудня 2024, 10:00"
  (:mod:`newscrawl.processors.datetext` knows the month names).

Which date is which is what the page says around it, nearest first: the
element's own class or itemprop (WordPress ``entry-date published updated``,
Drupal ``field--name-created``), the label printed before it ("Updated",
"Aktualisiert am", Drupal's ``field__label``), then the classes of its short
containers. A date nobody labels is the publication date, as readers take it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml.html import HtmlElement

from newscrawl.extract.markup import MAX_DATE_LINE
from newscrawl.extract.pageshape import story_zone
from newscrawl.processors.dates import calendar_day, has_time_of_day
from newscrawl.processors.datetext import find_printed_dates
from newscrawl.processors.text import clean_text

#: Words that mark a date as an update, in the languages of ``datetext.LOCALES``.
_UPDATED = re.compile(
    r"updated|modified|edited|revised|aktualisiert|ge(?:ä|ae)ndert|bearbeitet|mis\s+à\s+jour|"
    r"modifié|actualizad[oa]|actualitzat|aggiornat[oa]|modificat[oa]|atualizad[oa]|"
    r"bijgewerkt|gewijzigd|zaktualizowan|aktualizov|оновлено|обновлено|uppdaterad|"
    r"opdateret|oppdatert|päivitetty|güncellen|frissítve|actualizat|diperbarui|ενημερώθηκε",
    re.IGNORECASE,
)
#: Words that mark a date as the publication's.
_PUBLISHED = re.compile(
    r"publish|posted|created|issued|veröffentlicht|erschienen|publié|publicad[oa]|"
    r"pubblicat[oa]|gepubliceerd|opublikowan|publikov|опубліковано|опубликовано|"
    r"publicerad|publiceret|publisert|julkaistu|yay\u0131nlan|megjelent|publicat|"
    r"diterbitkan|δημοσιεύθηκε",
    re.IGNORECASE,
)
#: How far up a date's label or marking class may stand: Drupal's label is in
#: the field around the item around the ``<time>``, two levels up.
LABEL_LEVELS = 3
#: A container with more text than this is a paragraph, not a date's label.
MAX_LABEL_CHARS = 200
#: The attributes whose words say what a date is.
_MARK_ATTRIBUTES = ("class", "id", "itemprop")
_PUBLISHED_PROPS = frozenset({"datePublished", "dateCreated"})


@dataclass(frozen=True)
class StatedDate:
    """One date of the zone: its raw value and what the page says it is."""

    value: str
    kinds: frozenset[str]  # "published", "modified"; empty: nobody says
    has_time: bool
    in_head: bool  # before the story's first sentence
    order: int
    on_own_line: bool = True  # its block of text is a short line, not a paragraph


def stated_dates(tree: HtmlElement, url: str) -> dict[str, str] | None:
    """``published_raw`` and ``modified_raw`` from the story's zone (either may be
    missing); None when the page has no zone to trust."""
    zone = story_zone(tree, url)
    if zone is None:
        return None
    # Inside a sentence of the story, a date nobody labels is as likely an
    # event's ("the deadline is April 15, 2025") as the story's; in the head
    # or on a short line of its own (a meta line) it is the story's.
    dates = [
        d for d in _zone_dates(zone.elements, zone.head) if d.in_head or d.kinds or d.on_own_line
    ]
    fields: dict[str, str] = {}
    published = choose([d for d in dates if "published" in d.kinds or not d.kinds])
    if published is not None:
        fields["published_raw"] = published
    modified = choose([d for d in dates if "modified" in d.kinds])
    if modified is not None:
        fields["modified_raw"] = modified
    return fields


def choose(dates: list[StatedDate]) -> str | None:
    """The best of one kind's dates: labelled before unlabelled, the head before
    the story's text, then page order; a date-only value gives way to a full
    timestamp of the same day (a date line and the ``<time>`` that says it
    to the minute)."""
    if not dates:
        return None
    ranked = sorted(dates, key=lambda d: (not d.kinds, not d.in_head, d.order))
    best = ranked[0]
    if best.has_time:
        return best.value
    day = calendar_day(best.value)
    for other in ranked[1:]:
        if other.has_time and day is not None and calendar_day(other.value) == day:
            return other.value
    return best.value


def _zone_dates(elements: list[HtmlElement], head: int) -> Iterator[StatedDate]:
    inside = set(elements)
    for order, element in enumerate(elements):
        in_head = order < head
        tag = element.tag
        prop = element.get("itemprop") or ""
        if prop in _PUBLISHED_PROPS or prop == "dateModified":
            value = _attribute_value(element)
            if value:
                kind = "modified" if prop == "dateModified" else "published"
                yield StatedDate(value, frozenset({kind}), has_time_of_day(value), in_head, order)
                continue
        if tag == "time" and element.get("datetime", "").strip():
            value = element.get("datetime", "").strip()
            kinds = _kinds(element, "", inside)
            short = _line_chars(element) <= MAX_DATE_LINE
            yield StatedDate(value, kinds, has_time_of_day(value), in_head, order, short)
            continue
        if _inside_read_time(element, inside):
            continue
        for text in _own_texts(element):
            for found in find_printed_dates(text):
                kinds = _kinds(element, text[: found.start], inside)
                value = text[found.start : found.end]
                short = _line_chars(element) <= MAX_DATE_LINE
                yield StatedDate(value, kinds, found.has_time, in_head, order, short)


#: Elements that run inside a line of text: a date in one is on its block's line.
_INLINE_TAGS = frozenset(
    {"a", "span", "time", "small", "strong", "b", "em", "i", "abbr", "font", "sup", "sub", "u"}
)


def _line_chars(element: HtmlElement) -> int:
    """The length of the text of the block (paragraph, div, list item) ``element`` runs in."""
    block = element
    while block.tag in _INLINE_TAGS:
        parent = block.getparent()
        if parent is None:
            break
        block = parent
    return len(clean_text(block.text_content()) or "")


def _attribute_value(element: HtmlElement) -> str | None:
    value = element.get("content") or element.get("datetime") or element.text_content()
    return value.strip() if value and value.strip() else None


def _inside_read_time(element: HtmlElement, inside: set[HtmlElement]) -> bool:
    """Within a ``<time datetime>`` already read: its printed text says it again."""
    for ancestor in element.iterancestors():
        if ancestor not in inside:
            return False
        if ancestor.tag == "time" and ancestor.get("datetime", "").strip():
            return True
    return False


def _own_texts(element: HtmlElement) -> Iterator[str]:
    """The short text nodes ``element`` owns: its text and its children's tails.

    Each text node of the page is read once, by the element it belongs to; a
    long one is a paragraph of the story, whose dates are events, not its own.
    """
    for raw in (element.text, *(child.tail for child in element)):
        if not raw or len(raw) > 3 * MAX_DATE_LINE:
            continue
        text = clean_text(raw)
        if text and len(text) <= MAX_DATE_LINE:
            yield text


def _kinds(element: HtmlElement, before: str, inside: set[HtmlElement]) -> frozenset[str]:
    """What the page says a date is: its own marks, the label printed before it
    (in its text node, then in its short containers), then those containers'
    marks, the nearest evidence first."""
    found = _kinds_in_marks(element)
    if found:
        return found
    found = _label_kinds(before)
    if found:
        return found
    target = element
    containers: list[HtmlElement] = []
    for ancestor in element.iterancestors():
        if len(containers) == LABEL_LEVELS or ancestor not in inside:
            break
        if len(clean_text(ancestor.text_content()) or "") > MAX_LABEL_CHARS:
            break
        containers.append(ancestor)
        found = _label_kinds(_text_before(ancestor, target))
        if found:
            return found
    for ancestor in containers:
        found = _kinds_in_marks(ancestor)
        if found:
            return found
    return frozenset()


def _kinds_in_marks(element: HtmlElement) -> frozenset[str]:
    marks = " ".join(element.get(name) or "" for name in _MARK_ATTRIBUTES)
    kinds = set()
    if _PUBLISHED.search(marks):
        kinds.add("published")
    if _UPDATED.search(marks):
        # WordPress marks one <time> "published updated" when the post was never edited.
        kinds.add("modified")
    return frozenset(kinds)


def _label_kinds(label: str) -> frozenset[str]:
    """The kind the label nearest the date names ("Published ... Updated" -> updated)."""
    last = {
        kind: max((m.end() for m in pattern.finditer(label)), default=-1)
        for kind, pattern in (("published", _PUBLISHED), ("modified", _UPDATED))
    }
    kind = max(last, key=lambda k: last[k])
    return frozenset({kind}) if last[kind] >= 0 else frozenset()


def _text_before(container: HtmlElement, target: HtmlElement) -> str:
    """The text of ``container`` that comes before ``target`` starts."""
    parts: list[str] = []

    def walk(element: HtmlElement) -> bool:
        if element is target:
            return True
        parts.append(element.text or "")
        for child in element:
            if walk(child):
                return True
            parts.append(child.tail or "")
        return False

    walk(container)
    return " ".join(parts)
