"""HTTP calls of the hall's queue (issue 18) on an :class:`ApiClient`, and their answers as
typed records.

The ticket kiosk: ``GET /queue/categories`` (with today's waiting counts), ``POST
/queue/tickets`` (idempotent: the ticket's ``id``, made at the kiosk, is the
Idempotency-Key) and ``POST /appointments/{code}/check-in`` (by the appointment code, or
``by-id`` with the ID number read from the card). A ticket printed while the kiosk was cut
off is not sent from here: its body waits in the outbox (``store.kiosk``) and the sync
engine sends it to :data:`TICKETS_PATH`.

Errors are the client's (:class:`ApiError`, :class:`NetworkError`, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from clerk_app.remote.api import API_PREFIX, ApiClient, BadResponseError, _expect_dict

#: Where tickets are issued (the outbox's path for a ticket printed offline).
TICKETS_PATH = f"{API_PREFIX}/queue/tickets"
#: The path code of a check-in by the holder's ID number.
BY_ID = "by-id"
#: ``(connect, read)`` seconds of a kiosk's call: a person stands at the screen; after this
#: the kiosk prints from its offline block instead.
KIOSK_TIMEOUT = (3.0, 8.0)


@dataclass(frozen=True)
class QueueCategory:
    """A business category of the hall (``GET /queue/categories``)."""

    code: str
    prefix: str
    name: str
    waiting: int
    daily_limit_per_id: int = 0
    slot_capacity: int = 0


@dataclass(frozen=True)
class IssuedTicket:
    """A ticket the service issued (``POST /queue/tickets`` or a check-in)."""

    id: str
    number: str
    category: str
    category_name: str
    priority_class: str
    appointment_code: str
    people_ahead: int
    query_code: str
    issued_at: str


def category_from_wire(data: Any) -> QueueCategory:
    """One category of ``GET /queue/categories``.

    Raises:
        BadResponseError: not a category.
    """
    try:
        return QueueCategory(
            code=str(data["code"]),
            prefix=str(data["prefix"]),
            name=str(data["name"]),
            waiting=int(data.get("waiting") or 0),
            daily_limit_per_id=int(data.get("daily_limit_per_id") or 0),
            slot_capacity=int(data.get("slot_capacity") or 0),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise BadResponseError(f"not a queue category: {exc}") from exc


def issued_from_wire(data: Any) -> IssuedTicket:
    """A ``TicketIssued`` / ``CheckInAnswer``: ``{ticket, people_ahead, query_code}``.

    Raises:
        BadResponseError: not an issued ticket.
    """
    try:
        ticket = data["ticket"]
        return IssuedTicket(
            id=str(ticket["id"]),
            number=str(ticket["number"]),
            category=str(ticket["category"]),
            category_name=str(ticket.get("category_name") or ""),
            priority_class=str(ticket.get("priority_class") or ""),
            appointment_code=str(ticket.get("appointment_code") or ""),
            people_ahead=int(data["people_ahead"]),
            query_code=str(data["query_code"]),
            issued_at=str(ticket["issued_at"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise BadResponseError(f"not an issued ticket: {exc}") from exc


def queue_categories(api: ApiClient, token: str) -> list[QueueCategory]:
    """``GET /queue/categories``: the center's active categories with their waiting count."""
    data = _expect_dict(
        api.request("GET", f"{API_PREFIX}/queue/categories", token=token, timeout=KIOSK_TIMEOUT)
    )
    items = data.get("items")
    if not isinstance(items, list):
        raise BadResponseError("queue categories without items")
    return [category_from_wire(item) for item in items]


def issue_ticket(api: ApiClient, token: str, body: dict[str, Any]) -> IssuedTicket:
    """``POST /queue/tickets`` with ``body`` (its ``id`` is the Idempotency-Key)."""
    response = api.request(
        "POST",
        TICKETS_PATH,
        token=token,
        body=body,
        idempotency_key=str(body["id"]),
        timeout=KIOSK_TIMEOUT,
    )
    return issued_from_wire(_expect_dict(response))


def check_in(api: ApiClient, token: str, code: str, body: dict[str, Any]) -> IssuedTicket:
    """``POST /appointments/{code}/check-in`` (``code`` :data:`BY_ID` with ``id_number`` in
    ``body``); ``body["id"]`` is the ticket's id and the Idempotency-Key."""
    response = api.request(
        "POST",
        f"{API_PREFIX}/appointments/{quote(code, safe='')}/check-in",
        token=token,
        body=body,
        idempotency_key=str(body["id"]),
        timeout=KIOSK_TIMEOUT,
    )
    return issued_from_wire(_expect_dict(response))
