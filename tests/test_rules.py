"""Rule files: validated on load with file:line errors, and every claim rule's examples pass."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.cli import main
from checker.rules.examples import run_examples
from checker.rules.loader import RuleError
from checker.paths import default_rules_dir
from checker.rules.ruleset import load_ruleset


def test_every_claim_rule_has_three_examples_one_negative(rs):
    for cr in rs.rules:
        assert len(cr.rule.examples) >= 3, cr.rule.id
        assert any(not ex.claims for ex in cr.rule.examples), f"{cr.rule.id} has no negative example"


def test_rule_examples_pass(rs):
    failed = [r for r in run_examples(rs) if not r.ok]
    assert failed == []


@pytest.fixture
def rules_copy(tmp_path) -> Path:
    dst = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), dst)
    return dst


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_unknown_key_names_file_and_line(rules_copy):
    f = rules_copy / "ar" / "claims" / "durations.yaml"
    edit(f, "    attribute: \"{event}.duration\"", "    attribute: \"{event}.duration\"\n    atribute: typo")
    with pytest.raises(RuleError) as err:
        load_ruleset(rules_copy)
    assert f"durations.yaml:{line_of(f, 'atribute')}:" in str(err.value) and "atribute" in str(err.value)


def test_yaml_syntax_error(rules_copy):
    f = rules_copy / "ar" / "numbers.yaml"
    edit(f, "  واحد: 1", "  واحد: [1")
    with pytest.raises(RuleError, match=r"numbers\.yaml:\d+: YAML syntax error"):
        load_ruleset(rules_copy)


def test_wrong_type(rules_copy):
    f = rules_copy / "policy.yaml"
    edit(f, "  tolerance_minutes: 10", "  tolerance_minutes: ten")
    with pytest.raises(RuleError) as err:
        load_ruleset(rules_copy)
    assert f"policy.yaml:{line_of(f, 'tolerance_minutes')}:" in str(err.value)


def test_invalid_regex(rules_copy):
    f = rules_copy / "ar" / "claims" / "talks.yaml"
    edit(f, "(?:شهدت|شهد|شهدته|شهدتها)\\s+", "(?:شهدت|شهد|شهدته|شهدتها)\\s+(")
    with pytest.raises(RuleError) as err:
        load_ruleset(rules_copy)
    assert "talks.yaml:" in str(err.value) and "invalid regular expression" in str(err.value)


def test_duplicate_rule_id(rules_copy):
    f = rules_copy / "ar" / "claims" / "talks.yaml"
    edit(f, "  - id: talks.place.in", "  - id: duration.lasted")
    with pytest.raises(RuleError, match="duplicate rule id 'duration.lasted'"):
        load_ruleset(rules_copy)


def test_example_that_no_longer_matches_fails_rules_test(rules_copy, capsys):
    f = rules_copy / "ar" / "claims" / "exchanges.yaml"
    edit(f, "claims: [{per_side: 500}]", "claims: [{per_side: 600}]")
    assert main(["rules", "test", "--rules", str(rules_copy)]) == 2
    assert "exchange.count.each-side" in capsys.readouterr().out


def test_broken_rules_exit_2_from_report(rules_copy, capsys, tmp_path):
    edit(rules_copy / "ar" / "titles.yaml", "roles:", "rolez:")
    art = tmp_path / "a.txt"
    art.write_text("نص", encoding="utf-8")
    assert main(["report", str(art), "--rules", str(rules_copy), "--json", str(tmp_path / "r.json")]) == 2
    assert "titles.yaml:" in capsys.readouterr().err


def test_absurdly_nested_rule_file_is_a_rule_error_not_a_crash(tmp_path) -> None:
    from checker.rules.loader import read_yaml

    for text in ("a: " + "[" * 50_000 + "]" * 50_000, "a: &x [*x]\n"):
        path = tmp_path / "deep.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(RuleError, match="nests too deep|alias contains itself"):
            read_yaml(path)


# --------------------------------------------------------------------------- claim families and value kinds


VISIT = """family: visits
event: visit
attributes:
  visit.date: {kind: date, read: event_date}
  visit.place: {kind: place}
triggers:
  - id: visit.trigger
    pattern: '\\b(?:و)?(?:زار|يزور|زيارة)\\b'
rules:
  - id: visit.place.to
    attribute: visit.place
    pattern: '(?:زار|يزور|زيارة)\\s+(?:{P}\\s+)?{L:place}'
    examples:
      - text: زار ترامب موسكو أمس.
        claims: [{place: moscow, attribute: visit.place, subject: visit}]
      - text: وصل ترامب إلى البيت.
        claims: []
