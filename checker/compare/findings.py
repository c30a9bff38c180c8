"""Findings: conflicts between sources, inconsistencies inside one article, and claims the
knowledge base contradicts. Severity and message come from rules/policy.yaml.

Comparison is a group-by. `group_claims` splits the claims by what they can be checked
against -- one document's dated weekdays, one slot of one event (event id, attribute), one
person's titles -- and only claims of one group are ever compared with each other.
`compare_group` checks one group on its own, and `merge_findings` puts the groups' findings
together: the first finding of a fingerprint in group-key order wins, then they are sorted and
numbered. `compare` is the three in a row; an engine (checker.engine) may run the groups
anywhere, since a group needs nothing but its claims and the documents and events they name.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import combinations, islice
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from checker.compare import comparators as cmp
from checker.models import MATTER, Claim, DateValue, Document, Event, Evidence, Finding, TimeValue, TitleValue, value_key
from checker.resolve.dates import WEEKDAYS_EN, weekday_mismatch
from checker.resolve.kb import holder, offices_of, terms_of, title_verdict
from checker.rules.ruleset import RuleSet, entity_zones

_SENTENCE_EDGE = re.compile(r"[.!?؟\n]")
_EDGE_CHARS = ".!?؟\n"  # the characters of _SENTENCE_EDGE, for the backward search

# the three kinds of group, numbered in the order their checks have always run: the merge
# keeps the first finding of a fingerprint in this order
WEEKDAY, SLOT, TITLES = 0, 1, 2
STAGE_NAMES = ("weekday", "slot", "titles")


class GroupKey(NamedTuple):
    """What a group of claims is compared on. Keys sort in the order the checks run.

    - (WEEKDAY, document, ""): the dates one document states with a weekday, and the times it
      gives again in another zone ("9:30 a.m. (13:30 GMT)") with the times they restate;
    - (SLOT, event id, attribute): every account's value for one attribute of one event;
    - (TITLES, person id, attribute): the titles one person is given, in every account.
    """

    stage: int
    subject: str
    attribute: str = ""

    @property
    def kind(self) -> str:
        return STAGE_NAMES[self.stage]


Group = tuple[GroupKey, list[Claim]]

_KIND_ORDER = {"conflict": 0, "internal": 1, "knowledge": 2}  # the report lists findings in this order


def fingerprint(rule: str, attribute: str, subject: str, event_key: str, documents: list[str]) -> str:
    """Stable across runs, input order and line moves: no offsets, no run-specific ids."""
    raw = "\x1f".join([rule, attribute, subject, event_key, *sorted(documents)])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def event_key(event: Event | None) -> str:
    if event is None:
        return "-"
    day = event.date.date_from.isoformat() if event.date.date_from else "undated"
    return f"{event.type}/{'+'.join(event.participants)}/{day}"


def _sentence_start(text: str, pos: int) -> int:
    """Just after the last sentence edge before `pos` (0 if none). Searched backwards in growing
    windows, so the cost is the sentence's length, not the claim's offset in the file."""
    hi, step = pos, 256
    while hi > 0:
        lo = max(0, hi - step)
        last = max(text.rfind(ch, lo, hi) for ch in _EDGE_CHARS)
        if last >= 0:
            return last + 1
        hi, step = lo, step * 2
    return 0


class FindingBuilder:
    """Collects one group's findings (or several groups', in key order): one per fingerprint."""

    def __init__(self, rs: RuleSet, docs: Mapping[str, Document], events: Mapping[str, Event],
                 evidence_cache: dict[int, tuple[Claim, Evidence]] | None = None):
        self.rs, self.docs, self.events = rs, docs, events
        self.found: dict[str, Finding] = {}
        # by id(claim); the claim is kept in the value so that its id cannot be reused meanwhile
        self._evidence = evidence_cache if evidence_cache is not None else {}

    def evidence(self, c: Claim) -> Evidence:
        """The claim quoted in its sentence. Built once per claim: findings that quote the same
        claim share one Evidence object (treat it as a value; copying it for each of tens of
        thousands of findings cost more than all the rest of the comparison)."""
        return self._cached(c)

    def describe(self, c: Claim) -> str:
        """The claim's value as the report shows it (the same words as its evidence)."""
        return self._cached(c).value

    def _cached(self, c: Claim) -> Evidence:
        hit = self._evidence.get(id(c))
        if hit is None:
            hit = self._evidence[id(c)] = (c, self._build_evidence(c))
        return hit[1]

    def _build_evidence(self, c: Claim) -> Evidence:
        text = self.docs[c.document].text
        a, b = c.span
        start = _sentence_start(text, a)
        m = _SENTENCE_EDGE.search(text, b)
        end = m.end() if m and m.group() != "\n" else (m.start() if m else len(text))
        sentence = text[start:end].strip()
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        return Evidence(document=c.document, claim=c.id, value=cmp.describe(c.value), text=c.text, span=c.span,
                        sentence=sentence, sentence_start=start + lead)

    def add(self, kind: str, check: str, attribute: str, subject: str, event: Event | None,
            claims: list[Claim], fields: dict[str, str], params: dict | None = None) -> None:
        policy = self.rs.policy.checks[check]
        documents = sorted({c.document for c in claims})
        # an event's slot is named by the event's key, not by its id: ids are numbers that shift
        # when another event joins the run, and a baseline must survive that
        named = "" if event is not None and subject == event.id else subject
        fp = fingerprint(check, attribute, named, event_key(event), documents)
        if fp in self.found:
            return  # one finding per check, subject, event and set of documents
        names = {"event": f"the {event.type}" if event else "the event", "subject": subject}
        message = policy.message.format_map(defaultdict(str, {**names, **fields}))
        self.found[fp] = Finding(id="", kind=kind, attribute=attribute, subject=subject,
                                 event=event.id if event else None, documents=documents,
                                 severity=policy.severity, message=message,
                                 evidence=[self.evidence(c) for c in claims], rule=check, fingerprint=fp,
                                 params=params or {})


