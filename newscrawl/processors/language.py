"""Language codes: an ISO 639-1 code from whatever form a page states its language in."""

from __future__ import annotations

import re
from typing import Any

from newscrawl.processors.text import clean_text

_LANGUAGE_NAMES = {
    "english": "en",
    "german": "de",
    "deutsch": "de",
    "french": "fr",
    "français": "fr",
    "spanish": "es",
    "español": "es",
    "italian": "it",
    "italiano": "it",
    "portuguese": "pt",
    "português": "pt",
    "ukrainian": "uk",
    "українська": "uk",
    "russian": "ru",
    "polish": "pl",
    "dutch": "nl",
    "japanese": "ja",
    "korean": "ko",
    "chinese": "zh",
}
#: ISO 639-2 codes seen on news sites, to their ISO 639-1 form.
_ISO639_2 = {
    "eng": "en",
    "deu": "de",
    "ger": "de",
    "fra": "fr",
    "fre": "fr",
    "spa": "es",
    "ita": "it",
    "por": "pt",
    "ukr": "uk",
    "rus": "ru",
    "pol": "pl",
    "nld": "nl",
    "dut": "nl",
    "jpn": "ja",
    "kor": "ko",
    "zho": "zh",
    "chi": "zh",
    "ara": "ar",
    "tur": "tr",
}


def normalize_language(value: Any) -> str | None:
    """An ISO 639-1 code from "en-US", "en_GB", "eng" or "English"; else None."""
    text = clean_text(value)
    if not text:
        return None
    text = text.casefold()
    if text in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[text]
    code = re.split(r"[-_\s,;]", text)[0]
    if code in _ISO639_2:
        return _ISO639_2[code]
    if re.fullmatch(r"[a-z]{2}", code):
        return code
    return None
