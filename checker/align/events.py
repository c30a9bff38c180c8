"""Group event mentions into events across sources.

A graph (networkx) links two mentions when they can be the same event: same type, compatible
participants and dates within the policy's window. Candidates are blocked by type, so only
mentions that could match are ever paired. Mentions that carry no day (only a weekday, or
nothing) are placed afterwards: each joins the one event it fits, or stays apart when it fits
none or several. Every event says why its mentions were judged one event.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import networkx as nx

from checker.models import Claim, DateRange, Document, Event, EventMention
from checker.resolve.dates import WEEKDAYS_EN
from checker.rules.ruleset import RuleSet


def _participants_fit(a: EventMention, b: EventMention) -> bool:
    pa, pb = set(a.participants), set(b.participants)
    if not pa or not pb:
        return True
    if a.type == "call" and len(pa) >= 2 and len(pb) >= 2:
        return pa == pb
    return pa <= pb or pb <= pa


def _why_pair(a: EventMention, b: EventMention, window: int, blocked: bool = False) -> str | None:
    """Why two dated mentions are one event, or None when they cannot be. `blocked`: the pair
    comes from _candidate_pairs, so type and participants are known to fit."""
    if not blocked and (a.type != b.type or not _participants_fit(a, b)):
        return None
    if a.document == b.document and a.segment == b.segment:
        return None  # the extractor already kept these apart
    if a.place and b.place and a.place != b.place:
        return None  # talks in Istanbul and talks in Riyadh are two events, even on one day
    da, db = a.date.day, b.date.day
    gap = abs((da - db).days)
    if gap == 0:
        return f"same day {da.isoformat()}"
    if gap <= window:
        return f"dates {min(da, db)} and {max(da, db)} within {window} day(s)" + (
            f", same place ({a.place})" if a.place and a.place == b.place else "")
    return None


def _sets_fit(etype: str, pa: frozenset[str], pb: frozenset[str]) -> bool:
    """_participants_fit on participant sets (the same test, for a whole block at once)."""
    if not pa or not pb:
        return True
    if etype == "call" and len(pa) >= 2 and len(pb) >= 2:
        return pa == pb
    return pa <= pb or pb <= pa


def _candidate_pairs(dated: list[EventMention], rs: RuleSet):
    """Pairs of dated mentions that may be one event, earlier (day, id) first.

    Blocked by event key: type, then participant set (two sets are joined only when they fit),
    then the date window, walked on day-sorted lists. So a feed with hundreds of calls a week
    never pairs the Trump-Putin calls with the Zelensky-Macron ones.
    """
    blocks: dict[tuple[str, frozenset[str]], list[EventMention]] = defaultdict(list)
    for m in dated:
        blocks[(m.type, frozenset(m.participants))].append(m)
    for block in blocks.values():
        block.sort(key=lambda m: (m.date.day, m.id))
    keys = sorted(blocks, key=lambda k: (k[0], sorted(k[1])))
    for i, (etype, pa) in enumerate(keys):
        window = rs.policy.events[etype].date_window_days
        for etype_b, pb in keys[i:]:
            if etype_b != etype or not _sets_fit(etype, pa, pb):
                continue
            left, right = blocks[(etype, pa)], blocks[(etype_b, pb)]
            yield from _window_join(left, right, window, same=pa == pb)


def _window_join(left: list[EventMention], right: list[EventMention], window: int, same: bool):
    """Pairs (a, b) from two day-sorted lists whose days are at most `window` apart."""
    if same:
        for i, a in enumerate(left):
            for b in left[i + 1:]:
                if (b.date.day - a.date.day).days > window:
                    break
                yield a, b, window
        return
    start = 0
    for a in left:
        day = a.date.day
        while start < len(right) and (day - right[start].date.day).days > window:
            start += 1
        for b in right[start:]:
            if (b.date.day - day).days > window:
                break
            yield (a, b, window) if (day, a.id) <= (b.date.day, b.id) else (b, a, window)


def _fits_undated(m: EventMention, day: dt.date, published: dt.date | None) -> bool:
    if m.date is not None and m.date.weekday is not None and day.weekday() != m.date.weekday:
        return False
    if published is not None and not (day <= published + dt.timedelta(days=1)):
        return False
    return True


def build_events(mentions: list[EventMention], docs: dict[str, Document], rs: RuleSet) -> tuple[list[Event], dict[str, str]]:
    """Events, and a map mention id -> event id."""
    dated = [m for m in mentions if m.date is not None and m.date.day is not None]
    undated = [m for m in mentions if m.date is None or m.date.day is None]  # not `not in dated`: quadratic
    # Accounts that name both sides link events together. One that names one side or none
    # ("the talks held in Istanbul on 17 February") could be several events: it only joins the
    # one event it fits, or, fitting none, links with its like; it never chains two events.
    named = [m for m in dated if len(set(m.participants)) >= 2]
    vague = [m for m in dated if len(set(m.participants)) < 2]
    graph = nx.Graph()
    notes: dict[int, list[str]] = defaultdict(list)
    groups = _link(named, graph, rs)
    unplaced = _join_vague(vague, groups, notes, rs)
    groups.extend(_link(unplaced, graph, rs))

    def group_day(g: list[EventMention]) -> dt.date:
        counts = Counter(m.date.day for m in g if m.date is not None and m.date.day is not None)
        return sorted(counts, key=lambda d: (-counts[d], d))[0]

    # Undated accounts join only groups that have a day, and only one that fits. Candidates come
    # from an index (type, participant) -> groups, so each account looks at the few groups that
    # share a participant with it, not at every group; the scan stops at the second fit.
    dated_days = [group_day(g) for g in groups]  # joining undated accounts never changes them
    of_type: dict[str, list[int]] = defaultdict(list)
    with_participant: dict[tuple[str, str], set[int]] = defaultdict(set)
    nobody: dict[str, list[int]] = defaultdict(list)  # groups whose accounts name no participant
    for i, g in enumerate(groups):
        of_type[g[0].type].append(i)
        names = {p for x in g for p in x.participants}
        for name in names:
            with_participant[(g[0].type, name)].add(i)
        if not names:
            nobody[g[0].type].append(i)

    def candidates(m: EventMention) -> list[int]:
        if not m.participants:
            return of_type.get(m.type, [])
        found = set(nobody.get(m.type, []))
        for name in m.participants:
            found |= with_participant.get((m.type, name), set())
        return sorted(found)

    for m in sorted(undated, key=lambda m: m.id):
        pub = docs[m.document].published.day
        fits: list[int] = []
        for i in candidates(m):
            g = groups[i]
            if all(_participants_fit(m, x) for x in g) and _fits_undated(m, dated_days[i], pub):
                fits.append(i)
                if len(fits) > 1:
                    break
        if len(fits) == 1:
            g = groups[fits[0]]
            day = dated_days[fits[0]]
            stated = f"only a weekday ({WEEKDAYS_EN[m.date.weekday]})" if m.date and m.date.weekday is not None \
                else "no date"
            notes[fits[0]].append(
                f"{m.document} gives {stated}; of the {m.type} events between the same participants "
                f"{_reported_by(g)}, only the one of {day.isoformat()} ({WEEKDAYS_EN[day.weekday()]}) fits"
                + (f" and is before its publication date {pub}" if pub else ""))
            g.append(m)
            for name in m.participants:
                with_participant[(m.type, name)].add(fits[0])
            if m.participants and fits[0] in nobody.get(m.type, []):
                nobody[m.type].remove(fits[0])
        else:
            groups.append([m])
            if len(fits) > 1:
                notes[len(groups) - 1].append(f"{m.document}: its undated {m.type} fits several events; kept apart")

    events: list[Event] = []
    mention_event: dict[str, str] = {}
    keyed = []
    for i, g in enumerate(groups):
        has_day = any(m.date is not None and m.date.day is not None for m in g)
        day = group_day(g) if has_day else None
        keyed.append((g[0].type, day or dt.date.max, sorted({p for m in g for p in m.participants}), g[0].id, i))
    for n, (etype, day, participants, _, i) in enumerate(sorted(keyed), start=1):
        g = sorted(groups[i], key=lambda m: m.id)
        eid = f"e{n}"
        text = "; ".join(dict.fromkeys(_links(graph, g) + notes[i])) or "reported by one account"
        places = sorted({m.place for m in g if m.place})
        real_day = None if day == dt.date.max else day
        events.append(Event(id=eid, type=etype, participants=participants,
                            date=DateRange(date_from=real_day, date_to=real_day),
                            place=places[0] if len(places) == 1 else None,
                            documents=sorted({m.document for m in g}), mentions=[m.id for m in g],
                            claims=sorted({c for m in g for c in m.claims}, key=_claim_order), why=text))
        for m in g:
            mention_event[m.id] = eid
    return events, mention_event


def _link(dated: list[EventMention], graph: nx.Graph, rs: RuleSet) -> list[list[EventMention]]:
    """Dated mentions linked in `graph` when they can be one event; the groups they form."""
    for m in dated:
        graph.add_node(m.id)
    for a, b, window in _candidate_pairs(dated, rs):
        why = _why_pair(a, b, window, blocked=True)
        if why:
            graph.add_edge(a.id, b.id, why=why, gap=abs((a.date.day - b.date.day).days))
    by_id = {m.id: m for m in dated}
    groups: list[list[EventMention]] = []
    for comp in sorted(nx.connected_components(graph.subgraph(by_id)), key=lambda c: sorted(c)):
        members = sorted((by_id[i] for i in comp), key=lambda m: m.id)
        groups.extend(_split_same_document(members, rs.policy.events[members[0].type].date_window_days))
    return groups


def _join_vague(vague: list[EventMention], groups: list[list[EventMention]], notes: dict[int, list[str]],
                rs: RuleSet) -> list[EventMention]:
    """Dated mentions that name fewer than two participants join the one group they fit: same
    type, participants that fit every member, no member of their own segment or in another
    place, and a member they would link with. Those fitting several stand apart (a group of
    their own, noted); those fitting none are returned, to be linked among themselves."""
    by_day: dict[tuple[str, dt.date], set[int]] = defaultdict(set)
    for i, g in enumerate(groups):
        for x in g:
            by_day[(x.type, x.date.day)].add(i)
    unplaced: list[EventMention] = []
    for m in sorted(vague, key=lambda m: (m.date.day, m.id)):
        window = rs.policy.events[m.type].date_window_days
        near = set().union(*(by_day.get((m.type, m.date.day + dt.timedelta(days=k)), set())
                             for k in range(-window, window + 1)))
        fits = [i for i in sorted(near) if _fits_group(m, groups[i], window)]
        if len(fits) > 1:  # the closest fits: the same place stated, then the nearest day
            rank = {i: _closeness(m, groups[i]) for i in fits}
            best = min(rank.values())
            fits = [i for i in fits if rank[i] == best]
        who = f"names only {', '.join(sorted(set(m.participants)))}" if m.participants else "names no participant"
        if len(fits) == 1:
            g = groups[fits[0]]
            notes[fits[0]].append(f"{m.document} {who}; of the {m.type} events within {window} day(s) of "
                                  f"{m.date.day.isoformat()}, this one fits best")
            g.append(m)
            by_day[(m.type, m.date.day)].add(fits[0])
        elif fits:
            groups.append([m])
            notes[len(groups) - 1].append(f"{m.document} {who} and fits several {m.type} events; kept apart")
        else:
            unplaced.append(m)
    return unplaced


def _closeness(m: EventMention, group: list[EventMention]) -> tuple[bool, int]:
    """How well a vague mention fits a group (smaller is better): the same place stated by a
    member, then the fewest days to a member."""
    same_place = bool(m.place) and any(x.place == m.place for x in group)
    return not same_place, min(abs((x.date.day - m.date.day).days) for x in group)


def _fits_group(m: EventMention, group: list[EventMention], window: int) -> bool:
    if any(x.document == m.document and x.segment == m.segment for x in group):
        return False
    if any(x.place and m.place and x.place != m.place for x in group):
        return False
    return all(_participants_fit(m, x) for x in group) and any(_why_pair(m, x, window) for x in group)


def _links(graph: nx.Graph, group: list[EventMention]) -> list[str]:
    """Why a group's dated mentions are one event, in as many links as it takes to connect them:
    a minimum spanning forest, closest dates first (then mention ids), so an event reported by
    thirty outlets gives thirty links, not every pair. Links of one reason ("same day
    2025-05-19") are merged into one list of documents."""
    doc_of = {m.id: m.document for m in group}
    sub = graph.subgraph(doc_of)
    edges = sorted((d["gap"], *sorted((a, b)), d["why"]) for a, b, d in sub.edges(data=True))
    forest = nx.utils.UnionFind()
    merged: dict[str, list[str]] = {}  # "same day ..." -> its documents, in the order met
    out: list[str] = []
    for _, a, b, why in edges:
        if forest[a] == forest[b]:
            continue
        forest.union(a, b)
        if why.startswith("same day"):
            if why not in merged:
                merged[why] = []
                out.append(why)
            merged[why].extend(d for d in (doc_of[a], doc_of[b]) if d not in merged[why])
        else:
            out.append(f"{doc_of[a]} and {doc_of[b]}: {why}")
    return [f"{line}: {', '.join(merged[line])}" if line in merged else line for line in out]


def _reported_by(group: list[EventMention]) -> str:
    """The accounts of a group, named when few, counted when many."""
    docs = sorted({m.document for m in group})
    return f"reported by {', '.join(docs)}" if len(docs) <= 5 else f"reported by {len(docs)} accounts ({', '.join(docs[:3])}, ...)"


def _claim_order(cid: str) -> tuple[str, int]:
    doc, _, n = cid.rpartition(":c")
    return doc, int(n) if n.isdigit() else 0


def _split_same_document(group: list[EventMention], window: int) -> list[list[EventMention]]:
    """A component may chain two events of one account through a third (15 -> 16 -> 17 May);
    an account that dates two mentions differently in one segment reports two events."""
    out: list[list[EventMention]] = []
    for m in sorted(group, key=lambda m: (m.date.day, m.id)):
        home = next((g for g in out if all(
            not (x.document == m.document and x.segment == m.segment) for x in g)
            and all(abs((x.date.day - m.date.day).days) <= window for x in g)), None)
        if home is None:
            out.append([m])
        else:
            home.append(m)
    return out


# The aligner's tests on one pair of mentions, public for checker.store.check, which asks the
# store only for the stored accounts these could link to a new one: one definition for both.
participants_fit = _participants_fit
fits_undated = _fits_undated
why_pair = _why_pair


def assign_events(claims: list[Claim], mention_event: dict[str, str]) -> list[Claim]:
    """The claims placed in their events: copies with the event's id, and as subject too
    (titles keep the person); the claims given are left as extracted."""
    out = []
    for c in claims:
        eid = mention_event.get(c.mention) if c.mention else None
        if eid is None:
            out.append(c)
        else:
            out.append(c.model_copy(update={"event": eid} if c.attribute == "person.title"
                                    else {"event": eid, "subject": eid}))
    return out