# --------------------------------------------------------------------------- the group-by


def group_claims(claims: Iterable[Claim]) -> list[Group]:
    """The claims split by group key, keys sorted; claims keep their order inside a group.
    A date claim stated with a weekday, and a time given again in another zone, is in its
    document's weekday group as well."""
    groups: dict[GroupKey, list[Claim]] = defaultdict(list)
    claims = list(claims)
    restated = {c.value.restates for c in claims if isinstance(c.value, TimeValue) and c.value.restates}
    days: dict[tuple[str, str], list[Claim]] = defaultdict(list)  # (document, event) -> its dates
    matters: dict[str, list[Claim]] = defaultdict(list)  # event -> the named matters its accounts state
    for c in claims:
        if isinstance(c.value, DateValue) and c.value.weekday is not None or c.id in restated \
                or isinstance(c.value, TimeValue) and c.value.restates:
            groups[GroupKey(WEEKDAY, c.document)].append(c)  # checked against the document itself
        if c.value.type == "title":  # a person's titles are compared across events
            groups[GroupKey(TITLES, c.subject, c.attribute)].append(c)
        elif c.event:
            groups[GroupKey(SLOT, c.event, c.attribute)].append(c)
            if isinstance(c.value, DateValue):
                days[(c.document, c.event)].append(c)
            elif c.attribute.endswith(MATTER):
                matters[c.event].append(c)
    # a title group also carries what each of its accounts says of its event's day, and the
    # named matters its events' accounts state: the knowledge check leans on the event's day
    # only where the page itself supports it
    for key, group in groups.items():
        if key.stage == TITLES:
            pairs = dict.fromkeys((c.document, c.event) for c in group if c.event)
            group.extend(d for pair in pairs for d in days.get(pair, ()))
            for event in dict.fromkeys(e for _, e in pairs):
                group.extend(matters.get(event, ()))
    return sorted(groups.items(), key=lambda kv: kv[0])


def compare_group(key: GroupKey, claims: list[Claim], events: Mapping[str, Event], docs: Mapping[str, Document],
                  rs: RuleSet, *, evidence_cache: dict[int, tuple[Claim, Evidence]] | None = None) -> list[Finding]:
    """The findings of one group, in the order they were found, one per fingerprint.

    `events` maps event id -> Event and `docs` document id -> Document; they need to hold only
    the events and documents the group's claims name."""
    fb = FindingBuilder(rs, docs, events, evidence_cache)
    if key.stage == WEEKDAY:
        _check_weekdays(fb, claims)
        _check_restated_times(fb, claims)
    elif key.stage == SLOT:
        _check_slot(fb, key.subject, key.attribute, claims)
    else:
        _check_titles(fb, key.subject, claims)
    return list(fb.found.values())


def merge_findings(per_group: Iterable[list[Finding]]) -> list[Finding]:
    """Groups' findings, given in group-key order: the first of each fingerprint is kept, then
    all are sorted and numbered f1, f2, ... (the order of the report), as copies."""
    found: dict[str, Finding] = {}
    for group in per_group:
        for f in group:
            found.setdefault(f.fingerprint, f)
    # a stable sort: findings with equal keys stay in the order they were found
    findings = sorted(found.values(), key=lambda f: (
        _KIND_ORDER[f.kind], f.event or "~", f.attribute, f.subject, f.documents))
    return [f.model_copy(update={"id": f"f{n}"}) for n, f in enumerate(findings, start=1)]


