"""HTTP calls of the calling window and of the hall's call panel (issue 18) on an
:class:`ApiClient`, and their answers as typed records.

The window: ``POST /queue/next`` (the next ticket, or a typed number), ``POST
/queue/tickets/{no}/recall|no-show|transfer|finish``, ``POST /windows/{code}/pause|
resume`` and the visit's one rating ``POST /visits/ratings`` (its body is built by
:func:`visit_rating_body`; the desk queues it in its outbox, :data:`VISIT_RATINGS_PATH`).
Each step with the ticket carries the desk's Idempotency-Key for it (sent again after a
lost answer, it is applied once). After a restart the window reads the ticket at it and its
pause from ``GET /queue/categories`` (:func:`window_now`). The hall: ``GET
/queue/calls?after=&wait=`` (long-poll).

Errors are the client's (:class:`ApiError`, :class:`NetworkError`, ...).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

from clerk_app.remote.api import (
    API_PREFIX,
    ApiClient,
    BadResponseError,
    NetworkError,
    TlsError,
    _expect_dict,
)
from clerk_app.remote.wire import answer_time

#: Where the visit's rating goes (the outbox's path).
VISIT_RATINGS_PATH = f"{API_PREFIX}/visits/ratings"
#: ``(connect, read)`` seconds of a window's call: the applicant waits at the counter.
WINDOW_TIMEOUT = (3.05, 15.0)
#: Read time allowed beyond a long-poll's ``wait``.
POLL_MARGIN = 10.0


@dataclass(frozen=True)
class WindowTicket:
    """A ticket as the window sees it (``TicketPublic``)."""

    id: str
    number: str
    category: str
    category_name: str
    status: str
    priority_class: str
    window_code: str
    recalls: int
    transferred_from: str
    case_nos: tuple[str, ...]
    issued_at: datetime
    offline: bool


@dataclass(frozen=True)
class WireCall:
    """One call of ``GET /queue/calls`` (``CallPublic``)."""

    id: int
    number: str
    window_code: str
    called_at: datetime
    kind: str


@dataclass(frozen=True)
class CallPage:
    """An answer of ``GET /queue/calls``: the calls (oldest first) and the next cursor."""

    items: tuple[WireCall, ...]
    next: int


def ticket_from_wire(data: Any) -> WindowTicket:
    """A ``TicketPublic``.

    Raises:
        BadResponseError: not a ticket.
    """
    try:
        return WindowTicket(
            id=str(data["id"]),
            number=str(data["number"]),
            category=str(data["category"]),
            category_name=str(data.get("category_name") or ""),
            status=str(data["status"]),
            priority_class=str(data.get("priority_class") or ""),
            window_code=str(data.get("window_code") or ""),
            recalls=int(data.get("recalls") or 0),
            transferred_from=str(data.get("transferred_from") or ""),
            case_nos=tuple(str(c) for c in data.get("case_nos") or ()),
            issued_at=answer_time(data["issued_at"]),
            offline=bool(data.get("offline")),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise BadResponseError(f"not a queue ticket: {exc}") from exc


def call_from_wire(data: Any) -> WireCall:
    """A ``CallPublic``.

    Raises:
        BadResponseError: not a call.
    """
    try:
        return WireCall(
            id=int(data["id"]),
            number=str(data["number"]),
            window_code=str(data["window_code"]),
            called_at=answer_time(data["called_at"]),
            kind=str(data.get("kind") or "call"),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise BadResponseError(f"not a queue call: {exc}") from exc


def _ticket_of(response: Any, key: str = "ticket") -> WindowTicket:
    data = _expect_dict(response)
    return ticket_from_wire(data.get(key))


def call_next(api: ApiClient, token: str, number: str | None = None) -> WindowTicket:
    """``POST /queue/next``: the window's next ticket, or ``number`` typed at the window."""
    body = {} if number is None else {"number": number}
    response = api.request(
        "POST", f"{API_PREFIX}/queue/next", token=token, body=body, timeout=WINDOW_TIMEOUT
    )
    return _ticket_of(response)


def _ticket_action(
    api: ApiClient, token: str, number: str, action: str, key: str, body: Any = None
) -> Any:
    """A step with the window's ticket, sent with its Idempotency-Key ``key``.

    A connection that fails after the request went out may have lost the answer to a step
    the service applied: it is sent once more with the same key, and the service answers
    with the first answer (a recall is not announced twice). A certificate problem is not
    retried.
    """
    path = f"{API_PREFIX}/queue/tickets/{quote(number, safe='')}/{action}"
    for attempt in (1, 2):
        try:
            return api.request(
                "POST", path, token=token, body=body, idempotency_key=key, timeout=WINDOW_TIMEOUT
            )
        except TlsError:
            raise
        except NetworkError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def recall(api: ApiClient, token: str, number: str, *, key: str) -> WindowTicket:
    """``POST /queue/tickets/{no}/recall``: the hall screen calls the ticket again."""
    return _ticket_of(_ticket_action(api, token, number, "recall", key))


def no_show(api: ApiClient, token: str, number: str, *, key: str) -> WindowTicket:
    """``POST /queue/tickets/{no}/no-show`` (过号)."""
    return _ticket_of(_ticket_action(api, token, number, "no-show", key))


def transfer(
    api: ApiClient,
    token: str,
    number: str,
    *,
    key: str,
    category: str | None = None,
    window: str | None = None,
) -> WindowTicket:
    """``POST /queue/tickets/{no}/transfer``; the new ticket (waiting, its place kept)."""
    body: dict[str, str] = {}
    if category:
        body["category"] = category
    if window:
        body["window"] = window
    return _ticket_of(_ticket_action(api, token, number, "transfer", key, body))


