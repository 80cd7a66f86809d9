"""Idempotent writes: the ``Idempotency-Key`` contract of API.md.

The key row is inserted in the same transaction as the record it guards, under a unique
constraint, so a crashed worker leaves nothing behind: either the record and its stored
answer are committed together, or neither is.

A key is scoped to its route and its caller (migration 0009): the same key sent by another
caller, or to another route, is another write. A desk's caller is its window (its device
token and its clerks' sign-ins send the same outbox); anyone else's is their actor name. A
replay is checked like a first write (``guard``): a caller that could not make the write
now does not get its stored answer either.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, cast

from fastapi import Depends, Header, Response
from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from records_service.catalog_store import canonical_json
from records_service.db import Database
from records_service.deps import Principal
from records_service.models import IdempotencyKey
from records_service.problems import ProblemError, invalid_field

JSON_MEDIA_TYPE = "application/json"
_KEYS = cast(Table, IdempotencyKey.__table__)
# Built once: the marker's INSERT, and its UPDATE with the stored answer.
_INSERT_KEY = insert(_KEYS).returning(_KEYS.c.id)
_FINISH_KEY = update(_KEYS).where(_KEYS.c.id == bindparam("marker"))

#: What an applied write returns: the status code, the JSON text, extra headers.
Applied = tuple[int, str, dict[str, str]]


def request_hash(raw: bytes) -> str:
    """SHA-256 of the canonical JSON of the body: key order and spacing do not count."""
    return value_hash(json.loads(raw))


def value_hash(value: object) -> str:
    """:func:`request_hash` of a body already parsed (``value``: its JSON value)."""
    return hashlib.sha256(canonical_json(value)).hexdigest()


#: ``keyed_write``'s ``parsed`` when the caller has not parsed the body.
_NOT_PARSED = object()


#: The required ``Idempotency-Key`` header, as a route's own parameter (no dependency to
#: solve: what ``POST /cases`` takes; the others take :data:`IdempotencyKeyDep`).
IdempotencyKeyHeader = Annotated[
    str,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=64,
        description="The client's key for this write (for a record it creates: the "
        "record's id). Missing: 400 ``…/idempotency-key-required``; the same key with "
        "another body: 422 ``…/idempotency-mismatch``; while the first is still being "
        "applied: 409 ``…/in-flight``.",
    ),
]


async def _idempotency_key(  # a coroutine: no thread hop for a header
    idempotency_key: IdempotencyKeyHeader,
) -> str:
    """The ``Idempotency-Key`` header, required: without it the validation handler answers
    400 ``idempotency-key-required`` (see ``problems.MISSING_HEADER_PROBLEMS``)."""
    return idempotency_key


#: The required ``Idempotency-Key`` header of a write a client may retry.
IdempotencyKeyDep = Annotated[str, Depends(_idempotency_key)]

#: The answer headers of an idempotent write, for its OpenAPI.
REPLAY_HEADERS = {
    "Idempotency-Replayed": {
        "description": "``true`` when this is the stored answer to an earlier request with "
        "the same key and body",
        "schema": {"type": "string", "enum": ["true"]},
    }
}


def require_key_is_id(key: str, record_id: uuid.UUID) -> None:
    """The Idempotency-Key must be the id of the record the request creates (else 422)."""
    try:
        matches = uuid.UUID(key) == record_id
    except ValueError:
        matches = False
    if not matches:
        raise invalid_field("id", "must equal the Idempotency-Key header")


def _replay(row: IdempotencyKey) -> Response:
    return Response(
        content=(row.response_body or "").encode("utf-8"),
        status_code=row.status_code or 200,
        media_type=JSON_MEDIA_TYPE,
        headers={"Idempotency-Replayed": "true"},
    )


def _in_flight() -> ProblemError:
    return ProblemError(
        409,
        "in-flight",
        "The first request with this Idempotency-Key is still being applied; retry later.",
        title="Request in flight",
        headers={"Retry-After": "1"},
    )


def answer_existing(row: IdempotencyKey, digest: str) -> Response:
    """What a repeated key gets: the stored answer, a mismatch, or "still in flight"."""
    if row.request_hash != digest:
        raise ProblemError(
            422,
            "idempotency-mismatch",
            "This Idempotency-Key was used before with a different request body.",
            title="Idempotency key reused",
        )
    if row.state == "done" and row.response_body is not None:
        return _replay(row)
    raise _in_flight()


def _lookup(session: Session, key: str, route: str, caller: str) -> IdempotencyKey | None:
    return session.scalars(
        select(IdempotencyKey).where(
            IdempotencyKey.key == key,
            IdempotencyKey.route == route,
            IdempotencyKey.principal == caller,
        )
    ).first()


def caller_scope(principal: Principal) -> str:
    """Whose keys a write's key is among: a desk's window, else the caller's actor name."""
    window_bound = principal.kind == "device" or principal.has_role("clerk", "cashier")
    if window_bound and principal.window_code:
        return f"window:{principal.window_code}"
    return principal.actor[:64]


