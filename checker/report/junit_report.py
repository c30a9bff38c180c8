"""JUnit XML: one test case per document, so any CI that reads test results shows the checks.

A document "fails" when a finding at or above `fail_on` names it; findings below the
threshold are kept in the test case's system-out so nothing is lost. Built with ElementTree,
which escapes markup; characters XML cannot hold at all are dropped first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from checker.models import Finding, Report
from checker.report.common import DocumentIndex, at_or_above, evidence_documents, quote

# Characters XML 1.0 forbids even as references (C0 controls other than tab, LF, CR; surrogates).
_INVALID_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def _body(index: DocumentIndex, finding: Finding) -> str:
    """The finding as plain text: message, then each side's value and quoted sentence."""
    lines = [finding.message, ""]
    for side, ev in enumerate(finding.evidence):
        letter = chr(ord("A") + side) if side < 26 else str(side + 1)
        doc = index.get(ev.document)
        source = f" ({doc.source})" if doc is not None and doc.source else ""
        where = ""
        region = index.region(ev)
        if doc is not None:
            where = f" {doc.path}" + (f":{region.start_line}:{region.start_column}" if region else "")
        lines.append(f"{letter}: {ev.document}{source}{where}")
        lines.append(f"   value: {ev.value}")
        q = quote(ev, doc)
        lines.append(f"   text: {ev.text}")
        lines.append(f"   in: {q.before}[{q.match}]{q.after}" if q.match else f"   in: {q.before}")
    lines += ["", f"rule: {finding.rule}", f"fingerprint: {finding.fingerprint}"]
    return _clean("\n".join(lines))


def build_junit(report: Report, fail_on: str = "error") -> ET.Element:
    """The JUnit tree: <testsuites> holding one <testsuite name="checker">."""
    index = DocumentIndex(report)
    by_document: dict[str, list[Finding]] = {}
    for finding in report.findings:
        for doc_id in evidence_documents(finding):
            by_document.setdefault(doc_id, []).append(finding)

    suite = ET.Element("testsuite", {"name": "checker"})
    props = ET.SubElement(suite, "properties")
    ET.SubElement(props, "property", {"name": "schema_version", "value": report.schema_version})
    ET.SubElement(props, "property", {"name": "fail_on", "value": fail_on})
    failed = errors = failure_elements = 0
    for doc in report.documents:
        case = ET.SubElement(
            suite,
            "testcase",
            {
                "classname": _clean(doc.source or "documents"),
                "name": _clean(doc.id),
                "file": _clean(doc.path),
                "time": "0",
            },
        )
        below: list[str] = []
        case_failed = False
        for finding in by_document.get(doc.id, []):
            if at_or_above(finding.severity, fail_on):
                failure = ET.SubElement(
                    case,
                    "failure",
                    {"message": _clean(finding.message), "type": f"{finding.kind}/{finding.attribute}"},
                )
                failure.text = _body(index, finding)
                failure_elements += 1
                case_failed = True
            else:
                below.append(
                    f"[{finding.severity}] {finding.kind}/{finding.attribute}: {_body(index, finding)}"
                )
        if doc.status == "error":
            error = ET.SubElement(
                case, "error", {"message": _clean(doc.error or "could not be read"), "type": "input"}
            )
            error.text = _clean(f"{doc.path}: {doc.error or 'could not be read'}")
            errors += 1
        elif case_failed:
            failed += 1
        if below:
            out = ET.SubElement(case, "system-out")
            out.text = _clean("\n\n".join(below))
    counts = {
        "tests": str(len(report.documents)),
        "failures": str(failed),
        "errors": str(errors),
        "skipped": "0",
        "time": "0",
    }
    suite.attrib.update(counts)
    ET.SubElement(props, "property", {"name": "failure_elements", "value": str(failure_elements)})
    root = ET.Element(
        "testsuites", {"name": "checker", **{k: counts[k] for k in ("tests", "failures", "errors", "time")}}
    )
    root.append(suite)
    return root


def to_junit(report: Report, fail_on: str = "error") -> str:
    """Render the report as JUnit XML; findings at or above `fail_on` become <failure>s
    (use functools.partial to pass the CLI's --fail-on)."""
    root = build_junit(report, fail_on)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
