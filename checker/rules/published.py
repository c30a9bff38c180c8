"""Publication-date rules (every rules/<lang>/published.yaml) merged and compiled, and applied.

Labels ("تاريخ النشر"), month names, date formats and relative ages ("منذ 9 شهر") are data;
this module turns them into regexes on normalised text and finds dates with them. The finding
functions live beside the compiled rules because the rule files' examples are run with them
when the files are loaded; checker.ingest.published decides where on a page to look.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from checker.rules.ingest_schema import PublishedFile, expand_format
from checker.rules.loader import RuleError, line_of
from checker.text.fold import LETTER_OR_DIGIT, fold, fold_pattern, fold_word, key, words

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
    # telling the page's own date from the other dates at its top (checker.ingest.published)
    heading: re.Pattern[str] | None = None  # a line that is only a label: its date is on the next line
    updated: re.Pattern[str] | None = None
    updated_heading: re.Pattern[str] | None = None  # a line that is only an updated label
    stamp: re.Pattern[str] | None = None  # groups y, m, d
    clock: re.Pattern[str] | None = None
    weekday: re.Pattern[str] | None = None  # group wd
    weekday_of: dict[str, int] = field(default_factory=dict)
    updated_window_days: int = 6
    timestamp_words: int = 0
    dateline_words: int = 0
    label_words: int = 4
    article_day: re.Pattern[str] | None = None  # groups word, wd
    article_day_offsets: dict[str, int] = field(default_factory=dict)
    article_prose_lines: int = 6
    late_days: int = 1


def _words_regex(words: list[str], whole_line: bool = False) -> re.Pattern[str] | None:
    """Any of `words` as whole words on normalised text (or as the whole line, punctuation aside)."""
    if not words:
        return None
    alt = _alternation(words)
    if whole_line:
        return re.compile(rf"^[\W_]*(?:{alt})[\W_]*$", re.IGNORECASE)
    # a word boundary on the sides where a word has a letter or digit ("°C" may follow "32")
    edge = re.compile(LETTER_OR_DIGIT)
    parts = []
    for w in alt.split("|"):
        bare = w.replace("\\", "")
        parts.append((f"(?<!{LETTER_OR_DIGIT})" if edge.match(bare[:1]) else "") + w
                     + (f"(?!{LETTER_OR_DIGIT})" if edge.match(bare[-1:]) else ""))
    return re.compile("|".join(parts), re.IGNORECASE)


def _add_names(into: dict[str, int], names_of: dict[int, list[str]], section: str, path: str, lines: dict) -> None:
    """Add normalised month or weekday names to `into`; one name for two numbers is an error."""
    for number, names in names_of.items():
        for name in names:
            folded = " ".join(fold_word(name).split())
            if into.get(folded, number) != number:
                raise RuleError(path, line_of(lines, (section, number)), f"{section[:-1]} name {name!r} given two {section}")
            into[folded] = number


def compile_published(files: list[tuple[str, PublishedFile, dict]]) -> PublishedRules:
    """Merge and compile published-date rule files; run their examples as checks."""
    labels: list[str] = []
    month_of: dict[str, int] = {}
    ordinals: list[str] = []
    ignore: set[str] = set()
    unit_of: dict[str, tuple[str, int | None]] = {}
    number_words: dict[str, int] = {}
    header_lines = 1
    heading: list[str] = []
    updated: list[str] = []
    stamps: list[str] = []
    clock: list[str] = []
    weekday_of: dict[str, int] = {}
    day_words: dict[str, int] = {}
    prose_lines, late_days, updated_days, timestamp_words, dateline_words, label_words = 1, 0, 0, 0, 0, 0
    for path, spec, lines in files:
        header_lines = max(header_lines, spec.header_lines)
        labels += spec.labels
        heading += spec.labels + spec.heading_labels
        updated += spec.updated_labels
        stamps += spec.stamp_labels
        clock += spec.clock_markers
        updated_days = max(updated_days, spec.updated_window_days)
        timestamp_words = max(timestamp_words, spec.timestamp_words)
        dateline_words = max(dateline_words, spec.dateline_words)
        label_words = max(label_words, spec.label_words)
        _add_names(weekday_of, spec.weekdays, "weekdays", path, lines)
        if spec.article_days:
            day_words.update({" ".join(fold_word(w).split()): n for w, n in spec.article_days.words.items()})
            prose_lines = max(prose_lines, spec.article_days.prose_lines)
            late_days = max(late_days, spec.article_days.late_days)
        ordinals += spec.ordinal_suffixes
        ignore |= {key(w) for w in spec.ignore_words}
        _add_names(month_of, spec.months, "months", path, lines)
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
        heading=_words_regex(heading, whole_line=True),
        updated=_words_regex(updated),
        updated_heading=_words_regex(updated, whole_line=True),
        stamp=(
            re.compile(rf"^\s*(?:{_alternation(stamps)})\s+(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\d-])", re.IGNORECASE)
            if stamps
            else None
        ),
        clock=_words_regex(clock),
        weekday=(
            re.compile(rf"(?<!{LETTER_OR_DIGIT})(?P<wd>{_alternation(list(weekday_of))})(?!{LETTER_OR_DIGIT})", re.IGNORECASE)
            if weekday_of
            else None
        ),
        weekday_of=weekday_of,
        updated_window_days=updated_days,
        timestamp_words=timestamp_words,
        dateline_words=dateline_words,
        label_words=label_words,
        article_day=(
            re.compile(
                rf"(?<!{LETTER_OR_DIGIT})(?P<word>{_alternation(list(day_words))})[\s(،,]*"
                rf"(?P<wd>{_alternation(list(weekday_of))})(?!{LETTER_OR_DIGIT})",
                re.IGNORECASE,
            )
            if day_words and weekday_of
            else None
        ),
        article_day_offsets=day_words,
        article_prose_lines=prose_lines,
        late_days=late_days,
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
        for j, hx in enumerate(spec.header_examples):
            got_kind, got_day = example_reading(hx.text, rules)
            if (got_kind, got_day) != (hx.kind, hx.date):
                where = line_of(lines, ("header_examples", j))
                raise RuleError(path, where, f"header example {hx.text!r} reads as {got_kind} {got_day or ''}".rstrip()
                                + f", expected {hx.kind} {hx.date or ''}".rstrip())
        if spec.article_days:
            for j, ax in enumerate(spec.article_days.examples):
                found_days = article_days(ax.text, rules)
                got = (found_days[0].weekday, found_days[0].offset) if found_days else (None, 0)
                if got != (ax.weekday, ax.offset if ax.weekday is not None else 0):
                    where = line_of(lines, ("article_days", "examples", j))
                    raise RuleError(path, where, f"article-day example {ax.text!r} reads as weekday {got[0]} offset {got[1]}, "
                                                 f"expected weekday {ax.weekday} offset {ax.offset}")
        if spec.relative:
            for j, rel in enumerate(spec.relative.examples):
                found_rel = find_relative(rel.text, rules)
                if found_rel is None or (found_rel.count, found_rel.unit) != (rel.count, rel.unit):
                    where = line_of(lines, ("relative", "examples", j))
                    raise RuleError(path, where, f"relative example {rel.text!r} is not read as {rel.count} {rel.unit}")


# --------------------------------------------------------------------------- finding dates with them

_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_YEAR = re.compile(r"\d{4}")  # \d: digits of every script, as folding turns them into 0-9


@dataclass(frozen=True)
class RelativeAge:
    """A relative age phrase: `count` `unit`s ago, at [start, end) of the searched text."""

    count: int
    unit: str
    start: int
    end: int


# Dates outside these years are typing errors or probes (9999-12-31), and a date near the ends
# of Python's calendar overflows the day arithmetic of later stages.
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2199, 12, 31)


def in_range(day: dt.date | None) -> dt.date | None:
    """`day` if it is a plausible date for news to be published on or speak of, else None."""
    return day if day is not None and FIRST_DAY <= day <= LAST_DAY else None


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when there is no such day (31 February) or it is implausible (in_range)."""
    try:
        return in_range(dt.date(year, month, day))
    except ValueError:
        return None


