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

The creations of one process are written in batches (``write_batches``: those that wait
while a batch is written are the next batch, in one thread hop), each batch on a connection
kept from the batch before until unused for 50 ms (:class:`~records_service.write_batches.Turn`):
under load no pool checkout, no pre-ping, no reset per creation. On SQLite a batch is one
transaction (group commit, :func:`write_batch`): each creation in a SAVEPOINT of its own,
so a refused one (a taken number, a replayed or mismatched key) rolls back alone and gets
its own answer while its neighbours are committed once; answers are sent after the commit.
On PostgreSQL a batch is one implicit transaction of one statement per creation, sent
together in psycopg's pipeline mode (one round trip, one commit, one WAL flush: the
checks of all its creations first, then the statements); a taken key or number rolls it
back and each of its creations is written alone, one statement in autocommit. A connection
the database dropped meanwhile fails the write, which is tried once more on a new one (the
key makes that safe: a write that was committed after all answers its stored answer).

A first event of type ``forward`` (上报 at intake) takes the ORM path instead
(:func:`_forwarded`): ``forwards.plan`` and ``forwards.make_case`` work on the case
object, and the answer names the case above, known only after it is made.

The change feed's place of the event (``case_events.pos``) is not written here: SQLite's
trigger sets it, PostgreSQL's writers leave it NULL with their ``xid`` (column default)
for ``feed.place_events``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NoReturn, cast

from fastapi import Response
from sqlalchemy import Connection, Table, bindparam, insert, null, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from records_service import audit, case_rows, catalog_store, commitment, forwards, rules
from records_service.case_views import case_public, clerk_error, party_errors
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
from records_service.prepared import Prepared, Savepoint, execute_together, integrity_errors
from records_service.problems import ProblemError, invalid_fields
from records_service.schemas import CaseAnswer, CaseCreate, public_json
from records_service.write_batches import Turn, written

log = logging.getLogger("records.cases")

ROUTE = case_rows.ROUTE
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
#: The case's columns a new case leaves NULL on the one-statement path (not completed, not
#: a joint case's part, not forwarded: ``case_rows.rows``): NULL in the statement's text,
#: so that it has at most 50 parameters, the most psycopg caches the conversion of (above
#: that it parses the statement's text again at every execution: ~80 us a creation).
_NULL_CASE_COLUMNS = ("completed_at", "joint_case_no", "stage", "department_code", "forwarded_from")
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
    case_values: dict[str, Any] = _values(_CASES, _CASE_COLUMNS, "c_")
    case_values.update((name, null()) for name in _NULL_CASE_COLUMNS)
    case = insert(_CASES).values(case_values).returning(_CASES.c.id).cte("new_case")
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


@dataclass(frozen=True)
class Creation:
    """One checked ``POST /cases`` to write (a job of :func:`write_batch`)."""

    write: KeyedWrite
    body: CaseCreate
    principal: Principal
    client_ip: str | None
    location: str


async def create(db: Database, creation: Creation) -> Response:
    """Apply a checked ``POST /cases`` once, in the next batch of the process's creations
    (``write_batches``); the answer to send."""
    answer: Response = await written(db, creation, write_batch)
    return answer


def write_batch(db: Database, turn: Turn, jobs: Sequence[Creation]) -> list[Any]:
    """Write a batch of creations in ``turn``: one result per job, its answer or its own
    exception (a refusal). Tried once more on a new connection when the database dropped
    the turn's (the keys make that safe: a write committed after all answers its stored
    answer).

    SQLite: one transaction, a SAVEPOINT per creation (a refused one rolls back alone),
    one commit. PostgreSQL: one implicit transaction of one statement per creation, in one
    round trip (:func:`_postgresql_batch`; a SAVEPOINT would cost two round trips a
    creation): a creation refused by its checks writes nothing and gets its answer, but a
    taken key or number (or any error) rolls the batch back and each creation is written
    alone, in its own statement in autocommit, as it would be without neighbours. A
    creation forwarded at intake (``forward``) is written alone, on the ORM path."""
    results: dict[int, Any] = {}
    together = [i for i, job in enumerate(jobs) if job.body.first_event.type != "forward"]
    grouped = [jobs[i] for i in together]
    if len(together) > 1 and turn.db.engine.dialect.name == "sqlite":
        try:
            batch = _retried(turn, lambda conn: _sqlite_batch(db, conn, grouped))
        except Exception as exc:  # the batch's transaction failed: every job's answer
            batch = [exc] * len(together)
        results.update(zip(together, batch, strict=True))
    elif len(together) > 1:
        try:
            batch = _retried(turn, lambda conn: _postgresql_batch(db, conn, grouped))
            results.update((i, r) for i, r in zip(together, batch, strict=True) if r is not _ALONE)
        except Exception as exc:  # rolled back: each is written alone below
            log.debug("a batch of %d creations is written one by one: %r", len(grouped), exc)
    for i, job in enumerate(jobs):
        if i not in results:
            try:
                one = job.body.first_event.type != "forward"
                results[i] = _retried(turn, lambda conn, job=job: _create(db, conn, job), one)
            except Exception as exc:
                results[i] = exc
    return [results[i] for i in range(len(jobs))]


