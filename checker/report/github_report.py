"""GitHub Actions workflow annotations: findings shown on the article files in a pull request.

One `::error|warning|notice ...::message` line per finding per evidence quote. Values are
escaped as the Actions runner expects: in the message `%`, CR and LF; in properties also `:`
and `,` (they separate properties).
"""

from __future__ import annotations

from checker.locale import translations
from checker.controls import visible
from checker.models import Evidence, Finding, Report
from checker.report.common import DocumentIndex, relative_path

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message (the part after `::`)."""
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title): as the message, plus `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _message(index: DocumentIndex, finding: Finding, here: Evidence, here_label: str = "Here") -> str:
    lines = [finding.message, "", f"{here_label}: {here.value} «{here.text}»"]
    for ev in finding.evidence:
        if ev is here:
            continue
        source = index.source(ev.document)
        who = f"{ev.document} ({source})" if source else ev.document
        lines.append(f"{who}: {ev.value} «{ev.text}»")
    lines.append(f"fingerprint {finding.fingerprint}")
    return "\n".join(lines)


def annotation(index: DocumentIndex, finding: Finding, ev: Evidence, base: str | None = None,
               here_label: str = "Here") -> str:
    """One workflow command for one side of a finding.

    GitHub takes columns only on a one-line span, and its endColumn is the last character
    (inclusive), unlike SARIF's.
    """
    props: list[tuple[str, str]] = [("file", relative_path(index.path(ev.document), base))]
    region = index.region(ev)
    if region is not None:
        props.append(("line", str(region.start_line)))
        last = index.last_character(ev)
        if last is not None and last[0] == region.start_line:
            props += [
                ("endLine", str(last[0])),
                ("col", str(region.start_column)),
                ("endColumn", str(last[1])),
            ]
        elif last is not None:
            props.append(("endLine", str(last[0])))
    props.append(("title", f"checker: {finding.attribute} ({finding.kind}, {finding.rule})"))
    head = ",".join(f"{name}={escape_property(value)}" for name, value in props)
    command = COMMANDS.get(finding.severity, "warning")
    return f"::{command} {head}::{escape_data(_message(index, finding, ev, here_label))}"


def to_github(report: Report) -> str:
    """Render the findings as GitHub workflow annotation lines (stdout in a workflow step)."""
    index = DocumentIndex(report)
    here = translations(report.ui_lang or "en").gettext("Here")  # the side this annotation sits on
    lines = [annotation(index, f, ev, here_label=here) for f in report.findings for ev in f.evidence]
    for doc in report.documents:
        if doc.status == "error":
            file = escape_property(relative_path(doc.path))
            title = escape_property("checker: cannot read input")
            lines.append(
                f"::error file={file},title={title}::{escape_data(doc.error or 'could not be read')}"
            )
    return "".join(line + "\n" for line in lines)
