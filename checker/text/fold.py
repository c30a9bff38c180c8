"""Matching form of text for page rules (boilerplate, publication dates): the shared Arabic normaliser, plus helpers.

Markers in rule files ("اقرأ أيضاً", "إقرأ أيضا", "نُشر بتاريخ") and page lines are compared
on normalised text (alef forms, hamza seats, ى/ي, ة/ه, tatweel, diacritics, Persian letters,
Eastern digits, Latin case) so one rule covers every spelling. The normaliser only substitutes
or deletes characters, so a match can always be mapped back to the original line.
"""

from __future__ import annotations

import re

from checker.text.normalize import Normalized, normalize, normalize_word

__all__ = ["LETTER_OR_DIGIT", "Normalized", "fold", "fold_pattern", "fold_word", "key", "words"]

LETTER_OR_DIGIT = r"[^\W_]"  # a regex class
_WORD = re.compile(LETTER_OR_DIGIT + "+")


def fold(text: str) -> Normalized:
    """Normalised text with a map back to `text` (see checker.text.normalize)."""
    return normalize(text)


def fold_word(text: str) -> str:
    """Normalised form of a rule string (no offset map needed)."""
    return normalize_word(text)


def words(text: str) -> list[str]:
    """Letter/digit runs of `text`: what "a line of N words" counts."""
    return _WORD.findall(text)


def key(text: str) -> str:
    """Comparison key: normalised words joined by one space (punctuation and spacing ignored)."""
    return " ".join(words(normalize_word(text)))


def fold_pattern(pattern: str) -> str:
    """Normalise the Arabic in a rule's regex without touching ASCII escapes such as \\S or \\D."""
    return "".join(ch if ord(ch) < 128 else fold_word(ch) for ch in pattern)