def run_idempotent(
    db: Database,
    *,
    key: str,
    route: str,
    digest: str,
    caller: str,
    now: datetime,
    apply: Callable[[Session], Applied],
    guard: Callable[[Session], object] | None = None,
    finish: Callable[[Session], object] | None = None,
) -> Response:
    """Apply ``apply`` once for ``key`` of ``caller`` on ``route``; repeat the stored
    answer afterwards.

    ``guard`` runs first, for a first write and a replay alike (a caller's window and
    reach); ``apply`` runs inside the write transaction. Either may raise
    :class:`ProblemError` (nothing is then stored: a corrected retry with the same key is
    applied normally). ``finish`` runs last, after the stored answer is written, right
    before the commit: the place for the audit record (SQLite chains it there; PostgreSQL
    chains it after the commit, ``audit_chain``, so no lock is held for it).
    """
    with db.write_sessions() as session:
        if guard is not None:
            guard(session)
        # The marker goes in first, without a look beforehand: a new key (the usual case)
        # costs one statement; a key that is there already fails on the unique constraint.
        # Core statements, not the unit of work: the row is written and updated once each.
        try:
            marker_id = session.execute(
                _INSERT_KEY,
                {
                    "key": key,
                    "route": route,
                    "request_hash": digest,
                    "state": "in_flight",
                    "principal": caller,
                    "created_at": now,
                },
            ).scalar_one()
        except IntegrityError:
            # The key is taken (a retry, another body, or a request still in flight).
            session.rollback()
            concurrent = _lookup(session, key, route, caller)
            if concurrent is not None:
                return answer_existing(concurrent, digest)
            raise _in_flight() from None
        status, content, headers = apply(session)
        session.flush()  # what ``apply`` left pending goes in before the stored answer
        session.execute(
            _FINISH_KEY,
            {"marker": marker_id, "state": "done", "status_code": status, "response_body": content},
        )
        if finish is not None:
            finish(session)  # after the stored answer: the audit chain's lock is held briefly
        session.commit()
    return Response(
        content=content.encode("utf-8"),
        status_code=status,
        media_type=JSON_MEDIA_TYPE,
        headers=headers,
    )


@dataclass(frozen=True)
class KeyedWrite:
    """A write whose ``Idempotency-Key`` is the id of the record it creates, checked;
    :meth:`run` applies it once (see :func:`keyed_write`)."""

    db: Database
    key: str
    digest: str
    caller: str
    now: datetime

    def run(
        self,
        route: str,
        apply: Callable[[Session], Applied],
        guard: Callable[[Session], object] | None = None,
        finish: Callable[[Session], object] | None = None,
    ) -> Response:
        return run_idempotent(
            self.db,
            key=self.key,
            route=route,
            digest=self.digest,
            caller=self.caller,
            now=self.now,
            apply=apply,
            guard=guard,
            finish=finish,
        )


def keyed_write(
    db: Database,
    *,
    key: str,
    record_id: uuid.UUID | None,
    raw: bytes = b"",
    principal: Principal,
    now: datetime,
    allowed: bool = True,
    refusal: str = "",
    parsed: object = _NOT_PARSED,
) -> KeyedWrite:
    """The checks every idempotent write starts with, in the order API.md gives them
    (the 400 for a missing key comes first, from :data:`IdempotencyKeyDep`): 403 ``refusal``
    unless ``allowed``, then 422 unless the key is ``record_id`` (the id of the record the
    write creates; None for a write whose key is the client's own, e.g. a batch).

    ``parsed``: the body's JSON value when the caller has it (``await request.json()``:
    the value FastAPI parsed, kept by Starlette), hashed instead of parsing ``raw`` again."""
    if not allowed:
        raise ProblemError(403, "forbidden", refusal)
    if record_id is not None:
        require_key_is_id(key, record_id)
        key = str(record_id)
    digest = request_hash(raw) if parsed is _NOT_PARSED else value_hash(parsed)
    return KeyedWrite(db, key, digest, caller_scope(principal), now)
