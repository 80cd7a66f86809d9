"""The supervisor's 12345 work orders (工单, issue 19), online: the orders the hotline
dispatched and the center has not finished (not answered, not returned), each with the
deadline it is working to — signing (签收) for a received order, answering for the rest —
and the center's steps: sign, assign to a department, return (退单) with a reason, extend
(延期) with a reason and a new answer deadline.

The order's content and title are shown with ID and mobile numbers masked; the caller as
the service masks them. Refusals are :class:`~clerk_app.app.supervision.SupervisionRefused`
(``order_not_found``, ``illegal_transition``, ``invalid`` with ``fields`` …).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from clerk_app.app.cashier_close import token
from clerk_app.app.supervision import SupervisionRefused, _refused
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.identity import mask_text
from clerk_app.remote import supervision_api
from clerk_app.remote.api import ApiError, BadResponseError

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session

#: The statuses of an order the center has finished with (the hotline may send it back).
FINISHED = ("answered", "returned")


def _moment(text: Any) -> datetime | None:
    if not text:
        return None
    moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise BadResponseError(f"naive time {text!r}")
    return moment


@dataclass(frozen=True)
class WorkOrder:
    """A 12345 work order as the supervisor's list shows it.

    Attributes:
        kind: consultation, help, complaint or praise.
        title, content: ID and mobile numbers masked.
        caller: as the service masks the caller.
        overdue: the service says it is unanswered past its answer deadline.
        sign_late: unsigned past its sign deadline (or signed after it).
        extended_to: the answer deadline of an extension (延期), if any.
        redo_reason: why the hotline sent it back (重办), numbers masked; "" if never.
    """

    no: str
    kind: str
    title: str
    content: str
    caller: str
    status: str
    department_code: str
    sign_due_at: datetime | None
    answer_due_at: datetime | None
    overdue: bool
    sign_late: bool
    extended_to: datetime | None
    complaint_no: str
    redo_reason: str = ""

    @property
    def due(self) -> datetime | None:
        """The deadline it works to now: the sign deadline until signed, then the answer's."""
        return self.sign_due_at if self.status == "received" else self.answer_due_at

    def time_left(self, now: datetime) -> timedelta | None:
        """Until :attr:`due` (negative: past it); None without a deadline."""
        return None if self.due is None else self.due - now

    def is_late(self, now: datetime) -> bool:
        """Red: past the deadline it works to (or the service says so)."""
        if self.status == "received" and self.sign_late:
            return True
        if self.status != "received" and self.overdue:
            return True
        left = self.time_left(now)
        return left is not None and left.total_seconds() < 0


def order_from_wire(data: dict[str, Any]) -> WorkOrder:
    """One ``HotlineOrderPublic``.

    Raises:
        BadResponseError: not a work order.
    """
    try:
        extension = data.get("extension")
        return WorkOrder(
            no=str(data["no"]),
            kind=str(data.get("kind") or ""),
            title=mask_text(str(data.get("title") or "")),
            content=mask_text(str(data.get("content") or "")),
            caller=str(data.get("caller") or ""),
            status=str(data["status"]),
            department_code=str(data.get("department_code") or ""),
            sign_due_at=_moment(data.get("sign_due_at")),
            answer_due_at=_moment(data.get("answer_due_at")),
            overdue=bool(data.get("overdue")),
            sign_late=bool(data.get("sign_late")),
            extended_to=_moment(extension.get("answer_due_at")) if extension else None,
            complaint_no=str(data.get("complaint_no") or ""),
            redo_reason=mask_text(str((data.get("redo") or {}).get("reason") or "")),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BadResponseError(f"not a work order: {exc}") from exc


def _call(run: Any) -> Any:
    try:
        return run()
    except ApiError as error:
        refused = _refused(error)
        if refused.code == "not_found":
            refused.code = "order_not_found"
        raise refused from None


def open_orders(context: AppContext, session: Session) -> list[WorkOrder]:
    """The center's orders not yet finished: late ones first, then the nearest deadline.

    Raises:
        SupervisionRefused, NetworkError, BadResponseError.
    """
    api, bearer = context.backend.api, token(context, session)
    found = [order_from_wire(o) for o in _call(lambda: supervision_api.list_orders(api, bearer))]
    now = context.clock.now()
    far = datetime.max.replace(tzinfo=CENTER_TZ)
    waiting = [o for o in found if o.status not in FINISHED]
    return sorted(waiting, key=lambda o: (not o.is_late(now), o.due or far, o.no))


def _step(
    context: AppContext, session: Session, no: str, step: str, body: dict[str, Any]
) -> WorkOrder:
    api, bearer = context.backend.api, token(context, session)
    return order_from_wire(_call(lambda: supervision_api.order_step(api, bearer, no, step, body)))


def sign(context: AppContext, session: Session, no: str) -> WorkOrder:
    """签收: sign for a received order (a complaint order becomes a complaint)."""
    return _step(context, session, no, "sign", {})


def assign(
    context: AppContext, session: Session, no: str, department_code: str, note: str = ""
) -> WorkOrder:
    """Assign a signed order to the department that answers it."""
    code = department_code.strip().upper()
    if not code:
        raise SupervisionRefused("invalid", "no department", ("department_code",))
    return _step(context, session, no, "assign", {"department_code": code, "note": note.strip()})


def return_order(context: AppContext, session: Session, no: str, reason: str) -> WorkOrder:
    """退单: the order is not the center's; the hotline reads the ``reason``."""
    if not reason.strip():
        raise SupervisionRefused("invalid", "no reason", ("reason",))
    return _step(context, session, no, "return", {"reason": reason.strip()})


def parse_deadline(text: str) -> datetime | None:
    """``YYYY-MM-DD HH:MM`` (center time), or ``YYYY-MM-DD`` for the end of that day
    (23:59); None if it is neither."""
    text = text.strip().replace("T", " ")
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return datetime.combine(day, time(23, 59), tzinfo=CENTER_TZ)
        return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=CENTER_TZ)
    except ValueError:
        return None


def extend(context: AppContext, session: Session, no: str, reason: str, deadline: str) -> WorkOrder:
    """延期: a later answer deadline (``deadline`` as :func:`parse_deadline` reads it) with
    the ``reason`` the hotline sees.

    Raises:
        SupervisionRefused: ``invalid`` naming ``reason`` or ``answer_due_at`` (not a
            date, or not in the future: nothing sent), or as the service found them.
    """
    due = parse_deadline(deadline)
    missing = [] if reason.strip() else ["reason"]
    if due is None or due <= context.clock.now():
        missing.append("answer_due_at")
    if missing:
        raise SupervisionRefused("invalid", "incomplete extension", tuple(missing))
    assert due is not None
    body = {"reason": reason.strip(), "answer_due_at": due.isoformat()}
    return _step(context, session, no, "extend", body)
