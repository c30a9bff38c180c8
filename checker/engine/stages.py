"""The stage functions every engine runs, wherever it runs them.

Extraction is a map over partitions of the documents (sorted by id, cut into consecutive
slices), comparison a map over batches of claim groups (checker.compare.findings.group_claims).
Each function here takes plain data and returns plain data, so an engine can ship it to another
process or machine; putting the pieces back together is done in partition or group-key order,
never in the order results arrive, so the report does not depend on how the work was split.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from checker.compare.findings import SLOT, Group, compare_group
from checker.models import Claim, Document, Event, EventMention, Finding
from checker.pipeline import Progress, extract_all
from checker.rules.ruleset import RuleSet


class Extracted(NamedTuple):
    """What extraction of one partition gives back."""

    mentions: list[EventMention]
    claims: list[Claim]
    # each document's (status, error) afterwards: a document whose extraction failed is marked
    # on the worker's copy, and the driver's copy must learn it
    statuses: list[tuple[str, str | None]]


def partition_documents(docs: Sequence[Document], size: int) -> list[list[Document]]:
    """Consecutive slices of at most `size` documents, in the order given (analyse sorts them)."""
    size = max(1, size)
    return [list(docs[i:i + size]) for i in range(0, len(docs), size)]


def extract_partition(docs: list[Document], rs: RuleSet, progress: Progress | None = None) -> Extracted:
    """checker.pipeline.extract_all on one partition, with the documents' statuses afterwards."""
    mentions, claims = extract_all(docs, rs, progress=progress)
    return Extracted(mentions, claims, [(d.status, d.error) for d in docs])


def join_extracted(docs: Sequence[Document], parts: Sequence[Extracted]) -> tuple[list[EventMention], list[Claim]]:
    """Mentions and claims of every partition, in partition order (as one extract_all over all
    documents would list them); statuses are copied back onto `docs`, in the same order."""
    statuses = [s for part in parts for s in part.statuses]
    if len(statuses) != len(docs):
        raise RuntimeError(f"extraction returned {len(statuses)} document statuses for {len(docs)} documents")
    for doc, (status, error) in zip(docs, statuses):
        doc.status, doc.error = status, error
    return [m for p in parts for m in p.mentions], [c for p in parts for c in p.claims]


def batch_groups(groups: Sequence[Group], claims_per_batch: int) -> list[list[Group]]:
    """Consecutive groups (in key order) in batches of about `claims_per_batch` claims; a group
    larger than that is a batch of its own (a group is never split: it is compared as a whole)."""
    batches: list[list[Group]] = []
    current: list[Group] = []
    size = 0
    for group in groups:
        n = len(group[1])
        if current and size + n > claims_per_batch:
            batches.append(current)
            current, size = [], 0
        current.append(group)
        size += n
    if current:
        batches.append(current)
    return batches


def claims_per_batch(groups: Sequence[Group], batches: int) -> int:
    """The batch size that cuts `groups` into about `batches` batches."""
    total = sum(len(g) for _, g in groups)
    return max(1, math.ceil(total / max(1, batches)))


def batch_context(batch: Sequence[Group], events: Mapping[str, Event],
                  docs: Mapping[str, Document]) -> tuple[dict[str, Event], dict[str, Document]]:
    """Only the events and documents a batch's claims name: what a worker needs to compare it."""
    event_ids = {key.subject for key, _ in batch if key.stage == SLOT}
    doc_ids: set[str] = set()
    for _, claims in batch:
        for c in claims:
            doc_ids.add(c.document)
            if c.event:
                event_ids.add(c.event)
    return ({i: events[i] for i in sorted(event_ids) if i in events},
            {i: docs[i] for i in sorted(doc_ids) if i in docs})


def compare_batch(batch: Sequence[Group], events: Mapping[str, Event], docs: Mapping[str, Document],
                  rs: RuleSet, progress: Progress | None = None) -> list[list[Finding]]:
    """compare_group on each group of a batch: one list of findings per group, in batch order."""
    cache: dict = {}  # evidence of a claim, built once per batch
    out = []
    for n, (key, claims) in enumerate(batch, start=1):
        out.append(compare_group(key, claims, events, docs, rs, evidence_cache=cache))
        if progress is not None:
            progress(n, len(batch))
    return out


def portable(rs: RuleSet) -> RuleSet:
    """A copy of a rule set without what was built from it on the way (spaCy pipeline, matchers,
    grammar: attributes starting with "_"), to ship to workers, which rebuild them once."""
    clone = copy.copy(rs)
    for name in [k for k in clone.__dict__ if k.startswith("_")]:
        del clone.__dict__[name]
    clone.others = {lang: portable(other) for lang, other in rs.others.items()}
    return clone
