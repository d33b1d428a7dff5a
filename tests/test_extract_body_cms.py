"""Body rules for markup that CMSs add around the story: WordPress' "more" anchor,
a copyright line marked by its class, and the "Words: Jane Doe" byline."""

from __future__ import annotations

import lxml.html

from newscrawl.extract.body import PageFacts, extract_body, filter_lines

STORY = " ".join(
    f"Sentence {i} of the story tells how the ferry timetable changed this winter."
    for i in range(12)
)
PAGE = "https://news.example/harbour/ferry-timetable"
AFTER_MORE = "Replacement boats will leave from the north quay every thirty minutes."


def _body(article: str) -> str:
    html = (
        f"<html><body><article><div class='entry-content'>{article}</div></article></body></html>"
    )
    body = extract_body(lxml.html.document_fromstring(html), PAGE)
    assert body is not None
    return body


def test_paragraph_opened_by_an_empty_anchor_is_kept() -> None:
    # WordPress starts the paragraph after the "more" cut with an empty span;
    # trafilatura's precision mode deletes an empty element with its tail.
    body = _body(f'<p>{STORY}</p><p><span id="more-484"></span>{AFTER_MORE}</p><p>{STORY}</p>')
    assert AFTER_MORE in body


def test_text_after_an_empty_inline_element_is_kept() -> None:
    body = _body(f"<p>{STORY}</p><p>Boats <em></em>{AFTER_MORE}</p><p>{STORY}</p>")
    assert AFTER_MORE in body


def test_copyright_line_marked_by_its_class_is_dropped() -> None:
    notice = "\u00a9 2024 The Wire. All rights reserved."
    body = _body(
        f"<p class='c-paragraph'>{STORY}</p><p class='c-paragraph'>{AFTER_MORE}</p>"
        f'<p class="c-paragraph b-article-body__copyright">{notice}</p>'
    )
    assert notice not in body
    assert "Sentence 0" in body
    assert AFTER_MORE in body


def test_colon_byline_naming_the_author_is_dropped() -> None:
    facts = PageFacts(authors=("Mei Harrow",))
    text = f"Words: Mei Harrow, Business Reporter\n{STORY}"
    assert filter_lines(text, facts) == STORY


def test_colon_line_naming_someone_else_is_kept() -> None:
    facts = PageFacts(authors=("Mei Harrow",))
    line = "Text: the council's statement in full"
    assert filter_lines(f"{line}\n{STORY}", facts) == f"{line}\n\n{STORY}"


def test_empty_element_between_words_is_a_line_break() -> None:
    # A block-styled empty span between two sentences ("...years.<span class=br>A...")
    # separates paragraphs; unwrapped, it would run them together.
    first = "The state has topped the list for several years."
    body = _body(f'<p>{STORY}</p><p>{first}<span class="br"></span>{AFTER_MORE}</p>')
    assert f"{first}\n\n{AFTER_MORE}" in body


def test_date_line_with_the_time_first_is_dropped() -> None:
    assert filter_lines(f"17:41 JST, October 13, 2024\n{STORY}") == STORY
    line = "At 17:41 on October 13, 2024 the ferry left the harbour."
    assert filter_lines(f"{line}\n{STORY}") == f"{line}\n\n{STORY}"


def test_heading_whose_id_says_copyright_is_kept() -> None:
    heading = "Copyright complexity in a fragmented world"
    body = _body(f'<p>{STORY}</p><h2 id="copyright-complexity">{heading}</h2><p>{AFTER_MORE}</p>')
    assert heading in body


def test_heading_opened_by_an_empty_anchor_is_kept() -> None:
    body = _body(
        f'<p>{STORY}</p><h2><span id="key-takeaways"></span>Key takeaways</h2><p>{AFTER_MORE}</p>'
    )
    assert "Key takeaways" in body
