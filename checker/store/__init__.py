"""The claim store: articles already published, with their claims, for checking new ones in CI.

    from checker.store import open_store, index_paths, check_paths
    with open_store("sqlite:///claims.db") as store:
        index_paths(store, ["archive/"])            # [IndexResult(document, path, status), ...]
    result = check_paths(["incoming/new.txt"], "sqlite:///claims.db")
    result.report                                   # a checker.models.Report, as `checker report` makes

SQLAlchemy Core over any URL (SQLite tested; PostgreSQL intended), a versioned schema with an
in-house migration runner (checker/store/migrations.py), and per-document write transactions.
"""

from checker.store.check import CheckResult, candidate_documents, check_documents, check_paths, load_documents
from checker.store.db import DEFAULT_URL, Store, create_store_engine, open_store, sqlite_path
from checker.store.index import (
    IndexResult,
    IndexStatus,
    delete_document,
    document_sha256,
    index_documents,
    index_paths,
    write_document,
)
from checker.store.migrations import LATEST_VERSION, MIGRATIONS, Migration, StoreError, migrate, stored_version

__all__ = [
    "DEFAULT_URL",
    "LATEST_VERSION",
    "MIGRATIONS",
    "CheckResult",
    "IndexResult",
    "IndexStatus",
    "Migration",
    "Store",
    "StoreError",
    "candidate_documents",
    "check_documents",
    "check_paths",
    "create_store_engine",
    "delete_document",
    "document_sha256",
    "index_documents",
    "index_paths",
    "load_documents",
    "migrate",
    "open_store",
    "sqlite_path",
    "stored_version",
    "write_document",
]
