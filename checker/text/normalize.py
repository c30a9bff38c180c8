"""Arabic/Latin orthographic normalisation that keeps a map back to the original text.

News outlets spell the same name differently (أ/ا, ى/ي, ة/ه, Persian yeh, tatweel,
diacritics, Eastern digits, typographic quotes). We compare facts across sources, so
matching runs on a normalised form, while evidence offsets must still point into the
page exactly as it was written. Every rule here is therefore either a 1:1 character
substitution or a deletion: that keeps the offset map a simple per-character table and
lets the whole job run as a single ``str.translate`` call.

This module deliberately does not import spaCy, so it stays cheap to import.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["Normalized", "normalize", "normalize_word"]


# --------------------------------------------------------------------------- tables

# 1:1 substitutions, as {source characters: target character}.
_SUBSTITUTE: dict[str, str] = {
    # alef with hamza above/below, madda, wasla, wavy hamza above/below -> bare alef
    "\u0623\u0625\u0622\u0671\u0672\u0673": "\u0627",
    # alef maqsura -> yeh
    "\u0649": "\u064a",
    # teh marbuta (Arabic, Persian "heh with yeh above", Urdu heh goal + hamza, teh marbuta goal) -> heh
    "\u0629\u06c0\u06c2\u06c3": "\u0647",
    # waw with hamza above -> waw
    "\u0624": "\u0648",
    # yeh with hamza above; Persian/Farsi/Kashmiri/Urdu yeh variants -> Arabic yeh
    "\u0626\u06cc\u06cd\u06ce\u06d0\u06d1\u0620\u063d\u063e\u063f": "\u064a",
    # keheh and swash kaf -> kaf
    "\u06a9\u06aa": "\u0643",
    # Eastern Arabic and Persian digits -> ASCII digits (handled below)
    # typographic double quotes and guillemets -> ASCII double quote
    "\u201c\u201d\u201e\u201f\u00ab\u00bb": '"',
    # typographic single quotes -> ASCII apostrophe
    "\u2018\u2019\u201a\u201b": "'",
    # no-break space and the other Unicode space separators (Zs) -> ASCII space
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000": " ",
}

# Characters dropped entirely.
_DELETE: str = "".join(
    [
        "\u0640",  # tatweel (kashida)
        "".join(chr(c) for c in range(0x064B, 0x0660)),  # harakat, tanween, shadda, sukun, hamza marks, ...
        "\u0670",  # superscript (dagger) alef
        "".join(chr(c) for c in range(0x06D6, 0x06EE)),  # Quranic annotation marks
        # invisible format characters: ZWSP, ZWNJ, ZWJ, LRM, RLM, bidi embeddings/overrides,
        # word joiner, bidi isolates, Arabic letter mark, soft hyphen, BOM
        "\u200b\u200c\u200d\u200e\u200f",
        "\u202a\u202b\u202c\u202d\u202e",
        "\u2060\u2066\u2067\u2068\u2069",
        "\u061c\u00ad\ufeff",
    ]
)

# Ranges that hold Latin letters; only those whose lower() is a single character are mapped,
# so lowercasing never changes the length (e.g. U+0130 'İ' lowers to two code points: left alone).
_LATIN_RANGES: tuple[tuple[int, int], ...] = (
    (0x0041, 0x005A),
    (0x00C0, 0x024F),
    (0x1E00, 0x1EFF),
    (0x2C60, 0x2C7F),
    (0xA720, 0xA7FF),
    (0xFF21, 0xFF3A),
)


def _build_table() -> dict[int, int | None]:
    table: dict[int, int | None] = {}
    for lo, hi in _LATIN_RANGES:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            low = ch.lower()
            if low != ch and len(low) == 1 and "LATIN" in unicodedata.name(ch, ""):
                table[cp] = ord(low)
    for sources, target in _SUBSTITUTE.items():
        for ch in sources:
            table[ord(ch)] = ord(target)
    for digit in range(10):
        table[0x0660 + digit] = ord("0") + digit  # ٠-٩
        table[0x06F0 + digit] = ord("0") + digit  # ۰-۹
    # Arabic thousands and decimal separators (1٬750, ١٬٠٠٠, ١٫٥), so numbers read as 1,750 and 1.5
    table[0x066C] = ord(",")
    table[0x066B] = ord(".")
    for ch in _DELETE:
        table[ord(ch)] = None
    return table


_MAPPING: dict[int, int | None] = _build_table()

# str.translate looks every character up in the table. A list indexed by code point (identity
# entries for unmapped characters) is about twice as fast as a dict on Arabic text; code points
# beyond the BMP raise IndexError, which translate treats as "unmapped". All mapped characters
# are in the BMP.
assert max(_MAPPING) < 0x10000
_TABLE: list[str | None] = [chr(cp) for cp in range(0x10000)]
for _cp, _target in _MAPPING.items():
    _TABLE[_cp] = None if _target is None else chr(_target)
del _cp, _target

_DELETED_RUN = re.compile("[" + "".join(re.escape(ch) for ch in sorted(set(_DELETE))) + "]+")


# Offsets are mostly runs of consecutive integers. Slicing one shared tuple of them reuses the
# int objects instead of allocating a fresh int per character (about 10x faster than
# tuple(range(n)) for a long article). Texts longer than the cap get a private tuple instead,
# so one huge input does not pin its offsets in memory for the life of the process.
_IDENTITY_CACHE_CAP = 1 << 22
_identity: tuple[int, ...] = tuple(range(1 << 16))


def _identity_upto(size: int) -> tuple[int, ...]:
    """A tuple whose first ``size`` items are 0, 1, ..., size - 1."""
    global _identity
    if size <= len(_identity):
        return _identity
    if size > _IDENTITY_CACHE_CAP:
        return tuple(range(size))
    _identity = tuple(range(min(max(size, 2 * len(_identity)), _IDENTITY_CACHE_CAP)))
    return _identity


# --------------------------------------------------------------------------- API


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus, for each normalised character, its index in the original.

    ``offsets`` has one entry more than ``text``: the last entry is ``len(original)``, so
    an end position equal to ``len(text)`` maps too.
    """

    text: str
    offsets: tuple[int, ...] = field(repr=False)  # one int per character: too long to print

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the normalised text to a half-open span of the original.

        The end is taken just after the original of the last kept character, so a span
        never swallows characters removed after it (e.g. a trailing tatweel or diacritic).
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) outside normalised text of length {len(self.text)}")
        if end == start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(text: str) -> Normalized:
    """Normalise ``text`` and record where every normalised character came from.

    One ``str.translate`` pass does all substitutions and deletions. If nothing was
    deleted the offset map is the identity; otherwise it is assembled from the runs of
    kept characters between runs of deleted ones (no per-character Python loop).
    """
    out = text.translate(_TABLE)
    n = len(text)
    identity = _identity_upto(n + 1)
    if len(out) == n:
        return Normalized(out, identity[: n + 1])
    offsets: list[int] = []
    prev = 0
    for match in _DELETED_RUN.finditer(text):
        start, stop = match.span()
        offsets += identity[prev:start]
        prev = stop
    offsets += identity[prev : n + 1]  # remaining kept characters plus the end sentinel
    return Normalized(out, tuple(offsets))


def normalize_word(word: str) -> str:
    """Normalise a short string when no offset map is needed (tokens, lexicon entries)."""
    return word.translate(_TABLE)
