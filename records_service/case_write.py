"""The write of ``POST /cases``: a case and its first event, exactly once per key.

The route's one transaction, in this order (the write path of issue 20, measured in
``bench/bench_service.py``):

1. the business checks (:func:`case_errors`), before any statement: for a clerk's token
   and a catalog version seen before they need none, so SQLite's writer lock is not held
   while an ID number is checked. A refused body whose key was applied before gets the
   stored answer (the checks may have changed since; a replay never does them again);
2. the ``Idempotency-Key`` row, inserted with its stored answer already (everything the
   answer says is known before the write): a key that is there already fails on its
   unique constraint and gets that answer (``idempotency.answer_existing``);
3. the case and its first event, two Core INSERTs built once (no unit of work); a taken
   case number (or id) rolls everything back and answers 409 ``conflict``, audited;
4. the audit record, then the commit. On PostgreSQL the key, the case, its event and its
   audit record are one statement (the record is chained after commit, ``audit_chain``),
   run in autocommit: the statement is its own transaction, one round trip; on SQLite
   they are four INSERTs (the record is chained here, ``audit.record``).

The writes of one process take turns (:func:`write_turn`), and a turn writes on a
connection kept from the turn before while creations wait for one (:class:`Turn`): under
load no pool checkout, no pre-ping, no reset per creation. A connection the database
dropped meanwhile fails the write, which is tried once more on a new one (the key makes
that safe: a write that was committed after all answers its stored answer).

A first event of type ``forward`` (上报 at intake) takes the ORM path instead
(:func:`_forwarded`): ``forwards.plan`` and ``forwards.make_case`` work on the case
object, and the answer names the case above, known only after it is made.

The change feed's place of the event (``case_events.pos``) is not written here: SQLite's
trigger sets it, PostgreSQL's writers leave it NULL with their ``xid`` (column default)
for ``feed.place_events``.
"""

from __future__ import annotations

import asyncio
import contextlib
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any, NoReturn, cast

from fastapi import Response
from sqlalchemy import Connection, Table, bindparam, event, insert, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from records_service import audit, catalog_store, commitment, forwards, rules
from records_service.case_views import case_public, clerk_error, iso, party_errors
from records_service.db import Database
from records_service.deps import Principal
from records_service.idempotency import (
    _FINISH_KEY,
    _INSERT_KEY,
    JSON_MEDIA_TYPE,
    KeyedWrite,
    _in_flight,
    _lookup,
    answer_existing,
)
from records_service.models import AuditRecord, Case, CaseEvent, IdempotencyKey
from records_service.prepared import Prepared, integrity_errors
from records_service.problems import ProblemError, invalid_fields
from records_service.schemas import CaseAnswer, CaseCreate, public_json

ROUTE = "POST /cases"
_CASES = cast(Table, Case.__table__)
_EVENTS = cast(Table, CaseEvent.__table__)
_KEYS = cast(Table, IdempotencyKey.__table__)
_AUDIT = cast(Table, AuditRecord.__table__)
_KEY_COLUMNS = (
    "key",
    "route",
    "request_hash",
    "state",
    "principal",
    "created_at",
    "status_code",
    "response_body",
)
_CASE_COLUMNS = tuple(c.name for c in _CASES.c if c.name not in ("xid",))
_EVENT_COLUMNS = (
    "id",
    "case_id",
    "center_code",
    "type",
    "at",
    "actor",
    "window_code",
    "note",
    "data",
    "device_id",
    "recorded_at",
)


def _values(table: Table, columns: tuple[str, ...], prefix: str) -> dict[str, Any]:
    return {name: bindparam(prefix + name, type_=table.c[name].type) for name in columns}