"""


def write_family(rules_copy: Path, name: str, text: str, window: str | None = "visit: {date_window_days: 1}") -> Path:
    f = rules_copy / "ar" / "claims" / name
    f.write_text(text, encoding="utf-8")
    if window:
        edit(rules_copy / "policy.yaml", "events:\n", f"events:\n  {window}\n")
    return f


def test_a_new_event_family_is_data_alone(rules_copy):
    """A visit is no event type the code knows: its family file and one policy line make it one."""
    write_family(rules_copy, "visits.yaml", VISIT)
    rs = load_ruleset(rules_copy)
    assert "visit" in rs.families.event_types
    assert all(r.ok for r in run_examples(rs) if r.rule == "visit.place.to")
    from checker.extract.claims import extract
    from helpers import article

    mentions, claims = extract(article("زار الرئيس الأمريكي دونالد ترامب موسكو أمس."), rs)
    [place] = [c for c in claims if c.attribute == "visit.place"]
    assert place.value.place == "moscow" and next(m for m in mentions if m.id == place.subject).type == "visit"
    assert any(c.attribute == "visit.date" for c in claims)


def test_a_renamed_family_loses_nothing(rules_copy):
    """Vocabularies belong to value kinds, not to family names: renaming a family keeps its claims."""
    from checker.extract.claims import extract
    from helpers import article

    text = "أجرى ترامب اتصالا هاتفيا ببوتين استمر نحو ساعة ونصف، وبحثا خلاله الأزمة الأوكرانية."
    before = [(c.attribute, c.value) for c in extract(article(text), load_ruleset())[1]]
    edit(rules_copy / "ar" / "claims" / "topics.yaml", "family: topics", "family: subjects")
    edit(rules_copy / "ar" / "claims" / "durations.yaml", "family: durations", "family: lengths")
    after = [(c.attribute, c.value) for c in extract(article(text), load_ruleset(rules_copy))[1]]
    assert after == before and ("call.topic" in {a for a, _ in after}) and ("call.duration" in {a for a, _ in after})


@pytest.mark.parametrize("name, old, new, needle, problem", [
    # an attribute no family declares
    ("talks.yaml", "    attribute: talks.place", "    attribute: talks.venue", "talks.venue", "is not declared"),
    # an attribute of an event type no family has
    ("talks.yaml", "  talks.place: {kind: place}", "  visit.place: {kind: place}", "visit.place", "names no event type"),
    # a key of another kind: strength is an initiator's
    ("exchanges.yaml", "    count: total", "    count: total\n    strength: weak", "strength: weak", "no key of value kind 'count'"),
    # an attribute key of another kind: unit is a count's
    ("talks.yaml", "  talks.place: {kind: place}", "  talks.place: {kind: place, unit: km}", "unit: km", "no key of value kind 'place'"),
    # a kind that cannot be read so
    ("talks.yaml", "  talks.place: {kind: place}", "  talks.place: {kind: place, read: clock}", "read: clock", "cannot be read by 'clock'"),
    # a count pattern that captures no number
    ("exchanges.yaml", "(?:{hedge}\\s+)?{num:n}\\s+(?:أسير", "(?:{hedge}\\s+)?{num}\\s+(?:أسير",
     "(?:{hedge}\\s+)?{num}\\s+(?:أسير", "must capture (?P<n>...)"),
    # vocabulary of a kind the family does not declare
    ("calls.yaml", "rules:\n", "stages: [في المرحلة الأولى]\nrules:\n", "stages:", "vocabulary of value kind 'count'"),
    # an example asserting a field the kind's value does not have
    ("talks.yaml", "claims: [{place: istanbul}]", "claims: [{place: istanbul, minutes: 3}]", "minutes: 3", "asserts 'minutes'"),
    # a declared attribute that no rule reads
    ("talks.yaml", "  talks.place: {kind: place}", "  talks.place: {kind: place}\n  talks.host: {kind: person}",
     "talks.host", "no rule of this family names it"),
])
def test_family_errors_name_file_and_line(rules_copy, name, old, new, needle, problem):
    f = rules_copy / "ar" / "claims" / name
    edit(f, old, new)
    with pytest.raises(RuleError) as err:
        load_ruleset(rules_copy)
    assert f"{name}:{line_of(f, needle)}:" in str(err.value) and problem in str(err.value)


def test_event_type_needs_a_policy_window(rules_copy):
    f = write_family(rules_copy, "visits.yaml", VISIT, window=None)
    with pytest.raises(RuleError) as err:
        load_ruleset(rules_copy)
    assert f"visits.yaml:{line_of(f, 'event: visit')}:" in str(err.value) and "policy.yaml" in str(err.value)


def test_policy_window_of_no_family_is_an_error(rules_copy):
    f = rules_copy / "policy.yaml"
    edit(f, "events:\n", "events:\n  visit: {date_window_days: 1}\n")
    with pytest.raises(RuleError) as err:
        load_ruleset(rules_copy)
    assert f"policy.yaml:{line_of(f, 'visit:')}:" in str(err.value) and "no claim family" in str(err.value)


def test_failing_example_names_file_and_line(rules_copy, capsys):
    f = rules_copy / "ar" / "claims" / "exchanges.yaml"
    edit(f, "claims: [{per_side: 500}]", "claims: [{per_side: 500, qualifier: about}]")
    assert main(["rules", "test", "--rules", str(rules_copy)]) == 2
    # the line of the example (its `- text:`), one above its claims
    assert f"exchanges.yaml:{line_of(f, 'qualifier: about') - 1}: rule exchange.count.each-side" in capsys.readouterr().out


def test_examples_assert_attribute_subject_and_qualifier(rules_copy):
    f = rules_copy / "ar" / "claims" / "durations.yaml"
    edit(f, "claims: [{min: 120, max: null}]\n      - text: وصل",
         "claims: [{min: 120, max: null, qualifier: at_least, attribute: call.duration, subject: call}]\n      - text: وصل")
    assert all(r.ok for r in run_examples(load_ruleset(rules_copy)))
    edit(f, "attribute: call.duration, subject: call}", "attribute: talks.duration, subject: talks}")
    [bad] = [r for r in run_examples(load_ruleset(rules_copy)) if not r.ok]
    assert bad.rule == "duration.lasted" and bad.line == line_of(f, "subject: talks") - 1


def test_example_policy_override(rules_copy):
    """A tolerance the expected interval depends on can be set for one example."""
    f = rules_copy / "ar" / "claims" / "durations.yaml"
    edit(f, "        claims: [{min: 25.5, max: 34.5}]",
         "        policy: {durations: {about: 0.2}}\n        claims: [{min: 24, max: 36}]")
    assert all(r.ok for r in run_examples(load_ruleset(rules_copy)))
    edit(f, "policy: {durations: {about: 0.2}}", "policy: {durations: {about: 2}}")
    with pytest.raises(RuleError) as err:
        load_ruleset(rules_copy)
    assert f"durations.yaml:{line_of(f, 'about: 2}')}:" in str(err.value)


def test_readme_lists_the_value_kinds_as_the_code_has_them():
    """rules/README.md shows the table of checker/rules/kinds.py (python -m checker.rules.kinds)."""
    from checker.rules.kinds import markdown_table

    readme = (default_rules_dir() / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme, "rules/README.md is stale: paste `python -m checker.rules.kinds`"


def test_a_reading_reads_one_attribute(rules_copy):
    """Two attributes read alike (two titles, two dates of one event) would claim every value twice."""
    f = rules_copy / "ar" / "claims" / "meetings.yaml"
    edit(f, "  meeting.place: {kind: place}", "  meeting.place: {kind: place}\n  meeting.day: {kind: date, read: event_date}")
    with pytest.raises(RuleError) as err:
        load_ruleset(rules_copy)
    assert f"meetings.yaml:{line_of(f, 'meeting.day')}:" in str(err.value) and "already read by 'event_date'" in str(err.value)


def test_the_date_attribute_may_have_any_name(rules_copy):
    from checker.extract.claims import extract
    from helpers import article

    edit(rules_copy / "ar" / "claims" / "meetings.yaml", "  meeting.date: {kind: date, read: event_date}",
         "  meeting.day: {kind: date, read: event_date}")
    _, claims = extract(article("التقى أردوغان زيلينسكي في إسطنبول اليوم."), load_ruleset(rules_copy))
    assert [c.attribute for c in claims if c.value.type == "date"] == ["meeting.day"]


def test_an_unknown_time_zone_names_file_and_line(rules_copy):
    f = rules_copy / "ar" / "calendar.yaml"
    edit(f, "  موسكو: Europe/Moscow", "  موسكو: Europe/Moskva")
    with pytest.raises(RuleError) as err:
        load_ruleset(rules_copy)
    assert "calendar.yaml:" in str(err.value) and "Europe/Moskva" in str(err.value)


def test_a_family_referring_back_to_no_event_type_names_file_and_line(rules_copy):
    f = rules_copy / "ar" / "claims" / "talks.yaml"
    edit(f, "refers_back_to: [call]", "refers_back_to: [cal]")
    with pytest.raises(RuleError) as err:
        load_ruleset(rules_copy)
    assert f"talks.yaml:{line_of(f, 'refers_back_to')}:" in str(err.value) and "'cal'" in str(err.value)
