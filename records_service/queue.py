"""The hall's queue in the database (issue 18): categories, tickets, calls.

- Tickets are numbered per category per center per day (the center's local day): the
  service gives online tickets 001–799 (:func:`issue_ticket`, the category row locked while
  it counts, so two kiosks never get one number); a kiosk cut off from the service prints
  from its own block (800–899 or 900–999, ``clerk_app.core.queue.offline_range``) and sends
  the ticket when the link returns. The first kiosk to send a ticket of a block on a day
  owns that block for the day: another kiosk's ticket in it is refused (two kiosks set to
  one block).
- Calling at the windows is in :mod:`records_service.queue_calls`.
- An ID number is never stored: :func:`id_hash` is an HMAC-SHA256 under a pepper derived
  from the service's audit key (a file, never in the database).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk_app.core import queue as rules
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.numbering import new_query_code
from records_service.audit_seal import AUDIT_SEAL, AuditSeal
from records_service.models import (
    WRITER_CENTER,
    Appointment,
    QueueCategory,
    QueueTicket,
    WindowPause,
)
from records_service.problems import ProblemError, invalid_field
from records_service.queue_appointments import slot_start

#: Statuses of a ticket at a window (called, or being served).
AT_WINDOW = ("called", "serving")
#: An offline ticket may say it was printed at most this far in the service's future.
CLOCK_SKEW = timedelta(minutes=5)
#: How a ticket called by its typed number before its kiosk's copy arrived is named.
TYPED_KIOSK = "typed-at-window"


# --- where and when -----------------------------------------------------------------------


def center_of(session: Session, principal_center: str | None) -> str:
    """The caller's center (a window's, else the service's own)."""
    return principal_center or str(session.info[WRITER_CENTER])


def local_day(moment: datetime) -> date:
    """The center's calendar day of ``moment``."""
    return moment.astimezone(CENTER_TZ).date()


def id_hash(session: Session, id_number: str) -> str:
    """HMAC-SHA256 (hex) of an ID number, letters upper-cased and blanks removed, under
    the service's pepper: the same number gives the same hash on every service process
    of the database, and the number cannot be read back."""
    seal: AuditSeal = session.info[AUDIT_SEAL]
    pepper = hmac.new(seal.key(create=True), b"queue-id-number", hashlib.sha256).digest()
    normal = "".join(id_number.split()).upper()
    return hmac.new(pepper, normal.encode("utf-8"), hashlib.sha256).hexdigest()


def window_paused(session: Session, window_code: str) -> bool:
    """Whether the window's service is paused (an open pause, ``POST /windows/…/pause``)."""
    found = session.scalar(
        select(WindowPause.id).where(
            WindowPause.window_code == window_code, WindowPause.resumed_at.is_(None)
        )
    )
    return found is not None


# --- categories ---------------------------------------------------------------------------


def categories(session: Session, center: str, *, active_only: bool = True) -> list[QueueCategory]:
    query = select(QueueCategory).where(QueueCategory.center_code == center)
    if active_only:
        query = query.where(QueueCategory.active.is_(True))
    return list(session.scalars(query.order_by(QueueCategory.prefix)))


def category(session: Session, center: str, code: str) -> QueueCategory:
    """The active category ``code`` of the center; 404 otherwise."""
    found = session.get(QueueCategory, (center, code))
    if found is None or not found.active:
        raise ProblemError(404, "not-found", f"No queue category {code}.")
    return found


def served_by(session: Session, center: str, window_code: str) -> list[QueueCategory]:
    """The active categories the window calls (the lead's ``windows`` of each)."""
    return [c for c in categories(session, center) if window_code in (c.windows or [])]


def waiting_counts(session: Session, center: str, day: date) -> dict[str, int]:
    rows = session.execute(
        select(QueueTicket.category_code, func.count())
        .where(
            QueueTicket.center_code == center,
            QueueTicket.day == day,
            QueueTicket.status == "waiting",
        )
        .group_by(QueueTicket.category_code)
    )
    return {code: int(count) for code, count in rows}


def category_public(row: QueueCategory, waiting: int) -> dict[str, Any]:
    return {
        "code": row.code,
        "prefix": row.prefix,
        "name": row.name,
        "department_code": row.department_code,
        "windows": list(row.windows or []),
        "wait_limit_minutes": row.wait_limit_minutes,
        "slot_capacity": row.slot_capacity,
        "daily_limit_per_id": row.daily_limit_per_id,
        "waiting": waiting,
    }


# --- tickets ------------------------------------------------------------------------------


