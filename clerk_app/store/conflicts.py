"""Conflicts between the center's version of a case and this desk's unsent changes.

The rule (docs/INTERFACES.md, "Conflicts"): a case pulled from ``GET /changes`` conflicts
when BOTH

- this desk has lifecycle events of the case it has not got onto the center: outbox rows of
  kind ``case_event`` that are ``pending`` or ``rejected``; and
- the center's version has events this desk has never seen (someone else — another window,
  a shift lead — changed the case meanwhile).

Then the desk's own view of the case stays as it is, and the center's version is kept in
``conflicts`` (one open conflict per case, the newest center version) until the clerk
decides:

- **keep the center's** (:func:`keep_center`): the desk's unsent events of the case are
  voided (kept, never deleted, with who, when and why) and the case takes the center's
  status and events;
- **resend mine** (:func:`resend_mine`), only where the lifecycle still allows the desk's
  events after the center's status: the case takes the center's status and events, and the
  desk's events go again under their own Idempotency-Keys (the service stored nothing for a
  refused request), on top of it.

Each decision is one transaction with a journal line and a ``POST /audit/client-events``
row. A conflict whose desk events later reach the center anyway (a pending row accepted)
is resolved as ``superseded`` by the next pull of the case.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from clerk_app.core import lifecycle
from clerk_app.core.records import Case, CaseEvent, Party
from clerk_app.store import case_rows
from clerk_app.store.local import LocalStore
from clerk_app.store.outbox import OutboxRow, _outbox_from_row, canonical_json, stamp
from clerk_app.store.writer import writes
from clerk_app.store.writes import KIND_EVENT, AuditBody, audit, take_center_version

KEEP_CENTER = "center"
RESEND_MINE = "mine"
SUPERSEDED = "superseded"


class CannotResendMine(ValueError):
    """The lifecycle does not allow the desk's events after the center's status."""


@dataclass(frozen=True)
class UnsentEvent:
    """One of the desk's events the center does not have yet: the event, and its outbox
    state (``pending`` or ``rejected``, with the service's reason)."""

    event: CaseEvent
    state: str
    last_error: str | None


@dataclass(frozen=True)
class Conflict:
    """One open conflict: the desk's view and the center's, side by side."""

    case_id: str
    case_no: str
    detected_at: datetime
    center: Case
    local_status: lifecycle.Status
    local_events: tuple[CaseEvent, ...]
    applicant: Party
    #: The desk's unsent lifecycle events of the case (pending or refused), oldest first.
    unsent: tuple[OutboxRow, ...]

    @property
    def center_status(self) -> lifecycle.Status:
        return self.center.status

    @property
    def center_events(self) -> tuple[CaseEvent, ...]:
        return self.center.events

    @property
    def unsent_events(self) -> tuple[UnsentEvent, ...]:
        """The desk's unsent events as the desk recorded them (typed), oldest first."""
        mine = {e.id: e for e in self.local_events}
        return tuple(
            UnsentEvent(mine[r.idempotency_key], r.state, r.last_error)
            for r in self.unsent
            if r.idempotency_key in mine
        )

    def center_only_events(self) -> list[CaseEvent]:
        """The center's events this desk has never seen (what someone else did)."""
        known = {e.id for e in self.local_events}
        return [e for e in self.center.events if e.id not in known]

    def resend_status(self) -> lifecycle.Status | None:
        """The status after the desk's events on top of the center's; None if illegal."""
        return replay(self.center.status, self.unsent)


def replay(
    status: lifecycle.Status, rows: tuple[OutboxRow, ...] | list[OutboxRow]
) -> lifecycle.Status | None:
    """``status`` after the events of ``rows`` in order, or None if one is not allowed.

    The rows are the desk's own ``POST /cases/{no}/events`` bodies; only their ``type`` is
    read.
    """
    current = status
    for row in rows:
        body = row.body if isinstance(row.body, dict) else {}
        try:
            current = lifecycle.transition(current, str(body.get("type")))
        except lifecycle.IllegalTransition:
            return None
    return current


_UNSENT = (
    "SELECT * FROM outbox WHERE case_id = ? AND kind = ? AND state IN ('pending', 'rejected')"
    " ORDER BY id"
)


def _unsent_rows(conn: Any, case_id: str) -> list[OutboxRow]:
    return [_outbox_from_row(r) for r in conn.execute(_UNSENT, (case_id, KIND_EVENT)).fetchall()]


def conflicts_with(store: LocalStore, case: Case) -> bool:
    """Whether a pulled case conflicts with this desk's unsent events (see the module doc)."""
    if not store.db.query(_UNSENT, (case.id, KIND_EVENT)):
        return False
    known = {r[0] for r in store.db.query("SELECT id FROM case_events WHERE case_id = ?",
                                          (case.id,))}  # fmt: skip
    return any(e.id not in known for e in case.events)


@writes
def record(store: LocalStore, case: Case) -> None:
    """Keep the center's version of a conflicting case (opens or refreshes its conflict)."""
    now = stamp(store.clock.now())
    with store.db.transaction() as conn:
        conn.execute(
            "INSERT INTO conflicts (case_id, case_no, detected_at, center_json, state)"
            " VALUES (?, ?, ?, ?, 'open') ON CONFLICT (case_id) DO UPDATE SET"
            " center_json = excluded.center_json, state = 'open',"
            " detected_at = CASE WHEN conflicts.state = 'open' THEN conflicts.detected_at"
            " ELSE excluded.detected_at END, resolution = NULL, resolved_by = NULL,"
            " resolved_at = NULL",
            (case.id, case.case_no, now, canonical_json(case_rows.case_json(case))),
        )
        store.journal(
            "sync",
            f"conflict on {case.case_no}: the center has it {case.status.value}, "
            "this desk has unsent events",
        )


@writes
def settle_if_open(store: LocalStore, case_id: str) -> bool:
    """A pulled case no longer conflicts: an open conflict of it is ``superseded``."""
    if not store.db.query(
        "SELECT 1 FROM conflicts WHERE case_id = ? AND state = 'open'", (case_id,)
    ):
        return False
    now = stamp(store.clock.now())
    with store.db.transaction() as conn:
        cur = conn.execute(
            "UPDATE conflicts SET state = 'resolved', resolution = ?, resolved_at = ?,"
            " resolved_by = '-' WHERE case_id = ? AND state = 'open'",
            (SUPERSEDED, now, case_id),
        )
        return cur.rowcount > 0


def _load(store: LocalStore, row: Any) -> Conflict:
    case = store.get_case(row["case_no"])
    assert case is not None
    unsent = tuple(
        _outbox_from_row(r) for r in store.db.query(_UNSENT, (row["case_id"], KIND_EVENT))
    )
    return Conflict(
        case_id=row["case_id"],
        case_no=row["case_no"],
        detected_at=datetime.fromisoformat(row["detected_at"]),
        center=case_rows.case_from_json(json.loads(row["center_json"])),
        local_status=case.status,
        local_events=case.events,
        applicant=case.applicant,
        unsent=unsent,
    )


def open_conflicts(store: LocalStore) -> list[Conflict]:
    """Every open conflict, oldest first."""
    rows = store.db.query(
        "SELECT * FROM conflicts WHERE state = 'open' ORDER BY detected_at, case_no"
    )
    return [_load(store, r) for r in rows]


@dataclass(frozen=True)
class ConflictItem:
    """An open conflict as the connection panel lists it."""

    case_no: str
    desk_status: str
    center_status: str
    detected_at: datetime | None


def conflict_items(store: LocalStore, limit: int = 200) -> tuple[ConflictItem, ...]:
    """The open conflicts, oldest first (one query: the panel reads it after each round)."""
    rows = store.db.query(
        "SELECT f.case_no, c.status, json_extract(f.center_json, '$.status'), f.detected_at"
        " FROM conflicts f JOIN cases c ON c.id = f.case_id WHERE f.state = 'open'"
        " ORDER BY f.detected_at, f.case_no LIMIT ?",
        (limit,),
    )
    return tuple(
        ConflictItem(r[0], r[1], str(r[2] or ""), datetime.fromisoformat(r[3]) if r[3] else None)
        for r in rows
    )


def open_conflict_count(store: LocalStore) -> int:
    row = store.db.query_one("SELECT count(*) FROM conflicts WHERE state = 'open'")
    return 0 if row is None else int(row[0])


def get_conflict(store: LocalStore, case_no: str) -> Conflict | None:
    """The open conflict of a case, or None."""
    row = store.db.query_one(
        "SELECT * FROM conflicts WHERE case_no = ? AND state = 'open'", (case_no,)
    )
    return None if row is None else _load(store, row)


def _resolve(conn: Any, case_id: str, resolution: str, clerk: str, now: str) -> None:
    conn.execute(
        "UPDATE conflicts SET state = 'resolved', resolution = ?, resolved_by = ?,"
        " resolved_at = ? WHERE case_id = ?",
        (resolution, clerk, now, case_id),
    )


def _open_row(conn: Any, case_no: str) -> Any:
    row = conn.execute(
        "SELECT * FROM conflicts WHERE case_no = ? AND state = 'open'", (case_no,)
    ).fetchone()
    if row is None:
        raise KeyError(f"no open conflict for {case_no}")
    return row


@writes
def keep_center(
    store: LocalStore, case_no: str, *, clerk: str, at: datetime, audit_body: AuditBody
) -> int:
    """The clerk keeps the center's version; returns how many desk events were voided.

    ``audit_body`` makes the audit record's body (``remote.wire.client_events_to_wire``).
    """
    now = stamp(at)
    with store.db.transaction() as conn:
        row = _open_row(conn, case_no)
        center = case_rows.case_from_json(json.loads(row["center_json"]))
        local_status = conn.execute(
            "SELECT status FROM cases WHERE id = ?", (row["case_id"],)
        ).fetchone()[0]
        unsent = _unsent_rows(conn, row["case_id"])
        note = "conflict: the center's version kept"
        for r in unsent:
            conn.execute(
                "UPDATE outbox SET state = 'voided', resolved_at = ?, resolved_by = ?,"
                " resolution_note = ? WHERE id = ?",
                (now, clerk, note, r.id),
            )
        take_center_version(conn, center, now)
        _resolve(conn, row["case_id"], KEEP_CENTER, clerk, now)
        audit(
            store, audit_body, "conflict.keep_center", actor=clerk, at=at, target=case_no,
            detail={"center_status": center.status.value, "desk_status": local_status,
                    "voided": len(unsent)},
            message=f"conflict on {case_no}: {clerk} kept the center's version "
            f"({center.status.value}); {len(unsent)} desk event(s) voided",
        )  # fmt: skip
    return len(unsent)


@writes
def resend_mine(
    store: LocalStore, case_no: str, *, clerk: str, at: datetime, audit_body: AuditBody
) -> lifecycle.Status:
    """The clerk's events go again on top of the center's version; returns the new status
    (``audit_body`` as for :func:`keep_center`).

    Raises:
        CannotResendMine: an event of the desk is not allowed after the center's status;
            nothing was changed.
    """
    now = stamp(at)
    with store.db.transaction() as conn:
        row = _open_row(conn, case_no)
        center = case_rows.case_from_json(json.loads(row["center_json"]))
        unsent = _unsent_rows(conn, row["case_id"])
        status = replay(center.status, unsent)
        if status is None:
            raise CannotResendMine(
                f"the desk's events of {case_no} are not allowed after {center.status.value}"
            )
        take_center_version(conn, center, now)
        for r in unsent:
            conn.execute(
                "UPDATE outbox SET state = 'pending', next_try_at = ?, last_error = NULL,"
                " response_status = NULL, response_json = NULL, resolved_at = ?,"
                " resolved_by = ?, resolution_note = ? WHERE id = ?",
                (now, now, clerk, "conflict: resent after the center's changes", r.id),
            )
        conn.execute(
            "UPDATE cases SET status = ?, server_state = 'pending', updated_at = ? WHERE id = ?",
            (status.value, now, row["case_id"]),
        )
        _resolve(conn, row["case_id"], RESEND_MINE, clerk, now)
        audit(
            store, audit_body, "conflict.resend_mine", actor=clerk, at=at, target=case_no,
            detail={"center_status": center.status.value, "resent": len(unsent),
                    "status": status.value},
            message=f"conflict on {case_no}: {clerk} resent {len(unsent)} desk event(s) "
            f"on top of the center's {center.status.value}",
        )  # fmt: skip
    return status
