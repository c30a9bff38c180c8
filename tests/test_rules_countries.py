"""Countries as rule data: every UN state from CLDR, the Arabic additions, errors with a line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.paths import default_rules_dir
from checker.rules.countries import arabic_adjective_forms
from checker.rules.loader import RuleError
from checker.rules.ruleset import load_ruleset


def test_every_un_member_and_observer_is_a_country(rs):
    countries = {e.id: e for e in rs.entities.entities if e.type == "country"}
    assert len(countries) == 195
    # the ids the rules used before the generated list keep working
    assert {"russia", "usa", "ukraine", "turkey", "saudi_arabia", "qatar", "uae", "switzerland"} <= set(countries)
    assert countries["russia"].zone == "Europe/Moscow" and "الكرملين" in countries["russia"].names
    assert "الفرنسيين" in countries["france"].adjectives and "الفرنسية" in countries["france"].adjectives
    assert "مالي" not in countries["mali"].names  # a common word ("financial")


def test_adjective_forms_are_derived_word_by_word():
    forms = arabic_adjective_forms("كوري شمالي")
    assert "الكورية الشمالية" in forms and "الكوريين الشماليين" in forms and "كوري شمالي" in forms


def test_capitals_are_places_of_their_country(rs):
    places = {e.id: e for e in rs.entities.entities if e.type == "place"}
    assert places["paris"].country == "france" and places["muscat"].country == "oman"


def test_an_unknown_country_id_in_the_additions_names_its_line(tmp_path: Path):
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    f = rules / "ar" / "countries.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("  france:", "  frnace:", 1), encoding="utf-8")
    line = next(i for i, t in enumerate(f.read_text(encoding="utf-8").splitlines(), 1) if "frnace" in t)
    with pytest.raises(RuleError, match=rf"countries\.yaml:{line}: unknown country id 'frnace'"):
        load_ruleset(rules)


def test_a_capital_keeps_its_zone_and_other_cities_of_a_country_of_several_zones_have_none():
    from checker.rules.ruleset import load_ruleset

    for lang in ("ar", "en"):
        zones = {e.id: e.zone for e in load_ruleset(None, lang).entities.entities}
        assert zones["moscow"] == "Europe/Moscow" and zones["washington"] == "America/New_York"
        assert zones["anchorage"] is None and zones["sochi"] is None  # never Washington's or Moscow's by default
