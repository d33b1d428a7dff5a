# ruff: noqa: RUF001, RUF002, RUF003 -- the vocabulary is Cyrillic, Hangul and Han on purpose
"""Bylines into clean person names: no prefixes, roles, handles, e-mail addresses or credits.

A byline is read the way its language writes it: an introducing word ("By",
"Von", "Автор:"), names joined by commas and the language's "and", and, after
a name, the writer's job ("Staff Writer", "Redakteurin") or affiliation
("CNN"). Only the names are kept; organisations that sign a story ("The X
news desk", "X Staff", "Associated Wire") are names too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from newscrawl.processors.text import clean_text, dedupe


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# The word that introduces a byline, in the conventions of the languages we
# crawl: English "By" (also "Written by", "Words by", "Reporting by"), German
# "Von", French "Par", Spanish and Portuguese "Por", Dutch "Door",
# Scandinavian "Av"/"Af", Polish "przez", Italian "di" (lower case only: "Di"
# starts Italian surnames). Labels take a colon ("Автор:", "Autorin:",
# "Text:", "Words:"); without one, "Text" or "Words" may begin a sentence.
# A prefix may stand alone: themes print it in its own element
# (<span class="byline-prefix">By:</span>), and alone it is never a name.
_PREFIX_RE = (
    r"^\s*(?:"
    r"(?:(?:written|reported|reporting|words|text|story|posted|photos?|recipe|authored|compiled)"
    r"\s+)?by(?:\s*:\s*|\s+|$)"
    # "Written byDan Pantelo", "ByAmy Roeder": the space before the name was
    # lost between two tags (capital "By" only: "BYRON" is a name).
    r"|(?:written|reported|posted|authored)\s+by(?=(?-i:[A-Z]))|(?-i:By)(?=(?-i:[A-Z][a-z]))"
    r"|(?:von|par|por|door|av|af|przez|(?-i:di))(?:\s*:\s*|\s+|$)"
    r"|(?:authors?|autor(?:in|en|es|as?|ka|zy|i|e)?|auteur(?:e|es|s)?|autore|autori"
    r"|автор(?:и|ы|ка)?|текст|tekst|text|teksti|texto|testo|words|reporting)\s*(?::\s*|$)"
    r")"
)
BYLINE_PREFIX = re.compile(_PREFIX_RE, re.IGNORECASE)
# Separators between names: punctuation, bullets, and the word for "and" in
# English, German (und), French (et), Spanish (y), Italian and Portuguese (e),
# Ukrainian (та, і), Russian (и), Polish and Croatian (i), Danish and
# Norwegian (og), Swedish (och), Dutch (en). Case-sensitive: a capital "Y."
# or "E." is an initial, not a conjunction. The group keeps the separator:
# what follows a comma may be a role ("Jane Doe, Reporter").
_AUTHOR_SPLIT = re.compile(
    r"\s*(,|;|&|\s\|\s|[·•⋅]|/|\b(?:and|und|et|og|och|en|та)\b|(?<=\s)(?:y|e|i|і|и)(?=\s))\s*"
)
#: Separators after which a byline goes on about the person just named.
_AFTER_NAME = frozenset([",", "·", "•", "⋅"])
_EMAIL = re.compile(r"\S+@\S+\.\w+")
# An "@" after no letter (": @jane", "(@jane)"); e-mail addresses went before.
_HANDLE = re.compile(r"(?<!\w)@\w+")
_URL = re.compile(r"https?://\S+")
# Words that make up job titles. A byline part made only of these is a role,
# not a person ("Staff Writer", "Senior Political Correspondent").
_ROLE_WORDS = _word_set(
    """
    staff writer writers reporter reporters correspondent correspondents editor editors
    contributor contributors columnist senior chief political contributing associate deputy
    managing executive special investigative freelance journalist journalists photographer
    photojournalist producer analyst assistant international foreign national local business
    sports science health technology tech culture economics economy politics opinion news
    of the for at in our guest author authors video data bureau white house global affairs
    intern fellow
    """
)
# Nouns that end a job title ("Heritage Reporter", "Chief Kyiv Correspondent",
# "Redakteurin", "기자"), in the languages of _PREFIX_RE's bylines. Printed
# after a name they are the writer's job, not part of the name. "Staff" and
# "desk" are absent on purpose: "Courier Staff" and "The X news desk" sign stories.
_ROLE_HEADS = _word_set(
    """
    reporter reporters correspondent correspondents writer writers editor editors columnist
    columnists contributor contributors journalist journalists photographer photojournalist
    producer analyst intern critic editor-in-chief founder co-founder cofounder ceo
    technologist director reviewer expert fellow strategist specialist
    redakteur redakteurin korrespondent korrespondentin reporterin journalistin kolumnist
    kolumnistin journaliste correspondant correspondante rédacteur rédactrice chroniqueur
    chroniqueuse envoyé envoyée periodista corresponsal redactor redactora columnista
    giornalista corrispondente inviato inviata redattore redattrice verslaggever redacteur
    dziennikarz dziennikarka reporterka redaktor redaktorka korespondent korespondentka
    журналіст журналістка кореспондент кореспондентка редактор редакторка оглядач оглядачка
    журналист журналистка корреспондент обозреватель 기자 특파원 記者
    """
)
# Ranks that only occur inside a job title ("Senior Review Analyst"), never in a name.
_TITLE_QUALIFIERS = _word_set(
    "senior chief deputy managing associate executive contributing assistant"
)
# German writes job titles as compounds ("Lokalredakteurin", "Sportreporter"):
# a long word that ends in a German role noun is a role too.
_GERMAN_ROLE_ENDINGS = ("redakteur", "redakteurin", "korrespondent", "korrespondentin",
                        "reporter", "reporterin", "journalist", "journalistin")  # fmt: skip
MIN_COMPOUND_CHARS = 10
#: Longest name, in words: "Dr Marna van der Merwe", "The Kyiv Independent news desk".
MAX_NAME_WORDS = 6
# Scripts whose names are one word ("신현주 기자", "記者 山田太郎"): the
# two-word test below does not apply to them.
_UNSPACED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Picture agencies and credits are not authors of the text.
_PICTURE_CREDIT = re.compile(r"\b(?:photos?|images?|pictures?|getty|shutterstock)\b", re.IGNORECASE)
# Text after these words is no longer part of a byline ("Jane Doe Updated 3h ago").
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_BYLINE_TAIL = re.compile(
    # "Posted by David at December 16": the preposition goes with the date.
    r"\s*(?:\b(?:at|on)\s+)?(?:\b(?:updated|published|posted|last\s+updated|follow|read\s+more|more\s+(?:(?:stories|articles|posts)\s+)?(?:by|from)|"
    r"min(?:ute)?s?\s+read|for\s+(?:the\s+)?[A-Z]\w*|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    # The profile links printed after a name ("Sarah Lazare Twitter").
    r"|twitter|facebook|instagram|linkedin)"
    r"\b|\||\d{1,2}[:/.]\d{1,2}|\b(?:19|20)\d{2}\b"
    rf"|\b{_MONTHS}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTHS}(?:\s|$)).*$",
    re.IGNORECASE,
)


def strip_prefix(text: str) -> str:
    """The byline without its introducing word ("By: Jane Doe" -> "Jane Doe")."""
    return BYLINE_PREFIX.sub("", text, count=1)


def starts_with_prefix(text: str) -> bool:
    """ "By Jane Doe", "Von Jana Krüger", "Автор: Ігор Бондар": a prefix, then a name."""
    match = BYLINE_PREFIX.match(text)
    return match is not None and match.end() < len(text)


def is_prefix_only(text: str | None) -> bool:
    """A label such as "By:", "von" or "Автори:" with no name after it."""
    return bool(text) and bool(BYLINE_PREFIX.match(text or "")) and not strip_prefix(text or "")


def split_authors(value: Any) -> list[str]:
    """Split one byline or a list of names into clean names, in order, no repeats.

    >>> split_authors("By Jane Doe and The Kyiv Independent news desk")
    ['Jane Doe', 'The Kyiv Independent news desk']
    """
    if value is None:
        return []
    raw: Iterable[Any] = value if isinstance(value, list | tuple) else [value]
    names: list[str] = []
    for item in raw:
        text = clean_text(item)
        if not text:
            continue
        text = strip_prefix(text)
        text = _EMAIL.sub(" ", text)
        text = _URL.sub(" ", text)
        text = _BYLINE_TAIL.sub("", text)
        names.extend(_names(_AUTHOR_SPLIT.split(text)))
    return dedupe(names)


def _names(pieces: list[str]) -> Iterable[str]:
    """Names from ``re.split`` output: parts at even indexes, separators between.

    One word after a comma or a bullet that follows a full name is that
    person's job or affiliation ("Helga Brandt, Kreisheimatpflegerin", "Jane
    Doe, CNN", "Chris McNamara ⋅ Founder"), the way bylines append them; a
    co-author is named in full.
    """
    previous_words = 0
    for index in range(0, len(pieces), 2):
        name = clean_author(pieces[index])
        separator = pieces[index - 1] if index else ""
        if name is None:
            continue
        words = len(name.split())
        if separator in _AFTER_NAME and words == 1 and previous_words >= 2:
            continue
        previous_words = words
        yield name


def _is_role_head(word: str) -> bool:
    return word in _ROLE_HEADS or (
        len(word) >= MIN_COMPOUND_CHARS and word.endswith(_GERMAN_ROLE_ENDINGS)
    )


def _without_role(text: str) -> str | None:
    """``text`` without a job title at its end; None when it is only a job title.

    "Rachel MacDonald Writer" -> "Rachel MacDonald"; "Heritage Reporter" and
    "Business Reporter" are roles (a person's name has two words, except in
    scripts that write names as one).
    """
    words = text.split()
    folded = [w.casefold().strip(".,:") for w in words]
    if not _is_role_head(folded[-1]):
        return None if all(w in _ROLE_WORDS for w in folded) else text
    end = len(words)
    while end and (folded[end - 1] in _ROLE_WORDS or _is_role_head(folded[end - 1])):
        end -= 1
    if _TITLE_QUALIFIERS.intersection(folded[:end]):
        # "Senior Review Analyst": a rank before the head makes it all a title.
        return None
    if end >= 2 or (end == 1 and _UNSPACED_SCRIPT.search(words[0])):
        return " ".join(words[:end])
    if end and "staff" in folded[end:]:
        # "Guardian staff reporter", "Herald Staff Writer": the paper's staff
        # sign the story, like "Courier Staff"; an organisation, kept whole.
        return text
    return None


def clean_author(value: Any) -> str | None:
    """One clean name; None for prefixes, roles, handles, e-mail addresses and noise.

    Idempotent: removing one thing can uncover another ("@jane By Ada"), so the
    rules apply again until the name stands. Each round only removes text, so
    this ends.
    """
    text = clean_text(value)
    while text:
        name = _clean_name(text)
        if name == text:
            return name
        text = name
    return None


def _clean_name(text: str) -> str | None:
    text = strip_prefix(text)
    text = _EMAIL.sub(" ", text)
    text = _HANDLE.sub(" ", text)
    text = _URL.sub(" ", text)
    # "Jane Doe - Staff Writer", "Jane Doe (Reuters)": keep the name part.
    text = re.split(r"\s+[-\u2013\u2014]\s+", text)[0]
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text)
    # Spaces collapsed again: a removed handle or address leaves a gap.
    text = " ".join(text.split()).strip(" \t.,;:|-\u2013\u2014\"'\u201c\u201d")
    if not text or len(text) > 80 or not re.search(r"[^\W\d_]", text):
        return None
    if len(text.split()) > MAX_NAME_WORDS:
        return None  # a sentence of a bio or teaser that a prefix happened to start
    if _PICTURE_CREDIT.search(text) or re.search(r"\d", text):
        return None
    if not _name_case(text) or text.count("(") != text.count(")"):
        # "Cultura RF)": the rest of a picture credit split at its "/".
        return None
    return _without_role(text)


# Lowercase words a name may hold: particles ("Jan de Vries", "Ibn al Haytham").
_NAME_PARTICLES = _word_set(
    "de da das do dos di du del della der den des van von ter ten te la le lo bin ibn al el y e"
)
# Last words of a desk's signature, which may hold lowercase words ("The Kyiv
# Independent news desk", "Guardian staff reporter").
_DESK_ENDS = _word_set("desk staff team reporter reporters writer writers editors bureau")


_LOGIN = re.compile(r"[a-z]+(?:_[a-z]+)+|[a-z]+(?:\.[a-z]+)*\.[a-z]{4,}")


def _name_case(text: str) -> bool:
    """Does ``text`` have a name's capitals?

    Names are capitalised; a byline slot that holds "on Deadspin", "adding
    product ratings" or "Jiobal says" caught a sentence or a label. One
    lowercase word passes: brands ("dpa", "kicker") are written that way on
    purpose. Domains ("Redaktion hessenschau.de") and scripts without case
    pass too.
    """
    words = text.split()
    if text.islower():
        # One word in lowercase is a brand, unless it is a login
        # ("andrew.keaveney", "jane_doe"; a domain's last part is short:
        # "nieuwsblad.be"); several are a phrase ("experienced gardeners").
        return len(words) == 1 and not _LOGIN.fullmatch(text)
    if words[-1].casefold() in _DESK_ENDS:
        return True
    return not any(
        w[0].islower() and w not in _NAME_PARTICLES and "." not in w
        for w in words
        if w[0].isalpha()
    )
