"""Comparison as a group-by: the groups, one group at a time, the merge, and the shortcuts that
keep it near-linear (values compared once per pair of distinct values, titles paired only
within the window) checked against the plain all-pairs definition."""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import re
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.compare import comparators as cmp
from checker.compare import findings as fnd
from checker.compare.findings import (
    SLOT,
    TITLES,
    WEEKDAY,
    compare,
    compare_group,
    group_claims,
    merge_findings,
)
from checker.models import Claim, DateValue, Document, DurationValue, Published, TimeValue, TitleValue
from checker.pipeline import analyse
from helpers import REPO, article

EXAMPLES = REPO / "examples"


def _examples(rs):
    from checker.ingest import read_inputs

    return analyse(read_inputs([EXAMPLES]), rs)


def _dump(findings) -> str:
    return json.dumps([f.model_dump(mode="json", by_alias=True) for f in findings], ensure_ascii=False)


# --------------------------------------------------------------------------- groups and merge


def test_groups_are_keyed_by_document_event_slot_and_person(rs):
    report = _examples(rs)
    groups = group_claims(report.claims)
    keys = [k for k, _ in groups]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    for key, claims in groups:
        if key.stage == WEEKDAY:
            assert all(c.document == key.subject for c in claims)
            assert all(c.value.weekday is not None if c.value.type == "date" else c.value.type == "time"
                       for c in claims)
        elif key.stage == SLOT:
            assert all(c.event == key.subject and c.attribute == key.attribute != "person.title" for c in claims)
        else:
            titles = [c for c in claims if c.value.type == "title"]
            assert key.stage == TITLES and all(c.attribute == "person.title" and c.subject == key.subject
                                               for c in titles)
            # then, as context, the days their accounts give their events
            accounts = {(c.document, c.event) for c in titles if c.event}
            assert all(c.value.type == "date" and (c.document, c.event) in accounts
                       for c in claims[len(titles):])
    # every title claim, and every other claim of an event, is in exactly one comparison group
    compared = [c.id for k, g in groups if k.stage != WEEKDAY for c in g
                if k.stage != TITLES or c.value.type == "title"]
    assert sorted(compared) == sorted(c.id for c in report.claims if c.attribute == "person.title" or c.event)
    assert {k.kind for k in keys} == {"weekday", "slot", "titles"}


def test_compare_is_the_merge_of_its_groups(rs):
    report = _examples(rs)
    events = {e.id: e for e in report.events}
    docs = {d.id: d for d in report.documents}
    per_group = [compare_group(k, g, events, docs, rs) for k, g in group_claims(report.claims)]
    merged = merge_findings(per_group)
    assert _dump(merged) == _dump(compare(report.claims, report.events, docs, rs)) == _dump(report.findings)
    assert [f.id for f in merged] == [f"f{n}" for n in range(1, len(merged) + 1)]


def test_a_group_needs_only_the_documents_and_events_its_claims_name(rs):
    from checker.engine.stages import batch_context

    report = _examples(rs)
    events = {e.id: e for e in report.events}
    docs = {d.id: d for d in report.documents}
    for key, claims in group_claims(report.claims):
        ev, dc = batch_context([(key, claims)], events, docs)
        assert _dump(compare_group(key, claims, ev, dc, rs)) == _dump(compare_group(key, claims, events, docs, rs))


def test_merge_keeps_the_first_finding_of_a_fingerprint(rs):
    report = _examples(rs)
    f = report.findings[0]
    twin = f.model_copy(update={"message": "a later duplicate"})
    merged = merge_findings([[f.model_copy()], [twin]])
    assert len(merged) == 1 and merged[0].message == f.message


# --------------------------------------------------------------------------- near-linear


def _title_doc(i: int, day: dt.date) -> Document:
    return Document(id=f"d{i:05d}", path=f"d{i:05d}.txt", text="الرئيس ترامب قال.",
                    published=Published(date_from=day, date_to=day, how="test"))


def _title_claim(doc: Document, value: TitleValue, person: str = "trump") -> Claim:
    return Claim(id=f"{doc.id}:c1", document=doc.id, segment=0, attribute="person.title", subject=person,
                 value=value, span=(0, 6), text="الرئيس", rule="test")


