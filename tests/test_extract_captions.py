"""Captions without photo credits, in the ways papers print them."""

from __future__ import annotations

import lxml.html
import pytest

from newscrawl.extract.captions import caption_text, strip_credit

#: Ukrainian "Photo" and two names, escaped (ruff flags Cyrillic look-alikes).
FOTO = "\u0424\u043e\u0442\u043e"
IHOR = "\u0406\u0433\u043e\u0440 \u0411\u043e\u043d\u0434\u0430\u0440"
OKSANA = "\u041e\u043a\u0441\u0430\u043d\u0430 \u041c\u0435\u043b\u044c\u043d\u0438\u043a"
CAPTION = "Traffic crosses the bridge during the evening rush."


def _caption(inner: str) -> str | None:
    return caption_text(lxml.html.fragment_fromstring(f"<figcaption>{inner}</figcaption>"))


def test_credit_element_marked_by_its_class_is_dropped() -> None:
    inner = (
        f'<span class="c-media-item__caption">{CAPTION} </span>'
        '<span class="c-media-item__credit">(Courier Staff) </span>'
    )
    assert _caption(inner) == CAPTION


def test_camel_case_credit_class_is_dropped() -> None:
    assert _caption(f'{CAPTION} <span class="photoCredit">Jane Doe</span>') == CAPTION


@pytest.mark.parametrize(
    "credit",
    [
        "Photo: Jane Doe",
        "Foto: Jana Krüger",
        f"{FOTO}: {IHOR}",
    ],
)
def test_credit_element_starting_with_a_credit_word_is_dropped(credit: str) -> None:
    assert _caption(f'{CAPTION} <span class="text-muted">{credit}</span>') == CAPTION


def test_text_after_an_inline_element_is_kept() -> None:
    assert _caption("<strong>Left:</strong> the mayor at the opening.") == (
        "Left: the mayor at the opening."
    )


@pytest.mark.parametrize(
    "credit",
    [
        "(Photo: Jane Doe)",
        "(Foto: Jana Krüger)",
        f"({FOTO}: {OKSANA})",
        "(AP Photo/Evan Vucci)",
        "(Leah Brandt/The Calder Courier)",
        "Photo: Jane Doe",
        "| Photo: Jane Doe",
        f"{FOTO}: {OKSANA}",
    ],
)
def test_credit_after_the_caption_is_dropped(credit: str) -> None:
    assert strip_credit(f"{CAPTION} {credit}") == CAPTION


@pytest.mark.parametrize(
    "caption",
    [
        "Fans celebrate the title at the end of the season (2019/20).",
        "The old and new bridges (left/right) seen from the tower.",
        "A photo: the mayor and her deputy at the ribbon cutting",
    ],
)
def test_captions_that_only_look_like_credits_are_kept(caption: str) -> None:
    assert strip_credit(caption) == caption
