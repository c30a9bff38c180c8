"""Normalisation rules, one concrete example each, and the offset map back to the original."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.text.normalize import Normalized, normalize, normalize_word


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        # alef forms -> bare alef
        ("أحمد", "احمد"),
        ("إيران", "ايران"),
        ("آسيا", "اسيا"),
        ("ٱلله", "الله"),
        # alef maqsura -> yeh, teh marbuta -> heh
        ("موسى", "موسي"),
        ("وزارة", "وزاره"),
        # hamza carriers -> their letter; standalone hamza kept
        ("مؤتمر", "موتمر"),
        ("رئيس", "رييس"),
        ("سماء", "سماء"),
        # Persian yeh (U+06CC) and keheh (U+06A9)
        ("هاتف\u06cc", "هاتفي"),
        ("\u06a9رملين", "كرملين"),
        # tatweel and harakat removed
        ("بـــوتين", "بوتين"),
        ("مُحَمَّد", "محمد"),
        ("كتابٌ", "كتاب"),
        # Eastern Arabic and Persian digits
        ("١٩", "19"),
        ("۲۰۲۵", "2025"),
        # Arabic punctuation untouched
        ("نعم، لا؛ لماذا؟", "نعم، لا؛ لماذا؟"),
        # typographic quotes
        ("«بوتين»", '"بوتين"'),
        ("“quote” „low‟", '"quote" "low"'),
        ("‘a’ ‚b‛", "'a' 'b'"),
        # Unicode spaces -> ASCII space; zero-width and bidi marks removed
        ("a\u00a0b\u2009c\u202fd", "a b c d"),
        ("بو\u200cتين\u200d\u200e\u200f\ufeff", "بوتين"),
        # Latin lowercased, one character for one
        ("Putin MOSCOW Éric", "putin moscow éric"),
    ],
)
def test_normalisation_rules(original: str, expected: str) -> None:
    assert normalize_word(original) == expected
    assert normalize(original).text == expected


def test_persian_yeh_in_real_word() -> None:
    assert normalize_word("هاتفیة") == "هاتفيه"


def test_lowercasing_never_changes_length() -> None:
    # U+0130 lowercases to two code points, so it is left alone rather than shifting offsets.
    result = normalize("İstanbul")
    assert result.text == "İstanbul"
    assert len(result.offsets) == len("İstanbul") + 1


def test_identity_offsets_when_nothing_is_deleted() -> None:
    result = normalize("أحمد ١٩")
    assert result.text == "احمد 19"
    assert result.offsets == tuple(range(len("أحمد ١٩") + 1))


def test_diacritics_removed_and_span_maps_to_whole_word() -> None:
    original = "مُحَمَّد"
    result = normalize(original)
    assert result.text == "محمد"
    assert result.offsets == (0, 2, 4, 7, 8)
    assert result.to_original(0, 4) == (0, len(original))


def test_span_inside_text_with_tatweel_maps_back_exactly() -> None:
    original = "قال بـــوتين اليوم"
    result = normalize(original)
    start = result.text.index("بوتين")
    o_start, o_end = result.to_original(start, start + len("بوتين"))
    assert original[o_start:o_end] == "بـــوتين"


def test_span_does_not_swallow_trailing_removed_characters() -> None:
    original = "كتابٌ\u200f جديد"
    result = normalize(original)
    assert result.text == "كتاب جديد"
    assert result.to_original(0, 4) == (0, 4)  # the tanween and RLM after the word stay outside


def test_empty_span_and_end_of_text() -> None:
    original = "ـمرحبا\u200f"
    result = normalize(original)
    assert result.text == "مرحبا"
    assert result.offsets[-1] == len(original)
    assert result.to_original(5, 5) == (len(original), len(original))
    assert result.to_original(0, 0) == (1, 1)


def test_to_original_rejects_out_of_range_span() -> None:
    result = normalize("abc")
    with pytest.raises(ValueError):
        result.to_original(2, 4)
    with pytest.raises(ValueError):
        result.to_original(2, 1)


def test_empty_string() -> None:
    assert normalize("") == Normalized("", (0,))


_ALPHABET = st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.sampled_from(list("abcXYZÉİ0123456789 \n\t\u00a0\u2009\u200c\u200d\u200e\u200f\ufeff“”„‟«»‘’‚‛\"'.,")),
)


@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_offsets_track_every_normalised_character(original: str) -> None:
    result = normalize(original)
    offsets = result.offsets
    assert len(offsets) == len(result.text) + 1
    assert offsets[-1] == len(original)
    assert all(a < b for a, b in zip(offsets, offsets[1:]))  # strictly: one original char each
    for i, char in enumerate(result.text):
        assert char == normalize_word(original[offsets[i]])


@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_normalisation_is_idempotent(original: str) -> None:
    once = normalize_word(original)
    assert normalize_word(once) == once
    assert normalize(original).text == once
