"""Versioned schema: an ordered list of migrations and a small runner (no Alembic).

The store records every applied migration in `schema_version` (version, description, when).
`migrate` applies the pending ones in order inside ONE transaction together with their version
rows, so a store is always at exactly one version: a failed or interrupted upgrade leaves it at
the old one (SQLite and PostgreSQL both have transactional DDL). On SQLite the transaction is
BEGIN IMMEDIATE, so two processes opening a new store at once create it once; on PostgreSQL an
advisory lock serialises them.

Each migration spells out its own DDL (it never reuses checker/store/tables.py, which describes
only the latest schema), so old migrations keep meaning what they meant when they were written.
A new migration is a function appended to MIGRATIONS; never edit a released one.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from checker.store.tables import schema_version

_PG_LOCK_KEY = 0x636865636B6572  # "checker": any constant shared by every process


class StoreError(Exception):
    """The store cannot be used: missing, newer than this checker, or not a checker store."""


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _v1_initial(conn: Connection) -> None:
    """Documents, their event mentions and claims; mentions findable by type, participants, day."""
    md = sa.MetaData()
    sa.Table(
        "documents", md,
        sa.Column("id", sa.String(255), primary_key=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published_from", sa.Date),
        sa.Column("published_to", sa.Date),
        sa.Column("published_how", sa.String(64)),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("rules_digest", sa.String(64), nullable=False),
        sa.Column("document_json", sa.Text, nullable=False),
    )
    sa.Table(
        "mentions", md,
        sa.Column("id", sa.String(255), primary_key=True),
        sa.Column("document", sa.String(255), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("segment", sa.Integer, nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("participants_key", sa.String(255), nullable=False),
        sa.Column("day", sa.Date),
        sa.Column("weekday", sa.Integer),
        sa.Column("place", sa.String(255)),
        sa.Column("mention_json", sa.Text, nullable=False),
        sa.Index("ix_mentions_document", "document"),
        sa.Index("ix_mentions_type_day", "type", "day"),
        sa.Index("ix_mentions_type_participants_day", "type", "participants_key", "day"),
    )
    sa.Table(
        "claims", md,
        sa.Column("id", sa.String(255), primary_key=True),
        sa.Column("document", sa.String(255), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("mention", sa.String(255)),
        sa.Column("attribute", sa.String(64), nullable=False),
        sa.Column("subject", sa.String(255), nullable=False),
        sa.Column("claim_json", sa.Text, nullable=False),
        sa.Index("ix_claims_document", "document"),
        sa.Index("ix_claims_attribute_subject", "attribute", "subject"),
    )
    md.create_all(conn)


def _v2_participants(conn: Connection) -> None:
    """Undated accounts ("today, Wednesday") are matched by shared participants and by when the
    page appeared: one row per (mention, participant), and each mention's publication day."""
    conn.execute(sa.text("ALTER TABLE mentions ADD COLUMN pub_day DATE"))
    md = sa.MetaData()
    sa.Table("mentions", md, sa.Column("id", sa.String(255), primary_key=True))
    mp = sa.Table(
        "mention_participants", md,
        sa.Column("mention", sa.String(255), sa.ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("participant", sa.String(255), primary_key=True),
        sa.Column("document", sa.String(255), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("day", sa.Date),
        sa.Index("ix_mention_participants_lookup", "type", "participant", "day"),
        sa.Index("ix_mention_participants_document", "document"),
    )
    mp.create(conn)
    conn.execute(sa.text("CREATE INDEX ix_mentions_type_pub_day ON mentions (type, pub_day)"))
    # backfill from what version 1 stored
    conn.execute(sa.text(
        "UPDATE mentions SET pub_day = (SELECT d.published_from FROM documents d "
        "WHERE d.id = mentions.document AND d.published_from = d.published_to)"))
    rows = conn.execute(sa.text("SELECT id, document, type, participants_key, day FROM mentions")).all()
    batch = [{"mention": r.id, "participant": p, "document": r.document, "type": r.type, "day": r.day}
             for r in rows for p in (r.participants_key.split("+") if r.participants_key else [])]
    if batch:
        conn.execute(sa.text(
            "INSERT INTO mention_participants (mention, participant, document, type, day) "
            "VALUES (:mention, :participant, :document, :type, :day)"), batch)


_DERIVED_SUFFIX = re.compile(r"(#\d+)?(~\d+)?")


def document_key(doc_id: str, path: str) -> str:
    """What identifies a document across runs (version 3): an id made from the file name (story,
    story~2, feed#3) stands for the file, so the key is its path as given, normalised
    ("path:2024/story.txt", "path:feeds/a.jsonl#3"); an id of its own (front matter `id:`, a
    JSONL "id") is the key itself ("id:AFP-123")."""
    stem = PurePath(path).stem
    rest = doc_id[len(stem):] if doc_id.startswith(stem) else None
    m = _DERIVED_SUFFIX.fullmatch(rest) if rest is not None else None
    if m is None or not path:
        return f"id:{doc_id}"
    return f"path:{posixpath.normpath(PurePath(path).as_posix())}{m.group(1) or ''}"


def _v3_document_keys(conn: Connection) -> None:
    """Documents are found by their key (their path, or their own id), not by the id made from
    the file name: 2024/story.txt and 2025/story.txt were both "story", and each replaced the
    other. Stored ids stay as they are, so fingerprints and baselines are unchanged."""
    conn.execute(sa.text("ALTER TABLE documents ADD COLUMN doc_key TEXT"))
    rows = conn.execute(sa.text("SELECT id, path FROM documents ORDER BY id")).all()
    taken: set[str] = set()
    for r in rows:
        key = document_key(r.id, r.path)
        if key in taken:  # cannot happen for rows written by version 2; kept unique all the same
            key = f"id:{r.id}"
        taken.add(key)
        conn.execute(sa.text("UPDATE documents SET doc_key = :k WHERE id = :id"), {"k": key, "id": r.id})
    conn.execute(sa.text("CREATE UNIQUE INDEX ix_documents_doc_key ON documents (doc_key)"))


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, mentions and claims", _v1_initial),
    Migration(2, "participants of mentions and publication days, for undated accounts", _v2_participants),
    Migration(3, "documents found by their path (or their own id), not by their file name", _v3_document_keys),
)
LATEST_VERSION = MIGRATIONS[-1].version


def stored_version(conn: Connection) -> int:
    """The store's schema version (0 for a database no migration has touched yet)."""
    if not sa.inspect(conn).has_table("schema_version"):
        return 0
    return conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar() or 0


def migrate(engine: Engine, target: int | None = None) -> tuple[int, int]:
    """Bring the store to `target` (default: the latest version); returns (before, after).

    Why one transaction: a store half-way between two versions would be read wrongly by both.
    """
    target = LATEST_VERSION if target is None else target
    with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
        schema_version.create(conn, checkfirst=True)
        before = stored_version(conn)
        if before > LATEST_VERSION:
            raise StoreError(f"the store is at schema version {before}, newer than this checker "
                             f"knows ({LATEST_VERSION}); upgrade checker")
        now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
        for m in MIGRATIONS:
            if before < m.version <= target:
                m.apply(conn)
                conn.execute(sa.insert(schema_version).values(
                    version=m.version, description=m.description, applied_at=now))
        return before, max(before, target)
