"""SQLite connection, transactions, migrations and error mapping for the local store.

In the style of qutebrowser's ``misc/sql.py``: stdlib :mod:`sqlite3`, explicit transactions,
``PRAGMA user_version`` migrations, and two kinds of error — the ones a clerk (or IT) can act
on, which derive from :class:`StoreError`, and bugs, which propagate unchanged.

Threading: a :class:`Database` is opened with ``check_same_thread=False`` so that it can be
created on one thread and then handed to a worker. It must still be *used* by one thread at a
time; the GUI gives all writes to one writer thread. An internal lock serialises the
transaction scopes anyway, so a stray read from another thread waits for the current
transaction instead of seeing (or joining) it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

log = logging.getLogger("clerk.store")

# Primary SQLite result codes (https://www.sqlite.org/rescode.html).
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


class StoreError(Exception):
    """A local database problem the clerk or IT can act on.

    Attributes:
        user_message_key: a stable key the GUI maps to a translated message.
    """

    user_message_key = "store.error"

    def __init__(self, message: str, *, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class DiskFullError(StoreError):
    """The disk (or the database's size limit) is full: nothing more can be saved."""

    user_message_key = "store.disk_full"


class DatabaseLockedError(StoreError):
    """Another program holds the database (a second copy of the client, a backup tool)."""

    user_message_key = "store.locked"


class CorruptDatabaseError(StoreError):
    """The database file is damaged or is not a database at all."""

    user_message_key = "store.corrupt"


class CannotOpenError(StoreError):
    """The database file cannot be opened or written (missing folder, permissions)."""

    user_message_key = "store.cannot_open"


def map_sqlite_error(exc: sqlite3.Error, path: Path | None = None) -> StoreError | None:
    """Translate an sqlite3 error into a :class:`StoreError`, or None if it is a bug.

    The primary result code decides when the driver reports one; the message text is the
    fallback (older drivers, errors raised while opening).
    """
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary == _SQLITE_FULL or "database or disk is full" in text:
        return DiskFullError(str(exc), path=path)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in text:
        return DatabaseLockedError(str(exc), path=path)
    if (
        primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
        or "file is not a database" in text
        or "malformed" in text
    ):
        return CorruptDatabaseError(str(exc), path=path)
    if (
        primary in (_SQLITE_CANTOPEN, _SQLITE_READONLY)
        or "unable to open database file" in text
        or "readonly database" in text
    ):
        return CannotOpenError(str(exc), path=path)
    return None


def split_statements(script: str) -> list[str]:
    """Split an SQL script into complete statements (semicolons in literals are respected)."""
    statements: list[str] = []
    buffer = ""
    for part in script.split(";"):
        buffer += part + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \t\r\n;"):
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip(" \t\r\n;"):
        raise ValueError(f"incomplete SQL statement at end of script: {buffer.strip()!r}")
    return statements


class Database:
    """One SQLite connection with WAL, ``synchronous=FULL`` and foreign keys on.

    Args:
        path: the database file (created if missing).
        migrations: ordered SQL scripts; script *i* brings ``user_version`` from *i* to *i+1*.
            Defaults to the client's schema (:data:`clerk_app.store.schema.MIGRATIONS`).
        busy_timeout_ms: how long to wait for another connection's write lock.

    Raises:
        StoreError: the file is not a database, is locked, or the disk is full.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        migrations: Sequence[str] | None = None,
        busy_timeout_ms: int = 5000,
    ) -> None:
        if migrations is None:
            from clerk_app.store.schema import MIGRATIONS

            migrations = MIGRATIONS
        self.path = Path(path)
        self._lock = threading.RLock()
        self._savepoint = 0
        self._conn: sqlite3.Connection | None = None
        with self._mapped():
            # isolation_level=None: we issue BEGIN/COMMIT ourselves.
            # check_same_thread=False: see the module docstring.
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._conn = conn
        conn.row_factory = sqlite3.Row
        try:
            with self._mapped():
                conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    log.warning("journal_mode is %s, not WAL, for %s", mode, self.path)
                conn.execute("PRAGMA synchronous = FULL")
                conn.execute("PRAGMA foreign_keys = ON")
            self.migrate(migrations)
        except BaseException:
            conn.close()
            self._conn = None
            raise

    # -- plumbing ---------------------------------------------------------------------------

    @property
    def connection(self) -> sqlite3.Connection:
        """The raw connection (for the store's own modules)."""
        if self._conn is None:
            raise RuntimeError(f"database {self.path} is closed")
        return self._conn

    @contextmanager
    def _mapped(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            mapped = map_sqlite_error(exc, self.path)
            if mapped is None:
                raise
            log.error("%s: %s (%s)", type(mapped).__name__, exc, self.path)
            raise mapped from exc

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run a block in one write transaction: ``BEGIN IMMEDIATE`` … ``COMMIT``.

        Any exception rolls everything back and propagates (sqlite3 errors mapped to
        :class:`StoreError` where the clerk can act). Nested use becomes a SAVEPOINT, so a
        helper that needs a transaction joins its caller's.
        """
        with self._lock:
            conn = self.connection
            if conn.in_transaction:
                yield from self._savepoint_scope(conn)
                return
            with self._mapped():
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                    conn.execute("COMMIT")
                except BaseException:
                    # SQLite may already have rolled back by itself (e.g. on SQLITE_FULL).
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise

    def _savepoint_scope(self, conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
        self._savepoint += 1
        name = f"sp_{self._savepoint}"
        try:
            with self._mapped():
                conn.execute(f"SAVEPOINT {name}")
                try:
                    yield conn
                    conn.execute(f"RELEASE {name}")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute(f"ROLLBACK TO {name}")
                        conn.execute(f"RELEASE {name}")
                    raise
        finally:
            self._savepoint -= 1

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        """Run one statement (in autocommit mode unless inside :meth:`transaction`)."""
        with self._lock, self._mapped():
            return self.connection.execute(sql, params)

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        """Run a query and return all its rows."""
        with self._lock, self._mapped():
            return self.connection.execute(sql, params).fetchall()

    def query_one(
        self, sql: str, params: Sequence[Any] | dict[str, Any] = ()
    ) -> sqlite3.Row | None:
        """Run a query and return its first row, or None."""
        with self._lock, self._mapped():
            return self.connection.execute(sql, params).fetchone()

    # -- schema -----------------------------------------------------------------------------

    @property
    def user_version(self) -> int:
        """The schema version recorded in the file (``PRAGMA user_version``)."""
        row = self.query_one("PRAGMA user_version")
        assert row is not None
        return int(row[0])

    def migrate(self, migrations: Sequence[str]) -> int:
        """Apply the migrations the file has not seen yet; return the resulting version.

        Each migration runs in its own transaction together with its ``user_version`` bump,
        so a crash leaves the file at a version it fully has. The version is read again
        under the write lock, so two processes opening the same file cannot both migrate.
        """
        target = len(migrations)
        while True:
            with self.transaction() as conn:
                current = int(conn.execute("PRAGMA user_version").fetchone()[0])
                if current > target:
                    raise StoreError(
                        f"database schema version {current} is newer than this client "
                        f"understands ({target}); was a newer client installed?",
                        path=self.path,
                    )
                if current == target:
                    return current
                for statement in split_statements(migrations[current]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {current + 1}")
                log.info("migrated %s to schema version %d", self.path, current + 1)

    def integrity_ok(self) -> bool:
        """Run ``PRAGMA integrity_check``; True when SQLite finds nothing wrong."""
        try:
            rows = self.query("PRAGMA integrity_check")
        except CorruptDatabaseError:
            return False
        return [tuple(r) for r in rows] == [("ok",)]

    def pragma(self, name: str) -> Any:
        """Read one PRAGMA value (for diagnostics and tests)."""
        if not name.replace("_", "").isalnum():
            raise ValueError(f"not a pragma name: {name!r}")
        row = self.query_one(f"PRAGMA {name}")
        return None if row is None else row[0]

    # -- life cycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (idempotent). An open transaction is rolled back."""
        with self._lock:
            if self._conn is None:
                return
            conn, self._conn = self._conn, None
            try:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
            finally:
                conn.close()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has run."""
        return self._conn is None

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
