"""Title candidates checked against each other before the merge picks one.

Every layer offers a headline: JSON-LD and microdata ``headline``, og:title,
``<title>`` and the visible ``<h1>``. Each can be wrong in its own way: the
``<title>`` and og:title carry the site's name or a section ("Title - Golem.de",
"Title | Rust Blog") that ``og:site_name`` does not always spell; the first
``<h1>`` of some pages is the logo or a promo ("POLITICO Politico Logo",
"Form your New York LLC today"); a JSON-LD headline may be a stale or SEO
variant that no other layer repeats. These rules use the candidates as
evidence about one another, never a site's markup.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from newscrawl.processors.sitenames import name_key

#: Separators between a headline and the site's or section's name.
_SEPARATORS = re.compile(r"\s+(?:\||-|\u2013|\u2014|::|·|•|:)\s+|\s*[|\uff5c]\s*")
#: A site or section name after a separator is a few words at most.
MAX_BRANDING_WORDS = 5
#: Host labels that name no site ("www.", "blog.", country and generic domains).
_GENERIC_WORDS = "www www2 m amp blog blogs news en us uk de fr com org net co edu gov io info"
_GENERIC_LABELS = frozenset(_GENERIC_WORDS.split())
#: A host label shorter than this is too unspecific to find in a title.
MIN_LABEL_CHARS = 4
#: Words shorter than this ("a", "of", "and") tell nothing about a story.
MIN_TELLING_CHARS = 4
#: Layers whose titles vote on the headline; ``meta`` is ``<title>`` and
#: Dublin Core. The markup layer's ``<h1>`` votes too.
VOTING_LAYERS = ("jsonld", "microdata", "opengraph", "meta", "markup")
#: Layers whose titles tell whether the ``<h1>`` is the headline.
TITLE_EVIDENCE = ("jsonld", "microdata", "opengraph", "meta")
# CJK writes words without spaces: each character is a token there.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_TOKEN = re.compile(rf"{_CJK.pattern}|[^\W_]+")


def tokens(text: str) -> list[str]:
    """Lowercase word tokens; one per character in scripts written without spaces."""
    return _TOKEN.findall(text.casefold())


def _host_keys(url: str) -> tuple[str, set[str]]:
    """(whole host key, keys of its specific labels): "golemde", {"golem"}."""
    host = (urlsplit(url).hostname or "").casefold().removeprefix("www.")
    labels = {
        name_key(label)
        for label in host.split(".")
        if label not in _GENERIC_LABELS and len(label) >= MIN_LABEL_CHARS
    }
    return name_key(host), labels


def names_host(part: str, url: str) -> bool:
    """Does ``part`` (a few words after a separator) name the site at ``url``?

    "Golem.de" on golem.de, "Accruent" on accruent.com, "DianaHR" on
    getdianahr.com, "Rust Blog" on blog.rust-lang.org... a title's tail that
    spells the host, or one of its labels, is the site's brand.
    """
    words = tokens(part)
    if not words or len(words) > MAX_BRANDING_WORDS:
        return False
    key = name_key(part)
    whole, labels = _host_keys(url)
    if not key or len(key) < MIN_LABEL_CHARS - 1:
        return False
    if key == whole:
        return True
    return any(key == label or label in key or key in label for label in labels)


def strip_host_branding(title: str, url: str) -> str:
    """``title`` without a leading or trailing part that names the host.

    og:site_name may be missing, or a handle ("@golemredaktion") that never
    matches the " - Golem.de" the title ends with; the host always is there.
    """
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if names_host(parts[-1], url):
        return _cut_last(title)
    if names_host(parts[0], url):
        return _cut_first(title)
    return title


def _cut_last(title: str) -> str:
    matches = list(_SEPARATORS.finditer(title))
    return title[: matches[-1].start()].strip()


def _cut_first(title: str) -> str:
    match = _SEPARATORS.search(title)
    return title[match.end() :].strip() if match else title


def strip_headline_tail(title: str, headline: str | None) -> str:
    """The ``<h1>`` when ``title`` is the ``<h1>`` plus a separator and a short tail.

    "LTE-Patent: Samsung soll ... zerstören - Golem.de" beside the ``<h1>``
    "LTE-Patent: Samsung soll ... zerstören": what the ``<title>`` adds after
    the printed headline is the site or the section ("| Sport", "| Opinion").
    """
    # Case aside: the <h1>'s case may be styling, and the title's own
    # spelling of those words is kept.
    if not headline or title == headline or not title.casefold().startswith(headline.casefold()):
        return title
    rest = title[len(headline) :]
    match = _SEPARATORS.match(rest)
    if match is None:
        return title
    tail = rest[match.end() :]
    if not tokens(tail) or len(tokens(tail)) > MAX_BRANDING_WORDS:
        return title
    return title[: len(headline)]


def related(headline: str, others: list[str]) -> bool:
    """Is the ``<h1>`` the same story as some other layer's title?

    A logo, a newsletter promo or a menu set in the first ``<h1>`` ("POLITICO
    Politico Logo", "Open Menu Close Menu") shares no telling word with the
    page's ``<title>`` and og:title, cut of the site's name; a headline, even
    one worded apart from the SEO title, shares some. Vacuously true when no
    other layer has a title, or the ``<h1>`` has no telling word to compare.
    """
    words = {w for w in tokens(headline) if _telling(w)}
    if not others or not words:
        return True
    return any(words & set(tokens(other)) for other in others)


def _telling(token: str) -> bool:
    """A word that says what a story is about: not "a", "of", "and"; any CJK character."""
    return len(token) >= MIN_TELLING_CHARS or bool(_CJK.fullmatch(token))


def title_key(text: str) -> str:
    """Titles that differ only in case, spacing, quotes or punctuation share a key."""
    return " ".join(tokens(text))


def agreed_title(
    layers: dict[str, dict[str, Any]], chosen: tuple[str, Any] | None
) -> tuple[str, Any] | None:
    """The title most layers give, when more layers give it than give ``chosen``.

    The trust order (JSON-LD first) is right when layers disagree one against
    one. When JSON-LD says one thing and og:title, ``<title>`` and the ``<h1>``
    another, the lone headline is the odd one (an SEO variant, a stale
    edit, a teaser) and the majority is the headline a reader and a sharer see.
    On a tie the trust order stands.
    """
    if chosen is None or chosen[0] == "profile":
        return chosen
    votes: dict[str, list[str]] = {}
    for layer in VOTING_LAYERS:
        value = layers.get(layer, {}).get("title")
        if isinstance(value, str) and title_key(value):
            votes.setdefault(title_key(value), []).append(layer)
    for voters in votes.values():
        # SEO plugins write one text to both <title> and og:title: one choice,
        # one vote (else it outvotes the printed headline on every such site).
        if "opengraph" in voters and "meta" in voters:
            voters.remove("meta")
    chosen_votes = votes.get(title_key(str(chosen[1])), [])

    best = max(votes.values(), key=len, default=[])
    if len(best) <= len(chosen_votes):
        return chosen
    # The layer to read the winning text from: the <h1> (what the reader
    # sees) when it is among the voters, else the most trusted voter.
    layer = "markup" if "markup" in best else best[0]
    return layer, layers[layer]["title"]


def visible_spelling(
    layers: dict[str, dict[str, Any]], chosen: tuple[str, Any] | None
) -> tuple[str, Any] | None:
    """The ``<h1>``'s spelling of the chosen headline, unless the ``<h1>``'s case is styling.

    Metadata often title-cases a headline ("Review And Approval") or types a
    colon as a dash; when only case and punctuation differ, the reader's
    version is the headline. An ``<h1>`` in capitals ("TIPS FOR ONLINE
    SUCCESS") or in lowercase ("history of coffee") is styling, and a layer
    that spells the same words in mixed case has the text.
    """
    visible = layers.get("markup", {}).get("title")
    if chosen is None or chosen[0] == "profile" or not isinstance(visible, str):
        return chosen
    key = title_key(str(chosen[1]))
    if key != title_key(visible):
        return chosen
    if not _styled(visible):
        if str(chosen[1]) == visible:
            return chosen
        # An <h1> with fewer marks lost them to markup ("Kicker</span>
        # Headline" for "Kicker: Headline"): the metadata's text is fuller.
        return ("markup", visible) if _marks(visible) >= _marks(str(chosen[1])) else chosen
    for layer in VOTING_LAYERS:
        value = layers.get(layer, {}).get("title")
        if isinstance(value, str) and title_key(value) == key and not _styled(value):
            return layer, value
    return chosen


def _marks(text: str) -> int:
    return sum(1 for c in text if not c.isalnum() and not c.isspace())


def _styled(text: str) -> bool:
    """Set all in capitals or all in lowercase (CSS ``text-transform`` typed into the text)."""
    cased = [c for c in text if c.lower() != c.upper()]
    return len(cased) > 1 and (all(c.isupper() for c in cased) or all(c.islower() for c in cased))


# Also "_": Chinese portals join "headline_section_site" without spaces.
_SEGMENTS = re.compile(rf"{_SEPARATORS.pattern}|\s*_\s*")


def headline_is_site_name(headline: str, titles: list[str], url: str) -> bool:
    """Is the ``<h1>`` the site's name rather than the story's headline?

    Blogs set the site's name in the ``<h1>`` and the post's headline in the
    ``<title>`` beside it: "Reflections on Building ... - Part 1 | Playful
    Tones" under an ``<h1>`` "Playful Tones" on playfultones.com, "davidbau.com
    Vibe Coding" under "davidbau.com". The ``<h1>`` names the host, and is
    the first or last part of the ``<title>`` with a longer part beside it.
    (Position and length alone do not tell: "„Unermüdlicher Einsatz“ - Die
    Neue Südtiroler Tageszeitung" has the short headline first.)
    """
    key = title_key(headline)
    if not key or not names_host(headline, url):
        return False
    for title in titles:
        parts = [p for p in _SEGMENTS.split(title) if title_key(p)]
        if len(parts) >= 2 and key in (title_key(parts[0]), title_key(parts[-1])):
            rest = [p for p in parts if title_key(p) != key]
            if rest and max(len(tokens(p)) for p in rest) > len(tokens(headline)):
                return True
        if names_host(headline, url) and title_key(title).startswith(f"{key} "):
            return True
    return False


def without_site_name(title: str, site_name: str) -> str:
    """``title`` without ``site_name`` at its start or its end."""
    key = title_key(site_name)
    cuts = list(_SEGMENTS.finditer(title))
    if cuts and title_key(title[cuts[-1].end() :]) == key:
        return title[: cuts[-1].start()].strip()
    if cuts and title_key(title[: cuts[0].start()]) == key:
        return title[cuts[0].end() :].strip()
    if title.startswith(site_name) and title_key(title).startswith(f"{key} "):
        return title[len(site_name) :].strip()
    return title
