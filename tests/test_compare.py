"""Comparators: only values that cannot both be true conflict."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.compare import comparators as cmp
from checker.models import CountValue, DateValue, DurationValue, InitiatorValue, TimeValue, TitleValue


def dur(lo, hi, minutes=0):
    return DurationValue(minutes=minutes or lo, min=lo, max=hi)


@pytest.mark.parametrize("a, b, conflict", [
    (dur(76.5, 103.5, 90), dur(120, None), True),       # about 1.5 h vs more than 2 h
    (dur(120, None), dur(108, 132, 120), False),         # more than 2 h vs two hours (rounded)
    (dur(76.5, 103.5, 90), dur(85, 115, 100), False),    # two "about" intervals that overlap
    (dur(120, None), dur(0, 120, 120), True),            # more than 2 h vs less than 2 h
    (dur(120, None), dur(150, None), False),             # two open bounds always overlap
])
def test_durations(a, b, conflict):
    assert (cmp.durations(a, b) is not None) == conflict


def t(hour, zone=None, candidates=(), clock12=False):
    return TimeValue(hour=hour, zone=zone, candidates=list(candidates), clock12=clock12)


def test_times_as_instants_across_zones_with_daylight_saving():
    day = dt.date(2025, 3, 18)  # after the US switch to daylight time (9 March), before Europe's
    assert cmp.times(t(10, "America/New_York"), t(17, "Europe/Moscow"), day, 10) is None
    winter = dt.date(2025, 2, 12)  # EST, UTC-5: 10:00 Washington is 18:00 Moscow
    assert cmp.times(t(10, "America/New_York"), t(17, "Europe/Moscow"), winter, 10) == "conflict.time"
    assert cmp.times(t(10, "America/New_York"), t(18, "Europe/Moscow"), winter, 10) is None


def test_time_without_zone_never_conflicts():
    day = dt.date(2025, 5, 19)
    assert cmp.times(t(10, candidates=["America/New_York", "Europe/Moscow"]), t(17, "Europe/Moscow"), day, 10) is None
    assert cmp.times(t(3, candidates=["Europe/Moscow"]), t(17, "Europe/Moscow"), day, 10) is None
    assert cmp.times(t(5, "Europe/Moscow", clock12=True), t(17, "Europe/Moscow"), day, 10) is None


@pytest.mark.parametrize("a, b, conflict", [
    (CountValue(per_side=175, total=350), CountValue(total=350), False),
    (CountValue(per_side=1000, total=2000), CountValue(total=2000), False),
    (CountValue(per_side=500, total=1000), CountValue(total=2000), True),
    (CountValue(per_side=500, total=1000), CountValue(per_side=1000, total=2000), True),
    (CountValue(per_side=390, total=780, stage="في المرحلة الأولى"), CountValue(total=2000), False),
])
def test_counts_per_side_and_total(a, b, conflict):
    assert (cmp.counts(a, b) is not None) == conflict


def test_dates_and_weekday_only():
    d = lambda s, wd=None: DateValue(date_from=dt.date.fromisoformat(s), date_to=dt.date.fromisoformat(s), weekday=wd)  # noqa: E731
    assert cmp.dates(d("2025-05-16"), d("2025-05-15")) == "conflict.date"
    assert cmp.dates(d("2025-03-18", 1), d("2025-03-18")) is None
    assert cmp.dates(DateValue(weekday=2), d("2025-02-12")) is None


def test_the_small_hours_of_friday_agree_with_a_thursday_night():
    small_hours = DateValue(date_from=dt.date(2026, 1, 22), date_to=dt.date(2026, 1, 23), weekday=4,
                            how="relative to the publication date, the day it ended")
    assert cmp.dates(small_hours, DateValue(weekday=3)) is None
    assert cmp.dates(small_hours, DateValue(weekday=1)) == "conflict.date"


def test_spans_of_days_conflict_only_when_they_do_not_overlap():
    def span(a, b, how="absolute"):
        return DateValue(date_from=dt.date.fromisoformat(a), date_to=dt.date.fromisoformat(b), how=how)

    assert cmp.dates(span("2025-03-10", "2025-03-11"), span("2025-03-13", "2025-03-14")) == "conflict.date"
    assert cmp.dates(span("2025-03-10", "2025-03-11"), span("2025-03-12", "2025-03-12")) == "conflict.date"
    assert cmp.dates(span("2025-03-10", "2025-03-12"), span("2025-03-12", "2025-03-13")) is None
    assert cmp.dates(span("2025-03-10", "2025-03-12"), span("2025-03-11", "2025-03-11")) is None
    # a window of days an estimated page may mean is no span it states
    window = span("2025-03-05", "2025-03-09", "relative to the estimated publication date")
    assert cmp.dates(window, span("2025-03-12", "2025-03-12")) is None


def test_initiator_strength():
    strong = lambda who, other: InitiatorValue(caller=who, callee=other)  # noqa: E731
    assert cmp.initiators(strong("trump", "putin"), strong("putin", "trump")) == "conflict.initiator"
    weak = InitiatorValue(caller="trump", callee="putin", strength="weak")
    assert cmp.initiators(weak, strong("putin", "trump")) == "conflict.initiator.weak"
    assert cmp.initiators(weak, strong("trump", "putin")) is None
    other_weak = InitiatorValue(caller="putin", callee="trump", strength="weak")
    # two customary wordings ("أجرى X اتصالا مع Y") that name opposite callers still disagree
    assert cmp.initiators(weak, other_weak) == "conflict.initiator.weak"
    neutral = InitiatorValue(caller="putin", callee="trump", strength="neutral")  # "spoke with"
    assert cmp.initiators(weak, neutral) is None
    assert cmp.initiators(strong("trump", "putin"), neutral) is None


def test_titles(rs):
    pres = lambda status="current", country="usa": TitleValue(role="president", country=country, status=status)  # noqa: E731
    assert cmp.titles(pres("former"), pres(), rs) == "conflict.title"
    assert cmp.titles(pres("acting"), pres(), rs) == "conflict.title"
    assert cmp.titles(pres(), TitleValue(role="president", country=None), rs) is None
    spokesman = TitleValue(role="kremlin_spokesman", country="russia")
    minister = TitleValue(role="foreign_minister", country="russia")
    assert cmp.titles(spokesman, minister, rs) == "conflict.title"
    aide = TitleValue(role="kremlin_aide", country="russia")
    head = TitleValue(role="delegation_head", country="russia", office=False)
    assert cmp.titles(aide, head, rs) is None


@pytest.mark.parametrize("a, b, conflict", [
    (CountValue(total=12, bound="at_least"), CountValue(total=15), False),    # at least 12 vs 15
    (CountValue(total=12, bound="at_least"), CountValue(total=9), True),      # at least 12 vs 9
    (CountValue(total=300, bound="about"), CountValue(total=320), False),     # about 300 vs 320 (±10%)
    (CountValue(total=300, bound="about"), CountValue(total=400), True),
    (CountValue(total=20, bound="at_most"), CountValue(total=30, bound="at_least"), True),
    (CountValue(total=12, bound="at_least"), CountValue(total=20, bound="at_least"), False),
])
def test_bounded_counts_are_intervals(a, b, conflict):
    assert (cmp.counts(a, b, about=0.1) is not None) == conflict


def test_comparison_dispatches_on_value_kind_not_attribute(rs):
    """Any attribute of a known kind is compared by its kind's comparator, whatever its name."""
    from checker.models import PersonValue, PlaceValue

    ctx = cmp.Context(rs, dt.date(2025, 8, 15))
    assert cmp.compare_values(PlaceValue(place="usa"), PlaceValue(place="russia"), ctx) == "conflict.place"
    assert cmp.compare_values(PersonValue(person="trump"), PersonValue(person="putin"), ctx) == "conflict.person"
    assert cmp.compare_values(CountValue(total=3), CountValue(total=4), ctx) == "conflict.count"
    assert cmp.compare_values(PlaceValue(place="usa"), CountValue(total=4), ctx) is None  # kinds differ
    assert set(cmp.COMPARATORS) | {"label"} == set(__import__("checker.rules.kinds", fromlist=["KINDS"]).KINDS)


def test_new_families_are_compared_by_their_kinds(rs):
    """The meeting's duration and the strike's toll are compared with no code of their own: the
    duration as intervals, the toll as a bounded count reported with the family's own check."""
    from checker.ingest import read_inputs
    from checker.pipeline import analyse
    from helpers import REPO

    report = analyse(read_inputs([REPO / "examples" / "istanbul-summit", REPO / "examples" / "kharkiv-strike"]), rs)
    found = {(f.attribute, f.rule, f.severity, tuple(f.documents)) for f in report.findings}
    assert found == {("meeting.duration", "conflict.duration", "error", ("paper-k", "wire-j")),
                     ("strike.killed", "conflict.toll", "warning", ("agency-l", "site-m"))}
    assert {e.type for e in report.events} == {"meeting", "strike"}