def compare(claims: list[Claim], events: list[Event], docs: dict[str, Document], rs: RuleSet) -> list[Finding]:
    """Every finding among the claims: the group-by, run here, group after group."""
    by_event = {e.id: e for e in events}
    cache: dict[int, tuple[Claim, Evidence]] = {}
    return merge_findings(compare_group(key, group, by_event, docs, rs, evidence_cache=cache)
                          for key, group in group_claims(claims))


# --------------------------------------------------------------------------- the checks


def _check_weekdays(fb: FindingBuilder, claims: list[Claim]) -> None:
    """Internal: a weekday that does not fit the date it is stated with."""
    for c in claims:
        if isinstance(c.value, DateValue) and weekday_mismatch(c.value):
            day = c.value.day
            fb.add("internal", "internal.weekday", c.attribute, c.subject, fb.events.get(c.event or ""), [c],
                   {"document": c.document, "value": f"{WEEKDAYS_EN[c.value.weekday]} {day.isoformat()}",
                    "date": day.isoformat(), "actual": WEEKDAYS_EN[day.weekday()]})


def _check_restated_times(fb: FindingBuilder, claims: list[Claim]) -> None:
    """Internal: a time given again in another zone ("9:30 a.m. (13:03 GMT)") that is not the
    same instant on the event's day (or, with no day known, on any day of a year)."""
    times = {c.id: c for c in claims if isinstance(c.value, TimeValue)}
    for c in times.values():
        first = times.get(c.value.restates or "")
        if first is None:
            continue
        event = fb.events.get(c.event or "")
        doc = fb.docs.get(c.document)
        day = (event.date.date_from if event and event.date.date_from == event.date.date_to else None) \
            or (doc.published.day if doc else None)
        check = cmp.restated(first.value, c.value, [day] if day else [], fb.rs.policy.times.tolerance_minutes)
        if check:
            fb.add("internal", check, c.attribute, c.subject, event, [first, c],
                   {"a": c.document, "b": c.document, "va": fb.describe(first), "vb": fb.describe(c)})


def _check_slot(fb: FindingBuilder, eid: str, attribute: str, claims: list[Claim]) -> None:
    """Conflicts: the accounts of one event that give one attribute values that cannot both hold."""
    event = fb.events[eid]
    distinct, keys = _distinct_keyed(_strongest_per_document(claims))
    ctx = cmp.Context(fb.rs, event.date.date_from)
    own = _own_check(fb.rs, attribute)
    decl = fb.rs.families.of(attribute)
    check = lambda va, vb: own(cmp.compare_values(va, vb, ctx))  # noqa: E731
    if decl is not None and decl.kind.name == "date" \
            and zones_apart_hours(fb.rs, event.participants, event.date.date_from) >= fb.rs.policy.times.dates_apart_hours:
        # the parties' local dates differ for much of the day: a day apart is each side's date
        same_day_check = check
        check = lambda va, vb: None if cmp.a_day_apart(va, vb) else same_day_check(va, vb)  # noqa: E731
    about = fb.rs.policy.counts.about
    kind = decl.kind.name if decl is not None else None
    compatible = _also_states(distinct, lambda va, vb: cmp.counts_agree(va, vb, about)) if kind == "count" \
        else _may_be_a_part(distinct) if kind == "duration" else None
    for i, j, rule in _first_conflicts(distinct, keys, check, fb.rs.policy.pairing.counterparts,
                                       compatible=compatible):
        a, b = _ordered(distinct[i], distinct[j])
        fb.add("conflict", rule, attribute, eid, event, [a, b],
               {"a": a.document, "b": b.document, "va": fb.describe(a), "vb": fb.describe(b)})


def zones_apart_hours(rs: RuleSet, parties: list[str], day: dt.date | None) -> float:
    """How many hours apart the time zones of an event's parties are on its day (the zone of
    a person's country, of a country, of a place; 0 with fewer than two zones known)."""
    zones = entity_zones(rs)
    when = dt.datetime.combine(day or dt.date(2025, 1, 15), dt.time(12))
    offsets = set()
    for p in parties:
        zone = zones.get(p)
        if zone:
            try:
                offsets.add(when.replace(tzinfo=ZoneInfo(zone)).utcoffset().total_seconds() / 3600)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return max(offsets) - min(offsets) if len(offsets) >= 2 else 0.0


