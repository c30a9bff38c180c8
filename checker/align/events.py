"""Group event mentions (accounts) into events across sources.

Whether an account reports an event is a scored decision (checker/align/coref.py); this module
orders the accounts, finds the few events each could join through indexes on party and day,
and writes the events with why their accounts were judged one. Every event says why.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from checker.align.coref import Account, Profile, Verdict, account_of, choose, ranked, score, type_family
from checker.models import Claim, DateRange, Document, Event, EventMention
from checker.resolve.kb import title_verdict
from checker.rules.ruleset import RuleSet, place_countries
from checker.rules.schema import CorefPolicy


def build_events(mentions: list[EventMention], docs: dict[str, Document], rs: RuleSet,
                 claims: Sequence[Claim] = ()) -> tuple[list[Event], dict[str, str]]:
    """Events, and a map mention id -> event id.

    Accounts join events one at a time, each scored against the events formed so far
    (checker/align/coref.py): first those that name two or more parties and a day, in day
    order, then those naming fewer parties, then the undated. An account that names fewer than
    two parties, or no day, joins an event only when it fits that one clearly better than any
    other; one that fits several stays apart and says so. Each account is scored against an
    event's profile, not against its accounts one by one, so the work grows with the number of
    accounts times the few events that share a party with each, not with pairs of accounts.
    """
    policy = rs.policy.coreference
    by_mention: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.mention:
            by_mention[c.mention].append(c)
    accounts = []
    by_parties = frozenset(policy.known_by_parties)
    recalled = _recalled_days(mentions, policy)
    for m in mentions:
        pub = docs[m.document].published if m.document in docs else None
        window = (pub.date_from, pub.date_to) if pub is not None else (None, None)
        estimated = pub is not None and pub.how.startswith("estimated")
        a = account_of(m, by_mention.get(m.id, []), window, estimated, by_parties)
        if m.relation == "reported" and a.day is None:
            a.recalls = tuple(sorted({(d, part) for parties, d, part in recalled.get((m.document, type_family(m.type, policy)), ())
                                      if parties <= a.parties or a.parties <= parties},
                                     key=lambda r: (r[0] or dt.date.min, r[1] or (0, 0))))
        accounts.append(a)
    named = sorted((a for a in accounts if a.day is not None and len(a.parties) >= 2), key=_day_order)
    vague = sorted((a for a in accounts if a.day is not None and len(a.parties) < 2), key=_day_order)
    events = _Events(policy, rs)
    events.separated = _separated_days(named, policy)
    for a in named:
        events.place(a, strict=False)
    for a in vague:
        events.place(a, strict=True)
    # the undated accounts that say most go first, before vaguer ones form events of their own:
    # those on a page that already reports an event (their page is the best evidence they have),
    # then those on a page with a publication date, then by how many details they state
    placed = {a.mention.document for a in named + vague}
    undated = sorted((a for a in accounts if a.day is None),
                     key=lambda a: (a.mention.document not in placed, a.published[0] is None,
                                    -len(a.details), a.mention.id))
    for a in undated:
        events.place(a, strict=True)
    # an undated account placed before the accounts that tie it to an event (they share a
    # figure with it, they came later in the order), or one that fitted several events some of
    # which were lone accounts that have joined since, stood alone: it tries again against the
    # events as they are now
    for a in undated:
        events.retry(a)

    keyed = []
    for p in events.profiles:
        if p.seq in events.dropped:
            continue
        g = [a.mention for a in p.members]
        keyed.append((_mode_type(p), p.day or dt.date.max, sorted({x for m in g for x in m.participants}), min(m.id for m in g), p))
    out: list[Event] = []
    mention_event: dict[str, str] = {}
    for n, (etype, day, participants, _, p) in enumerate(sorted(keyed, key=lambda k: k[:4]), start=1):
        g = sorted((a.mention for a in p.members), key=lambda m: m.id)
        eid = f"e{n}"
        places = sorted({m.place for m in g if m.place})
        real_day = None if day == dt.date.max else day
        out.append(Event(id=eid, type=etype, participants=participants,
                         date=DateRange(date_from=real_day, date_to=real_day),
                         place=places[0] if len(places) == 1 else None,
                         documents=sorted({m.document for m in g}), mentions=[m.id for m in g],
                         claims=sorted({c for m in g for c in m.claims}, key=_claim_order),
                         why=events.why(p)))
        for m in g:
            mention_event[m.id] = eid
    return out, mention_event


def _recalled_days(mentions: list[EventMention], policy: CorefPolicy
                   ) -> dict[tuple[str, str], list[tuple[frozenset[str], dt.date | None, tuple[int, int] | None]]]:
    """Per page and type family, the parties and day (or day and month without a year) of each
    earlier event it recalls."""
    out: dict[tuple[str, str], list] = defaultdict(list)
    for m in mentions:
        d = m.date
        if m.relation != "recalled" or d is None:
            continue
        partial = (d.month, d.day_of_month) if d.day is None and d.month and d.day_of_month else None
        if d.day is not None or partial is not None:
            out[(m.document, type_family(m.type, policy))].append((frozenset(m.participants), d.day, partial))
    return out


def _separated_days(named: list[Account], policy: CorefPolicy) -> set[tuple[str, frozenset[str], dt.date, dt.date]]:
    """(type, parties, day, other day) of two sittings one page reports apart: the informal
    meeting of Monday and the talks of Tuesday. Another page's account of either day is of
    that day's sitting, never a date off by one of the other."""
    by_page: dict[tuple[str, str], list[Account]] = defaultdict(list)
    for a in named:
        by_page[(a.mention.document, type_family(a.mention.type, policy))].append(a)
    out = set()
    for (_, family), accounts in by_page.items():
        for x in accounts:
            for y in accounts:
                if x.day != y.day and len(x.parties & y.parties) >= 2:
                    out.add((family, x.parties & y.parties, x.day, y.day))
    return out


