"""The hall's queue (排队叫号, issue 18): categories, tickets from the kiosk, calls at the
windows, the hall screen's calls and the applicant's public ticket query.

Who may do what is in ``reach.ROUTES``: a kiosk issues tickets; a window's clerk or desk
calls for its own window, and only its categories' tickets; the hall screen reads calls;
anyone holding a ticket reads it with its query code. Numbering and the order of the queue
are in :mod:`records_service.queue`, calling in :mod:`records_service.queue_calls`.
"""

from __future__ import annotations

import asyncio
import hmac
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.core import queue as core_queue
from records_service import queue, queue_calls, queue_windows, signin
from records_service.case_views import RawBodyDep
from records_service.db import Database
from records_service.deps import (
    ClockDep,
    CurrentPrincipal,
    DatabaseDep,
    Principal,
    SessionDep,
    client_ip,
)
from records_service.idempotency import REPLAY_HEADERS, IdempotencyKeyDep, keyed_write
from records_service.models import Appointment, QueueTicket, Window
from records_service.problems import ProblemError, invalid_field, problem_responses
from records_service.queue_schemas import (
    CallAnswer,
    CallList,
    CategoryList,
    NextCall,
    TicketCreate,
    TicketIssued,
    TicketStatus,
    WindowNow,
)
from records_service.queue_signal import CALLS, FALLBACK_EVERY
from records_service.routers import queue_steps
from records_service.routers.public import RateLimiter
from records_service.routers.queue_steps import WINDOW_403, TicketNo, own_window
from records_service.schemas import public_json

router = APIRouter(tags=["queue"])

#: The longest a long-poll waits (seconds).
MAX_WAIT = 30.0
#: How often a waiting ``GET /queue/calls`` looks again while committed calls wait for
#: their place (a transaction begun before theirs is still open).
PENDING_EVERY = 0.05


@router.get(
    "/queue/categories",
    operation_id="list_queue_categories",
    response_model=CategoryList,
    responses=problem_responses(401, 403),
)
def list_queue_categories(
    principal: CurrentPrincipal, session: SessionDep, clock: ClockDep
) -> CategoryList:
    """The center's active queue categories with today's waiting tickets of each; for a
    window's clerk or desk also ``window``: the ticket at that window now and its pause
    (a desk restarted during a visit goes on with it)."""
    now = clock()
    center = queue.center_of(session, principal.center_code)
    counts = queue.waiting_counts(session, center, queue.local_day(now))
    items = [
        queue.category_public(row, counts.get(row.code, 0))
        for row in queue.categories(session, center)
    ]
    window = _window_now(session, principal, center)
    return CategoryList.model_validate({"as_of": now, "items": items, "window": window})


def _window_now(session: Session, principal: Principal, center: str) -> WindowNow | None:
    """The caller's window as it stands, for its clerk or desk only (None for the rest)."""
    code = principal.window_code
    if code is None or not (principal.kind == "device" or principal.has_role("clerk")):
        return None
    ticket = queue_calls.current_at(session, center, code)
    pause = queue_windows.open_pause(session, code)
    return WindowNow.model_validate(
        {
            "window_code": code,
            "serving": queue.ticket_public(session, ticket) if ticket is not None else None,
            "paused": pause is not None,
            "pause_reason": pause.reason if pause is not None else None,
        }
    )


