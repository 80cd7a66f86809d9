"""Local writes after intake: lifecycle events, ratings and the desk's audit records, each
with its outbox row.

Like :meth:`LocalStore.create_case`, every function here writes the record, its outbox row
and its journal entry in ONE transaction. The outbox row's Idempotency-Key is the record's
own id, so a resend after a lost answer never makes a second record on the service. The
outbox body is the wire JSON the app layer made (``clerk_app.remote.wire``); the store keeps
it as it is given.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from clerk_app.core import lifecycle
from clerk_app.core.records import AuditDetail, Case, CaseEvent, ClientEvent, Rating
from clerk_app.store import case_rows
from clerk_app.store import joint as joint_store
from clerk_app.store.local import LocalStore
from clerk_app.store.outbox import canonical_json, stamp
from clerk_app.store.writer import writes

KIND_EVENT = "case_event"
KIND_RATING = "rating"


@dataclass(frozen=True)
class LocalWrite:
    """What was written: the record's id (= Idempotency-Key), its body, its outbox row."""

    id: str
    body: dict[str, Any]
    outbox_id: int


def _case_row(store: LocalStore, case_no: str) -> Any:
    row = store.db.query_one("SELECT id, status FROM cases WHERE case_no = ?", (case_no,))
    if row is None:
        raise KeyError(f"no local case {case_no}")
    return row


@writes
def add_event(
    store: LocalStore, case_no: str, event: CaseEvent, *, body: dict[str, Any]
) -> LocalWrite:
    """Record a lifecycle event locally and queue ``POST /cases/{no}/events``.

    Args:
        event: the event (its id is the Idempotency-Key).
        body: what to send (``remote.wire.event_to_wire(event)``; the store keeps it as is).

    Raises:
        IllegalTransition: the lifecycle forbids the event in the case's local status;
            nothing was written.
        KeyError: no such case here.
    """
    event_id = event.id
    with store.db.transaction() as conn:
        case = _case_row(store, case_no)
        new_status = lifecycle.transition(case["status"], event.type)
        conn.execute(case_rows.INSERT_EVENT, case_rows.event_row(event, case["id"]))
        conn.execute(
            "UPDATE cases SET status = ?, updated_at = ? WHERE id = ?",
            (str(new_status.value), stamp(store.clock.now()), case["id"]),
        )
        outbox_id = store.enqueue(
            kind=KIND_EVENT,
            method="POST",
            path=f"/api/v1/cases/{quote(case_no, safe='')}/events",
            idempotency_key=event_id,
            body=body,
            case_id=case["id"],
        )
    return LocalWrite(event_id, body, outbox_id)


@writes
def set_due_date(store: LocalStore, case_no: str, due: date, provisional: bool) -> None:
    """Move a case's due date locally (a resumption extends it by the days suspended).

    The event that caused it carries the new date in its ``data`` for the service.
    """
    with store.db.transaction() as conn:
        case = _case_row(store, case_no)
        conn.execute(
            "UPDATE cases SET due_date = ?, due_provisional = ?, updated_at = ? WHERE id = ?",
            (due.isoformat(), 1 if provisional else 0, stamp(store.clock.now()), case["id"]),
        )


#: Applicant fields a correction event may change locally.
CORRECTABLE_FIELDS = frozenset({"name", "phone", "id_number"})


@writes
def apply_correction(store: LocalStore, case_no: str, field: str, value: str) -> None:
    """Change one applicant field of the local case (after its ``correct`` event).

    The search columns follow (they are kept by triggers); the event, written in the same
    transaction by the caller, keeps the old and the new value for the service and audit.
    """
    if field not in CORRECTABLE_FIELDS:
        raise ValueError(f"{field!r} cannot be corrected here")
    with store.db.transaction() as conn:
        case = store.get_case(case_no)
        if case is None:
            raise KeyError(f"no local case {case_no}")
        old = case.applicant
        applicant = (
            replace(old, name=value)
            if field == "name"
            else replace(old, phone=value)
            if field == "phone"
            else replace(old, id_number=value)
        )
        conn.execute(
            "UPDATE cases SET applicant_json = ?, payload_json = ?, updated_at = ? WHERE id = ?",
            (
                canonical_json(case_rows.party_json(applicant)),
                canonical_json(case_rows.payload_json(replace(case, applicant=applicant))),
                stamp(store.clock.now()),
                case.id,
            ),
        )


#: Where the desk's audit records go (``POST /audit/client-events``).
CLIENT_EVENTS_PATH = "/api/v1/audit/client-events"
KIND_CLIENT_EVENT = "client_event"

#: Makes the ``POST /audit/client-events`` body of an audit record
#: (``remote.wire.client_events_to_wire``); store functions that audit what they do take
#: it from the app layer, since the store never makes wire JSON itself.
AuditBody = Callable[[ClientEvent], dict[str, Any]]


