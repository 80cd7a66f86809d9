"""How the local database keeps a case: its columns and JSON columns, and back to records.

The store's own small codec (it never imports :mod:`clerk_app.remote`). The case's scalar
facts are columns; the applicant is ``applicant_json`` (the worklist's search columns are
generated from it); what has no column of its own (agent, materials, fee, clerk, catalog
version) is in ``payload_json``. Rows written before the typed records hold the whole
``POST /cases`` body in ``payload_json``: the keys read here are the same, so they read as
they always did. Events are rows of ``case_events``; an event's typed data
(:mod:`clerk_app.core.event_data`) is ``data_json``, each field under its own name (dates
as ``YYYY-MM-DD``): :func:`data_json` and :func:`data_from_json`, which also read what
older versions kept there (the wire's keys are the fields' names).
"""

from __future__ import annotations

import dataclasses
import json
import types
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin, get_type_hints

from clerk_app.core.event_data import EventData, data_type
from clerk_app.core.identity import IdType
from clerk_app.core.lifecycle import Disposition, EventType, Status
from clerk_app.core.records import (
    Case,
    CaseEvent,
    ForwardedTo,
    MaterialLine,
    Party,
    PartyKind,
    ServerState,
)
from clerk_app.store.outbox import canonical_json

if TYPE_CHECKING:  # rows of either driver (stdlib or sqlcipher3): a keyed desk loads one
    import sqlite3


def party_json(party: Party) -> dict[str, Any]:
    """A party as the JSON columns keep it (same keys as the service uses)."""
    out: dict[str, Any] = {
        "kind": party.kind.value,
        "name": party.name,
        "id_type": party.id_type.value,
        "id_number": party.id_number,
        "phone": party.phone,
    }
    if party.kind is PartyKind.ORGANIZATION:
        out["legal_representative"] = party.legal_representative
        out["contact_name"] = party.contact_name
    if party.address:
        out["address"] = party.address
    return out


def party_from_json(data: Mapping[str, Any]) -> Party:
    return Party(
        kind=PartyKind(data["kind"]),
        name=str(data["name"]),
        id_type=IdType(data["id_type"]),
        id_number=str(data["id_number"]),
        phone=str(data.get("phone") or ""),
        legal_representative=str(data.get("legal_representative") or ""),
        contact_name=str(data.get("contact_name") or ""),
        address=str(data.get("address") or ""),
    )


def _material_json(line: MaterialLine) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": line.code,
        "received": line.received,
        "deferred": line.deferred,
        "copies": line.copies,
    }
    if line.note:
        out["note"] = line.note
    if line.by_commitment:
        out["by_commitment"] = True
    return out


def _material_from_json(data: Mapping[str, Any]) -> MaterialLine:
    return MaterialLine(
        code=str(data["code"]),
        received=bool(data.get("received")),
        deferred=bool(data.get("deferred")),
        copies=int(data.get("copies", 1)),
        note=str(data.get("note") or ""),
        by_commitment=bool(data.get("by_commitment")),
    )


#: The codec of one material line (a joint case's combined materials use it too).
material_json = _material_json
material_from_json = _material_from_json


def payload_json(case: Case) -> dict[str, Any]:
    """What ``payload_json`` keeps of a case."""
    return {
        "id": case.id,
        "case_no": case.case_no,
        "query_code": case.query_code,
        "item_code": case.item_code,
        "window_code": case.window_code,
        "catalog_version": case.catalog_version,
        "applicant": party_json(case.applicant),
        "agent": None if case.agent is None else party_json(case.agent),
        "materials": [_material_json(m) for m in case.materials],
        "disposition": case.disposition.value,
        "received_at": case.received_at.isoformat(),
        "due_date": case.due_date.isoformat() if case.due_date else None,
        "due_date_provisional": case.due_date_provisional,
        "fee_fen": case.fee_fen,
        "clerk": case.clerk,
    } | ({"forwarded_to": forwarded_json(case.forwarded_to)} if case.forwarded_to else {})


def forwarded_json(linked: ForwardedTo | None) -> dict[str, Any] | None:
    """A case's ``forwarded_to`` as ``payload_json`` keeps it (上报, issue 20)."""
    if linked is None:
        return None
    return {
        "case_no": linked.case_no,
        "center_code": linked.center_code,
        "status": linked.status.value,
        "completed_at": linked.completed_at.isoformat() if linked.completed_at else None,
    }


def forwarded_from_json(raw: Any) -> ForwardedTo | None:
    """What :func:`forwarded_json` wrote (None: not forwarded up, or an older row)."""
    if not isinstance(raw, Mapping):
        return None
    done = raw.get("completed_at")
    return ForwardedTo(
        case_no=str(raw["case_no"]),
        center_code=str(raw["center_code"]),
        status=Status(raw["status"]),
        completed_at=datetime.fromisoformat(done) if done else None,
    )


def _plain(value: Any) -> Any:
    """A field's value as JSON values (records as objects, enums by value, dates as text)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _typed(hint: Any, value: Any) -> Any:
    """``value`` read back as the field type ``hint`` says."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        if value is None:
            return None
        (inner,) = [a for a in get_args(hint) if a is not type(None)]
        return _typed(inner, value)
    if origin is tuple:
        return tuple(_typed(get_args(hint)[0], v) for v in value or ())
    if origin is Mapping:
        return {str(k): _typed(get_args(hint)[1], v) for k, v in (value or {}).items()}
    if hint is date:
        return date.fromisoformat(value)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _record(hint, value)
    return value