@router.post(
    "/queue/tickets",
    status_code=201,
    operation_id="issue_queue_ticket",
    response_model=TicketIssued,
    responses={
        201: {
            "description": "issued, or the stored answer to a repeated request",
            "headers": REPLAY_HEADERS,
        },
        **problem_responses(
            400,
            401,
            403,
            404,
            409,
            413,
            422,
            s404="no such active category, or no such appointment for it today",
            s409="``…/daily-limit``: the ID number took the category's tickets of the day; "
            "``…/offline-block-taken``: another kiosk prints from that offline block today; "
            "``…/numbers-used-up``; ``…/conflict``: the offline number was sent by another "
            "ticket, or the appointment has its ticket; ``…/in-flight``",
            s422="invalid fields: an offline number outside 800–999 or of another letter, a "
            "print time in the future; the Idempotency-Key is not ``id``",
        ),
    },
)
def issue_queue_ticket(
    body: TicketCreate,
    raw: RawBodyDep,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Issue a ticket at the kiosk (or record one it printed while cut off). The ID number,
    when read, only counts against the category's daily limit per person: it is hashed
    at once and never stored."""
    write = keyed_write(
        db, key=idempotency_key, record_id=body.id, raw=raw, principal=principal, now=clock()
    )
    now = write.now

    def apply(session: Session) -> tuple[int, str, dict[str, str]]:
        center = queue.center_of(session, principal.center_code)
        hashed = queue.id_hash(session, body.id_number) if body.id_number else None
        appointment = _appointment(session, center, body, str(body.id), now)
        ticket = queue.issue_ticket(
            session,
            center=center,
            category_code=body.category,
            ticket_id=str(body.id),
            now=now,
            kiosk=principal.actor,
            priority_class=body.priority_class,
            hashed_id=hashed,
            appointment_code=body.appointment_code,
            offline_number=body.offline_number,
            issued_at=body.issued_at,
            query_code=body.query_code,
        )
        if appointment is not None:
            appointment.status, appointment.ticket_id = "checked_in", ticket.id
        answer = {
            "ticket": queue.ticket_public(session, ticket),
            "people_ahead": queue.people_ahead(session, ticket, now),
            "query_code": ticket.query_code,
        }
        return 201, public_json(TicketIssued, answer), {}

    return write.run("POST /queue/tickets", apply)


def _appointment(
    session: Session, center: str, body: TicketCreate, ticket_id: str, now: datetime
) -> Appointment | None:
    """The appointment a ticket checks in: today's, of the ticket's category, not yet
    holding another ticket."""
    if body.appointment_code is None:
        return None
    found = session.get(Appointment, body.appointment_code)
    day = queue.local_day(body.issued_at or now)
    if (
        found is None
        or found.center_code != center
        or found.category_code != body.category
        or found.day != day
        or found.status == "cancelled"
    ):
        raise ProblemError(404, "not-found", f"No appointment {body.appointment_code} today.")
    if found.ticket_id not in (None, ticket_id):
        raise ProblemError(
            409, "conflict", f"Appointment {found.code} has its ticket already.", title="Used"
        )
    return found


@router.post(
    "/queue/next",
    operation_id="call_next_ticket",
    response_model=CallAnswer,
    responses=problem_responses(
        400,
        401,
        403,
        404,
        409,
        413,
        422,
        s403=WINDOW_403,
        s404="``…/none-waiting``: nobody waits for the window's categories; or no online "
        "ticket with the typed number today",
        s409="``…/still-serving`` (``current`` names the ticket still at the window), "
        "``…/window-paused``, ``…/no-categories``, ``…/not-served`` (the typed ticket's "
        "category is not the window's, or it was transferred to another window), "
        "``…/not-waiting``",
        s422="a mistyped number (``errors`` says why) or a letter no category has",
    ),
)
def call_next_ticket(
    body: NextCall,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
) -> CallAnswer:
    """Call the window's next ticket by the priority rule, or the ticket typed (a ticket
    printed while the kiosk was cut off is called by its number before it arrives).
    Atomic: two windows never get one ticket."""
    window = own_window(principal, body.window)
    now = clock()
    with db.write() as session:
        center = queue.center_of(session, principal.center_code)
        clerk = principal.actor
        if body.number is not None:
            ticket, call = queue_calls.call_number(session, center, window, clerk, body.number, now)
        else:
            ticket, call = queue_calls.call_next(session, center, window, clerk, now)
        answer = CallAnswer.model_validate(
            {"ticket": queue.ticket_public(session, ticket), "call": queue_calls.call_public(call)}
        )
    CALLS.notify()  # committed: the waiting hall screens answer now
    return answer


@router.get(
    "/queue/calls",
    operation_id="list_queue_calls",
    response_model=CallList,
    responses=problem_responses(
        401,
        403,
        422,
        s422="invalid parameters, or ``windows`` naming a window not of the caller's center",
    ),
)
async def list_queue_calls(
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    after: Annotated[
        int | None, Query(ge=0, le=2**62, description="the ``next`` of the last answer")
    ] = None,
    wait: Annotated[
        float, Query(ge=0, le=MAX_WAIT, description="seconds to wait for a call (long-poll)")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    windows: Annotated[
        str | None,
        Query(
            max_length=800,
            description="comma-separated window codes: only their calls (one hall's screen)",
        ),
    ] = None,
) -> CallList:
    """The hall screen's calls: those after the cursor ``after`` (without it, today's
    latest), waiting up to ``wait`` seconds for one to come; with ``windows``, only the
    calls to those windows (a center with several halls gives each hall's screen its own).

    Asynchronous: a waiting screen holds no worker thread, only the short reads run in the
    threadpool; a call made wakes it (:mod:`records_service.queue_signal`).

    The cursor is a call's place in commit order (``queue_calls.pos``), given only once
    every transaction that began before the call's has ended (``queue_calls.place_calls``):
    a call still being written holds back the calls after it, and is never passed. While
    committed calls wait for such a transaction, a waiting poll looks again every
    :data:`PENDING_EVERY` seconds."""
    only = sorted({w.strip() for w in windows.split(",") if w.strip()}) if windows else None
    if only is not None:
        await run_in_threadpool(_check_windows, db, principal, only)
    postgres = db.engine.dialect.name == "postgresql"

    def read() -> tuple[list[dict[str, Any]], int, bool]:
        if postgres:
            with db.write() as placing:  # committed before the calls are read
                queue_calls.place_calls(placing)
        with db.read() as session:
            center = queue.center_of(session, principal.center_code)
            calls = queue_calls.calls_after(session, center, after, limit, clock(), only)
            pending = postgres and not calls and queue_calls.unplaced(session, center)
            last = calls[-1].pos if calls else None
            return [queue_calls.call_public(c) for c in calls], last or 0, pending

    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    while True:
        with CALLS.listening() as waiter:  # before the read: no call slips between
            items, last, pending = await run_in_threadpool(read)
            left = deadline - loop.time()
            if items or left <= 0:
                break
            await waiter.wait(min(PENDING_EVERY if pending else FALLBACK_EVERY, left))
    cursor = last if items else (after or 0)
    return CallList.model_validate({"items": items, "next": cursor})


def _check_windows(db: Database, principal: Principal, codes: list[str]) -> None:
    """422 naming the ``windows`` that are not of the caller's center (or none at all)."""
    if not codes:
        raise invalid_field("windows", "name at least one window")
    with db.read() as session:
        center = queue.center_of(session, principal.center_code)
        known = set(
            session.scalars(
                select(Window.code).where(Window.code.in_(codes), Window.center_code == center)
            )
        )
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise invalid_field("windows", f"no such window here: {', '.join(unknown)}")


@router.get(
    "/queue/tickets/{no}",
    operation_id="get_queue_ticket",
    response_model=TicketStatus,
    responses=problem_responses(
        404,
        422,
        429,
        s404="no ticket today with this number and query code (an unknown number and a "
        "wrong code get the same answer)",
    ),
)
def get_queue_ticket(
    no: TicketNo,
    code: Annotated[str, Query(max_length=6, description="the query code printed on the ticket")],
    request: Request,
    session: SessionDep,
    clock: ClockDep,
) -> TicketStatus:
    """A ticket followed on a phone (the QR on the ticket): its status, the people ahead,
    the window that called it. Nothing personal; rate limited per address."""
    limiter: RateLimiter = request.app.state.progress_limiter
    now = clock()
    wait = limiter.check("queue:" + signin.address_key(client_ip(request)), now)
    if wait is not None:
        raise ProblemError(
            429,
            "rate-limited",
            "Too many ticket queries; wait a moment.",
            headers={"Retry-After": str(max(1, int(wait) + 1))},
        )
    missing = ProblemError(404, "not-found", "No ticket today with this number and code.")
    try:
        number = str(core_queue.parse_ticket(no))
    except core_queue.TicketNumberError:
        raise missing from None
    center = queue.center_of(session, None)
    ticket = session.scalars(
        select(QueueTicket).where(
            QueueTicket.center_code == center,
            QueueTicket.day == queue.local_day(now),
            QueueTicket.number == number,
        )
    ).first()
    if ticket is None or not hmac.compare_digest(ticket.query_code.encode(), code.encode()):
        raise missing
    public = queue.ticket_public(session, ticket)
    waiting = ticket.status == "waiting"
    return TicketStatus.model_validate(
        {
            "number": ticket.number,
            "category_name": public["category_name"],
            "status": ticket.status,
            "issued_at": public["issued_at"],
            "people_ahead": queue.people_ahead(session, ticket, now) if waiting else None,
            "window_code": ticket.window_code if not waiting else None,
            "called_at": public["called_at"],
            "transferred_to": queue_calls.transferred_to(session, ticket),
        }
    )


# The window's steps with its ticket (recall, no-show, transfer, finish).
router.include_router(queue_steps.router)