def client_event(
    action: str,
    *,
    actor: str,
    at: datetime,
    target: str = "",
    result: str = "ok",
    detail: AuditDetail | None = None,
) -> ClientEvent:
    """A new audit record (its id is made here: the Idempotency-Key of its sending)."""
    return ClientEvent(
        id=str(uuid.uuid4()),
        action=action,
        actor=actor,
        at=at,
        target=target,
        result=result,
        detail=dict(detail or {}),
    )


@writes
def add_client_event(
    store: LocalStore, event: ClientEvent, *, body: dict[str, Any], message: str = ""
) -> LocalWrite:
    """An audit record made on the desk: a journal line and a ``POST /audit/client-events``
    outbox row in one transaction (e.g. ``id.unmask``, ``outbox.void``, ``outbox.resend``).

    Args:
        event: the record (its id is the Idempotency-Key).
        body: what to send (``remote.wire.client_events_to_wire(event)``), kept as is.
        message: the journal line (default: action, target, actor and result).

    Joins the caller's transaction when there is one.
    """
    with store.db.transaction():
        store.journal(
            "audit",
            message or f"{event.action} {event.target} by {event.actor}: {event.result}",
        )
        outbox_id = store.enqueue(
            kind=KIND_CLIENT_EVENT,
            method="POST",
            path=CLIENT_EVENTS_PATH,
            idempotency_key=event.id,
            body=body,
        )
    return LocalWrite(event.id, body, outbox_id)


def audit(
    store: LocalStore,
    audit_body: AuditBody,
    action: str,
    *,
    actor: str,
    at: datetime,
    target: str = "",
    detail: AuditDetail | None = None,
    message: str = "",
) -> LocalWrite:
    """Audit what a store function does, in its transaction: a new :class:`ClientEvent`,
    its body made by ``audit_body``, through :func:`add_client_event`."""
    event = client_event(action, actor=actor, at=at, target=target, detail=detail)
    return add_client_event(store, event, body=audit_body(event), message=message)


@writes
def add_rating(store: LocalStore, rating: Rating, *, body: dict[str, Any]) -> LocalWrite:
    """Record the applicant's 好差评 locally and queue ``POST /cases/{no}/rating``.

    Args:
        rating: the rating (its id is the Idempotency-Key).
        body: what to send (``remote.wire.rating_to_wire(rating)``), kept as is.

    Raises:
        KeyError: no such case here; nothing written.
    """
    with store.db.transaction() as conn:
        case = _case_row(store, rating.case_no)
        conn.execute(
            "INSERT INTO ratings (id, case_id, score, comment, rated_at, clerk)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                rating.id,
                case["id"],
                rating.score,
                rating.comment,
                rating.rated_at.isoformat(),
                rating.clerk,
            ),
        )
        outbox_id = store.enqueue(
            kind=KIND_RATING,
            method="POST",
            path=f"/api/v1/cases/{quote(rating.case_no, safe='')}/rating",
            idempotency_key=rating.id,
            body=body,
            case_id=case["id"],
        )
    return LocalWrite(rating.id, body, outbox_id)


@writes
def apply_server_case(store: LocalStore, case: Case) -> str:
    """Bring a case from ``GET /changes`` into the local store; returns what happened.

    ``created``: the case was not here (taken in on another machine of this window) and is
    stored as synced, with nothing to send. ``updated``: its status and events are taken
    from the service. ``kept``: the desk still has rows of this case to send, so its own
    status is ahead of the service's and stays. Events are added by id, never twice.
    """
    with store.db.transaction() as conn:
        row = conn.execute("SELECT id FROM cases WHERE id = ?", (case.id,)).fetchone()
        if row is None:
            store.create_case(case)
            return "created"
        pending = conn.execute(
            "SELECT 1 FROM outbox WHERE case_id = ? AND state = 'pending' LIMIT 1", (case.id,)
        ).fetchone()
        if pending is not None:
            return "kept"
        take_center_version(conn, case, stamp(store.clock.now()))
    return "updated"


def take_center_version(conn: Any, case: Case, now: str) -> None:
    """The local case takes the service's status and events (joins ``conn``'s transaction)."""
    conn.execute(
        "UPDATE cases SET status = ?, server_state = 'synced', updated_at = ? WHERE id = ?",
        (case.status.value, now, case.id),
    )
    if case.forwarded_to is not None:  # 上报: the center above's progress (issue 20)
        conn.execute(
            "UPDATE cases SET payload_json = json_set(payload_json, '$.forwarded_to', json(?))"
            " WHERE id = ?",
            (canonical_json(case_rows.forwarded_json(case.forwarded_to)), case.id),
        )
    if case.joint_case_no and case.due_date is not None:
        # A part of a later stage gets its due date at the center when its stage opens.
        conn.execute(
            "UPDATE cases SET due_date = ?, due_provisional = ? WHERE id = ? AND due_date IS NULL",
            (case.due_date.isoformat(), int(case.due_date_provisional), case.id),
        )
    conn.executemany(
        case_rows.INSERT_NEW_EVENT, [case_rows.event_row(e, case.id) for e in case.events]
    )
    if case.joint_case_no:  # the joint case taken in here ends with its last part
        joint_store.settle_status(conn, case.joint_case_no, now)
