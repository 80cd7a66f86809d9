"""The client's local store: cases, their events, the outbox, sequences, caches, journal.

:class:`LocalStore` sits on a :class:`~clerk_app.store.db.Database`. Every write is one
transaction; a case, its first event and its outbox row are committed together or not at all,
and only after that commit may a receipt be printed.

Use one :class:`LocalStore` from one thread at a time (the GUI's writer thread); see
:mod:`clerk_app.store.db` for the details.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from clerk_app.core.records import Case, ServerState
from clerk_app.store import case_rows
from clerk_app.store import journal as journal_chain
from clerk_app.store.db import Database
from clerk_app.store.outbox import (  # noqa: F401  (re-exported: others import them from here)
    CASES_PATH,
    KIND_CREATE_CASE,
    OutboxMixin,
    OutboxRow,
    body_hash,
    canonical_json,
    parse_stamp,
    stamp,
)
from clerk_app.store.writer import writes

if TYPE_CHECKING:  # connections of either driver (a keyed desk loads sqlcipher3 only)
    import sqlite3

log = logging.getLogger("clerk.store")


class _Clock(Protocol):
    def now(self) -> datetime: ...


@dataclass(frozen=True)
class CachedCatalog:
    """The catalog as last fetched from the service (or loaded from the demo file)."""

    json_text: str
    version: str | None
    etag: str | None
    fetched_at: datetime


_INSERT_CASE = (
    "INSERT INTO cases (id, case_no, query_code, item_code, window_code, status,"
    " disposition, applicant_json, payload_json, received_at, due_date,"
    " due_provisional, created_at, updated_at, server_state)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
#: A part of a joint case names its joint case, stage and department (migration 9).
_INSERT_PART = _INSERT_CASE.replace(
    "server_state)", "server_state, joint_case_no, stage, department_code)"
).replace("?)", "?, ?, ?, ?)")


def insert_case(conn: sqlite3.Connection, case: Case, server_state: ServerState, now: str) -> None:
    """The ``cases`` row of ``case`` and its ``case_events`` rows (joins ``conn``'s
    transaction; no outbox row)."""
    values: tuple[Any, ...] = (
        case.id,
        case.case_no,
        case.query_code,
        case.item_code,
        case.window_code,
        case.status.value,
        case.disposition.value,
        canonical_json(case_rows.party_json(case.applicant)),
        canonical_json(case_rows.payload_json(case)),
        case.received_at.isoformat(),
        case.due_date.isoformat() if case.due_date else None,
        1 if case.due_date_provisional else 0,
        now,
        now,
        server_state.value,
    )
    if case.joint_case_no:
        conn.execute(_INSERT_PART, (*values, case.joint_case_no, case.stage, case.department_code))
    else:
        conn.execute(_INSERT_CASE, values)
    conn.executemany(case_rows.INSERT_EVENT, [case_rows.event_row(e, case.id) for e in case.events])


class LocalStore(OutboxMixin):
    """Cases, outbox, sequences, catalog cache, key/value state and journal.

    The outbox methods (``enqueue``, ``outbox_pending``, ``mark_sent`` …) come from
    :class:`~clerk_app.store.outbox.OutboxMixin`.

    Args:
        db: an open, migrated database.
        clock: anything with ``now() -> aware datetime`` (:class:`clerk_app.core.clock.Clock`).
    """

    def __init__(self, db: Database, clock: _Clock) -> None:
        self.db = db
        self.clock = clock

    # -- sequences --------------------------------------------------------------------------

    @writes
    def allocate_sequence(self, name: str, floor: int = 0) -> int:
        """Take the next number of a sequence; never hands out the same number twice.

        Joins the caller's transaction when there is one. Commit the allocation before using
        the number in a case (its own transaction): a crash in between then only skips a
        number, it can never reuse one.

        Args:
            name: the sequence, e.g. ``"case:W01:20261128"``.
            floor: the result is greater than this (e.g. the service's high-water mark).
        """
        with self.db.transaction() as conn:
            row = conn.execute(
                "INSERT INTO sequences (name, value) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET value = max(value, ?) + 1 "
                "RETURNING value",
                (name, floor + 1, floor),
            ).fetchone()
            return int(row[0])

    @writes
    def raise_floor(self, name: str, value: int) -> int:
        """Make sure the next number of ``name`` is above ``value`` (login high-water marks).

        Returns the sequence's last used number after the change. Never lowers it.
        """
        with self.db.transaction() as conn:
            row = conn.execute(
                "INSERT INTO sequences (name, value) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value) "
                "RETURNING value",
                (name, value),
            ).fetchone()
            return int(row[0])

    def sequence_value(self, name: str) -> int:
        """The last number handed out (0 if none)."""
        row = self.db.query_one("SELECT value FROM sequences WHERE name = ?", (name,))
        return 0 if row is None else int(row[0])

    # -- cases ------------------------------------------------------------------------------

    @writes
    def create_case(self, case: Case, *, outbox_body: dict[str, Any] | None = None) -> Case:
        """Write a new case, its events and its outbox row in ONE transaction.

        The case number must already have been allocated (and committed) by
        :meth:`allocate_sequence`. Nothing is allocated here.

        Args:
            case: the case with its events (for one taken in here: its first event).
            outbox_body: the ``POST /cases`` body to send (``remote.wire.case_to_wire``),
                queued under the case's id; None for a case that came from the service
                (nothing to send: it is stored as ``synced``).

        Raises:
            StoreError: disk full, database locked or corrupt; nothing was written.
            sqlite3.IntegrityError: the case id, number, event id or idempotency key exists.
        """
        now = stamp(self.clock.now())
        server_state = ServerState.PENDING if outbox_body is not None else ServerState.SYNCED
        with self.db.transaction() as conn:
            insert_case(conn, case, server_state, now)
            if outbox_body is not None:
                self._enqueue(
                    conn,
                    case_id=case.id,
                    kind=KIND_CREATE_CASE,
                    method="POST",
                    path=CASES_PATH,
                    idempotency_key=case.id,
                    body_json=canonical_json(outbox_body),
                    now=now,
                )
        log.info("case %s stored locally", case.case_no)
        # What was written, as get_case() would read it back (the round trip is lossless,
        # tests/unit/store), without a second query on the writer.
        return dataclasses.replace(case, server_state=server_state)

    def get_case(self, case_no: str) -> Case | None:
        """The case with this 办件编号 and its events (oldest first), or None."""
        row = self.db.query_one("SELECT * FROM cases WHERE case_no = ?", (case_no,))
        if row is None:
            return None
        events = self.db.query(
            "SELECT * FROM case_events WHERE case_id = ? ORDER BY at, rowid", (row["id"],)
        )
        return case_rows.case_from_row(
            row, tuple(case_rows.event_from_row(e, first=i == 0) for i, e in enumerate(events))
        )

    def list_cases(self, window_code: str, limit: int = 100, offset: int = 0) -> list[Case]:
        """Cases taken in at a window, newest first (events not loaded)."""
        rows = self.db.query(
            "SELECT * FROM cases WHERE window_code = ?"
            " ORDER BY received_at DESC, case_no DESC LIMIT ? OFFSET ?",
            (window_code, limit, offset),
        )
        return [case_rows.case_from_row(r, ()) for r in rows]

    @writes
    def set_server_state(self, case_id: str, server_state: str) -> None:
        """Record whether the service has the case (``pending``/``synced``/``rejected``)."""
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE cases SET server_state = ?, updated_at = ? WHERE id = ?",
                (server_state, stamp(self.clock.now()), case_id),
            )

    # -- catalog cache, state, journal ------------------------------------------------------

    @writes
    def save_catalog(
        self, json_text: str, version: str | None, etag: str | None, fetched_at: datetime
    ) -> None:
        """Replace the cached catalog."""
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO catalog_cache (id, version, etag, json, fetched_at)"
                " VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                " version = excluded.version, etag = excluded.etag, json = excluded.json,"
                " fetched_at = excluded.fetched_at",
                (version, etag, json_text, stamp(fetched_at)),
            )

    def load_catalog(self) -> CachedCatalog | None:
        """The cached catalog, or None if none was ever saved."""
        row = self.db.query_one("SELECT * FROM catalog_cache WHERE id = 1")
        if row is None:
            return None
        fetched = parse_stamp(row["fetched_at"])
        assert fetched is not None
        return CachedCatalog(row["json"], row["version"], row["etag"], fetched)

    def get_state(self, key: str, default: str | None = None) -> str | None:
        """A value from the key/value ``state`` table."""
        row = self.db.query_one("SELECT value FROM state WHERE key = ?", (key,))
        return default if row is None else row[0]

    @writes
    def set_state(self, key: str, value: str | None) -> None:
        """Set (or, with None, delete) a value in the ``state`` table."""
        with self.db.transaction() as conn:
            if value is None:
                conn.execute("DELETE FROM state WHERE key = ?", (key,))
            else:
                conn.execute(
                    "INSERT INTO state (key, value) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

    @writes
    def journal(self, area: str, message: str) -> None:
        """Append a line to the local journal (what happened on this desk, for IT)."""
        with self.db.transaction() as conn:
            journal_chain.append(conn, at=stamp(self.clock.now()), area=area, message=message)

    def journal_entries(self, limit: int = 200) -> list[tuple[datetime, str, str]]:
        """The newest journal lines, newest first."""
        rows = self.db.query(
            "SELECT at, area, message FROM journal ORDER BY id DESC LIMIT ?", (limit,)
        )
        return [(datetime.fromisoformat(r[0]), r[1], r[2]) for r in rows]
