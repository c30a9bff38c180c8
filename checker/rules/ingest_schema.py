"""Schemas of the page rule files: rules/<lang>/boilerplate.yaml and rules/<lang>/published.yaml.

Editors change these files, not Python; they share the base of every rule schema
(checker.rules.schema.Strict: a misspelt key is an error that names its line), and regular
expressions and date-format templates are compiled on load, so a broken one is reported with
its file and line too.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from checker.rules.schema import Strict

from checker.rule_lint import regex_problem

RULE_ID = r"^[a-z][a-z0-9-]*$"


def _check_regexes(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"bad regular expression {pattern!r}: {exc}") from exc
        problem = regex_problem(pattern, re.IGNORECASE)
        if problem:
            raise ValueError(f"regular expression {pattern!r}: {problem}")
    return patterns


# --------------------------------------------------------------------------- boilerplate.yaml

BlockKind = Literal["list_after", "line", "tail", "title_repeat"]


class LayoutSettings(Strict):
    """How a line is told apart as prose, a headline or a title (counts are words)."""

    sentence_end: list[str] = Field(default_factory=lambda: [".", "!"])
    clause_marks: list[str] = Field(default_factory=lambda: ["،", "؛", ".", ",", ";"])
    prose_end_min_words: int = Field(5, ge=1)  # ends a sentence and has this many words: prose
    prose_min_words: int = Field(12, ge=1)  # has a clause mark and this many words: prose
    prose_any_words: int = Field(30, ge=1)  # this many words: prose whatever the punctuation
    title_min_words: int = Field(3, ge=1)
    title_max_words: int = Field(30, ge=1)
    max_header_lines: int = Field(4, ge=0)  # short lines before the title kept as site header


class Bylines(Strict):
    """Lines that open an article: an agency byline or a dateline ("واشنطن -")."""

    names: list[str] = Field(default_factory=list)  # whole line, punctuation ignored
    prefixes: list[str] = Field(default_factory=list)  # words that may come before a name
    datelines: list[str] = Field(default_factory=list)  # regexes, full match on the normalised line

    @field_validator("datelines")
    @classmethod
    def _regexes(cls, patterns: list[str]) -> list[str]:
        return _check_regexes(patterns)


class BoilerplateRule(Strict):
    """One kind of boilerplate and the markers that reveal it.

    block: `line` (that line only), `list_after` (the marker line and the short lines after it,
    until prose, a byline or another rule), `tail` (from the marker to the end of the page),
    `title_repeat` (a line repeating the page title, alone or followed by " - site name").
    Markers: `starts_with` (the line begins with it; `glued` lets text follow without a space),
    `equals` (the whole line, punctuation ignored), `patterns` (regexes, full match on the
    normalised line). Rule strings are normalised like the text, so one spelling covers all.
    """

    id: str = Field(pattern=RULE_ID)
    description: str
    block: BlockKind
    starts_with: list[str] = Field(default_factory=list)
    equals: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    glued: bool = False
    allow_prose: bool = False  # also match lines that read as prose (strong markers only)
    max_words: int | None = Field(None, ge=1)
    ends_article: bool = True  # a `line` after which prose is a new (embedded) article
    ends_list: bool = True  # a `line` that closes a list block instead of belonging to it
    separators: list[str] = Field(default_factory=lambda: [" - ", " | ", " – ", " — ", " :: "])
    examples: list[str] = Field(default_factory=list)  # lines this rule must match
    counter_examples: list[str] = Field(default_factory=list)  # lines it must not match

    @field_validator("patterns")
    @classmethod
    def _regexes(cls, patterns: list[str]) -> list[str]:
        _check_regexes(patterns)
        if len(patterns) > 1:  # a rule's patterns are compiled as one alternation
            try:
                re.compile("|".join(f"(?:{p})" for p in patterns))
            except re.error as exc:
                raise ValueError(f"these patterns cannot be combined into one regex ({exc}); "
                                 "rename repeated group names") from exc
        return patterns

    @model_validator(mode="after")
    def _has_markers(self) -> BoilerplateRule:
        if self.block != "title_repeat" and not (self.starts_with or self.equals or self.patterns):
            raise ValueError(f"rule {self.id!r}: give at least one of starts_with, equals, patterns")
        return self


class BoilerplateFile(Strict):
    language: str
    settings: LayoutSettings = Field(default_factory=LayoutSettings)
    bylines: Bylines = Field(default_factory=Bylines)
    rules: list[BoilerplateRule]

    @field_validator("rules")
    @classmethod
    def _unique_ids(cls, rules: list[BoilerplateRule]) -> list[BoilerplateRule]:
        seen: set[str] = set()
        for rule in rules:
            if rule.id in seen:
                raise ValueError(f"duplicate rule id {rule.id!r}")
            seen.add(rule.id)
        return rules


# --------------------------------------------------------------------------- published.yaml

Unit = Literal["minute", "hour", "day", "week", "month", "year"]
MonthNumber = Annotated[int, Field(ge=1, le=12)]

PLACEHOLDERS = ("day", "month", "month_name", "year", "ordinal")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def expand_format(template: str, month_names: str = "m", ordinals: str = "th") -> str:
    """Turn a date-format template into a regex.

    {day} {month} {year} are numbers, {month_name} one of the month names, {ordinal} an ordinal
    suffix ("th"); a space means optional whitespace; every other character is regex syntax.
    """
    groups = {
        "day": r"(?<!\d)(?P<day>\d{1,2})(?!\d)",
        "month": r"(?<!\d)(?P<month>\d{1,2})(?!\d)",
        "year": r"(?<!\d)(?P<year>\d{4})(?!\d)",
        "month_name": rf"(?<![^\W\d_])(?P<month_name>{month_names})(?![^\W\d_])",
        "ordinal": f"(?:{ordinals})",
    }
    out: list[str] = []
    pos = 0
    for match in _PLACEHOLDER.finditer(template):
        out.append(template[pos : match.start()].replace(" ", r"\s*"))
        name = match.group(1)
        if name not in groups:
            raise ValueError(f"unknown placeholder {{{name}}} (use one of {', '.join(PLACEHOLDERS)})")
        out.append(groups[name])
        pos = match.end()
    out.append(template[pos:].replace(" ", r"\s*"))
    return "".join(out)


class DateExample(Strict):
    text: str
    date: dt.date


class DateFormat(Strict):
    """A way of writing a date, as a template (see expand_format), with examples run as tests."""

    id: str = Field(pattern=RULE_ID)
    pattern: str
    examples: list[DateExample] = Field(default_factory=list)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        names = set(_PLACEHOLDER.findall(pattern))
        if "day" not in names or "year" not in names or not names & {"month", "month_name"}:
            raise ValueError("a date format needs {day}, {year} and {month} or {month_name}")
        try:
            re.compile(expand_format(pattern))
        except re.error as exc:
            raise ValueError(f"bad date format {pattern!r}: {exc}") from exc
        return pattern


class RelativeUnit(Strict):
    unit: Unit
    words: list[str] = Field(min_length=1)
    count: int | None = Field(None, ge=1)  # a dual ("شهرين") carries its own count


class RelativeExample(Strict):
    text: str
    count: int
    unit: Unit


class RelativeRules(Strict):
    """"منذ 9 شهر" / "9 months ago": words before or after an amount and a unit."""

    before: list[str] = Field(default_factory=list)
    after: list[str] = Field(default_factory=list)
    number_words: dict[str, int] = Field(default_factory=dict)  # "a" / "an" hour ago
    units: list[RelativeUnit] = Field(min_length=1)
    examples: list[RelativeExample] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_anchor(self) -> RelativeRules:
        if not self.before and not self.after:
            raise ValueError("give `before` words (منذ) or `after` words (ago)")
        return self


Weekday = Annotated[int, Field(ge=0, le=6)]  # 0 = Monday, as Python counts
LineKind = Literal["published", "updated", "clock", "bare", "dateline", "none"]


class HeaderExample(Strict):
    """A page's top lines and what the date on them is taken for (run when the rules load)."""

    text: str  # one line, or a line and the line after it ("السبت 20 أبريل 2024\nرئيس التحرير")
    kind: LineKind  # published: announced by a label; bare: a line that is just a date
    date: dt.date | None = None


