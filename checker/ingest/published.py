"""When was a page published: front matter, HTML meta, or a line at the top of the page.

Relative dates in articles ("أمس", "الاثنين الماضي") are anchored on the publication date, so
getting it right matters and saying how it was learned matters as much. The label words, month
names and date formats are data in rules/*/published.yaml; this module only applies them.

Relative page ages ("منذ 9 شهر", "منذ 3 أيام", "9 months ago") are anchored on `now` (the
day the page was saved or read, given by the caller; --now on the command line) and become a
day interval, because sites round the age down to whole units:

- minutes and hours: N hours ago is within the last day or the one before it:
  [now - (N // 24 + 1) days, now - N // 24 days] (minutes are counted as N / 60 hours);
- days: exactly now - N days;
- weeks: [now - 7(N + 1) + 1 days, now - 7N days];
- months: [now - (N + 1) months, now - N months] ("منذ 9 شهر" is 9 to 10 months ago);
- years: [now - (N + 1) years, now - N years].

Without `now` a relative age gives an unknown date whose `how` quotes the phrase.
Only the page's own timestamp counts: a relative phrase is read only from the lines above
the first line of prose, never from latest-news lists further down.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from checker.rules.boilerplate import is_prose
from checker.rules.ingest_schema import LayoutSettings
from checker.rules.published import PublishedRules, RelativeAge, find_date, find_relative, make_date
from checker.rules.ruleset import load_published_rules
from checker.text.fold import fold, key
from checker.models import Published

# HTML meta names that carry the publication date, most specific first.
META_DATE_NAMES: tuple[str, ...] = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "time pubdate",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dc.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
)

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")


def _months_back(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + (day.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def anchor(age: RelativeAge, now: dt.date) -> tuple[dt.date, dt.date]:
    """The day interval a relative age means, counted back from `now` (rules in the module doc)."""
    n = age.count
    if age.unit in ("minute", "hour"):
        whole_days = int((n / 60 if age.unit == "minute" else n) // 24)
        return now - dt.timedelta(days=whole_days + 1), now - dt.timedelta(days=whole_days)
    if age.unit == "day":
        day = now - dt.timedelta(days=n)
        return day, day
    if age.unit == "week":
        return now - dt.timedelta(days=7 * (n + 1) - 1), now - dt.timedelta(days=7 * n)
    months = 12 if age.unit == "year" else 1
    return _months_back(now, months * (n + 1)), _months_back(now, months * n)


def _only_date_left(text: str, span: tuple[int, int], rules: PublishedRules) -> bool:
    """Is `text` just the date at `span` plus clock times, digits and ignorable words?"""
    rest = _CLOCK.sub(" ", text[: span[0]] + " " + text[span[1] :])
    return all(w.isdigit() or w in rules.ignore_words for w in key(rest).split())


def parse_published_value(value: Any, rules: PublishedRules | None = None) -> dt.date | None:
    """A publication date given as metadata (front matter, JSON, meta tag), or None if invalid.

    Accepts a date, a datetime, an ISO string ("2025-05-19", "2025-05-19T10:00:00+03:00",
    the date as written, not converted to UTC) or a string that is just a date in a format
    the rules know ("19 مايو 2025").
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    iso = _ISO.match(value)
    if iso:
        return make_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    rules = rules or load_published_rules()
    found = find_date(value, rules)
    if found and _only_date_left(value, found[1], rules):
        return found[0]
    return None


def header_lines(text: str, limit: int) -> list[str]:
    """The first `limit` non-empty lines of `text`, trimmed."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if line:
            out.append(line)
            if len(out) >= limit:
                break
    return out


def _quote(line: str, limit: int = 120) -> str:
    return line if len(line) <= limit else line[: limit - 1] + "…"


def find_published(
    doc_text_view: str,
    front_matter_value: Any = None,
    now: dt.date | None = None,
    *,
    meta: Sequence[tuple[str, str]] = (),
    rules: PublishedRules | None = None,
    settings: LayoutSettings | None = None,
    value_how: str = "front matter",
) -> Published:
    """The publication date of a page, and how it was learned.

    Order: the front-matter (or JSON) value; an HTML meta tag; a labelled line among the
    top lines ("تاريخ النشر: 19th, May 2025 GMT"); a line above the first prose line that is
    just a date; a relative age above the first prose line ("منذ 9 شهر"), anchored on `now`.
    `doc_text_view` is the plain text of the page body (front matter excluded); `value_how`
    names where `front_matter_value` came from (e.g. "jsonl field published").
    """
    rules = rules or load_published_rules()
    settings = settings or LayoutSettings()
    if isinstance(now, dt.datetime):
        now = now.date()
    day = parse_published_value(front_matter_value, rules)
    if day is not None:
        return Published(date_from=day, date_to=day, how=value_how)
    by_name = {name: content for name, content in reversed(list(meta))}  # first occurrence wins
    for name in META_DATE_NAMES:
        if name in by_name:
            day = parse_published_value(by_name[name], rules)
            if day is not None:
                return Published(date_from=day, date_to=day, how=f"html meta {name}")
    lines = header_lines(doc_text_view, rules.header_lines)
    for line in lines:
        label = rules.label.search(fold(line).text) if rules.label else None
        if label is None:
            continue
        after = line[fold(line).to_original(label.start(), label.end())[1] :]
        found = find_date(after, rules)
        if found:
            return Published(date_from=found[0], date_to=found[0], how=f"page line '{_quote(line)}'")
        age = find_relative(after, rules)
        if age:
            return _relative(line, after[age.start : age.end], age, now)
    top: list[str] = []
    for line in lines:
        if is_prose(line, settings):
            break
        top.append(line)
    for line in top:
        found = find_date(line, rules)
        if found and _only_date_left(line, found[1], rules):
            return Published(date_from=found[0], date_to=found[0], how=f"page line '{_quote(line)}'")
    for line in top:
        age = find_relative(line, rules)
        if age and _only_date_left(line, (age.start, age.end), rules):
            return _relative(line, line[age.start : age.end], age, now)
    return Published(how="unknown: no date in front matter, meta tags or the top lines of the page")


def _relative(line: str, phrase: str, age: RelativeAge, now: dt.date | None) -> Published:
    if now is None:
        return Published(how=f"unknown: the page only says '{phrase}' (give --now to anchor it)")
    first, last = anchor(age, now)
    return Published(
        date_from=first,
        date_to=last,
        how=f"page line '{_quote(line)}': '{phrase}' counted back from --now {now.isoformat()}",
    )
