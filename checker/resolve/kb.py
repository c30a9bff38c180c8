"""The knowledge base: who held which office on a given day.

The terms are indexed once per rule set (by person, and by office and country), so a lookup
costs the terms of one person or one office, not of the whole knowledge base.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from checker.models import TitleValue
from checker.rules.ruleset import RuleSet
from checker.rules.schema import Term

_INDEX: dict[str, tuple[dict[str, list[Term]], dict[tuple[str, str | None], list[Term]]]] = {}


def _index(rs: RuleSet) -> tuple[dict[str, list[Term]], dict[tuple[str, str | None], list[Term]]]:
    hit = _INDEX.get(rs.digest)
    if hit is None:
        by_person: dict[str, list[Term]] = defaultdict(list)
        by_office: dict[tuple[str, str | None], list[Term]] = defaultdict(list)
        for t in rs.offices.terms:
            by_person[t.person].append(t)
            by_office[(t.role, t.country)].append(t)
        hit = _INDEX[rs.digest] = (dict(by_person), dict(by_office))
    return hit


def _on(t: Term, day: dt.date) -> bool:
    return t.from_ <= day and (t.to is None or day < t.to)


def holder(rs: RuleSet, role: str, country: str | None, day: dt.date | None) -> str | None:
    """The one person holding `role` of `country` on `day`, if the knowledge base knows."""
    if day is None or country is None:
        return None
    people = {t.person for t in _index(rs)[1].get((role, country), ()) if _on(t, day)}
    return people.pop() if len(people) == 1 else None


def offices_of(rs: RuleSet, person: str, day: dt.date) -> list[Term]:
    return [t for t in _index(rs)[0].get(person, ()) if _on(t, day)]


def title_verdict(rs: RuleSet, v: TitleValue, person: str, day: dt.date) -> str | None:
    """What is wrong with a title on one day, by the knowledge base: "former" (for one in
    office), "elect" or "designate" (for one sworn in already), "current" (for one not in it),
    or None when it fits or the knowledge base cannot tell."""
    if v.status == "then":
        return None  # the post at the time the sentence speaks of, not on this day
    held = offices_of(rs, person, day)
    holds_it = any(t.role == v.role and (v.country is None or t.country == v.country) for t in held)
    if v.status == "former" and holds_it:
        return "former"
    if v.status in ("elect", "designate") and holds_it and any(t.role == v.role and day > t.from_ for t in held):
        return v.status  # "president-elect" for one sworn in already
    if v.status == "current" and not holds_it and v.role != "counterpart":
        # another standing office of theirs excludes this one; a function (an envoy's) does not
        offices = {r.id for r in rs.titles.roles if r.office}
        if holder(rs, v.role, v.country, day) or any(t.role in offices for t in held):
            return "current"
    return None


def terms_of(rs: RuleSet, person: str) -> list[Term]:
    """Every term the knowledge base knows for a person."""
    return list(_index(rs)[0].get(person, ()))
