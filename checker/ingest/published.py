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
from checker.rules.published import (
    FIRST_DAY,
    LAST_DAY,
    ArticleDay,
    PublishedRules,
    RelativeAge,
    article_days,
    find_date,
    find_relative,
    in_range,
    make_date,
    read_line,
)
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


def range_problem(value: Any) -> str | None:
    """Why a metadata date that is a real date was still refused ("is outside the years ..."), if so."""
    day = value.date() if isinstance(value, dt.datetime) else value if isinstance(value, dt.date) else None
    if isinstance(value, str) and (iso := _ISO.match(value)):
        try:
            day = dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    if day is not None and in_range(day) is None:
        return f"is outside the years {FIRST_DAY.year}-{LAST_DAY.year}"
    return None


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
        return in_range(value.date())
    if isinstance(value, dt.date):
        return in_range(value)
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


@dataclass(frozen=True)
class Candidate:
    """A date the top of a page offers as its own, and what kind of line offers it."""

    day: dt.date
    kind: str  # published (labelled) | stamp | bare | clock | updated
    line: str  # the page line, as written (the stamp alone for a stamp)
    index: int  # of the line among the top lines; a stamp is line 0
    label: str | None = None
    weekday: int | None = None

    def describe(self) -> str:
        if self.kind == "published":
            return f"announced by '{self.label}'"
        return {
            "stamp": "the date the page store gives the page",
            "bare": "a line that is only a date",
            "dateline": f"the dateline of the lead ('{self.label}')",
            "clock": "the site's clock",
            "updated": f"updated time ('{self.label}')",
        }[self.kind]


# A page's own date sits near the start of its line: a long line (a paragraph, or a hostile
# page of one endless line) is read only this far for dates and the article's own day.
HEADER_LINE_CHARS = 1000

# the kinds of candidate, strongest first: a label announcing publication beats the page
# store's date line, which beats a line that is only a date, which beats the dateline opening
# the lead ("القاهرة - 14 أكتوبر 2025: ..."); the site's clock comes last
KIND_ORDER = ("published", "stamp", "bare", "dateline", "clock")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _stamp(lines: list[str], rules: PublishedRules) -> tuple[Candidate | None, list[str]]:
    """The page store's date line (" date 2025-08-24 ..." opening the page), and the lines with
    it taken off the first one."""
    if not lines or rules.stamp is None:
        return None, lines
    folded = fold(lines[0])
    m = rules.stamp.match(folded.text)
    day = make_date(int(m.group("y")), int(m.group("m")), int(m.group("d"))) if m else None
    if m is None or day is None:
        return None, lines
    end = folded.to_original(m.start(), m.end())[1]
    rest = lines[0][end:].strip()
    return Candidate(day, "stamp", lines[0][:end].strip(), 0), ([rest] if rest else []) + lines[1:]


def _candidates(lines: list[str], rules: PublishedRules, settings: LayoutSettings) -> list[Candidate]:
    """Every date the top lines offer as the page's own: labelled and updated dates and
    datelines anywhere in them, bare date lines above the first line of prose."""
    out: list[Candidate] = []
    prose = next((i for i, line in enumerate(lines) if is_prose(line, settings)), len(lines))
    for i, line in enumerate(lines):
        above = lines[i - 1] if i else None
        below = lines[i + 1] if i + 1 < len(lines) else None
        for found in read_line(line, rules, above, below):
            if (found.kind in ("published", "updated") or (found.kind in ("bare", "clock") and i < prose)
                    or found.kind == "dateline"):
                shown = line[: found.span[1]] if found.kind == "dateline" else line  # the lead goes on
                out.append(Candidate(found.day, found.kind, shown, i, found.label, found.weekday))
    return out


