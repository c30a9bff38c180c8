"""The Markdown report: a pull-request comment an editor can read without leaving the review.

GitHub renders Markdown with some inline HTML and turns `@name` into a notification, so
article text is escaped character by character: it shows as written and does nothing else.
"""

from __future__ import annotations

import re

from checker.controls import visible
from checker.ingest.names import MARKDOWN_MARKER
from checker.locale.words import Words
from checker.models import Card, Evidence, Report
from checker.report.cards import with_cards
from checker.report.common import KINDS, SEVERITIES, DocumentIndex, quote
from checker.report.summary import with_summary

# ASCII punctuation that can start Markdown or HTML syntax (CommonMark lets any of it be
# backslash-escaped, and the escape renders as the plain character).
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-!|~&@\"'=^$])")
_ORDERED = re.compile(r"^(\d+)([.)])")
_BACKTICKS = re.compile(r"`+")


def md_text(text: str) -> str:
    """Escape free text for Markdown: one line, every syntax character neutralised."""
    flat = " ".join(visible(text).split())
    return _ORDERED.sub(r"\1\\\2", _SPECIAL.sub(r"\\\1", flat))


def md_code(text: str) -> str:
    """A code span that holds `text` whatever backticks it contains."""
    flat = " ".join(visible(text).split())
    longest = max((len(m) for m in _BACKTICKS.findall(flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def md_cell(markdown: str) -> str:
    """Make already-escaped Markdown safe inside a table cell (a bare | would end the cell)."""
    return re.sub(r"(?<!\\)\|", r"\\|", markdown)


def _piece(text: str) -> str:
    """Escape a piece of a sentence, keeping one space at either edge where it had space (the
    bold evidence between two pieces must not be glued to its neighbours)."""
    if not text:
        return ""
    body = md_text(text)
    left = " " if text[:1].isspace() and body else ""
    right = " " if text[-1:].isspace() and body else ""
    return left + body + right


def _summary(report: Report, w: Words) -> list[str]:
    summary = report.summary
    assert summary is not None
    sources = {d.source for d in report.documents if d.source}
    severities = [s for s in SEVERITIES if s in summary.by_severity] + [
        s for s in summary.by_severity if s not in SEVERITIES
    ]
    kinds = [k for k in KINDS if k in summary.by_kind] + [k for k in summary.by_kind if k not in KINDS]
    counts: dict[tuple[str, str], int] = {}
    for c in report.cards:
        counts[(c.kind, c.severity)] = counts.get((c.kind, c.severity), 0) + 1
    # the words are looked up outside the f-strings, where the catalog extractor finds them
    title, kind_h, total_h = w._("Fact-consistency report"), w._("Kind"), w._("Total")
    lines = [
        f"## {title}",
        "",
        "**" + w.n_("%(n)s mistake", "%(n)s mistakes", summary.findings) + "** "
        + w._("(%(pairs)s) in %(documents)s from %(sources)s") % {
            "pairs": w.n_("%(n)s pair of accounts", "%(n)s pairs of accounts", summary.pairs),
            "documents": w.n_("%(n)s document", "%(n)s documents", summary.documents),
            "sources": w.n_("%(n)s source", "%(n)s sources", len(sources))}
        + w._("; ") + w.n_("%(n)s event", "%(n)s events", summary.events) + w._(", ")
        + w.n_("%(n)s claim", "%(n)s claims", summary.claims)
        + (w._("; ") + w.n_("%(n)s document could not be read", "%(n)s documents could not be read",
                             summary.documents_with_errors) if summary.documents_with_errors else "")
        + (w._("; ") + w.n_("%(n)s finding hidden", "%(n)s findings hidden", summary.suppressed)
           if summary.suppressed else "")
        + ".",
        "",
        f"| {kind_h} | " + " | ".join(w.p_("severity", s) for s in severities) + f" | {total_h} |",
        "| --- | " + " | ".join("---:" for _ in severities) + " | ---: |",
    ]
    for kind in kinds:
        row = [str(counts.get((kind, s), 0)) for s in severities]
        lines.append(f"| {w.p_('kind', kind)} | " + " | ".join(row) + f" | {summary.by_kind.get(kind, 0)} |")
    total = [str(summary.by_severity.get(s, 0)) for s in severities]
    lines.append(f"| **{total_h}** | " + " | ".join(f"**{n}**" for n in total) + f" | **{summary.findings}** |")
    return lines


def _index(report: Report, w: Words) -> list[str]:
    if not report.cards:
        return []
    lines = [
        "",
        "| # | " + " | ".join([w._("Severity"), w._("Kind"), w._("Attribute"), w._("Documents"), w._("Message")]) + " |",
        "| ---: | --- | --- | --- | --- | --- |",
    ]
    for number, c in enumerate(report.cards, 1):
        docs = ", ".join(md_text(d) for d in dict.fromkeys([c.outlier.document, *(e.document for e in c.counterparts)]))
        lines.append(
            f"| {number} | {w.p_('severity', c.severity)} | {w.p_('kind', c.kind)} | {md_cell(md_code(c.attribute))} | "
            f"{md_cell(docs)} | {md_cell(md_text(c.message))} |"
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


def _side(index: DocumentIndex, w: Words, label: str, ev: Evidence) -> list[str]:
    doc = index.get(ev.document)
    where = ""
    region = index.region(ev)
    if doc is not None:
        where = f", {md_code(doc.path)}"
        if region is not None:
            where += " " + w._("line %(line)s, column %(column)s") % {"line": region.start_line, "column": region.start_column}
    source = f" ({md_text(doc.source)})" if doc is not None and doc.source else ""
    role = f" [{w.p_('role', doc.role)}]" if doc is not None and doc.role else ""
    q = quote(ev, doc)
    quoted = _piece(q.before) + _strong(q.before, q.match, q.after) + _piece(q.after)
    if not q.whole_sentence:
        quoted = ("… " if q.before else "") + quoted + (" …" if q.after else "")
    return [f"- **{label}: {md_text(ev.document)}**{role}{source}{where}: {md_text(ev.value)}", f"  > {quoted.strip()}"]


def _card(index: DocumentIndex, w: Words, number: int, c: Card) -> list[str]:
    lines = [
        "",
        f"### {number}. {w.p_('severity', c.severity)} · {w.p_('kind', c.kind)} · {md_code(c.attribute)}",
        "",
        md_text(c.message),
        "",
    ]
    for note in c.notes:
        lines += [md_text(note), ""]
    lines += _side(index, w, w._("The account that stands out") if c.counterparts else w._("The account"), c.outlier)
    for ev in c.counterparts:
        lines += _side(index, w, w._("against"), ev)
    fps = " ".join(md_code(fp) for fp in c.fingerprints)
    rule, findings, fingerprints = w._("rule"), w._("findings"), w._("fingerprints")
    lines += ["", f"<sub>{rule} {md_code(c.rule)} · {findings} {', '.join(c.findings)} · {fingerprints} {fps}</sub>"]
    return lines


def to_markdown(report: Report) -> str:
    """Render the report as Markdown for a pull-request comment: a summary table, an index of
    mistakes, then one section per mistake (card) with each account's evidence quoted."""
    report = with_summary(with_cards(report))
    w = Words(report.ui_lang or "en", names=report.names)
    index = DocumentIndex(report)
    lines = _summary(report, w) + _index(report, w)
    for number, card in enumerate(report.cards, 1):
        lines += _card(index, w, number, card)
    failed = [d for d in report.documents if d.status == "error"]
    if failed:
        lines += ["", "### " + w._("Documents that could not be read"), ""]
        for d in failed:
            lines.append(f"- {md_code(d.path)}: {md_text(d.error or 'unknown error')}")
    unread = [d for d in report.documents if d.status == "unsupported_language"]
    if unread:
        lines += ["", "### " + w._("Documents in a language without rules (no claims read)"), ""]
        for d in unread:
            why = next((x for x in d.warnings if "language" in x), f"language {d.language!r}")
            lines.append(f"- {md_code(d.path)}: {md_text(why)}")
    if not report.cards:
        lines += ["", w._("No mistakes: the sources agree on everything the rules compared.")]
    lines += ["", MARKDOWN_MARKER]  # invisible when rendered; tells the next run this file is no article
    return "\n".join(lines) + "\n"
