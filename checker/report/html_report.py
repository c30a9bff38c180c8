"""The HTML report: one self-contained page for editors, readable offline and safe to open.

Everything the page shows comes from the Report model; the template only lays it out, in the
report's interface language (`Report.ui_lang`: Arabic pages are lang="ar" dir="rtl" from top
to bottom; article text carries its own lang and dir). One card per mistake, grouped by event;
a large report stays light: quotes are cut to the words around the evidence, and past
OPEN_CARDS cards the event groups start closed (the browser lays out only what is open).
Article text is untrusted (it is whatever a web page said), so the template autoescapes every
value, the page loads nothing from anywhere (a Content-Security-Policy says so to the browser),
and the little script that filters cards and copies ignore entries reads only data- attributes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
import re

from checker import __version__
from checker.controls import visible
from checker.locale import N_, direction, translations
from checker.locale.words import Words
from checker.models import Card, Document, Evidence, Report
from checker.report.cards import with_cards
from checker.report.common import KINDS, SEVERITIES, DocumentIndex, Quote, excerpt, quote
from checker.report.summary import with_summary

if TYPE_CHECKING:  # Jinja2 is imported lazily: the CLI should not pay for it unless asked
    import jinja2

TEMPLATES = Path(__file__).with_name("templates")
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
NO_EVENT = "__none__"
OPEN_CARDS = 150  # with more cards than this the page is compact: see build_context
OUTLIER_CONTEXT = 110  # characters of the sentence kept on each side of the outlier's evidence
COUNTERPART_CONTEXT = 60  # ... and of a counterpart's
COMPACT_CONTEXT = 40  # ... of the outlier's on a compact page (a counterpart's: its words only)
_LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*[A-Za-z0-9]|[A-Za-z]")
_BETWEEN_TAGS = re.compile(r">(?:[ \t]*\n\s*|[ \t]{2,})<")  # the template's indentation, not the text's

# attribute ids as an editor reads them; the catalog translates them (context "attribute")
ATTRIBUTES = {
    "call.date": N_("attribute", "date of the call"),
    "call.time": N_("attribute", "time of the call"),
    "call.duration": N_("attribute", "length of the call"),
    "call.initiator": N_("attribute", "who placed the call"),
    "person.title": N_("attribute", "title"),
    "talks.date": N_("attribute", "date of the talks"),
    "talks.duration": N_("attribute", "length of the talks"),
    "talks.place": N_("attribute", "place of the talks"),
    "exchange.prisoners": N_("attribute", "prisoners exchanged"),
    "meeting.date": N_("attribute", "date of the meeting"),
    "meeting.place": N_("attribute", "place of the meeting"),
    "meeting.duration": N_("attribute", "length of the meeting"),
    "strike.killed": N_("attribute", "people killed"),
    "strike.wounded": N_("attribute", "people wounded"),
}


@dataclass
class Side:
    """One account on a card as the page shows it."""

    document: str
    source: str | None
    path: str | None
    position: tuple[int, int] | None  # (line, column)
    value: str
    quote: Quote
    lang: str
    direction: str
    known: bool  # the document is in the report
    role: str | None  # "new" / "published" in `checker check`


@dataclass
class CardView:
    card: Card
    outlier: Side
    counterparts: list[Side]
    source_keys: list[str]
    event_key: str
    attribute: str  # in the reader's words


@dataclass
class GroupView:
    key: str  # event id or NO_EVENT
    title: str
    cards: list[CardView] = field(default_factory=list)


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
    cards: list[str] = field(default_factory=list)  # ids of the cards naming this document


def _direction(lang: str | None) -> str:
    """Of article text: rtl for languages written right to left, else auto (the browser looks)."""
    return direction(lang, "auto")


def _cut(q: Quote, width: int) -> Quote:
    """The quote with at most `width` characters kept on each side of the evidence, cut at a
    space; `whole_sentence` turns False when anything was cut, so the page shows an ellipsis."""
    before, after, whole = q.before, q.after, q.whole_sentence
    if len(before) > width:
        cut = before[-width:]
        before, whole = cut[cut.find(" ") + 1:] if " " in cut else cut, False
    if len(after) > width:
        cut = after[:width]
        after, whole = cut[: cut.rfind(" ")] if " " in cut else cut, False
    return Quote(before, q.match, after, whole)


def _side(index: DocumentIndex, evidence: Evidence, width: int | None, compact: bool = False) -> Side:
    """One account; `width` None keeps only the quoted words, `compact` leaves the path to the
    documents table."""
    doc = index.get(evidence.document)
    region = index.region(evidence)
    lang = doc.language if doc else "ar"
    q = quote(evidence, doc)
    return Side(
        document=evidence.document,
        source=doc.source if doc else None,
        path=doc.path if doc and not compact else None,
        position=(region.start_line, region.start_column) if region is not None else None,
        value=evidence.value,
        quote=_cut(q, width) if width is not None else Quote("", q.match or evidence.text, "", True),
        lang=lang,
        direction=_direction(lang),
        known=doc is not None,
        role=doc.role if doc else None,
    )


def _source_keys(report: Report) -> dict[str, str]:
    """A short, stable key per source outlet, for the filter (outlet names are free text)."""
    sources = sorted({d.source for d in report.documents if d.source})
    return {source: f"s{i + 1}" for i, source in enumerate(sources)}


def _event_title(event, words: Words) -> str:
    """'the call · Trump, Putin · 18 March 2025' in the reader's words."""
    parts = [words.event(event.type), words.join([words.entity(p) for p in event.participants])]
    d = event.date
    if d.date_from and d.date_from == d.date_to:
        parts.append(words.date(d.date_from))
    elif d.date_from or d.date_to:
        parts.append(" – ".join(words.date(x) if x else "…" for x in (d.date_from, d.date_to)))
    if event.place:
        parts.append(words.entity(event.place))
    return " · ".join(p for p in parts if p)


