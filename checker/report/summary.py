"""The report's summary: counts a reader (or CI) wants before reading any finding."""

from __future__ import annotations

from checker.models import Report, Summary
from checker.report.cards import with_cards
from checker.report.common import KINDS, SEVERITIES


def summarize(report: Report) -> Summary:
    """Count documents, claims, events and mistakes (cards) by kind and severity, and pairs.

    Every kind and severity appears, zero or not, in a fixed order, so the JSON has the same
    shape on every run and a diff shows only what changed.
    """
    by_kind = {kind: 0 for kind in KINDS}
    by_severity = {severity: 0 for severity in SEVERITIES}
    cards = with_cards(report).cards
    for card in cards:
        by_kind[card.kind] = by_kind.get(card.kind, 0) + 1
        by_severity[card.severity] = by_severity.get(card.severity, 0) + 1
    return Summary(
        documents=len(report.documents),
        documents_with_errors=sum(1 for d in report.documents if d.status == "error"),
        claims=len(report.claims),
        events=len(report.events),
        findings=len(cards),
        by_kind=by_kind,
        by_severity=by_severity,
        suppressed=len(report.suppressed),
        pairs=len(report.findings),
    )


def with_summary(report: Report) -> Report:
    """The report with its summary filled in when it has none yet (formats show one always)."""
    if report.summary is not None:
        return report
    return report.model_copy(update={"summary": summarize(report)})
