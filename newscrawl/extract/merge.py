"""Pick each article field from the layers' candidates, by evidence.

Layers are tried in a per-field order of trust; a few fields use evidence
beyond the order (a truncated JSON-LD headline loses to the full ``<h1>``; a
visible byline naming more people than the structured data wins).
"""

from __future__ import annotations

import re
from typing import Any

from newscrawl.extract.titles import agreed_title, visible_spelling
from newscrawl.processors.authors import split_authors
from newscrawl.processors.dates import calendar_day, has_time_of_day
from newscrawl.processors.sitenames import is_site_name

#: Default order of trust; the first layer with a value wins.
DEFAULT_ORDER: tuple[str, ...] = ("profile", "jsonld", "microdata", "opengraph", "meta", "markup")
#: Fields whose best evidence is not in the default order.
FIELD_ORDER: dict[str, tuple[str, ...]] = {
    # A headline is what the reader sees; <title> carries " | Site" noise.
    "title": ("profile", "jsonld", "microdata", "markup", "opengraph", "meta"),
    # A visible byline beats <meta name=author>, which is often the site name.
    "authors": ("profile", "jsonld", "microdata", "markup", "opengraph", "meta"),
    "published_raw": (
        "profile",
        "jsonld",
        "microdata",
        "opengraph",
        "meta",
        "markup",
        "htmldate",
    ),
    "modified_raw": ("profile", "jsonld", "microdata", "opengraph", "meta", "markup"),
    "body": ("profile", "jsonld", "trafilatura"),
    "lead_image_caption": ("profile", "jsonld", "microdata", "markup", "opengraph"),
    "canonical_url": ("meta", "opengraph", "jsonld", "microdata"),
    "language": ("profile", "meta", "jsonld", "microdata", "opengraph"),
}
MERGED_FIELDS: tuple[str, ...] = (
    "title",
    "authors",
    "published_raw",
    "modified_raw",
    "body",
    "description",
    "lead_image_url",
    "lead_image_caption",
    "tags",
    "section",
    "language",
    "paywalled",
    "canonical_url",
)


def _present(value: Any) -> bool:
    return value not in (None, "", [], ())


def merge_layers(
    layers: dict[str, dict[str, Any]], site_name: str | None = None
) -> tuple[dict[str, Any], dict[str, str]]:
    """(fields, sources): the chosen value of each field and the layer it came from.

    ``site_name`` (og:site_name or the publisher) keeps a byline that only adds
    the site itself ("Jane Doe, CBC News") from beating structured authors.
    """
    fields: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for name in MERGED_FIELDS:
        order = FIELD_ORDER.get(name, DEFAULT_ORDER)
        chosen = _first(layers, name, order)
        if name == "title":
            chosen = agreed_title(layers, chosen)
            chosen = _prefer_short_headline(layers, _prefer_full_headline(layers, chosen))
            chosen = visible_spelling(layers, _prefer_visible_typography(layers, chosen))
        elif name == "authors":
            chosen = _prefer_named_author(
                layers, _prefer_fuller_byline(layers, chosen, site_name), site_name
            )
        elif name in ("published_raw", "modified_raw"):
            chosen = _prefer_timestamp(layers, name, order, chosen)
        if chosen is not None:
            source, value = chosen
            fields[name] = value
            sources[name] = source
        else:
            fields[name] = [] if name in ("authors", "tags") else None
    return fields, sources


def _first(
    layers: dict[str, dict[str, Any]], name: str, order: tuple[str, ...]
) -> tuple[str, Any] | None:
    for layer in order:
        value = layers.get(layer, {}).get(name)
        # Authors count only when a name survives cleaning: a layer whose
        # author is a login or a label ("andrew.keaveney") gives way to the next;
        # so does a date that does not read as one (the item would get none).
        if _present(value) and _usable(name, value):
            return layer, value
    return None


def _usable(name: str, value: Any) -> bool:
    if name == "authors":
        return bool(split_authors(value))
    if name in ("published_raw", "modified_raw"):
        return calendar_day(value) is not None
    return True


def _prefer_timestamp(
    layers: dict[str, dict[str, Any]],
    name: str,
    order: tuple[str, ...],
    chosen: tuple[str, Any] | None,
) -> tuple[str, Any] | None:
    """A full timestamp of the same day beats a date-only value, whatever its layer.

    Layers disagree in precision more than in fact: JSON-LD's "2024-12-10"
    and the page's ``<time datetime="2024-12-10T16:20:00-07:00">`` say the
    same day, and only one says when. A date-only value never displaces a
    time: the more trusted layer's day stands only when no layer times it.
    A profile's selector is the site's own choice and is kept as it is.
    """
    if chosen is None or chosen[0] == "profile" or has_time_of_day(chosen[1]):
        return chosen
    day = calendar_day(chosen[1])
    if day is None:
        return chosen
    for layer in order:
        value = layers.get(layer, {}).get(name)
        if _present(value) and has_time_of_day(value) and calendar_day(value) == day:
            return layer, value
    return chosen


