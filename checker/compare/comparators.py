"""Typed comparisons: two values conflict only when they cannot both be true.

Each comparator returns None when the values can both hold, or the check id (a key of
policy.yaml `checks`) when they cannot. `COMPARATORS` maps each value kind to its comparator
(checker/rules/kinds.py lists the kinds): the comparer dispatches on the kind, so a new
attribute of a known kind is compared without code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple
from zoneinfo import ZoneInfo

from checker.models import (
    CountValue,
    DateValue,
    DurationValue,
    InitiatorValue,
    LabelValue,
    NumberValue,
    OrdinalValue,
    PersonValue,
    PlaceValue,
    TimeValue,
    TitleValue,
)
from checker.resolve.dates import ended_on
from checker.rules.ruleset import RuleSet, place_countries


def _stated_days(v: DateValue) -> tuple[dt.date, dt.date] | None:
    """The days a date says the event took: one day, or a span the page states ("23-24 January");
    not the window of a day that is only estimated (a relative day on a page of unknown date)."""
    if v.date_from is None or v.date_to is None:
        return None
    if v.date_from != v.date_to and v.how.startswith(("relative", "weekday")):
        return None
    return v.date_from, v.date_to


def _weekdays(v: DateValue) -> set[int]:
    """The weekdays a date may fall on: its own, or those of a span of a few days it covers
    (the small hours of Friday: an event that began on Thursday)."""
    if v.date_from is not None and v.date_to is not None and 0 < (v.date_to - v.date_from).days < 7:
        return {(v.date_from + dt.timedelta(days=k)).weekday() for k in range((v.date_to - v.date_from).days + 1)}
    if v.weekday is not None and ended_on(v):  # "ended early Friday", no day known: Friday or Thursday
        return {v.weekday, (v.weekday - 1) % 7}
    return {v.weekday} if v.weekday is not None else set()


def _weekday_only(v: DateValue) -> bool:
    """A weekday and nothing else: no day, no window, no day of the month."""
    return v.weekday is not None and v.date_from is None and v.date_to is None \
        and v.month is None and v.day_of_month is None


def dates(a: DateValue, b: DateValue) -> str | None:
    sa, sb = _stated_days(a), _stated_days(b)
    if sa and sb and (sa[0] != sa[1] or sb[0] != sb[1]):  # a span: the days must overlap
        return "conflict.date" if sa[1] < sb[0] or sb[1] < sa[0] else None
    if a.day is None or b.day is None:
        if a.day is None and b.day is None and a.weekday is not None and b.weekday is not None \
                and not _weekdays(a) & _weekdays(b):
            return "conflict.date"
        # "مساء الأربعاء" on an undated page against Thursday the 23rd: the weekday is the page's day
        dated, bare = (a, b) if b.day is None else (b, a)
        if dated.day is not None and _weekday_only(bare) and dated.day.weekday() not in _weekdays(bare):
            return "conflict.date"
        return None
    return "conflict.date" if a.day != b.day else None


def a_day_apart(a: DateValue, b: DateValue) -> bool:
    """Do two dates name days exactly one apart (two days, or two weekdays alone)?"""
    if a.day is not None and b.day is not None:
        return abs((a.day - b.day).days) == 1
    wa, wb = _weekdays(a), _weekdays(b)
    return len(wa) == 1 and len(wb) == 1 and (next(iter(wa)) - next(iter(wb))) % 7 in (1, 6)


UNNAMED_PART = "other_part"  # the label of rules' durations `parts` that name no part by itself


def durations(a: DurationValue, b: DurationValue) -> str | None:
    """Intervals overlap = agreement ("more than two hours" has no upper bound). The length of
    a part (the first session, the one-on-one) is compared only with that part's; a part named
    only by pointing back ("that round", durations `parts` other_part) is not known to be the
    same part as another's, and is compared with nothing."""
    if a.part != b.part or a.part == UNNAMED_PART:
        return None
    lo = max(a.min, b.min)
    hi = min(x for x in (a.max, b.max, float("inf")) if x is not None)
    if a.max is None and b.max is not None and b.max <= a.min:
        return "conflict.duration"  # "more than 120" vs "at most 120"
    if b.max is None and a.max is not None and a.max <= b.min:
        return "conflict.duration"
    return None if lo <= hi else "conflict.duration"


