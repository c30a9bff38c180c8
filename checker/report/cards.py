"""Cards: one per mistake, made of the pairs of accounts that show it.

Pairing (checker.compare.findings) pairs each account of an outlying value with a few accounts
of the values it contradicts, so one wrong title in one outlet is several pairs. A reader wants
one card for it: the outlying account, its value, and the accounts it disagrees with.

Pairs are grouped per attribute and subject (one slot of one event, or one person's titles).
In a group, an account that a single-document finding already blames (a weekday that does not
fit its date, a title the knowledge base contradicts) is an outlier for sure; otherwise the
account whose value fewer documents share (pairing's own definition of the outlier), then the
one in most of the remaining pairs, then the first by document id. It takes every remaining pair it is in, and so on until none is left.
A single-document finding on an account that no pair names is a card of its own.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict

from checker.models import Card, Evidence, Finding, Report

Side = tuple[str, str]  # (document, value as resolved): one account's value

_SEVERITY = {"error": 2, "warning": 1, "info": 0}


def _side(ev: Evidence) -> Side:
    return ev.document, ev.value


def _group(findings: list[Finding]) -> list[tuple[Side, list[Finding]]]:
    """(outlier side, its findings) for one attribute and subject, in the findings' order.

    The greedy choice of the module docstring, with a heap of sides keyed by (not blamed, fewest
    documents sharing its value, most pairs left, side): a side's key only worsens as its pairs
    are taken, so a popped key that is out of date is pushed back with its new one."""
    singles = [f for f in findings if len(f.evidence) == 1]
    pairs = [f for f in findings if len(f.evidence) >= 2]
    blamed = {_side(f.evidence[0]) for f in singles}
    sides_of = {f.id: {_side(ev) for ev in f.evidence} for f in pairs}
    share = Counter(value for _doc, value in set().union(*sides_of.values()))  # documents per value
    pairs_of: dict[Side, list[Finding]] = defaultdict(list)
    for f in pairs:
        for s in sides_of[f.id]:
            pairs_of[s].append(f)
    left = {s: len(fs) for s, fs in pairs_of.items()}

    def key(s: Side) -> tuple:
        return (s not in blamed, share[s[1]], -left[s], s)

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


def group_cards(findings: list[Finding]) -> list[Card]:
    """The cards of `findings` (numbered c1, c2, ... in the order of their first finding); each
    finding's `card` is set to its card's id. Deterministic: depends only on the findings."""
    by_slot: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        by_slot[(f.attribute, f.subject)].append(f)
    order = {f.id: n for n, f in enumerate(findings)}
    made = [_card(side, members) for group in by_slot.values() for side, members in _group(group)]
    made.sort(key=lambda c: min(order[i] for i in c.findings))
    by_id = {f.id: f for f in findings}
    for n, card in enumerate(made, start=1):
        card.id = f"c{n}"
        card.findings.sort(key=order.__getitem__)
        for fid in card.findings:
            by_id[fid].card = card.id
    return made


def with_cards(report: Report) -> Report:
    """The report with its cards, made from its findings when it has none yet (or when its
    cards no longer fit its findings, e.g. after suppressions hid some)."""
    if {i for c in report.cards for i in c.findings} == {f.id for f in report.findings}:
        return report
    findings = [f.model_copy() for f in report.findings]
    return report.model_copy(update={"findings": findings, "cards": group_cards(findings)})
