"""The Markdown report: a pull-request comment an editor can read without leaving the review.

GitHub renders Markdown with some inline HTML and turns `@name` into a notification, so
article text is escaped character by character: it shows as written and does nothing else.
"""

from __future__ import annotations

import re

from checker.models import Finding, Report
from checker.report.common import KINDS, SEVERITIES, DocumentIndex, quote
from checker.report.summary import with_summary

# ASCII punctuation that can start Markdown or HTML syntax (CommonMark lets any of it be
# backslash-escaped, and the escape renders as the plain character).
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-!|~&@\"'=^$])")
_ORDERED = re.compile(r"^(\d+)([.)])")
_BACKTICKS = re.compile(r"`+")


def md_text(text: str) -> str:
    """Escape free text for Markdown: one line, every syntax character neutralised."""
    flat = " ".join(text.split())
    return _ORDERED.sub(r"\1\\\2", _SPECIAL.sub(r"\\\1", flat))


def md_code(text: str) -> str:
    """A code span that holds `text` whatever backticks it contains."""
    flat = " ".join(text.split())
    longest = max((len(m) for m in _BACKTICKS.findall(flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def md_cell(markdown: str) -> str:
    """Make already-escaped Markdown safe inside a table cell (a bare | would end the cell)."""
    return re.sub(r"(?<!\\)\|", r"\\|", markdown)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _summary(report: Report) -> list[str]:
    summary = report.summary
    assert summary is not None
    sources = {d.source for d in report.documents if d.source}
    severities = [s for s in SEVERITIES if s in summary.by_severity] + [
        s for s in summary.by_severity if s not in SEVERITIES
    ]
    kinds = [k for k in KINDS if k in summary.by_kind] + [k for k in summary.by_kind if k not in KINDS]
    counts: dict[tuple[str, str], int] = {}
    for f in report.findings:
        counts[(f.kind, f.severity)] = counts.get((f.kind, f.severity), 0) + 1
    lines = [
        "## Fact-consistency report",
        "",
        f"**{_plural(summary.findings, 'finding')}** in {_plural(summary.documents, 'document')} "
        f"from {_plural(len(sources), 'source')}; {_plural(summary.events, 'event')}, "
        f"{_plural(summary.claims, 'claim')}"
        + (f"; {summary.documents_with_errors} could not be read" if summary.documents_with_errors else "")
        + (f"; {summary.suppressed} suppressed" if summary.suppressed else "")
        + ".",
        "",
        "| Kind | " + " | ".join(severities) + " | Total |",
        "| --- | " + " | ".join("---:" for _ in severities) + " | ---: |",
    ]
    for kind in kinds:
        row = [str(counts.get((kind, s), 0)) for s in severities]
        lines.append(f"| {kind} | " + " | ".join(row) + f" | {summary.by_kind.get(kind, 0)} |")
    total = [str(summary.by_severity.get(s, 0)) for s in severities]
    lines.append("| **Total** | " + " | ".join(f"**{n}**" for n in total) + f" | **{summary.findings}** |")
    return lines


def _index(report: Report) -> list[str]:
    if not report.findings:
        return []
    lines = [
        "",
        "| # | Severity | Kind | Attribute | Documents | Message |",
        "| ---: | --- | --- | --- | --- | --- |",
    ]
    for number, f in enumerate(report.findings, 1):
        docs = ", ".join(md_text(d) for d in f.documents)
        lines.append(
            f"| {number} | {f.severity} | {f.kind} | {md_cell(md_code(f.attribute))} | "
            f"{md_cell(docs)} | {md_cell(md_text(f.message))} |"
        )
    return lines


def _strong(before: str, match: str, after: str) -> str:
    """`match` in bold, inside a word when it can be: ** binds within Arabic words, but next to
    punctuation it must be separated from surrounding text by a space to count as emphasis."""
    words = md_text(match)
    if not words:
        return ""
    left = " " if before and not before[-1].isspace() and not match[0].isalnum() else ""
    right = " " if after and not after[0].isspace() and not match[-1].isalnum() else ""
    return f"{left}**{words}**{right}"


def _finding(index: DocumentIndex, number: int, f: Finding) -> list[str]:
    subject = f" · subject {md_code(f.subject)}" if f.subject else ""
    event = f" · event {md_code(f.event)}" if f.event and f.event != f.subject else ""
    lines = [
        "",
        f"### {number}. {f.severity} · {f.kind} · {md_code(f.attribute)}",
        "",
        md_text(f.message),
        "",
    ]
    for side, ev in enumerate(f.evidence):
        doc = index.get(ev.document)
        letter = chr(ord("A") + side) if side < 26 else str(side + 1)
        where = ""
        region = index.region(ev)
        if doc is not None:
            where = f", {md_code(doc.path)}"
            if region is not None:
                where += f" line {region.start_line}, column {region.start_column}"
        source = f" ({md_text(doc.source)})" if doc is not None and doc.source else ""
        lines.append(f"- **{letter}: {md_text(ev.document)}**{source}{where}: {md_text(ev.value)}")
        q = quote(ev, doc)
        quoted = md_text(q.before) + _strong(q.before, q.match, q.after) + md_text(q.after)
        if not q.whole_sentence:
            quoted = ("… " if q.before else "") + quoted + (" …" if q.after else "")
        lines.append(f"  > {quoted.strip()}")
    lines += ["", f"<sub>rule {md_code(f.rule)}{subject}{event} · fingerprint {md_code(f.fingerprint)}</sub>"]
    return lines


def to_markdown(report: Report) -> str:
    """Render the report as Markdown for a pull-request comment: a summary table, an index of
    findings, then one section per finding with each side's evidence quoted."""
    report = with_summary(report)
    index = DocumentIndex(report)
    lines = _summary(report) + _index(report)
    for number, finding in enumerate(report.findings, 1):
        lines += _finding(index, number, finding)
    failed = [d for d in report.documents if d.status == "error"]
    if failed:
        lines += ["", "### Documents that could not be read", ""]
        for d in failed:
            lines.append(f"- {md_code(d.path)}: {md_text(d.error or 'unknown error')}")
    unread = [d for d in report.documents if d.status == "unsupported_language"]
    if unread:
        lines += ["", "### Documents in a language without rules (no claims read)", ""]
        for d in unread:
            why = next((w for w in d.warnings if "language" in w), f"language {d.language!r}")
            lines.append(f"- {md_code(d.path)}: {md_text(why)}")
    if not report.findings:
        lines += ["", "No findings: the sources agree on everything the rules compared."]
    return "\n".join(lines) + "\n"