def ticket_public(session: Session, ticket: QueueTicket) -> dict[str, Any]:
    found = session.get(QueueCategory, (ticket.center_code, ticket.category_code))
    return {
        "id": ticket.id,
        "number": ticket.number,
        "category": ticket.category_code,
        "category_name": found.name if found else ticket.category_code,
        "day": ticket.day,
        "priority_class": ticket.priority_class,
        "appointment_code": ticket.appointment_code,
        "status": ticket.status,
        "issued_at": ticket.issued_at.astimezone(CENTER_TZ),
        "offline": ticket.offline,
        "kiosk": ticket.kiosk,
        "window_code": ticket.window_code,
        "clerk": ticket.clerk,
        "called_at": _local(ticket.called_at),
        "served_at": _local(ticket.served_at),
        "finished_at": _local(ticket.finished_at),
        "recalls": ticket.recalls,
        "transferred_from": ticket.transferred_from,
        "case_nos": list(ticket.case_nos or []),
    }


def _local(moment: datetime | None) -> datetime | None:
    return moment.astimezone(CENTER_TZ) if moment is not None else None


def ticket_by_number(session: Session, center: str, day: date, number: str) -> QueueTicket | None:
    return session.scalars(
        select(QueueTicket).where(
            QueueTicket.center_code == center,
            QueueTicket.day == day,
            QueueTicket.number == number,
        )
    ).first()


def _lock_category(session: Session, row: QueueCategory) -> None:
    """Serialize numbering in a category (PostgreSQL; SQLite writers are serial anyway)."""
    session.execute(
        select(QueueCategory.code)
        .where(QueueCategory.center_code == row.center_code, QueueCategory.code == row.code)
        .with_for_update()
    )


def next_online_seq(session: Session, row: QueueCategory, day: date) -> int:
    """One past the category's highest online sequence of ``day`` (409 past 799)."""
    _lock_category(session, row)
    highest = session.scalar(
        select(func.max(QueueTicket.seq)).where(
            QueueTicket.center_code == row.center_code,
            QueueTicket.day == day,
            QueueTicket.category_code == row.code,
            QueueTicket.seq <= rules.ONLINE_MAX_SEQ,
        )
    )
    seq = int(highest or 0) + 1
    if seq > rules.ONLINE_MAX_SEQ:
        raise ProblemError(
            409,
            "numbers-used-up",
            f"Category {row.code} has issued {rules.ONLINE_MAX_SEQ} tickets today.",
            title="No numbers left today",
        )
    return seq


def check_daily_limit(session: Session, row: QueueCategory, day: date, hashed: str | None) -> None:
    """409 ``daily-limit`` when the ID already took the category's tickets of the day."""
    if hashed is None or row.daily_limit_per_id <= 0:
        return
    taken = session.scalar(
        select(func.count())
        .select_from(QueueTicket)
        .where(
            QueueTicket.center_code == row.center_code,
            QueueTicket.day == day,
            QueueTicket.id_hash == hashed,
            QueueTicket.category_code == row.code,
            QueueTicket.transferred_from.is_(None),
        )
    )
    if int(taken or 0) >= row.daily_limit_per_id:
        raise ProblemError(
            409,
            "daily-limit",
            f"This ID number has taken {row.daily_limit_per_id} tickets of {row.name} today, "
            "the most a person may.",
            title="Daily ticket limit reached",
        )


def _offline_seq(session: Session, row: QueueCategory, day: date, typed: str, kiosk: str) -> int:
    """The sequence of an offline ticket's number: its category's prefix, in an offline
    block that no other kiosk used today."""
    try:
        number = rules.parse_ticket(typed)
    except rules.TicketNumberError as error:
        raise invalid_field("offline_number", str(error)) from None
    if number.prefix != row.prefix:
        raise invalid_field("offline_number", f"numbers of {row.name} start with {row.prefix}")
    block = rules.offline_block_of(number.seq)
    if block is None:
        raise invalid_field(
            "offline_number",
            "the service numbers online tickets; a kiosk offline prints from 800 to 999",
        )
    span = rules.offline_range(block)
    other = session.scalar(
        select(QueueTicket.kiosk).where(
            QueueTicket.center_code == row.center_code,
            QueueTicket.day == day,
            QueueTicket.offline.is_(True),
            QueueTicket.seq >= span.start,
            QueueTicket.seq < span.stop,
            QueueTicket.kiosk != kiosk,
            QueueTicket.kiosk != TYPED_KIOSK,
        )
    )
    if other is not None:
        raise ProblemError(
            409,
            "offline-block-taken",
            f"Offline block {block} belongs to another kiosk today ({other}); give each "
            "kiosk its own queue.offline_block.",
            title="Offline block of another kiosk",
        )
    return number.seq