def _article_days(body_lines: list[str], rules: PublishedRules, settings: LayoutSettings) -> list[ArticleDay]:
    """The phrases in the first prose lines in which the article names its own day."""
    if rules.article_day is None:
        return []
    out: list[ArticleDay] = []
    read = 0
    for line in body_lines:
        if read >= rules.article_prose_lines:
            break
        if is_prose(line, settings):
            read += 1
            out += article_days(line, rules)
    return out


def _fit(day: dt.date, phrases: list[ArticleDay]) -> int:
    """How many of the article's own-day phrases `day` fits, less how many it contradicts."""
    return sum(1 if (_shift(day, p.offset) or day).weekday() == p.weekday else -1 for p in phrases)


def _shift(day: dt.date, days: int) -> dt.date | None:
    """`day` moved by `days`, or None past the ends of the calendar (a page dated 0001-01-01)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def _quoted(phrases: list[ArticleDay]) -> str:
    return ", ".join(f"'{p}'" for p in dict.fromkeys(p.phrase for p in phrases))


def choose(candidates: list[Candidate], phrases: list[ArticleDay]) -> tuple[Candidate, list[str]] | None:
    """The candidate taken for the publication date and, for each other date, why it lost.

    Evidence, in this order: the site's clock (a marked clock line, or a weekday and a date
    alone on the first line with another date below) is never the publication date; a date the
    article's own-day phrases fit beats one they contradict; then the kind of line (KIND_ORDER);
    then the topmost line. Updated times are never taken here. None when nothing is left."""
    pool = [c for c in candidates if c.kind != "updated"]
    days = {c.day for c in pool}
    reasons: dict[dt.date, list[str]] = {}
    marked = []
    for c in pool:
        if c.kind == "clock" or (c.kind == "bare" and c.index == 0 and c.weekday is not None and len(days) > 1):
            reasons.setdefault(c.day, []).append("the site's clock")
            c = Candidate(c.day, "clock", c.line, c.index, c.label, c.weekday)
        marked.append(c)
    pool = [c for c in marked if c.kind != "clock"]
    if not pool:
        return None
    if phrases and len({c.day for c in marked}) > 1:
        best = max(_fit(c.day, phrases) for c in pool)
        for c in marked:
            if _fit(c.day, phrases) < best:
                why = f"a {WEEKDAY_NAMES[c.day.weekday()]}, which the article's {_quoted(phrases)} does not fit"
                if why not in reasons.setdefault(c.day, []):
                    reasons[c.day].append(why)
        pool = [c for c in pool if _fit(c.day, phrases) == best]
    pool.sort(key=lambda c: (KIND_ORDER.index(c.kind), c.index))
    chosen = pool[0]
    for c in pool[1:]:
        if c.day != chosen.day and c.day not in reasons:
            reasons[c.day] = [f"{c.describe()}, weaker evidence"]
    for c in marked:  # a clock showing the chosen day is no rival
        if c.day == chosen.day:
            reasons.pop(c.day, None)
    lost = []
    for c in marked:
        if c.day in reasons:
            lost.append(f"not {c.day.isoformat()} on '{_quote(c.line, 60)}': {', and '.join(reasons.pop(c.day))}")
    return chosen, lost


def _late(chosen: Candidate, phrases: list[ArticleDay], late_days: int) -> dt.date | None:
    """The day the article calls its own when all its phrases put it 1..late_days days before
    the chosen date (a page stamped after midnight, or in another time zone), else None."""
    if not phrases or _fit(chosen.day, phrases) >= 0:
        return None
    for back in range(1, late_days + 1):
        day = _shift(chosen.day, -back)
        if day is not None and _fit(day, phrases) == len(phrases):
            return day
    return None


def _dated(candidates: list[Candidate], phrases: list[ArticleDay], rules: PublishedRules) -> Published | None:
    """The publication date the top lines give, with how it was chosen, or None."""
    picked = choose(candidates, phrases)
    if picked is None:
        updated = [c for c in candidates if c.kind == "updated"]
        if not updated:
            clocks = [c for c in candidates if c.kind in ("clock", "bare")]
            if clocks:
                return Published(how=f"unknown: the only date at the top of the page, on '{_quote(clocks[0].line, 60)}', "
                                     f"is the site's clock")
            return None
        u, span = updated[0], rules.updated_window_days
        return Published(date_from=_shift(u.day, -span) or u.day, date_to=u.day,
                         how=f"estimated: within {span} days up to the updated time on page line '{_quote(u.line)}' "
                             f"(the page shows no publication date)")
    chosen, lost = picked
    how = f"page line '{_quote(chosen.line)}'"
    notes = []
    if chosen.kind in ("stamp", "dateline"):
        notes.append(chosen.describe())
    elif lost and chosen.kind == "published":
        notes.append(chosen.describe())
    if phrases and lost and _fit(chosen.day, phrases) > 0:
        notes.append(f"the article's {_quoted(phrases)} fits it")
    notes += lost
    late = _late(chosen, phrases, rules.late_days)
    if late is not None:
        return Published(date_from=late, date_to=chosen.day,
                         how=f"estimated: {late.isoformat()}..{chosen.day.isoformat()}: {how} gives "
                             f"{chosen.day.isoformat()}, a {WEEKDAY_NAMES[chosen.day.weekday()]}, and the article's "
                             f"{_quoted(phrases)} puts it on {late.isoformat()}" + "".join(f"; {n}" for n in notes))
    return Published(date_from=chosen.day, date_to=chosen.day,
                     how=how + (f" ({'; '.join(notes)})" if notes else ""))


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

    Order: the front-matter (or JSON) value; an HTML meta tag; the dates at the top of the page
    (labelled lines such as "تاريخ النشر: 19th, May 2025 GMT", the page store's " date
    2025-08-24" line, lines that are just a date above the first prose line), the strongest by
    the evidence `choose` weighs; an updated time alone gives a window up to it; then a
    relative age ("منذ 9 شهر") after a label or above the first prose line, anchored on `now`.
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
    top_lines = [line[:HEADER_LINE_CHARS] for line in header_lines(doc_text_view, rules.header_lines)]
    stamp, lines = _stamp(top_lines, rules)
    candidates = ([stamp] if stamp else []) + _candidates(lines, rules, settings)
    if candidates:
        body = [line[:HEADER_LINE_CHARS] for line in
                header_lines(doc_text_view, rules.header_lines + rules.article_prose_lines * 4)]
        phrases = _article_days(_stamp(body, rules)[1], rules, settings)
        dated = _dated(candidates, phrases, rules)
        if dated is not None:
            return dated
    for line in lines:
        label = rules.label.search(fold(line).text) if rules.label else None
        if label is None:
            continue
        after = line[fold(line).to_original(label.start(), label.end())[1] :]
        age = find_relative(after, rules)
        if age:
            return _relative(line, after[age.start : age.end], age, now)
    top: list[str] = []
    for line in lines:
        if is_prose(line, settings):
            break
        top.append(line)
    for line in top:
        age = find_relative(line, rules)
        if age and _only_date_left(line, (age.start, age.end), rules):
            return _relative(line, line[age.start : age.end], age, now)
    return Published(how="unknown: no date in front matter, meta tags or the top lines of the page")


def _relative(line: str, phrase: str, age: RelativeAge, now: dt.date | None) -> Published:
    if now is None:
        return Published(how=f"unknown: the page only says '{phrase}' (give --now to anchor it)")
    try:
        first, last = anchor(age, now)
    except (ValueError, OverflowError):  # "منذ 99999 سنة": before the first day of the calendar
        first = last = None
    if in_range(first) is None or in_range(last) is None:
        return Published(how=f"unknown: '{phrase}' counted back from --now {now.isoformat()} is not a plausible date")
    return Published(
        date_from=first,
        date_to=last,
        how=f"page line '{_quote(line)}': '{phrase}' counted back from --now {now.isoformat()}",
    )