def _record(cls: type, raw: Mapping[str, Any]) -> Any:
    hints = get_type_hints(cls)
    return cls(
        **{
            f.name: _typed(hints[f.name], raw[f.name])
            for f in dataclasses.fields(cls)
            if f.init and f.name in raw
        }
    )


def data_json(data: EventData | None) -> dict[str, Any] | None:
    """An event's data as ``data_json`` keeps it (None: the event records nothing more)."""
    return None if data is None else _plain(data)


def data_from_json(
    event_type: EventType, raw: Mapping[str, Any] | None, *, first: bool
) -> EventData | None:
    """The typed data of an event of ``event_type`` (``first``: the intake decision).

    Keys that are no field of the record are left out; no data (None, ``{}``) reads None.
    """
    kind = data_type(event_type, first=first)
    if kind is None or not raw:
        return None
    data: EventData = _record(kind, raw)
    return data


def event_row(event: CaseEvent, case_id: str) -> tuple[Any, ...]:
    """The values of a ``case_events`` row, in the order of :data:`INSERT_EVENT`."""
    return (
        event.id,
        case_id,
        event.type.value,
        event.at.isoformat(),
        event.actor,
        event.note,
        canonical_json(data_json(event.data) or {}),
    )


INSERT_EVENT = (
    "INSERT INTO case_events (id, case_id, type, at, actor, note, data_json)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)
#: The same, leaving out an event that is here already (events from the service).
INSERT_NEW_EVENT = INSERT_EVENT.replace("INSERT INTO", "INSERT OR IGNORE INTO")


def event_from_row(row: sqlite3.Row, *, first: bool) -> CaseEvent:
    """An event from its ``case_events`` row (``first``: the case's first event)."""
    event_type = EventType(row["type"])
    return CaseEvent(
        id=row["id"],
        type=event_type,
        at=datetime.fromisoformat(row["at"]),
        actor=row["actor"],
        note=row["note"] or "",
        data=data_from_json(event_type, json.loads(row["data_json"] or "{}"), first=first),
    )


def case_from_row(row: sqlite3.Row, events: tuple[CaseEvent, ...]) -> Case:
    payload = json.loads(row["payload_json"])
    agent = payload.get("agent")
    return Case(
        id=row["id"],
        case_no=row["case_no"],
        query_code=row["query_code"] or "",
        item_code=row["item_code"],
        window_code=row["window_code"],
        catalog_version=str(payload.get("catalog_version") or ""),
        applicant=party_from_json(json.loads(row["applicant_json"])),
        agent=party_from_json(agent) if agent else None,
        materials=tuple(_material_from_json(m) for m in payload.get("materials") or ()),
        disposition=Disposition(row["disposition"]),
        status=Status(row["status"]),
        received_at=datetime.fromisoformat(row["received_at"]),
        due_date=date.fromisoformat(row["due_date"]) if row["due_date"] else None,
        due_date_provisional=bool(row["due_provisional"]),
        fee_fen=int(payload.get("fee_fen") or 0),
        clerk=str(payload.get("clerk") or ""),
        events=events,
        server_state=ServerState(row["server_state"]),
        **joint_fields(row),
        forwarded_to=forwarded_from_json(payload.get("forwarded_to")),
    )


def joint_fields(row: sqlite3.Row) -> dict[str, str]:
    """A case row's joint case, stage and department ('' for an ordinary case; rows read
    through an older query without the columns read as ordinary)."""
    keys = row.keys()
    return {
        name: str(row[name] or "") if name in keys else ""
        for name in ("joint_case_no", "stage", "department_code")
    }


def case_json(case: Case) -> dict[str, Any]:
    """A whole case with its status and events (the center's version a conflict keeps)."""
    return {
        **payload_json(case),
        "joint_case_no": case.joint_case_no,
        "stage": case.stage,
        "department_code": case.department_code,
        "status": case.status.value,
        "events": [
            {
                "id": e.id,
                "type": e.type.value,
                "at": e.at.isoformat(),
                "actor": e.actor,
                "note": e.note,
                "data": data_json(e.data),
            }
            for e in case.events
        ],
    }


def case_from_json(data: Mapping[str, Any]) -> Case:
    """The case :func:`case_json` kept (also reads what older versions kept: the service's
    own JSON of the case)."""
    agent = data.get("agent")
    due = data.get("due_date")
    return Case(
        id=str(data["id"]),
        case_no=str(data["case_no"]),
        query_code=str(data.get("query_code") or ""),
        item_code=str(data["item_code"]),
        window_code=str(data["window_code"]),
        catalog_version=str(data.get("catalog_version") or ""),
        applicant=party_from_json(data["applicant"]),
        agent=party_from_json(agent) if agent else None,
        materials=tuple(_material_from_json(m) for m in data.get("materials") or ()),
        disposition=Disposition(data["disposition"]),
        status=Status(data["status"]),
        received_at=datetime.fromisoformat(data["received_at"]),
        due_date=date.fromisoformat(due) if due else None,
        due_date_provisional=bool(data.get("due_date_provisional")),
        fee_fen=int(data.get("fee_fen") or 0),
        clerk=str(data.get("clerk") or ""),
        events=tuple(
            CaseEvent(
                id=str(e["id"]),
                type=EventType(e["type"]),
                at=datetime.fromisoformat(e["at"]),
                actor=e.get("actor"),
                note=str(e.get("note") or ""),
                data=data_from_json(EventType(e["type"]), e.get("data"), first=i == 0),
            )
            for i, e in enumerate(data.get("events") or ())
        ),
        server_state=ServerState.SYNCED,
        joint_case_no=str(data.get("joint_case_no") or ""),
        stage=str(data.get("stage") or ""),
        department_code=str(data.get("department_code") or ""),
    )
