"""The records service's JSON for cases, events and documents, and back (API.md).

The only place the client turns :mod:`clerk_app.core.records` into the wire JSON of
docs/INTERFACES.md ("Case body") and reads it back. The shapes are the service's contract:
``case_to_wire`` gives exactly the ``POST /cases`` body the service's ``CaseCreate``
accepts (a test keeps the two in step); ``case_from_wire`` reads that body as well as a
case the service answers with (``GET /cases/{no}``, ``GET /changes``: with ``status`` and
``events``, without ``first_event``). Fields the service adds to its answers are ignored.

Raises from the readers: :class:`WireError` (a ``ValueError``) when a field is missing or
has the wrong type.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from clerk_app.core.identity import IdType
from clerk_app.core.lifecycle import Disposition, EventType, Status, initial_status
from clerk_app.core.records import (
    Case,
    CaseEvent,
    DocumentRecord,
    MaterialLine,
    Party,
    PartyKind,
)

__all__ = [
    "WireError",
    "case_from_wire",
    "case_to_wire",
    "document_to_wire",
    "event_from_wire",
    "event_to_wire",
    "material_to_wire",
    "party_from_wire",
    "party_to_wire",
]


class WireError(ValueError):
    """JSON from the service (or an outbox body) that is not the shape it should be."""


# -- writing ------------------------------------------------------------------------------


def party_to_wire(party: Party) -> dict[str, Any]:
    """An applicant or agent: ``{kind, name, id_type, id_number, [org fields], phone}``."""
    out: dict[str, Any] = {
        "kind": party.kind.value,
        "name": party.name,
        "id_type": party.id_type.value,
        "id_number": party.id_number,
    }
    if party.kind is PartyKind.ORGANIZATION:
        out["legal_representative"] = party.legal_representative
        out["contact_name"] = party.contact_name
    out["phone"] = party.phone
    if party.address:
        out["address"] = party.address
    return out


def material_to_wire(line: MaterialLine) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": line.code,
        "received": line.received,
        "deferred": line.deferred,
        "copies": line.copies,
    }
    if line.note:
        out["note"] = line.note
    return out


def event_to_wire(event: CaseEvent) -> dict[str, Any]:
    """An event as ``POST /cases/{no}/events`` takes it (``data`` only when there is some)."""
    out: dict[str, Any] = {
        "id": event.id,
        "type": event.type.value,
        "at": event.at.isoformat(),
        "actor": event.actor,
        "note": event.note,
    }
    if event.data:
        out["data"] = dict(event.data)
    return out


def case_to_wire(case: Case) -> dict[str, Any]:
    """The ``POST /cases`` body of a case taken in at this window.

    Raises:
        ValueError: the case has no events (its first event is the intake decision).
    """
    first = case.first_event
    if first is None:
        raise ValueError(f"case {case.case_no} has no first event")
    return {
        "id": case.id,
        "case_no": case.case_no,
        "query_code": case.query_code,
        "item_code": case.item_code,
        "window_code": case.window_code,
        "catalog_version": case.catalog_version,
        "applicant": party_to_wire(case.applicant),
        "agent": party_to_wire(case.agent) if case.agent is not None else None,
        "materials": [material_to_wire(m) for m in case.materials],
        "disposition": case.disposition.value,
        "received_at": case.received_at.isoformat(),
        "due_date": case.due_date.isoformat() if case.due_date else None,
        "due_date_provisional": case.due_date_provisional,
        "fee_fen": case.fee_fen,
        "clerk": case.clerk,
        "first_event": _first_event(first),
    }


def _first_event(event: CaseEvent) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": event.id,
        "type": event.type.value,
        "at": event.at.isoformat(),
        "note": event.note,
    }
    if event.data:
        out["data"] = dict(event.data)
    return out


def document_to_wire(record: DocumentRecord) -> dict[str, Any]:
    """The ``POST /cases/{case_no}/documents`` body (the case number is in the path)."""
    return {
        "id": record.id,
        "kind": record.kind,
        "document_no": record.document_no,
        "sha256": record.sha256,
        "issued_at": record.issued_at.isoformat(),
        "reprint": record.reprint,
        "clerk": record.clerk,
    }


# -- reading ------------------------------------------------------------------------------


def _get(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...] = str) -> Any:
    try:
        value = data[key]
    except (KeyError, TypeError):
        raise WireError(f"{key!r} is missing") from None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise WireError(f"{key!r} has the wrong type ({type(value).__name__})")
    return value


def _text(data: Mapping[str, Any], key: str) -> str:
    """An optional text field: missing and null read as empty."""
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise WireError(f"{key!r} has the wrong type ({type(value).__name__})")
    return value


def _moment(data: Mapping[str, Any], key: str) -> datetime:
    try:
        value = datetime.fromisoformat(_get(data, key))
    except ValueError:
        raise WireError(f"{key!r} is not an ISO 8601 time") from None
    if value.tzinfo is None:
        raise WireError(f"{key!r} has no UTC offset")
    return value


def _enum(cls: Any, value: Any, key: str) -> Any:
    try:
        return cls(value)
    except ValueError:
        raise WireError(f"{key!r}: unknown value {value!r}") from None


def party_from_wire(data: Any) -> Party:
    if not isinstance(data, Mapping):
        raise WireError("a party is not an object")
    return Party(
        kind=_enum(PartyKind, _get(data, "kind"), "kind"),
        name=_get(data, "name"),
        id_type=_enum(IdType, _get(data, "id_type"), "id_type"),
        id_number=_get(data, "id_number"),
        phone=_text(data, "phone"),
        legal_representative=_text(data, "legal_representative"),
        contact_name=_text(data, "contact_name"),
        address=_text(data, "address"),
    )


def _material_from_wire(data: Any) -> MaterialLine:
    if not isinstance(data, Mapping):
        raise WireError("a material is not an object")
    return MaterialLine(
        code=_get(data, "code"),
        received=_get(data, "received", bool),
        deferred=bool(data.get("deferred", False)),
        copies=int(data.get("copies", 1)),
        note=_text(data, "note"),
    )


def event_from_wire(data: Any, *, actor: str | None = None) -> CaseEvent:
    """An event of a case (``actor`` stands in when the JSON names none: a first event)."""
    if not isinstance(data, Mapping):
        raise WireError("an event is not an object")
    extra = data.get("data")
    if extra is not None and not isinstance(extra, Mapping):
        raise WireError("'data' of an event is not an object")
    named = data.get("actor")
    return CaseEvent(
        id=str(_get(data, "id")),
        type=_enum(EventType, _get(data, "type"), "type"),
        at=_moment(data, "at"),
        actor=named if isinstance(named, str) else actor,
        note=_text(data, "note"),
        data=dict(extra or {}),
    )


def case_from_wire(data: Any) -> Case:
    """A case from a ``POST /cases`` body or from the service's answer (see the module doc).

    A body without ``status`` gets the initial status of its disposition; its events are its
    ``first_event``. An answer's ``events`` are read instead.
    """
    if not isinstance(data, Mapping):
        raise WireError("a case is not an object")
    clerk = _get(data, "clerk")
    disposition = _enum(Disposition, _get(data, "disposition"), "disposition")
    raw_events = data.get("events")
    if raw_events is not None:
        if not isinstance(raw_events, list):
            raise WireError("'events' is not a list")
        events = tuple(event_from_wire(e) for e in raw_events)
    elif data.get("first_event") is not None:
        events = (event_from_wire(data["first_event"], actor=clerk),)
    else:
        events = ()
    status_value = data.get("status")
    status = (
        initial_status(disposition)
        if status_value is None
        else _enum(Status, status_value, "status")
    )
    due = data.get("due_date")
    agent = data.get("agent")
    materials = _get(data, "materials", list)
    try:
        due_date = date.fromisoformat(due) if due else None
    except (TypeError, ValueError):
        raise WireError("'due_date' is not a YYYY-MM-DD date") from None
    return Case(
        id=str(_get(data, "id")),
        case_no=_get(data, "case_no"),
        query_code=_get(data, "query_code"),
        item_code=_get(data, "item_code"),
        window_code=_get(data, "window_code"),
        catalog_version=_get(data, "catalog_version"),
        applicant=party_from_wire(_get(data, "applicant", Mapping)),
        agent=party_from_wire(agent) if agent is not None else None,
        materials=tuple(_material_from_wire(m) for m in materials),
        disposition=disposition,
        status=status,
        received_at=_moment(data, "received_at"),
        due_date=due_date,
        due_date_provisional=bool(data.get("due_date_provisional", False)),
        fee_fen=int(data.get("fee_fen", 0)),
        clerk=clerk,
        events=events,
    )
