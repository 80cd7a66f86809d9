"""The local journal: an append-only, hash-chained record of every write on this desk.

Each row carries ``hash = sha256(prev_hash + "\\n" + canonical(entry))`` where ``entry`` is
the row's id, time, area, message, kind and data, and ``prev_hash`` is the hash of the row
before it (:data:`GENESIS` for the first). Changing, dropping or reordering any row breaks
the chain from there on, which :func:`verify_chain` reports.

Two kinds of row:

``note``
    a line for IT ("receipt not written", "outbox row rejected", offline sign-in).
``write``
    a request for the service, written in the same transaction as the outbox row it
    mirrors: ``data = {method, path, idempotency_key, body}``. ``clerk-records
    import-journal`` replays these (with their Idempotency-Keys) on the service, so what a
    broken machine never sent is recorded there exactly once.

Rows written before schema version 2 have no hash; the chain starts at the first hashed row.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from clerk_app.store.db import Database

if TYPE_CHECKING:  # connections of either driver (a keyed desk loads sqlcipher3 only)
    import sqlite3

GENESIS = "0" * 64
KIND_NOTE = "note"
KIND_WRITE = "write"
FORMAT = "window-clerk-journal/1"


def _canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(prev_hash: str, entry: dict[str, Any]) -> str:
    """The chain hash of one entry (``id, at, area, message, kind, data``)."""
    text = prev_hash + "\n" + _canonical(entry)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class JournalEntry:
    """One row of the journal as exported."""

    id: int
    at: str
    area: str
    message: str
    kind: str
    data: Any
    prev_hash: str | None
    hash: str | None

    def as_entry(self) -> dict[str, Any]:
        """The hashed part of the row."""
        return {
            "id": self.id,
            "at": self.at,
            "area": self.area,
            "message": self.message,
            "kind": self.kind,
            "data": self.data,
        }

    def to_dict(self) -> dict[str, Any]:
        return {**self.as_entry(), "prev_hash": self.prev_hash, "hash": self.hash}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> JournalEntry:
        return cls(
            id=int(d["id"]),
            at=str(d["at"]),
            area=str(d["area"]),
            message=str(d["message"]),
            kind=str(d.get("kind") or KIND_NOTE),
            data=d.get("data"),
            prev_hash=d.get("prev_hash"),
            hash=d.get("hash"),
        )


def append(
    conn: sqlite3.Connection,
    *,
    at: str,
    area: str,
    message: str,
    kind: str = KIND_NOTE,
    data: Any = None,
) -> int:
    """Append one row inside the caller's open write transaction; returns its id."""
    if not conn.in_transaction:
        raise RuntimeError("journal.append needs an open write transaction")
    last = conn.execute(
        "SELECT hash FROM journal WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    prev = last[0] if last is not None else GENESIS
    row_id = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM journal").fetchone()[0])
    entry = {"id": row_id, "at": at, "area": area, "message": message, "kind": kind, "data": data}
    conn.execute(
        "INSERT INTO journal (id, at, area, message, kind, data_json, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            row_id,
            at,
            area,
            message,
            kind,
            None if data is None else _canonical(data),
            prev,
            entry_hash(prev, entry),
        ),
    )
    return row_id


def read_entries(db: Database) -> list[JournalEntry]:
    """Every row, oldest first."""
    rows = db.query(
        "SELECT id, at, area, message, kind, data_json, prev_hash, hash FROM journal ORDER BY id"
    )
    return [
        JournalEntry(
            id=int(r["id"]),
            at=r["at"],
            area=r["area"],
            message=r["message"],
            kind=r["kind"] or KIND_NOTE,
            data=None if r["data_json"] is None else json.loads(r["data_json"]),
            prev_hash=r["prev_hash"],
            hash=r["hash"],
        )
        for r in rows
    ]


def verify_chain(entries: list[JournalEntry]) -> int | None:
    """The id of the first row that breaks the chain, or None when it is whole."""
    prev: str | None = None
    for e in entries:
        if e.hash is None:
            if prev is None:
                continue  # rows from before the chain existed
            return e.id
        expected_prev = GENESIS if prev is None else prev
        if e.prev_hash != expected_prev or entry_hash(expected_prev, e.as_entry()) != e.hash:
            return e.id
        prev = e.hash
    return None


def write_entries(entries: list[JournalEntry]) -> list[JournalEntry]:
    """Only the ``write`` rows (what the service should have)."""
    return [e for e in entries if e.kind == KIND_WRITE and isinstance(e.data, dict)]
