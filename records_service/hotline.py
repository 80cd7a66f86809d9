"""12345 work orders (工单, issue 19): the hotline dispatches an order through its
integration credential; the center's supervisor (督查) signs for it (签收) within the
hotline's sign deadline and assigns it to a department, whose clerk or lead answers it
within the answer deadline; the supervisor may return an order that is not the center's
(退单) and the supervisor or the department's lead may extend the answer deadline (延期);
the hotline may send an answered or returned order back to be redone (重办). The hotline
pulls the orders changed since its cursor (``GET /hotline/orders?updated_after=``).

Life (``status``)::

    received --sign--> signed --assign--> assigned --answer--> answered --redo--> redo
        |                 |                  |  \\--extend--> extended --answer--^   |
        +----return-------+------return------+                                     |
    returned --redo--> redo --assign/answer--> ...  <------------------------------+

Every step is a :class:`HotlineEvent` and an audit record (``hotline.{kind}``, never the
caller's name or phone). ``updated_at`` is the pull's cursor: strictly increasing over the
center's orders (taken under the center's ``locks.HOTLINE`` lock, held to the commit), so
a pull never skips an order that committed late nor cuts a group of orders changed in the
same instant. Other centers' writers do not wait (a supervisor's list over several centers
is ordered by the same stamps, but only each center's are in commit order).

A complaint order becomes a complaint (channel ``hotline``) when the center signs for it
(:func:`complaint_from_order`); assigning and answering the order assigns and answers its
complaint while the complaint is at that step.

Who reaches an order (outside it: 404, like an unknown number): the hotline's integration
credential and a supervisor, the orders of their center (a supervisor: and the centers
below); a lead or clerk, the orders assigned to their department in their center.
"""

from __future__ import annotations

import importlib
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, select
from sqlalchemy.orm import Session

from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.identity import mask_name, mask_phone
from records_service import audit, locks, reach, rules
from records_service.case_views import iso
from records_service.deps import Principal
from records_service.hotline_schemas import HotlineOrderCreate, TimeLimit
from records_service.models import (
    Complaint,
    Department,
    HotlineEvent,
    HotlineOrder,
    writer_center,
)
from records_service.problems import ProblemError, invalid_field
from records_service.settings import Settings

#: The statuses each step may start from.
FROM = {
    "sign": ("received",),
    "assign": ("signed", "assigned", "extended", "redo"),
    "answer": ("assigned", "extended", "redo"),
    "return": ("received", "signed", "assigned", "extended", "redo"),
    "extend": ("signed", "assigned", "extended", "redo"),
    "redo": ("answered", "returned"),
}
#: What a step is called in a refusal.
DOING = {
    "sign": "signed for",
    "assign": "assigned",
    "answer": "answered",
    "return": "returned",
    "extend": "extended",
    "redo": "sent back to be redone",
}
#: The steps of the center (the hotline's are ``received`` and ``redo``).
STEP_OF_STATUS = {
    "sign": "signed",
    "assign": "assigned",
    "answer": "answered",
    "return": "returned",
    "extend": "extended",
    "redo": "redo",
}
_TICK = timedelta(microseconds=1)


def order_reach(session: Session, principal: Principal) -> ColumnElement[bool]:
    """The condition on :class:`HotlineOrder` rows ``principal`` reaches (module doc)."""
    who = reach.callers(principal)
    if "supervisor" in who:
        centers = reach.centers_at_and_below(session, principal.center_code)
        return HotlineOrder.center_code.in_(centers)
    if "integration" in who:
        return HotlineOrder.center_code == (principal.center_code or writer_center(session))
    if who & {"lead", "clerk"} and principal.department_code:
        return and_(
            HotlineOrder.department_code == principal.department_code,
            HotlineOrder.center_code == principal.center_code,
        )
    return false()


def order_in_reach(session: Session, principal: Principal, no: str) -> HotlineOrder:
    """The order ``no`` if ``principal`` reaches it (locked for the write on PostgreSQL);
    else 404."""
    query = select(HotlineOrder).where(HotlineOrder.no == no, order_reach(session, principal))
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    found = session.scalars(query).first()
    if found is None:
        raise reach.not_found(f"work order {no}")
    return found


