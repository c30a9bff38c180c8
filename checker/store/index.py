"""Indexing: read articles with the normal pipeline stages and keep their claims in the store.

A document is stored whole (metadata, decoded text, segments) with its event mentions and claims
as extracted, before alignment: events depend on which other articles are read with it, so they
are rebuilt at check time. Each document is written in its own transaction, which first looks
again at what is stored: unchanged content under the same rules is left alone, anything else
replaces the old document, mentions and claims at once. A crash or a concurrent indexer can
therefore never leave a document half replaced.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checker.models import Claim, Document, EventMention
from checker.store import tables as t
from checker.store.db import Store
from checker.store.migrations import document_key

if TYPE_CHECKING:
    from checker.rules.ruleset import RuleSet

IndexStatus = Literal["added", "updated", "unchanged", "error"]
EXTRACT_CHUNK = 200  # documents extracted before their writes: bounds memory on big archives
_IN_CHUNK = 500  # ids per IN (...) list, well under every database's parameter limit


class IdTaken(Exception):
    """Another indexer stored a different file under this id between our look-up and our write."""


@dataclass(frozen=True)
class IndexResult:
    """What indexing did with one document."""

    document: str
    path: str
    status: IndexStatus
    error: str | None = None


def document_sha256(doc: Document) -> str:
    """The content as read: decoded text plus the metadata read with it (publication date,
    segments, path...), so a change of front matter or boilerplate rules is a change too.
    Warnings are left out: they depend on the other files of the batch, not on this one."""
    meta = doc.model_dump_json(by_alias=True, exclude={"warnings"})
    return hashlib.sha256(f"{meta}\x00{doc.text}".encode("utf-8")).hexdigest()


def participants_key(participants: Iterable[str]) -> str:
    """One string per participant set, in a fixed order: "putin+trump"."""
    return "+".join(sorted(set(participants)))


def stored_digests(conn: Connection, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """id -> (sha256, rules digest) of the stored documents among `ids`."""
    out: dict[str, tuple[str, str]] = {}
    unique = sorted(set(ids))
    for i in range(0, len(unique), _IN_CHUNK):
        rows = conn.execute(sa.select(t.documents.c.id, t.documents.c.sha256, t.documents.c.rules_digest)
                            .where(t.documents.c.id.in_(unique[i:i + _IN_CHUNK])))
        out.update({r.id: (r.sha256, r.rules_digest) for r in rows})
    return out


def _stored_by(conn: Connection, column: sa.Column, values: Sequence[str]) -> dict[str, tuple[str, str | None]]:
    """value of `column` -> (id, doc_key) of the stored documents among `values`."""
    out: dict[str, tuple[str, str | None]] = {}
    unique = sorted(set(values))
    d = t.documents
    for i in range(0, len(unique), _IN_CHUNK):
        rows = conn.execute(sa.select(column.label("v"), d.c.id, d.c.doc_key).where(column.in_(unique[i:i + _IN_CHUNK])))
        out.update({r.v: (r.id, r.doc_key) for r in rows})
    return out


def resolve_ids(store: Store, docs: Sequence[Document]) -> list[Document]:
    """The documents under the ids the store knows them by, found by their key (their path as
    given, or their own id; `document_key`).

    A file already stored keeps its stored id, so checking a new version replaces the old one
    and fingerprints stay the same. A file whose id (made from its name) is taken in the store
    by another file, as 2025/story.txt finds 2024/story.txt stored as "story", gets the next
    free id ("story~2") and a warning, instead of replacing the other file.
    """
    ok = [n for n, d in enumerate(docs) if d.status == "ok"]
    keys = {n: document_key(docs[n].id, docs[n].path) for n in ok}
    with store.reading() as conn:
        by_key = _stored_by(conn, t.documents.c.doc_key, list(keys.values()))
        by_id = _stored_by(conn, t.documents.c.id, [docs[n].id for n in ok])
        final = {n: by_key[keys[n]][0] for n in ok if keys[n] in by_key}  # stored files keep their ids
        used = set(final.values()) | {d.id for d in docs if d.status != "ok"}
        warnings: dict[int, str] = {}
        for n in ok:
            if n in final:
                continue
            doc, new, k = docs[n], docs[n].id, 1

            def taken(candidate: str) -> bool:
                if candidate not in by_id:
                    by_id.update(_stored_by(conn, t.documents.c.id, [candidate]))
                return candidate in used or (candidate in by_id and by_id[candidate][1] != keys[n])

            while taken(new):
                k += 1
                new = f"{doc.id}~{k}"
            if new != doc.id:
                holder = by_id[doc.id][1] if doc.id in by_id else "another input"
                warnings[n] = f"document id {doc.id!r} is taken in the store by {holder}; stored as {new!r}"
            final[n] = new
            used.add(new)
    out = list(docs)
    for n in ok:
        if final[n] != docs[n].id:
            out[n] = docs[n].model_copy(update={"id": final[n], "warnings": docs[n].warnings + [warnings[n]]
                                                if n in warnings else docs[n].warnings})
    return out


def index_documents(store: Store, docs: Sequence[Document], rs: RuleSet, *,
                    extracted: dict[str, tuple[list[EventMention], list[Claim]]] | None = None) -> list[IndexResult]:
    """Store documents with their mentions and claims; one result per document, in order.

    Documents already stored with the same content and rules digest are not even extracted.
    `extracted` (document id -> mentions, claims as extracted, before alignment) spares the
    extraction when the caller has just done it (`checker check --index`).
    """
    from checker.engine.stages import extract_all

    docs = resolve_ids(store, docs)
    results: dict[int, IndexResult] = {}
    todo: list[tuple[int, Document, str]] = []
    with store.reading() as conn:
        known = stored_digests(conn, [d.id for d in docs if d.status == "ok"])
    last = {doc.id: i for i, doc in enumerate(docs) if doc.status == "ok"}
    for i, doc in enumerate(docs):
        if doc.status != "ok":
            results[i] = IndexResult(doc.id, doc.path, "error", doc.error)
            continue
        if last[doc.id] != i:  # ids are the store's keys: two inputs cannot both have one
            results[i] = IndexResult(doc.id, doc.path, "error",
                                     f"document id {doc.id!r} is also the id of {docs[last[doc.id]].path}, "
                                     "which was indexed instead; give one an `id:` in its front matter")
            continue
        sha = document_sha256(doc)
        if known.get(doc.id) == (sha, rs.digest):
            results[i] = IndexResult(doc.id, doc.path, "unchanged")
        else:
            todo.append((i, doc, sha))
    for start in range(0, len(todo), EXTRACT_CHUNK):
        chunk = todo[start:start + EXTRACT_CHUNK]
        per_doc: dict[str, tuple[list[EventMention], list[Claim]]] = defaultdict(lambda: ([], []))
        need = [doc for _, doc, _ in chunk if extracted is None or doc.id not in extracted]
        failed: dict[str, Document] = {}
        if need:
            done = extract_all(need, rs)
            failed = {d.id: d for d in done.documents if d.status != "ok"}
            for m in done.mentions:
                per_doc[m.document][0].append(m)
            for c in done.claims:
                per_doc[c.document][1].append(c)
        for i, doc, sha in chunk:
            doc = failed.get(doc.id, doc)
            if doc.status != "ok":  # extraction failed for this one
                results[i] = IndexResult(doc.id, doc.path, "error", doc.error)
                continue
            ms, cs = extracted[doc.id] if extracted is not None and doc.id in extracted else per_doc[doc.id]
            try:
                results[i] = IndexResult(doc.id, doc.path, write_document(store, doc, sha, rs.digest, ms, cs))
            except IdTaken as exc:
                results[i] = IndexResult(doc.id, doc.path, "error", str(exc))
    return [results[i] for i in range(len(docs))]


def index_paths(store: Store, paths: Sequence[str | Path], *, rules_dir: Path | None = None,
                now: dt.date | None = None, max_bytes: int | None = None, lang: str = "ar") -> list[IndexResult]:
    """Read files and folders as `checker report` does and index every document found."""
    from checker.ingest import read_inputs
    from checker.rules.ruleset import load_ruleset

    rs = load_ruleset(rules_dir, lang)
    kwargs: dict = {"now": now, "rules_dir": rules_dir}
    if max_bytes is not None:
        kwargs["max_bytes"] = max_bytes
    return index_documents(store, read_inputs(paths, **kwargs), rs)


def write_document(store: Store, doc: Document, sha: str, digest: str,
                   mentions: list[EventMention], claims: list[Claim]) -> IndexStatus:
    """Replace one document's rows in one transaction; "unchanged" when, under the write lock,
    the stored copy turns out to be this very content (another indexer got there first)."""
    with store.writing() as conn:
        if conn.dialect.name == "postgresql":  # SQLite's BEGIN IMMEDIATE serialises writers already
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext(:id))"), {"id": doc.id})
        row = conn.execute(sa.select(t.documents.c.sha256, t.documents.c.rules_digest)
                           .where(t.documents.c.id == doc.id)).first()
        if row is not None and (row.sha256, row.rules_digest) == (sha, digest):
            return "unchanged"
        key = conn.execute(sa.select(t.documents.c.doc_key).where(t.documents.c.id == doc.id)).scalar()
        if row is not None and key not in (None, document_key(doc.id, doc.path)):
            raise IdTaken(f"document id {doc.id!r} was given to {key} by another indexer meanwhile; index again")
        if row is not None:
            delete_document(conn, doc.id)
        _insert_document(conn, doc, sha, digest)
        _insert_mentions(conn, doc, mentions)
        _insert_claims(conn, claims)
        return "updated" if row is not None else "added"


def delete_document(conn: Connection, doc_id: str) -> None:
    """Remove a document and everything read from it (explicitly: foreign-key cascades are
    not on in every SQLite connection that may touch the file)."""
    for table in (t.mention_participants, t.claims, t.mentions):
        conn.execute(sa.delete(table).where(table.c.document == doc_id))
    conn.execute(sa.delete(t.documents).where(t.documents.c.id == doc_id))


def _insert_document(conn: Connection, doc: Document, sha: str, digest: str) -> None:
    p = doc.published
    conn.execute(sa.insert(t.documents).values(
        id=doc.id, path=doc.path, source=doc.source, url=doc.url, published_from=p.date_from,
        published_to=p.date_to, published_how=p.how, language=doc.language, text=doc.text, sha256=sha,
        rules_digest=digest, document_json=doc.model_dump_json(by_alias=True), doc_key=document_key(doc.id, doc.path)))


def _insert_mentions(conn: Connection, doc: Document, mentions: list[EventMention]) -> None:
    if not mentions:
        return
    pub = doc.published.day
    rows, people = [], []
    for seq, m in enumerate(mentions):
        day = m.date.day if m.date is not None else None
        rows.append({"id": m.id, "document": doc.id, "seq": seq, "segment": m.segment, "type": m.type,
                     "participants_key": participants_key(m.participants), "day": day,
                     "weekday": m.date.weekday if m.date is not None else None, "place": m.place,
                     "pub_day": pub, "mention_json": m.model_dump_json(by_alias=True)})
        people.extend({"mention": m.id, "participant": p, "document": doc.id, "type": m.type, "day": day}
                      for p in sorted(set(m.participants)))
    conn.execute(sa.insert(t.mentions), rows)
    if people:
        conn.execute(sa.insert(t.mention_participants), people)


def _insert_claims(conn: Connection, claims: list[Claim]) -> None:
    if not claims:
        return
    conn.execute(sa.insert(t.claims), [
        {"id": c.id, "document": c.document, "seq": seq, "mention": c.mention, "attribute": c.attribute,
         "subject": c.subject, "claim_json": c.model_dump_json(by_alias=True)}
        for seq, c in enumerate(claims)])
