"""Clitic stripping: only ever to a word the lexicon knows, never cutting into a name."""

from __future__ import annotations

import pytest

from checker.text.clitics import PROCLITICS, Lexicon, strip_clitics
from checker.text.normalize import normalize_word

WORDS = ["بوتين", "بيسكوف", "فلاديمير", "الرئيس", "رئيس", "نظيره", "نظير", "ترامب", "ميدينسكي"]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon(WORDS)


def strip(word: str, lexicon: Lexicon) -> str:
    return strip_clitics(normalize_word(word), lexicon)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("وبوتين", "بوتين"),
        ("لبوتين", "بوتين"),
        ("بنظيره", "نظيره"),
        ("والرئيس", "الرئيس"),
        ("للرئيس", "الرئيس"),
        ("وللرئيس", "الرئيس"),
        ("وبيسكوف", "بيسكوف"),
        ("لترامب", "ترامب"),
        ("وترامب", "ترامب"),
        ("فبوتين", "بوتين"),
        ("بنظيرهم", "نظير"),
    ],
)
def test_strips_clitics_to_a_lexicon_word(word: str, expected: str, lexicon: Lexicon) -> None:
    assert strip(word, lexicon) == normalize_word(expected)


@pytest.mark.parametrize("word", ["بوتين", "بيسكوف", "فلاديمير", "ميدينسكي", "نظيره", "الرئيس"])
def test_lexicon_words_stay_intact(word: str, lexicon: Lexicon) -> None:
    # بوتين starts with ب, بيسكوف with ب, فلاديمير with ف: none may be cut
    assert strip(word, lexicon) == normalize_word(word)


@pytest.mark.parametrize("word", ["وزارة", "والتقى", "بلاده", "كتاب"])
def test_unknown_words_are_returned_unchanged(word: str, lexicon: Lexicon) -> None:
    assert strip(word, lexicon) == normalize_word(word)


def test_article_is_restored_only_when_the_lexicon_has_it() -> None:
    assert strip("للرئيس", Lexicon(["رئيس"])) == normalize_word("رئيس")
    assert strip("للرئيس", Lexicon(["الرئيس", "رئيس"])) == normalize_word("الرئيس")


def test_no_pronoun_suffix_on_a_word_with_the_article() -> None:
    # ة is normalised to ه; without this rule "والدولة" would become "الدول" (the states)
    assert strip("والدولة", Lexicon(["الدول"])) == normalize_word("والدولة")


def test_suffixes_can_be_switched_off(lexicon: Lexicon) -> None:
    assert strip_clitics(normalize_word("بنظيرهم"), lexicon, suffixes=False) == normalize_word("بنظيرهم")


def test_stem_must_keep_two_letters() -> None:
    assert strip("وب", Lexicon(["ب"])) == "وب"


def test_lexicon_normalises_and_splits_entries() -> None:
    lexicon = Lexicon(["الرئيس فلاديمير بوتين", "  ", "أحمد"])
    assert normalize_word("الرئيس") in lexicon
    assert "بوتين" in lexicon
    assert "احمد" in lexicon
    assert "أحمد" not in lexicon  # membership expects normalised input
    assert len(lexicon) == 4


def test_proclitics_are_tried_longest_first() -> None:
    lengths = [len(prefix) for prefix, _ in PROCLITICS]
    assert lengths == sorted(lengths, reverse=True)
    surfaces = {prefix for prefix, _ in PROCLITICS}
    assert {"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "بال", "وبال", "فال", "كال", "لل", "ولل", "وال"} <= surfaces
    assert "لال" not in surfaces  # ل + ال is written لل


def test_text_modules_import_without_spacy() -> None:
    # start-up cost: only checker.text.pipeline may pull in spaCy
    import subprocess
    import sys
    from pathlib import Path

    code = "import sys, checker.text.normalize, checker.text.clitics; print('spacy' in sys.modules)"
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
