"""Request and answer models of the 12345 hotline's work orders (工单, issue 19); see
``records_service.hotline``.

Requests are strict (unknown fields are refused); every field an answer carries is declared.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from records_service.schemas import Moment, Public, Strict, Timestamp

OrderKind = Literal["consultation", "help", "complaint", "praise"]
OrderStatus = Literal["received", "signed", "assigned", "answered", "returned", "extended", "redo"]
#: The hotline's own order number (also the ``Idempotency-Key`` of its creation).
OrderNo = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
Code = Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_-]+$")]
Text = Annotated[str, Field(min_length=1, max_length=4000)]
Reason = Annotated[str, Field(min_length=1, max_length=2000)]


class TimeLimit(Strict):
    """A deadline the hotline sets: ``value`` hours (calendar hours from the moment the
    center receives the order, or the redo), or ``value`` working days (to the end of the
    ``value``-th working day after that day, on the service's calendar)."""

    value: Annotated[int, Field(ge=1, le=1000)]
    unit: Literal["hours", "working_days"]


class HotlineOrderCreate(Strict):
    """``POST /hotline/orders``: a work order the 12345 hotline dispatches to the center.

    ``no`` is the hotline's number and must equal the ``Idempotency-Key`` header: the same
    number sent again with the same body gets the stored answer, with another body 422.
    ``caller_name`` and ``caller_phone`` are personal data: kept as a case's applicant is,
    only ever answered masked (the hotline does its own call-back)."""

    no: OrderNo
    kind: OrderKind
    title: Annotated[str, Field(min_length=1, max_length=200)]
    content: Text
    caller_name: Annotated[str, Field(max_length=100)] = ""
    caller_phone: Annotated[str, Field(max_length=32, pattern=r"^[0-9+ -]*$")] = ""
    #: Sign for it (签收) within this.
    sign_within: TimeLimit
    #: Answer it (办结/答复) within this.
    answer_within: TimeLimit


class HotlineAssign(Strict):
    """``POST /hotline/orders/{no}/assign``: the department that answers."""

    department_code: Code
    note: Annotated[str, Field(max_length=2000)] = ""


class HotlineAnswer(Strict):
    """``POST /hotline/orders/{no}/answer``: the department's answer (答复)."""

    answer: Text


class HotlineReturn(Strict):
    """``POST /hotline/orders/{no}/return``: 退单, the order is not the center's."""

    reason: Reason


class HotlineExtend(Strict):
    """``POST /hotline/orders/{no}/extend``: 延期, a later answer deadline with a reason."""

    reason: Reason
    answer_due_at: Timestamp


class HotlineRedo(Strict):
    """``POST /hotline/orders/{no}/redo``: 重办, the hotline sends an answered (or
    returned) order back; ``answer_within`` the new answer deadline (default: the order's
    own ``answer_within`` again, counted from now)."""

    reason: Reason
    answer_within: TimeLimit | None = None


class HotlineEventPublic(Public):
    kind: str
    at: Moment
    by: str
    data: dict[str, Any]


class ExtensionPublic(Public):
    reason: str
    at: Moment
    by: str
    previous_due_at: Moment | None
    answer_due_at: Moment


class RedoPublic(Public):
    """The hotline's latest send-back (重办): why, when, and the answer it sent back."""

    reason: str
    at: Moment
    previous_answer: str | None


class HotlineOrderPublic(Public):
    """A work order as the hotline and the center see it; ``late``: answered after its
    deadline; ``overdue``: unanswered past it now; ``sign_late``: signed after its sign
    deadline (or unsigned past it now)."""

    no: str
    kind: OrderKind
    title: str
    content: str
    caller: str
    status: OrderStatus
    department_code: str | None
    sign_due_at: Moment | None
    answer_due_at: Moment | None
    signed_at: Moment | None
    sign_late: bool
    answered_at: Moment | None
    answer: str | None
    late: bool
    overdue: bool
    return_reason: str | None
    extension: ExtensionPublic | None
    #: The latest 重办 (the department answers it again), None if never sent back.
    redo: RedoPublic | None
    complaint_no: str | None
    created_at: Moment
    updated_at: Moment
    version: int
    events: list[HotlineEventPublic]


class HotlineOrderList(Public):
    """``GET /hotline/orders``: orders changed after ``updated_after`` (oldest change
    first); ask again with ``updated_after`` = ``next`` for the rest."""

    items: list[HotlineOrderPublic]
    next: Moment | None
    more: bool
