"""Checks on rule files beyond their schema: catastrophic regexes, misspelt group names and keys.

Catastrophic backtracking. Python's `re` backtracks, so a pattern such as `(a|aa)+c` or
`(\\w+\\s?)+$` takes exponential time on a line that almost matches, and a rule file (from a pull
request, say) could hang every run. The maintained PyPI analysers we looked at either stopped in
2021 (regexploit: it also misses `(a|aa)+c`) or lint Python source rather than a pattern, so the
check is ours, in two steps:

1. static: a repeat that can run more than a few times and holds another repeat or an
   alternation inside it is a candidate (nested quantifiers, the usual cause);
2. a timing probe, for candidates only: the repeated part is spelt out from the pattern itself
   (each piece once, optional pieces left out or kept), repeated n times and followed by a
   character that breaks the match; n grows, and the pattern is refused when each repetition
   more multiplies the search time (exponential growth, measured as ratios so that a loaded
   machine neither hides nor invents it).

The probe only measures what it times; it is a safety net for rule files, not a test (no test
depends on a duration: a refused pattern takes seconds where a safe one takes microseconds).
"""

from __future__ import annotations

import difflib
import re
import time
from collections.abc import Iterable

try:  # Python 3.11+
    import re._constants as _c  # type: ignore[import-not-found]
    import re._parser as _parser  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

# Time says little on a loaded machine, growth says a lot: a search is catastrophic when, past
# MEASURABLE seconds, each added repetition multiplies its time by GROWTH or more, three times
# running (exponential). Polynomial patterns grow by (n+1/n)^k, under 1.4 for n >= 10, and a slow
# but polynomial search stops the probe at SLOW seconds. Each time is the best of REPEATS.
MEASURABLE, SLOW, GROWTH, REPEATS = 0.002, 0.5, 1.6, 3
MIN_PROBE_UNITS, MAX_PROBE_UNITS = 6, 40
_MANY = 8  # a repeat that may run more often than this counts as unbounded
# characters tried for a character class, and to break a match at the end
_POOL = ("a", "ب", "1", "١", " ", "،", ",", ".", "x", "ـ", "\u27e6", "p", "\u27e7", "-", "!", "\n")
_KILLERS = ("!", "\x00", " ", "ـ", "a", "ب", "1")
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set())


def _in_set(ch: str, items: list) -> bool:  # type: ignore[type-arg]
    negate = False
    hit = False
    for op, arg in items:
        if op is _c.NEGATE:
            negate = True
        elif op is _c.LITERAL:
            hit |= ord(ch) == arg
        elif op is _c.RANGE:
            hit |= arg[0] <= ord(ch) <= arg[1]
        elif op is _c.CATEGORY:
            name = str(arg).replace("CATEGORY_", "").lower()
            probe = {"digit": r"\d", "not_digit": r"\D", "space": r"\s", "not_space": r"\S",
                     "word": r"\w", "not_word": r"\W"}.get(name)
            hit |= bool(probe and re.fullmatch(probe, ch))
    return hit != negate


def _sample(items: Iterable, keep_optional: bool) -> str | None:  # type: ignore[type-arg]
    """A short string the parsed items match (None when we cannot tell)."""
    out: list[str] = []
    for op, arg in items:
        if op is _c.LITERAL:
            out.append(chr(arg))
        elif op is _c.NOT_LITERAL:
            out.append("a" if arg != ord("a") else "b")
        elif op is _c.ANY:
            out.append("a")
        elif op is _c.IN:
            ch = next((c for c in _POOL if _in_set(c, arg)), None)
            if ch is None:
                return None
            out.append(ch)
        elif op in _REPEATS:
            lo, hi, body = arg
            times = max(lo, 1 if keep_optional else 0) if hi else 0
            inner = _sample(body, keep_optional) if times else ""
            if inner is None:
                return None
            out.append(inner * min(times, 3))
        elif op is _c.SUBPATTERN:
            inner = _sample(arg[-1], keep_optional)
            if inner is None:
                return None
            out.append(inner)
        elif op is _c.BRANCH:
            branches = [b for b in arg[1] if b] or arg[1]
            inner = _sample(branches[0], keep_optional)
            if inner is None:
                return None
            out.append(inner)
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT, _c.GROUPREF, _c.GROUPREF_EXISTS):
            continue
        elif hasattr(_c, "ATOMIC_GROUP") and op is _c.ATOMIC_GROUP:
            inner = _sample(arg, keep_optional)
            if inner is None:
                return None
            out.append(inner)
        else:
            return None
    return "".join(out)


def _holds_choice(items: Iterable) -> bool:  # type: ignore[type-arg]
    """Does this part hold a repeat or an alternation (anything that can match in several ways)?"""
    for op, arg in items:
        if op in _REPEATS and arg[1] > 1:
            return True
        if op is _c.BRANCH:
            return True
        if op is _c.SUBPATTERN and _holds_choice(arg[-1]):
            return True
        if op in (_c.ASSERT, _c.ASSERT_NOT) and _holds_choice(arg[1]):
            return True
    return False