def find_date(text: str, rules: PublishedRules) -> tuple[dt.date, tuple[int, int]] | None:
    """The leftmost valid date written in `text` and its span in `text`, by the rule formats."""
    found = find_dates(text, rules)
    return found[0] if found else None


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


def find_dates(text: str, rules: PublishedRules) -> list[tuple[dt.date, tuple[int, int]]]:
    """Every valid date written in `text`, left to right, none overlapping (the longest wins)."""
    if not _YEAR.search(text):  # every format has a four-digit year; most lines have none
        return []
    folded = fold(text)
    found: list[tuple[int, int, dt.date]] = []
    for fmt in rules.formats:
        for m in fmt.regex.finditer(folded.text):
            groups = m.groupdict()
            if groups.get("month_name"):
                month = rules.month_of.get(" ".join(groups["month_name"].split()))
            else:
                month = int(groups["month"]) if groups.get("month") else None
            day = make_date(int(groups["year"]), month, int(groups["day"])) if month else None
            if day is not None:
                found.append((m.start(), m.end(), day))
    out: list[tuple[dt.date, tuple[int, int]]] = []
    end = -1
    for start, stop, day in sorted(found, key=lambda f: (f[0], -f[1])):
        if start >= end:
            out.append((day, folded.to_original(start, stop)))
            end = stop
    return out