def _mode_type(p: Profile) -> str:
    """The type most of an event's accounts give it (ties: the first in name order)."""
    return min(p.types, key=lambda t: (-p.types[t], t))


def _day_order(a: Account) -> tuple:
    return a.day, a.mention.id


WHY_NAMES = 20  # a reason lists at most this many accounts, then counts the rest


class _Events:
    """The events formed so far, with indexes that find the few an account could join."""

    def __init__(self, policy: CorefPolicy, rs: RuleSet) -> None:
        self.policy, self.rs = policy, rs
        self.titles = lambda v, person, day: title_verdict(rs, v, person, day)
        self.place_country = place_countries(rs)
        self.profiles: list[Profile] = []
        self.joined: dict[int, list[tuple[str, str]]] = defaultdict(list)  # seq -> (document, why)
        self.notes: dict[int, list[str]] = defaultdict(list)
        self.by_party: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.by_day: dict[tuple[str, dt.date], list[int]] = defaultdict(list)
        self.partyless: dict[str, list[int]] = defaultdict(list)
        self.of_type: dict[str, list[int]] = defaultdict(list)
        self.separated: set[tuple[str, frozenset[str], dt.date, dt.date]] = set()
        self.dropped: set[int] = set()  # events whose one account joined another on a second try
        self.alone: dict[str, int] = {}  # mention id -> the event it formed alone

    def window(self, etype: str) -> int:
        ev = self.rs.policy.events.get(etype)
        return ev.date_window_days if ev is not None else 1

    def candidates(self, a: Account) -> list[Profile]:
        etype = type_family(a.mention.type, self.policy)
        if a.parties:
            found = set(self.partyless.get(etype, ()))
            for name in a.parties:
                found.update(self.by_party.get((etype, name), ()))
        elif a.day is not None:
            gap = self.policy.max_gap_days
            found = set()
            for k in range(-gap, gap + 1):
                found.update(self.by_day.get((etype, a.day + dt.timedelta(days=k)), ()))
        else:
            found = set(self.of_type.get(etype, ()))
        profiles = [self.profiles[i] for i in sorted(found) if i not in self.dropped]
        if a.day is not None and a.parties:
            # a dated event more than max_gap_days away is ruled out by score() anyway: skip it,
            # so a dated account meets the few events of its weeks, not years of its parties' events
            gap = dt.timedelta(days=self.policy.max_gap_days)
            profiles = [p for p in profiles if p.day is None or abs(p.day - a.day) <= gap]
            if self.separated:  # a day some page tells apart from this one is another sitting's
                profiles = [p for p in profiles if p.day is None or p.day == a.day
                            or not any(s[0] == etype and s[2] == p.day and s[3] == a.day and s[1] <= a.parties | set(p.parties)
                                       for s in self.separated)]
        return profiles

    def place(self, a: Account, strict: bool) -> None:
        m = a.mention
        window = self.window(m.type)
        best, verdict, ambiguous = choose(a, self.candidates(a), self.policy, window, strict, self.titles,
                                         self.place_country)
        if best is None and ambiguous:
            best = self._bridge(a, window)
            if best is not None:
                self._join(best, a, f"fits {best.day.isoformat()} and the undated accounts it ties to it")
                return
        if best is None:
            p = self._new(a)
            if ambiguous:
                p.closed = True
                self.notes[p.seq].append(f"{m.document} fits several {m.type} events about equally well; kept apart")
            self.alone[m.id] = p.seq
            return
        self._join(best, a, verdict.summary())

    def _bridge(self, a: Account, window: int) -> Profile | None:
        """An account that fits a dated event and undated ones about equally well (an exchange's
        hostages, stated with the day, and its prisoners, stated on a page without one) ties
        them: the undated events join the dated one when each of their accounts fits it on its
        own too, and the account with them. None when the tie is between dated events."""
        pol = self.policy
        scored = ranked(a, self.candidates(a), pol, window, self.titles, self.place_country)
        if len(scored) < 2:
            return None
        top = [p for x, p, _ in scored if scored[0][0] - x < pol.margin]
        dated = [p for p in top if p.day is not None]
        if len(dated) != 1 or len(top) < 2:
            return None
        base = dated[0]
        undated = [p for p in top if p is not base]
        # each of their accounts must fit the dated event on its own evidence too: a page of three
        # weeks later, another weekday, another city keep theirs apart
        if any(p.closed or not _fits_well(score(m, base, pol, window, self.place_country), pol)
               for p in undated for m in p.members):
            return None
        for p in undated:
            self.dropped.add(p.seq)
            for m in p.members:
                self._join(base, m, f"tied to {base.day.isoformat()} by {a.mention.document}")
                self.alone.pop(m.mention.id, None)
        return base

    def retry(self, a: Account) -> None:
        """An account that formed an event of its own, which no other joined: the event it now
        fits clearly best, if any, takes it, and its own is dropped."""
        own = self.alone.get(a.mention.id)
        if own is None or own in self.dropped or len(self.profiles[own].members) != 1:
            return
        self.dropped.add(own)
        best, verdict, _ = choose(a, self.candidates(a), self.policy, self.window(a.mention.type), True,
                                  self.titles, self.place_country)
        if best is None:
            self.dropped.discard(own)
            return
        self.notes.pop(own, None)
        self._join(best, a, verdict.summary())

    def _join(self, p: Profile, a: Account, why: str) -> None:
        self._index(p, a)
        p.add(a)
        self.joined[p.seq].append((a.mention.document, why))

    def _new(self, a: Account) -> Profile:
        p = Profile(a, len(self.profiles), type_family(a.mention.type, self.policy))
        self.profiles.append(p)
        self.of_type[p.type].append(p.seq)
        if not a.parties:
            self.partyless[p.type].append(p.seq)
        self._index(p, a, new=True)
        return p

    def _index(self, p: Profile, a: Account, new: bool = False) -> None:
        for name in a.parties:
            if name not in p.parties or new:
                self.by_party[(p.type, name)].append(p.seq)
        if a.day is not None and (new or a.day not in p.days):
            self.by_day[(p.type, a.day)].append(p.seq)
        if a.parties and not new and not p.parties and p.seq in self.partyless[p.type]:
            self.partyless[p.type].remove(p.seq)

    def why(self, p: Profile) -> str:
        """Why the accounts are one event: the reasons each joined, accounts with the same reasons
        on one line (the first account heads the first line)."""
        first = p.members[0].mention.document
        lines: dict[str, list[str]] = {}
        for doc, reason in self.joined[p.seq]:
            lines.setdefault(reason, [])
            if doc not in lines[reason]:
                lines[reason].append(doc)
        out = []
        for n, (reason, docs) in enumerate(lines.items()):
            if n == 0 and first not in docs:
                docs = [first, *docs]
            out.append(f"{_listed(docs)}: {reason}")
        out.extend(self.notes[p.seq])
        return "; ".join(out) or "reported by one account"


