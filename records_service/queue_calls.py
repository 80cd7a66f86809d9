"""Calling at the windows and the hall screen's calls (issue 18; numbering and the order
of the queue are in :mod:`records_service.queue`).

A window calls (:func:`call_next`) the next waiting ticket of the categories it serves by
``clerk_app.core.queue.pick_next``, atomically: the window's row is locked (one current
ticket per window) and the ticket is taken by compare-and-set (``UPDATE … WHERE status =
'waiting'``), so two windows never get one ticket. A typed number (:func:`call_number`)
calls that ticket; an offline number the service has not seen yet is called all the same,
and the kiosk's copy joins that ticket when it arrives (``queue.issue_ticket``).

The hall screens read the calls in commit order by ``queue_calls.pos`` (migration 0024),
given after the writers' transactions ended (:func:`place_calls`, as
:mod:`records_service.feed` places the change feed): call writers take no lock of their
center's, so windows calling at once do not wait for each other.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import exists, select, update
from sqlalchemy.orm import Session

from clerk_app.core import queue as rules
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.numbering import new_query_code
from records_service import feed
from records_service.models import QueueCall, QueueCategory, QueueTicket, Window
from records_service.problems import ProblemError, invalid_field
from records_service.queue import (
    AT_WINDOW,
    TYPED_KIOSK,
    category,
    in_order,
    local_day,
    next_online_seq,
    served_by,
    ticket_by_number,
    waiting_for,
    window_paused,
)

# --- calling ------------------------------------------------------------------------------


def lock_window(session: Session, window_code: str) -> None:
    """Lock the window's row until the transaction ends: one call at a time per window
    (PostgreSQL; SQLite writers are serial anyway). 404 for an unknown window."""
    found = session.scalar(select(Window.code).where(Window.code == window_code).with_for_update())
    if found is None:
        raise ProblemError(404, "not-found", f"No window {window_code}.")


def current_at(session: Session, center: str, window_code: str) -> QueueTicket | None:
    """The ticket the window has called and not yet finished (any day)."""
    return session.scalars(
        select(QueueTicket)
        .where(
            QueueTicket.center_code == center,
            QueueTicket.window_code == window_code,
            QueueTicket.status.in_(AT_WINDOW),
        )
        .order_by(QueueTicket.called_at.desc())
    ).first()


def _ready(session: Session, center: str, window_code: str) -> None:
    """409 unless the window may call: not paused, nobody at it still."""
    if window_paused(session, window_code):
        raise ProblemError(
            409,
            "window-paused",
            f"Window {window_code} has paused its service; resume it first.",
            title="Window paused",
        )
    busy = current_at(session, center, window_code)
    if busy is not None:
        raise ProblemError(
            409,
            "still-serving",
            f"Ticket {busy.number} is still at window {window_code}: finish it, or mark it "
            "a no-show, before calling the next.",
            title="A ticket is still at the window",
            extra={"current": busy.number},
        )


def _take(
    session: Session, ticket: QueueTicket, window_code: str, clerk: str, now: datetime
) -> bool:
    """Compare-and-set: the ticket becomes this window's only if it is still waiting."""
    taken = session.execute(
        update(QueueTicket)
        .where(QueueTicket.id == ticket.id, QueueTicket.status == "waiting")
        .values(status="called", window_code=window_code, clerk=clerk[:64], called_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(taken, "rowcount", 0) == 1)


def _announce(
    session: Session, ticket: QueueTicket, window_code: str, now: datetime, kind: str
) -> QueueCall:
    call = QueueCall(
        center_code=ticket.center_code,
        ticket_id=ticket.id,
        number=ticket.number,
        window_code=window_code,
        called_at=now,
        kind=kind,
    )
    session.add(call)
    session.flush()
    return call


def call_next(
    session: Session, center: str, window_code: str, clerk: str, now: datetime
) -> tuple[QueueTicket, QueueCall]:
    """Call the window's next ticket by the priority rule.

    Raises:
        ProblemError: 409 ``window-paused``, ``still-serving``, ``no-categories`` (the
            window serves none); 404 ``none-waiting``.
    """
    lock_window(session, window_code)
    _ready(session, center, window_code)
    served = served_by(session, center, window_code)
    if not served:
        raise ProblemError(
            409,
            "no-categories",
            f"Window {window_code} serves no queue category; a lead sets them.",
            title="Window serves no category",
        )
    day = local_day(now)
    for _attempt in range(20):
        waiting = waiting_for(session, center, day, [c.code for c in served], window_code)
        order = in_order(session, waiting, now)
        if not order:
            break
        for ticket in order[:5]:
            if _take(session, ticket, window_code, clerk, now):
                session.refresh(ticket)
                return ticket, _announce(session, ticket, window_code, now, "call")
        session.expire_all()  # others took them: read the queue again
    raise ProblemError(404, "none-waiting", "Nobody is waiting for this window's categories.")


def call_number(
    session: Session, center: str, window_code: str, clerk: str, typed: str, now: datetime
) -> tuple[QueueTicket, QueueCall]:
    """Call the ticket typed at the window (an offline ticket the service has not seen
    yet is called all the same: the kiosk's copy joins it when it comes).

    Raises:
        ProblemError: 422 a mistyped number or a letter no category has; 409
            ``not-served`` (another window's category, or a ticket transferred to another
            window), ``not-waiting``, ``window-paused``, ``still-serving``; 404 no such
            online ticket today.
    """
    try:
        number = rules.parse_ticket(typed)
    except rules.TicketNumberError as error:
        raise invalid_field("number", str(error)) from None
    lock_window(session, window_code)
    _ready(session, center, window_code)
    row = session.scalars(
        select(QueueCategory).where(
            QueueCategory.center_code == center, QueueCategory.prefix == number.prefix
        )
    ).first()
    if row is None or not row.active:
        raise invalid_field("number", f"no queue category has the letter {number.prefix}")
    if window_code not in (row.windows or []):
        raise _not_served(window_code, row.name)
    day = local_day(now)
    text = str(number)
    ticket = ticket_by_number(session, center, day, text)
    if ticket is None:
        if rules.offline_block_of(number.seq) is None:
            raise ProblemError(404, "not-found", f"No ticket {text} today.")
        ticket = QueueTicket(
            id=str(uuid.uuid4()),
            center_code=center,
            day=day,
            category_code=row.code,
            number=text,
            seq=number.seq,
            priority_class="",
            issued_at=now,
            kiosk=TYPED_KIOSK,
            offline=True,
            status="waiting",
            recalls=0,
            query_code=new_query_code(),
            case_nos=[],
            rated=False,
        )
        session.add(ticket)
        session.flush()
    if ticket.status != "waiting":
        raise ProblemError(
            409,
            "not-waiting",
            f"Ticket {text} is {ticket.status.replace('_', '-')}, not waiting.",
            title="Ticket not waiting",
            extra={"current_status": ticket.status},
        )
    if ticket.window_code not in (None, window_code):
        raise ProblemError(
            409, "not-served", f"Ticket {text} was transferred to window {ticket.window_code}."
        )
    if not _take(session, ticket, window_code, clerk, now):
        raise ProblemError(409, "not-waiting", f"Ticket {text} was just called elsewhere.")
    session.refresh(ticket)
    return ticket, _announce(session, ticket, window_code, now, "call")


def _not_served(window_code: str, name: str) -> ProblemError:
    return ProblemError(
        409,
        "not-served",
        f"Window {window_code} does not serve {name}.",
        title="Category not served here",
    )


def at_window(
    session: Session, center: str, window_code: str, typed: str, now: datetime
) -> QueueTicket:
    """Today's ticket ``typed`` as this window's (404 unknown; 409 ``not-at-window`` when
    another window, or none, has it)."""
    try:
        number = str(rules.parse_ticket(typed))
    except rules.TicketNumberError as error:
        raise invalid_field("no", str(error)) from None
    ticket = ticket_by_number(session, center, local_day(now), number)
    if ticket is None:
        ticket = current_at(session, center, window_code)
        if ticket is None or ticket.number != number:
            raise ProblemError(404, "not-found", f"No ticket {number} today.")
    if ticket.window_code != window_code or ticket.status not in AT_WINDOW:
        raise ProblemError(
            409,
            "not-at-window",
            f"Ticket {number} is not at window {window_code} (it is {ticket.status}).",
            title="Not this window's ticket",
            extra={"current_status": ticket.status},
        )
    return ticket


def recall(session: Session, ticket: QueueTicket, now: datetime) -> QueueCall:
    ticket.recalls += 1
    return _announce(session, ticket, str(ticket.window_code), now, "recall")


def no_show(ticket: QueueTicket, now: datetime) -> None:
    ticket.status = "no_show"
    ticket.finished_at = now


def finish(ticket: QueueTicket, case_nos: list[str], now: datetime) -> None:
    ticket.status = "done"
    ticket.served_at = ticket.served_at or ticket.called_at
    ticket.finished_at = now
    ticket.case_nos = list(dict.fromkeys([*(ticket.case_nos or []), *case_nos]))


def transfer(
    session: Session,
    ticket: QueueTicket,
    *,
    category_code: str | None,
    window_code: str | None,
    now: datetime,
) -> QueueTicket:
    """Close ``ticket`` as transferred and issue its successor, waiting in the category
    (and, when named, for that window only), keeping its issue time, so its place.

    Raises:
        ProblemError: 404 unknown category or window; 409 ``window-closed`` (the window is
            paused or serves no category), ``not-served`` (it does not serve the category).
    """
    center = ticket.center_code
    target: QueueCategory | None = None
    if category_code is not None:
        target = category(session, center, category_code)
    if window_code is not None:
        window = session.get(Window, window_code)
        if window is None or window.center_code != center:
            raise ProblemError(404, "not-found", f"No window {window_code}.")
        serves = served_by(session, center, window_code)
        if window_paused(session, window_code) or not serves:
            raise ProblemError(
                409,
                "window-closed",
                f"Window {window_code} is not serving now (paused or without a category).",
                title="Window closed",
            )
        if target is None:
            same = [c for c in serves if c.code == ticket.category_code]
            target = same[0] if same else serves[0]
        elif target not in serves:
            raise _not_served(window_code, target.name)
    assert target is not None  # one of the two is named (TransferCreate)
    seq = next_online_seq(session, target, ticket.day)
    successor = QueueTicket(
        id=str(uuid.uuid4()),
        center_code=center,
        day=ticket.day,
        category_code=target.code,
        number=rules.format_ticket(target.prefix, seq),
        seq=seq,
        priority_class=ticket.priority_class,
        appointment_code=ticket.appointment_code,
        id_hash=ticket.id_hash,
        issued_at=ticket.issued_at,
        kiosk=ticket.kiosk,
        offline=False,
        status="waiting",
        window_code=window_code,
        recalls=0,
        transferred_from=ticket.number,
        query_code=ticket.query_code,
        case_nos=list(ticket.case_nos or []),
        rated=False,
    )
    ticket.status = "transferred"
    ticket.finished_at = now
    session.add(successor)
    session.flush()
    return successor


# --- the hall screen and the public -------------------------------------------------------


def call_public(call: QueueCall) -> dict[str, Any]:
    return {
        "id": call.id,
        "number": call.number,
        "window_code": call.window_code,
        "called_at": call.called_at.astimezone(CENTER_TZ),
        "kind": call.kind,
    }


def place_calls(session: Session) -> int | None:
    """Give ``pos`` to the calls whose writers have ended (PostgreSQL; None on SQLite,
    where a trigger gives ``pos = id``), in a transaction of its own that commits at once.

    Waits for a placer already at work rather than skipping (placers only: call writers
    never take its lock), so a read after this commit sees every call placed so far; and
    places only when some committed call is still without a place (most polls find none
    and take no lock).
    """
    if session.get_bind().dialect.name != "postgresql":
        return None
    if not session.scalar(select(exists().where(QueueCall.pos.is_(None)))):
        return 0
    return feed.place(session, feed.CALLS, wait=True)


def calls_after(
    session: Session,
    center: str,
    after: int | None,
    limit: int,
    now: datetime,
    windows: list[str] | None = None,
) -> list[QueueCall]:
    """Placed calls after the cursor ``after`` (a ``pos``), oldest first; without it
    today's latest; with ``windows``, only the calls to those windows (one hall's screen).
    A call not placed yet (:func:`place_calls`) is not read: it comes at a later read,
    after every call it was placed behind."""
    query = select(QueueCall).where(QueueCall.center_code == center, QueueCall.pos.is_not(None))
    if windows is not None:
        query = query.where(QueueCall.window_code.in_(windows))
    if after is not None:
        return list(
            session.scalars(query.where(QueueCall.pos > after).order_by(QueueCall.pos).limit(limit))
        )
    start = datetime.combine(local_day(now), datetime.min.time(), CENTER_TZ)
    latest = session.scalars(
        query.where(QueueCall.called_at >= start).order_by(QueueCall.pos.desc()).limit(limit)
    )
    return sorted(latest, key=lambda c: c.pos or 0)


def unplaced(session: Session, center: str) -> bool:
    """Whether a committed call of the center is still without a place: its writer's
    transaction ended, but one that began before it has not yet (PostgreSQL)."""
    return bool(
        session.scalar(
            select(exists().where(QueueCall.pos.is_(None), QueueCall.center_code == center))
        )
    )


def transferred_to(session: Session, ticket: QueueTicket) -> str | None:
    if ticket.status != "transferred":
        return None
    return session.scalar(
        select(QueueTicket.number).where(
            QueueTicket.center_code == ticket.center_code,
            QueueTicket.day == ticket.day,
            QueueTicket.transferred_from == ticket.number,
        )
    )
