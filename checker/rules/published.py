"""Publication-date rules (every rules/<lang>/published.yaml) merged and compiled, and applied.

Labels ("تاريخ النشر"), month names, date formats and relative ages ("منذ 9 شهر") are data;
this module turns them into regexes on normalised text and finds dates with them. The finding
functions live beside the compiled rules because the rule files' examples are run with them
when the files are loaded; checker.ingest.published decides where on a page to look.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from checker.rules.ingest_schema import PublishedFile, expand_format
from checker.rules.loader import RuleError, line_of
from checker.text.fold import LETTER_OR_DIGIT, fold, fold_pattern, fold_word, key

def _alternation(words: list[str]) -> str:
    """A regex alternation of normalised words, longest first, spaces matching any whitespace."""
    folded = sorted({" ".join(fold_word(w).split()) for w in words if w.strip()}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded)


@dataclass(frozen=True)
class DateFormatRule:
    id: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class RelativeRule:
    regex: re.Pattern[str]  # groups: n (optional amount), unit (a unit word)


@dataclass(frozen=True)
class PublishedRules:
    """Every rules/*/published.yaml merged: labels, month names, formats, relative phrases."""

    paths: tuple[str, ...]
    header_lines: int
    label: re.Pattern[str] | None
    formats: tuple[DateFormatRule, ...]
    month_of: dict[str, int]
    relative: tuple[RelativeRule, ...]
    unit_of: dict[str, tuple[str, int | None]]
    number_words: dict[str, int]
    ignore_words: frozenset[str]


def compile_published(files: list[tuple[str, PublishedFile, dict]]) -> PublishedRules:
    """Merge and compile published-date rule files; run their examples as checks."""
    labels: list[str] = []
    month_of: dict[str, int] = {}
    ordinals: list[str] = []
    ignore: set[str] = set()
    unit_of: dict[str, tuple[str, int | None]] = {}
    number_words: dict[str, int] = {}
    header_lines = 1
    for path, spec, lines in files:
        header_lines = max(header_lines, spec.header_lines)
        labels += spec.labels
        ordinals += spec.ordinal_suffixes
        ignore |= {key(w) for w in spec.ignore_words}
        for month, names in spec.months.items():
            for name in names:
                folded = " ".join(fold_word(name).split())
                if month_of.get(folded, month) != month:
                    raise RuleError(path, line_of(lines, ("months", month)), f"month name {name!r} given two months")
                month_of[folded] = month
        if spec.relative:
            for unit in spec.relative.units:
                for word in unit.words:
                    unit_of[fold_word(word)] = (unit.unit, unit.count)
            number_words.update({fold_word(w): n for w, n in spec.relative.number_words.items()})
    month_alt = _alternation(list(month_of)) or "(?!)"
    ordinal_alt = _alternation(ordinals) or "(?!)"
    formats: list[DateFormatRule] = []
    seen: set[str] = set()
    relative: list[RelativeRule] = []
    unit_alt = _alternation(list(unit_of)) or "(?!)"
    for path, spec, lines in files:
        for fmt in spec.formats:
            regex = expand_format(fold_pattern(fmt.pattern), month_alt, ordinal_alt)
            if regex not in seen:
                seen.add(regex)
                formats.append(DateFormatRule(fmt.id, re.compile(regex, re.IGNORECASE)))
        if spec.relative and spec.relative.before:
            before = _alternation(spec.relative.before)
            relative.append(
                RelativeRule(
                    re.compile(
                        rf"(?<!{LETTER_OR_DIGIT})(?:{before})\s*(?:(?P<n>\d+)\s*)?(?P<unit>{unit_alt})(?![^\W\d_])",
                        re.IGNORECASE,
                    )
                )
            )
        if spec.relative and spec.relative.after:
            after = _alternation(spec.relative.after)
            amount = "|".join([r"\d+"] + [re.escape(w) for w in sorted(number_words, key=len, reverse=True)])
            relative.append(
                RelativeRule(
                    re.compile(
                        rf"(?<!{LETTER_OR_DIGIT})(?P<n>{amount})\s*(?P<unit>{unit_alt})\s+(?:{after})(?!{LETTER_OR_DIGIT})",
                        re.IGNORECASE,
                    )
                )
            )
    rules = PublishedRules(
        paths=tuple(p for p, _, _ in files),
        header_lines=header_lines,
        label=(
            re.compile(rf"(?<!{LETTER_OR_DIGIT})(?:{_alternation(labels)})(?!{LETTER_OR_DIGIT})", re.IGNORECASE)
            if labels
            else None
        ),
        formats=tuple(formats),
        month_of=month_of,
        relative=tuple(relative),
        unit_of=unit_of,
        number_words=number_words,
        ignore_words=frozenset(ignore),
    )
    _check_published_examples(rules, files)
    return rules


def _check_published_examples(rules: PublishedRules, files: list[tuple[str, PublishedFile, dict]]) -> None:
    for path, spec, lines in files:
        for i, fmt in enumerate(spec.formats):
            for j, example in enumerate(fmt.examples):
                found = find_date(example.text, rules)
                if found is None or found[0] != example.date:
                    got = found[0].isoformat() if found else "no date"
                    where = line_of(lines, ("formats", i, "examples", j))
                    raise RuleError(path, where, f"format {fmt.id!r}: example {example.text!r} gives {got}, expected {example.date}")
        if spec.relative:
            for j, rel in enumerate(spec.relative.examples):
                found_rel = find_relative(rel.text, rules)
                if found_rel is None or (found_rel.count, found_rel.unit) != (rel.count, rel.unit):
                    where = line_of(lines, ("relative", "examples", j))
                    raise RuleError(path, where, f"relative example {rel.text!r} is not read as {rel.count} {rel.unit}")


# --------------------------------------------------------------------------- finding dates with them


@dataclass(frozen=True)
class RelativeAge:
    """A relative age phrase: `count` `unit`s ago, at [start, end) of the searched text."""

    count: int
    unit: str
    start: int
    end: int


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when there is no such day (31 February)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_date(text: str, rules: PublishedRules) -> tuple[dt.date, tuple[int, int]] | None:
    """The leftmost valid date written in `text` and its span in `text`, by the rule formats."""
    folded = fold(text)
    best: tuple[int, int, dt.date] | None = None
    for fmt in rules.formats:
        for found in fmt.regex.finditer(folded.text):
            groups = found.groupdict()
            if groups.get("month_name"):
                month = rules.month_of.get(" ".join(groups["month_name"].split()))
            else:
                month = int(groups["month"]) if groups.get("month") else None
            day = make_date(int(groups["year"]), month, int(groups["day"])) if month else None
            if day is None:
                continue
            candidate = (found.start(), -(found.end() - found.start()), day)
            if best is None or candidate[:2] < best[:2]:
                best = candidate
            break
    if best is None:
        return None
    start, negative_length, day = best
    return day, folded.to_original(start, start - negative_length)


def find_relative(text: str, rules: PublishedRules) -> RelativeAge | None:
    """The first relative age phrase in `text` ("منذ 9 شهر" -> 9 months), if any."""
    folded = fold(text)
    best: RelativeAge | None = None
    for rule in rules.relative:
        found = rule.regex.search(folded.text)
        if not found:
            continue
        unit, implied = rules.unit_of[" ".join(found.group("unit").split()).lower()]
        amount = found.group("n")
        if amount is None:
            count = implied or 1
        elif amount.isdigit():
            count = int(amount)
        else:
            count = rules.number_words.get(amount.lower(), 1)
        start, end = folded.to_original(found.start(), found.end())
        if best is None or start < best.start:
            best = RelativeAge(count, unit, start, end)
    return best