def _fits_well(v: Verdict, policy: CorefPolicy) -> bool:
    return v.blocked is None and v.score >= policy.threshold


def _listed(docs: list[str]) -> str:
    if len(docs) <= WHY_NAMES:
        return ", ".join(docs)
    return f"{', '.join(docs[:WHY_NAMES])} and {len(docs) - WHY_NAMES} more"


def _claim_order(cid: str) -> tuple[str, int]:
    doc, _, n = cid.rpartition(":c")
    return doc, int(n) if n.isdigit() else 0


def assign_events(claims: list[Claim], mention_event: dict[str, str], events: Sequence[Event] = (),
                  same_event: Sequence[Sequence[str]] = ()) -> list[Claim]:
    """The claims placed in their events: copies with the event's id, and as subject too
    (titles keep the person); the claims given are left as extracted. A claim read as another
    type of one event (`talks.duration` of an event most accounts call a meeting; the types
    `same_event` groups) takes the event's type, so all its accounts are compared on one slot."""
    type_of = {e.id: e.type for e in events}
    family = {t: tuple(g) for g in same_event for t in g}
    out = []
    for c in claims:
        eid = mention_event.get(c.mention) if c.mention else None
        if eid is None:
            out.append(c)
            continue
        update = {"event": eid} if c.attribute == "person.title" else {"event": eid, "subject": eid}
        prefix, _, slot = c.attribute.partition(".")
        etype = type_of.get(eid)
        if etype and prefix != etype and etype in family.get(prefix, ()):
            update["attribute"] = f"{etype}.{slot}"
        out.append(c.model_copy(update=update))
    return out
