"""Checking new articles against the store: only the stored accounts that could be the same events.

The new articles are read and extracted as `checker report` would; then a few indexed queries
find the stored documents whose event mentions could be one event with a new mention:

- a dated new mention: stored mentions of its family of types (talks and meeting) dated within
  the coreference policy's `max_gap_days` that nothing rules out as one event with it (the
  aligner's `could_be_one`), followed from link to link (a chain 17 -> 18 -> 19 March is one
  event for the aligner too), at most MAX_ROUNDS steps;
- a new mention with only a weekday, or no date: stored dated mentions of its family sharing a
  participant, on the days it can mean (the UNDATED_LOOKBACK_DAYS before its publication day,
  or up to the day after); without a publication day, the latest UNANCHORED_LIMIT such mentions;
- stored undated mentions that could join one of those events: same family, published from the
  day before the event to UNDATED_LOOKBACK_DAYS after it.

No query reads the claims table except by document id, so a check costs the same on a store
of a thousand articles or a million. Those documents are rebuilt with their text (evidence is
quoted from it), aligned and compared with the new ones by the usual stages, and only findings
involving a new article are kept; the stored articles on their other side join the report.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from checker.align.coref import could_be_one
from checker.engine import Engine, LocalEngine
from checker.models import Claim, DateValue, Document, EventMention, Finding, Report
from checker.pipeline import analyse_extracted
from checker.report.summary import with_summary
from checker.resolve.publication import estimate_publication
from checker.rules.ruleset import RuleSet, load_ruleset
from checker.store import tables as t
from checker.store.db import DEFAULT_URL, Store, open_store
from checker.store.index import IndexResult, index_documents, resolve_ids

UNDATED_LOOKBACK_DAYS = 7  # "today, Wednesday" speaks of a day at most a week before publication
UNANCHORED_LIMIT = 200  # stored mentions tried for an undated account on an undated page
MAX_ROUNDS = 8  # link-to-link steps followed from a new mention through stored ones
_IN_CHUNK = 500

_MENTION_COLUMNS = (t.mentions.c.id, t.mentions.c.document, t.mentions.c.segment, t.mentions.c.type,
                    t.mentions.c.participants_key, t.mentions.c.day, t.mentions.c.weekday,
                    t.mentions.c.place, t.mentions.c.pub_day)


@dataclass
class CheckResult:
    """The report of a check, and what it was compared with."""

    report: Report
    new: list[str]  # ids of the new documents
    stored: list[str]  # ids of the stored documents loaded as candidates
    stale: list[str] = field(default_factory=list)  # of those, re-extracted: stored under other rules
    indexed: list[IndexResult] = field(default_factory=list)  # with index=True


# --------------------------------------------------------------------------- candidates


def _row_mention(r: Row) -> EventMention:
    """A stored mention as the aligner's predicates see it, from the indexed columns only."""
    date = DateValue(date_from=r.day, date_to=r.day, weekday=r.weekday) if r.day is not None \
        else (DateValue(weekday=r.weekday) if r.weekday is not None else None)
    return EventMention(id=r.id, document=r.document, segment=r.segment, type=r.type,
                        participants=r.participants_key.split("+") if r.participants_key else [],
                        date=date, place=r.place, span=(0, 0))


def _intervals(days: list[dt.date], before: int, after: int) -> list[tuple[dt.date, dt.date]]:
    """Merged [day - before, day + after] intervals: one range condition per cluster of days."""
    out: list[tuple[dt.date, dt.date]] = []
    for d in sorted(days):
        lo, hi = d - dt.timedelta(days=before), d + dt.timedelta(days=after)
        if out and lo <= out[-1][1] + dt.timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _dated(m: EventMention) -> bool:
    return m.date is not None and m.date.day is not None


def _undated_seeds(conn: Connection, m: EventMention, published: dt.date | None, rs: RuleSet) -> list[EventMention]:
    """Stored dated mentions a new weekday-only or undated mention could join."""
    policy = rs.policy.coreference
    people = sorted(set(m.participants))
    types = policy.family_of(m.type)
    days: list[dt.date] | None = None
    if published is not None:
        days = [published + dt.timedelta(days=k) for k in range(-UNDATED_LOOKBACK_DAYS, 2)]
    mp, mt = t.mention_participants, t.mentions
    ids: set[str] = set()
    if people:
        q = sa.select(mp.c.mention).where(mp.c.type.in_(types), mp.c.participant.in_(people))
        if days is not None:
            ids.update(conn.execute(q.where(mp.c.day.in_(days))).scalars())
        else:
            q = q.where(mp.c.day.is_not(None)).order_by(mp.c.day.desc(), mp.c.mention).limit(UNANCHORED_LIMIT)
            ids.update(conn.execute(q).scalars())
    if days is not None:  # stored accounts that name nobody fit anyone
        keys = [""] if people else None
        q = sa.select(mt.c.id).where(mt.c.type.in_(types), mt.c.day.in_(days))
        if keys is not None:
            q = q.where(mt.c.participants_key.in_(keys))
        ids.update(conn.execute(q).scalars())
    rows = _mentions_by_id(conn, sorted(ids))
    out = []
    for r in rows:
        cand = _row_mention(r)
        if could_be_one(m, cand, policy, published):
            out.append(cand)
    return out