def due_at(session: Session, start: datetime, limit: TimeLimit | dict[str, Any]) -> datetime:
    """The deadline ``limit`` sets from ``start``: ``hours`` later, or the end of the
    ``working_days``-th working day after ``start``'s day (the center's day)."""
    if isinstance(limit, TimeLimit):
        value, unit = limit.value, limit.unit
    else:
        value, unit = limit["value"], limit["unit"]
    if unit == "hours":
        return start + timedelta(hours=int(value))
    day = rules.add_working_days(start.astimezone(CENTER_TZ).date(), int(value), session)
    return datetime.combine(day, time(23, 59, 59), tzinfo=CENTER_TZ)


def _stamp(session: Session, center: str, now: datetime) -> datetime:
    """The next ``updated_at`` of ``center``'s orders: ``now``, or just after the latest.
    Takes the center's ``locks.HOTLINE`` lock first (held until the commit), so the stamps
    of one center's orders increase in commit order."""
    locks.hold(session, locks.HOTLINE, center)
    latest = session.scalar(
        select(func.max(HotlineOrder.updated_at)).where(HotlineOrder.center_code == center)
    )
    return now if latest is None or latest < now else latest + _TICK


def caller_masked(name: str, phone: str) -> str:
    parts = [mask_name(name.strip()) if name.strip() else "", mask_phone(phone) if phone else ""]
    return " ".join(p for p in parts if p)[:100]


def receive(
    session: Session,
    body: HotlineOrderCreate,
    body_hash: str,
    principal: Principal,
    now: datetime,
    client_ip: str | None,
) -> HotlineOrder:
    """Store a new order (``received``) with its deadlines; the caller checked that the
    number is new."""
    center = principal.center_code or writer_center(session)
    order = HotlineOrder(
        no=body.no,
        center_code=center,
        kind=body.kind,
        body=body.model_dump(mode="json"),
        body_hash=body_hash,
        title=body.title,
        content=body.content,
        caller_masked=caller_masked(body.caller_name, body.caller_phone),
        sign_due_at=due_at(session, now, body.sign_within),
        answer_due_at=due_at(session, now, body.answer_within),
        status="received",
        created_at=now,
        updated_at=_stamp(session, center, now),
        version=0,
    )
    session.add(order)
    session.flush()
    data = {"kind": body.kind, "sign_due_at": iso(order.sign_due_at)}
    data["answer_due_at"] = iso(order.answer_due_at)
    _event(session, order, "received", principal, now, data, client_ip)
    return order


def _event(
    session: Session,
    order: HotlineOrder,
    kind: str,
    principal: Principal,
    now: datetime,
    data: dict[str, Any],
    client_ip: str | None,
) -> None:
    """Record one step: the order's event, its audit record, and the cursor moved on."""
    session.add(
        HotlineEvent(order_no=order.no, kind=kind, at=now, by_user=principal.actor, data=data)
    )
    if kind != "received":
        order.updated_at = _stamp(session, order.center_code, now)
    order.version = (order.version or 0) + 1
    audit.record(
        session,
        at=now,
        action=f"hotline.{kind}",
        result="ok",
        actor=principal.actor,
        device_id=principal.device_id,
        target=order.no,
        client_ip=client_ip,
        detail={k: v for k, v in data.items() if k in ("kind", "department_code", "late")} or None,
        center_code=order.center_code,
    )


def _check_step(order: HotlineOrder, step: str) -> None:
    if order.status not in FROM[step]:
        raise ProblemError(
            409,
            "illegal-transition",
            f"Work order {order.no} is {order.status}: it cannot be {DOING[step]} now.",
            title="Not at this step",
            extra={"current_status": order.status},
        )


