"""Escalation on the clock (issue 19): ``clerk-records escalate``, run from cron or a
systemd timer (e.g. every 10 minutes, like ``clerk-records audit checkpoint``), escalates
what is overdue even when nobody reads a list:

- every running complaint past its response deadline (``complaints.escalate_overdue``:
  ``escalated_at`` and an ``escalated`` event, once each; the supervisor's list shows it
  first, in red) — the same escalation ``GET /complaints`` does on reading;
- every 12345 work order past a deadline of the center's: still ``received`` after its
  sign deadline (``deadline: sign``), or signed, assigned, extended or sent back to be
  redone and not answered by its answer deadline (``deadline: answer``). Each gets one
  ``escalated`` event per missed deadline (an extension gives a new deadline, which may be
  missed again) and an audit record ``hotline.escalated``; the order's ``updated_at``
  moves on, so the hotline's pull sees the event.

Time is the injected clock; a second run at the same time escalates nothing more.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from records_service import audit, complaints, hotline, locks
from records_service.case_views import iso
from records_service.db import Database
from records_service.models import Complaint, HotlineEvent, HotlineOrder

#: The statuses in which an order waits for the center's answer.
AWAITING_ANSWER = ("signed", "assigned", "extended", "redo")


@dataclass
class Escalated:
    """What one :func:`escalate` run escalated."""

    complaints: list[str] = field(default_factory=list)
    #: ``(order no, "sign" | "answer")``.
    orders: list[tuple[str, str]] = field(default_factory=list)


def _missed(order: HotlineOrder, now: datetime) -> tuple[str, datetime] | None:
    """The deadline of the center's that ``order`` has missed at ``now``, if any."""
    if order.status == "received" and order.sign_due_at is not None and now > order.sign_due_at:
        return "sign", order.sign_due_at
    due = order.answer_due_at
    if order.status in AWAITING_ANSWER and due is not None and now > due:
        return "answer", due
    return None


def _escalated_before(events: list[HotlineEvent], deadline: str, due: datetime) -> bool:
    return any(
        e.kind == "escalated"
        and (e.data or {}).get("deadline") == deadline
        and (e.data or {}).get("due_at") == iso(due)
        for e in events
    )


def escalate_orders(session: Session, now: datetime) -> list[tuple[str, str]]:
    """Escalate every work order past a deadline of the center's, once per deadline.

    The orders' rows are locked first (PostgreSQL, in number order; ``FOR UPDATE`` reads
    them again after a writer that held one), then each center's ``locks.HOTLINE`` for
    their stamps: the order of a step (its order's row, then its center's lock), so the
    two never wait for each other the other way round.
    """
    query = select(HotlineOrder).where(
        or_(
            and_(HotlineOrder.status == "received", HotlineOrder.sign_due_at < now),
            and_(
                HotlineOrder.status.in_(AWAITING_ANSWER),
                HotlineOrder.answered_at.is_(None),
                HotlineOrder.answer_due_at < now,
            ),
        )
    )
    query = query.order_by(HotlineOrder.no)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    candidates = list(session.scalars(query.execution_options(populate_existing=True)))
    for center in sorted({o.center_code for o in candidates}):
        locks.hold(session, locks.HOTLINE, center)
    events = hotline.events_of(session, [o.no for o in candidates])
    done: list[tuple[str, str]] = []
    for order in candidates:
        missed = _missed(order, now)
        if missed is None or _escalated_before(events[order.no], *missed):
            continue
        deadline, due = missed
        data = {"deadline": deadline, "due_at": iso(due)}
        session.add(
            HotlineEvent(order_no=order.no, kind="escalated", at=now, by_user="service", data=data)
        )
        order.updated_at = hotline._stamp(session, order.center_code, now)
        order.version = (order.version or 0) + 1
        audit.record(
            session,
            at=now,
            action="hotline.escalated",
            result="ok",
            actor="service",
            target=order.no,
            detail=data,
            center_code=order.center_code,
        )
        done.append((order.no, deadline))
    return done


def escalate(db: Database, clock: Callable[[], datetime]) -> Escalated:
    """Escalate every overdue complaint and work order of every center at ``clock()``."""
    now = clock()
    with db.write() as session:
        centers = set(session.scalars(select(Complaint.center_code).distinct()))
        before = set(
            session.scalars(
                complaints.overdue_unmarked(centers, complaints.today_of(now)).with_only_columns(
                    Complaint.no
                )
            )
        )
        # Orders first: a step on a complaint order locks the order, then its complaint.
        orders = escalate_orders(session, now)
        complaints.escalate_overdue(session, centers, now)
        session.commit()
    return Escalated(complaints=sorted(before), orders=orders)


# --- clerk-records escalate ------------------------------------------------------------------


def cmd_escalate(args: argparse.Namespace) -> int:
    """Escalate what is overdue now; one line per escalation, a count last. Exit 0."""
    from records_service.cli_common import settings_from

    settings = settings_from(args)
    db = Database(settings.database_url, settings.center_code)
    try:
        done = escalate(db, lambda: datetime.now(UTC))
    finally:
        db.dispose()
    for no in done.complaints:
        print(f"escalated complaint {no}: past its response deadline")
    for no, deadline in done.orders:
        print(f"escalated 12345 order {no}: past its {deadline} deadline")
    print(f"{len(done.complaints)} complaints and {len(done.orders)} 12345 orders escalated")
    return 0


def add_commands(sub: Any) -> None:
    """Register ``escalate`` on ``clerk-records``' sub-parsers."""
    p = sub.add_parser(
        "escalate", help="escalate overdue complaints and 12345 work orders now (from cron)"
    )
    p.set_defaults(func=cmd_escalate)