def _candidates(items: Iterable, out: list) -> list:  # type: ignore[type-arg]
    """Bodies of repeats that may run many times and hold a choice of their own."""
    for op, arg in items:
        if op in _REPEATS:
            lo, hi, body = arg
            if hi > _MANY and op is not getattr(_c, "POSSESSIVE_REPEAT", None) and _holds_choice(body):
                out.append(body)
            _candidates(body, out)
        elif op is _c.SUBPATTERN:
            _candidates(arg[-1], out)
        elif op is _c.BRANCH:
            for branch in arg[1]:
                _candidates(branch, out)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            _candidates(arg[1], out)
    return out


def regex_problem(pattern: str, flags: int = 0) -> str | None:
    """Why `pattern` is unsafe to run on article text (catastrophic backtracking), or None."""
    try:
        parsed = _parser.parse(pattern, flags)
        compiled = re.compile(pattern, flags)
    except (re.error, RecursionError, OverflowError):
        return None  # the caller reports invalid patterns itself
    bodies = _candidates(parsed, [])
    seen: set[str] = set()
    for body in bodies:
        for keep in (False, True):
            unit = _sample(body, keep)
            if not unit or unit in seen:
                continue
            seen.add(unit)
            for killer in _KILLERS:
                problem = _probe(compiled, unit, killer)
                if problem:
                    return problem
    return None


def _search_time(compiled: re.Pattern[str], text: str) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        compiled.search(text)
        best = min(best, time.perf_counter() - start)
        if best > SLOW:
            break
    return best


def _probe(compiled: re.Pattern[str], unit: str, killer: str) -> str | None:
    """A message when searching unit * n + killer grows exponentially with n, else None."""
    times: list[float] = []
    for n in range(MIN_PROBE_UNITS, MAX_PROBE_UNITS + 1):
        text = unit * n + killer
        took = _search_time(compiled, text)
        if took < MEASURABLE:
            if n >= MIN_PROBE_UNITS + 12:
                return None  # still instant after growing: not exponential here
            times.clear()
            continue
        times.append(took)
        if len(times) >= 4 and all(b >= GROWTH * a for a, b in zip(times[-4:], times[-3:])):
            return (f"catastrophic backtracking: searching {n} repetitions of {unit!r} then {killer!r} took "
                    f"{took:.2f} s, and each repetition more multiplies that time by {times[-1] / times[-2]:.1f} "
                    "(nested repeats such as (a+)+ or (a|aa)+: make the inner part match one way only, or bound it)")
        if took > SLOW:
            return None  # slow but not growing exponentially: polynomial, and bounded by line lengths
    return None


# --------------------------------------------------------------------------- names


def suggestion(word: str, allowed: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest allowed name, or ''."""
    close = difflib.get_close_matches(word, sorted(allowed), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


# Group names read beside the ones the value kinds declare (checker/rules/kinds.py): the callee
# of an initiator, a topic word.
EXTRA_GROUPS = frozenset({"callee", "t"})


def claim_groups() -> frozenset[str]:
    """The group names claim patterns may use: those of every value kind, and EXTRA_GROUPS."""
    from checker.rules.kinds import KINDS

    return frozenset(g for kind in KINDS.values() for alt in kind.groups for g in alt) \
        | frozenset(g for kind in KINDS.values() for g in kind.optional_groups) | EXTRA_GROUPS


def group_problem(pattern: str, known: Iterable[str] | None = None) -> str | None:
    """A group name in a rule's pattern (`{P:calee}`, `(?P<calee>...)`) that no extractor reads, or None."""
    known = set(claim_groups() if known is None else known)
    names = re.findall(r"\{[A-Za-z_]+:([A-Za-z_]+)\}", pattern) + re.findall(r"\(\?P<([A-Za-z_][A-Za-z_0-9]*)>", pattern)
    for name in names:
        if name not in known:
            return f"unknown group name {name!r}{suggestion(name, known)}; known: {', '.join(sorted(known))}"
    return None


def model_keys(model: type) -> set[str]:
    """Every key (field name and alias) of a pydantic model and of the models inside it."""
    import typing

    from pydantic import BaseModel

    keys: set[str] = set()
    seen: set[type] = set()
    todo: list[object] = [model]
    while todo:
        tp = todo.pop()
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if tp in seen:
                continue
            seen.add(tp)
            for name, info in tp.model_fields.items():
                keys.add(name)
                if isinstance(info.alias, str):
                    keys.add(info.alias)
                todo.append(info.annotation)
        else:
            todo.extend(typing.get_args(tp))
    return keys


def key_suggestion(key: object, model: type) -> str:
    """' (did you mean ...?)' for a misspelt key of `model`'s files, or ''."""
    return suggestion(str(key), model_keys(model)) if isinstance(key, str) else ""
