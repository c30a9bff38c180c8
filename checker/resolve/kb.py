"""The knowledge base: who held which office on a given day."""

from __future__ import annotations

import datetime as dt

from checker.rules.ruleset import RuleSet
from checker.rules.schema import Term


def terms_on(rs: RuleSet, day: dt.date) -> list[Term]:
    return [t for t in rs.offices.terms if t.from_ <= day and (t.to is None or day < t.to)]


def holder(rs: RuleSet, role: str, country: str | None, day: dt.date | None) -> str | None:
    """The one person holding `role` of `country` on `day`, if the knowledge base knows."""
    if day is None or country is None:
        return None
    people = {t.person for t in terms_on(rs, day) if t.role == role and t.country == country}
    return people.pop() if len(people) == 1 else None


def offices_of(rs: RuleSet, person: str, day: dt.date) -> list[Term]:
    return [t for t in terms_on(rs, day) if t.person == person]


def ever_held(rs: RuleSet, person: str, role: str, country: str | None, before: dt.date) -> bool:
    return any(t.person == person and t.role == role and (country is None or t.country == country)
               and t.from_ < before for t in rs.offices.terms)
