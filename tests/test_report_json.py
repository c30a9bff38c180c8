"""The JSON report: deterministic, valid against the shipped schema, the schema not stale."""

from __future__ import annotations

import json

import jsonschema
from report_fixture import build_report

from checker.models import Report
from checker.report import to_json
from checker.report.schema import SCHEMA_PATH, main, render_schema


def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_json_validates_against_the_shipped_schema() -> None:
    for hostile in (False, True):
        data = json.loads(to_json(build_report(hostile)))
        errors = sorted(_validator().iter_errors(data), key=str)
        assert not errors, errors[0]


def test_schema_rejects_unknown_keys_and_bad_values() -> None:
    data = json.loads(to_json(build_report()))
    data["findings"][0]["colour"] = "red"
    assert not _validator().is_valid(data)
    data = json.loads(to_json(build_report()))
    data["findings"][0]["severity"] = "fatal"
    assert not _validator().is_valid(data)


def test_shipped_schema_is_up_to_date() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render_schema(), (
        "checker/report/report.schema.json is stale: run python -m checker.report.schema"
    )
    assert main(["--check"]) == 0


def test_json_is_deterministic_and_keeps_arabic() -> None:
    first, second = to_json(build_report()), to_json(build_report())
    assert first == second
    assert first.endswith("}\n")
    assert "وكالة الشرق للأنباء" in first  # no \u escapes
    assert "\\u06" not in first


def test_json_follows_the_contract() -> None:
    data = json.loads(to_json(build_report()))
    assert list(data)[:3] == ["schema_version", "tool", "documents"]
    doc = data["documents"][0]
    assert "text" not in doc  # the article text stays out of the JSON
    assert doc["published"] == {"from": "2025-03-18", "to": "2025-03-18", "how": "front matter"}
    assert [d["status"] for d in data["documents"]] == ["ok", "ok", "error"]
    finding = data["findings"][0]
    for key in (
        "id",
        "kind",
        "attribute",
        "subject",
        "event",
        "documents",
        "severity",
        "message",
        "evidence",
        "rule",
        "fingerprint",
    ):
        assert key in finding
    assert data["claims"][0]["span"] == list(build_report().claims[0].span)
    assert data["summary"]["by_kind"] == {"conflict": 1, "internal": 1, "knowledge": 0}


def test_json_round_trips_through_the_model() -> None:
    report = build_report()
    again = Report.model_validate_json(to_json(report))
    assert to_json(again) == to_json(report)


def test_json_bytes_match_the_standard_library_rendering() -> None:
    # to_json uses pydantic-core's serialiser for speed; the file must not change because of it
    for hostile in (False, True):
        report = build_report(hostile)
        data = report.model_dump(mode="json", by_alias=True)
        assert to_json(report) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