def test_titles_of_thousands_of_accounts_are_not_compared_pair_by_pair(rs, monkeypatch):
    """3,000 accounts of one person with three distinct titles: the comparator is asked about
    pairs of distinct values, not about millions of pairs of accounts."""
    calls = 0
    real = cmp.titles

    def counting(a, b, rules):
        nonlocal calls
        calls += 1
        return real(a, b, rules)

    monkeypatch.setattr(cmp, "titles", counting)
    # other countries, not other statuses: "president" then "former president" on a later day
    # is a career, not a conflict (test_titles_in_the_order_of_a_career_do_not_conflict)
    values = [TitleValue(role="president", country="us"), TitleValue(role="president", country="fr"),
              TitleValue(role="president", country="ru")]
    start = dt.date(2025, 1, 1)
    docs, claims = {}, []
    for i in range(3000):
        d = _title_doc(i, start + dt.timedelta(days=i % 700))
        docs[d.id] = d
        claims.append(_title_claim(d, values[0] if i % 50 else values[1 + (i // 50) % 2]))
    found = compare(claims, [], docs, rs)
    assert calls <= 2 * len(values) ** 2
    conflicts = [f for f in found if f.kind == "conflict"]
    # each of the 60 rarer accounts against a few of the common title, former vs acting likewise
    outliers = {c.document for c in claims if c.value.country != "us"}
    limit = rs.policy.pairing.counterparts
    assert outliers <= {d for f in conflicts for d in f.documents} and len(conflicts) <= 90 * limit
    window = rs.policy.titles.window_days
    assert conflicts and all(abs(docs[f.documents[0]].published.day - docs[f.documents[1]].published.day)
                             <= dt.timedelta(days=window) for f in conflicts)


# --------------------------------------------------------------------------- the shortcuts vs all pairs


def _all_pairs(claims, check, days=None, window=0):
    """The definition: every pair in combinations order, first pair per (rule, documents)."""
    first = {}
    for i, j in combinations(range(len(claims)), 2):
        a, b = claims[i], claims[j]
        if a.document == b.document:
            continue
        if days is not None and (days[i] is None or days[j] is None or abs(days[i] - days[j]) > window):
            continue
        x, y = fnd._ordered(a, b)
        rule = check(x.value, y.value)
        if rule and (rule, x.document, y.document) not in first:
            first[(rule, x.document, y.document)] = (i, j)
    return sorted((i, j, rule) for (rule, _, _), (i, j) in first.items())


_titles = st.builds(TitleValue, role=st.sampled_from(["president", "foreign_minister", "delegation_head"]),
                    country=st.sampled_from([None, "us", "russia"]),
                    status=st.sampled_from(["current", "former", "acting"]), office=st.booleans())


def _counterparts_by_definition(claims, check, limit, days=None, window=0):
    """The definition of pairing, brute force. A value's support: the documents whose values do
    not conflict with it. Of two conflicting values, the one with less support (then fewer
    documents, then seen first) is the outlier; each of its accounts is paired with the first
    `limit` accounts of the values it is the outlier against, from other documents: by the
    values' support, then order -- or with `days`, within the window, the same event first,
    then by gap, day and order. A value conflicting with itself: every pair. Then the first
    pair per (rule, documents)."""
    values = []  # distinct value keys, in the order first seen
    for c in claims:
        k = fnd.value_key(c.value)
        if k not in values:
            values.append(k)
    cls = [values.index(fnd.value_key(c.value)) for c in claims]
    of = {x: [i for i in range(len(claims)) if cls[i] == x] for x in range(len(values))}
    value = {x: claims[of[x][0]].value for x in of}

    def conflicting(x, y):
        return bool(check(value[x], value[y]) or check(value[y], value[x]))

    def support(x):
        return len({c.document for k, c in zip(cls, claims) if k == x or not conflicting(k, x)})

    def rank(x):
        return support(x), len({claims[i].document for i in of[x]}), x

    pairs = set()
    for x in of:
        if conflicting(x, x):
            pairs |= {(i, j) for i in of[x] for j in of[x] if i < j}
        for i in of[x]:
            if days is not None and days[i] is None:
                continue
            ci = claims[i]
            cands = [(y, j) for y in of if y != x and conflicting(x, y) and rank(x) < rank(y) for j in of[y]
                     if claims[j].document != ci.document
                     and (days is None or (days[j] is not None and abs(days[j] - days[i]) <= window))]
            if days is None:
                cands.sort(key=lambda yj: (-support(yj[0]), yj[0], yj[1]))
            else:
                cands.sort(key=lambda yj: (not (ci.event and claims[yj[1]].event == ci.event),
                                           abs(days[yj[1]] - days[i]), days[yj[1]], yj[1]))
            pairs |= {tuple(sorted((i, j))) for _, j in cands[:limit]}
    first = {}
    for a, b in sorted(pairs):
        if claims[a].document == claims[b].document:
            continue
        x_, y_ = fnd._ordered(claims[a], claims[b])
        rule = check(x_.value, y_.value)
        if rule and (rule, x_.document, y_.document) not in first:
            first[(rule, x_.document, y_.document)] = (a, b)
    return sorted((i, j, rule) for (rule, _, _), (i, j) in first.items())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), _titles, st.one_of(st.none(), st.integers(0, 40)),
                          st.sampled_from([None, "e1", "e2"])), max_size=25),
       st.integers(0, 12), st.integers(1, 4))
