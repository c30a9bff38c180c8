"""Anchor date phrases on the publication date: day intervals, keeping the weekday stated."""

from __future__ import annotations

import datetime as dt

from checker.extract.values import DatePhrase
from checker.ingest.published import in_range
from checker.models import DateValue, Published

WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


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
    # news mostly looks back: prefer dates up to a week ahead of publication, then the nearest
    best = min(candidates, key=lambda c: (c > published + dt.timedelta(days=7), abs((c - published).days)))
    return best.year


def resolve_date(p: DatePhrase, published: Published, year_hint: int | None = None) -> DateValue:
    pub = published.day
    if p.month is not None and p.day is not None:
        year = p.year or year_hint or (_year_for(p.day, p.month, p.week, pub) if pub else None)
        if year is None:
            return DateValue(weekday=p.weekday, how=f"day {p.day}/{p.month}, year unknown")
        d = _safe_date(year, p.month, p.day)
        if d is None:
            return DateValue(weekday=p.weekday, how="impossible date")
        how = "absolute" if p.year else ("year from the sentence" if year_hint else "year from the publication date")
        return DateValue(date_from=d, date_to=d, weekday=p.weekday, how=how)
    if p.relative_days is not None:
        if pub is None:
            return DateValue(weekday=p.weekday, how="relative day, publication date unknown")
        d = pub + dt.timedelta(days=p.relative_days)
        return DateValue(date_from=d, date_to=d, weekday=p.weekday, how="relative to the publication date")
    if p.weekday is not None:
        if pub is None:
            return DateValue(weekday=p.weekday, how="weekday only")
        delta = (pub.weekday() - p.weekday) % 7
        if p.week == "next":
            d = pub + dt.timedelta(days=(p.weekday - pub.weekday()) % 7 or 7)
        elif p.week == "past":
            d = pub - dt.timedelta(days=delta or 7)
        else:  # a bare weekday in news is the latest one on or before publication
            d = pub - dt.timedelta(days=delta)
        return DateValue(date_from=d, date_to=d, weekday=p.weekday, how="weekday relative to the publication date")
    return DateValue(how="unknown")


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
    return " ".join(parts) or "an unknown date"
