"""The knowledge base: who held which office on a given day.

The terms are indexed once per rule set (by person, and by office and country), so a lookup
costs the terms of one person or one office, not of the whole knowledge base.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

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


def terms_of(rs: RuleSet, person: str) -> list[Term]:
    """Every term the knowledge base knows for a person."""
    return list(_index(rs)[0].get(person, ()))
