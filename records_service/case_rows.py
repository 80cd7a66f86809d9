"""The values a new case writes (``case_write``): its row, its first event's, its key's
with the stored answer, and its audit record's fields. Pure: no session, no statement."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from records_service import rules
from records_service.case_views import iso
from records_service.deps import Principal
from records_service.idempotency import KeyedWrite
from records_service.schemas import CaseAnswer, CaseCreate, public_json

ROUTE = "POST /cases"
#: The body's fields stored as JSON columns (dumped to JSON values; the rest is used as is).
_JSON_FIELDS = {"applicant", "agent", "materials"}


def rows(
    body: CaseCreate, principal: Principal, center: str | None, now: datetime
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The case's and its first event's column values."""
    data = body.model_dump(mode="json", exclude_none=True, include=_JSON_FIELDS)
    first = body.first_event
    case = {
        "id": str(body.id),
        "case_no": body.case_no,
        "seq": rules.case_seq(body.case_no),
        "query_code": body.query_code,
        "item_code": body.item_code,
        "window_code": body.window_code,
        "center_code": center,
        "catalog_version": body.catalog_version,
        "applicant": data["applicant"],
        "agent": data.get("agent"),
        "materials": data["materials"],
        "disposition": body.disposition,
        "status": rules.initial_status(body.disposition),
        "received_at": body.received_at,
        "due_date": body.due_date,
        "due_date_provisional": body.due_date_provisional,
        "completed_at": None,
        "fee_fen": body.fee_fen,
        "clerk": body.clerk,
        "created_by": principal.actor,
        "device_id": principal.device_id,
        "created_at": now,
        "updated_at": now,
        "joint_case_no": None,
        "stage": None,
        "department_code": None,
        "forwarded_from": None,
    }
    event = {
        "id": str(first.id),
        "case_id": case["id"],
        "center_code": center,
        "type": first.type,
        "at": first.at,
        "actor": body.clerk,
        "window_code": body.window_code,
        "note": first.note,
        "data": first.data,
        "device_id": principal.device_id,
        "recorded_at": now,
    }
    return case, event


def answer(case: dict[str, Any], event: dict[str, Any]) -> str:
    """The stored answer of a new case that went nowhere (``case_views.case_public`` of
    the same rows: no joint part, nothing forwarded)."""
    public = {
        "id": case["id"],
        "case_no": case["case_no"],
        "query_code": case["query_code"],
        "item_code": case["item_code"],
        "window_code": case["window_code"],
        "catalog_version": case["catalog_version"],
        "applicant": case["applicant"],
        "agent": case["agent"],
        "materials": case["materials"],
        "disposition": case["disposition"],
        "status": case["status"],
        "received_at": iso(case["received_at"]),
        "due_date": case["due_date"].isoformat() if case["due_date"] else None,
        "due_date_provisional": case["due_date_provisional"],
        "completed_at": None,
        "fee_fen": case["fee_fen"],
        "clerk": case["clerk"],
        "device_id": case["device_id"],
        "updated_at": iso(case["updated_at"]),
        "joint_case_no": None,
        "stage": None,
        "department_code": None,
        "events": [
            {
                "id": event["id"],
                "type": event["type"],
                "at": iso(event["at"]),
                "actor": event["actor"],
                "window_code": event["window_code"],
                "note": event["note"],
                "data": event["data"],
            }
        ],
        "forwarded_from": None,
        "forwarded_to": None,
    }
    return public_json(CaseAnswer, {"case": public})


def key_row(write: KeyedWrite, content: str) -> dict[str, Any]:
    """The key's row, with its stored answer (``content``)."""
    return {
        "key": write.key,
        "route": ROUTE,
        "request_hash": write.digest,
        "state": "done",
        "principal": write.caller,
        "created_at": write.now,
        "status_code": 201,
        "response_body": content,
    }


def audit_fields(
    body: CaseCreate, principal: Principal, now: datetime, ip: str | None
) -> dict[str, Any]:
    """The audit record of a new case (``audit.record``'s arguments)."""
    return {
        "at": now,
        "action": "case.create",
        "result": "ok",
        "actor": principal.actor,
        "device_id": principal.device_id,
        "target": body.case_no,
        "client_ip": ip,
        "detail": {"clerk": body.clerk, "case_id": str(body.id)},
    }