def _also_states(claims: list[Claim], agree: Callable[[object, object], bool]) -> Callable[[int, int], bool]:
    """For counts: an account that gives one group two figures ("24 Israeli hostages" loosely,
    then "13 of Israeli nationality") is not set against an account of one of them, which it
    states itself; two accounts conflict only when no figure of one fits a figure of the other."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for k, c in enumerate(claims):
        by_doc[c.document].append(k)

    def compatible(i: int, j: int) -> bool:
        a, b = claims[i], claims[j]
        return any(agree(claims[k].value, b.value) for k in by_doc[a.document] if k != i) \
            or any(agree(claims[k].value, a.value) for k in by_doc[b.document] if k != j)

    return compatible


def _may_be_a_part(claims: list[Claim]) -> Callable[[int, int], bool] | None:
    """For durations: a length given without naming a part is not set against the whole
    event's when it fits the length another account gives a part ("the talks, with the foreign
    ministers present, lasted about two hours" beside "the first session lasted two hours"):
    it may be that part's, so the two need not be a mistake. Only a part's bounded length
    counts: "the expanded session lasted more than an hour" fits any whole."""
    parts = {value_key(c.value): c.value for c in claims if c.value.part and c.value.max is not None}
    if not parts:
        return None
    lengths = [p.model_copy(update={"part": None}) for p in parts.values()]
    fits = {k for k, c in enumerate(claims) if c.value.part is None
            and any(cmp.durations(c.value, p) is None for p in lengths)}
    return lambda i, j: i in fits or j in fits


def _own_check(rs: RuleSet, attribute: str) -> Callable[[str | None], str | None]:
    """The attribute's own policy check in place of its kind's, where its family names one
    (a death toll that rises by the hour may warn where a prisoner count is an error)."""
    decl = rs.families.of(attribute)
    if decl is None or decl.check is None or decl.check == decl.kind.check:
        return lambda check: check
    return lambda check: decl.check if check == decl.kind.check else check


def _check_titles(fb: FindingBuilder, person: str, given: list[Claim]) -> None:
    """Conflicts between one person's titles in accounts close in time, then the titles the
    knowledge base contradicts. `given` holds the titles, then the dates their accounts give
    their events (see group_claims)."""
    rs = fb.rs
    claims = [c for c in given if c.value.type == "title"]
    stated: dict[tuple[str, str], list[DateValue]] = defaultdict(list)
    told: dict[tuple[str, object], set[str]] = defaultdict(set)  # (event, matter) -> documents stating it
    for c in given:
        if c.value.type == "date":
            stated[(c.document, c.event or "")].append(c.value)
        elif c.attribute.endswith(MATTER):
            told[(c.event or "", value_key(c.value))].add(c.document)
    shared = {(d, e) for (e, _), docs in told.items() if len(docs) > 1 for d in docs}
    distinct, keys = _distinct_keyed(claims)
    days = [_day_of(c, fb.events, fb.docs) for c in distinct]
    ordinals = [d.toordinal() if d is not None else None for d in days]
    ctx = cmp.Context(rs, None)
    check = lambda va, vb: cmp.compare_values(va, vb, ctx)  # noqa: E731
    career = lambda i, j: _transition(distinct[i], days[i], distinct[j], days[j])  # noqa: E731
    for i, j, rule in _first_conflicts(distinct, keys, check, rs.policy.pairing.counterparts, ordinals,
                                       rs.policy.titles.window_days, compatible=career):
        a, b = _ordered(distinct[i], distinct[j])
        fb.add("conflict", rule, a.attribute, person, None, [a, b],
               {"a": a.document, "b": b.document, "va": fb.describe(a), "vb": fb.describe(b)})
    undated: dict[str, list[Claim]] = defaultdict(list)
    windows: dict[tuple[str, str, str | None], TitleWindow | None] = {}  # a page repeating a title
    for c in claims:
        key = (c.document, c.event or "", c.subject)
        if key not in windows:
            windows[key] = _title_window(c, fb.events, fb.docs, stated.get(key[:2], []), key[:2] in shared)
        window = windows[key]
        _knowledge(fb, c, window, rs)
        _given_name(fb, c, rs)
        if window is None:
            undated[c.document].append(c)
    for document in sorted(undated):
        _no_day_fits(fb, person, undated[document], rs)


# a post's life: elected (or designated), then held (or held acting), then left
_STAGE = {"elect": 0, "designate": 0, "current": 1, "acting": 1, "former": 2}


def _transition(a: Claim, day_a: dt.date | None, b: Claim, day_b: dt.date | None) -> bool:
    """Two titles of one post on different days in the order a career runs ("president-elect"
    in December, "president" in January): both can be true, each on its day."""
    va, vb = a.value, b.value
    if day_a is None or day_b is None or day_a == day_b or getattr(va, "role", None) != getattr(vb, "role", None):
        return False
    if va.country and vb.country and va.country != vb.country:
        return False
    first, then = (va, vb) if day_a < day_b else (vb, va)
    return _STAGE.get(first.status, 1) < _STAGE.get(then.status, 1)


# --------------------------------------------------------------------------- pairing


def _distinct_keyed(claims: list[Claim]) -> tuple[list[Claim], list[tuple]]:
    """The first claim of each distinct value per document and event (an article repeating a
    value thousands of times must not make the comparison quadratic), with their value keys."""
    seen: set[tuple] = set()
    out, keys = [], []
    for c in claims:
        vk = value_key(c.value)
        key = (c.document, c.event or "", vk)
        if key not in seen:
            seen.add(key)
            out.append(c)
            keys.append(vk)
    return out, keys


_STRENGTH_RANK = {"strong": 2, "weak": 1, "neutral": 0}


def _strongest_per_document(claims: list[Claim]) -> list[Claim]:
    """A document's claims at its strongest wording only: a page that says "held a call with Y"
    and also "at the request of Y" has said who called, and its vaguer sentence is not its word."""
    best: dict[tuple[str, str], int] = {}
    for c in claims:
        rank = _STRENGTH_RANK.get(getattr(c.value, "strength", None), -1)
        key = (c.document, c.event or "")
        best[key] = max(best.get(key, -1), rank)
    return [c for c in claims
            if _STRENGTH_RANK.get(getattr(c.value, "strength", None), -1) == best[(c.document, c.event or "")]]


def _ordered(a: Claim, b: Claim) -> tuple[Claim, Claim]:
    """A pair's two sides in a fixed order: by document, then claim id."""
    return (a, b) if (a.document, a.id) <= (b.document, b.id) else (b, a)