def build_context(report: Report) -> dict[str, Any]:
    """Everything the template needs, computed here so the template stays a layout.

    Past OPEN_CARDS cards the page is compact, so that thousands of mistakes stay a page a
    browser opens at once: event groups start closed, a counterpart is quoted by its words
    only, the event groups stand for the events table, and the documents table lists only the
    documents that could not be read (or carry warnings); the JSON report has everything."""
    report = with_summary(with_cards(report))
    compact = len(report.cards) > OPEN_CARDS
    lang = report.ui_lang or "en"
    words = Words(lang, names=report.names)
    index = DocumentIndex(report)
    keys = _source_keys(report)
    events = {e.id: e for e in report.events}

    groups: dict[str, GroupView] = {}
    by_document: dict[str, list[str]] = {}
    for card in report.cards:
        sides = [card.outlier, *card.counterparts]
        doc_ids = list(dict.fromkeys(ev.document for ev in sides))
        for doc_id in doc_ids:
            by_document.setdefault(doc_id, []).append(card.id)
        sources = {index.source(d) for d in doc_ids}
        event_key = card.event or NO_EVENT
        if event_key not in groups:
            title = _event_title(events[card.event], words) if card.event in events else words._("no single event")
            groups[event_key] = GroupView(key=event_key, title=title)
        groups[event_key].cards.append(CardView(
            card=card,
            outlier=_side(index, card.outlier, COMPACT_CONTEXT if compact else OUTLIER_CONTEXT, compact),
            counterparts=[_side(index, ev, None if compact else COUNTERPART_CONTEXT, compact)
                          for ev in card.counterparts],
            source_keys=sorted(keys[s] for s in sources if s in keys),
            event_key=event_key,
            attribute=words.p_("attribute", ATTRIBUTES[card.attribute]) if card.attribute in ATTRIBUTES
            else card.attribute,
        ))

    documents: list[DocumentView] = []
    shown_docs = [d for d in report.documents if not compact or d.status != "ok" or d.warnings]
    for doc in shown_docs:
        view = DocumentView(document=doc, direction=_direction(doc.language), cards=by_document.get(doc.id, []))
        for seg in doc.segments:
            if seg.kind != "boilerplate":
                continue
            text = doc.text[seg.start : seg.end] if doc.text and not compact else ""
            view.boilerplate.append(
                BoilerplateView(label=seg.label, marker=seg.marker, start=seg.start, end=seg.end, excerpt=excerpt(text))
            )
        documents.append(view)

    shown_events = [] if compact else report.events  # compact: the groups above are the events
    summary = report.summary
    assert summary is not None
    used_sources = sorted({s for g in groups.values() for c in g.cards for s in c.source_keys})
    key_to_source = {v: k for k, v in keys.items()}
    group_list = list(groups.values())
    return {
        "csp": CSP,
        "version": __version__,
        "lang": lang,
        "dir": direction(lang),
        "w": words,
        "report": report,
        "summary": summary,
        "kinds": [k for k in KINDS if summary.by_kind.get(k)] + [k for k in summary.by_kind if k not in KINDS],
        "severities": [s for s in SEVERITIES if summary.by_severity.get(s)],
        "sources": sorted(keys, key=lambda s: keys[s]),
        "source_options": [(key, key_to_source[key]) for key in used_sources],
        "groups": group_list,
        "open_groups": not compact,
        "compact": compact,
        "hidden_documents": len(report.documents) - len(shown_docs),
        "cards": len(report.cards),
        "no_event": NO_EVENT,
        "documents": documents,
        "events": shown_events,
        "hidden_events": len(report.events) - len(shown_events),
        "event_titles": {e.id: _event_title(e, words) for e in shown_events},
    }


def isolate_latin(text: str):
    """`text` escaped, each run of Latin letters and digits (a document id such as
    003000_nahar-gate) in <bdi>: in a right-to-left sentence the browser would otherwise
    reorder its parts around the hyphen and the digits."""
    from markupsafe import Markup, escape

    text = visible(text)  # control characters shown as codes first, as every other value is
    out, last = [], 0
    for m in _LATIN_RUN.finditer(text):
        if not any(ch.isascii() and ch.isalpha() for ch in m.group()):
            continue  # a number alone keeps its place
        out += [escape(text[last:m.start()]), Markup("<bdi>"), escape(m.group()), Markup("</bdi>")]
        last = m.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


@lru_cache(maxsize=4)
def _environment(lang: str) -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every value is escaped; nothing in the template is marked safe
        finalize=lambda value: visible(value) if isinstance(value, str) else value,  # U+202E shown, not obeyed
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.filters["isolate"] = isolate_latin if direction(lang) == "rtl" else (lambda text: text)
    return env


def to_html(report: Report) -> str:
    """Render the report as one self-contained HTML page (no network loads, text escaped)."""
    context = build_context(report)
    template = _environment(context["lang"]).get_template("report.html.j2")
    html = template.render(**context)
    head, script, tail = html.partition("<script>")
    # the template's line breaks between tags weigh a fifth of a large page; text is escaped,
    # so a raw ">" or "<" is always a tag's
    return _BETWEEN_TAGS.sub("><", head) + script + tail
