"""JUnit XML: one test case per document, a failure per finding at or above fail_on."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from report_fixture import SCRIPT_PAYLOAD, build_report

from checker.report import to_junit


def _suite(xml: str) -> ET.Element:
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "checker"
    return suite


def test_one_testcase_per_document_and_a_failure_per_finding() -> None:
    report = build_report()
    suite = _suite(to_junit(report, fail_on="info"))
    cases = suite.findall("testcase")
    assert [(c.get("classname"), c.get("name")) for c in cases] == [
        ("وكالة الشرق للأنباء", "agency-a"),
        ("صحيفة الرافدين", "paper-b"),
        ("documents", "broken"),
    ]
    failures = {c.get("name"): c.findall("failure") for c in cases}
    assert len(failures["agency-a"]) == 1 and len(failures["paper-b"]) == 2
    messages = {f.get("message") for fs in failures.values() for f in fs}
    assert messages == {f.message for f in report.findings}
    first = failures["agency-a"][0]
    assert first.get("type") == "conflict/call.duration"
    assert "أكثر من ساعتين" in (first.text or "") and report.findings[0].fingerprint in (first.text or "")
    errors = cases[2].findall("error")
    assert len(errors) == 1 and "cannot decode" in (errors[0].get("message") or "")
    assert suite.get("tests") == "3" and suite.get("failures") == "2" and suite.get("errors") == "1"


def test_fail_on_keeps_lower_findings_as_output() -> None:
    suite = _suite(to_junit(build_report()))  # default: error
    paper = [c for c in suite.findall("testcase") if c.get("name") == "paper-b"][0]
    assert [f.get("type") for f in paper.findall("failure")] == ["conflict/call.duration"]
    assert "internal/call.date" in (paper.findtext("system-out") or "")


def test_markup_and_control_characters_are_safe() -> None:
    report = build_report(hostile=True)
    report.findings[0].message += "\x00\x07 bell"
    xml = to_junit(report, fail_on="info")
    suite = _suite(xml)
    assert SCRIPT_PAYLOAD not in xml
    hostile = [c for c in suite.findall("testcase") if c.get("name") == "hostile"][0]
    assert SCRIPT_PAYLOAD in (hostile.find("failure").text or "")  # type: ignore[union-attr]
