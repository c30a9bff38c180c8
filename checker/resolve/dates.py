"""Anchor date phrases on the publication date: day intervals, keeping the weekday stated."""

from __future__ import annotations

import datetime as dt

from checker.extract.values import DatePhrase
from checker.rules.published import in_range
from checker.models import Claim, DateValue, Event, Published

WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]

LOOKBACK_DAYS = 90  # a day and month without a year, up to this long before publication, is in the past
ESTIMATE_SPAN_MAX = 6  # days after the first: a week, so a weekday falls on one day of it


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    """The date, if it is real and in the years news can speak of (31 December 9999 is neither
    compared nor shifted: the day arithmetic of later stages would overflow)."""
    try:
        return in_range(dt.date(y, m, d))
    except (ValueError, OverflowError):
        return None


def _year_for(day: int, month: int, week: str | None, published: dt.date) -> int:
    """The year of a day-month with no year: the one nearest the publication date,
    or the last one before it for الماضي, the next one for المقبل, the current for الجاري."""
    y = published.year
    if week == "current":
        return y
    candidates = [c for c in (_safe_date(y - 1, month, day), _safe_date(y, month, day), _safe_date(y + 1, month, day)) if c]
    if week == "past":
        past = [c for c in candidates if c <= published]
        return max(past).year if past else y
    if week == "next":
        future = [c for c in candidates if c >= published]
        return min(future).year if future else y
    # news mostly looks back: a date up to a week ahead, or the latest before publication when
    # it is within a season; otherwise the nearest ("10 January" on 31 December is coming)
    soon = [c for c in candidates if published < c <= published + dt.timedelta(days=7)]
    past = [c for c in candidates if c <= published and (published - c).days <= LOOKBACK_DAYS]
    if soon or past:
        return (soon or [max(past)])[0].year
    return min(candidates, key=lambda c: abs((c - published).days)).year


def _window(published: Published) -> tuple[dt.date, dt.date] | None:
    """The publication window when it is a few days, not one (an estimate): relative phrases
    resolve within it. A longer window says too little to resolve "yesterday"."""
    lo, hi = published.date_from, published.date_to
    if lo is None or hi is None or lo == hi or (hi - lo).days > ESTIMATE_SPAN_MAX:
        return None
    return lo, hi


def resolve_date(p: DatePhrase, published: Published, year_hint: int | None = None,
                 today: int | None = None) -> DateValue:
    """`today`: the weekday a page of unknown date gives its own day ("اليوم الأحد" somewhere
    in it), which a relative day keeps (its "أمس" was a Saturday). A day said to be the event's
    second (third...) is the span from its first day to that day; the day it ended, the span
    from the day before."""
    v = _resolve(p, published, year_hint, today)
    if p.nth_day and v.date_from is not None and v.date_from == v.date_to:
        first = v.date_from - dt.timedelta(days=p.nth_day - 1)
        v = DateValue(date_from=first, date_to=v.date_to, how=f"{v.how}, day {p.nth_day} of the event")
    elif p.ends and v.date_from is not None and v.date_from == v.date_to:
        # an event that ended that day may have begun the evening before (talks past midnight)
        v = DateValue(date_from=v.date_from - dt.timedelta(days=1), date_to=v.date_to, weekday=v.weekday,
                      how=f"{v.how}{ENDED}")
    elif p.ends and v.weekday is not None and v.date_from is None:
        v = v.model_copy(update={"how": f"{v.how}{ENDED}"})  # a weekday alone: it, or the one before
    return v


ENDED = ", the day it ended"  # said of a date an event ended on, in its small hours
WRITTEN_DAY_BEFORE = "relative to the publication date, written the day before it (its weekday)"


def ended_on(v: DateValue) -> bool:
    """Is the date the day an event ended, in its small hours (it may have begun the day before)?"""
    return v.how.endswith(ENDED)


