"""The spaCy pipeline: tokenizer fixes, NORM/LEMMA forms, matching and caching."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher

from checker.text.normalize import normalize_word
from checker.text.pipeline import make_nlp, phrase_patterns

WORDS = ["بوتين", "بيسكوف", "فلاديمير", "الرئيس", "رئيس", "نظيره", "نظير", "ترامب", "ميدينسكي"]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return make_nlp(WORDS)


def tokens(nlp: Language, text: str) -> list[str]:
    return [token.text for token in nlp(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال «بوتين».", ["قال", "«", "بوتين", "»", "."]),
        ("قال «بوتين»، ثم", ["قال", "«", "بوتين", "»", "،", "ثم"]),
        ("قال “بوتين”.", ["قال", "“", "بوتين", "”", "."]),
        ('قال "بوتين".', ["قال", '"', "بوتين", '"', "."]),
        ("(بوتين), ثم", ["(", "بوتين", ")", ",", "ثم"]),
        ("في 12 فبراير 2025.", ["في", "12", "فبراير", "2025", "."]),
        ("قال،وأضاف", ["قال", "،", "وأضاف"]),
        ("قال:«بوتين».", ["قال", ":", "«", "بوتين", "»", "."]),
        ("الكرملين.وأضاف", ["الكرملين", ".", "وأضاف"]),
    ],
)
def test_tokenizer_splits_glued_quotes_and_punctuation(nlp: Language, text: str, expected: list[str]) -> None:
    assert tokens(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    ["12.5", "https://example.com/a.html", "www.rt.com", "10:30"],
)
def test_tokenizer_keeps_numbers_and_urls_whole(nlp: Language, text: str) -> None:
    assert tokens(nlp, text) == [text]


def test_norm_and_lemma_are_set(nlp: Language) -> None:
    doc = nlp("وبوتين للرئيس هاتفیة")
    assert [t.norm_ for t in doc] == ["وبوتين", normalize_word("للرئيس"), "هاتفيه"]
    assert [t.lemma_ for t in doc] == ["بوتين", normalize_word("الرئيس"), "هاتفيه"]
    assert doc[0]._.bare == "بوتين"


def test_phrase_matcher_on_lemma_sees_through_clitics(nlp: Language) -> None:
    matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
    matcher.add("PUTIN", phrase_patterns(nlp, ["بوتين"]))
    doc = nlp("والتقى وبوتين ترامب")
    assert [doc[s:e].text for _, s, e in matcher(doc)] == ["وبوتين"]
    doc = nlp("لبوتين")
    assert [doc[s:e].text for _, s, e in matcher(doc)] == ["لبوتين"]
    doc = nlp("بيسكوف")
    assert matcher(doc) == []


def test_multi_word_alias_matches_with_clitics(nlp: Language) -> None:
    matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
    matcher.add("PUTIN", phrase_patterns(nlp, ["الرئيس فلاديمير بوتين", "  "]))
    doc = nlp("وقال للرئيس فلاديمير بوتين")
    assert [doc[s:e].text for _, s, e in matcher(doc)] == ["للرئيس فلاديمير بوتين"]


def test_matcher_on_norm_matches_spelling_variant(nlp: Language) -> None:
    matcher = Matcher(nlp.vocab)
    matcher.add("PHONE", [[{"NORM": "هاتفيه"}]])
    doc = nlp("محادثة هاتفیة")
    assert [doc[s:e].text for _, s, e in matcher(doc)] == ["هاتفیة"]


def test_matcher_on_lemma(nlp: Language) -> None:
    matcher = Matcher(nlp.vocab)
    matcher.add("TRUMP", [[{"LEMMA": "ترامب"}]])
    doc = nlp("اتصل بوتين لترامب")
    assert [doc[s:e].text for _, s, e in matcher(doc)] == ["لترامب"]


def test_pipeline_is_cached_per_lexicon() -> None:
    first = make_nlp(WORDS)
    assert make_nlp(list(WORDS)) is first
    assert make_nlp(reversed(WORDS)) is first  # order does not matter
    assert make_nlp(["بوتين"]) is not first


def test_tokenizer_survives_serialisation(nlp: Language) -> None:
    import spacy

    other = spacy.blank("ar")
    other.tokenizer.from_bytes(nlp.tokenizer.to_bytes())
    assert [t.text for t in other("قال «بوتين».")] == ["قال", "«", "بوتين", "»", "."]