def _one_statement() -> Any:
    """PostgreSQL: the key row, the case, its first event and its audit record in one
    statement (three data-modifying CTEs and the event's INSERT: one round trip, one
    plan). Each part runs to completion whether or not anything reads it; any unique
    violation fails them all."""
    key = insert(_KEYS).values(_values(_KEYS, _KEY_COLUMNS, "k_")).cte("new_key")
    record = insert(_AUDIT).values(_values(_AUDIT, audit.UNCHAINED, "a_")).cte("new_audit")
    case = (
        insert(_CASES)
        .values(_values(_CASES, _CASE_COLUMNS, "c_"))
        .returning(_CASES.c.id)
        .cte("new_case")
    )
    # The event is made from the case's row, so the case goes in first and its triggers
    # (month partitions: ``case_keys``, which the event's foreign key names) fire first.
    values = _values(_EVENTS, _EVENT_COLUMNS, "e_")
    values["case_id"] = case.c.id
    rows = select(*(values[name] for name in _EVENT_COLUMNS)).select_from(case)
    return insert(_EVENTS).from_select(list(_EVENT_COLUMNS), rows).add_cte(key, record)


# Built once: the statements of every creation, run on the driver's cursor (``prepared``).
_INSERT_ALL = Prepared(_one_statement())
_INSERT_ANSWERED_KEY = Prepared(insert(_KEYS), _KEY_COLUMNS)
_INSERT_CASE = Prepared(insert(_CASES), _CASE_COLUMNS)
_INSERT_EVENT = Prepared(insert(_EVENTS), _EVENT_COLUMNS)


#: How many creations one process writes at once (the rest wait their turn in the event
#: loop, holding no thread). SQLite: one — its writers take turns anyway (``BEGIN
#: IMMEDIATE`` behind db.py's writer lock), and more threads waiting on that lock only
#: fight over the GIL (measured: 1.8 → 1.3 ms of CPU per creation with 8 clients).
#: PostgreSQL: two, so one write waiting on a row lock (a key in flight) does not hold up
#: the others. Four kept an in-process driver busier (8 clients: 1.23–1.40 against
#: 1.45–1.50 ms per creation) but over HTTP used more CPU per creation (1.60/2.20 against
#: 1.45–1.60/1.65–1.87 ms with 1/2 processes, bench_service back to back): the threads fight
#: the event loop for the GIL.
WRITE_TURNS = {"sqlite": 1, "postgresql": 2}