def test_title_pairing_follows_its_definition(rs, items, window, limit):
    claims = [Claim(id=f"d{doc}:c{n}", document=f"d{doc}", segment=0, attribute="person.title", subject="p",
                    value=v, span=(0, 1), text="x", rule="t", event=event)
              for n, (doc, v, _, event) in enumerate(items)]
    days = [d for _, _, d, _ in items]
    keys = [fnd.value_key(c.value) for c in claims]
    check = lambda a, b: cmp.titles(a, b, rs)  # noqa: E731
    assert fnd._first_conflicts(claims, keys, check, limit, days, window) == \
        _counterparts_by_definition(claims, check, limit, days, window)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.sampled_from([30, 60, 90, 150]), st.booleans()), max_size=25),
       st.integers(1, 4))
def test_slot_pairing_follows_its_definition(items, limit):
    """Durations, some stated as "about" (another value, agreeing with the exact one)."""
    claims = [Claim(id=f"d{doc}:c{n}", document=f"d{doc}", segment=0, attribute="call.duration", subject="e1",
                    value=DurationValue(minutes=m, min=m * (0.85 if about else 0.9), max=m * (1.15 if about else 1.1)),
                    span=(0, 1), text="x", rule="t")
              for n, (doc, m, about) in enumerate(items)]
    keys = [fnd.value_key(c.value) for c in claims]
    check = lambda a, b: "r" if a.max < b.min or b.max < a.min else None  # noqa: E731
    assert fnd._first_conflicts(claims, keys, check, limit) == _counterparts_by_definition(claims, check, limit)


def test_one_wrong_duration_among_thirty_accounts_is_paired_with_a_few(rs):
    """Thirty outlets say two and a half hours, in three wordings; one says "about half an
    hour": the one is flagged against the policy's number of counterparts, not against all
    thirty, and not once per wording."""
    wordings = ["نحو ساعتين ونصف", "ساعتين ونصف", "150 دقيقة"]
    texts = [(f"استمرت المكالمة الهاتفية بين بوتين وترامب اليوم الأحد {wordings[i % 3]}.", f"o{i:02d}")
             for i in range(30)]
    texts.append(("استمرت المكالمة الهاتفية بين بوتين وترامب اليوم الأحد نحو نصف ساعة.", "wrong"))
    report = analyse([article(t, "2025-02-02", doc_id) for t, doc_id in texts], rs)
    conflicts = [f.documents for f in report.findings if f.rule == "conflict.duration"]
    assert len(conflicts) == rs.policy.pairing.counterparts and all("wrong" in d for d in conflicts)


def test_one_outlying_title_is_flagged_once_not_against_every_account(rs):
    """Forty accounts call Trump president; one, in the middle, calls him former president:
    the outlier is paired with the nearest accounts it cannot agree with only (the policy says
    how many)."""
    start = dt.date(2025, 3, 1)
    docs, claims = {}, []
    for i in range(41):
        d = _title_doc(i, start + dt.timedelta(days=i))
        docs[d.id] = d
        status = "former" if i == 20 else "current"
        claims.append(_title_claim(d, TitleValue(role="president", country="us", status=status)))
    conflicts = [f for f in compare(claims, [], docs, rs) if f.kind == "conflict"]
    # the accounts before it may be right too (he may have left office since): those after it
    nearest = ["d00021", "d00022", "d00023", "d00024", "d00025"][:rs.policy.pairing.counterparts]
    assert [f.documents for f in conflicts] == [sorted([d, "d00020"]) for d in sorted(nearest)]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 6), st.one_of(st.none(), st.integers(0, 8))),
                max_size=20))