def _squash(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def _prefer_full_headline(
    layers: dict[str, dict[str, Any]], chosen: tuple[str, Any] | None
) -> tuple[str, Any] | None:
    """Structured headlines are often cut (Google's 110 characters); the <h1> is not."""
    visible = layers.get("markup", {}).get("title")
    if chosen is None or chosen[0] in ("profile", "markup") or not visible:
        return chosen
    structured = _squash(str(chosen[1]).rstrip(".… "))
    full = _squash(visible)
    if structured and full != structured and full.startswith(structured):
        return "markup", visible
    return chosen


#: Structured headlines cut for search snippets are about this long (Google's
#: limit was 110 characters); a shorter prefix of the <h1> is an edit, not a cut.
TRUNCATED_HEADLINE_CHARS = 100
#: A condensed headline keeps at least this share of the <h1>'s words, and
#: at least MIN_HEADLINE_WORDS of them: less is a kicker or a label.
MIN_HEADLINE_SHARE = 0.5
MIN_HEADLINE_WORDS = 4
#: Words at the start that a condensed headline shares with the <h1>.
OPENING_WORDS = 2
_HEADLINE_LAYERS = ("jsonld", "microdata", "opengraph")


def _prefer_short_headline(
    layers: dict[str, dict[str, Any]], chosen: tuple[str, Any] | None
) -> tuple[str, Any] | None:
    """The shortest complete form of the headline the publisher gives.

    Sites often print a long headline in the <h1> and give the same headline,
    condensed, in og:title or JSON-LD ("..., experts warn it won't be easy"
    for "... for US companies, experts warn it won't be cheap or easy"). The
    headline is the short form: the long one folds in a subheading (fundus'
    guidelines: a title "does not include subheaders, aims to be as short as
    possible"). A candidate counts only when every word of it is in the <h1>,
    it keeps most of the <h1>'s words and its opening words, and it is not a
    truncation (an ellipsis, or a prefix as long as a search-snippet cut).
    """
    visible = layers.get("markup", {}).get("title")
    if chosen is None or chosen[0] == "profile" or not visible:
        return chosen
    visible_words = _words(visible)
    best = chosen
    for layer in _HEADLINE_LAYERS:
        value = layers.get(layer, {}).get("title")
        if not value or not _condensed(str(value), visible, visible_words):
            continue
        if len(str(value)) < len(str(best[1])):
            best = (layer, value)
    return best


#: Typographic characters and the plain ones metadata often has instead:
#: WordPress' wptexturize curls the quotes of the printed headline only, so
#: og:title and Yoast's JSON-LD keep "children's" where the <h1> has U+2019.
_PLAIN_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
        "\u00a0": " ",
    }
)


def _plain(text: str) -> str:
    return " ".join(text.translate(_PLAIN_TYPOGRAPHY).split())


def _prefer_visible_typography(
    layers: dict[str, dict[str, Any]], chosen: tuple[str, Any] | None
) -> tuple[str, Any] | None:
    """The <h1>'s spelling of the chosen headline when only quotes and dashes differ.

    The title is what the reader sees; metadata that has the same words with
    straight quotes is the same headline, typed plainer.
    """
    visible = layers.get("markup", {}).get("title")
    if chosen is None or chosen[0] in ("profile", "markup") or not visible:
        return chosen
    value = str(chosen[1])
    if visible != value and _plain(visible) == _plain(value):
        return "markup", visible
    return chosen


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _condensed(candidate: str, visible: str, visible_words: list[str]) -> bool:
    """Is ``candidate`` a complete, shorter form of the visible headline?"""
    words = _words(candidate)
    if len(words) < MIN_HEADLINE_WORDS or len(words) < MIN_HEADLINE_SHARE * len(visible_words):
        return False
    if not set(words) <= set(visible_words) or len(words) >= len(visible_words):
        return False
    # A condensed headline keeps its opening; one that drops it ("ICJ
    # concludes..." for "Legal opinion expected after ICJ concludes...") is
    # another headline (a search-engine variant), and the visible one stands.
    if words[:OPENING_WORDS] != visible_words[:OPENING_WORDS]:
        return False
    if candidate.rstrip().endswith(("…", "...")):
        return False
    is_prefix = _squash(visible).startswith(_squash(candidate))
    return not (is_prefix and len(candidate) >= TRUNCATED_HEADLINE_CHARS)


def _prefer_fuller_byline(
    layers: dict[str, dict[str, Any]], chosen: tuple[str, Any] | None, site_name: str | None
) -> tuple[str, Any] | None:
    """The visible byline wins when it names everyone the structured data names, and more.

    "More" does not count the site's own name: structured data that names the
    reporter is better than a byline that adds the publisher after her.
    """
    visible = layers.get("markup", {}).get("authors") or []
    if chosen is None or chosen[0] in ("profile", "markup") or not visible:
        return chosen
    structured = {_person_key(n) for n in split_authors(chosen[1])}
    seen = {_person_key(n) for n in split_authors(visible)}
    extra = {n for n in seen - structured if not is_site_name(n, site_name)}
    if structured < seen and extra:
        return "markup", visible
    return chosen


#: Honorifics a byline prints and structured data often leaves out.
_HONORIFIC = re.compile(r"^(?:dr|prof|mr|mrs|ms|sir)\b\.?\s+", re.IGNORECASE)


def _person_key(name: str) -> str:
    """Compare names without an honorific: "Dr Marna van der Merwe" ~ "Marna van der Merwe"."""
    return _squash(_HONORIFIC.sub("", name))


def _prefer_named_author(
    layers: dict[str, dict[str, Any]], chosen: tuple[str, Any] | None, site_name: str | None
) -> tuple[str, Any] | None:
    """<meta name=author> over a visible byline that names none of its people.

    The markup byline is a guess from class names ("author" boxes of related
    posts, bios, comment authors); a page's own author meta that names a
    person, not the site, and that the byline does not mention is the better
    evidence.
    """
    if chosen is None or chosen[0] != "markup":
        return chosen
    meta = split_authors(layers.get("meta", {}).get("authors"))
    if not meta or any(is_site_name(n, site_name) for n in meta):
        return chosen
    if not all(len(n.split()) >= 2 for n in meta):
        return chosen
    seen = {_person_key(n) for n in split_authors(chosen[1])}
    if seen & {_person_key(n) for n in meta}:
        return chosen
    return "meta", meta