def finish(
    api: ApiClient, token: str, number: str, case_nos: list[str], *, key: str
) -> WindowTicket:
    """``POST /queue/tickets/{no}/finish`` with the cases served in the visit."""
    body = {"case_nos": case_nos}
    return _ticket_of(_ticket_action(api, token, number, "finish", key, body))


def pause_window(api: ApiClient, token: str, window: str, reason: str) -> dict[str, Any]:
    """``POST /windows/{code}/pause`` with the reason; the window's state."""
    response = api.request(
        "POST",
        f"{API_PREFIX}/windows/{quote(window, safe='')}/pause",
        token=token,
        body={"reason": reason},
        timeout=WINDOW_TIMEOUT,
    )
    return _expect_dict(response)


def resume_window(api: ApiClient, token: str, window: str) -> dict[str, Any]:
    """``POST /windows/{code}/resume``; the window's state."""
    response = api.request(
        "POST",
        f"{API_PREFIX}/windows/{quote(window, safe='')}/resume",
        token=token,
        timeout=WINDOW_TIMEOUT,
    )
    return _expect_dict(response)


def visit_rating_body(
    rating_id: str,
    *,
    ticket: str | None,
    case_nos: list[str],
    score: int,
    comment: str,
    rated_at: datetime,
    clerk: str,
) -> dict[str, Any]:
    """The body of ``POST /visits/ratings`` (``id`` is the Idempotency-Key)."""
    body: dict[str, Any] = {
        "id": rating_id,
        "case_nos": list(case_nos),
        "score": score,
        "comment": comment,
        "rated_at": rated_at.isoformat(),
        "clerk": clerk,
    }
    if ticket:
        body["ticket"] = ticket
    return body


def rate_visit(api: ApiClient, token: str, body: dict[str, Any]) -> dict[str, Any]:
    """``POST /visits/ratings`` now (a desk without a local store)."""
    response = api.request(
        "POST",
        VISIT_RATINGS_PATH,
        token=token,
        body=body,
        idempotency_key=str(body["id"]),
        timeout=WINDOW_TIMEOUT,
    )
    return _expect_dict(response)


def list_calls(
    api: ApiClient,
    token: str,
    *,
    after: int | None,
    wait: float,
    windows: Sequence[str] = (),
) -> CallPage:
    """``GET /queue/calls``: the calls after ``after`` (None: today's latest), waiting up
    to ``wait`` seconds for one (long-poll); with ``windows``, only the calls to those
    windows (one hall's screen)."""
    params: dict[str, Any] = {"wait": wait}
    if after is not None:
        params["after"] = after
    if windows:
        params["windows"] = ",".join(windows)
    response = api.request(
        "GET",
        f"{API_PREFIX}/queue/calls",
        token=token,
        params=params,
        timeout=(WINDOW_TIMEOUT[0], wait + POLL_MARGIN),
    )
    data = _expect_dict(response)
    items = data.get("items")
    if not isinstance(items, list):
        raise BadResponseError("queue calls without items")
    try:
        cursor = int(data["next"])
    except (KeyError, TypeError, ValueError) as exc:
        raise BadResponseError(f"queue calls without a cursor: {exc}") from exc
    return CallPage(tuple(call_from_wire(item) for item in items), cursor)


@dataclass(frozen=True)
class HallCategory:
    """A category of the hall as the window transfers to it (``GET /queue/categories``)."""

    code: str
    prefix: str
    name: str
    windows: tuple[str, ...]
    waiting: int


def _categories_answer(api: ApiClient, token: str) -> dict[str, Any]:
    return _expect_dict(
        api.request("GET", f"{API_PREFIX}/queue/categories", token=token, timeout=WINDOW_TIMEOUT)
    )


@dataclass(frozen=True)
class WindowNow:
    """The caller's window as the service has it (``WindowNow``): the ticket at it (None:
    idle) and its open pause."""

    window_code: str
    serving: WindowTicket | None
    paused: bool
    pause_reason: str


def window_now(api: ApiClient, token: str) -> WindowNow | None:
    """The window's ticket and pause (``GET /queue/categories``'s ``window``); None when
    the service does not say (a caller not at a window).

    Raises:
        BadResponseError: ``window`` is not a window's state.
    """
    data = _categories_answer(api, token).get("window")
    if data is None:
        return None
    try:
        serving = data.get("serving")
        return WindowNow(
            window_code=str(data["window_code"]),
            serving=ticket_from_wire(serving) if serving is not None else None,
            paused=bool(data["paused"]),
            pause_reason=str(data.get("pause_reason") or ""),
        )
    except (AttributeError, KeyError, TypeError) as exc:
        raise BadResponseError(f"not a window's state: {exc}") from exc


def hall_categories(api: ApiClient, token: str) -> list[HallCategory]:
    """``GET /queue/categories`` with the windows serving each category."""
    data = _categories_answer(api, token)
    items = data.get("items")
    if not isinstance(items, list):
        raise BadResponseError("queue categories without items")
    try:
        return [
            HallCategory(
                code=str(item["code"]),
                prefix=str(item["prefix"]),
                name=str(item["name"]),
                windows=tuple(str(w) for w in item.get("windows") or ()),
                waiting=int(item.get("waiting") or 0),
            )
            for item in items
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise BadResponseError(f"not a queue category: {exc}") from exc
