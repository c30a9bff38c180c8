"""The ingest rule files load, their examples hold, and a broken file names file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.ingest.readers import read_inputs
from checker.rules.ruleset import load_boilerplate_rules, load_published_rules
from checker.paths import default_rules_dir
from checker.rules.loader import RuleError


def test_rule_files_load() -> None:
    rules = load_boilerplate_rules("ar")
    ids = {r.id for r in rules.rules}
    assert {"related-headlines", "latest-news", "source-line", "tags", "timestamp", "footer"} <= ids
    assert rules.title_repeat_id == "title-repeat"
    published = load_published_rules()
    assert published.month_of["ايار"] == 5 and published.month_of["may"] == 5
    assert len(published.paths) >= 2


def test_default_rules_dir() -> None:
    assert (default_rules_dir() / "ar" / "boilerplate.yaml").is_file()


def copy_rules(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), target)
    return target


def test_unknown_key_in_boilerplate_rules_names_the_line(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    path = rules / "ar" / "boilerplate.yaml"
    text = path.read_text(encoding="utf-8").replace("    block: line\n", "    block: line\n    colour: red\n", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    colour: red") + 1
    with pytest.raises(RuleError) as err:
        load_boilerplate_rules("ar", rules)
    assert f"boilerplate.yaml:{line}: rules.2.colour: unknown key 'colour'" in str(err.value)


def test_failing_example_is_a_rule_error(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    path = rules / "ar" / "published.yaml"
    text = path.read_text(encoding="utf-8").replace('{text: "19 مايو 2025", date: 2025-05-19}', '{text: "19 مايو 2025", date: 2025-05-18}')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError, match="published.yaml:\\d+: format 'day-month-name-year'"):
        load_published_rules(rules)


def test_bad_regex_is_a_rule_error(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    path = rules / "ar" / "boilerplate.yaml"
    text = path.read_text(encoding="utf-8").replace("patterns: ['[\\d.,:\\s]+'", "patterns: ['[\\d.,:\\s+'")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError, match="bad regular expression"):
        load_boilerplate_rules("ar", rules)


def test_read_inputs_raises_rule_errors_before_reading(tmp_path: Path) -> None:
    rules = copy_rules(tmp_path)
    (rules / "ar" / "boilerplate.yaml").write_text("language: ar\nrules: 3\n", encoding="utf-8")
    with pytest.raises(RuleError, match="boilerplate.yaml:2"):
        read_inputs([tmp_path / "nothing.txt"], rules_dir=rules)
