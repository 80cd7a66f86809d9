"""The department's inbox at the desk (issue 19): the complaints (投诉) and 12345 work
orders (工单) assigned to the clerk's department, with their deadlines, answered from the
desk; the department's lead asks for an extension (延期) of a work order.

The service decides what the clerk sees (their department's; a complaint about the clerk
never reaches them). :func:`open_items` lists those still to answer as
:class:`InboxItem` (overdue first, then the nearest deadline), the personal data in their
text masked; :func:`answer` and :func:`extend` send. All online (the clerk's user token):
a refusal the clerk can act on is an :class:`InboxRefused` whose ``reason`` the GUI words.
Calls run on a worker thread; nothing is written locally.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.errors import UserError
from clerk_app.core.identity import mask_text
from clerk_app.remote import inbox_api as api
from clerk_app.remote.api import ApiError

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session

__all__ = ["InboxItem", "InboxRefused", "answer", "can_extend", "extend", "open_items"]

#: A complaint's statuses the department still answers.
COMPLAINT_OPEN = ("assigned", "reopened")
#: A work order's statuses the department still answers.
ORDER_OPEN = ("assigned", "extended", "redo")

#: Why the service (or the desk) refused, as :attr:`InboxRefused.reason`.
REASONS = frozenset(
    {
        "answered",  # answered already
        "closed",  # the complaint is closed
        "not-open",  # not at a step where the department answers (returned, ...)
        "not-found",  # not the department's (re-assigned), or gone
        "not-lead",  # an extension is the lead's
        "invalid",  # an empty text, a deadline not later than the current one
        "no-token",  # signed in offline
        "other",
    }
)


class InboxRefused(UserError):
    """An answer or extension the department cannot give.

    Attributes:
        reason: one of :data:`REASONS`.
        detail: the service's words (for the log; the GUI words ``reason``).
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason = reason if reason in REASONS else "other"
        self.detail = detail


@dataclass(frozen=True)
class InboxItem:
    """One complaint or work order to answer.

    Attributes:
        kind: ``complaint`` or ``order``.
        sort: the complaint's category or the order's kind (consultation, help, ...).
        subject: the order's title, or the complaint's first line.
        text: the account or the order's content, ID and mobile numbers masked.
        party: the complainant or caller as the service shows them (masked).
        due: the answer deadline (a complaint's: the end of its due day), or None.
        overdue: the service says it is past its deadline (escalated, red).
        extended: a work order whose deadline was extended once already.
        redo_reason: why the hotline sent the work order back (重办), ID and mobile
            numbers masked; "" if it never did.
    """

    kind: str
    no: str
    sort: str
    subject: str
    text: str
    party: str
    status: str
    due: datetime | None
    overdue: bool
    extended: bool = False
    redo_reason: str = ""

    def time_left(self, now: datetime) -> timedelta | None:
        """The time to the deadline (negative: past it), None without one."""
        return None if self.due is None else self.due - now

    def is_late(self, now: datetime) -> bool:
        """Red: the service escalated it, or its deadline has passed."""
        left = self.time_left(now)
        return self.overdue or (left is not None and left.total_seconds() < 0)


def _from_complaint(c: api.Complaint) -> InboxItem:
    due = None
    if c.due_date is not None:
        due = datetime.combine(c.due_date + timedelta(days=1), time(0), tzinfo=CENTER_TZ)
    text = mask_text(c.account)
    return InboxItem(
        kind="complaint",
        no=c.no,
        sort=c.category,
        subject=text.splitlines()[0][:60] if text else "",
        text=text,
        party=c.complainant,
        status=c.status,
        due=due,
        overdue=c.escalated,
    )


def _from_order(o: api.WorkOrder) -> InboxItem:
    return InboxItem(
        kind="order",
        no=o.no,
        sort=o.kind,
        subject=mask_text(o.title),
        text=mask_text(o.content),
        party=o.caller,
        status=o.status,
        due=o.answer_due_at,
        overdue=o.overdue,
        extended=o.extended,
        redo_reason=mask_text(o.redo_reason),
    )


def _token(session: Session) -> str:
    if not session.access_token:
        raise InboxRefused("no-token", "signed in offline")
    return str(session.access_token)


def _refused(exc: ApiError, *, extending: bool = False) -> Exception:
    """The service's refusal as an :class:`InboxRefused` (401 and the like stay)."""
    slug = exc.slug
    detail = str(exc.problem.get("detail") or exc)
    if exc.status == 404:
        return InboxRefused("not-found", detail)
    if exc.status == 403:
        return InboxRefused("not-lead" if extending else "other", detail)
    if exc.status == 422:
        return InboxRefused("invalid", detail)
    if exc.status == 409:
        if slug == "complaint-closed" or exc.problem.get("current_status") == "closed":
            return InboxRefused("closed", detail)
        # A complaint no longer answerable in the department's list was answered (then
        # called back); a work order says where it is.
        current = exc.problem.get("current_status")
        if slug == "complaint-state" or current == "answered":
            return InboxRefused("answered", detail)
        return InboxRefused("not-open", detail)
    return exc


def open_items(context: AppContext, session: Session) -> list[InboxItem]:
    """The department's complaints and work orders still to answer: overdue first, then
    the nearest deadline (none last)."""
    token = _token(session)
    try:
        complaints = api.complaints(context.backend.api, token)
        orders = api.orders(context.backend.api, token)
    except ApiError as exc:
        raise _refused(exc) from exc
    now = context.clock.now()
    items = [_from_complaint(c) for c in complaints if c.status in COMPLAINT_OPEN]
    items += [_from_order(o) for o in orders if o.status in ORDER_OPEN]
    far = datetime.max.replace(tzinfo=CENTER_TZ)
    return sorted(items, key=lambda i: (not i.is_late(now), i.due or far, i.no))


def can_extend(session: Session, item: InboxItem) -> bool:
    """Only a work order, and only by the department's lead."""
    return item.kind == "order" and "lead" in session.roles


def answer(context: AppContext, session: Session, item: InboxItem, text: str) -> InboxItem:
    """Send the department's answer to ``item``; the answered item comes back."""
    text = text.strip()
    if not text:
        raise InboxRefused("invalid", "no answer typed")
    token = _token(session)
    try:
        if item.kind == "complaint":
            return _from_complaint(api.answer_complaint(context.backend.api, token, item.no, text))
        return _from_order(api.answer_order(context.backend.api, token, item.no, text))
    except ApiError as exc:
        raise _refused(exc) from exc


def extend(
    context: AppContext, session: Session, item: InboxItem, reason: str, due: datetime
) -> InboxItem:
    """The lead's extension of a work order's answer deadline to ``due`` (aware), with
    the ``reason`` the hotline sees."""
    if not can_extend(session, item):
        raise InboxRefused("not-lead", "only a lead extends a work order")
    reason = reason.strip()
    if not reason:
        raise InboxRefused("invalid", "no reason typed")
    if due.tzinfo is None or due <= context.clock.now():
        raise InboxRefused("invalid", "the new deadline is not in the future")
    try:
        order = api.extend_order(context.backend.api, _token(session), item.no, reason, due)
    except ApiError as exc:
        raise _refused(exc, extending=True) from exc
    return _from_order(order)
