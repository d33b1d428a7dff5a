"""What a response body really is, whatever its headers say.

Servers label PDFs, images and archives ``text/html`` (misconfigured CMSs,
download links behind a PHP script, hostile sites); read as HTML, a PDF's bytes
become an "article". :func:`binary_kind` reads the magic bytes at the start of
the body, the way ``file(1)`` and browsers' MIME sniffing (WHATWG MIME Sniffing,
"rules for identifying an unknown MIME type") do; a NUL byte among the first
bytes marks any other binary file. Feeds and sitemaps are sniffed before this
(a ``.xml.gz`` sitemap is gzip and must reach the sitemap parser).

:func:`better_encoding` repairs the commonest wrong charset: a UTF-8 page
served as ``charset=iso-8859-1`` or ``windows-1252``. Scrapy (through w3lib)
trusts the header, which turns every "é" into "Ã©". A body that decodes as
UTF-8 and has multi-byte sequences in it is UTF-8: legacy single-byte text
almost never forms valid UTF-8 sequences by chance. Libraries that guess
charsets (charset-normalizer, chardet) answer a harder question, slowly; this
one needs a strict decode only.

:func:`too_deep` says whether libxml2 gave up on a page for its nesting depth
(over 256 levels without ``huge_tree``, a limit that also keeps our own tree
walks from recursing without end): such a page parses to nothing.
"""

from __future__ import annotations

import codecs
import contextlib

import lxml.etree
import lxml.html

#: Magic bytes at offset 0 -> a short name (used in the ``binary_<name>`` reason).
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),  # an empty zip
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
    (b"\x7fELF", "elf"),
    (b"MZ", "exe"),
    (b"\x00asm", "wasm"),
    (b"wOFF", "font"),
    (b"wOF2", "font"),
    (b"OggS", "ogg"),
    (b"ID3", "mp3"),
    (b"fLaC", "flac"),
    (b"\x1a\x45\xdf\xa3", "webm"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "msoffice"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"\x00\x00\x01\x00", "ico"),
)
#: RIFF containers and ISO media name their kind a few bytes in.
_RIFF = {b"WEBP": "webp", b"WAVE": "wav", b"AVI ": "avi"}
_SNIFF = 1024
_SINGLE_BYTE = frozenset(
    codecs.lookup(name).name
    for name in ("latin-1", "cp1252", "iso-8859-15", "iso-8859-2", "cp1250", "ascii")
)


def binary_kind(body: bytes) -> str | None:
    """``"pdf"``, ``"png"``, ``"zip"``... when ``body`` is not text; None for text.

    Leading whitespace is skipped (a PHP script's stray newline before the PDF);
    a UTF-16 or UTF-32 byte order mark means text.
    """
    head = body[:_SNIFF].lstrip(b" \t\r\n")
    for magic, kind in MAGIC:
        if head.startswith(magic):
            if kind == "exe" and b"PE\x00\x00" not in body[:_SNIFF]:
                continue  # "MZ" alone can begin a text page
            return kind
    if head.startswith(b"RIFF") and head[8:12] in _RIFF:
        return _RIFF[head[8:12]]
    if head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16/32 text: NULs are expected
    return "binary" if b"\x00" in head else None


def better_encoding(body: bytes, declared: str | None) -> str | None:
    """``"utf-8"`` when ``body`` is UTF-8 but ``declared`` is a single-byte charset; else None."""
    if not declared:
        return None
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None
    if name not in _SINGLE_BYTE or body.isascii():
        return None
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "utf-8"


def too_deep(html: str) -> bool:
    """True when libxml2 stops parsing ``html`` for its nesting depth (over 256 levels).

    Parses again with a parser of its own, so only call it for pages that came
    out empty: the check costs a parse.
    """
    parser = lxml.html.HTMLParser(collect_ids=False)
    with contextlib.suppress(lxml.etree.ParserError, ValueError):
        lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    return any("depth" in entry.message.lower() for entry in parser.error_log)
