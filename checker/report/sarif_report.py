"""SARIF 2.1.0: findings as code-scanning results, so CI can show them on the article files.

Columns are counted in Unicode code points (run.columnKind = "unicodeCodePoints"), which is
what Python string offsets are; SARIF's default, UTF-16 code units, would shift every column
after a character outside the BMP. Regions are 1-based with endColumn one past the last
character, as SARIF defines them.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote as url_quote

from checker import __version__
from checker.models import Evidence, Finding, Report
from checker.report.common import KIND_LABELS, DocumentIndex, Region, relative_path

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "checker/v1"

# What each attribute is about, for rule help text; unknown attributes get a generic sentence.
ATTRIBUTE_TOPICS: dict[str, str] = {
    "call.date": "the day a phone call took place",
    "call.time": "the time a phone call started (compared as an instant across time zones)",
    "call.duration": "how long a phone call lasted (compared as intervals of minutes)",
    "call.initiator": "who placed a phone call",
    "person.title": "a person's title, office and its status (current, former, acting, elect)",
    "talks.date": "the day a round of talks took place",
    "talks.duration": "how long a round of talks lasted",
    "talks.place": "where a round of talks took place",
    "exchange.prisoners": "how many prisoners were exchanged (per side or in total)",
}


def _uri(path: str, base: str | None) -> str:
    """A relative URI reference for a document path (percent-encoded, forward slashes); a path
    outside `base` becomes a file: URI."""
    rel = relative_path(path, base)
    if PurePosixPath(rel).is_absolute():
        return Path(rel).as_uri()
    return url_quote(rel, safe="/")


def _region(region: Region) -> dict[str, int]:
    return {
        "startLine": region.start_line,
        "startColumn": region.start_column,
        "endLine": region.end_line,
        "endColumn": region.end_column,
    }


def _location(index: DocumentIndex, ev: Evidence, base: str | None, message: str | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(index.path(ev.document), base)}}
    region = index.region(ev)
    if region is not None:
        physical["region"] = _region(region)
        physical["region"]["snippet"] = {"text": ev.text}
    location: dict[str, Any] = {"physicalLocation": physical}
    if message:
        location["message"] = {"text": message}
    return location


def _side_label(index: DocumentIndex, ev: Evidence) -> str:
    source = index.source(ev.document)
    who = f"{ev.document} ({source})" if source else ev.document
    return f"{who}: {ev.value} — «{ev.text}»"


def _rules(findings: list[Finding]) -> list[dict[str, Any]]:
    """One reporting descriptor per rule id present, described from the findings it made."""
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)
    rules = []
    for rule_id in sorted(by_rule):
        group = by_rule[rule_id]
        attributes = sorted({f.attribute for f in group})
        kinds = sorted({f.kind for f in group})
        topics = "; ".join(ATTRIBUTE_TOPICS.get(a, f"the attribute {a}") for a in attributes)
        kinds_text = ", ".join(f"{k} ({KIND_LABELS.get(k, k)})" for k in kinds)
        short = f"Checks {', '.join(attributes)} for contradictions"
        full = (
            f"Compares what the articles say about {topics}. It reports a finding when two accounts "
            f"cannot both be true: the values, read as intervals with their qualifiers, do not "
            f"overlap. Finding kinds seen: {kinds_text}."
        )
        rules.append(
            {
                "id": rule_id,
                "name": rule_id.replace(".", "_"),
                "shortDescription": {"text": short},
                "fullDescription": {"text": full},
                "help": {
                    "text": full + " Read both quotes: one of the articles is wrong or they describe "
                    "different events. A reviewed finding can be baselined by its fingerprint.",
                },
                "properties": {"attributes": attributes, "kinds": kinds},
            }
        )
    return rules


def build_sarif(report: Report, base: str | None = None) -> dict[str, Any]:
    """The SARIF log as a dict; `base` is the folder document paths are made relative to
    (default: the working folder)."""
    index = DocumentIndex(report)
    rules = _rules(report.findings)
    rule_index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = []
    for f in report.findings:
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": rule_index[f.rule],
            "level": LEVELS.get(f.severity, "warning"),
            "kind": "fail",
            "message": {"text": f.message},
            "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
            "properties": {
                "kind": f.kind,
                "attribute": f.attribute,
                "subject": f.subject,
                "event": f.event,
                "documents": f.documents,
                "findingId": f.id,
            },
        }
        if f.evidence:
            first, *others = f.evidence
            result["locations"] = [_location(index, first, base, _side_label(index, first))]
            if others:
                result["relatedLocations"] = [
                    {"id": i, **_location(index, ev, base, _side_label(index, ev))}
                    for i, ev in enumerate(others, 1)
                ]
        else:
            result["locations"] = [
                {"physicalLocation": {"artifactLocation": {"uri": _uri(index.path(d), base)}}}
                for d in f.documents[:1]
            ]
        results.append(result)
    invocation_ok = all(d.status != "error" for d in report.documents)
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{d.path}: {d.error or 'could not be read'}"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(d.path, base)}}}],
        }
        for d in report.documents
        if d.status == "error"
    ] + [
        {
            "level": "warning",
            "message": {"text": f"{d.path}: " + next((w for w in d.warnings if "language" in w),
                                                     f"no rules for language {d.language!r}")},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(d.path, base)}}}],
        }
        for d in report.documents
        if d.status == "unsupported_language"
    ]
    invocation: dict[str, Any] = {"executionSuccessful": invocation_ok}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "checker",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"schemaVersion": report.schema_version},
            }
        ],
    }


def to_sarif(report: Report) -> str:
    """Render the report as a SARIF 2.1.0 log (one run; deterministic)."""
    return json.dumps(build_sarif(report), ensure_ascii=False, indent=2) + "\n"