def _instants(t: TimeValue, day: dt.date) -> list[dt.datetime]:
    zones = [t.zone] if t.zone else list(t.candidates)
    hours = [t.hour] + ([t.hour + 12] if t.clock12 and t.hour < 12 else [])
    out = []
    for z in zones:
        for h in hours:
            local = dt.datetime(day.year, day.month, day.day, h % 24, t.minute, tzinfo=ZoneInfo(z))
            out.append(local.astimezone(dt.timezone.utc))
    return out


def same_phase(a: TimeValue, b: TimeValue) -> bool:
    """Can the two be accounts of one moment? A start and an end time cannot, nor can an end
    time and a time that does not say which it is (a bare time of a call is when it began), nor
    a planned time and any other."""
    return a.phase == b.phase or {a.phase, b.phase} == {None, "start"}


_DAY = dt.timedelta(days=1)


def _close(x: dt.datetime, y: dt.datetime, tol: dt.timedelta) -> bool:
    """One moment, give or take `tol`, whatever local date each side put it on: 15:35 in
    Washington on Thursday is 04:35 in Singapore on Friday."""
    d = abs(x - y) % _DAY
    return min(d, _DAY - d) <= tol


def times(a: TimeValue, b: TimeValue, day: dt.date | None, tolerance_minutes: int) -> str | None:
    """Compared as instants on the event's day; an unzoned time conflicts with nothing it could
    equal. With the day unknown, two zoned times conflict when no day of the year makes them one
    instant ("15:35 Washington time" and "13:35 Eastern time" never are)."""
    if not same_phase(a, b):
        return None
    if day is None:
        if a.zone is None or b.zone is None:
            return None
        tol = dt.timedelta(minutes=tolerance_minutes)
        return None if any(_close(x, y, tol) for d in SAMPLE_DAYS for x in _instants(a, d) for y in _instants(b, d)) \
            else "conflict.time"
    ia, ib = _instants(a, day), _instants(b, day)
    if not ia or not ib:
        return None  # no zone and no candidate zone: cannot be compared
    tol = dt.timedelta(minutes=tolerance_minutes)
    if any(_close(x, y, tol) for x in ia for y in ib):
        return None
    if (a.zone is None and not a.candidates) or (b.zone is None and not b.candidates):
        return None
    return "conflict.time" if a.zone and b.zone else None  # only two zoned times can truly clash


# when the day of a restated time is unknown: days across one year, so that either side of a
# daylight-saving change is tried (a fixed year keeps the output the same from run to run)
SAMPLE_DAYS = tuple(dt.date(2024, month, 15) for month in range(1, 13))


ZONE_STEP_MINUTES = 15  # every time zone is a whole number of quarter hours from UTC


def restated(a: TimeValue, b: TimeValue, days: list[dt.date], tolerance_minutes: int) -> str | None:
    """"9:30 a.m. (13:03 GMT)": `b` gives `a` in another zone; they must be one instant on
    some day that may be the event's. The bracket is where the page names its other zone:
    without one (or with a zone the rules lack) nothing is found. For an unzoned `a` the
    parties' zones are only guesses (the bracket may be right and the guess wrong: an event in
    a city the rules lack), so only what no zone can make one instant is found: every zone is
    a whole number of quarter hours from UTC, and 9:30 restated as 13:03 is not."""
    if b.zone is None:
        return None
    if a.zone is None:
        apart = (a.hour * 60 + a.minute) - (b.hour * 60 + b.minute)
        return "internal.time" if apart % ZONE_STEP_MINUTES else None
    tol = dt.timedelta(minutes=tolerance_minutes)
    tried = False
    for day in days or SAMPLE_DAYS:
        ia, ib = _instants(a, day), _instants(b, day)
        if not ia or not ib:
            return None
        tried = True
        if any(_close(x, y, tol) for x in ia for y in ib):
            return None
    return "internal.time" if tried else None


