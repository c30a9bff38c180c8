"""When a page that states no publication date was probably published, from what it does say.

Many real pages carry no date at all. Two things still narrow it down:

- the page's address: news sites put the day in their URLs (`/2022/07/28/`, `-20250524-`),
  which is the day of publication as far as anyone can tell from outside;
- the dates the article itself states in full: a news page reports what happened lately, so it
  was published on or within a few days after the latest day it names in full (dates it calls
  coming, "المقبل", are left out).

The estimate is a window (`Published.date_from..date_to`) whose `how` starts with "estimated",
so relative dates resolved against it, and findings resting on them, say so.
"""

from __future__ import annotations

import datetime as dt
import re

from checker.extract.values import find_dates, grammar
from checker.models import Document, Published
from checker.resolve.dates import ESTIMATE_SPAN_MAX
from checker.rules.ruleset import RuleSet
from checker.text.normalize import normalize

# /2022/07/28/, /2022-07-28, _20250524, 20250524123 (a date followed by an article number is
# not taken: 8 digits must stand alone)
_URL_DAY = re.compile(r"(?<!\d)(20\d\d)([/_.-]?)(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?!\d)")
# /2022/03/1468777.html: the year and month alone, as path segments
_URL_MONTH = re.compile(r"/(20\d\d)/(0?[1-9]|1[0-2])/")
EARLIEST_YEAR = 1990


def estimate_publication(doc: Document, rs: RuleSet) -> Document:
    """The document, with an estimated publication window when it states none (else unchanged)."""
    if doc.status != "ok":
        return doc
    pub = doc.published
    if pub.date_from is not None:
        # a window (up to an "updated" time) that the page's address narrows to its day
        url = from_url(doc.url) if pub.date_to is not None and pub.date_from != pub.date_to else None
        if url is not None and pub.date_from <= url.date_from <= pub.date_to:
            return doc.model_copy(update={"published": url.model_copy(
                update={"how": f"{url.how}, within the window {pub.how}"})})
        return doc
    estimate = from_url(doc.url)
    if estimate is None:
        month, text = month_from_url(doc.url), from_text(doc, rs)
        # the latest date a page states may be a file photo's; the address's month is the bound
        if text is not None and month is not None and not month.date_from <= text.date_from <= month.date_to:
            text = None
        estimate = text or month
    if estimate is None:
        return doc
    return doc.model_copy(update={"published": estimate})


def month_from_url(url: str | None) -> Published | None:
    """The month a page's address names (/2022/03/), as a window of its days."""
    if not url:
        return None
    m = _URL_MONTH.search(_url_path(url))
    if m is None or int(m.group(1)) < EARLIEST_YEAR:
        return None
    first = dt.date(int(m.group(1)), int(m.group(2)), 1)
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return Published(date_from=first, date_to=last, how=f"estimated from the page address ({m.group(0).strip('/')}), its month")


def _url_path(url: str) -> str:
    """The path of a page's address, after its host."""
    path = url.split("://", 1)[-1]
    return path[path.find("/"):] if "/" in path else ""


def from_url(url: str | None) -> Published | None:
    if not url:
        return None
    for m in _URL_DAY.finditer(_url_path(url)):
        if len(m.group(2)) == 0 and (len(m.group(3)) != 2 or len(m.group(4)) != 2):
            continue  # 2025524 is no date; without separators it takes YYYYMMDD
        try:
            day = dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        except ValueError:
            continue
        if EARLIEST_YEAR <= day.year:
            return Published(date_from=day, date_to=day, how=f"estimated from the page address ({m.group(0)})")
    return None


def from_text(doc: Document, rs: RuleSet) -> Published | None:
    g = grammar(rs)
    latest: dt.date | None = None
    own_days: set[int] = set()  # weekdays of publication the article's "today, Thursday" names
    for seg in doc.article_segments():
        if seg.kind != "article":
            continue
        text = normalize(doc.text[seg.start:seg.end]).text
        for p in find_dates(g, text):
            if p.relative_days is not None and p.weekday is not None:
                own_days.add((p.weekday - p.relative_days) % 7)  # "أمس الأربعاء": published on a Thursday
                continue
            if p.year is None or p.month is None or p.day is None or p.week == "next":
                continue
            try:
                d = dt.date(p.year, p.month, p.day)
            except ValueError:
                continue
            if d.year >= EARLIEST_YEAR and (latest is None or d > latest):
                latest = d
    if latest is None:
        return None
    how = f"estimated: within {ESTIMATE_SPAN_MAX} days after {latest.isoformat()}, the latest date the page states in full"
    window = [latest + dt.timedelta(days=k) for k in range(ESTIMATE_SPAN_MAX + 1)]
    if len(own_days) == 1:
        fitting = [d for d in window if d.weekday() in own_days]
        if len(fitting) == 1:  # its "today" is a weekday that falls once in the window
            day = fitting[0]
            return Published(date_from=day, date_to=day,
                             how=f"{how}, on the {day.strftime('%A')} its own 'today' names")
    return Published(date_from=latest, date_to=window[-1], how=how)