def _first_conflicts(claims: list[Claim], keys: list[tuple], check: Callable[[object, object], str | None],
                     limit: int | None = None, days: list[int | None] | None = None,
                     window: int = 0, compatible: Callable[[int, int], bool] | None = None,
                     ) -> list[tuple[int, int, str]]:
    """(i, j, rule) with i < j, for pairs of claims from different documents whose values
    conflict: for each rule and pair of documents only the first such pair in the order of
    `combinations(claims, 2)`, and listed in that order. Values are compared once per pair of
    distinct values (`keys`: the claims' value keys), with the pair's claims in their fixed
    order (by document, then id).

    Without `limit`, every pair of claims whose values conflict: exactly what checking every
    pair and keeping one finding per fingerprint gives. With it, findings grow with the
    accounts that disagree, not with the square of a feed. A value's support is the number of
    documents whose values do not conflict with it; of two conflicting values, the one with
    less support (then fewer documents, then the one seen first) is the outlier, and each of
    its accounts is paired with at most `limit` accounts of the values it is the outlier
    against, from other documents: those of the best supported values first, then in order;
    with `days` (titles, compared across events), only accounts at most `window` days away,
    those of the same event first, then the nearest in time (the earlier, then the first, on
    a tie). A value that conflicts with itself is checked on every pair. `compatible(i, j)`
    says a pair of accounts agrees whatever their values (titles of a career on their days): it
    is never a finding, and never one of the `limit` counterparts."""
    classes: dict[tuple, list[int]] = {}
    for i, vk in enumerate(keys):
        classes.setdefault(vk, []).append(i)
    members = list(classes.values())
    of_claim = {i: x for x, m in enumerate(members) for i in m}
    values = [claims[m[0]].value for m in members]
    n = len(members)
    rule_of: dict[tuple[int, int], str | None] = {}  # (class of the first claim, of the second) -> rule
    for x in range(n):
        for y in range(x, n):
            rule_of[(x, y)], rule_of[(y, x)] = check(values[x], values[y]), check(values[y], values[x])
    first: dict[tuple[str, str, str], tuple[int, int]] = {}

    def consider(i: int, j: int) -> None:
        ci, cj = claims[i], claims[j]
        if ci.document == cj.document or (compatible is not None and compatible(i, j)):
            return  # one account repeating itself: checked by internal rules only
        if (ci.document, ci.id) > (cj.document, cj.id):
            i, j, ci, cj = j, i, cj, ci
        rule = rule_of[(of_claim[i], of_claim[j])]
        if rule:
            pair = (i, j) if i < j else (j, i)
            seen = first.get((rule, ci.document, cj.document))
            if seen is None or pair < seen:
                first[(rule, ci.document, cj.document)] = pair

    conflicting = [{y for y in range(n) if rule_of[(x, y)] or rule_of[(y, x)]} for x in range(n)]
    for x in range(n):
        for y in sorted(conflicting[x]):
            if y == x or (limit is None and y > x):
                for i, j in _every_pair(members[x], members[y], x == y):
                    consider(i, j)
    if limit is not None:
        docs_of = [{claims[i].document for i in m} for m in members]
        support = [len(set().union(*(docs_of[y] for y in range(n) if y == x or y not in conflicting[x])))
                   for x in range(n)]
        rank = [(support[x], len(docs_of[x]), x) for x in range(n)]
        near = _Nearest(claims, members, days, window, compatible) if days is not None else None
        for x in range(n):
            against = sorted((y for y in conflicting[x] if rank[x] < rank[y]), key=lambda y: (-support[y], y))
            if not against:
                continue
            for i in members[x]:
                if near is not None:
                    chosen = near.counterparts(i, against, limit)
                else:
                    doc = claims[i].document
                    chosen = list(islice((j for y in against for j in members[y] if claims[j].document != doc
                                          and not (compatible is not None and compatible(i, j))), limit))
                for j in chosen:
                    consider(i, j)
    return sorted((i, j, rule) for (rule, _, _), (i, j) in first.items())


