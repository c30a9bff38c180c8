"""The store's tables as of the latest schema version, for queries (SQLAlchemy Core).

Migrations (checker/store/migrations.py) create and change the real tables; these definitions
only describe the result, so queries are written once and stay portable (SQLite, PostgreSQL).
Every model is kept whole as JSON (`*_json`); the other columns exist to find rows quickly.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version", metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("applied_at", sa.String(32), nullable=False),
)

documents = sa.Table(
    "documents", metadata,
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
    sa.Column("doc_key", sa.Text, unique=True),  # schema version 3: migrations.document_key
)

mentions = sa.Table(
    "mentions", metadata,
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
    sa.Column("pub_day", sa.Date),  # schema version 2
)

mention_participants = sa.Table(  # schema version 2
    "mention_participants", metadata,
    sa.Column("mention", sa.String(255), sa.ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("participant", sa.String(255), primary_key=True),
    sa.Column("document", sa.String(255), nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("day", sa.Date),
)

claims = sa.Table(
    "claims", metadata,
    sa.Column("id", sa.String(255), primary_key=True),
    sa.Column("document", sa.String(255), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("mention", sa.String(255)),
    sa.Column("attribute", sa.String(64), nullable=False),
    sa.Column("subject", sa.String(255), nullable=False),
    sa.Column("claim_json", sa.Text, nullable=False),
)