def _mentions_by_id(conn: Connection, ids: list[str]) -> list[Row]:
    rows: list[Row] = []
    for i in range(0, len(ids), _IN_CHUNK):
        rows.extend(conn.execute(sa.select(*_MENTION_COLUMNS).where(t.mentions.c.id.in_(ids[i:i + _IN_CHUNK]))))
    return rows


def candidate_documents(conn: Connection, mentions: Sequence[EventMention], docs: dict[str, Document],
                        rs: RuleSet, exclude: set[str]) -> set[str]:
    """Ids of the stored documents with a mention that could be one event with a new mention.

    Every query is on indexed columns (type + day, type + participant + day, type + pub_day)
    and bounded by the coreference policy's `max_gap_days`, never a scan of the claims; what
    could be one event is decided by the aligner's own test (`could_be_one`), so a check finds
    every stored account that `checker report` over both would align with a new one.
    """
    policy = rs.policy.coreference
    gap = policy.max_gap_days
    linked: dict[str, EventMention] = {m.id: m for m in mentions if _dated(m)}
    for m in mentions:
        if not _dated(m):
            for cand in _undated_seeds(conn, m, docs[m.document].published.day if m.document in docs else None, rs):
                if cand.document not in exclude:
                    linked.setdefault(cand.id, cand)
    frontier = list(linked.values())
    for _ in range(MAX_ROUNDS):
        if not frontier:
            break
        by_family: dict[str, list[EventMention]] = defaultdict(list)
        for m in frontier:
            by_family[policy.family_of(m.type)[0]].append(m)
        frontier = []
        for family, group in sorted(by_family.items()):
            spans = _intervals([m.date.day for m in group], gap, gap)
            q = sa.select(*_MENTION_COLUMNS).where(
                t.mentions.c.type.in_(policy.family_of(family)),
                sa.or_(*(t.mentions.c.day.between(lo, hi) for lo, hi in spans)))
            for r in conn.execute(q):
                if r.id in linked or r.document in exclude:
                    continue
                cand = _row_mention(r)
                if any(could_be_one(cand, m, policy) for m in group):
                    linked[cand.id] = cand
                    frontier.append(cand)
    found = {m.document for m in linked.values()} - set(docs)
    # stored weekday-only / undated accounts that could join one of these events
    events_by_family: dict[str, list[EventMention]] = defaultdict(list)
    for m in linked.values():
        events_by_family[policy.family_of(m.type)[0]].append(m)
    for family, group in sorted(events_by_family.items()):
        spans = _intervals([m.date.day for m in group], 1, UNDATED_LOOKBACK_DAYS)
        q = sa.select(*_MENTION_COLUMNS).where(
            t.mentions.c.type.in_(policy.family_of(family)), t.mentions.c.day.is_(None),
            sa.or_(*(t.mentions.c.pub_day.between(lo, hi) for lo, hi in spans)))
        for r in conn.execute(q):
            if r.document in exclude or r.document in found:
                continue
            cand = _row_mention(r)
            if any(could_be_one(cand, m, policy, r.pub_day) for m in group):
                found.add(r.document)
    return found - exclude


# --------------------------------------------------------------------------- loading


def load_documents(conn: Connection, ids: Sequence[str], rs: RuleSet, engine: Engine | None = None) -> tuple[
        list[Document], list[EventMention], list[Claim], list[str]]:
    """Stored documents with their text, mentions and claims (as extracted, before alignment).

    A document stored under other rules (its digest differs from `rs.digest`) is extracted
    again from its stored text (by `engine`, in this process without one), so a check never
    mixes claims read by two rule versions. Returns documents, mentions, claims and the ids of
    the re-extracted ("stale") ones.
    """
    unique = sorted(set(ids))
    docs: dict[str, Document] = {}
    digests: dict[str, str] = {}
    mentions: dict[str, list[EventMention]] = defaultdict(list)
    claims: dict[str, list[Claim]] = defaultdict(list)
    d, m, c = t.documents, t.mentions, t.claims
    for i in range(0, len(unique), _IN_CHUNK):
        part = unique[i:i + _IN_CHUNK]
        for r in conn.execute(sa.select(d.c.id, d.c.text, d.c.rules_digest, d.c.document_json).where(d.c.id.in_(part))):
            doc = Document.model_validate_json(r.document_json).model_copy(update={"text": r.text})
            docs[r.id], digests[r.id] = doc, r.rules_digest
        for r in conn.execute(sa.select(m.c.document, m.c.mention_json).where(m.c.document.in_(part))
                              .order_by(m.c.document, m.c.seq)):
            mentions[r.document].append(EventMention.model_validate_json(r.mention_json))
        for r in conn.execute(sa.select(c.c.document, c.c.claim_json).where(c.c.document.in_(part))
                              .order_by(c.c.document, c.c.seq)):
            claims[r.document].append(Claim.model_validate_json(r.claim_json))
    stale = sorted(i for i, digest in digests.items() if digest != rs.digest)
    if stale:
        fresh = (engine or LocalEngine()).extract([docs[i] for i in stale], rs)
        for doc in fresh.documents:
            docs[doc.id] = doc
        for i in stale:
            mentions[i], claims[i] = [], []
        for x in fresh.mentions:
            mentions[x.document].append(x)
        for x in fresh.claims:
            claims[x.document].append(x)
    ordered = sorted(docs.values(), key=lambda x: (x.id, x.path))
    return (ordered, [x for doc in ordered for x in mentions[doc.id]],
            [x for doc in ordered for x in claims[doc.id]], stale)


