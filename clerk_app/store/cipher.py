"""The local database encrypted at rest: SQLCipher 4 through ``sqlcipher3``.

The key is 32 random bytes (hex) kept by :class:`clerk_app.store.keys.SecretStore` (the OS
keyring, else the machine key file); it is given to SQLCipher as a raw key
(``PRAGMA key = "x'…'"``), so no passphrase derivation slows every connection down.

A database written by an older client is plain SQLite: :func:`encrypt_in_place` makes an
encrypted copy with ``sqlcipher_export`` (same schema version, every row, unsent outbox rows
included), checks it, and puts it in the old file's place; the plaintext file is gone.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from types import ModuleType
from typing import Any

log = logging.getLogger("clerk.store")

#: The first 16 bytes of every plain SQLite file (an encrypted one starts with random salt).
SQLITE_HEADER = b"SQLite format 3\x00"
_HEX_KEY = re.compile(r"^[0-9a-f]{64}$")


def driver() -> ModuleType | None:
    """The ``sqlcipher3`` DB-API module, or None when it is not installed."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:  # pragma: no cover - it is a dependency; a broken bundle
        return None
    return dbapi2


def available() -> bool:
    """Whether SQLCipher can be used here."""
    return driver() is not None


def errors() -> tuple[type[Exception], ...]:
    """The exception bases of both drivers (stdlib ``sqlite3`` and ``sqlcipher3``)."""
    import sqlite3

    cipher = driver()
    return (sqlite3.Error,) if cipher is None else (sqlite3.Error, cipher.Error)


def is_plaintext(path: Path) -> bool:
    """True when ``path`` is a plain (unencrypted) SQLite file."""
    try:
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


def key_pragma(key: str) -> str:
    """The ``PRAGMA key`` statement for a raw 256-bit key given as 64 hex digits."""
    if not _HEX_KEY.match(key):
        raise ValueError("the database key must be 64 lower-case hex digits")
    return f"PRAGMA key = \"x'{key}'\""


def connect(target: str | Path, key: str, **kwargs: Any) -> Any:
    """A ``sqlcipher3`` connection to ``target`` (a path, or a URI with ``uri=True``), keyed.

    Raises:
        sqlcipher3.dbapi2.DatabaseError: wrong key, or not a database ("file is not a
            database"), raised here rather than at the first query.
    """
    cipher = driver()
    if cipher is None:
        raise RuntimeError("sqlcipher3 is not installed: the local database cannot be opened")
    conn = cipher.connect(str(target), **kwargs)
    try:
        conn.execute(key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def connect_readonly(path: Path, key: str | None) -> Any:
    """A read-only connection to ``path``: plain ``sqlite3`` for a plaintext file (an old
    client's, or one made without SQLCipher), SQLCipher with ``key`` otherwise."""
    uri = path.resolve().as_uri() + "?mode=ro"
    if is_plaintext(path) or key is None:
        import sqlite3  # only for a plain file: a keyed desk loads sqlcipher3 alone

        return sqlite3.connect(uri, uri=True, timeout=5)
    return connect(uri, key, uri=True, timeout=5)


def encrypt_in_place(path: Path, key: str) -> bool:
    """Encrypt a plaintext database file in place; True when it did (False: nothing to do).

    The encrypted copy is written next to it, checked (integrity, schema version and the
    row count of every table), synced, then renamed over the original; the original's WAL
    is checkpointed into it first, and its ``-wal``/``-shm`` files are removed.

    Raises:
        sqlite3.Error / sqlcipher3 errors: the old file cannot be read (it is left as it was).
    """
    if not is_plaintext(path):
        return False
    cipher = driver()
    if cipher is None:
        raise RuntimeError("sqlcipher3 is not installed: cannot encrypt the local database")
    tmp = path.with_name(path.name + ".encrypting")
    tmp.unlink(missing_ok=True)
    source = cipher.connect(str(path), isolation_level=None)
    try:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = int(source.execute("PRAGMA user_version").fetchone()[0])
        tables = [
            r[0]
            for r in source.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        counts = {t: _count(source, t) for t in tables}
        source.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{_checked(key)}'\"", (str(tmp),))
        source.execute("SELECT sqlcipher_export('encrypted')")
        source.execute(f"PRAGMA encrypted.user_version = {version}")
        source.execute("DETACH DATABASE encrypted")
    except BaseException:
        source.close()
        tmp.unlink(missing_ok=True)
        raise
    source.close()
    try:
        check = connect(tmp, key, isolation_level=None)
        try:
            ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            same = int(check.execute("PRAGMA user_version").fetchone()[0]) == version and all(
                _count(check, t) == n for t, n in counts.items()
            )
            check.execute("PRAGMA journal_mode = WAL")
        finally:
            check.close()
        if not (ok and same):
            raise RuntimeError(f"the encrypted copy of {path} does not match it; kept the old")
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    os.replace(tmp, path)
    _sync_folder(path.parent)
    log.warning("the local database %s was plaintext: encrypted (%d tables)", path, len(tables))
    return True


def _checked(key: str) -> str:
    key_pragma(key)  # validates
    return key


def _count(conn: Any, table: str) -> int:
    return int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])  # noqa: S608


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
