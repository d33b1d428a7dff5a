"""A picture's caption without its photo credit.

A caption says what the picture shows; the credit says who took it. Papers
print both under the photo, in three ways, each read here:

- in its own element, marked by its class ("c-media-item__credit",
  "photo-credit", "copyright"), or starting with a credit word ("Photo: ...",
  "Foto: ...", "Фото: ...", "\u00a9 ...");
- in brackets after the caption: "(Photo: Jana Doe)", "(Foto: Jana Krüger)",
  and the agency style "(AP Photo/Evan Vucci)", "(Leah Brandt/The Courier)";
- run on after the caption's last sentence: "... at dawn. Photo: Jana Doe".
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from newscrawl.processors.text import clean_text

#: Words that open a credit, in the languages of the sites we crawl: en, de/nl/
#: it/es/pt/pl ("foto", "fotografia", "bild", "zdjęcie"), uk/ru ("фото", "світлина").
_CREDIT_WORDS = (
    r"(?:photo(?:graph)?|image|picture|credit|source|illustration|foto(?:grafia)?|bild|"
    r"zdj\u0119cie|\u0444\u043e\u0442\u043e|\u0441\u0432\u0456\u0442\u043b\u0438\u043d\u0430)s?"
)
#: A whole credit part: "Photo: Jane Doe", "Foto/dpa", "© Reuters".
_CREDIT = re.compile(rf"^(?:{_CREDIT_WORDS}\b.{{0,3}}[:/]|\u00a9)", re.IGNORECASE)
#: A credit in brackets: "(Photo: Jane Doe)", "[Foto: Jana Krüger]".
_CREDIT_INLINE = re.compile(rf"\s*[(\[]{_CREDIT_WORDS}\s*:[^)\]]*[)\]]", re.IGNORECASE)
#: The agency style at the end: "(AP Photo/Evan Vucci)", "(Leah Brandt/The Courier)".
#: Both sides must start with a capital (checked in code): "(2019/20)" is no credit.
_CREDIT_SLASHED = re.compile(r"\s*\(\s*([^()/]{1,60})/\s*([^()/]{1,60})\)\s*$")
#: A credit run on after the caption's last sentence ("... at dawn. Photo: Jane Doe")
#: or after a separator: "... at dawn | Photo: Jane Doe".
_CREDIT_TRAILING = re.compile(
    rf"(?:(?<=[.!?\u2026])\s+|\s+[|/\u00b7\u2022\u2013\u2014]\s*){_CREDIT_WORDS}\s*:\s*[^.!?]{{1,80}}$",
    re.IGNORECASE,
)
#: Class words of an element that holds the credit (matched as whole words,
#: camelCase too: "photoCredit").
_CREDIT_CLASS = re.compile(
    r"(?:^|[\s_-])(?:credit|credits|copyright|photographer|attribution)(?:$|[\s_-])",
    re.IGNORECASE,
)
_CAMEL_HUMP = re.compile(r"([a-z0-9])([A-Z])")


def caption_text(caption: HtmlElement) -> str | None:
    """A ``<figcaption>``'s text without the photo credit."""
    parts: list[str | None] = [caption.text]
    for child in caption:
        if isinstance(child.tag, str) and not _is_credit_element(child):
            parts.append(child.text_content())
        parts.append(child.tail)  # text after a credit element is caption again
    kept = [p for p in (clean_text(p) for p in parts) if p and not _CREDIT.match(p)]
    return strip_credit(" ".join(kept))


def _is_credit_element(element: HtmlElement) -> bool:
    marker = _CAMEL_HUMP.sub(r"\1-\2", element.get("class", ""))
    return bool(_CREDIT_CLASS.search(marker))


def strip_credit(text: str | None) -> str | None:
    """A caption's text without a credit in brackets or run on at its end."""
    text = clean_text(text)
    if not text:
        return None
    text = _CREDIT_INLINE.sub("", text)
    slashed = _CREDIT_SLASHED.search(text)
    if slashed and all(part[:1].isupper() for part in slashed.groups()):
        text = text[: slashed.start()]
    text = _CREDIT_TRAILING.sub("", text)
    # What separated caption and credit ("... at dawn | Photo: ...") goes with it.
    return clean_text(text.strip(" |/\u00b7\u2022\u2013\u2014-"))
