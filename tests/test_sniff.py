"""What a body really is: magic bytes, a wrong charset, nesting too deep to parse."""

from __future__ import annotations

import gzip

import pytest

from newscrawl.extract.sniff import better_encoding, binary_kind, too_deep
from tests.hostile import HostileServer, deep_page, pdf_bytes, png_bytes, zip_bytes


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (pdf_bytes(), "pdf"),
        (b"\n\r\n%PDF-1.4 after a stray newline", "pdf"),
        (png_bytes(), "png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"),
        (b"GIF89a\x01\x00", "gif"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "webp"),
        (b"\x00\x00\x00\x18ftypmp42", "mp4"),
        (gzip.compress(b"<html></html>"), "gzip"),
        (b"MZ\x90\x00" + b"\x00" * 60 + b"PE\x00\x00", "exe"),
        (b"\x01\x02\x03\x00\x00binary junk", "binary"),
    ],
)
def test_binary_bodies_are_named(body: bytes, kind: str) -> None:
    assert binary_kind(body) == kind


def test_a_zip_is_named() -> None:
    with HostileServer() as server:
        assert binary_kind(zip_bytes(server)) == "zip"


@pytest.mark.parametrize(
    "body",
    [
        b"<!DOCTYPE html><html><body><p>Plain page</p></body></html>",
        "<html><body>Café Zürich</body></html>".encode(),
        "\ufeff<html><body>UTF-16 page</body></html>".encode("utf-16"),
        b"MZ is how this text page begins, with no PE header anywhere",
        b"",
    ],
)
def test_text_is_not_binary(body: bytes) -> None:
    assert binary_kind(body) is None


@pytest.mark.parametrize(
    ("body", "declared", "better"),
    [
        ("Café".encode(), "iso-8859-1", "utf-8"),
        ("naïve — bread".encode(), "cp1252", "utf-8"),
        ("Café".encode(), "utf-8", None),  # declared right
        ("Café".encode("latin-1"), "iso-8859-1", None),  # really Latin-1
        (b"plain ascii", "iso-8859-1", None),  # nothing to repair
        ("Café".encode(), "shift_jis", None),  # not a single-byte charset
        ("Café".encode(), None, None),
        ("Café".encode(), "no-such-charset", None),
    ],
)
def test_a_utf8_body_under_a_single_byte_label_is_utf8(
    body: bytes, declared: str | None, better: str | None
) -> None:
    assert better_encoding(body, declared) == better


def test_nesting_past_libxml2s_limit_is_recognised() -> None:
    assert too_deep(deep_page())
    assert not too_deep("<html><body>" + "<div>" * 200 + "<p>fine</p>" + "</div>" * 200)
    assert not too_deep("<html><body>" + "<p>unclosed paragraph " * 500 + "</body></html>")
