"""A window's steps with the ticket at its counter (issue 18): ``POST /queue/tickets/{no}/
recall|no-show|transfer|finish``.

Each step is idempotent (API.md): the desk sends an ``Idempotency-Key`` per step and keeps
it until an answer comes, so a step whose answer was lost and is sent again is applied once
— a recall is not announced twice, a transfer makes one successor. The key's request is the
ticket's number with the body: the same key for another ticket or another body is 422
``…/idempotency-mismatch``. Keys are scoped to the window (``idempotency.caller_scope``).
Calling is in :mod:`records_service.queue_calls`; the routes are included by
:mod:`records_service.routers.queue`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Response
from sqlalchemy.orm import Session

from clerk_app.core import queue as core_queue
from records_service import queue, queue_calls
from records_service.case_views import RawBodyDep
from records_service.db import Database
from records_service.deps import ClockDep, CurrentPrincipal, DatabaseDep, Principal
from records_service.idempotency import REPLAY_HEADERS, Applied, IdempotencyKeyDep, keyed_write
from records_service.models import QueueTicket
from records_service.problems import ProblemError, problem_responses
from records_service.queue_schemas import (
    CallAnswer,
    FinishCreate,
    TicketAnswer,
    TransferAnswer,
    TransferCreate,
)
from records_service.queue_signal import CALLS
from records_service.schemas import public_json

router = APIRouter(tags=["queue"])

TicketNo = Annotated[
    str, Path(min_length=1, max_length=12, description="the ticket's number, e.g. ``A012``")
]

WINDOW_403 = "not a clerk or desk, or ``…/wrong-window``: a window other than the caller's"
_S400 = "the Idempotency-Key header is missing (``…/idempotency-key-required``)"
_S409 = (
    "``…/not-at-window``: the ticket is not at the caller's window now; ``…/in-flight``: "
    "the first request with this key is still being applied"
)
_S422 = (
    "a mistyped number; ``…/idempotency-mismatch``: the key was sent before for another "
    "ticket or body"
)
_OK = {"description": "done, or the stored answer to a repeated request", "headers": REPLAY_HEADERS}
_AT_WINDOW = problem_responses(
    400,
    401,
    403,
    404,
    409,
    413,
    422,
    s400=_S400,
    s403=WINDOW_403,
    s404="no ticket with this number today",
    s409=_S409,
    s422=_S422,
)


def own_window(principal: Principal, named: str | None = None) -> str:
    """The caller's window (403 ``wrong-window`` for another, or for none)."""
    window = principal.window_code
    if window is None or (named is not None and named != window):
        raise ProblemError(403, "wrong-window", "A window calls tickets for itself only.")
    return window


def _request_of(no: str, raw: bytes) -> bytes:
    """What the key stands for: the ticket (as printed, ``a12`` is ``A012``) and the body."""
    try:
        number = str(core_queue.parse_ticket(no))
    except core_queue.TicketNumberError:
        number = no
    try:
        body: Any = json.loads(raw) if raw.strip() else None
    except ValueError:
        body = raw.decode("utf-8", "replace")
    return json.dumps({"no": number, "body": body}, ensure_ascii=False).encode("utf-8")


def _step(
    action: str,
    no: str,
    raw: bytes,
    principal: Principal,
    db: Database,
    clock: ClockDep,
    key: str,
    act: Callable[[Session, QueueTicket, datetime], Applied],
) -> Response:
    """Run ``act`` on the caller's window's ticket ``no`` once for ``key``."""
    window = own_window(principal)
    write = keyed_write(
        db, key=key, record_id=None, raw=_request_of(no, raw), principal=principal, now=clock()
    )

    def apply(session: Session) -> Applied:
        center = queue.center_of(session, principal.center_code)
        ticket = queue_calls.at_window(session, center, window, no, write.now)
        return act(session, ticket, write.now)

    return write.run(f"POST /queue/tickets/{{no}}/{action}", apply)