def _department_of(principal: Principal, order: HotlineOrder) -> None:
    """A clerk or lead acts only on their department's order (else it is out of reach)."""
    if "supervisor" in reach.callers(principal):
        return
    if order.department_code is None or order.department_code != principal.department_code:
        raise reach.not_found(f"work order {order.no}")


def apply_step(
    session: Session,
    settings: Settings,
    order: HotlineOrder,
    step: str,
    principal: Principal,
    now: datetime,
    client_ip: str | None,
    **fields: Any,
) -> None:
    """Apply ``step`` (sign, assign, answer, return, extend, redo) to ``order``: 409
    ``…/illegal-transition`` from a status the step does not start from, 422 for a bad
    field; the caller commits."""
    _check_step(order, step)
    locks.hold(session, locks.HOTLINE, order.center_code)  # before the complaint's number
    data: dict[str, Any] = {}
    if step == "sign":
        order.signed_at = now
        data["late"] = order.sign_due_at is not None and now > order.sign_due_at
        if order.kind == "complaint" and order.complaint_no is None:
            order.complaint_no = complaint_from_order(session, order, principal, now)
            data["complaint_no"] = order.complaint_no
    elif step == "assign":
        department = fields["department_code"]
        if session.get(Department, department) is None:
            raise invalid_field("department_code", f"no department {department}")
        order.department_code = department
        data["department_code"] = department
        if fields.get("note"):
            data["note"] = fields["note"]
        _complaint_follows(session, settings, order, "assign", principal, now, client_ip)
    elif step == "answer":
        _department_of(principal, order)
        order.answer = fields["answer"]
        order.answered_at = now
        data["late"] = order.answer_due_at is not None and now > order.answer_due_at
        _complaint_follows(session, settings, order, "answer", principal, now, client_ip)
    elif step == "return":
        order.return_reason = fields["reason"]
        data["reason"] = fields["reason"]
    elif step == "extend":
        _department_of(principal, order)
        new_due: datetime = fields["answer_due_at"]
        if new_due <= now or (order.answer_due_at is not None and new_due <= order.answer_due_at):
            raise invalid_field("answer_due_at", "must be later than now and the current deadline")
        order.extension = {
            "reason": fields["reason"],
            "at": iso(now),
            "by": principal.actor,
            "previous_due_at": iso(order.answer_due_at),
            "answer_due_at": iso(new_due),
        }
        order.answer_due_at = new_due
        data.update(order.extension)
    elif step == "redo":
        limit: dict[str, Any] = fields.get("answer_within") or order.body["answer_within"]
        data = {"reason": fields["reason"], "previous_answer": order.answer}
        order.answer = None
        order.answered_at = None
        order.answer_due_at = due_at(session, now, limit)
        data["answer_due_at"] = iso(order.answer_due_at)
    order.status = STEP_OF_STATUS[step]
    _event(session, order, STEP_OF_STATUS[step], principal, now, data, client_ip)
    session.flush()


# --- a complaint order becomes a complaint -------------------------------------------------


def _complaints() -> Any:
    """The complaints module (``records_service.complaints``), None while it is not there
    (it lands with its own change; the hook then does nothing)."""
    try:
        return importlib.import_module("records_service.complaints")
    except ImportError:  # pragma: no cover
        return None


def complaint_from_order(
    session: Session, order: HotlineOrder, principal: Principal, now: datetime
) -> str | None:
    """Take the order in as a complaint (channel ``hotline``, about the hall, category
    ``other``: the complaints desk refines it) and return its number (None without the
    complaints module)."""
    complaints = _complaints()
    if complaints is None:  # pragma: no cover
        return None
    schemas = importlib.import_module("records_service.complaint_schemas")
    caller_name = str(order.body.get("caller_name") or "").strip()
    body = schemas.ComplaintCreate(
        channel="hotline",
        anonymous=not caller_name,
        complainant_name=caller_name,
        complainant_contact=str(order.body.get("caller_phone") or "").strip(),
        about_kind="hall",
        category="other",
        account=f"{order.title}\n{order.content}"[:4000],
        hotline_order_no=order.no,
    )
    return complaints.take(session, body, principal, now).no


