"""Lexicon-guarded removal of Arabic clitics, so "وبوتين" and "لبوتين" match "بوتين".

Arabic glues conjunctions (و ف), prepositions (ب ل ك), the article (ال) and possessive
pronouns (ه ها هما هم هن) onto words. Stripping them blindly ruins names that merely
start with those letters (بوتين, بيسكوف, فلاديمير), so a stripped form is only accepted
when it is a word we actually look for, i.e. when it is in the lexicon.

This module deliberately does not import spaCy, so it stays cheap to import.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from checker.text.normalize import normalize_word

__all__ = ["Lexicon", "PROCLITICS", "SUFFIXES", "strip_clitics"]

_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_ARTICLE = "ال"

#: Pronoun suffixes, longest first (inputs are normalised, so ة has already become ه).
SUFFIXES: tuple[str, ...] = ("هما", "هم", "هن", "ها", "ه")

#: Shortest stem a candidate may have; keeps e.g. "وه" from being read as و + ه.
MIN_STEM = 2

_MEMO_LIMIT = 200_000


def _build_proclitics() -> tuple[tuple[str, bool], ...]:
    """Every conjunction + preposition + article combination, as (surface form, has article).

    ل + ال is written "لل" (the article's alef drops). Sorted longest first; equal lengths keep
    the enumeration order (conjunction "", و, ف; then preposition "", ب, ل, ك; then article).
    """
    found: list[tuple[str, bool]] = []
    for conj in ("", *_CONJUNCTIONS):
        for prep in ("", *_PREPOSITIONS):
            for article in ("", _ARTICLE):
                if not (conj or prep or article):
                    continue
                surface = conj + ("لل" if prep == "ل" and article else prep + article)
                found.append((surface, bool(article)))
    found.sort(key=lambda item: -len(item[0]))
    return tuple(found)


#: (proclitic, carries the article) pairs in the order they are tried.
PROCLITICS: tuple[tuple[str, bool], ...] = _build_proclitics()


class Lexicon:
    """The normalised words we want to recognise through clitics (names, alias words).

    Entries are normalised with :func:`normalize_word`; an entry containing spaces (a
    multi-word alias) contributes each of its words. Membership tests expect an already
    normalised word. The lexicon also memoises :func:`strip_clitics` results, since the same
    tokens recur across thousands of articles.
    """

    __slots__ = ("_words", "_memo")

    def __init__(self, words: Iterable[str]) -> None:
        self._words: frozenset[str] = frozenset(
            part for word in words for part in normalize_word(word).split()
        )
        self._memo: dict[tuple[str, bool], str] = {}

    @property
    def words(self) -> frozenset[str]:
        """The normalised entries."""
        return self._words

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def __len__(self) -> int:
        return len(self._words)

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __repr__(self) -> str:
        return f"Lexicon({len(self._words)} words)"


def _candidates(word: str, suffixes: bool) -> Iterator[str]:
    """Stripped forms of ``word`` in the order :func:`strip_clitics` tries them.

    For each proclitic in :data:`PROCLITICS` order that ``word`` starts with, and finally
    for no proclitic at all:
      1. if the proclitic carries the article, the rest with "ال" put back ("للرئيس" -> "الرئيس"),
         then the bare rest ("رئيس");
      2. otherwise the rest itself, then (if ``suffixes``) the rest minus each pronoun suffix,
         longest first ("بنظيرهم" -> "نظيرهم", "نظير").
    Suffixes are never stripped from a form carrying the article: Arabic does not combine the
    two, and since ة is normalised to ه this keeps "الدولة" from becoming "الدول".
    Every candidate keeps at least :data:`MIN_STEM` characters.
    """
    for prefix, has_article in (*PROCLITICS, ("", False)):
        if not word.startswith(prefix):
            continue
        rest = word[len(prefix) :]
        if len(rest) < MIN_STEM:
            continue
        if has_article:
            yield _ARTICLE + rest
            yield rest
            continue
        if prefix:
            yield rest
        if suffixes and not rest.startswith(_ARTICLE):
            for suffix in SUFFIXES:
                if rest.endswith(suffix) and len(rest) - len(suffix) >= MIN_STEM:
                    yield rest[: -len(suffix)]


def strip_clitics(word: str, lexicon: Lexicon, *, suffixes: bool = True) -> str:
    """Return the lexicon word hidden behind clitics in ``word``, or ``word`` itself.

    ``word`` must already be normalised. A word in the lexicon is returned unchanged (so
    names such as بوتين or فلاديمير are never cut); otherwise the first candidate from
    :func:`_candidates` that is in the lexicon wins, and if none is, ``word`` is returned.
    Pass ``suffixes=False`` to try proclitics only.
    """
    if word in lexicon:
        return word
    key = (word, suffixes)
    memo = lexicon._memo
    found = memo.get(key)
    if found is not None:
        return found
    found = word
    for candidate in _candidates(word, suffixes):
        if candidate in lexicon:
            found = candidate
            break
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[key] = found
    return found
