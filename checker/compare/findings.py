"""Findings: conflicts between sources, inconsistencies inside one article, and claims the
knowledge base contradicts. Severity and message come from rules/policy.yaml."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from itertools import combinations

from checker.compare import comparators as cmp
from checker.models import Claim, DateValue, Document, Event, Evidence, Finding, TitleValue
from checker.resolve.dates import WEEKDAYS_EN, weekday_mismatch
from checker.resolve.kb import holder, offices_of
from checker.rules.ruleset import RuleSet

_SENTENCE_EDGE = re.compile(r"[.!?؟\n]")


def fingerprint(rule: str, attribute: str, subject: str, event_key: str, documents: list[str]) -> str:
    """Stable across runs, input order and line moves: no offsets, no run-specific ids."""
    raw = "\x1f".join([rule, attribute, subject, event_key, *sorted(documents)])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def event_key(event: Event | None) -> str:
    if event is None:
        return "-"
    day = event.date.date_from.isoformat() if event.date.date_from else "undated"
    return f"{event.type}/{'+'.join(event.participants)}/{day}"


class FindingBuilder:
    def __init__(self, rs: RuleSet, docs: dict[str, Document], events: dict[str, Event]):
        self.rs, self.docs, self.events = rs, docs, events
        self.found: dict[str, Finding] = {}

    def evidence(self, c: Claim) -> Evidence:
        text = self.docs[c.document].text
        a, b = c.span
        start = max((m.end() for m in _SENTENCE_EDGE.finditer(text, 0, a)), default=0)
        m = _SENTENCE_EDGE.search(text, b)
        end = m.end() if m and m.group() != "\n" else (m.start() if m else len(text))
        sentence = text[start:end].strip()
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        return Evidence(document=c.document, claim=c.id, value=cmp.describe(c.value), text=c.text, span=c.span,
                        sentence=sentence, sentence_start=start + lead)

    def add(self, kind: str, check: str, attribute: str, subject: str, event: Event | None,
            claims: list[Claim], fields: dict[str, str]) -> None:
        policy = self.rs.policy.checks[check]
        documents = sorted({c.document for c in claims})
        fp = fingerprint(check, attribute, subject, event_key(event), documents)
        if fp in self.found:
            return  # one finding per check, subject, event and set of documents
        names = {"event": event.type if event else "event", "subject": subject}
        message = policy.message.format_map(defaultdict(str, {**names, **fields}))
        self.found[fp] = Finding(id="", kind=kind, attribute=attribute, subject=subject,
                                 event=event.id if event else None, documents=documents,
                                 severity=policy.severity, message=message,
                                 evidence=[self.evidence(c) for c in claims], rule=check, fingerprint=fp)


def _distinct(claims: list[Claim]) -> list[Claim]:
    """The first claim of each distinct value per document: an article repeating a value
    thousands of times must not make the comparison quadratic."""
    seen: set[tuple[str, str]] = set()
    out = []
    for c in claims:
        key = (c.document, c.event or "", c.value.model_dump_json())
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _pairs(claims: list[Claim]):
    for a, b in combinations(claims, 2):
        yield (a, b) if (a.document, a.id) <= (b.document, b.id) else (b, a)


def _day_of(c: Claim, events: dict[str, Event], docs: dict[str, Document]) -> dt.date | None:
    """When a claim speaks of: its event's day, else the publication day."""
    if c.event and events[c.event].date.date_from:
        return events[c.event].date.date_from
    return docs[c.document].published.day


