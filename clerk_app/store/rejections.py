"""Outbox items the records service refused, and what the clerk does about them.

A refused row (4xx other than "retry later") waits in state ``rejected`` with the service's
problem. The clerk either

- **edits and resends** it: the fields the service named are corrected in the body, which
  keeps its Idempotency-Key (the service stores nothing for a refused request, so the
  corrected one is applied once, and a retry after a lost answer is answered from the
  stored response); a case's later rows that were refused only because the case was missing
  (404) go again behind it; or
- **voids** it: the row becomes ``voided`` (never deleted) with who, when and why; a voided
  case creation voids the local case and its other unsent rows; a voided event is taken
  out of the local status (the status is replayed from the remaining events).

Both are audited: a journal line and a ``POST /audit/client-events`` row, in the same
transaction as the change.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from clerk_app.core import lifecycle
from clerk_app.core.records import Case
from clerk_app.store import case_rows
from clerk_app.store import journal as journal_chain
from clerk_app.store.local import LocalStore
from clerk_app.store.outbox import (
    KIND_CREATE_CASE,
    KIND_CREATE_JOINT,
    OutboxRow,
    body_hash,
    canonical_json,
    stamp,
)
from clerk_app.store.writer import writes
from clerk_app.store.writes import KIND_EVENT, AuditBody, audit

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
#: The joint case a row without a case creates (its key is the joint id).
_JOINT_OF_ROW = " LEFT JOIN joint_cases j ON o.case_id IS NULL AND j.id = o.idempotency_key"


class CannotResend(ValueError):
    """The row is not a refused one, or the correction names a field it must not change."""


@dataclass(frozen=True)
class FieldProblem:
    """One field the service named, what it said, and the value that was sent."""

    field: str
    message: str
    value: Any


@dataclass(frozen=True)
class RejectedItem:
    """A refused outbox row as the clerk sees it."""

    outbox_id: int
    kind: str
    case_no: str | None
    status: int | None
    title: str
    detail: str
    fields: tuple[FieldProblem, ...]
    body: Any
    row: OutboxRow


def _fields(problem: Any, body: Any) -> tuple[FieldProblem, ...]:
    if not isinstance(problem, dict):
        return ()
    out = []
    for err in problem.get("errors") or []:
        if isinstance(err, dict) and err.get("field"):
            name = str(err["field"])
            out.append(FieldProblem(name, str(err.get("message") or ""), value_at(body, name)))
    return tuple(out)


def rejected_items(store: LocalStore, case_no: str | None = None) -> list[RejectedItem]:
    """Refused rows waiting for the clerk (of one case, or all), oldest first."""
    sql = (
        "SELECT o.id, coalesce(c.case_no, j.joint_no) FROM outbox o"  # noqa: S608
        " LEFT JOIN cases c ON c.id = o.case_id" + _JOINT_OF_ROW + " WHERE o.state = 'rejected'"
    )
    params: list[Any] = []
    if case_no is not None:
        # A part's refused items include its joint case's refused creation.
        sql += (
            " AND (c.case_no = ? OR j.joint_no = ? OR j.joint_no ="
            " (SELECT nullif(pc.joint_case_no, '') FROM cases pc WHERE pc.case_no = ?))"
        )
        params.extend((case_no, case_no, case_no))
    items = []
    for r in store.db.query(sql + " ORDER BY o.id", params):
        row = store.outbox_row(int(r[0]))
        assert row is not None
        problem = row.response if isinstance(row.response, dict) else {}
        items.append(
            RejectedItem(
                outbox_id=row.id,
                kind=row.kind,
                case_no=r[1],
                status=row.response_status,
                title=str(problem.get("title") or ""),
                detail=str(problem.get("detail") or row.last_error or ""),
                fields=_fields(problem, row.body),
                body=row.body,
                row=row,
            )
        )
    return items


@dataclass(frozen=True)
class RefusedRow:
    """A refused outbox row as the connection panel lists it."""

    row_id: int
    kind: str
    case_no: str | None
    reason: str


def refused_rows(store: LocalStore, limit: int = 200) -> tuple[RefusedRow, ...]:
    """The refused outbox rows with the case number they belong to, oldest first."""
    rows = store.db.query(
        "SELECT o.id, o.kind, o.last_error, coalesce(c.case_no, j.joint_no) FROM outbox o"  # noqa: S608
        " LEFT JOIN cases c ON c.id = o.case_id" + _JOINT_OF_ROW + " WHERE o.state = 'rejected'"
        " ORDER BY o.id LIMIT ?",
        (limit,),
    )
    return tuple(RefusedRow(int(r[0]), r[1], r[3], r[2] or "") for r in rows)


def value_at(body: Any, field: str) -> Any:
    """The value at a service field name (``applicant.id_number``, ``materials[0].code``)."""
    node = body
    for name, index in _PART.findall(field):
        try:
            node = node[int(index)] if index else node[name]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def corrected(body: Any, changes: dict[str, Any]) -> Any:
    """A copy of ``body`` with the values at the named fields replaced.

    Raises:
        CannotResend: a field that does not exist, or the record's ``id`` (its key).
    """
    out = copy.deepcopy(body)
    for field, value in changes.items():
        parts = _PART.findall(field)
        if not parts or field == "id":
            raise CannotResend(f"{field!r} cannot be changed")
        node = out
        for name, index in parts[:-1]:
            try:
                node = node[int(index)] if index else node[name]
            except (KeyError, IndexError, TypeError):
                raise CannotResend(f"{field!r} is not in the request") from None
        name, index = parts[-1]
        if index:
            node[int(index)] = value
        elif isinstance(node, dict):
            node[name] = value
        else:
            raise CannotResend(f"{field!r} is not in the request")
    return out


def _rejected_row(conn: Any, outbox_id: int) -> Any:
    row = conn.execute("SELECT * FROM outbox WHERE id = ?", (outbox_id,)).fetchone()
    if row is None:
        raise KeyError(f"no outbox row {outbox_id}")
    if row["state"] != "rejected":
        raise CannotResend(f"outbox row {outbox_id} is {row['state']}, not rejected")
    return row


def _case_no(conn: Any, case_id: str | None, key: str | None = None) -> str | None:
    """The case number of a row's case, or the joint number a joint creation (``key``)
    makes."""
    if case_id is None:
        if key is None:
            return None
        row = conn.execute("SELECT joint_no FROM joint_cases WHERE id = ?", (key,)).fetchone()
        return None if row is None else str(row[0])
    row = conn.execute("SELECT case_no FROM cases WHERE id = ?", (case_id,)).fetchone()
    return None if row is None else str(row[0])


def _void_joint(conn: Any, joint_id: str, now: str, clerk: str, note: str) -> None:
    """A voided joint creation voids the joint case, its parts and their unsent rows."""
    row = conn.execute("SELECT joint_no FROM joint_cases WHERE id = ?", (joint_id,)).fetchone()
    if row is None:
        return
    conn.execute(
        "UPDATE joint_cases SET status = 'voided', updated_at = ? WHERE id = ?", (now, joint_id)
    )
    conn.execute(
        "UPDATE outbox SET state = 'voided', resolved_at = ?, resolved_by = ?,"
        " resolution_note = ? WHERE state IN ('pending', 'rejected') AND case_id IN"
        " (SELECT id FROM cases WHERE joint_case_no = ?)",
        (now, clerk, "joint case voided: " + note, row[0]),
    )
    conn.execute(
        "UPDATE cases SET status = ?, updated_at = ? WHERE joint_case_no = ?",
        (lifecycle.Status.VOIDED.value, now, row[0]),
    )


@writes
def resend_corrected(
    store: LocalStore,
    outbox_id: int,
    changes: dict[str, Any],
    *,
    clerk: str,
    at: datetime,
    read_case: Callable[[Any], Case],
    audit_body: AuditBody,
) -> OutboxRow:
    """Correct a refused row and queue it again under its own key (see the module doc).

    Returns the row as queued. A corrected case creation also corrects the local case:
    ``read_case`` reads the corrected body (``remote.wire.case_from_wire``) and
    ``audit_body`` makes the audit record's body (``remote.wire.client_events_to_wire``):
    the store neither reads nor makes the wire format itself.

    Raises:
        CannotResend: the row is not refused, or a change is not allowed.
    """
    now = stamp(at)
    with store.db.transaction() as conn:
        row = _rejected_row(conn, outbox_id)
        body = json.loads(row["body_json"]) if row["body_json"] else None
        new_body = corrected(body, changes) if changes else body
        body_json = None if new_body is None else canonical_json(new_body)
        conn.execute(
            "UPDATE outbox SET state = 'pending', body_json = ?, body_hash = ?, next_try_at = ?,"
            " last_error = NULL, response_status = NULL, response_json = NULL,"
            " resolved_at = ?, resolved_by = ?, resolution_note = ? WHERE id = ?",
            (
                body_json,
                None if body_json is None else body_hash(body_json),
                now,
                now,
                clerk,
                "resent: " + ", ".join(sorted(changes)) if changes else "resent",
                outbox_id,
            ),
        )
        case_no = _case_no(conn, row["case_id"], row["idempotency_key"])
        if row["kind"] == KIND_CREATE_JOINT:
            conn.execute(
                "UPDATE joint_cases SET server_state = 'pending', updated_at = ? WHERE id = ?",
                (now, row["idempotency_key"]),
            )
            conn.execute(
                "UPDATE cases SET server_state = 'pending', updated_at = ? WHERE"
                " joint_case_no = (SELECT joint_no FROM joint_cases WHERE id = ?)"
                " AND server_state = 'rejected'",
                (now, row["idempotency_key"]),
            )
        if row["kind"] == KIND_CREATE_CASE and row["case_id"] is not None:
            try:
                case = read_case(new_body)
            except ValueError as exc:
                raise CannotResend(f"the corrected case is not valid: {exc}") from None
            conn.execute(
                "UPDATE cases SET applicant_json = ?, payload_json = ?, item_code = ?,"
                " due_date = ?, server_state = 'pending', updated_at = ? WHERE id = ?",
                (
                    canonical_json(case_rows.party_json(case.applicant)),
                    canonical_json(case_rows.payload_json(case)),
                    case.item_code,
                    case.due_date.isoformat() if case.due_date else None,
                    now,
                    row["case_id"],
                ),
            )
            # Rows refused only because the case was not there yet go again behind it.
            conn.execute(
                "UPDATE outbox SET state = 'pending', next_try_at = ?, last_error = NULL,"
                " response_status = NULL, response_json = NULL WHERE case_id = ?"
                " AND state = 'rejected' AND response_status = 404 AND id > ?",
                (now, row["case_id"], outbox_id),
            )
        # The journal mirrors the corrected request, as it mirrors every outbox write.
        journal_chain.append(
            conn,
            at=now,
            area="outbox",
            message=f"{row['kind']} {row['method']} {row['path']} corrected and resent",
            kind=journal_chain.KIND_WRITE,
            data={
                "method": row["method"],
                "path": row["path"],
                "idempotency_key": row["idempotency_key"],
                "case_id": row["case_id"],
                "body": new_body,
            },
        )
        audit(
            store,
            audit_body,
            "outbox.resend",
            actor=clerk,
            at=at,
            target=case_no or row["path"],
            detail={"kind": row["kind"], "fields": tuple(sorted(changes))},
            message=f"refused {row['kind']} of {case_no or '-'} corrected and resent by {clerk}",
        )
    queued = store.outbox_row(outbox_id)
    assert queued is not None
    return queued


@writes
def void_rejected(
    store: LocalStore,
    outbox_id: int,
    reason: str,
    *,
    clerk: str,
    at: datetime,
    audit_body: AuditBody,
) -> None:
    """Give up a refused row: ``voided`` with who, when and why (see the module doc);
    ``audit_body`` makes the audit record's body (``remote.wire.client_events_to_wire``).

    Raises:
        ValueError: no reason given.
        CannotResend: the row is not refused.
    """
    if not reason.strip():
        raise ValueError("a reason is required")
    now = stamp(at)
    with store.db.transaction() as conn:
        row = _rejected_row(conn, outbox_id)
        note = reason.strip()
        case_id = row["case_id"]
        conn.execute(
            "UPDATE outbox SET state = 'voided', resolved_at = ?, resolved_by = ?,"
            " resolution_note = ? WHERE id = ?",
            (now, clerk, note, outbox_id),
        )
        case_no = _case_no(conn, case_id, row["idempotency_key"])
        if row["kind"] == KIND_CREATE_JOINT:
            _void_joint(conn, row["idempotency_key"], now, clerk, note)
        elif row["kind"] == KIND_CREATE_CASE and case_id is not None:
            conn.execute(
                "UPDATE outbox SET state = 'voided', resolved_at = ?, resolved_by = ?,"
                " resolution_note = ? WHERE case_id = ? AND state IN ('pending', 'rejected')",
                (now, clerk, "case voided: " + note, case_id),
            )
            conn.execute(
                "UPDATE cases SET status = ?, updated_at = ? WHERE id = ?",
                (lifecycle.Status.VOIDED.value, now, case_id),
            )
        elif row["kind"] == KIND_EVENT and case_id is not None:
            conn.execute(
                "UPDATE cases SET status = ?, updated_at = ? WHERE id = ?",
                (_replayed_status(conn, case_id), now, case_id),
            )
        audit(
            store,
            audit_body,
            "outbox.void",
            actor=clerk,
            at=at,
            target=case_no or row["path"],
            detail={"kind": row["kind"], "reason": note[:500]},
            message=f"refused {row['kind']} of {case_no or '-'} voided by {clerk}: {note}",
        )


def _replayed_status(conn: Any, case_id: str) -> str:
    """The case's status from its events, leaving out events whose row was voided."""
    voided = {
        r[0]
        for r in conn.execute(
            "SELECT idempotency_key FROM outbox WHERE case_id = ? AND state = 'voided'",
            (case_id,),
        )
    }
    status: lifecycle.Status = lifecycle.Status.RECEIVED
    for event_id, event_type in conn.execute(
        "SELECT id, type FROM case_events WHERE case_id = ? ORDER BY at, rowid", (case_id,)
    ):
        if event_id in voided:
            continue
        try:
            status = lifecycle.transition(status, event_type)
        except lifecycle.IllegalTransition:
            continue
    return status.value