def _every_pair(xs: list[int], ys: list[int], same: bool) -> Iterable[tuple[int, int]]:
    """Each (i from xs, j from ys); each unordered pair once when xs is ys."""
    for i in xs:
        for j in ys:
            if not same or j > i:
                yield i, j


class _Nearest:
    """The accounts of given values nearest in time to an account, within `window` days: the
    same event's first, then by days apart, the earlier day and order."""

    def __init__(self, claims: list[Claim], members: list[list[int]], days: list[int | None], window: int,
                 compatible: Callable[[int, int], bool] | None = None) -> None:
        self.claims, self.days, self.window = claims, days, window
        self.compatible = compatible or (lambda i, j: False)
        self.sorted = [sorted((j for j in m if days[j] is not None), key=lambda j: (days[j], j)) for m in members]
        self.sorted_days = [[days[j] for j in m] for m in self.sorted]
        self.by_event: list[dict[str, list[int]]] = []
        for m in self.sorted:
            index: dict[str, list[int]] = defaultdict(list)
            for j in m:
                if claims[j].event:
                    index[claims[j].event].append(j)
            self.by_event.append(index)

    def counterparts(self, i: int, against: list[int], limit: int) -> list[int]:
        d, doc, event = self.days[i], self.claims[i].document, self.claims[i].event
        if d is None:
            return []
        claims, days, fits = self.claims, self.days, self.compatible

        def key(j: int) -> tuple:
            return not (event and claims[j].event == event), abs(days[j] - d), days[j], j

        found: list[int] = []
        for y in against:
            if event:
                found += [j for j in self.by_event[y].get(event, ())
                          if claims[j].document != doc and abs(days[j] - d) <= self.window and not fits(i, j)]
            others = (j for j in _outwards(self.sorted[y], self.sorted_days[y], d, self.window)
                      if claims[j].document != doc and not (event and claims[j].event == event) and not fits(i, j))
            found += islice(others, limit)
        return sorted(found, key=key)[:limit]


def _outwards(items: list[int], item_days: list[int], day: int, max_gap: int) -> Iterator[int]:
    """Items (sorted by day) at most `max_gap` days from `day`, nearest first; on a tie the
    earlier day, then the first in `items`. Walks one day's run of items at a time."""
    right = bisect.bisect_left(item_days, day)  # items[right:] are on `day` or later
    left = right  # items[:left] are earlier
    while left > 0 or right < len(items):
        gap_left = day - item_days[left - 1] if left > 0 else None
        gap_right = item_days[right] - day if right < len(items) else None
        if min(g for g in (gap_left, gap_right) if g is not None) > max_gap:
            return
        if gap_right is None or (gap_left is not None and gap_left <= gap_right):
            lo, hi = bisect.bisect_left(item_days, item_days[left - 1], 0, left), left
            left = lo
        else:
            lo, hi = right, bisect.bisect_right(item_days, item_days[right], right)
            right = hi
        yield from items[lo:hi]


def _day_of(c: Claim, events: Mapping[str, Event], docs: Mapping[str, Document]) -> dt.date | None:
    """When a claim speaks of: its event's day, else the publication day."""
    if c.event and events[c.event].date.date_from:
        return events[c.event].date.date_from
    return docs[c.document].published.day


def values_conflict(attribute: str, va, vb, event: Event | None, rs: RuleSet) -> bool:
    """Whether two values of one slot (an event's attribute, or a person's titles) cannot both
    hold, by the comparators the checks use: for telling which of a mistake's accounts is the
    outlier (checker.report.cards)."""
    ctx = cmp.Context(rs, event.date.date_from if event is not None else None)
    return bool(cmp.compare_values(va, vb, ctx) or cmp.compare_values(vb, va, ctx))


