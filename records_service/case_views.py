"""How cases and events look in the API, and who may see them."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.core.clock import CENTER_TZ
from records_service import forwards, rules
from records_service.deps import Principal
from records_service.models import Case, CaseEvent, User, Window
from records_service.problems import ProblemError


async def raw_body(request: Request) -> bytes:
    """The request body as sent (FastAPI has read and cached it already)."""
    return await request.body()


RawBodyDep = Annotated[bytes, Depends(raw_body)]


def iso(value: datetime | None) -> str | None:
    """ISO 8601 in the center's time zone (``+08:00``)."""
    return value.astimezone(CENTER_TZ).isoformat() if value is not None else None


def event_public(event: CaseEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "type": event.type,
        "at": iso(event.at),
        "actor": event.actor,
        "window_code": event.window_code,
        "note": event.note,
        "data": event.data,
    }


def case_public(case: Case, *, events_upto: int | None = None) -> dict[str, Any]:
    """The case as the API shows it, with its events.

    Args:
        events_upto: show only events placed in the change feed (``pos``) up to this
            place. The change feed reads a page in one statement but the events in
            another; on PostgreSQL (READ COMMITTED) that second one may already see a
            later event, which would show the same state again at that event's own place
            in the feed.
    """
    return {
        "id": case.id,
        "case_no": case.case_no,
        "query_code": case.query_code,
        "item_code": case.item_code,
        "window_code": case.window_code,
        "catalog_version": case.catalog_version,
        "applicant": case.applicant,
        "agent": case.agent,
        "materials": case.materials,
        "disposition": case.disposition,
        "status": case.status,
        "received_at": iso(case.received_at),
        "due_date": case.due_date.isoformat() if case.due_date else None,
        "due_date_provisional": case.due_date_provisional,
        "completed_at": iso(case.completed_at),
        "fee_fen": case.fee_fen,
        "clerk": case.clerk,
        "device_id": case.device_id,
        "updated_at": iso(case.updated_at),
        # A part of a joint case (issue 16): its joint case, stage and department.
        "joint_case_no": case.joint_case_no,
        "stage": case.stage,
        "department_code": case.department_code,
        "events": [
            event_public(e)
            for e in case.events
            if events_upto is None or (e.pos is not None and e.pos <= events_upto)
        ],
        # 上报 between levels (issue 20): where it came from, where it went and how it fares.
        **forwards.links(case, events_upto=events_upto),
    }


def case_json(case: Case) -> str:
    """The ``{"case": ...}`` answer as compact JSON text (stored for replays)."""
    return json.dumps({"case": case_public(case)}, ensure_ascii=False, separators=(",", ":"))


def may_read(principal: Principal, window_code: str, department_code: str | None) -> bool:
    """Clerks and devices of the case's window, leads of its department, admins."""
    if principal.has_role("admin"):
        return True
    if principal.has_role("lead") and principal.department_code == department_code:
        return True
    return principal.window_code == window_code and (
        principal.kind == "device" or principal.has_role("clerk")
    )


def department_of(session: Session, window_code: str) -> str | None:
    window = session.get(Window, window_code)
    return window.department_code if window else None


def clerk_error(
    session: Session, principal: Principal, username: str, window_code: str, field: str
) -> dict[str, str] | None:
    """Check the clerk named in a write: the signed-in user, or for a device token a clerk
    of the device's window. Returns a field error, or None when the clerk is fine."""
    if principal.kind == "user":
        if username != principal.username:
            return {"field": field, "message": "must be the signed-in user"}
        return None
    clerk = session.scalars(select(User).where(User.username == username)).first()
    if clerk is None or "clerk" not in clerk.roles or clerk.window_code != window_code:
        return {"field": field, "message": "not a clerk of this window"}
    return None


def require_own_window(window_code: str, principal: Principal) -> None:
    """403 ``wrong-window`` unless the record is written for the caller's own window (a
    first write and a replay alike: cases and joint cases)."""
    if window_code != principal.window_code:
        raise ProblemError(
            403,
            "wrong-window",
            f"This token may write only for window {principal.window_code or '(none)'}.",
        )


def party_errors(prefix: str, party: Any) -> list[dict[str, str]]:
    """Field errors of an applicant's or agent's identity document (``prefix``: where)."""
    try:
        messages = rules.identity_errors(party.id_type, party.id_number)
    except rules.UnknownIdType:
        return [{"field": f"{prefix}.id_type", "message": "unknown document type"}]
    return [{"field": f"{prefix}.id_number", "message": m} for m in messages]
