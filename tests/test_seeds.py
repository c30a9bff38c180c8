"""The two real pages: each item a careful editor extracts (seeds/expected.yaml), one test each."""

from __future__ import annotations

import pytest

from checker.ingest import read_inputs
from checker.pipeline import analyse
from helpers import shared

S000, S001 = "000_5138bbd9f6f76a3e", "001_709324f26f8e6946"


@pytest.fixture(scope="module")
def report(rs):
    seeds = shared("seeds")
    return analyse(read_inputs([seeds / f"{S000}.txt", seeds / f"{S001}.txt"]), rs)


def claims(report, doc, attribute, subject=None):
    return [c for c in report.claims if c.document == doc and c.attribute == attribute
            and (subject is None or c.subject == subject)]


def event_of(report, claim):
    return next(e for e in report.events if e.id == claim.event)


def test_001_call_on_wednesday_matched_to_12_february(report):
    [c] = claims(report, S001, "call.date")
    assert c.value.weekday == 2 and c.value.day is None
    e = event_of(report, c)
    assert e.date.date_from.isoformat() == "2025-02-12" and S000 in e.documents


def test_001_duration_about_an_hour_and_a_half(report):
    [c] = claims(report, S001, "call.duration")
    assert c.qualifier == "about" and 76 <= c.value.min <= 81 and 99 <= c.value.max <= 104


def test_001_trump_placed_the_call_weakly(report):
    [c] = claims(report, S001, "call.initiator")
    assert (c.value.caller, c.value.strength) == ("trump", "weak")


def test_001_titles(report):
    trump = [c.value for c in claims(report, S001, "person.title", "trump")]
    putin = [c.value for c in claims(report, S001, "person.title", "putin")]
    assert any(v.status == "former" and v.country == "usa" and v.role == "president" for v in trump)
    assert any(v.role == "president" and v.country == "russia" for v in putin)


def test_000_published_from_page_line(report):
    doc = next(d for d in report.documents if d.id == S000)
    assert doc.published.day.isoformat() == "2025-05-19"


def test_000_call_of_19_may_monday_at_17_moscow(report):
    [date] = [c for c in claims(report, S000, "call.date") if c.value.weekday == 0]
    assert date.value.day.isoformat() == "2025-05-19"
    times = claims(report, S000, "call.time")
    assert any(t.value.hour == 17 and t.value.zone == "Europe/Moscow" and t.quoted == "peskov" for t in times)
    assert any(t.value.hour == 10 and t.value.zone is None for t in times)  # Trump's "ten in the morning"


def test_000_recalled_calls_of_12_february_and_18_march(report):
    days = {c.value.day.isoformat() for c in claims(report, S000, "call.date") if c.value.day}
    assert {"2025-02-12", "2025-03-18", "2025-05-19"} <= days


def test_000_titles(report):
    def roles(subject):
        return {(c.value.role, c.value.country) for c in claims(report, S000, "person.title", subject)}
    assert ("president", "russia") in roles("putin")
    assert ("president", "usa") in roles("trump")
    assert ("kremlin_spokesman", "russia") in roles("peskov")
    assert ("delegation_head", "russia") in roles("medinsky")
    assert ("president", "ukraine") in roles("zelensky")


def test_000_istanbul_talks_and_exchange(report):
    [talks] = [e for e in report.events if e.type == "talks"]
    assert talks.participants == ["russia", "ukraine"] and talks.date.date_from.isoformat() == "2025-05-16"
    assert talks.place == "istanbul"
    [count] = claims(report, S000, "exchange.prisoners")
    assert (count.value.per_side, count.value.total) == (1000, 2000)


def test_no_claims_from_boilerplate(report):
    for doc in report.documents:
        boiler = [s for s in doc.segments if s.kind == "boilerplate"]
        for c in report.claims:
            if c.document == doc.id:
                assert not any(s.start <= c.span[0] < s.end for s in boiler), c


def labels(report, doc, attribute):
    return {c.value.label for c in claims(report, doc, attribute)}


def test_001_invitation_summit_teams_and_briefing(report):
    agreed = labels(report, S001, "call.agreement")
    assert {"invitation to visit", "a summit or meeting agreed", "negotiating teams to start work",
            "a third leader to be briefed"} <= agreed


def test_001_topics(report):
    assert {"ukraine", "middle_east", "energy", "artificial_intelligence", "dollar"} <= labels(report, S001, "call.topic")


def test_001_dateline_washington(report):
    [c] = claims(report, S001, "document.dateline")
    assert c.value.place == "washington" and c.text == "واشنطن"  # the city; it lies in the usa


def test_000_trump_announced_the_call_the_day_before_yesterday(report):
    [c] = claims(report, S000, "call.announced")
    assert c.value.day.isoformat() == "2025-05-17"


def test_000_earlier_calls_topics_and_agreements(report):
    by_day = {}
    for c in report.claims:
        if c.document == S000 and c.attribute in ("call.topic", "call.agreement") and c.event \
                and event_of(report, c).date.date_from:  # the planned Trump-Zelensky call has no day
            day = event_of(report, c).date.date_from.isoformat()
            by_day.setdefault(day, set()).add(c.value.label)
    assert {"ukraine", "bilateral_relations", "a summit or meeting agreed"} <= by_day["2025-02-12"]
    assert {"ukraine", "middle_east", "halt to strikes on energy facilities"} <= by_day["2025-03-18"]
