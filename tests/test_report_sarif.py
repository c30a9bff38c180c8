"""SARIF 2.1.0: valid against the official schema, with regions that point at the evidence."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from report_fixture import PAPER_B_TEXT, build_report

from checker.report import to_sarif
from checker.report.common import LineIndex
from checker.report.sarif_report import build_sarif

SCHEMA = Path(__file__).parent / "data" / "report" / "sarif-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


@pytest.mark.parametrize("hostile", [False, True])
def test_sarif_validates_against_the_official_schema(
    validator: jsonschema.Draft4Validator, hostile: bool
) -> None:
    log = json.loads(to_sarif(build_report(hostile)))
    errors = sorted(validator.iter_errors(log), key=str)
    assert not errors, errors[0]


def test_schema_catches_a_broken_log(validator: jsonschema.Draft4Validator) -> None:
    log = json.loads(to_sarif(build_report()))
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert not validator.is_valid(log)


def test_run_describes_the_tool_and_rules() -> None:
    report = build_report()
    log = json.loads(to_sarif(report))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "checker"
    assert [r["id"] for r in driver["rules"]] == sorted({f.rule for f in report.findings})
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
    assert [r["level"] for r in run["results"]] == ["error", "warning"]
    assert run["invocations"][0]["executionSuccessful"] is False  # broken.txt could not be read
    for result, finding in zip(run["results"], report.findings, strict=True):
        assert result["ruleId"] == finding.rule
        assert driver["rules"][result["ruleIndex"]]["id"] == finding.rule
        assert result["message"]["text"] == finding.message
        assert result["partialFingerprints"] == {"checker/v1": finding.fingerprint}
        assert len(result["relatedLocations"]) == len(finding.evidence) - 1


def test_region_of_evidence_on_line_3() -> None:
    report = build_report()
    result = build_sarif(report)["runs"][0]["results"][0]
    related = result["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "examples/paper-b.txt"
    words = "نحو ساعة ونصف"
    line_3 = PAPER_B_TEXT.split("\n")[2]
    assert words in line_3
    column = line_3.index(words) + 1
    assert related["region"] == {
        "startLine": 3,
        "startColumn": column,
        "endLine": 3,
        "endColumn": column + len(words),  # SARIF: one past the last character
        "snippet": {"text": words},
    }
    primary = result["locations"][0]["physicalLocation"]
    assert primary["artifactLocation"]["uri"] == "examples/agency-a.md"
    assert primary["region"]["startLine"] == 7  # front matter counts: spans index the file text


def test_line_index_handles_crlf_cr_and_astral_characters() -> None:
    text = "a\r\nb\rc\n😀x"
    index = LineIndex(text)
    assert index.position(text.index("b")) == (2, 1)
    assert index.position(text.index("c")) == (3, 1)
    assert index.position(text.index("x")) == (4, 2)  # code points: the emoji is one column
    assert index.region((len(text) - 1, len(text))) is not None
    assert index.region((5, 100)) is None


def test_absolute_paths_become_relative_to_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = build_report()
    monkeypatch.chdir(tmp_path)
    for doc in report.documents:
        doc.path = str(tmp_path / "مقالات" / Path(doc.path).name)
    log = build_sarif(report)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "%D9%85%D9%82%D8%A7%D9%84%D8%A7%D8%AA/agency-a.md"
    outside = build_sarif(report, base="/nonexistent-base")
    uri = outside["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///")


def test_sarif_is_deterministic() -> None:
    assert to_sarif(build_report()) == to_sarif(build_report())