def _retried(turn: Turn, write: Any, one: bool = True) -> Any:
    """``write(conn)`` on the turn's connection (``one``: see :meth:`Turn.connection`),
    once more on a new one when the database dropped it."""
    try:
        return write(turn.connection(one))
    except DBAPIError as exc:
        if not exc.connection_invalidated:
            raise
    turn.drop()
    return write(turn.connection(one))


def _sqlite_batch(db: Database, conn: Connection, jobs: Sequence[Creation]) -> list[Any]:
    """SQLite: ``jobs`` in one transaction, each in a SAVEPOINT of its own, one commit.
    A job's refusal (a ``ProblemError``) or unexpected error rolls back its savepoint only;
    a database error fails the batch (nothing is committed, every client retries)."""
    results: list[Any] = []
    with db.write_sessions(bind=conn) as session:
        for job in jobs:
            try:
                results.append(_in_savepoint(session, job))
            except DBAPIError:
                raise
            except Exception as exc:
                results.append(exc)
        session.commit()
    return results


#: A job of a PostgreSQL batch written alone after the batch (:func:`_postgresql_batch`).
_ALONE = object()


def _postgresql_batch(db: Database, conn: Connection, jobs: Sequence[Creation]) -> list[Any]:
    """PostgreSQL: ``jobs``' statements in one implicit transaction, one round trip, on
    ``conn`` in autocommit (see :func:`write_batch`). Every job's checks and its
    statement's values first (they may read, and a SELECT cannot run in psycopg's
    pipeline), then the statements together (``prepared.execute_together``): committed
    at once, or none of them. A job whose key an earlier job of the batch writes is left
    out (:data:`_ALONE`): written alone after the batch's commit, it gets the answer it
    got when it saw that key in the batch's transaction (checks no longer run after its
    neighbours' INSERTs)."""
    results: list[Any] = []
    statements: list[dict[str, Any]] = []
    keys: set[str] = set()
    with db.write_sessions(bind=conn) as session:
        for job in jobs:
            write, body, principal = job.write, job.body, job.principal
            if write.key in keys:
                results.append(_ALONE)
                continue
            try:
                replayed = _checked(session, job)
            except ProblemError as exc:  # refused by its checks: nothing written
                results.append(exc)
                continue
            if replayed is not None:
                results.append(replayed)
                continue
            case, event = case_rows.rows(body, principal, principal.window_center, write.now)
            content = case_rows.answer(case, event)
            statements.append(_statement_params(session, job, case, event, content))
            keys.add(write.key)
            results.append(_created(content, job.location))
        if statements:
            execute_together(session.connection(), _INSERT_ALL, statements)
        session.commit()
    return results


def _statement_params(
    session: Session, job: Creation, case: dict[str, Any], event: dict[str, Any], content: str
) -> dict[str, Any]:
    """PostgreSQL: the values of the one statement (:data:`_INSERT_ALL`)."""
    params = {f"k_{k}": v for k, v in case_rows.key_row(job.write, content).items()}
    for name in _NULL_CASE_COLUMNS:
        if case[name] is not None:  # pragma: no cover - a new case that is not new
            raise ValueError(f"a new case with {name}")
    params.update((f"c_{k}", v) for k, v in case.items() if k not in _NULL_CASE_COLUMNS)
    params.update((f"e_{k}", v) for k, v in event.items() if k != "case_id")
    fields = case_rows.audit_fields(job.body, job.principal, job.write.now, job.client_ip)
    record = audit.unchained(session, **fields)
    params.update((f"a_{k}", v) for k, v in record.items())
    return params


def _checked(session: Session, job: Creation) -> Response | None:
    """The creation's business checks: None when it passes them; a request that fails them
    gets the answer its key already has (a retry after the rules changed), else 422."""
    errors = case_errors(session, job.body, job.principal)
    if not errors:
        return None
    applied = _lookup(session, job.write.key, ROUTE, job.write.caller)
    if applied is not None:
        return answer_existing(applied, job.write.digest)
    raise invalid_fields(errors)