@dataclass(frozen=True)
class LineDate:
    """A date on a page line and what the line says it is.

    kind: "published" (a publication label before it on the line, or alone on the line above),
    "updated" (an updated label before it), "bare" (the line is only dates, clock times,
    weekdays and ignorable words), "clock" (a bare date beside a marker of the site's clock on
    its line or the next), "none" (a date inside other text: a caption, a sentence)."""

    day: dt.date
    span: tuple[int, int]
    kind: str
    label: str | None  # the words that announced it, as written
    weekday: int | None  # a weekday named on the line


def _marker_spans(pattern: re.Pattern[str] | None, folded, kind: str) -> list[tuple[int, int, str]]:
    if pattern is None:
        return []
    return [(*folded.to_original(m.start(), m.end()), kind) for m in pattern.finditer(folded.text)]


def line_weekday(line: str, rules: PublishedRules) -> int | None:
    """The weekday named on a line, if one is."""
    if rules.weekday is None:
        return None
    m = rules.weekday.search(fold(line).text)
    return rules.weekday_of.get(" ".join(m.group("wd").split()).lower()) if m else None


def read_line(line: str, rules: PublishedRules, above: str | None = None, below: str | None = None) -> list[LineDate]:
    """The dates on a page line, each with its kind (see LineDate): the nearest label before a
    date on the line decides, else a publication label standing alone on the line above."""
    dates = find_dates(line, rules)
    if not dates:
        return []
    folded = fold(line)
    markers = sorted(_marker_spans(rules.label, folded, "published") + _marker_spans(rules.updated, folded, "updated"))
    clocks = _marker_spans(rules.clock, folded, "clock")
    above_folded = fold(above).text if above is not None else None
    heading = None
    if above_folded is not None:
        if rules.heading is not None and rules.heading.match(above_folded):
            heading = "published"
        elif rules.updated_heading is not None and rules.updated_heading.match(above_folded):
            heading = "updated"
    # what is left of the line without its dates, labels and markers (one pass: lines may be long)
    pieces, pos = [], 0
    for start, stop in sorted([(a, b) for a, b, _ in markers + clocks] + [span for _, span in dates]):
        pieces.append(line[pos:max(pos, start)])
        pos = max(pos, stop)
    rest = " ".join(pieces + [line[pos:]])
    weekday = line_weekday(line, rules)
    other = [w for w in key(_CLOCK.sub(" ", rest)).split()
             if not (w.isdigit() or w in rules.ignore_words or w in rules.weekday_of)]
    bare = not other or (len(other) <= rules.timestamp_words and _CLOCK.search(line) is not None)
    clock = bool(clocks) or (below is not None and rules.clock is not None and rules.clock.search(fold(below).text))
    # the nearest marker before each date, and the nearest updated marker after it, in one
    # sweep each way (a hostile line may hold thousands of both)
    nearest: list[tuple[int, int, str] | None] = []
    k, last = 0, None
    for _, span in dates:
        while k < len(markers) and markers[k][1] <= span[0]:
            last, k = markers[k], k + 1
        nearest.append(last)
    following: list[tuple[int, int, str] | None] = [None] * len(dates)
    k, nxt = len(markers) - 1, None
    for j in range(len(dates) - 1, -1, -1):
        while k >= 0 and markers[k][0] >= dates[j][1][1]:
            if markers[k][2] == "updated":
                nxt = markers[k]
            k -= 1
        following[j] = nxt
    out = []
    for (day, span), before, after in zip(dates, nearest, following):
        if before is not None and len(words(line[:before[0]])) > rules.label_words \
                and not _SEPARATOR_END.search(line[:before[0]]):
            before = None  # a label inside a sentence (no byline or section before a separator): the news's day
        if before is not None:
            start, stop, kind = before
            label: str | None = line[start:stop]
        elif heading and bare:
            kind, label = heading, above.strip() if above else None
        elif bare and after is not None:
            # "16:46 02.12.2025 (تم التحديث: 17:03 02.12.2025)": the time a page was changed
            # follows the time it was published
            kind, label = "published", f"before '{line[after[0]:after[1]]}'"
        elif bare:
            kind, label = "clock" if clock else "bare", None
        elif not out and _is_dateline(line, span, rules.dateline_words):
            kind, label = "dateline", line[: span[0]].strip()
        else:
            kind, label = "none", None
        out.append(LineDate(day, span, kind, label, weekday))
    return out