def test_first_conflicts_equal_all_pairs_for_an_asymmetric_check(items):
    """Values are compared with the pair in its fixed order, as before: an order-sensitive
    check gives the same answers as the all-pairs definition."""
    claims = [Claim(id=f"d{doc}:c{n}", document=f"d{doc}", segment=0, attribute="call.duration", subject="e1",
                    value=DurationValue(minutes=lo, min=lo, max=hi), span=(0, 1), text="x", rule="t")
              for n, (doc, lo, hi) in enumerate(items)]
    keys = [fnd.value_key(c.value) for c in claims]

    def check(a, b):  # conflicts only one way round, and with two rules
        if a.min > b.min:
            return "r.up" if a.max is None else "r.down"
        return None

    assert fnd._first_conflicts(claims, keys, check) == _all_pairs(claims, check)


def test_value_key_is_as_fine_as_the_json():
    values = [DurationValue(minutes=90, min=76.5, max=None), DurationValue(minutes=90.0, min=76.5, max=None),
              DurationValue(minutes=90, min=0.0, max=1), DurationValue(minutes=90, min=-0.0, max=1),
              DurationValue(minutes=90, min=math.nan, max=1), DurationValue(minutes=90, min=math.inf, max=1),
              DurationValue(minutes=90, min=0, max=None),
              TimeValue(hour=10, zone=None, candidates=["Europe/Moscow"]), TimeValue(hour=10, candidates=[]),
              TimeValue(hour=10, clock12=True), TitleValue(role="president"), TitleValue(role="president", office=False),
              DateValue(date_from=dt.date(2025, 5, 19), date_to=dt.date(2025, 5, 19), weekday=0),
              DateValue(date_from=dt.date(2025, 5, 19), date_to=dt.date(2025, 5, 19))]
    for a in values:
        for b in values:
            assert (fnd.value_key(a) == fnd.value_key(b)) == (a.model_dump_json() == b.model_dump_json()), (a, b)


def _sentence_start_reference(text: str, pos: int) -> int:
    return max((m.end() for m in re.finditer(r"[.!?؟\n]", text[:pos])), default=0)


def test_sentence_start_searches_backwards_like_a_forward_scan():
    rng = random.Random(7)
    alphabet = "ab .!?؟\nج"
    texts = ["", "no edge at all", "x" * 5000 + ".", "." + "y" * 3000, "ab\n" + "z" * 1000]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 600))) for _ in range(200)]
    for text in texts:
        for pos in {0, len(text), *(rng.randrange(0, len(text) + 1) for _ in range(10))}:
            assert fnd._sentence_start(text, pos) == _sentence_start_reference(text, pos), (text, pos)


def test_evidence_is_built_once_per_claim(rs, monkeypatch):
    a = article("أجرى الرئيس الأمريكي السابق دونالد ترامب مكالمة هاتفية مع بوتين. وقال الرئيس ترامب إنها كانت جيدة.",
                "2025-05-19", "a")
    report = analyse([a], rs)
    built = []
    real = fnd.FindingBuilder._build_evidence
    monkeypatch.setattr(fnd.FindingBuilder, "_build_evidence", lambda self, c: built.append(c.id) or real(self, c))
    again = compare(report.claims, report.events, {a.id: a}, rs)
    assert _dump(again) == _dump(report.findings)
    assert len(built) == len(set(built))


def test_titles_in_the_order_of_a_career_do_not_conflict(rs):
    """President-elect in December, president in January: each true on its day. The same two
    the other way round, or on one day, cannot both be true."""
    elect = TitleValue(role="president", country="us", status="elect")
    sitting = TitleValue(role="president", country="us")
    december, january = _title_doc(1, dt.date(2016, 12, 22)), _title_doc(2, dt.date(2017, 1, 23))
    docs = {d.id: d for d in (december, january)}
    career = compare([_title_claim(december, elect), _title_claim(january, sitting)], [], docs, rs)
    assert [f for f in career if f.kind == "conflict"] == []
    backwards = compare([_title_claim(december, sitting), _title_claim(january, elect)], [], docs, rs)
    assert [f.kind for f in backwards if f.kind == "conflict"] == ["conflict"]