def _ticket_answer(session: Session, ticket: QueueTicket) -> Applied:
    session.flush()
    return 200, public_json(TicketAnswer, {"ticket": queue.ticket_public(session, ticket)}), {}


@router.post(
    "/queue/tickets/{no}/recall",
    operation_id="recall_queue_ticket",
    response_model=CallAnswer,
    responses={200: _OK, **_AT_WINDOW},
)
def recall_queue_ticket(
    no: TicketNo,
    raw: RawBodyDep,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Call the window's ticket again (the hall screen says it again), once per key."""

    def act(session: Session, ticket: QueueTicket, now: datetime) -> Applied:
        if ticket.status != "called":
            raise ProblemError(
                409, "not-at-window", f"Ticket {ticket.number} is being served, not called."
            )
        call = queue_calls.recall(session, ticket, now)
        answer = {
            "ticket": queue.ticket_public(session, ticket),
            "call": queue_calls.call_public(call),
        }
        return 200, public_json(CallAnswer, answer), {}

    response = _step("recall", no, raw, principal, db, clock, idempotency_key, act)
    CALLS.notify()  # committed: the waiting hall screens answer now
    return response


@router.post(
    "/queue/tickets/{no}/no-show",
    operation_id="no_show_queue_ticket",
    response_model=TicketAnswer,
    responses={200: _OK, **_AT_WINDOW},
)
def no_show_queue_ticket(
    no: TicketNo,
    raw: RawBodyDep,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """The called applicant did not come (过号): the window may call the next."""

    def act(session: Session, ticket: QueueTicket, now: datetime) -> Applied:
        queue_calls.no_show(ticket, now)
        return _ticket_answer(session, ticket)

    return _step("no-show", no, raw, principal, db, clock, idempotency_key, act)


@router.post(
    "/queue/tickets/{no}/transfer",
    operation_id="transfer_queue_ticket",
    response_model=TransferAnswer,
    responses={
        200: _OK,
        **problem_responses(
            400,
            401,
            403,
            404,
            409,
            422,
            413,
            s400=_S400,
            s403=WINDOW_403,
            s404="no ticket with this number today, or no such category or window",
            s409="``…/not-at-window``; ``…/window-closed``: the window named is paused or "
            "serves no category; ``…/not-served``: it does not serve the category named; "
            "``…/in-flight``",
            s422="a mistyped number, or neither category nor window named; "
            "``…/idempotency-mismatch``",
        ),
    },
)
def transfer_queue_ticket(
    no: TicketNo,
    body: TransferCreate,
    raw: RawBodyDep,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Send the window's ticket on to another category or window, keeping its place (one
    successor per key)."""

    def act(session: Session, ticket: QueueTicket, now: datetime) -> Applied:
        successor = queue_calls.transfer(
            session, ticket, category_code=body.category, window_code=body.window, now=now
        )
        answer = {
            "ticket": queue.ticket_public(session, successor),
            "transferred": queue.ticket_public(session, ticket),
        }
        return 200, public_json(TransferAnswer, answer), {}

    return _step("transfer", no, raw, principal, db, clock, idempotency_key, act)


@router.post(
    "/queue/tickets/{no}/finish",
    operation_id="finish_queue_ticket",
    response_model=TicketAnswer,
    responses={200: _OK, **_AT_WINDOW},
)
def finish_queue_ticket(
    no: TicketNo,
    raw: RawBodyDep,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
    body: FinishCreate | None = None,
) -> Response:
    """The visit is over; ``case_nos`` are the cases served in it (the visit's rating
    covers them)."""

    def act(session: Session, ticket: QueueTicket, now: datetime) -> Applied:
        queue_calls.finish(ticket, body.case_nos if body else [], now)
        return _ticket_answer(session, ticket)

    return _step("finish", no, raw, principal, db, clock, idempotency_key, act)
