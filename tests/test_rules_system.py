"""One rules system: every rule file through one loader, one content-keyed cache and one digest;
policy checks held to the comparators; rule examples that say where they are."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from checker.cli import main
from checker.ingest import read_inputs
from checker.rules.checks import CHECKS
from checker.rules.loader import RuleError
from checker.rules.ruleset import load_boilerplate_rules, load_ruleset
from helpers import REPO
from test_rules import edit, rules_copy  # noqa: F401  (a fixture: a copy of the shipped rules)


def test_the_digest_covers_every_rule_file_read(rules_copy):
    rs = load_ruleset(rules_copy)
    assert {"policy.yaml", "ar/boilerplate.yaml", "ar/published.yaml", "ar/entities.yaml"} <= set(rs.files)
    assert any(f.startswith("ar/claims/") for f in rs.files) and any(f.startswith("kb/") for f in rs.files)
    digests = {rs.digest}
    # one file of each kind (every load compiles the whole set): a comment added is a change
    kinds = {name.split("/")[-2] if name.count("/") > 1 else name.rsplit("/", 1)[-1]: name for name in rs.files}
    for name in sorted(kinds.values()):
        path = rules_copy / name
        path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        digests.add(load_ruleset(rules_copy).digest)
    assert len(digests) == len(kinds) + 1


def test_an_edited_boilerplate_file_is_read_again_in_the_same_process(rules_copy, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("واشنطن - أجرى الرئيس اتصالا هاتفيا مطولا مع نظيره أمس.\nنهاية مختلقة للصفحة\n", encoding="utf-8")
    before = read_inputs([page], rules_dir=rules_copy)[0]
    assert [s.kind for s in before.segments] == ["article"]
    rules = load_boilerplate_rules("ar", rules_copy)
    edit(rules_copy / "ar" / "boilerplate.yaml", "rules:\n", "rules:\n  - id: invented-footer\n"
         "    description: a footer made up for this test\n    block: tail\n    starts_with: [نهاية مختلقة]\n")
    assert load_boilerplate_rules("ar", rules_copy) is not rules
    after = read_inputs([page], rules_dir=rules_copy)[0]
    assert [s.kind for s in after.segments] == ["article", "boilerplate"]
    assert load_ruleset(rules_copy) is load_ruleset(rules_copy)  # unchanged files: the cached rule set


def test_a_check_missing_from_the_policy_is_a_rule_error_naming_the_file(rules_copy, capsys):
    policy = rules_copy / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    cut = re.sub(r"  conflict\.place:\n(    .*\n)+", "", text)
    assert cut != text
    policy.write_text(cut, encoding="utf-8")
    with pytest.raises(RuleError, match=r"policy\.yaml:\d+: checks: no severity and message for conflict\.place"):
        load_ruleset(rules_copy)
    assert main(["rules", "validate", "--rules", str(rules_copy)]) == 2
    assert "policy.yaml" in capsys.readouterr().err


def test_a_misspelt_check_in_the_policy_names_its_line(rules_copy):
    policy = rules_copy / "policy.yaml"
    edit(policy, "  conflict.place:", "  conflict.plaice:")
    line = policy.read_text(encoding="utf-8").splitlines().index("  conflict.plaice:") + 1
    with pytest.raises(RuleError, match=rf"policy\.yaml:{line}: checks\.conflict\.plaice: no such check"):
        load_ruleset(rules_copy)


def test_the_known_checks_are_the_ones_the_comparators_emit():
    emitted = set()
    for path in sorted((REPO / "checker" / "compare").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and re.fullmatch(r"(conflict|internal|knowledge)\.[a-z.]+", node.value):
                emitted.add(node.value)
    assert emitted == set(CHECKS)
    rs = load_ruleset()
    named = {d.check for d in rs.families.attributes.values() if d.check}  # conflict.toll: a family's own
    assert set(rs.policy.checks) == set(CHECKS) | named


def test_every_rule_example_knows_its_line(rs):
    for cr in rs.rules:
        assert len(cr.example_lines) == len(cr.rule.examples) and cr.line
        lines = Path(cr.path).read_text(encoding="utf-8").splitlines()
        for ex, line in zip(cr.rule.examples, cr.example_lines):
            assert line and ex.text.split("\n")[0][:20] in " ".join(lines[line - 1:line + 2]), (cr.rule.id, line)


def test_a_failing_rule_example_is_reported_with_file_and_line(rules_copy, capsys):
    f = rules_copy / "ar" / "claims" / "exchanges.yaml"
    edit(f, "claims: [{per_side: 500}]", "claims: [{per_side: 600}]")
    lines = f.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "per_side: 600" in text) - 1  # the example's `- text:`
    assert main(["rules", "test", "--rules", str(rules_copy)]) == 2
    assert f"exchanges.yaml:{line}: rule exchange.count.each-side" in capsys.readouterr().out


def test_a_page_language_is_looked_up_never_joined_into_a_path(rules_copy):
    rs = load_ruleset(rules_copy)
    for language in ("../../etc", "/tmp", "ar/../kb", "zz"):
        assert rs.boilerplate_for(language) is rs.boilerplate["ar"]
