"""The stage functions every engine runs, wherever it runs them.

Extraction is a map over partitions of the documents (sorted by id, cut into consecutive
slices), comparison a map over batches of claim groups (checker.compare.findings.group_claims).
Each function here takes plain data and returns new plain data (its inputs are never changed),
so an engine can ship it to another process or machine; putting the pieces back together is
done in partition or group-key order, never in the order results arrive, so the report does not
depend on how the work was split.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from checker.compare.findings import SLOT, Group, compare_group
from checker.models import Claim, Document, Event, EventMention, Finding
from checker.rules.ruleset import RuleSet

# progress callbacks: the stages only report counts; the CLI decides whether and how to show them
Progress = Callable[[int, int], None]  # (done, total)


class Extraction(NamedTuple):
    """What extraction gives: the documents (those whose extraction failed replaced by a copy
    with status "error" and the reason; the inputs are never changed), mentions and claims."""

    documents: list[Document]
    mentions: list[EventMention]
    claims: list[Claim]


def _failed(doc: Document, exc: Exception) -> Document:
    return doc.model_copy(update={"status": "error", "error": f"extraction failed: {type(exc).__name__}: {exc}"})


def extract_one(doc: Document, rs: RuleSet) -> tuple[Document, list[EventMention], list[Claim]]:
    """One document's mentions and claims; a document whose extraction fails comes back as a
    copy with status "error" and the reason, and nothing else."""
    from checker.extract.claims import extract

    if doc.status != "ok":
        return doc, [], []
    try:
        mentions, claims = extract(doc, rs)
    except Exception as exc:  # one document's failure must not lose the others
        return _failed(doc, exc), [], []
    return doc, mentions, claims


def join_documents(done: Sequence[tuple[Document, list[EventMention], list[Claim]]]) -> Extraction:
    """What extract_one gave for each document, in document order."""
    return Extraction([d for d, _, _ in done], [m for _, ms, _ in done for m in ms], [c for _, _, cs in done for c in cs])


def extract_all(docs: Sequence[Document], rs: RuleSet, progress: Progress | None = None) -> Extraction:
    """Extraction is a map over documents: each one is read on its own, and one document's
    failure never loses the others. `progress`, if given, is called with (documents done,
    documents in all) after each document."""
    done = []
    for n, doc in enumerate(docs, start=1):
        done.append(extract_one(doc, rs))
        if progress is not None:
            progress(n, len(docs))
    return join_documents(done)


class Extracted(NamedTuple):
    """What extraction of one partition gives back (the documents stay where they are)."""

    mentions: list[EventMention]
    claims: list[Claim]
    # (position in the partition, error) of each document whose extraction failed
    failures: list[tuple[int, str]]


def partition_documents(docs: Sequence[Document], size: int) -> list[list[Document]]:
    """Consecutive slices of at most `size` documents, in the order given (analyse sorts them)."""
    size = max(1, size)
    return [list(docs[i:i + size]) for i in range(0, len(docs), size)]


def extract_partition(docs: list[Document], rs: RuleSet, progress: Progress | None = None) -> Extracted:
    """extract_all on one partition; of the documents, only which ones failed, and why."""
    done = extract_all(docs, rs, progress=progress)
    failures = [(i, after.error or "") for i, (before, after) in enumerate(zip(docs, done.documents))
                if after is not before]
    return Extracted(done.mentions, done.claims, failures)


def join_extracted(parts: Sequence[tuple[Sequence[Document], Extracted]]) -> Extraction:
    """Each partition with what its extraction gave, put together in partition order (as one
    extract_all over all documents would list them); a failed document becomes a copy with
    status "error", as extract_all makes it."""
    docs: list[Document] = []
    for part, found in parts:
        failed = dict(found.failures)
        docs.extend(doc.model_copy(update={"status": "error", "error": failed[i]}) if i in failed else doc
                    for i, doc in enumerate(part))
    return Extraction(docs, [m for _, p in parts for m in p.mentions], [c for _, p in parts for c in p.claims])


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