def issue_ticket(
    session: Session,
    *,
    center: str,
    category_code: str,
    ticket_id: str,
    now: datetime,
    kiosk: str,
    priority_class: str = "",
    hashed_id: str | None = None,
    appointment_code: str | None = None,
    offline_number: str | None = None,
    issued_at: datetime | None = None,
    query_code: str | None = None,
) -> QueueTicket:
    """A new waiting ticket (flushed), or the ticket a window already called by the
    offline number, now completed with the kiosk's copy.

    Raises:
        ProblemError: 404 unknown category; 409 ``daily-limit``, ``numbers-used-up``,
            ``offline-block-taken``, ``conflict`` (the offline number was sent before by
            another ticket); 422 a bad offline number or time.
    """
    row = category(session, center, category_code)
    moment = now
    if offline_number is not None:
        if issued_at is None or issued_at > now + CLOCK_SKEW:
            raise invalid_field("issued_at", "an offline ticket's print time, not in the future")
        moment = issued_at
    day = local_day(moment)
    check_daily_limit(session, row, day, hashed_id)
    if offline_number is None:
        seq = next_online_seq(session, row, day)
    else:
        _lock_category(session, row)
        seq = _offline_seq(session, row, day, offline_number, kiosk)
    number = rules.format_ticket(row.prefix, seq)
    existing = ticket_by_number(session, center, day, number)
    if existing is not None:
        if existing.kiosk != TYPED_KIOSK:
            raise ProblemError(
                409, "conflict", f"Ticket {number} was sent before by another ticket."
            )
        # Called at a window by its typed number before the kiosk's copy came: one ticket.
        existing.kiosk = kiosk
        existing.issued_at = moment
        existing.priority_class = priority_class
        existing.id_hash = hashed_id
        existing.appointment_code = appointment_code
        existing.query_code = query_code or existing.query_code
        session.flush()
        return existing
    ticket = QueueTicket(
        id=ticket_id,
        center_code=center,
        day=day,
        category_code=row.code,
        number=number,
        seq=seq,
        priority_class=priority_class,
        appointment_code=appointment_code,
        id_hash=hashed_id,
        issued_at=moment,
        kiosk=kiosk[:100],
        offline=offline_number is not None,
        status="waiting",
        recalls=0,
        query_code=query_code or new_query_code(),
        case_nos=[],
        rated=False,
    )
    session.add(ticket)
    session.flush()
    return ticket


# --- the order of the queue ---------------------------------------------------------------


def _slot_starts(session: Session, codes: set[str]) -> dict[str, datetime]:
    """When each appointment's half-day begins (``queue_appointments.slot_start``)."""
    if not codes:
        return {}
    found = session.scalars(select(Appointment).where(Appointment.code.in_(codes)))
    return {a.code: slot_start(a) for a in found}


def in_order(session: Session, tickets: Sequence[QueueTicket], now: datetime) -> list[QueueTicket]:
    """``tickets`` (waiting) in the order the priority rule calls them at ``now``."""
    if not tickets:
        return []
    center = tickets[0].center_code
    limits = {
        c.code: timedelta(minutes=c.wait_limit_minutes)
        for c in categories(session, center, active_only=False)
    }
    slots = _slot_starts(session, {t.appointment_code for t in tickets if t.appointment_code})
    by_number = {t.number: t for t in tickets}
    codes = {t.number: t.appointment_code for t in tickets}
    waiting = [
        rules.Waiting(
            t.number,
            t.category_code,
            t.issued_at,
            t.priority_class,
            appointment=bool(t.appointment_code and t.appointment_code in slots),
        )
        for t in tickets
    ]
    order = rules.queue_order(
        waiting,
        now,
        wait_limit=limits,
        slot_of=lambda w: slots.get(codes.get(w.number) or ""),
    )
    return [by_number[w.number] for w in order]


def waiting_for(
    session: Session, center: str, day: date, category_codes: Iterable[str], window: str | None
) -> list[QueueTicket]:
    """Today's waiting tickets of the categories: those a transfer sent to another window
    left out (a transfer to ``window`` is callable by it only)."""
    query = select(QueueTicket).where(
        QueueTicket.center_code == center,
        QueueTicket.day == day,
        QueueTicket.status == "waiting",
        QueueTicket.category_code.in_(list(category_codes)),
    )
    rows = list(session.scalars(query))
    return [t for t in rows if t.window_code is None or t.window_code == window]


def people_ahead(session: Session, ticket: QueueTicket, now: datetime) -> int:
    """How many of the category's waiting tickets would be called before ``ticket``."""
    waiting = waiting_for(
        session, ticket.center_code, ticket.day, [ticket.category_code], ticket.window_code
    )
    order = in_order(session, waiting, now)
    ids = [t.id for t in order]
    return ids.index(ticket.id) if ticket.id in ids else len(ids)
