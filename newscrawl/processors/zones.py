"""The time zone a page's language implies, for local times printed without one.

A Japanese page's "2019年4月4日 10:30" is Tokyo time and a German page's
"13. Dezember 2024, 17.30 Uhr" Central European time: nearly every news site
in these languages publishes from one zone. Where a language is written in many
zones (English, Spanish, French, Portuguese, Russian, Arabic) only a region
subtag that names a one-zone country ("pt-PT", "es-ES", "en-GB") gives one;
otherwise there is no guess and the time stays UTC.

This is the last resort: a site profile's ``timezone`` and the offsets the
site's own pages state (:class:`~newscrawl.extract.siteclock.SiteClock`) come
first. No library maps languages to zones (CLDR's likely-subtags give a
country, and a country such as Brazil or Russia has several), hence this table.
"""

from __future__ import annotations

import re
from typing import Any

#: Languages whose news is, in practice, all written in one zone's local time.
LANGUAGE_ZONES: dict[str, str] = {
    "ja": "Asia/Tokyo",
    "ko": "Asia/Seoul",
    # China, Taiwan, Hong Kong, Macau, Singapore: UTC+8 all year.
    "zh": "Asia/Shanghai",
    "th": "Asia/Bangkok",
    "vi": "Asia/Ho_Chi_Minh",
    "he": "Asia/Jerusalem",
    "fa": "Asia/Tehran",
    "hi": "Asia/Kolkata",
    "tr": "Europe/Istanbul",
    # Central European time, with the EU's summer time.
    "de": "Europe/Berlin",
    "it": "Europe/Rome",
    "nl": "Europe/Amsterdam",
    "pl": "Europe/Warsaw",
    "cs": "Europe/Prague",
    "sk": "Europe/Bratislava",
    "hu": "Europe/Budapest",
    "da": "Europe/Copenhagen",
    "sv": "Europe/Stockholm",
    "nb": "Europe/Oslo",
    "nn": "Europe/Oslo",
    "no": "Europe/Oslo",
    "hr": "Europe/Zagreb",
    "sl": "Europe/Ljubljana",
    "sr": "Europe/Belgrade",
    "bs": "Europe/Sarajevo",
    "mk": "Europe/Skopje",
    # Eastern European time.
    "fi": "Europe/Helsinki",
    "el": "Europe/Athens",
    "ro": "Europe/Bucharest",
    "bg": "Europe/Sofia",
    "uk": "Europe/Kyiv",
    "lt": "Europe/Vilnius",
    "lv": "Europe/Riga",
    "et": "Europe/Tallinn",
}
#: Countries of one zone, for the languages written in many ("en-GB", "pt-BR").
COUNTRY_ZONES: dict[str, str] = {
    "gb": "Europe/London",
    "ie": "Europe/Dublin",
    "in": "Asia/Kolkata",
    "nz": "Pacific/Auckland",
    "za": "Africa/Johannesburg",
    "ng": "Africa/Lagos",
    "ke": "Africa/Nairobi",
    "ph": "Asia/Manila",
    "sg": "Asia/Singapore",
    "pk": "Asia/Karachi",
    "es": "Europe/Madrid",
    "pt": "Europe/Lisbon",
    "fr": "Europe/Paris",
    "be": "Europe/Brussels",
    "ch": "Europe/Zurich",
    "at": "Europe/Vienna",
    "de": "Europe/Berlin",
    "it": "Europe/Rome",
    "ar": "America/Argentina/Buenos_Aires",
    "co": "America/Bogota",
    "pe": "America/Lima",
    "ve": "America/Caracas",
    "cl": "America/Santiago",
    # Brazil has four zones, but its national press prints Brasília time.
    "br": "America/Sao_Paulo",
    "ua": "Europe/Kyiv",
    "fi": "Europe/Helsinki",
    "eg": "Africa/Cairo",
}
_TAG = re.compile(r"^([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}))?\b")


def language_zone(language: Any) -> str | None:
    """The IANA zone a page's stated language (``"ja"``, ``"pt-BR"``) implies, or None."""
    if not isinstance(language, str):
        return None
    match = _TAG.match(language.strip().casefold())
    if match is None:
        return None
    code, _script, country = match.groups()
    if country and country in COUNTRY_ZONES:
        return COUNTRY_ZONES[country]
    return LANGUAGE_ZONES.get(code)
