"""The terminal format, as linters print it: `path:line:col: severity [rule] message`.

One line per mistake (card), at the outlying account's evidence, then a summary line; an
editor's "jump to error" and a CI log's annotations both understand the first part.
"""

from __future__ import annotations

from checker.locale.words import Words
from checker.models import Report
from checker.report.cards import with_cards
from checker.report.common import DocumentIndex, relative_path
from checker.report.summary import with_summary


def _one_line(text: str) -> str:
    return " ".join(text.split())


def summary_line(report: Report, words: Words) -> str:
    """'7 mistakes (15 pairs of accounts) in 11 documents from 11 sources; 4 events, 70 claims'."""
    s = with_summary(report).summary
    assert s is not None
    w = words
    sources = len({d.source for d in report.documents if d.source})
    parts = [
        w._("%(mistakes)s (%(pairs)s) in %(documents)s from %(sources)s") % {
            "mistakes": w.n_("%(n)s mistake", "%(n)s mistakes", s.findings),
            "pairs": w.n_("%(n)s pair of accounts", "%(n)s pairs of accounts", s.pairs),
            "documents": w.n_("%(n)s document", "%(n)s documents", s.documents),
            "sources": w.n_("%(n)s source", "%(n)s sources", sources)},
        w.n_("%(n)s event", "%(n)s events", s.events) + w._(", ") + w.n_("%(n)s claim", "%(n)s claims", s.claims),
    ]
    if s.documents_with_errors:
        parts.append(w.n_("%(n)s document could not be read", "%(n)s documents could not be read",
                          s.documents_with_errors))
    if s.suppressed:
        parts.append(w.n_("%(n)s finding hidden", "%(n)s findings hidden", s.suppressed))
    return w._("; ").join(parts)


def to_text(report: Report) -> str:
    """Every card as one `path:line:col: severity [rule] message` line, then the summary."""
    report = with_summary(with_cards(report))
    words = Words(report.ui_lang or "en")
    index = DocumentIndex(report)
    lines = []
    for card in report.cards:
        ev = card.outlier
        region = index.region(ev)
        where = relative_path(index.path(ev.document))
        where += f":{region.start_line}:{region.start_column}" if region else ":1:1"
        severity = words.p_("severity", card.severity)
        message = _one_line(card.message) + "".join(" " + _one_line(n) for n in card.notes)
        lines.append(f"{where}: {severity} [{card.rule}] {message}")
    for d in report.documents:
        if d.status == "error":
            lines.append(f"{relative_path(d.path)}:1:1: {words.p_('severity', 'error')} [input] {_one_line(d.error or '')}")
    lines.append(summary_line(report, words))
    return "\n".join(lines) + "\n"