def compare(claims: list[Claim], events: list[Event], docs: dict[str, Document], rs: RuleSet) -> list[Finding]:
    by_event = {e.id: e for e in events}
    fb = FindingBuilder(rs, docs, by_event)
    tol = rs.policy.times.tolerance_minutes

    # internal: a weekday that does not fit the date it is stated with
    for c in claims:
        if isinstance(c.value, DateValue) and weekday_mismatch(c.value):
            day = c.value.day
            fb.add("internal", "internal.weekday", c.attribute, c.subject, by_event.get(c.event or ""), [c],
                   {"document": c.document, "value": f"{WEEKDAYS_EN[c.value.weekday]} {day.isoformat()}",
                    "date": day.isoformat(), "actual": WEEKDAYS_EN[day.weekday()]})

    # event slots: every pair of claims about the same event and attribute
    slots: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.event and c.attribute != "person.title":
            slots[(c.event, c.attribute)].append(c)
    for (eid, attribute), group in sorted(slots.items()):
        event = by_event[eid]
        for a, b in _pairs(_distinct(group)):
            if a.document == b.document:
                continue  # one account repeating itself: checked by internal rules only
            check = _compare_values(a, b, event, rs, tol)
            if check:
                fb.add("conflict", check, attribute, eid, event, [a, b],
                       {"a": a.document, "b": b.document, "va": cmp.describe(a.value), "vb": cmp.describe(b.value)})

    # titles: one person's titles in accounts close in time
    window = dt.timedelta(days=rs.policy.titles.window_days)
    titles: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.attribute == "person.title":
            titles[c.subject].append(c)
    for person, group in sorted(titles.items()):
        for a, b in _pairs(_distinct(group)):
            if a.document == b.document:
                continue
            da, db = _day_of(a, by_event, docs), _day_of(b, by_event, docs)
            if da is None or db is None or abs(da - db) > window:
                continue
            check = cmp.titles(a.value, b.value, rs)
            if check:
                fb.add("conflict", check, "person.title", person, None, [a, b],
                       {"a": a.document, "b": b.document, "va": cmp.describe(a.value), "vb": cmp.describe(b.value)})
        for c in group:
            _knowledge(fb, c, _day_of(c, by_event, docs), rs)

    findings = sorted(fb.found.values(), key=lambda f: (
        {"conflict": 0, "internal": 1, "knowledge": 2}[f.kind], f.event or "~", f.attribute, f.subject, f.documents))
    for n, f in enumerate(findings, start=1):
        f.id = f"f{n}"
    return findings


def _compare_values(a: Claim, b: Claim, event: Event, rs: RuleSet, tol: int) -> str | None:
    va, vb = a.value, b.value
    if type(va) is not type(vb):
        return None
    if va.type == "date":
        return cmp.dates(va, vb)
    if va.type == "duration":
        return cmp.durations(va, vb)
    if va.type == "time":
        return cmp.times(va, vb, event.date.date_from, tol)
    if va.type == "count":
        return cmp.counts(va, vb)
    if va.type == "initiator":
        return cmp.initiators(va, vb)
    if va.type == "place":
        return cmp.places(va, vb)
    return None


def _knowledge(fb: FindingBuilder, c: Claim, day: dt.date | None, rs: RuleSet) -> None:
    """A title the knowledge base contradicts on the day the claim speaks of."""
    v: TitleValue = c.value
    person = c.subject
    if day is None or not v.office or not any(t.person == person for t in rs.offices.terms):
        return
    held = offices_of(rs, person, day)
    holds_it = any(t.role == v.role and (v.country is None or t.country == v.country) for t in held)
    wrong = None
    if v.status == "former" and holds_it:
        wrong = "former"
    elif v.status == "current" and not holds_it and v.role != "counterpart":
        other = holder(rs, v.role, v.country, day)
        if other or held:
            wrong = "current"
    if not wrong:
        return
    facts = [f"{person} as {' '.join(x for x in (t.country, t.role.replace('_', ' ')) if x)} since {t.from_}" for t in held]
    other = holder(rs, v.role, v.country, day)
    if other and other != person:
        facts.append(f"{other} as {' '.join(x for x in (v.country, v.role.replace('_', ' ')) if x)}")
    fb.add("knowledge", "knowledge.title", "person.title", person, fb.events.get(c.event or ""), [c],
           {"document": c.document, "value": cmp.describe(v), "date": day.isoformat(),
            "held": "; ".join(facts) or "no such office for them"})