def counts(a: CountValue, b: CountValue, about: float = 0.0) -> str | None:
    """Per side and in total agree when per side x 2 = total; a partial (staged) count is not
    compared. A bounded count is an interval ("at least 12" = [12, inf), "about 300" = 300 ±
    the policy's tolerance): two counts conflict when their intervals do not meet."""
    if a.stage or b.stage:
        return None
    if (a.group, a.by) != (b.group, b.by) or a.by == "":
        return None  # other people ("12 Thais" and "13 Israelis"), or one side's count against another's
    ra, rb = _count_range(a, about), _count_range(b, about)
    if ra is None or rb is None:
        return None
    return "conflict.count" if max(ra[0], rb[0]) > min(ra[1], rb[1]) else None


def counts_agree(a: CountValue, b: CountValue, about: float = 0.0) -> bool:
    """Two counts that say the same of the same people (not merely two that cannot be compared)."""
    if a.stage or b.stage or (a.group, a.by) != (b.group, b.by) or a.by == "":
        return False
    ra, rb = _count_range(a, about), _count_range(b, about)
    return ra is not None and rb is not None and max(ra[0], rb[0]) <= min(ra[1], rb[1])


def _count_range(v: CountValue, about: float) -> tuple[float, float] | None:
    total = v.total if v.total is not None else (v.per_side * 2 if v.per_side else None)
    if total is None:
        return None
    if v.bound in ("at_least", "more_than"):
        return total, float("inf")
    if v.bound == "at_most":
        return 0, total
    if v.bound == "about":
        return total * (1 - about), total * (1 + about)
    return total, total


def ordinals(a: OrdinalValue, b: OrdinalValue) -> str | None:
    """The fifth round and the sixth of one series cannot both be this event; a visit and a
    round are counted apart ("his fifth visit", "the third round of talks") and never compared."""
    if a.of != b.of:
        return None
    return "conflict.round" if a.round != b.round else None


def numbers(a: NumberValue, b: NumberValue) -> str | None:
    """How many took part, as intervals: 30 and 31 conflict, 31 and "more than 20" do not. An
    open "more than N" meets N itself (outlets write "more than 31" of the 31 the organisers
    count, with the host or a late arrival): its interval starts at N for comparing. Numbers of
    different things (countries; countries and organisations) are never compared."""
    if a.of != b.of:
        return None

    def span(v: NumberValue) -> tuple[float, float]:
        lo = (v.min - 1 if v.bound == "more_than" and v.min is not None else v.min)
        return (lo if lo is not None else 0, v.max if v.max is not None else float("inf"))

    (alo, ahi), (blo, bhi) = span(a), span(b)
    return "conflict.count" if max(alo, blo) > min(ahi, bhi) else None


def initiators(a: InitiatorValue, b: InitiatorValue) -> str | None:
    """Who placed the call. A neutral wording ("X spoke with Y") contradicts nothing; a weak
    one (by custom the subject placed the call) contradicts only at the lower severity."""
    if a.caller == b.caller or "neutral" in (a.strength, b.strength):
        return None
    if a.callee and b.callee and a.callee == b.caller and b.callee == a.caller or a.callee is None or b.callee is None:
        return "conflict.initiator" if a.strength == b.strength == "strong" else "conflict.initiator.weak"
    return None


def places(a: PlaceValue, b: PlaceValue, rs: RuleSet | None = None) -> str | None:
    """Two places, unless they are one, or one is the country the other lies in (Algiers and
    Algeria)."""
    if a.place == b.place:
        return None
    if rs is not None:
        country = place_countries(rs)
        if country.get(a.place) == b.place or country.get(b.place) == a.place:
            return None
    return "conflict.place"


def persons(a: PersonValue, b: PersonValue) -> str | None:
    return "conflict.person" if a.person != b.person else None


def titles(a: TitleValue, b: TitleValue, rs: RuleSet) -> str | None:
    """One person's two titles: the same post with another status or country, or two standing
    offices that the rules do not list as compatible."""
    if a.role == b.role:
        if a.country and b.country and a.country != b.country:
            return "conflict.title"
        if "then" in (a.status, b.status):
            return None  # "the president at the time" fits any status on the page's own day
        return "conflict.title" if a.status != b.status else None
    pair = {a.role, b.role}
    if any(set(p) == pair for p in rs.titles.compatible):
        return None
    if a.office and b.office and a.status == b.status == "current":
        return "conflict.title"
    return None


