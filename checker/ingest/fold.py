"""Matching form of text for ingest rules: the shared Arabic normaliser, plus helpers.

Markers in rule files ("اقرأ أيضاً", "إقرأ أيضا", "نُشر بتاريخ") and page lines are compared
on normalised text (alef forms, hamza seats, ى/ي, ة/ه, tatweel, diacritics, Persian letters,
Eastern digits, Latin case) so one rule covers every spelling. The normaliser only substitutes
or deletes characters, so a match can always be mapped back to the original line.
"""

from __future__ import annotations

import re

from checker.text.normalize import Normalized, normalize, normalize_word

__all__ = ["Normalized", "fold", "fold_word", "key", "words"]

_WORD = re.compile(r"[^\W_]+")


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
