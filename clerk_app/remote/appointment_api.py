"""HTTP calls of appointments booked at the desk (预约, issue 18) on an :class:`ApiClient`,
and their answers as typed records.

``POST /appointments`` (``source`` ``desk``; idempotent: the body's ``id`` is the
Idempotency-Key, so a retry gets the same appointment) and ``POST /appointments/{code}/
cancel`` (a desk sends the holder's ID number). The categories come from
``remote.queue_api.queue_categories``. Both calls are online: the clerk's user token.

Errors are the client's (:class:`ApiError`, :class:`NetworkError`, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from clerk_app.remote.api import API_PREFIX, ApiClient, BadResponseError, _expect_dict

#: ``(connect, read)`` seconds: the applicant is at the counter or on the phone.
TIMEOUT = (3.05, 20.0)


@dataclass(frozen=True)
class Appointment:
    """An appointment as the service shows it (``AppointmentPublic``): the holder's name,
    ID number and phone come back masked."""

    code: str
    category: str
    day: str
    half: str
    starts_at: str
    ends_at: str
    holder: str
    phone: str
    status: str


@dataclass(frozen=True)
class Booked:
    """``POST /appointments``'s answer."""

    appointment: Appointment
    places_left: int
    no_shows: int


def appointment_from_wire(data: Any) -> Appointment:
    """An ``AppointmentPublic``.

    Raises:
        BadResponseError: not an appointment.
    """
    try:
        return Appointment(
            code=str(data["code"]),
            category=str(data["category"]),
            day=str(data["day"]),
            half=str(data["half"]),
            starts_at=str(data.get("starts_at") or ""),
            ends_at=str(data.get("ends_at") or ""),
            holder=str(data.get("holder") or ""),
            phone=str(data.get("phone") or ""),
            status=str(data["status"]),
        )
    except (KeyError, TypeError) as exc:
        raise BadResponseError(f"not an appointment: {exc}") from exc


def book(api: ApiClient, token: str, body: dict[str, Any]) -> Booked:
    """``POST /appointments`` with ``body`` (its ``id`` is the Idempotency-Key)."""
    data = _expect_dict(
        api.request(
            "POST",
            f"{API_PREFIX}/appointments",
            token=token,
            body=body,
            idempotency_key=str(body["id"]),
            timeout=TIMEOUT,
        )
    )
    try:
        return Booked(
            appointment=appointment_from_wire(data["appointment"]),
            places_left=int(data["places_left"]),
            no_shows=int(data.get("no_shows") or 0),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise BadResponseError(f"not a booking: {exc}") from exc


def cancel(api: ApiClient, token: str, code: str, id_number: str, reason: str = "") -> Appointment:
    """``POST /appointments/{code}/cancel`` for the holder of ``id_number``."""
    body: dict[str, Any] = {"id_number": id_number}
    if reason:
        body["reason"] = reason
    data = _expect_dict(
        api.request(
            "POST",
            f"{API_PREFIX}/appointments/{quote(code, safe='')}/cancel",
            token=token,
            body=body,
            timeout=TIMEOUT,
        )
    )
    try:
        return appointment_from_wire(data["appointment"])
    except KeyError as exc:
        raise BadResponseError(f"not a cancellation: {exc}") from exc