# --------------------------------------------------------------------------- checking


def _new_first(finding: Finding, new: set[str], n: int) -> Finding:
    """The finding as the n-th of a check: evidence of the new article first (SARIF and GitHub
    place a finding at its first evidence, and in CI that should be the article under review,
    not the archive)."""
    return finding.model_copy(update={"id": f"f{n}", "evidence": sorted(finding.evidence,
                                                                       key=lambda ev: ev.document not in new)})


def check_documents(store: Store, docs: Sequence[Document], rs: RuleSet, *, index: bool = False,
                    engine: Engine | None = None) -> CheckResult:
    """Compare new documents (already read) with the stored ones that could share their events.

    The new and the candidate stored documents are analysed together by the analysis of
    `checker report` (checker.pipeline.analyse_extracted, on `engine`); findings are kept when
    they involve at least one new document. Stored documents whose id is a new document's id
    are replaced by the new one. With `index`, the new documents are stored afterwards (the
    store must then have been opened writable).
    """
    engine = engine or LocalEngine()
    extracted = engine.extract([estimate_publication(d, rs) for d in sorted(docs, key=lambda d: (d.id, d.path))], rs)
    new_docs = extracted.documents
    ok_new = [d for d in new_docs if d.status == "ok"]
    new_ids = {d.id for d in new_docs}
    with store.reading() as conn:
        ids = candidate_documents(conn, extracted.mentions, {d.id: d for d in ok_new}, rs, exclude=new_ids)
        stored_docs, stored_mentions, stored_claims, stale = load_documents(conn, sorted(ids), rs, engine)

    all_docs = sorted(ok_new + stored_docs, key=lambda d: (d.id, d.path))
    order = {d.id: n for n, d in enumerate(all_docs)}
    mentions = sorted(extracted.mentions + stored_mentions, key=lambda x: order[x.document])  # stable
    claims = sorted(extracted.claims + stored_claims, key=lambda x: order[x.document])
    together = analyse_extracted(all_docs, mentions, claims, rs, engine=engine)

    findings = [_new_first(f, new_ids, n) for n, f in
                enumerate((f for f in together.findings if new_ids & set(f.documents)), start=1)]
    shown = new_ids | {ev.document for f in findings for ev in f.evidence} | {x for f in findings for x in f.documents}
    report_docs = sorted(new_docs + [d for d in stored_docs if d.id in shown], key=lambda d: (d.id, d.path))
    report = with_summary(Report(documents=report_docs,
                                 claims=[c for c in together.claims if c.document in shown],
                                 mentions=[m for m in together.mentions if m.document in shown],
                                 events=[e for e in together.events if new_ids & set(e.documents)],
                                 findings=findings))
    result = CheckResult(report=report, new=[d.id for d in new_docs], stored=[d.id for d in stored_docs], stale=stale)
    if index:  # the claims as extracted: alignment made copies to place them in this run's events
        per_doc: dict[str, tuple[list[EventMention], list[Claim]]] = {d.id: ([], []) for d in ok_new}
        for x in extracted.mentions:
            per_doc[x.document][0].append(x)
        for y in extracted.claims:
            per_doc[y.document][1].append(y)
        result.indexed = index_documents(store, ok_new, rs, extracted=per_doc)
    return result


def check_paths(paths: Sequence[str | Path], url: str = DEFAULT_URL, *, index: bool = False,
                rules_dir: Path | None = None, now: dt.date | None = None, max_bytes: int | None = None,
                lang: str = "ar", engine: Engine | None = None) -> CheckResult:
    """Read new articles (files or folders) and check them against the store at `url`.

    Without `index` the store is opened read-only: nothing is written, and a missing or
    outdated store is a StoreError. With it, the store is created or upgraded as needed.
    """
    from checker.ingest import read_inputs

    rs = load_ruleset(rules_dir, lang)
    kwargs: dict = {"now": now, "rules": rs}
    if max_bytes is not None:
        kwargs["max_bytes"] = max_bytes
    docs = read_inputs(paths, **kwargs)
    with open_store(url, writable=index) as store:
        return check_documents(store, resolve_ids(store, docs), rs, index=index, engine=engine)  # ids the store knows