class Context(NamedTuple):
    """What a comparison may need beyond the two values: the rules and the event's day."""

    rs: RuleSet
    day: dt.date | None


Comparator = Callable[[object, object, Context], "str | None"]

# value kind -> comparator; a kind missing here (label) is shown, never compared
COMPARATORS: dict[str, Comparator] = {
    "date": lambda a, b, c: dates(a, b),
    "duration": lambda a, b, c: durations(a, b),
    "time": lambda a, b, c: times(a, b, c.day, c.rs.policy.times.tolerance_minutes),
    "count": lambda a, b, c: counts(a, b, c.rs.policy.counts.about),
    "initiator": lambda a, b, c: initiators(a, b),
    "place": lambda a, b, c: places(a, b, c.rs),
    "person": lambda a, b, c: persons(a, b),
    "title": lambda a, b, c: titles(a, b, c.rs),
    "ordinal": lambda a, b, c: ordinals(a, b),
    "number": lambda a, b, c: numbers(a, b),
}


def compare_values(a, b, ctx: Context) -> str | None:
    """The check two values of one kind fail, or None; values of different kinds never conflict."""
    if type(a) is not type(b):
        return None
    fn = COMPARATORS.get(a.type)
    return fn(a, b, ctx) if fn else None


def _describe_number(v: NumberValue) -> str:
    what = v.of.replace("_", " ")
    if v.max is None:
        return f"more than {v.min - 1} {what}" if v.bound == "more_than" else f"at least {v.min} {what}"
    if v.min is None:
        return f"at most {v.max} {what}"
    return f"{v.min} {what}" if v.min == v.max else f"{v.min}-{v.max} {what}"


def describe(value, rs: RuleSet | None = None) -> str:
    """A value as an editor reads it in the report."""
    from checker.resolve.dates import describe_date

    if isinstance(value, DateValue):
        return describe_date(value)
    if isinstance(value, DurationValue):
        fmt = lambda x: f"{x:g}"  # noqa: E731
        part = f" ({value.part.replace('_', ' ')})" if value.part else ""
        if value.max is None:
            return f"more than {fmt(value.min)} min{part}"
        if value.min == 0:
            return f"less than {fmt(value.max)} min{part}"
        return f"{fmt(value.minutes)} min ({fmt(value.min)}-{fmt(value.max)}){part}"
    if isinstance(value, TimeValue):
        hm = f"{value.hour:02d}:{value.minute:02d}"
        if value.clock12 and value.hour < 12:
            hm += f" (or {value.hour + 12:02d}:{value.minute:02d})"
        phase = {"start": " (start)", "end": " (end)", "planned": " (planned)"}.get(value.phase or "", "")
        return f"{hm} {value.zone}{phase}" if value.zone else f"{hm}, no zone stated{phase}"
    if isinstance(value, CountValue):
        unit = value.unit.replace("_", " ")
        parts = []
        if value.per_side:
            parts.append(f"{value.per_side} {unit} from each side")
        if value.total:
            parts.append(f"{value.total} in total" if value.per_side else f"{value.total} {unit} in total")
        bound = {"about": "about ", "at_least": "at least ", "at_most": "at most "}.get(value.bound, "")
        return bound + " = ".join(parts) + (f" ({value.stage})" if value.stage else "")
    if isinstance(value, PersonValue):
        return value.person
    if isinstance(value, InitiatorValue):
        return value.caller + (" (weak wording)" if value.strength != "strong" else "")
    if isinstance(value, PlaceValue):
        return value.place
    if isinstance(value, LabelValue):
        return value.label.replace("_", " ")
    if isinstance(value, OrdinalValue):
        return f"{value.of.replace('_', ' ')} no. {value.round}"
    if isinstance(value, NumberValue):
        return _describe_number(value)
    if isinstance(value, TitleValue):
        words = []
        if value.status != "current":
            words.append(value.status)
        if value.country:
            words.append(value.country)
        words.append(value.role.replace("_", " "))
        return " ".join(words)
    return str(value)