def _resolve(p: DatePhrase, published: Published, year_hint: int | None, today: int | None) -> DateValue:
    pub = published.day
    window = _window(published) if pub is None else None
    est = " (estimated publication date)" if window else ""
    if p.month is not None and p.day is not None:
        anchor = pub or (window[1] if window else None)
        year = p.year or year_hint or (_year_for(p.day, p.month, p.week, anchor) if anchor else None)
        if year is None:
            return DateValue(weekday=p.weekday, month=p.month, day_of_month=p.day,
                             how=f"day {p.day}/{p.month}, year unknown")
        d = _safe_date(year, p.month, p.day)
        if d is None:
            return DateValue(weekday=p.weekday, how="impossible date")
        how = "absolute" if p.year else ("year from the sentence" if year_hint else "year from the publication date" + est)
        last = _safe_date(year, p.month, p.day_to) if p.day_to else None
        return DateValue(date_from=d, date_to=last or d, weekday=p.weekday, how=how)
    if p.relative_days is not None:
        if pub is None and window is None:
            if p.weekday is None and today is not None:
                return DateValue(weekday=(today + p.relative_days) % 7,
                                 how=f"relative day of a page that calls today a {WEEKDAYS_EN[today]}")
            return DateValue(weekday=p.weekday, how="relative day, publication date unknown")
        if pub is None:
            lo, hi = (x + dt.timedelta(days=p.relative_days) for x in window)
            return _within(lo, hi, p.weekday, "relative to the estimated publication date")
        d = pub + dt.timedelta(days=p.relative_days)
        if p.weekday is not None and (d.weekday() - p.weekday) % 7 == 1:
            # "اليوم الثلاثاء" on a page dated Wednesday: written before midnight, stamped after
            # it (or in a later time zone); the weekday the writer gives is the day
            d -= dt.timedelta(days=1)
            return DateValue(date_from=d, date_to=d, weekday=p.weekday, how=WRITTEN_DAY_BEFORE)
        return DateValue(date_from=d, date_to=d, weekday=p.weekday, how="relative to the publication date")
    if p.weekday is not None:
        if pub is None and window is None:
            return DateValue(weekday=p.weekday, how="weekday only")
        if pub is None:  # the latest such weekday on or before a day of the window
            lo, hi = window
            lo = lo - dt.timedelta(days=7 if p.week == "past" else 6)
            return _within(lo, hi, p.weekday, "weekday relative to the estimated publication date")
        delta = (pub.weekday() - p.weekday) % 7
        if p.week == "next":
            d = pub + dt.timedelta(days=(p.weekday - pub.weekday()) % 7 or 7)
        elif p.week == "past":
            d = pub - dt.timedelta(days=delta or 7)
        else:  # a bare weekday in news is the latest one on or before publication
            d = pub - dt.timedelta(days=delta)
        return DateValue(date_from=d, date_to=d, weekday=p.weekday, how="weekday relative to the publication date")
    return DateValue(how="unknown")


def _within(lo: dt.date, hi: dt.date, weekday: int | None, how: str) -> DateValue:
    """The days lo..hi, narrowed to the one that falls on `weekday` when there is exactly one."""
    if weekday is not None:
        days = [lo + dt.timedelta(days=k) for k in range((hi - lo).days + 1)
                if (lo + dt.timedelta(days=k)).weekday() == weekday]
        if len(days) == 1:
            return DateValue(date_from=days[0], date_to=days[0], weekday=weekday, how=how)
        return DateValue(weekday=weekday, how=how)
    return DateValue(date_from=lo, date_to=hi, how=how)


def anchor_yearless(claims: list[Claim], events: list[Event], max_gap_days: int = 7) -> list[Claim]:
    """A day and month stated without a year on a page of unknown date ("الأربعاء 10 كانون
    الثاني") takes the year that puts it nearest its event's day, once the accounts are
    aligned: then its weekday can be checked, and its day compared. Only when that day is near
    the event's (within `max_gap_days`), or is the event's day and weekday in the month before
    or after (a slip of the month): "He last met Putin on April 25", months from the meeting
    reported, speaks of another meeting and says nothing of this one. Other claims are kept."""
    day_of = {e.id: e.date.date_from for e in events if e.date.date_from and e.date.date_from == e.date.date_to}
    out = []
    for c in claims:
        v = c.value
        anchor = day_of.get(c.event or "")
        if isinstance(v, DateValue) and v.day is None and v.month and v.day_of_month and anchor:
            days = [d for d in (_safe_date(anchor.year + k, v.month, v.day_of_month) for k in (-1, 0, 1)) if d]
            slip = v.day_of_month == anchor.day and v.weekday == anchor.weekday()
            days = [d for d in days if abs((d - anchor).days) <= max_gap_days or slip]
            if days:
                d = min(days, key=lambda x: (abs((x - anchor).days), x))
                c = c.model_copy(update={"value": DateValue(date_from=d, date_to=d, weekday=v.weekday,
                                                            how="year from the event's date")})
        out.append(c)
    return out


def weekday_mismatch(v: DateValue) -> bool:
    """A stated weekday that the resolved day does not fall on (only for absolute dates:
    a weekday that anchors a relative phrase was used to resolve it, or contradicts publication)."""
    return v.day is not None and v.weekday is not None and v.day.weekday() != v.weekday


def describe_date(v: DateValue) -> str:
    parts = []
    if v.weekday is not None:
        parts.append(WEEKDAYS_EN[v.weekday])
    if v.day is not None:
        parts.append(v.day.isoformat())
    elif v.date_from or v.date_to:
        parts.append(f"{v.date_from or '?'}..{v.date_to or '?'}")
    elif v.month is not None and v.day_of_month is not None:
        parts.append(f"{v.day_of_month} {MONTHS_EN[v.month - 1]} (no year)")
    if "estimated" in v.how and (v.date_from or v.date_to):
        parts.append("(from the estimated publication date)")
    return " ".join(parts) or "an unknown date"
