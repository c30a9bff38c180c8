"""Countries as entities: the generated list of every state (rules/countries.yaml, from CLDR)
joined with what one language adds by hand (rules/<lang>/countries.yaml: adjectives, seats of
government, capitals, names too ambiguous to match).

The result is plain EntityRule objects, so the matcher treats a country from CLDR exactly like
one written in entities.yaml.
"""

from __future__ import annotations

from pathlib import Path

from checker.rules.loader import RuleError
from checker.rules.schema import CountriesFile, CountryExtras, CountryExtrasFile, CountryRecord, EntityRule


def arabic_adjective_forms(masculine: str) -> list[str]:
    """The forms of a nisba adjective an article writes: masculine and feminine, the sound
    plurals (accusative/genitive and nominative), each with and without the article, and the
    indefinite accusative a count takes (13 إسرائيليا). Each word of a several-word adjective
    takes the same form (الكوري الشمالي، الكورية الشمالية)."""
    words = masculine.split()
    out: list[str] = []
    for ending in ("", "ة", "ين", "ون"):
        for article in ("", "ال"):
            out.append(" ".join(article + w + ending for w in words))
    out.append(" ".join(w + "ا" for w in words))
    return out


def country_entities(countries: CountriesFile, extras: CountryExtrasFile, lang: str, extras_path: Path,
                     extras_lines: dict, written: set[str] = frozenset()) -> list[EntityRule]:
    """One country entity per state, and one place entity per capital or city listed; a state or
    place that entities.yaml already `written` keeps that entry."""
    known = {c.id for c in countries.countries}
    for cid in extras.countries:
        if cid not in known:
            raise RuleError(extras_path, extras_lines.get(("countries", cid)),
                            f"unknown country id {cid!r} (the ids are those of rules/countries.yaml)")
    out: list[EntityRule] = []
    # a derived form that is a city's name is the city (برازيليا)
    cities = {n for more in extras.countries.values() for ns in more.capitals.values() for n in ns}
    for c in countries.countries:
        more = extras.countries.get(c.id, CountryExtras())
        if c.id in written:
            out.extend(EntityRule(id=p, type="place", country=c.id, names=n, zone=_place_zone(c, p, list(more.capitals)))
                       for p, n in sorted(more.capitals.items()) if p not in written)
            continue
        drop = set(more.drop)
        names = list(dict.fromkeys([n for n in c.names.get(lang, []) if n not in drop] + more.names))
        if not names:
            raise RuleError(extras_path, extras_lines.get(("countries", c.id)),
                            f"country {c.id!r} has no name left to match in {lang!r}: add one under `names`")
        adjectives = [f for a in more.adjectives for f in (arabic_adjective_forms(a) if lang == "ar" else [a])
                      if f not in cities]
        adjectives = list(dict.fromkeys(adjectives + more.forms))
        out.append(EntityRule(id=c.id, type="country", names=names, adjectives=adjectives, zone=c.zone))
        for place, place_names in sorted(more.capitals.items()):
            if place not in written:
                out.append(EntityRule(id=place, type="place", country=c.id, names=place_names,
                                      zone=_place_zone(c, place, list(more.capitals))))
    return out


def _place_zone(country: CountryRecord, place: str, places: list[str]) -> str | None:
    """A city's time zone: its country's, when the country keeps one zone (CLDR, through Babel)
    or the city is its capital, listed first; unknown for the other cities of a country of
    several zones (Anchorage is not on Washington's time)."""
    from babel.core import get_global

    zones = get_global("territory_zones").get(country.iso2, [])
    return country.zone if len(zones) <= 1 or (places and place == places[0]) else None

