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
    edit(f, "'شهدت\\s+{L:place}'", "'شهدت\\s+({L:place}'")
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
