"""Opening the local database at start: a damaged file is moved aside (kept) and replaced.

``PRAGMA integrity_check`` runs on every start. When it fails (or the file is not a
database at all) the file and its ``-wal``/``-shm`` companions are renamed to
``<name>.damaged-<UTC time>`` in the same folder — never deleted, IT may recover cases from
it — and a fresh database is created. The caller tells the clerk (``moved_aside``).
A full disk, a locked file or missing permissions are not damage: they propagate.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from clerk_app.store.db import CorruptDatabaseError, Database

log = logging.getLogger("clerk.store")

_COMPANIONS = ("", "-wal", "-shm", "-journal")


@dataclass
class OpenedDatabase:
    db: Database
    #: Where the damaged file went, when it had to be moved aside.
    moved_aside: Path | None = None


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename the database and its companions; returns the new name of the main file."""
    when = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.damaged-{when}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{when}-{n}")
    for suffix in _COMPANIONS:
        src = Path(str(path) + suffix)
        if src.exists():
            src.rename(Path(str(target) + suffix))
    return target


def open_checked(
    path: Path, now: datetime | None = None, *, key: str | None = None
) -> OpenedDatabase:
    """Open ``path`` (with the SQLCipher ``key``, if any); when it is damaged, keep it aside
    and start a new one.

    Raises:
        StoreError: anything that is not damage (disk full, locked, cannot open).
    """
    try:
        db = Database(path, key=key)
    except CorruptDatabaseError as exc:
        log.error("local database %s is not readable (%s): moving it aside", path, exc)
    else:
        if db.integrity_ok():
            return OpenedDatabase(db)
        log.error("local database %s failed integrity_check: moving it aside", path)
        db.close()
    target = move_aside(path, now)
    log.error("damaged database kept as %s; a new one is created", target)
    return OpenedDatabase(Database(path, key=key), moved_aside=target)