# what a knowledge finding's day rests on, when it is not a day the page states itself
ESTIMATED = "estimated"  # the page's estimated publication window, or a day resolved against it
OTHERS = "others"  # the day the other accounts give the event, which fits the weekday the page gives
MATTERS = "matters"  # the day the other accounts give the event, whose named matter the page names


class TitleWindow(NamedTuple):
    start: dt.date
    end: dt.date
    basis: str | None  # None: the page's own day; ESTIMATED or OTHERS


def _title_window(c: Claim, events: Mapping[str, Event], docs: Mapping[str, Document],
                  stated: list[DateValue], shares_matter: bool = False) -> TitleWindow | None:
    """The days a title may speak of, and what they rest on.

    The event's day, where the page supports it: a day it states (or resolves against its
    estimated date: then the finding says "estimated"), a weekday or day of the month that fits
    the event's day (the day is then the other accounts'), or its own publication date (a dated
    page joins only events near its date). A page with none of these may have been joined to
    the event wrongly, and the other accounts' day is no ground for saying its title is stale:
    its own estimated publication window, if any, is used instead."""
    doc = docs[c.document]
    published = doc.published
    event = events.get(c.event or "")
    if event is not None and event.date.date_from and event.date.date_to:
        lo, hi = event.date.date_from, event.date.date_to
        own = [v for v in stated if v.day is not None and lo <= v.day <= hi]
        if any("estimated" not in v.how for v in own):
            return TitleWindow(lo, hi, None)
        if own:
            return TitleWindow(lo, hi, ESTIMATED)
        if published.date_from is not None and not published.how.startswith("estimated"):
            return TitleWindow(lo, hi, None)
        # the other accounts' day, for a page that gives only a weekday (or day of the month) that
        # fits it: only for a party of the event (a person the other accounts name in it too),
        # since the aligner may have joined the page on that very weekday and parties named only
        # by their countries
        if lo == hi and c.subject in event.participants \
                and any(v.day is None and (v.weekday is not None or v.day_of_month is not None)
                        and _fits_day(v, lo) for v in stated):
            return TitleWindow(lo, hi, OTHERS)
        # ... or for a page that names a matter other accounts of the event name (the minerals
        # deal, a UN resolution), which no other event of those days shares
        # (a party by name, or by the country its title gives: a meeting's parties are countries)
        party = c.subject in event.participants or c.value.country in event.participants
        if lo == hi and party and shares_matter and not stated:
            return TitleWindow(lo, hi, MATTERS)
    if published.date_from is None or published.date_to is None:
        return None
    return TitleWindow(published.date_from, published.date_to,
                       ESTIMATED if published.how.startswith("estimated") else None)


def _fits_day(v: DateValue, day: dt.date) -> bool:
    """A weekday, or day and month, stated without the full date, that `day` has."""
    return ((v.weekday is None or v.weekday == day.weekday())
            and (v.day_of_month is None or v.day_of_month == day.day)
            and (v.month is None or v.month == day.month))


# how a finding says what its day rests on (the interface translates these)
BASIS_WORDS = {ESTIMATED: "estimated: the page states no date of its own",
               OTHERS: "the day the other accounts give the event; this page gives only the weekday",
               MATTERS: "the day the other accounts give the event; this page gives no day but names its matter"}


def _knowledge(fb: FindingBuilder, c: Claim, window: TitleWindow | None, rs: RuleSet) -> None:
    """A title the knowledge base contradicts on the day the claim speaks of, or on every day
    of the window its page was published in (no term of that person begins or ends in it)."""
    v: TitleValue = c.value
    person = c.subject
    if window is None or not v.office or not terms_of(rs, person):
        return
    lo, hi, basis = window
    wrong = title_verdict(rs, v, person, lo)
    if not wrong or (hi != lo and (title_verdict(rs, v, person, hi) != wrong or any(
            lo < t.from_ <= hi or (t.to is not None and lo < t.to <= hi) for t in terms_of(rs, person)))):
        return
    day = hi
    held = offices_of(rs, person, day)
    # what the knowledge base has: (person, role, country, since or None), for every language
    terms = [(person, t.role, t.country, t.from_.isoformat()) for t in held]
    other = holder(rs, v.role, v.country, day)
    if other and other != person:
        terms.append((other, v.role, v.country, None))
    facts = [f"{who} as {' '.join(x for x in (country, role.replace('_', ' ')) if x)}"
             + (f" since {since}" if since else "") for who, role, country, since in terms]
    when = lo.isoformat() if lo == hi else f"any day from {lo} to {hi}"
    fb.add("knowledge", "knowledge.title", c.attribute, person, fb.events.get(c.event or ""), [c],
           {"document": c.document, "value": cmp.describe(v),
            "date": f"{when} ({BASIS_WORDS[basis]})" if basis else when,
            "held": "; ".join(facts) or "no such office for them"},
           {"date": lo.isoformat(), "date_to": hi.isoformat(), "held": terms, **({"basis": basis} if basis else {})})