class ArticleDayExample(Strict):
    text: str
    weekday: Weekday | None  # None: no phrase naming the article's day
    offset: int = 0


class ArticleDays(Strict):
    """Phrases in which an article names its own day ("اليوم الجمعة", "أمس الخميس"): a weekday
    after a word counting days from publication. A date the header offers is checked with them."""

    words: dict[str, int] = Field(min_length=1)  # اليوم: 0, أمس: -1
    prose_lines: int = Field(6, ge=1)  # the first prose lines of a page searched for them
    # a page's only date may be this many days after the day its article calls "today" (a page
    # stamped after midnight, or in another time zone): the window then runs from that day to it
    late_days: int = Field(1, ge=0, le=3)
    examples: list[ArticleDayExample] = Field(default_factory=list)


class PublishedFile(Strict):
    """Where a page states its own publication date, and how dates are written."""

    language: str
    header_lines: int = Field(15, ge=1)  # only this many non-empty lines from the top are read
    labels: list[str] = Field(default_factory=list)  # "تاريخ النشر", "Published"
    heading_labels: list[str] = Field(default_factory=list)  # alone on the line above its date ("Time")
    stamp_labels: list[str] = Field(default_factory=list)  # open the first line: " date 2025-08-24"
    updated_labels: list[str] = Field(default_factory=list)  # "آخر تحديث", "Updated": not publication
    # a page whose only date is an "updated" one was published within these days before it
    updated_window_days: int = Field(6, ge=0, le=6)
    clock_markers: list[str] = Field(default_factory=list)  # on a date's line or the next: the site's clock
    weekdays: dict[Weekday, list[str]] = Field(default_factory=dict)
    article_days: ArticleDays | None = None
    header_examples: list[HeaderExample] = Field(default_factory=list)
    months: dict[MonthNumber, list[str]] = Field(default_factory=dict)
    ordinal_suffixes: list[str] = Field(default_factory=list)
    ignore_words: list[str] = Field(default_factory=list)  # allowed beside a bare date line
    # a line with a date and a clock time may hold this many other words (a section name, a time
    # zone, a byline) and still be the page's date line ("سياسة - 16:42 10-03-2026")
    timestamp_words: int = Field(0, ge=0, le=6)
    # the lead may open with a dateline: up to this many words (a city, an agency), a dash, the
    # date, then a colon or a dash ("القاهرة - 14 أكتوبر 2025: ..."); 0: none are read
    dateline_words: int = Field(0, ge=0, le=8)
    # a publication label counts with at most this many words before it on its line, or after a
    # separator (a byline, a section: "كتب: محمد السيد - نشر بتاريخ"); further into a sentence
    # ("استقبلت بتاريخ 8 ديسمبر") it dates the news told
    label_words: int = Field(4, ge=0, le=20)
    formats: list[DateFormat] = Field(default_factory=list)
    relative: RelativeRules | None = None
