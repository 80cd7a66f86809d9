"""SQLite connection, transactions, migrations and error mapping for the local store.

In the style of qutebrowser's ``misc/sql.py``: stdlib :mod:`sqlite3`, explicit transactions,
``PRAGMA user_version`` migrations, and two kinds of error — the ones a clerk (or IT) can act
on, which derive from :class:`StoreError` (a ``core.errors.StorageError``), and bugs, which
propagate unchanged.

Threading — one writer, many readers:

- Every write runs on the database's :class:`~clerk_app.store.writer.Writer` thread, on the
  one write connection. :meth:`Database.transaction` called on another thread reserves the
  writer and hands each statement of the block over (nested blocks become SAVEPOINTs, as on
  the writer); store functions marked ``@writes`` are handed over whole.
- :meth:`Database.execute` (one statement, possibly a write) is handed to the writer too.
- Reads (:meth:`Database.query`, :meth:`~Database.query_one`) on any other thread go through
  that thread's own read-only connection (``mode=ro``, WAL), so the GUI thread never waits
  for the writer's lock; they see what was committed. Inside a transaction block they go to
  the writer, so the block sees its own writes. A write sent to a read-only connection fails
  loudly (:class:`ReadOnlyConnectionError`).
- :meth:`Database.close` runs what was handed over, then stops the writer thread.

Encrypted at rest: ``Database(path, key=...)`` opens every connection — the writer's and each
reader's — through SQLCipher (:mod:`clerk_app.store.cipher`) with that key; without a key
it is plain SQLite (tests of the store itself, tools).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from clerk_app.core.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseUnavailable,
    DiskFull,
    StorageError,
)
from clerk_app.store import cipher
from clerk_app.store.writer import Writer

if TYPE_CHECKING:  # a keyed desk loads only sqlcipher3: stdlib sqlite3 at a plain file's open
    import sqlite3

log = logging.getLogger("clerk.store")

#: Page cache of each read-only connection, in KiB (the default is 2,000 KiB for the stdlib
#: driver, 8,000 KiB for the keyed ``sqlcipher3`` one). Issue 21: the worklist of 100,000
#: cases (plain file) resides ~1.7 MiB smaller with 512 than with 2,000, and the real desk
#: (keyed file) ~0.3 MiB smaller again with 256; its open, filter, search and scroll take as
#: long (bench_worklist: counting 100,000 cases reads more pages than either cache holds).
READER_CACHE_KIB = 256
#: Page cache of the write connection, in KiB: the stdlib driver's default, also for the
#: keyed one (issue 21: a day's 400 intakes filled its 8,000 KiB; −3.1 MiB, bench_worklist).
WRITER_CACHE_KIB = 2000

# Primary SQLite result codes (https://www.sqlite.org/rescode.html).
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


class StoreError(StorageError):
    """A local database problem the clerk or IT can act on.

    Attributes:
        user_message_key: a stable key the GUI maps to a translated message.
    """

    user_message_key = "store.error"

    def __init__(self, message: str, *, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class DiskFullError(StoreError, DiskFull):
    """The disk (or the database's size limit) is full: nothing more can be saved."""

    user_message_key = "store.disk_full"


class DatabaseLockedError(StoreError, DatabaseLocked):
    """Another program holds the database (a second copy of the client, a backup tool)."""

    user_message_key = "store.locked"


class CorruptDatabaseError(StoreError, DatabaseCorrupt):
    """The database file is damaged or is not a database at all."""

    user_message_key = "store.corrupt"


class CannotOpenError(StoreError, DatabaseUnavailable):
    """The database file cannot be opened or written (missing folder, permissions)."""

    user_message_key = "store.cannot_open"


class ReadOnlyConnectionError(RuntimeError):
    """A write was sent to a thread's read-only connection: a bug, not the clerk's problem.

    Writes go through the writer: a store write function, or ``db.transaction()``.
    """


def map_sqlite_error(exc: Exception, path: Path | None = None) -> StoreError | None:
    """Translate an sqlite3 error into a :class:`StoreError`, or None if it is a bug.

    The primary result code decides when the driver reports one; the message text is the
    fallback (older drivers, errors raised while opening).
    """
    primary = _primary(exc)
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


def _stdlib_driver() -> ModuleType:
    """The stdlib ``sqlite3`` (loaded for a plain file only)."""
    import sqlite3

    return sqlite3


def split_statements(script: str, driver: ModuleType | None = None) -> list[str]:
    """Split an SQL script into complete statements (semicolons in literals are respected),
    with ``driver``'s parser (the stdlib ``sqlite3`` by default; ``sqlcipher3``'s is the same
    SQLite parser, and a keyed desk does not load the stdlib one)."""
    module = driver or _stdlib_driver()
    statements: list[str] = []
    buffer = ""
    for part in script.split(";"):
        buffer += part + ";"
        if module.complete_statement(buffer):
            if buffer.strip(" \t\r\n;"):
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip(" \t\r\n;"):
        raise ValueError(f"incomplete SQL statement at end of script: {buffer.strip()!r}")
    return statements


Params = Sequence[Any] | dict[str, Any]


class _Fetched:
    """What a statement handed to the writer gave back: its rows, already fetched."""

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self.description = cursor.description
        self.rows: list[Any] = cursor.fetchall()
        self.rowcount = cursor.rowcount
        self.lastrowid = cursor.lastrowid
        self._next = 0

    def fetchone(self) -> Any:
        if self._next >= len(self.rows):
            return None
        self._next += 1
        return self.rows[self._next - 1]

    def fetchmany(self, size: int = 1) -> list[Any]:
        rows = self.rows[self._next : self._next + size]
        self._next += len(rows)
        return rows

    def fetchall(self) -> list[Any]:
        rows = self.rows[self._next :]
        self._next = len(self.rows)
        return rows

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


class _HandedConnection:
    """The connection a transaction block gets off the writer thread: each statement is
    handed to the writer (which the block has reserved) and its rows come back fetched."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def execute(self, sql: str, params: Params = ()) -> _Fetched:
        return self._db.writer.call(self._db._execute_fetched, sql, params)

    def executemany(self, sql: str, rows: Any) -> _Fetched:
        rows = list(rows)
        return self._db.writer.call(lambda: _Fetched(self._db.connection.executemany(sql, rows)))

    @property
    def in_transaction(self) -> bool:
        return self._db.writer.call(lambda: self._db.connection.in_transaction)


class Database:
    """One SQLite file: a write connection on its own writer thread, a read-only connection
    per reading thread; WAL, ``synchronous=FULL`` and foreign keys on.

    Args:
        path: the database file (created if missing).
        migrations: ordered SQL scripts; script *i* brings ``user_version`` from *i* to *i+1*.
            Defaults to the client's schema (:data:`clerk_app.store.schema.MIGRATIONS`).
        busy_timeout_ms: how long to wait for another connection's write lock.
        key: the SQLCipher key (64 hex digits); None for a plain SQLite file.

    Raises:
        StoreError: the file is not a database, is locked, or the disk is full.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        migrations: Sequence[str] | None = None,
        busy_timeout_ms: int = 5000,
        key: str | None = None,
    ) -> None:
        if migrations is None:
            from clerk_app.store.schema import MIGRATIONS

            migrations = MIGRATIONS
        self.path = Path(path)
        self._busy_timeout_ms = int(busy_timeout_ms)
        self._key = key
        # The errors of the one driver its connections use (issue 21: a keyed desk does
        # not load the stdlib sqlite3 next to sqlcipher3, ~0.9 MiB).
        self._errors = (self._driver().Error,)
        self._lock = threading.Lock()  # guards opening/closing connections, not their use
        self._savepoint = 0  # the writer thread's only
        self._conn: sqlite3.Connection | None = None
        self._readers = threading.local()
        self._read_conns: list[sqlite3.Connection] = []
        with self._mapped():
            # isolation_level=None: we issue BEGIN/COMMIT ourselves. check_same_thread=False:
            # opened here, used by the writer thread only (and closed by whoever closes).
            conn = self._connect(self.path)
        try:
            with self._mapped():
                conn.execute(f"PRAGMA busy_timeout = {self._busy_timeout_ms}")
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    log.warning("journal_mode is %s, not WAL, for %s", mode, self.path)
                conn.execute("PRAGMA synchronous = FULL")
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
        except BaseException:
            conn.close()
            raise
        self._conn = conn
        self.writer = Writer(name=f"store-writer {self.path.name}")
        try:
            self.writer.call(self.migrate, migrations)
        except BaseException:
            self.close()
            raise

    # -- plumbing ---------------------------------------------------------------------------

    @property
    def encrypted(self) -> bool:
        """True when the file is opened through SQLCipher with a key."""
        return self._key is not None

    def _connect(self, target: Path | str, *, uri: bool = False) -> sqlite3.Connection:
        """A connection with rows by name: SQLCipher (keyed) or the stdlib driver."""
        options: dict[str, Any] = {"isolation_level": None, "check_same_thread": False}
        if uri:
            options["uri"] = True
        module = self._driver()
        if self._key is None:
            conn = module.connect(target, **options)
        else:
            conn = cipher.connect(target, self._key, **options)
        conn.row_factory = module.Row
        return conn

    @property
    def integrity_error(self) -> type[Exception]:
        """The ``IntegrityError`` of this file's driver: the stdlib's does not catch
        ``sqlcipher3``'s (a keyed desk), nor the other way round."""
        error: type[Exception] = self._driver().IntegrityError
        return error

    def _driver(self) -> ModuleType:
        """``sqlcipher3``'s DB-API module for a keyed file, else the stdlib ``sqlite3``."""
        if self._key is None:
            return _stdlib_driver()
        module = cipher.driver()
        if module is None:
            raise RuntimeError("sqlcipher3 is not installed: the local database cannot be opened")
        return module

    @property
    def connection(self) -> sqlite3.Connection:
        """The write connection (the writer thread's; for the store's own modules)."""
        if self._conn is None:
            raise RuntimeError(f"database {self.path} is closed")
        return self._conn

    @contextmanager
    def _mapped(self, *, reading: bool = False) -> Iterator[None]:
        try:
            yield
        except self._errors as exc:
            if reading and _primary(exc) == _SQLITE_READONLY:
                raise ReadOnlyConnectionError(
                    f"a write was sent to the read-only connection of thread "
                    f"{threading.current_thread().name!r}; writes go through the writer "
                    f"(a store write function, or db.transaction()): {exc}"
                ) from exc
            mapped = map_sqlite_error(exc, self.path)
            if mapped is None:
                raise
            log.error("%s: %s (%s)", type(mapped).__name__, exc, self.path)
            raise mapped from exc

    def _reader(self) -> sqlite3.Connection:
        """This thread's read-only connection (opened on first use)."""
        if self._conn is None:
            raise RuntimeError(f"database {self.path} is closed")
        conn: sqlite3.Connection | None = getattr(self._readers, "conn", None)
        if conn is not None:
            return conn
        uri = self.path.resolve().as_uri() + "?mode=ro"
        with self._mapped():
            conn = self._connect(uri, uri=True)
            conn.execute(f"PRAGMA busy_timeout = {self._busy_timeout_ms}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA cache_size = -{READER_CACHE_KIB}")
        with self._lock:
            if self._conn is None:
                conn.close()
                raise RuntimeError(f"database {self.path} is closed")
            self._read_conns.append(conn)
        self._readers.conn = conn
        return conn

    def _on_writer(self) -> bool:
        """Whether statements of this thread go to the write connection (directly or handed
        over inside a transaction block)."""
        return self.writer.on_writer_thread() or self.writer.holding()

    def _execute_fetched(self, sql: str, params: Params) -> _Fetched:
        with self._mapped():
            return _Fetched(self.connection.execute(sql, params))

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run a block in one write transaction: ``BEGIN IMMEDIATE`` … ``COMMIT``.

        Any exception rolls everything back and propagates (sqlite3 errors mapped to
        :class:`StoreError` where the clerk can act). Nested use becomes a SAVEPOINT, so a
        helper that needs a transaction joins its caller's. Off the writer thread the block
        reserves the writer and each statement is handed over (see the module docstring).
        """
        if self.writer.on_writer_thread():
            yield from self._transaction_here()
            return
        with self.writer.hold():
            scope = contextmanager(self._transaction_here)()
            self.writer.call(scope.__enter__)
            try:
                yield _HandedConnection(self)  # type: ignore[misc]
            except BaseException:
                if not self.writer.call(scope.__exit__, *sys.exc_info()):
                    raise
            else:
                self.writer.call(scope.__exit__, None, None, None)

    def _transaction_here(self) -> Iterator[sqlite3.Connection]:
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

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        """Run one statement on the writer (autocommit unless inside :meth:`transaction`);
        from another thread it is handed over and its rows come back fetched."""
        if self.writer.on_writer_thread():
            with self._mapped():
                return self.connection.execute(sql, params)
        return self.writer.call(self._execute_fetched, sql, params)  # type: ignore[return-value]

    def query(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        """Run a query and return all its rows."""
        if self._on_writer():
            return self.writer.call(self._execute_fetched, sql, params).fetchall()
        with self._mapped(reading=True):
            return self._reader().execute(sql, params).fetchall()

    def query_one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        """Run a query and return its first row, or None."""
        if self._on_writer():
            return self.writer.call(self._execute_fetched, sql, params).fetchone()
        with self._mapped(reading=True):
            return self._reader().execute(sql, params).fetchone()

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
        return self.writer.call(self._migrate, migrations)

    def _migrate(self, migrations: Sequence[str]) -> int:
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
                for statement in split_statements(migrations[current], self._driver()):
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
        """Read one PRAGMA value of the write connection (for diagnostics and tests)."""
        if not name.replace("_", "").isalnum():
            raise ValueError(f"not a pragma name: {name!r}")

        def read() -> Any:
            with self._mapped():
                row = self.connection.execute(f"PRAGMA {name}").fetchone()
            return None if row is None else row[0]

        return self.writer.call(read)

    # -- life cycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Run the writes handed over so far, stop the writer thread, close the connections
        (idempotent). An open transaction is rolled back."""
        with self._lock:
            if self._conn is None:
                return
        writer = getattr(self, "writer", None)
        if writer is not None:
            writer.close()
        with self._lock:
            conn, self._conn = self._conn, None
            readers, self._read_conns = self._read_conns, []
        if conn is None:
            return
        # Readers first: the last connection to close checkpoints and removes the WAL file.
        for reader in readers:
            try:
                reader.close()
            except self._errors as exc:  # pragma: no cover - closing is best effort
                log.warning("closing a read connection of %s: %s", self.path, exc)
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


def _primary(exc: Exception) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None