def _fits(terms: list, status: str, day: dt.date) -> bool:
    """Whether a title of the post whose terms (of one person) are `terms` can be right on
    `day`: "current" (or acting) while they hold it, "former" once a term has ended and no
    other runs, "elect" (or designate) while they do not hold it yet and a term is to come. A
    post is held from its first day on: unlike a dated page, whose "elect" on the day of the
    swearing-in is let be, an undated one has no day of its own to make that exception for."""
    holds = any(t.from_ <= day and (t.to is None or day < t.to) for t in terms)
    if status in ("current", "acting"):
        return holds
    if status == "former":
        return not holds and any(t.to is not None and t.to <= day for t in terms)
    if status in ("elect", "designate"):
        return not holds and any(day < t.from_ for t in terms)
    return True  # "then": the post at another time than the page's


def _no_day_fits(fb: FindingBuilder, person: str, claims: list[Claim], rs: RuleSet) -> None:
    """Two titles one page gives one person, of one post the knowledge base has them in, that
    no single day allows ("the American president" and "the former American president" in one
    story; "president" and "president-elect"). The page needs no date for this: whenever it
    was written, one of the two is wrong. For claims with no day of their own (no dated event,
    no publication window): those with one are checked title by title."""
    seen: dict[tuple, Claim] = {}
    for c in claims:
        v: TitleValue = c.value
        if v.office and v.role != "counterpart":
            seen.setdefault((v.role, v.country, v.status), c)
    titles = list(seen.values())
    for a, b in combinations(titles, 2):
        va, vb = a.value, b.value
        if va.role != vb.role or va.status == vb.status or (va.country and vb.country and va.country != vb.country):
            continue
        if any(v.status in ("current", "acting") and not v.country for v in (va, vb)):
            continue  # "President Trump" for a former president is a courtesy, as the dated check allows
        country = va.country or vb.country
        terms = [t for t in terms_of(rs, person) if t.role == va.role and (country is None or t.country == country)]
        if not terms:
            continue  # a post the knowledge base does not have them in: nothing to say when
        # the answer changes only where a term begins or ends
        days = sorted({d for t in terms for d in (t.from_, t.to) if d is not None}
                      | {terms[0].from_ - dt.timedelta(days=1)})
        if any(_fits(terms, va.status, d) and _fits(terms, vb.status, d) for d in days):
            continue
        a, b = _ordered(a, b)
        fb.add("knowledge", "knowledge.titles", a.attribute, person, None, [a, b],
               {"a": a.document, "b": b.document, "va": fb.describe(a), "vb": fb.describe(b)},
               {"held": [(person, t.role, t.country, t.from_.isoformat(), t.to.isoformat() if t.to else None)
                         for t in sorted(terms, key=lambda t: t.from_)]})
        return


def _given_name(fb: FindingBuilder, c: Claim, rs: RuleSet) -> None:
    """A given name that is not the known person's (another spelling of it is fine: ستيف and
    ستيفن, فلاديمير and فولوديمير match above the fuzzy threshold of entities.yaml)."""
    from rapidfuzz import fuzz

    from checker.text.normalize import normalize_word

    v: TitleValue = c.value
    if not v.given:
        return
    entity = next((e for e in rs.entities.entities if e.id == c.subject and e.type == "person"), None)
    if entity is None:
        return
    # the given names as the rules write them: every name but its last word (عبد الفتاح),
    # compared without spaces (عبدالفتاح)
    known = sorted({" ".join(normalize_word(n).split()[:-1]) for n in entity.names if len(n.split()) > 1})
    given = v.given.replace(" ", "")

    def same(k: str) -> bool:
        first, known_first = v.given.split()[0], k.split()[0]
        return (fuzz.ratio(given, k.replace(" ", "")) >= rs.entities.fuzzy.threshold - 10
                or fuzz.ratio(first, known_first) >= rs.entities.fuzzy.threshold - 10
                or first.startswith(known_first) or known_first.startswith(first))  # جو / جوزيف

    if not known or any(same(k) for k in known):
        return
    fb.add("knowledge", "knowledge.name", c.attribute, c.subject, fb.events.get(c.event or ""), [c],
           {"document": c.document, "value": v.given, "known": " / ".join(known)}, {"known": known})
