"""Opening a claim store: the engine, SQLite's concurrency settings, read and write transactions.

Any SQLAlchemy URL works in principle; SQLite is what is tested. On SQLite every connection gets
WAL journaling (readers never block the writer, a crash leaves the last committed state), a busy
timeout (a second writer waits instead of failing), synchronous=NORMAL (safe with WAL: a crash
loses at most the last commits, never consistency) and foreign keys. Write transactions start
with BEGIN IMMEDIATE, taking the write lock up front: a deferred transaction that reads and then
writes can fail with "database is locked" without waiting when another process wrote between.
"""

from __future__ import annotations

import os
import sqlite3
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, make_url

from checker.store import tables as t
from checker.store.migrations import LATEST_VERSION, StoreError, migrate, stored_version

DEFAULT_URL = "sqlite:///claims.db"
BUSY_TIMEOUT_MS = 60_000


def safe_url(url: str) -> str:
    """`url` with any password replaced by ***, for messages and reports."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL at all: say so without repeating it whole
        return url.split("@")[-1] if "@" in url else url


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL; None for other databases and in-memory SQLite."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:" \
            or u.database.startswith("file:"):
        return None
    return Path(u.database)


def create_store_engine(url: str, *, wal: bool = True, read_only: bool = False) -> Engine:
    """An engine for `url`; SQLite connections are set up for several processes at once.

    `read_only` SQLite connections open the file with mode=ro, and on a folder nobody can write
    (a read-only mount, a CD, a container layer) also immutable=1: a WAL store otherwise needs
    to create its -shm file beside the database even to be read.
    """
    u = make_url(url)
    if u.get_backend_name() != "sqlite":
        return sa.create_engine(u)
    path = sqlite_path(url)
    if read_only and path is not None:
        immutable = "" if os.access(path.parent if str(path.parent) else ".", os.W_OK) else "&immutable=1"
        uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro{immutable}"
        engine = sa.create_engine("sqlite://", creator=lambda: sqlite3.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False))
    else:
        engine = sa.create_engine(u, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None  # pysqlite must not BEGIN on its own; _on_begin does
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if wal:
            _switch_to_wal(cur)
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _switch_to_wal(cur) -> None:  # type: ignore[no-untyped-def]
    """WAL journaling, once per database file. The switch needs the file to itself for a moment,
    and SQLite may refuse it at once ("database is locked") instead of waiting when another
    process opens the same new store at that moment: retried until the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    delay = 0.01
    while True:
        try:
            if cur.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + delay > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


class Store:
    """An open claim store: documents, their event mentions and claims, at one schema version."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine, self.url = engine, url

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """One transaction for a consistent snapshot while several queries run (WAL readers
        see the state of their first read, whatever writers commit meanwhile)."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction: committed whole on success, rolled back on any exception."""
        with self.engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
            yield conn

    def version(self) -> int:
        with self.reading() as conn:
            return stored_version(conn)

    def counts(self) -> dict[str, int]:
        """Rows per table: what a test or an operator compares between two stores."""
        with self.reading() as conn:
            return {table.name: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                    for table in (t.documents, t.mentions, t.mention_participants, t.claims)}

    def check_integrity(self) -> None:
        """StoreError when SQLite finds the file damaged (PRAGMA quick_check: every page and
        index, in about a second per few hundred MB); other databases check themselves."""
        if self.engine.dialect.name != "sqlite":
            return
        try:
            with self.engine.connect() as conn:
                rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check(5)")]
        except sa.exc.DatabaseError as exc:  # too damaged to be checked at all
            rows = [str(exc.orig).splitlines()[0] if exc.orig else str(exc)]
        if rows != ["ok"]:
            lines = [x for r in rows for x in r.splitlines() if x.strip() and not x.startswith("***")]
            raise StoreError(f"the store {safe_url(self.url)} is damaged (SQLite integrity check: {'; '.join(lines[:2])}); "
                             "restore it from a backup, or index the articles into a new store")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(url: str = DEFAULT_URL, *, writable: bool = True) -> Store:
    """Open the store at `url`. Writable: created if missing and migrated to the latest schema.
    Read-only: nothing is written, so a missing or outdated store is an error (StoreError)."""
    path = sqlite_path(url)
    try:
        if writable:
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
            engine = create_store_engine(url)
            migrate(engine)
            return Store(engine, url)
        if path is not None and not path.is_file():
            raise StoreError(f"no claim store at {path}; create it with `checker index PATH... --store {url}`")
        engine = create_store_engine(url, wal=False, read_only=True)
        store = Store(engine, url)
        version = store.version()
        if version == 0:
            store.close()
            raise StoreError(f"{url} is not a claim store (no schema_version); create one with `checker index`")
        if version != LATEST_VERSION:
            store.close()
            if version > LATEST_VERSION:
                raise StoreError(f"the store is at schema version {version}, newer than this checker "
                                 f"knows ({LATEST_VERSION}); upgrade checker")
            raise StoreError(f"the store is at schema version {version}, this checker needs {LATEST_VERSION}: "
                             f"upgrade it with `checker index --store {url}` (or check with --index)")
        return store
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(f"cannot open the store {safe_url(url)}: {exc.__class__.__name__}: "
                         f"{exc.orig if hasattr(exc, 'orig') else exc}") from exc
    except ImportError as exc:  # postgresql:// without psycopg2 installed, say
        raise StoreError(f"cannot open the store {safe_url(url)}: its database driver is not installed "
                         f"(no module {exc.name!r}); install it in this environment") from exc
    except OSError as exc:  # the store's folder cannot be created
        raise StoreError(f"cannot open the store {safe_url(url)}: {exc.strerror or exc}") from exc