_DASHES = "-–—"


def _is_dateline(line: str, span: tuple[int, int], max_words: int) -> bool:
    """Does the line open with a dateline ending at this date: a few words and a dash before it,
    a colon or a dash after it ("CAIRO – 14 October 2025: ..."), or the city, the date and the
    agency in brackets before the dash ("جنيف 17 يونيو 2021 (وال) -")?"""
    before, after = line[: span[0]].rstrip(), line[span[1] :].lstrip()
    if not 0 < len(words(before)) <= max_words:
        return False
    if AGENCY_DASH.match(after):
        return True
    return before[-1] in _DASHES + ",،" and after != "" and after[0] in _DASHES + ":"


_SEPARATOR_END = re.compile(r"[-–—|:•/]\s*$")  # "كتب: محمد السيد - نشر بتاريخ", "أخبار العالم | نشر في"
# after a dateline's date, the agency in brackets and the dash: "(وال) -", "(AFP) –"
AGENCY_DASH = re.compile(r"\s*\(\s*[^()\d]{1,25}?\s*\)\s*[-–—:]")


def example_reading(text: str, rules: PublishedRules) -> tuple[str, dt.date | None]:
    """What a header example's first dated line reads as: (kind, date) of its first date."""
    lines = [line for line in text.split("\n") if line.strip()]
    for i, line in enumerate(lines):
        found = read_line(line, rules, lines[i - 1] if i else None, lines[i + 1] if i + 1 < len(lines) else None)
        if found:
            return found[0].kind, found[0].day
    return "none", None


@dataclass(frozen=True)
class ArticleDay:
    """An article naming its own day: `weekday` is publication day + `offset` ("أمس الخميس")."""

    weekday: int
    offset: int
    phrase: str  # as written


def article_days(text: str, rules: PublishedRules) -> list[ArticleDay]:
    """Every phrase in `text` naming the article's day ("اليوم الجمعة", "أمس الخميس")."""
    if rules.article_day is None:
        return []
    folded = fold(text)
    out = []
    for m in rules.article_day.finditer(folded.text):
        start, stop = folded.to_original(m.start(), m.end())
        out.append(ArticleDay(rules.weekday_of[" ".join(m.group("wd").split()).lower()],
                              rules.article_day_offsets[" ".join(m.group("word").split()).lower()],
                              text[start:stop]))
    return out