class _Turns:
    """One database's write turns in one event loop, and the connections kept between
    them."""

    def __init__(self, db: Database, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.free = asyncio.Semaphore(WRITE_TURNS.get(db.engine.dialect.name, 2))
        self.waiting = 0
        self.kept: list[Connection] = []
        event.listen(db.engine, "engine_disposed", self._close_kept)

    def _close_kept(self, _engine: Any) -> None:
        kept, self.kept = self.kept, []
        for conn in kept:
            with contextlib.suppress(Exception):
                conn.invalidate()  # closed for real: the pool it came from was dropped
                conn.close()


class Turn:
    """A creation's turn to write, with the connection it writes on (:meth:`connection`):
    the one the turn before kept, else one checked out of the pool when first needed."""

    def __init__(self, db: Database, conn: Connection | None) -> None:
        self.db = db
        self.conn = conn

    def connection(self, one_statement: bool = True) -> Connection:
        """The turn's connection. On PostgreSQL a creation that is one statement runs in
        the driver's autocommit: the statement is its own transaction, so no BEGIN and
        COMMIT round trips; one of several statements (上报 at intake) in a transaction."""
        if self.conn is None:
            self.conn = self.db.write_engine.connect()
        conn = self.conn
        if conn.dialect.name == "postgresql":
            autocommit = conn.get_execution_options().get("isolation_level") == "AUTOCOMMIT"
            if autocommit != one_statement:
                level = "AUTOCOMMIT" if one_statement else conn.default_isolation_level
                conn.execution_options(isolation_level=level)
        return conn

    def drop(self) -> None:
        """Give the connection back (after the database dropped it: SQLAlchemy has
        invalidated it, so the pool opens a new one)."""
        conn, self.conn = self.conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()


_turns: weakref.WeakKeyDictionary[Database, _Turns] = weakref.WeakKeyDictionary()


@asynccontextmanager
async def write_turn(db: Database) -> AsyncIterator[Turn]:
    """A creation's turn to write (see :data:`WRITE_TURNS`; waited for in the event loop).
    At its end the connection is kept for the next turn when creations are waiting, and
    given back to the pool when none is."""
    loop = asyncio.get_running_loop()
    turns = _turns.get(db)
    if turns is None or turns.loop is not loop:
        turns = _turns[db] = _Turns(db, loop)
    turns.waiting += 1
    try:
        await turns.free.acquire()
    finally:
        turns.waiting -= 1
    turn = Turn(db, turns.kept.pop() if turns.kept else None)
    try:
        yield turn
    finally:
        if turn.conn is not None:
            if turns.waiting and not turn.conn.in_transaction() and not turn.conn.invalidated:
                turns.kept.append(turn.conn)
            else:
                turn.drop()
        turns.free.release()


def case_errors(session: Session, body: CaseCreate, principal: Principal) -> list[dict[str, str]]:
    """The business checks of a new case: every bad field (empty: none)."""
    errors: list[dict[str, str]] = []
    bad_case_no = rules.case_no_problem(body.case_no, body.window_code, principal.center_code)
    if bad_case_no:
        errors.append({"field": "case_no", "message": bad_case_no})
    bad_clerk = clerk_error(session, principal, body.clerk, body.window_code, "clerk")
    if bad_clerk:
        errors.append(bad_clerk)
    catalog = catalog_store.published(session, body.catalog_version)
    catalog = catalog or catalog_store.latest_published(session)
    if catalog is None or body.item_code not in catalog.item_codes:
        errors.append({"field": "item_code", "message": "unknown catalog item"})
    errors.extend(commitment.case_errors(body, catalog))
    if not rules.is_event_type(body.first_event.type):
        errors.append({"field": "first_event.type", "message": "unknown event type"})
    errors.extend(party_errors("applicant", body.applicant))
    if body.agent is not None:
        errors.extend(party_errors("agent", body.agent))
    return errors


def _rows(
    body: CaseCreate, principal: Principal, center: str | None, now: datetime
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The case's and its first event's column values."""
    data = body.model_dump(mode="json", exclude_none=True)
    first = body.first_event
    case = {
        "id": str(body.id),
        "case_no": body.case_no,
        "seq": rules.case_seq(body.case_no),
        "query_code": body.query_code,
        "item_code": body.item_code,
        "window_code": body.window_code,
        "center_code": center,
        "catalog_version": body.catalog_version,
        "applicant": data["applicant"],
        "agent": data.get("agent"),
        "materials": data["materials"],
        "disposition": body.disposition,
        "status": rules.initial_status(body.disposition),
        "received_at": body.received_at,
        "due_date": body.due_date,
        "due_date_provisional": body.due_date_provisional,
        "completed_at": None,
        "fee_fen": body.fee_fen,
        "clerk": body.clerk,
        "created_by": principal.actor,
        "device_id": principal.device_id,
        "created_at": now,
        "updated_at": now,
        "joint_case_no": None,
        "stage": None,
        "department_code": None,
        "forwarded_from": None,
    }
    event = {
        "id": str(first.id),
        "case_id": case["id"],
        "center_code": center,
        "type": first.type,
        "at": first.at,
        "actor": body.clerk,
        "window_code": body.window_code,
        "note": first.note,
        "data": first.data,
        "device_id": principal.device_id,
        "recorded_at": now,
    }
    return case, event


def _answer(case: dict[str, Any], event: dict[str, Any]) -> str:
    """The stored answer of a new case that went nowhere (``case_views.case_public`` of
    the same rows: no joint part, nothing forwarded)."""
    public = {
        "id": case["id"],
        "case_no": case["case_no"],
        "query_code": case["query_code"],
        "item_code": case["item_code"],
        "window_code": case["window_code"],
        "catalog_version": case["catalog_version"],
        "applicant": case["applicant"],
        "agent": case["agent"],
        "materials": case["materials"],
        "disposition": case["disposition"],
        "status": case["status"],
        "received_at": iso(case["received_at"]),
        "due_date": case["due_date"].isoformat() if case["due_date"] else None,
        "due_date_provisional": case["due_date_provisional"],
        "completed_at": None,
        "fee_fen": case["fee_fen"],
        "clerk": case["clerk"],
        "device_id": case["device_id"],
        "updated_at": iso(case["updated_at"]),
        "joint_case_no": None,
        "stage": None,
        "department_code": None,
        "events": [
            {
                "id": event["id"],
                "type": event["type"],
                "at": iso(event["at"]),
                "actor": event["actor"],
                "window_code": event["window_code"],
                "note": event["note"],
                "data": event["data"],
            }
        ],
        "forwarded_from": None,
        "forwarded_to": None,
    }
    return public_json(CaseAnswer, {"case": public})


def create(
    db: Database,
    turn: Turn,
    write: KeyedWrite,
    body: CaseCreate,
    principal: Principal,
    *,
    client_ip: str | None,
    location: str,
) -> Response:
    """Apply a checked ``POST /cases`` once (see the module doc) in ``turn``; the answer
    to send. Tried once more on a new connection when the database dropped the turn's."""
    one = body.first_event.type != "forward"
    try:
        return _create(db, turn.connection(one), write, body, principal, client_ip, location)
    except DBAPIError as exc:
        if not exc.connection_invalidated:
            raise
    turn.drop()
    return _create(db, turn.connection(one), write, body, principal, client_ip, location)


def _create(
    db: Database,
    conn: Connection,
    write: KeyedWrite,
    body: CaseCreate,
    principal: Principal,
    client_ip: str | None,
    location: str,
) -> Response:
    now = write.now
    # The session works on the turn's connection: it begins (``BEGIN IMMEDIATE`` on
    # SQLite) at its first statement and commits or rolls back that connection's
    # transaction; closing it leaves the connection open.
    with db.write_sessions(bind=conn) as session:
        errors = case_errors(session, body, principal)
        if errors:
            applied = _lookup(session, write.key, ROUTE, write.caller)
            if applied is not None:
                return answer_existing(applied, write.digest)
            raise invalid_fields(errors)
        center = principal.window_center
        case, event = _rows(body, principal, center, now)
        if body.first_event.type == "forward":
            return _forwarded(session, write, body, principal, case, client_ip, location)
        content = _answer(case, event)
        key_row = {
            "key": write.key,
            "route": ROUTE,
            "request_hash": write.digest,
            "state": "done",
            "principal": write.caller,
            "created_at": now,
            "status_code": 201,
            "response_body": content,
        }
        conn = session.connection()
        taken = integrity_errors(conn)
        if conn.dialect.name == "postgresql":
            params = {f"k_{k}": v for k, v in key_row.items()}
            params.update((f"c_{k}", v) for k, v in case.items())
            params.update((f"e_{k}", v) for k, v in event.items() if k != "case_id")
            record = audit.unchained(session, **_audit_fields(body, principal, now, client_ip))
            params.update((f"a_{k}", v) for k, v in record.items())
            try:
                _INSERT_ALL.execute(conn, params)
            except taken:
                # The key's row, or the case's number, id or first event's id, is taken.
                existing = _key_taken(session, write)
                if existing is not None:
                    return existing
                _refuse_taken(session, body, principal, now, client_ip)
        else:
            try:
                _INSERT_ANSWERED_KEY.execute(conn, key_row)
            except taken:
                return _existing(session, write)
            try:
                _INSERT_CASE.execute(conn, case)
                _INSERT_EVENT.execute(conn, event)
            except taken:
                _refuse_taken(session, body, principal, now, client_ip)
            _audited(session, body, principal, now, client_ip)
        session.commit()
    return _created(content, location)


def _created(content: str, location: str) -> Response:
    """The 201 answer of a new case (``content``: the stored answer's JSON)."""
    return Response(
        content=content.encode("utf-8"),
        status_code=201,
        media_type=JSON_MEDIA_TYPE,
        headers={"Location": location},
    )


def _existing(session: Session, write: KeyedWrite) -> Response:
    """The key is there already (a retry, another body, or a request still in flight)."""
    answer = _key_taken(session, write)
    if answer is None:
        raise _in_flight()
    return answer


def _key_taken(session: Session, write: KeyedWrite) -> Response | None:
    """After a unique violation (rolled back here): the answer for the key's row, or None
    when it is not there (committed)."""
    session.rollback()
    existing = _lookup(session, write.key, ROUTE, write.caller)
    return answer_existing(existing, write.digest) if existing is not None else None


def _refuse_taken(
    session: Session,
    body: CaseCreate,
    principal: Principal,
    now: datetime,
    client_ip: str | None,
) -> NoReturn:
    """409 ``conflict``: the case number (or the id, or its first event's) is taken. The
    write is rolled back and the refusal audited in a transaction of its own, on the same
    connection (no request holds two)."""
    session.rollback()
    audit.record(
        session,
        at=now,
        action="case.create",
        result="conflict",
        actor=principal.actor,
        device_id=principal.device_id,
        target=body.case_no,
        client_ip=client_ip,
    )
    session.commit()
    raise ProblemError(
        409,
        "conflict",
        f"Case number {body.case_no} (or its first event) is already recorded.",
        title="Case number taken",
    )


def _audit_fields(
    body: CaseCreate, principal: Principal, now: datetime, ip: str | None
) -> dict[str, Any]:
    """The audit record of a new case (``audit.record``'s arguments)."""
    return {
        "at": now,
        "action": "case.create",
        "result": "ok",
        "actor": principal.actor,
        "device_id": principal.device_id,
        "target": body.case_no,
        "client_ip": ip,
        "detail": {"clerk": body.clerk, "case_id": str(body.id)},
    }


def _audited(
    session: Session, body: CaseCreate, principal: Principal, now: datetime, ip: str | None
) -> None:
    audit.record(session, **_audit_fields(body, principal, now, ip))


def _forwarded(
    session: Session,
    write: KeyedWrite,
    body: CaseCreate,
    principal: Principal,
    values: dict[str, Any],
    client_ip: str | None,
    location: str,
) -> Response:
    """A case whose first event is a ``forward``: the unit of work's path (its plan and
    the case above work on the ORM objects), the key marked first, answered last."""
    now = write.now
    try:
        marker = session.execute(
            _INSERT_KEY,
            {
                "key": write.key,
                "route": ROUTE,
                "request_hash": write.digest,
                "state": "in_flight",
                "principal": write.caller,
                "created_at": now,
            },
        ).scalar_one()
    except IntegrityError:
        return _existing(session, write)
    first = body.first_event
    case = Case(**values)
    case.events = [
        CaseEvent(
            id=str(first.id),
            type=first.type,
            at=first.at,
            actor=body.clerk,
            window_code=body.window_code,
            center_code=values["center_code"],
            note=first.note,
            data=first.data,
            device_id=principal.device_id,
            recorded_at=now,
        )
    ]
    session.add(case)
    try:
        session.flush()
    except IntegrityError:
        _refuse_taken(session, body, principal, now, client_ip)
    event = case.events[0]
    forward = forwards.plan(session, case, event.type, event.data, where="first_event.data")
    if forward is not None:
        forwards.make_case(
            session, case, event, forward, actor=body.clerk, created_by=principal.actor, now=now
        )
    content = public_json(CaseAnswer, {"case": case_public(case)})
    session.flush()
    session.execute(
        _FINISH_KEY,
        {"marker": marker, "state": "done", "status_code": 201, "response_body": content},
    )
    _audited(session, body, principal, now, client_ip)
    session.commit()
    return _created(content, location)