def _complaint_follows(
    session: Session,
    settings: Settings,
    order: HotlineOrder,
    step: str,
    principal: Principal,
    now: datetime,
    client_ip: str | None,
) -> None:
    """The order's complaint is assigned and answered with it, while at that step."""
    complaints = _complaints()
    if order.complaint_no is None or complaints is None:
        return
    complaint = session.get(Complaint, order.complaint_no)
    if complaint is None:
        return
    if step == "assign" and complaint.status in ("open", "assigned", "reopened"):
        days = complaints.answer_days(settings, complaint.category)
        department = str(order.department_code)
        note = f"12345 {order.no}"
        complaints.assign(session, complaint, department, days, principal, now, note, client_ip)
    elif step == "answer" and complaint.status in complaints.ANSWERABLE:
        complaints.answer(session, complaint, str(order.answer), principal, now, client_ip)


# --- views ---------------------------------------------------------------------------------


def events_of(session: Session, nos: list[str]) -> dict[str, list[HotlineEvent]]:
    found: dict[str, list[HotlineEvent]] = {no: [] for no in nos}
    if nos:
        query = select(HotlineEvent).where(HotlineEvent.order_no.in_(nos)).order_by(HotlineEvent.id)
        for event in session.scalars(query):
            found[event.order_no].append(event)
    return found


def _sign_late(order: HotlineOrder, now: datetime) -> bool:
    """Signed after the sign deadline, or still unsigned past it."""
    due = order.sign_due_at
    if due is None:
        return False
    if order.signed_at is not None:
        return order.signed_at > due
    return order.status == "received" and now > due


def last_redo(events: list[HotlineEvent]) -> dict[str, Any] | None:
    """The latest send-back (重办) among ``events``: its reason, time and the answer it sent
    back; None if the hotline never sent the order back."""
    for event in reversed(events):
        if event.kind == "redo":
            data = event.data or {}
            return {
                "reason": str(data.get("reason") or ""),
                "at": iso(event.at),
                "previous_answer": data.get("previous_answer"),
            }
    return None


def order_public(order: HotlineOrder, events: list[HotlineEvent], now: datetime) -> dict[str, Any]:
    """The answer's form of ``order`` (the caller masked; never the body as received)."""
    answered = order.answered_at
    due = order.answer_due_at
    waiting = order.status not in ("answered", "returned")
    return {
        "no": order.no,
        "kind": order.kind,
        "title": order.title,
        "content": order.content,
        "caller": order.caller_masked,
        "status": order.status,
        "department_code": order.department_code,
        "sign_due_at": iso(order.sign_due_at),
        "answer_due_at": iso(due),
        "signed_at": iso(order.signed_at),
        "sign_late": _sign_late(order, now),
        "answered_at": iso(answered),
        "answer": order.answer,
        "late": bool(answered is not None and due is not None and answered > due),
        "overdue": bool(waiting and answered is None and due is not None and now > due),
        "return_reason": order.return_reason,
        "extension": order.extension,
        "redo": last_redo(events),
        "complaint_no": order.complaint_no,
        "created_at": iso(order.created_at),
        "updated_at": iso(order.updated_at),
        "version": order.version,
        "events": [
            {"kind": e.kind, "at": iso(e.at), "by": e.by_user, "data": e.data or {}} for e in events
        ],
    }


def changed_after(
    session: Session,
    principal: Principal,
    updated_after: datetime | None,
    status: str | None,
    limit: int,
) -> list[HotlineOrder]:
    """The orders in reach changed after the cursor, oldest change first (``limit`` + 1 to
    tell whether there are more)."""
    query = select(HotlineOrder).where(order_reach(session, principal))
    if updated_after is not None:
        query = query.where(HotlineOrder.updated_at > updated_after)
    if status is not None:
        query = query.where(HotlineOrder.status == status)
    query = query.order_by(HotlineOrder.updated_at, HotlineOrder.no).limit(limit + 1)
    return list(session.scalars(query))
