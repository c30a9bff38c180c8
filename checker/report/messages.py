"""Saying a report in the interface language: finding and card messages, values, names.

The comparison writes its findings in English with ids (it runs anywhere, once); this stage,
run before any output is written, groups them into cards and says every message and value
again in the reader's language and words: documents by outlet, people and countries by their
display names, values as an article would put them. The templates are the English ones of
rules/policy.yaml, translated through the catalog with the check's name as context.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from checker.locale.words import Words
from checker.models import Card, Claim, Document, Evidence, Finding, Report
from checker.report.cards import with_cards
from checker.report.summary import summarize

if TYPE_CHECKING:
    from checker.rules.ruleset import RuleSet

LIST_NAMES = 5  # a message names at most this many documents on one side
CLOSE = 1.5  # two durations closer than this ratio conflict only by their intervals: show them


def _says_less(v, o) -> bool:
    """True when value `o` says all that `v` says and more: the same day with its weekday, or
    the same total with the count per side."""
    if v.type == o.type == "date":
        return v.day is not None and v.day == o.day and v.weekday is None and o.weekday is not None
    if v.type == o.type == "count":
        return v.per_side is None and v.total is not None and v.total == o.total and o.per_side is not None
    return False


class Speaker:
    """Messages and values of one report in one language."""

    def __init__(self, report: Report, lang: str, rs: RuleSet) -> None:
        self.words = Words(lang, rs)
        self.rs = rs
        self.claims: dict[str, Claim] = {c.id: c for c in report.claims}
        self.docs: dict[str, Document] = {d.id: d for d in report.documents}
        self.events = {e.id: e for e in report.events}
        per_source: dict[str, int] = defaultdict(int)
        for d in report.documents:
            if d.source:
                per_source[d.source] += 1
        self._shared = {s for s, n in per_source.items() if n > 1}
        self._evidence: dict[tuple, Evidence] = {}
        self._values: dict[tuple, str] = {}
        self._names: dict[str, str] = {}  # document id -> how messages name it  # (claim id, with interval) -> the value in words

    # ------------------------------------------------------------------ pieces

    def document(self, doc_id: str) -> str:
        """A document as the reader knows it: its outlet, with the id when the outlet has several;
        the id alone when the outlet's name runs against the sentence (an Arabic outlet in an
        English message), since the formats show plain text and no direction marks."""
        hit = self._names.get(doc_id)
        if hit is not None:
            return hit
        doc = self.docs.get(doc_id)
        name = doc_id
        if doc is not None and doc.source and self.words.reads_along(doc.source):
            name = f"{doc.source} ({doc_id})" if doc.source in self._shared else doc.source
        if doc is not None and doc.role:  # `checker check`: which side is the article being checked
            name += " " + (self.words._("[new]") if doc.role == "new" else self.words._("[published]"))
        self._names[doc_id] = name
        return name

    def _claim(self, ev: Evidence) -> Claim | None:
        return self.claims.get(ev.claim or "")

    def value(self, ev: Evidence, interval: bool = False) -> str:
        key = (ev.claim, interval)
        hit = self._values.get(key)
        if hit is None:
            c = self._claim(ev)
            hit = ev.value if c is None else self.words.value(c.value, c.qualifier, interval)
            if c is not None:
                self._values[key] = hit
        return hit

    def evidence(self, ev: Evidence, interval: bool = False) -> Evidence:
        """The evidence with its value in the reader's words (one copy per claim and form)."""
        key = (ev.document, ev.claim, ev.span, interval)
        hit = self._evidence.get(key)
        if hit is None:
            hit = self._evidence[key] = ev.model_copy(update={"value": self.value(ev, interval)})
        return hit

    def _intervals(self, sides: list[Evidence]) -> bool:
        """Durations whose stated values are close: the intervals are what makes them conflict."""
        values = [c.value for c in map(self._claim, sides) if c is not None and c.value.type == "duration"]
        points = [v.minutes if v.max is not None else v.min for v in values]
        points = [p for p in points if p > 0]
        return len(points) >= 2 and max(points) / min(points) < CLOSE

    def _documents(self, sides: list[Evidence]) -> str:
        """The documents of `sides` as a list; past LIST_NAMES, the first ones and how many more."""
        names = list(dict.fromkeys(self.document(ev.document) for ev in sides))
        if len(names) > LIST_NAMES:
            more = self.words.n_("%(n)s other", "%(n)s others", len(names) - LIST_NAMES + 1)
            names = names[: LIST_NAMES - 1] + [more]
        return self.words.join(names)

    def _fullest(self, sides: list[Evidence]) -> list[Evidence]:
        """The sides, without one whose value another side's value says in full ("16 May 2025"
        beside "Friday 16 May 2025"), for listing the values of several accounts."""
        claims = [self._claim(ev) for ev in sides]
        return [ev for ev, c in zip(sides, claims)
                if c is None or not any(o is not None and _says_less(c.value, o.value) for o in claims)]

    def template(self, rule: str) -> str:
        english = self.rs.policy.checks[rule].message
        return self.words.p_(rule, english)

    def _fill(self, rule: str, fields: dict[str, str]) -> str:
        return self.template(rule).format_map(defaultdict(str, fields))

    # ------------------------------------------------------------------ messages

    def pair_message(self, rule: str, subject: str, event: str | None, outlier: Evidence,
                     others: list[Evidence]) -> str:
        interval = self._intervals([outlier, *others])
        e = self.events.get(event or "")
        return self._fill(rule, {
            "event": self.words.event(e.type if e else None),
            "subject": self.words.entity(subject),
            "a": self.document(outlier.document),
            "va": self.value(outlier, interval),
            "b": self._documents(others),
            "vb": self.words.join([self.value(o, interval) for o in self._fullest(others)], style="or"),
        })

    def single_message(self, f: Finding) -> str:
        ev = f.evidence[0]
        c = self._claim(ev)
        w = self.words
        fields = {"document": self.document(ev.document), "subject": w.entity(f.subject), "value": self.value(ev)}
        if f.rule == "internal.weekday" and c is not None and c.value.type == "date" and c.value.day:
            fields.update(date=w.date(c.value.day), actual=w.weekday(c.value.day.weekday()))
        elif f.rule == "knowledge.title" and f.params:
            held = [w._("%(person)s as %(title)s since %(date)s") % {
                        "person": w.entity(p), "title": w.title(role, country), "date": w.date(dt.date.fromisoformat(since))}
                    if since else w._("%(person)s as %(title)s") % {"person": w.entity(p), "title": w.title(role, country)}
                    for p, role, country, since in f.params.get("held", [])]
            lo = dt.date.fromisoformat(f.params["date"])
            hi = dt.date.fromisoformat(f.params.get("date_to") or f.params["date"])
            when = w.date(lo) if lo == hi else w._("any day from %(start)s to %(end)s") % {
                "start": w.date(lo), "end": w.date(hi)}
            # what the day rests on when the page does not state it (checker.compare.findings)
            basis = f.params.get("basis")
            note = (w._("estimated: the page states no date of its own") if basis == "estimated" else
                    w._("the day the other accounts give the event; this page gives only the weekday")
                    if basis == "others" else
                    w._("the day the other accounts give the event; this page gives no day but names its matter")
                    if basis == "matters" else None)
            if note:
                when = "%s (%s)" % (when, note)
            fields.update(date=when, held=w._("; ").join(held))
            if not held:
                fields["held"] = w._("no such office for them")
        elif f.rule == "knowledge.name" and c is not None and f.params:
            fields.update(value=c.value.given, known=" / ".join(f.params.get("known", [])))
        else:
            return f.message
        return self._fill(f.rule, fields)

    def finding(self, f: Finding, outlier: str | None = None) -> Finding:
        """The finding said again; of a pair, the side of document `outlier` speaks first."""
        if len(f.evidence) >= 2:
            a, *others = sorted(f.evidence, key=lambda ev: ev.document != outlier)
            message = self.pair_message(f.rule, f.subject, f.event, a, others)
        else:
            message = self.single_message(f)
        interval = self._intervals(f.evidence)
        return f.model_copy(update={"message": message, "evidence": [self.evidence(ev, interval) for ev in f.evidence]})

    def card(self, card: Card, members: list[Finding]) -> Card:
        pairs = [f for f in members if len(f.evidence) >= 2]
        singles = [f for f in members if len(f.evidence) == 1]
        sides = [card.outlier, *card.counterparts]
        interval = self._intervals(sides)
        if pairs:
            message = self.pair_message(card.rule, card.subject, card.event, card.outlier, card.counterparts)
            notes = [f.message for f in singles]
        else:
            message, notes = members[0].message, [f.message for f in members[1:]]
        return card.model_copy(update={
            "message": message, "notes": notes, "outlier": self.evidence(card.outlier, interval),
            "counterparts": [self.evidence(ev, interval) for ev in card.counterparts]})


def localize(report: Report, lang: str, rs: RuleSet) -> Report:
    """The report in `lang`: cards made, every message and value said again, `ui_lang` set."""
    report = with_cards(report, rs)
    speaker = Speaker(report, lang, rs)
    outlier = {fid: c.outlier.document for c in report.cards for fid in c.findings}
    findings = [speaker.finding(f, outlier.get(f.id)) for f in report.findings]
    by_id = {f.id: f for f in findings}
    cards = [speaker.card(c, [by_id[i] for i in c.findings]) for c in report.cards]
    out = report.model_copy(update={"findings": findings, "cards": cards, "ui_lang": lang, "summary": None,
                                    "names": speaker.words.all_names()})
    return out.model_copy(update={"summary": summarize(out)})
