"""One id for one person no rule lists, across articles.

Extraction gives a person named only by a title and a name (الرئيس القبرصي كريستوس
خريستودوليدس) the normalised surname as id, one document at a time. Outlets spell foreign
names differently (خريستودوليدس / كريستودوليدس), so after extraction the ids of all documents
are grouped by rapidfuzz with the same threshold that catches unseen spellings of the people
the rules list, and each group takes one id: the one most documents use, then the first in
order. The result depends only on the set of documents, never on their order.
"""

from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz, process

from checker.models import Claim, EventMention, InitiatorValue
from checker.rules.ruleset import RuleSet


def _open(ident: str, known: set[str]) -> bool:
    return ident not in known and not ident.isascii()


def canonical_open_ids(mentions: list[EventMention], claims: list[Claim], rs: RuleSet) -> dict[str, str]:
    """Open id -> the id of its group, for the ids that change."""
    known = {e.id for e in rs.entities.entities}
    docs: dict[str, set[str]] = {}
    for m in mentions:
        for p in m.participants + m.mediators:
            if _open(p, known):
                docs.setdefault(p, set()).add(m.document)
    for c in claims:
        if c.attribute == "person.title" and _open(c.subject, known):
            docs.setdefault(c.subject, set()).add(c.document)
    count = Counter({k: len(v) for k, v in docs.items()})
    threshold, min_len = rs.entities.fuzzy.threshold, rs.entities.fuzzy.min_length
    # blocked by first letter (spellings of one name differ inside it), so a feed with
    # thousands of names compares each with the few of its block, not with all of them
    heads: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for ident in sorted(docs, key=lambda k: (-count[k], k)):
        block = heads.setdefault(ident[0], [])
        hit = process.extractOne(ident, block, scorer=fuzz.ratio, score_cutoff=threshold) \
            if len(ident) >= min_len else None
        if hit is None or len(hit[0]) < min_len:
            block.append(ident)
        else:
            out[ident] = hit[0]
    return out


def unify_open_people(mentions: list[EventMention], claims: list[Claim],
                      rs: RuleSet) -> tuple[list[EventMention], list[Claim]]:
    """New mentions and claims in which each open person has one id across documents."""
    ids = canonical_open_ids(mentions, claims, rs)
    if not ids:
        return mentions, claims

    def one(p: str) -> str:
        return ids.get(p, p)

    new_mentions = [m.model_copy(update={"participants": sorted({one(p) for p in m.participants}),
                                         "mediators": sorted({one(p) for p in m.mediators})})
                    if any(p in ids for p in m.participants + m.mediators) else m for m in mentions]
    new_claims = []
    for c in claims:
        update = {}
        if c.attribute == "person.title" and c.subject in ids:
            update["subject"] = ids[c.subject]
        if isinstance(c.value, InitiatorValue) and (c.value.caller in ids or c.value.callee in ids):
            update["value"] = c.value.model_copy(update={"caller": one(c.value.caller),
                                                         "callee": one(c.value.callee) if c.value.callee else None})
        if c.quoted in ids:
            update["quoted"] = ids[c.quoted]
        new_claims.append(c.model_copy(update=update) if update else c)
    return new_mentions, new_claims
