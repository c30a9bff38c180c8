"""Ingest rule files, validated and compiled once: boilerplate markers and publication-date rules.

The YAML files are data an editor changes; this module turns them into regexes and lookup
tables on normalised text. A broken file raises checker.rules.loader.RuleError
("file:line: problem"), which callers let through: it is a configuration error, not a bad input.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from checker.ingest.fold import Normalized, fold, fold_word, key, words
from checker.ingest.rules_schema import (
    BoilerplateFile,
    BoilerplateRule,
    LayoutSettings,
    PublishedFile,
    expand_format,
)
from checker.paths import default_rules_dir
from checker.rules.loader import RuleError, line_of, load_model

_LETTER_OR_DIGIT = r"[^\W_]"


def _fold_pattern(pattern: str) -> str:
    """Normalise the Arabic in a regex without touching ASCII escapes such as \\S or \\D."""
    return "".join(ch if ord(ch) < 128 else fold_word(ch) for ch in pattern)


def _alternation(words: list[str]) -> str:
    """A regex alternation of normalised words, longest first, spaces matching any whitespace."""
    folded = sorted({" ".join(fold_word(w).split()) for w in words if w.strip()}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded)


def _marker_body(marker: str, glued: bool) -> str:
    """Regex for `marker` on normalised text: flexible spacing before punctuation, and unless
    `glued`, no letter right after a marker that ends in one ("الوسوم" is not "الوسومات")."""
    folded = " ".join(fold_word(marker).split())
    out: list[str] = []
    for part in re.findall(r"[^\W_]+|\s+|[\W_]", folded):
        if part.isspace():
            out.append(r"\s*")
        elif re.match(_LETTER_OR_DIGIT, part):
            out.append(re.escape(part))
        else:
            out.append(r"\s*" + re.escape(part))
    tail = "" if glued or not re.search(_LETTER_OR_DIGIT + "$", folded) else f"(?!{_LETTER_OR_DIGIT})"
    return "".join(out) + tail


def _markers_regex(markers: list[str], glued: bool) -> re.Pattern[str] | None:
    """One regex for a line starting with any of `markers` (after optional punctuation), the
    marker as group "m". One alternation instead of a regex per marker: lines are many."""
    if not markers:
        return None
    bodies = "|".join(f"(?:{_marker_body(m, glued)})" for m in markers)
    return re.compile(r"^[\W_]*?(?P<m>" + bodies + ")", re.IGNORECASE)


def _patterns_regex(patterns: list[str]) -> re.Pattern[str] | None:
    """One regex that fully matches what any of `patterns` fully matches."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{_fold_pattern(p)})" for p in patterns), re.IGNORECASE)


# --------------------------------------------------------------------------- boilerplate

_CLOSERS = "\"'»”’)]}>*"


def word_count(text: str) -> int:
    """Words of a line, as the layout settings count them."""
    return len(key(text).split())


@dataclass(frozen=True)
class LineText:
    """A trimmed line with what every rule asks about it, computed once."""

    text: str
    folded: Normalized
    key: str
    words: int
    prose: bool

    @classmethod
    def of(cls, text: str, settings: LayoutSettings) -> LineText:
        text = text.strip()
        folded = fold(text)
        k = " ".join(words(folded.text))  # = key(text), without normalising twice
        n = k.count(" ") + 1 if k else 0
        return cls(text, folded, k, n, is_prose(text, settings, n))


def is_prose(text: str, settings: LayoutSettings, n: int | None = None) -> bool:
    """Does this line read as running prose (rather than a headline, label or list item)?

    Prose: it ends a sentence (an ellipsis does not) and is not tiny, or it has clause marks
    and is long, or it is very long. Headlines rarely end with a full stop, so lists of them
    are not prose. `n` is the line's word count, if already known.
    """
    n = word_count(text) if n is None else n
    if n >= settings.prose_any_words:
        return True
    body = text.strip().rstrip(_CLOSERS + " ")
    ends = body and not body.endswith("..") and any(body.endswith(p) for p in settings.sentence_end)
    if n >= settings.prose_end_min_words and ends:
        return True
    return n >= settings.prose_min_words and any(_has_clause_mark(text, mark) for mark in settings.clause_marks)


def _has_clause_mark(text: str, mark: str) -> bool:
    """Arabic marks count anywhere; ASCII ones only before a space or the end ("11.55.10" is no clause)."""
    if not mark.isascii():
        return mark in text
    return re.search(re.escape(mark) + r"(?=\s|$)", text) is not None



@dataclass(frozen=True)
class LineRule:
    """A compiled boilerplate rule."""

    spec: BoilerplateRule
    settings: LayoutSettings
    starts: re.Pattern[str] | None
    equals: frozenset[str]
    patterns: re.Pattern[str] | None  # every pattern of the rule in one alternation
    # copied from spec: read for every line of every page
    id: str = field(init=False)
    block: str = field(init=False)
    max_words: float = field(init=False)
    allow_prose: bool = field(init=False)

    def __post_init__(self) -> None:
        set_ = object.__setattr__  # frozen dataclass
        set_(self, "id", self.spec.id)
        set_(self, "block", self.spec.block)
        set_(self, "max_words", self.spec.max_words if self.spec.max_words is not None else float("inf"))
        set_(self, "allow_prose", self.spec.allow_prose)

    def match(self, line: str | LineText) -> str | None:
        """The marker as written in the line if this rule matches it, else None."""
        if isinstance(line, str):
            line = LineText.of(line, self.settings)
        if line.words > self.max_words or (line.prose and not self.allow_prose):
            return None
        folded = line.folded
        found = self.starts.match(folded.text) if self.starts is not None else None
        if found:
            start, end = found.span("m")
            return line.text[folded.offsets[start] : folded.offsets[end]]
        if line.key in self.equals:
            return line.text
        if self.patterns is not None and self.patterns.fullmatch(folded.text.strip()):
            return line.text
        return None