def _in_savepoint(session: Session, job: Creation) -> Response:
    write, body, principal = job.write, job.body, job.principal
    now = write.now
    replayed = _checked(session, job)
    if replayed is not None:
        return replayed
    case, event = case_rows.rows(body, principal, principal.window_center, now)
    content = case_rows.answer(case, event)
    conn = session.connection()
    taken = integrity_errors(conn)
    # On the driver's cursor like the INSERTs (the Session's savepoints cost ~0.2 ms each):
    # nothing of the unit of work is changed inside it.
    savepoint = Savepoint(conn)
    try:
        try:
            _INSERT_ANSWERED_KEY.execute(conn, case_rows.key_row(write, content))
        except taken:
            # The key is there already: committed before, or earlier in this batch.
            savepoint.rollback()
            return _existing(session, write, rollback=False)
        try:
            _INSERT_CASE.execute(conn, case)
            _INSERT_EVENT.execute(conn, event)
        except taken:
            savepoint.rollback()
            _refuse_taken(session, body, principal, now, job.client_ip, alone=False)
        # The audit record last: a savepoint rolled back never holds the chain's tail.
        _audited(session, body, principal, now, job.client_ip)
        savepoint.release()
    except BaseException:
        if savepoint.active:
            savepoint.rollback()
            audit.forget_tail(session)
        raise
    return _created(content, job.location)


def _create(db: Database, conn: Connection, job: Creation) -> Response:
    """One creation in a transaction of its own (see the module doc)."""
    write, body, principal, client_ip = job.write, job.body, job.principal, job.client_ip
    now = write.now
    # The session works on the turn's connection: it begins (``BEGIN IMMEDIATE`` on
    # SQLite) at its first statement and commits or rolls back that connection's
    # transaction; closing it leaves the connection open.
    with db.write_sessions(bind=conn) as session:
        replayed = _checked(session, job)
        if replayed is not None:
            return replayed
        case, event = case_rows.rows(body, principal, principal.window_center, now)
        if body.first_event.type == "forward":
            return _forwarded(session, write, body, principal, case, client_ip, job.location)
        content = case_rows.answer(case, event)
        key_row = case_rows.key_row(write, content)
        conn = session.connection()
        taken = integrity_errors(conn)
        if conn.dialect.name == "postgresql":
            params = _statement_params(session, job, case, event, content)
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
    return _created(content, job.location)


def _created(content: str, location: str) -> Response:
    """The 201 answer of a new case (``content``: the stored answer's JSON)."""
    return Response(
        content=content.encode("utf-8"),
        status_code=201,
        media_type=JSON_MEDIA_TYPE,
        headers={"Location": location},
    )


def _existing(session: Session, write: KeyedWrite, *, rollback: bool = True) -> Response:
    """The key is there already (a retry, another body, or a request still in flight);
    ``rollback``: roll the session's transaction back first (not in a batch: its savepoint
    is rolled back already)."""
    answer = _key_taken(session, write, rollback=rollback)
    if answer is None:
        raise _in_flight()
    return answer


def _key_taken(session: Session, write: KeyedWrite, *, rollback: bool = True) -> Response | None:
    """After a unique violation (rolled back here unless ``rollback`` is false): the answer
    for the key's row, or None when it is not there (committed)."""
    if rollback:
        session.rollback()
    existing = _lookup(session, write.key, ROUTE, write.caller)
    return answer_existing(existing, write.digest) if existing is not None else None


def _refuse_taken(
    session: Session,
    body: CaseCreate,
    principal: Principal,
    now: datetime,
    client_ip: str | None,
    *,
    alone: bool = True,
) -> NoReturn:
    """409 ``conflict``: the case number (or the id, or its first event's) is taken. The
    write is rolled back and the refusal audited in a transaction of its own, on the same
    connection (no request holds two); in a batch (not ``alone``) its savepoint is rolled
    back already and the refusal is audited in the batch's transaction."""
    if alone:
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
    if alone:
        session.commit()
    raise ProblemError(
        409,
        "conflict",
        f"Case number {body.case_no} (or its first event) is already recorded.",
        title="Case number taken",
    )


def _audited(
    session: Session, body: CaseCreate, principal: Principal, now: datetime, ip: str | None
) -> None:
    audit.record(session, **case_rows.audit_fields(body, principal, now, ip))


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
