"""Which language a document, and each of its sentences, is written in.

No model: the checker only has to tell its rule languages apart, and for Arabic against English
the script is enough (Arabic letters against Latin letters). A Latin-script text is taken as
English only when common English words make up a fair share of its words, so a French or German
page is not read with English rules and silently yields nothing: it is reported as a language
without rules instead.

This module deliberately does not import spaCy, so it stays cheap to import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["SCRIPT_OF", "language_code", "detect_language", "script_of_text", "sentence_language"]

#: The script each language code is written in (only what the checker may meet; others: None).
SCRIPT_OF: dict[str, str] = {
    "ar": "arabic", "fa": "arabic", "ur": "arabic", "ps": "arabic", "ku": "arabic",
    "en": "latin", "fr": "latin", "de": "latin", "es": "latin", "it": "latin", "pt": "latin",
    "nl": "latin", "tr": "latin", "id": "latin", "ms": "latin", "pl": "latin", "ro": "latin",
    "sv": "latin", "da": "latin", "no": "latin", "fi": "latin", "cs": "latin", "hu": "latin",
    "ru": "cyrillic", "uk": "cyrillic", "bg": "cyrillic", "sr": "cyrillic",
    "he": "hebrew", "zh": "han", "ja": "han", "ko": "hangul", "el": "greek",
}

_ARABIC = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_HEBREW = re.compile("[\u05d0-\u05ea]")
_HAN = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
_SCRIPTS = (("arabic", _ARABIC), ("latin", _LATIN), ("cyrillic", _CYRILLIC), ("hebrew", _HEBREW), ("han", _HAN))

# The commonest English words: in English prose they are a quarter to a half of all words; in
# French, German or Spanish prose a few percent (shared loanwords and names).
_ENGLISH_WORDS = frozenset(
    "the of and to in a is was that for on with as by at from said it his he has have be are were "
    "an this which who will after had its their not but they also been would".split()
)
_WORD = re.compile(r"[a-z]+")
ENGLISH_SHARE = 0.12
SHORT = 8  # fewer Latin words than this cannot be told apart by their common words  # below this share of common English words a Latin text is not English
_CODE = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$")
_SAMPLE = 20_000  # characters looked at: enough for any page, bounded for a huge one


def language_code(value: str | None) -> str | None:
    """A plain language code from a declared value ("en", "EN-us", "ar_EG" -> "en", "en", "ar"),
    or None when the value is not a language code at all ("English", "", "12")."""
    if not value:
        return None
    m = _CODE.match(value.strip().lower())
    return m.group(1) if m else None


def script_counts(text: str) -> dict[str, int]:
    """Letters of each script in (a bounded sample of) the text."""
    sample = text[:_SAMPLE]
    return {name: len(rx.findall(sample)) for name, rx in _SCRIPTS}


def script_of_text(text: str) -> str | None:
    """The script most of the letters are in, or None for a text without letters."""
    counts = script_counts(text)
    best = max(counts, key=lambda k: (counts[k], k))
    return best if counts[best] else None


def _looks_english(text: str) -> bool:
    words = _WORD.findall(text[:_SAMPLE].lower())
    if len(words) < SHORT:  # too few words to tell: Latin script is read as English
        return True
    return sum(w in _ENGLISH_WORDS for w in words) / len(words) >= ENGLISH_SHARE


def detect_language(text: str) -> str | None:
    """The language of a text by its script: "ar" for Arabic script, "en" for Latin-script
    English, the script's name ("latin", "cyrillic"...) when that is all that can be said,
    None for a text without letters."""
    script = script_of_text(text)
    if script == "arabic":
        return "ar"
    if script == "latin":
        return "en" if _looks_english(text) else "latin"
    return script


def sentence_language(sentence: str, document_language: str, languages: Iterable[str]) -> str:
    """The rule language to read one sentence with: the document's own, unless the sentence is
    written in another script for which there are rules (an English quote in an Arabic story,
    an Arabic name line in an English one). `languages` are the languages with rules."""
    own = SCRIPT_OF.get(document_language)
    rx = dict(_SCRIPTS)
    # the common case first, cheaply: no letter of another rule language's script at all
    others = [lang for lang in sorted(languages) if SCRIPT_OF.get(lang) not in (None, own)]
    if not any(rx[SCRIPT_OF[lang]].search(sentence) for lang in others if SCRIPT_OF[lang] in rx):
        return document_language
    script = script_of_text(sentence)
    if script is None or own == script:
        return document_language
    return next((lang for lang in others if SCRIPT_OF[lang] == script), document_language)