@dataclass(frozen=True)
class BoilerplateRules:
    """Everything segmentation needs: layout settings, bylines and the compiled rules."""

    path: str
    settings: LayoutSettings
    rules: tuple[LineRule, ...]
    byline_names: frozenset[str]
    byline_prefixes: tuple[str, ...]
    datelines: tuple[re.Pattern[str], ...]
    title_separators: tuple[str, ...]
    title_repeat_id: str | None

    def is_byline(self, line: str | LineText) -> bool:
        """True for an agency byline ("وكالات", "(أ ف ب)", "المصدر: وكالات") or a dateline."""
        if isinstance(line, str):
            line = LineText.of(line, self.settings)
        k = line.key
        if not k:
            return False
        if k in self.byline_names:
            return True
        for prefix in self.byline_prefixes:
            if k.startswith(prefix + " ") and k[len(prefix) + 1 :] in self.byline_names:
                return True
        body = line.folded.text.strip()
        return any(regex.fullmatch(body) for regex in self.datelines)


def compile_boilerplate(spec: BoilerplateFile, path: str, lines: dict | None = None) -> BoilerplateRules:
    """Compile a validated boilerplate file; check each rule's examples and counter-examples."""
    rules: list[LineRule] = []
    title_repeat_id: str | None = None
    separators: tuple[str, ...] = (" - ",)
    for index, rule in enumerate(spec.rules):
        if rule.block == "title_repeat":
            title_repeat_id = rule.id
            separators = tuple(rule.separators)
            continue
        rules.append(
            LineRule(
                spec=rule,
                settings=spec.settings,
                starts=_markers_regex(rule.starts_with, rule.glued),
                equals=frozenset(key(e) for e in rule.equals),
                patterns=_patterns_regex(rule.patterns),
            )
        )
        compiled = rules[-1]
        for example in rule.examples:
            if compiled.match(example) is None:
                line = line_of(lines or {}, ("rules", index, "examples"))
                raise RuleError(path, line, f"rule {rule.id!r}: its example {example!r} does not match")
        for counter in rule.counter_examples:
            if compiled.match(counter) is not None:
                line = line_of(lines or {}, ("rules", index, "counter_examples"))
                raise RuleError(path, line, f"rule {rule.id!r}: its counter-example {counter!r} matches")
    return BoilerplateRules(
        path=path,
        settings=spec.settings,
        rules=tuple(rules),
        byline_names=frozenset(key(n) for n in spec.bylines.names),
        byline_prefixes=tuple(sorted({key(p) for p in spec.bylines.prefixes}, key=len, reverse=True)),
        datelines=tuple(re.compile(_fold_pattern(p), re.IGNORECASE) for p in spec.bylines.datelines),
        title_separators=separators,
        title_repeat_id=title_repeat_id,
    )


@functools.lru_cache(maxsize=16)
def _load_boilerplate(path: str) -> BoilerplateRules:
    spec, lines = load_model(Path(path), BoilerplateFile)
    return compile_boilerplate(spec, path, lines)


def load_boilerplate_rules(language: str = "ar", rules_dir: Path | None = None) -> BoilerplateRules:
    """rules/<language>/boilerplate.yaml, falling back to the Arabic file (cached per file)."""
    base = rules_dir or default_rules_dir()
    path = base / language / "boilerplate.yaml"
    if not path.is_file():
        path = base / "ar" / "boilerplate.yaml"
    if not path.is_file():
        raise RuleError(path, None, "boilerplate rule file not found")
    return _load_boilerplate(str(path))


# --------------------------------------------------------------------------- publication dates


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
            regex = expand_format(_fold_pattern(fmt.pattern), month_alt, ordinal_alt)
            if regex not in seen:
                seen.add(regex)
                formats.append(DateFormatRule(fmt.id, re.compile(regex, re.IGNORECASE)))
        if spec.relative and spec.relative.before:
            before = _alternation(spec.relative.before)
            relative.append(
                RelativeRule(
                    re.compile(
                        rf"(?<!{_LETTER_OR_DIGIT})(?:{before})\s*(?:(?P<n>\d+)\s*)?(?P<unit>{unit_alt})(?![^\W\d_])",
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
                        rf"(?<!{_LETTER_OR_DIGIT})(?P<n>{amount})\s*(?P<unit>{unit_alt})\s+(?:{after})(?!{_LETTER_OR_DIGIT})",
                        re.IGNORECASE,
                    )
                )
            )
    rules = PublishedRules(
        paths=tuple(p for p, _, _ in files),
        header_lines=header_lines,
        label=(
            re.compile(rf"(?<!{_LETTER_OR_DIGIT})(?:{_alternation(labels)})(?!{_LETTER_OR_DIGIT})", re.IGNORECASE)
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
    from checker.ingest.published import find_date, find_relative  # late: published imports us

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


@functools.lru_cache(maxsize=8)
def _load_published(paths: tuple[str, ...]) -> PublishedRules:
    files = []
    for path in paths:
        spec, lines = load_model(Path(path), PublishedFile)
        files.append((path, spec, lines))
    return compile_published(files)


def load_published_rules(rules_dir: Path | None = None) -> PublishedRules:
    """All rules/*/published.yaml files of `rules_dir`, merged (cached)."""
    base = rules_dir or default_rules_dir()
    paths = tuple(str(p) for p in sorted(base.glob("*/published.yaml")))
    return _load_published(paths)
