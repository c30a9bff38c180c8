"""Literal prefilters for rule regexes: skip a regex on text that cannot hold a match.

Most sentences match none of the claim rules, yet a regex with lazy word gaps is tried from
every position before it gives up. Every match of a rule contains some fixed text ("اتصالا",
"⟦p"), so a plain substring test rejects most sentences for the price of a `str.__contains__`.
The fixed text is read off the compiled pattern itself, so rule authors write nothing extra and
a prefilter can never disagree with its regex: when a pattern is too clever to analyse, the
regex simply runs without one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

try:  # the regex parser behind `re`; private, so any surprise only costs the speed-up
    import re._parser as _sre  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_parse as _sre  # type: ignore[no-redef]

__all__ = ["FilteredRegex", "required_literals"]

_Needs = frozenset[str] | None  # any match contains one of these strings; None: unknown
_REPEATS = {op for op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)) if op}
_ATOMIC = getattr(_sre, "ATOMIC_GROUP", None)


def _better(a: _Needs, b: _Needs) -> _Needs:
    """The more selective of two requirements: longest shortest string, then fewest strings."""
    if a is None:
        return b
    if b is None:
        return a
    score_a = (min(map(len, a)), -len(a))
    score_b = (min(map(len, b)), -len(b))
    return a if score_a >= score_b else b


def _caseless(ch: str) -> bool:
    return ch.lower() == ch == ch.upper()


_MAX_VARIANTS = 16  # a fixed run with a small class in it ("⟦[cl]") is kept as its variants


def _class_chars(av, ignorecase: bool) -> list[str] | None:
    """The characters of a small positive class such as [cl], or None."""
    chars = []
    for op, value in av:
        if op != _sre.LITERAL or (ignorecase and not _caseless(chr(value))):
            return None
        chars.append(chr(value))
    return chars if 0 < len(chars) <= _MAX_VARIANTS else None


def _sequence(items, ignorecase: bool) -> _Needs:  # items: a parsed (sub)pattern
    best: _Needs = None
    run: set[str] = {""}  # the fixed text read so far, as its variants

    def flush() -> None:
        nonlocal best, run
        if run != {""}:
            best = _better(best, frozenset(run))
        run = {""}

    for op, av in items:
        if op == _sre.LITERAL and (not ignorecase or _caseless(chr(av))):
            run = {r + chr(av) for r in run}
            continue
        if op == _sre.IN:
            chars = _class_chars(av, ignorecase)
            if chars is not None and len(run) * len(chars) <= _MAX_VARIANTS:
                run = {r + c for r in run for c in chars}
                continue
        flush()
        if op == _sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            sub_ignorecase = (ignorecase or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            best = _better(best, _sequence(sub, sub_ignorecase))
        elif op == _sre.BRANCH:
            branches = [_sequence(branch, ignorecase) for branch in av[1]]
            if all(b is not None for b in branches):
                best = _better(best, frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in _REPEATS:
            low, _high, sub = av
            if low >= 1:
                best = _better(best, _sequence(sub, ignorecase))
        elif _ATOMIC is not None and op == _ATOMIC:
            best = _better(best, _sequence(av, ignorecase))
        # anything else (classes, anchors, lookarounds, back-references) requires no fixed text
    flush()
    return best


def required_literals(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of `regex` contains, or None when none can be named."""
    try:
        parsed = _sre.parse(regex.pattern, regex.flags)
        needs = _sequence(parsed, bool(regex.flags & re.IGNORECASE))
    except Exception:  # noqa: BLE001 - an unknown parser shape means "no prefilter", never an error
        return None
    if needs is None or "" in needs:
        return None
    return needs


@dataclass(frozen=True)
class FilteredRegex:
    """A compiled regex with its prefilter; `finditer`/`search` answer as the regex does."""

    regex: re.Pattern[str]
    needs: frozenset[str] | None = field(default=None)

    @classmethod
    def of(cls, regex: re.Pattern[str]) -> FilteredRegex:
        return cls(regex, required_literals(regex))

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def may_match(self, text: str) -> bool:
        if self.needs is None:
            return True
        for fixed in self.needs:  # a plain loop: called per rule per sentence, generators cost more
            if fixed in text:
                return True
        return False

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text) if self.may_match(text) else _NOTHING

    def search(self, text: str) -> re.Match[str] | None:
        return self.regex.search(text) if self.may_match(text) else None


_NOTHING: Iterator[re.Match[str]] = iter(())  # an exhausted iterator can be shared
