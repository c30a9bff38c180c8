"""The HTML report: one self-contained page for editors, readable offline and safe to open.

Everything the page shows comes from the Report model; the template only lays it out.
Article text is untrusted (it is whatever a web page said), so the template autoescapes every
value, the page loads nothing from anywhere (a Content-Security-Policy says so to the browser),
and the little script that filters findings reads only data- attributes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker import __version__
from checker.controls import visible
from checker.models import Document, Evidence, Finding, Report
from checker.report.common import (
    KIND_LABELS,
    KINDS,
    SEVERITIES,
    DocumentIndex,
    Quote,
    evidence_documents,
    excerpt,
    quote,
)
from checker.report.summary import with_summary

if TYPE_CHECKING:  # Jinja2 is imported lazily: the CLI should not pay for it unless asked
    import jinja2

TEMPLATES = Path(__file__).with_name("templates")
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
RTL_LANGUAGES = ("ar", "fa", "he", "ur", "ps", "yi", "ckb", "dv")
NO_EVENT = "__none__"


@dataclass
class Side:
    """One side of a finding as the page shows it."""

    letter: str
    document: str
    source: str | None
    path: str | None
    position: str | None  # "line 3, column 72"
    value: str
    quote: Quote
    lang: str
    direction: str
    known: bool  # the document is in the report


@dataclass
class FindingView:
    finding: Finding
    sides: list[Side]
    source_keys: list[str]
    event_key: str
    kind_label: str


@dataclass
class BoilerplateView:
    label: str
    marker: str | None
    start: int
    end: int
    excerpt: str


@dataclass
class DocumentView:
    document: Document
    direction: str
    boilerplate: list[BoilerplateView] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)  # ids of findings naming this document


def _direction(lang: str | None) -> str:
    """rtl for languages written right to left, else auto (the browser looks at the text)."""
    base = (lang or "").split("-")[0].lower()
    return "rtl" if base in RTL_LANGUAGES else "auto"


def _side(index: DocumentIndex, evidence: Evidence, number: int) -> Side:
    doc = index.get(evidence.document)
    region = index.region(evidence)
    position = None
    if region is not None:
        position = f"line {region.start_line}, column {region.start_column}"
    lang = doc.language if doc else "ar"
    return Side(
        letter=chr(ord("A") + number) if number < 26 else str(number + 1),
        document=evidence.document,
        source=doc.source if doc else None,
        path=doc.path if doc else None,
        position=position,
        value=evidence.value,
        quote=quote(evidence, doc),
        lang=lang,
        direction=_direction(lang),
        known=doc is not None,
    )


def _source_keys(report: Report) -> dict[str, str]:
    """A short, stable key per source outlet, for the filter (outlet names are free text)."""
    sources = sorted({d.source for d in report.documents if d.source})
    return {source: f"s{i + 1}" for i, source in enumerate(sources)}


def build_context(report: Report) -> dict[str, Any]:
    """Everything the template needs, computed here so the template stays a layout."""
    report = with_summary(report)
    index = DocumentIndex(report)
    keys = _source_keys(report)

    findings: list[FindingView] = []
    by_document: dict[str, list[str]] = {}
    for finding in report.findings:
        doc_ids = evidence_documents(finding)
        for doc_id in doc_ids:
            by_document.setdefault(doc_id, []).append(finding.id)
        sources = {index.source(d) for d in doc_ids}
        findings.append(
            FindingView(
                finding=finding,
                sides=[_side(index, ev, i) for i, ev in enumerate(finding.evidence)],
                source_keys=sorted(keys[s] for s in sources if s in keys),
                event_key=finding.event or NO_EVENT,
                kind_label=KIND_LABELS.get(finding.kind, finding.kind),
            )
        )

    documents: list[DocumentView] = []
    for doc in report.documents:
        view = DocumentView(
            document=doc, direction=_direction(doc.language), findings=by_document.get(doc.id, [])
        )
        for seg in doc.segments:
            if seg.kind != "boilerplate":
                continue
            text = doc.text[seg.start : seg.end] if doc.text else ""
            view.boilerplate.append(
                BoilerplateView(
                    label=seg.label, marker=seg.marker, start=seg.start, end=seg.end, excerpt=excerpt(text)
                )
            )
        documents.append(view)

    summary = report.summary
    assert summary is not None
    used_sources = sorted({s for f in findings for s in f.source_keys})
    key_to_source = {v: k for k, v in keys.items()}
    event_options = [e for e in report.events if any(f.event_key == e.id for f in findings)]
    return {
        "csp": CSP,
        "version": __version__,
        "report": report,
        "summary": summary,
        "kinds": [k for k in KINDS if summary.by_kind.get(k)]
        + [k for k in summary.by_kind if k not in KINDS],
        "severities": [s for s in SEVERITIES if summary.by_severity.get(s)],
        "kind_labels": KIND_LABELS,
        "sources": sorted(keys, key=lambda s: keys[s]),
        "source_options": [(key, key_to_source[key]) for key in used_sources],
        "event_options": event_options,
        "has_unassigned": any(f.event_key == NO_EVENT for f in findings),
        "no_event": NO_EVENT,
        "findings": findings,
        "documents": documents,
        "events": report.events,
    }


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every value is escaped; nothing in the template is marked safe
        finalize=lambda value: visible(value) if isinstance(value, str) else value,  # U+202E shown, not obeyed
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def to_html(report: Report) -> str:
    """Render the report as one self-contained HTML page (no network loads, text escaped)."""
    template = _environment().get_template("report.html.j2")
    return template.render(**build_context(report))
