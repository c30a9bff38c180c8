"""HTML pages: visible text only, entities decoded, every plain span maps back to the source."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.ingest import read_inputs, text_view, to_text_span
from checker.ingest.html import parse_html

DATA = Path(__file__).resolve().parent / "data" / "ingest"


def page():  # type: ignore[no-untyped-def]
    (doc,) = read_inputs([DATA / "page.html"])
    return doc


def test_metadata_from_title_and_meta_tags() -> None:
    doc = page()
    assert doc.status == "ok"
    assert doc.title == "بوتين وترامب يبحثان التسوية في أوكرانيا - موقع المثال"
    assert doc.source == "موقع المثال"
    assert doc.url == "https://example.org/news/1"
    assert doc.published.day == dt.date(2025, 5, 19)
    assert doc.published.how == "html meta article:published_time"
    assert doc.language == "ar"


def test_scripts_styles_comments_and_hidden_elements_are_dropped() -> None:
    plain = text_view(page()).text
    for hidden in ["نص داخل سكربت", "document.write", "font-family", "مخفي", "تعليق لا يظهر", "جافاسكربت", "نص رسم", "أيقونة", "قالب", "إطار"]:
        assert hidden not in plain, hidden
    assert "الكرملين اليوم." in plain  # &nbsp; is a space
    assert '"التسوية" & تبادل' in plain


def test_block_elements_make_lines() -> None:
    lines = text_view(page()).text.split("\n")
    assert "بوتين وترامب يبحثان التسوية في أوكرانيا" in lines
    assert "اقرأ أيضاً:" in lines


def test_plain_spans_map_back_to_the_same_words() -> None:
    doc = page()
    view = text_view(doc)
    for word in ["بيسكوف", "موسكو", "ساعتين", "أوكرانيا", "الحقوق"]:
        start = view.text.index(word)
        begin, end = to_text_span(view, start, start + len(word))
        assert doc.text[begin:end] == word


def test_entities_map_to_the_reference() -> None:
    doc = page()
    view = text_view(doc)
    amp = view.text.index("&")
    begin, end = to_text_span(view, amp, amp + 1)
    assert doc.text[begin:end] == "&amp;"
    quote = view.text.index('"التسوية"')
    begin, end = to_text_span(view, quote, quote + len('"التسوية"'))
    assert doc.text[begin:end] == "&quot;التسوية&quot;"


def test_html_segments() -> None:
    doc = page()
    kinds = [(s.kind, s.label) for s in doc.segments]
    assert ("title", "title") in kinds
    assert ("article", "main") in kinds
    assert ("boilerplate", "related-headlines") in kinds
    assert ("boilerplate", "footer") in kinds
    article = next(s for s in doc.segments if s.kind == "article")
    assert "بيسكوف" in doc.text[article.start : article.end]
    assert "زيلينسكي" not in doc.text[article.start : article.end]


def test_ten_thousand_nested_divs() -> None:
    source = "<div>" * 10_000 + "نص عميق" + "</div>" * 10_000
    view = parse_html(source).view
    assert view.text == "نص عميق"
    begin, end = to_text_span(view, 0, len(view.text))
    assert source[begin:end] == "نص عميق"


def test_html_file_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "p.htm").write_text("<p>خبر</p><p>أجرى بوتين اتصالا هاتفيا مع ترامب استمر ساعتين اليوم.</p>", encoding="utf-8")
    (doc,) = read_inputs([tmp_path])
    assert doc.status == "ok" and doc.id == "p"


def test_html_without_visible_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><script>x()</script></html>", encoding="utf-8")
    (doc,) = read_inputs([path])
    assert doc.status == "error"


FRAGMENTS = [
    "<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<b>", "</b>", "&amp;", "&#1576;", "&#x628;", "&nbsp;",
    "&unknown;", "<script>x<y</script>", "<style>p{}</style>", "<!-- c -->", "بوتين", "ترامب", " ", "\n", "a.b", "<", "&",
    "<svg><text>خفي</text></svg>",
]


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40))
@settings(max_examples=300, deadline=None)
def test_every_plain_character_maps_into_the_source(parts: list[str]) -> None:
    source = "".join(parts)
    view = parse_html(source).view
    assert view.offsets is not None and len(view.offsets) == len(view.text) + 1
    assert view.offsets == sorted(view.offsets)
    if "<" not in parts:  # a stray "<" can swallow the <svg> into a bogus tag, as in browsers
        assert "خفي" not in view.text
    for i, ch in enumerate(view.text):
        begin, end = to_text_span(view, i, i + 1)
        assert 0 <= begin <= end <= len(source)
        if end - begin > 1:
            assert source[begin] == "&"  # a character reference
        elif ch.isalpha() and end - begin == 1:
            assert source[begin] == ch
