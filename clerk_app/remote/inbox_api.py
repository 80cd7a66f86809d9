"""HTTP calls of the department's inbox at the desk (issue 19) on an :class:`ApiClient`:
the complaints (投诉) and 12345 work orders (工单) assigned to the clerk's department.

``GET /complaints`` (the service lists only the caller's department's, never one about
the caller), ``POST /complaints/{no}/answer``; ``GET /hotline/orders`` (every page, from
the first change), ``POST /hotline/orders/{no}/answer`` and ``.../extend`` (the lead).
All online: the clerk's user token. Errors are the client's (:class:`ApiError`, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from clerk_app.remote.api import API_PREFIX, ApiClient, BadResponseError, _expect_dict
from clerk_app.remote.wire import answer_time

#: ``(connect, read)`` seconds.
TIMEOUT = (3.05, 20.0)


@dataclass(frozen=True)
class Complaint:
    """A complaint as the assigned department sees it (``ComplaintPublic``; the
    complainant masked by the service)."""

    no: str
    category: str
    about_kind: str
    complainant: str
    account: str
    status: str
    due_date: date | None
    escalated: bool
    answer: str
    created_at: datetime


@dataclass(frozen=True)
class WorkOrder:
    """A 12345 work order as the assigned department sees it (``HotlineOrderPublic``)."""

    no: str
    kind: str
    title: str
    content: str
    caller: str
    status: str
    answer_due_at: datetime | None
    overdue: bool
    answer: str
    extended: bool
    updated_at: datetime
    #: Why the hotline sent it back to be redone (重办), "" if it never did.
    redo_reason: str = ""


def complaint_from_wire(data: Any) -> Complaint:
    """A ``ComplaintPublic``.

    Raises:
        BadResponseError: not a complaint.
    """
    try:
        due = data.get("due_date")
        return Complaint(
            no=str(data["no"]),
            category=str(data.get("category") or ""),
            about_kind=str(data.get("about_kind") or ""),
            complainant=str(data.get("complainant_name") or ""),
            account=str(data.get("account") or ""),
            status=str(data["status"]),
            due_date=date.fromisoformat(str(due)) if due else None,
            escalated=bool(data.get("escalated")),
            answer=str(data.get("answer") or ""),
            created_at=answer_time(data["created_at"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BadResponseError(f"not a complaint: {exc}") from exc


def order_from_wire(data: Any) -> WorkOrder:
    """A ``HotlineOrderPublic``.

    Raises:
        BadResponseError: not a work order.
    """
    try:
        due = data.get("answer_due_at")
        redo = data.get("redo")
        return WorkOrder(
            no=str(data["no"]),
            kind=str(data.get("kind") or ""),
            title=str(data.get("title") or ""),
            content=str(data.get("content") or ""),
            caller=str(data.get("caller") or ""),
            status=str(data["status"]),
            answer_due_at=answer_time(due) if due else None,
            overdue=bool(data.get("overdue")),
            answer=str(data.get("answer") or ""),
            extended=data.get("extension") is not None,
            updated_at=answer_time(data["updated_at"]),
            redo_reason=str(redo.get("reason") or "") if redo else "",
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BadResponseError(f"not a work order: {exc}") from exc


def complaints(api: ApiClient, token: str) -> list[Complaint]:
    """The complaints the caller's department answers (escalated first, then by deadline)."""
    response = api.request(
        "GET", f"{API_PREFIX}/complaints", token=token, params={"limit": 500}, timeout=TIMEOUT
    )
    return [complaint_from_wire(c) for c in _expect_dict(response).get("items") or []]


def orders(api: ApiClient, token: str) -> list[WorkOrder]:
    """Every work order assigned to the caller's department (all pages, latest state)."""
    found: dict[str, WorkOrder] = {}
    cursor: str | None = None
    for _ in range(1000):  # a bound: 500 a page
        params: dict[str, Any] = {"limit": 500}
        if cursor:
            params["updated_after"] = cursor
        response = api.request(
            "GET", f"{API_PREFIX}/hotline/orders", token=token, params=params, timeout=TIMEOUT
        )
        data = _expect_dict(response)
        for item in data.get("items") or []:
            order = order_from_wire(item)
            found[order.no] = order
        cursor = data.get("next")
        if not data.get("more") or not cursor:
            break
    return list(found.values())


def _post(api: ApiClient, token: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = api.request("POST", f"{API_PREFIX}{path}", token=token, body=body, timeout=TIMEOUT)
    return _expect_dict(response)


def answer_complaint(api: ApiClient, token: str, no: str, text: str) -> Complaint:
    """``POST /complaints/{no}/answer``."""
    data = _post(api, token, f"/complaints/{quote(no, safe='')}/answer", {"answer": text})
    return complaint_from_wire(data.get("complaint"))


def answer_order(api: ApiClient, token: str, no: str, text: str) -> WorkOrder:
    """``POST /hotline/orders/{no}/answer``."""
    return order_from_wire(
        _post(api, token, f"/hotline/orders/{quote(no, safe='')}/answer", {"answer": text})
    )


def extend_order(api: ApiClient, token: str, no: str, reason: str, due: datetime) -> WorkOrder:
    """``POST /hotline/orders/{no}/extend``: the new answer deadline ``due`` (aware)."""
    body = {"reason": reason, "answer_due_at": due.isoformat()}
    return order_from_wire(_post(api, token, f"/hotline/orders/{quote(no, safe='')}/extend", body))
