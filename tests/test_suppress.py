"""Baselines and the suppression file: hidden findings are listed, counted and explained."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from report_fixture import build_report

from checker.report import to_json
from checker.rules.loader import RuleError
from checker.suppress import (
    IgnoreEntry,
    apply_suppressions,
    load_baseline,
    load_ignores,
    unused_ignores,
    write_baseline,
)


@pytest.mark.parametrize("name", ["baseline.json", "baseline.yaml"])
def test_baseline_round_trip_hides_findings(tmp_path: Path, name: str) -> None:
    report = build_report()
    path = tmp_path / name
    write_baseline(report, path)
    text = path.read_text(encoding="utf-8")
    assert "agency-a says the call lasted" in text  # context for people
    baseline = load_baseline(path)
    assert baseline == {f.fingerprint for f in report.findings}

    hidden = apply_suppressions(report, baseline, [])
    assert hidden.findings == []
    assert [(s.fingerprint, s.reason) for s in hidden.suppressed] == [
        (f.fingerprint, "baseline") for f in report.findings
    ]
    assert hidden.summary is not None and hidden.summary.suppressed == 2 and hidden.summary.findings == 0
    assert hidden.summary.by_severity == {"error": 0, "warning": 0, "info": 0}
    assert report.findings and report.summary and report.summary.suppressed == 0  # input untouched
    assert json.loads(to_json(hidden))["summary"]["suppressed"] == 2


def test_baseline_is_deterministic(tmp_path: Path) -> None:
    write_baseline(build_report(), tmp_path / "a.json")
    write_baseline(build_report(), tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_new_findings_are_not_hidden_by_an_old_baseline(tmp_path: Path) -> None:
    report = build_report()
    old = report.model_copy(update={"findings": report.findings[:1]})
    write_baseline(old, tmp_path / "b.yaml")
    result = apply_suppressions(report, load_baseline(tmp_path / "b.yaml"))
    assert [f.id for f in result.findings] == ["f2"]
    assert result.documents[0].text  # document text survives for the HTML report


def test_ignore_file_by_fingerprint_and_by_rule_and_document(tmp_path: Path) -> None:
    report = build_report()
    path = tmp_path / ".checker-ignore.yaml"
    path.write_text(
        "ignore:\n"
        f"  - fingerprint: {report.findings[0].fingerprint}\n"
        "    reason: checked with the agency on 20 March\n"
        "  - rule: compare.weekday\n"
        "    document: paper-b\n"
        "    reason: known print error in paper-b\n"
        "  - rule: compare.weekday\n"
        "    document: nowhere\n"
        "    reason: stale\n",
        encoding="utf-8",
    )
    ignores = load_ignores(path)
    assert [e.reason for e in unused_ignores(report, ignores)] == ["stale"]
    result = apply_suppressions(report, {report.findings[1].fingerprint}, ignores)
    assert result.findings == []
    assert [s.reason for s in result.suppressed] == [
        "checked with the agency on 20 March",
        "known print error in paper-b",
    ]
    assert result.summary is not None and result.summary.suppressed == 2


def test_ignore_reason_wins_over_baseline() -> None:
    report = build_report()
    fp = report.findings[0].fingerprint
    entry = IgnoreEntry(fingerprint=fp, reason="reviewed")
    result = apply_suppressions(report, {fp}, [entry])
    assert [(s.fingerprint, s.reason) for s in result.suppressed] == [(fp, "reviewed")]


def test_missing_reason_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / ".checker-ignore.yaml"
    path.write_text(
        "ignore:\n  - fingerprint: abc\n    reason: fine\n  - fingerprint: def\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError) as info:
        load_ignores(path)
    assert info.value.path == str(path) and info.value.line == 4
    assert str(info.value).startswith(f"{path}:4: ")
    assert "reason" in str(info.value)


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("ignore:\n  - rule: compare.duration\n    reason: x\n", 2, "rule and document"),
        ("ignore:\n  - fingerprint: a\n    rule: r\n    document: d\n    reason: x\n", 2, "not both"),
        ("ignore:\n  - fingerprint: a\n    reason: x\n    because: typo\n", 4, "unknown key 'because'"),
        ("ignore:\n  - fingerprint: a\n    reason: '  '\n", 2, "reason must say why"),
        ("", 1, "empty"),
    ],
)
def test_invalid_ignore_entries(tmp_path: Path, body: str, line: int, words: str) -> None:
    path = tmp_path / "ignore.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_ignores(path)
    assert info.value.line == line, str(info.value)
    assert words in str(info.value)


def test_broken_baseline_is_a_rule_error(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_text('{"version": 1, "findings": [{"fingerprint": "a", "colour": "red"}]}', encoding="utf-8")
    with pytest.raises(RuleError, match="colour"):
        load_baseline(path)
