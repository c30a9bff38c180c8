"""Cards: one per mistake, made of the pairs of accounts that show it.

Pairing (checker.compare.findings) pairs each account of an outlying value with a few accounts
of the values it contradicts, so one wrong title in one outlet is several pairs. A reader wants
one card for it: the outlying account, its value, and the accounts it disagrees with.

Pairs are grouped per attribute and subject (one slot of one event, or one person's titles).
In a group, an account that a single-document finding already blames (a weekday that does not
fit its date, a title the knowledge base contradicts) is an outlier for sure; otherwise the
account whose value has the least support (pairing's own definition of the outlier: the
documents whose values do not conflict with it, counted in the report's claims), then the one
whose value fewer documents give, then the
one in most of the remaining pairs, then the first by document id. It takes every remaining pair it is in, and so on until none is left.
A single-document finding on an account that no pair names is a card of its own.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

from checker.models import Card, Claim, Evidence, Finding, Report

if TYPE_CHECKING:
    from checker.rules.ruleset import RuleSet

Side = tuple[str, str]  # (document, value as resolved): one account's value

_SEVERITY = {"error": 2, "warning": 1, "info": 0}


def _side(ev: Evidence) -> Side:
    return ev.document, ev.value


def _group(findings: list[Finding], counts: tuple[Counter, dict[str, int]] | None = None
           ) -> list[tuple[Side, list[Finding]]]:
    """(outlier side, its findings) for one attribute and subject, in the findings' order.

    The greedy choice of the module docstring, with a heap of sides keyed by (not blamed, least
    support, fewest documents giving its value, most pairs left, side): a side's key only worsens as its pairs
    are taken, so a popped key that is out of date is pushed back with its new one."""
    singles = [f for f in findings if len(f.evidence) == 1]
    pairs = [f for f in findings if len(f.evidence) >= 2]
    blamed = {_side(f.evidence[0]) for f in singles}
    sides_of = {f.id: {_side(ev) for ev in f.evidence} for f in pairs}
    if counts is not None:
        share, support = counts
    else:  # no claims at hand: counted among the pairs themselves, two sides of a pair clashing
        share = Counter(value for _doc, value in set().union(*sides_of.values()))
        clash = {(a[1], b[1]) for f in pairs for a in sides_of[f.id] for b in sides_of[f.id] if a[1] != b[1]}
        support = {v: sum(n for u, n in share.items() if u == v or (v, u) not in clash) for v in share}
    pairs_of: dict[Side, list[Finding]] = defaultdict(list)
    for f in pairs:
        for s in sides_of[f.id]:
            pairs_of[s].append(f)
    left = {s: len(fs) for s, fs in pairs_of.items()}

    def key(s: Side) -> tuple:
        return (s not in blamed, support.get(s[1], 0), share[s[1]], -left[s], s)

    heap = [key(s) for s in pairs_of]
    heapq.heapify(heap)
    owner: dict[str, Side] = {}
    while heap:
        k = heapq.heappop(heap)
        side = k[-1]
        if not left[side]:
            continue
        if k != key(side):
            heapq.heappush(heap, key(side))
            continue
        for f in pairs_of[side]:
            if f.id in owner:
                continue
            owner[f.id] = side
            for other in sides_of[f.id]:
                left[other] -= 1
    for f in singles:
        owner[f.id] = _side(f.evidence[0])
    groups: dict[Side, list[Finding]] = {}
    for f in findings:
        groups.setdefault(owner[f.id], []).append(f)
    return list(groups.items())


def _card(outlier: Side, members: list[Finding]) -> Card:
    first = members[0]
    lead = next((f for f in members if len(f.evidence) >= 2), first)
    out_ev: Evidence | None = None
    counterparts: dict[tuple[str, str | None], Evidence] = {}
    for f in members:
        for ev in f.evidence:
            if _side(ev) == outlier:
                out_ev = out_ev or ev
            else:
                counterparts.setdefault((ev.document, ev.claim), ev)
    assert out_ev is not None
    severity = max((f.severity for f in members), key=_SEVERITY.__getitem__)
    return Card(id="", kind=lead.kind, attribute=first.attribute, subject=first.subject,
                event=next((f.event for f in members if f.event), None), severity=severity, rule=lead.rule,
                message=lead.message, notes=[f.message for f in members if f.kind != lead.kind],
                outlier=out_ev, counterparts=sorted(counterparts.values(), key=lambda e: (e.document, e.claim or "")),
                findings=[f.id for f in members], fingerprints=[f.fingerprint for f in members])


def _values(claims: list[Claim], slots: set[tuple[str, str]]) -> dict[tuple[str, str], dict[str, tuple[int, object]]]:
    """Per slot (attribute, subject) of a finding: each value (as the evidence describes it),
    how many documents give it, and one such value. Pairing pairs an outlier with only a few
    accounts of the common value, so the pairs alone would make a value many articles give
    look rare."""
    from checker.compare.comparators import describe

    docs: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    sample: dict[tuple[tuple[str, str], str], object] = {}
    for c in claims:
        for slot in ((c.attribute, c.subject), (c.attribute, c.event or "")):
            if slot in slots:
                shown = describe(c.value)
                docs[slot][shown].add(c.document)
                sample.setdefault((slot, shown), c.value)
                break
    return {slot: {v: (len(d), sample[(slot, v)]) for v, d in values.items()} for slot, values in docs.items()}


Conflicts = Callable[[str, str, object, object], bool]  # (attribute, subject, value, value)


def _support(values: dict[str, tuple[int, object]], attribute: str, subject: str,
             conflicts: Conflicts) -> tuple[Counter, dict[str, int]]:
    """Documents per value, and each value's support: the documents whose value does not
    conflict with it (pairing's own measure of which value is the outlier)."""
    share = Counter({v: n for v, (n, _) in values.items()})
    names = sorted(values)
    clash = {(a, b) for a in names for b in names
             if a != b and conflicts(attribute, subject, values[a][1], values[b][1])}
    return share, {v: sum(share[u] for u in names if (v, u) not in clash) for v in names}


def group_cards(findings: list[Finding], claims: list[Claim] | None = None,
                conflicts: Conflicts | None = None) -> list[Card]:
    """The cards of `findings` (numbered c1, c2, ... in the order of their first finding); each
    finding's `card` is set to its card's id. `claims` (the report's) and `conflicts` (whether
    two values of a slot cannot both hold) tell each value's support; without them it is
    estimated from the pairs. Deterministic: depends only on its arguments."""
    by_slot: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        by_slot[(f.attribute, f.subject)].append(f)
    values = _values(claims, set(by_slot)) if claims and conflicts else {}
    order = {f.id: n for n, f in enumerate(findings)}
    made = [_card(side, members) for slot, group in by_slot.items()
            for side, members in _group(group, _support(values[slot], *slot, conflicts) if slot in values else None)]
    made.sort(key=lambda c: min(order[i] for i in c.findings))
    by_id = {f.id: f for f in findings}
    for n, card in enumerate(made, start=1):
        card.id = f"c{n}"
        card.findings.sort(key=order.__getitem__)
        for fid in card.findings:
            by_id[fid].card = card.id
    return made


def with_cards(report: Report, rs: RuleSet | None = None) -> Report:
    """The report with its cards, made from its findings when it has none yet (or when its
    cards no longer fit its findings, e.g. after suppressions hid some). With the rules, each
    value's support is measured by the comparators."""
    if {i for c in report.cards for i in c.findings} == {f.id for f in report.findings}:
        return report
    conflicts = None
    if rs is not None:
        from checker.compare.findings import values_conflict

        events = {e.id: e for e in report.events}

        def conflicts(attribute: str, subject: str, va, vb) -> bool:
            return values_conflict(attribute, va, vb, events.get(subject), rs)

    findings = [f.model_copy() for f in report.findings]
    return report.model_copy(update={"findings": findings, "cards": group_cards(findings, report.claims, conflicts)})
