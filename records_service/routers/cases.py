"""POST /cases (idempotent) and GET /cases/{case_no}."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Request, Response
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clerk_app.core.clock import CENTER_TZ
from records_service import audit, catalog_store, rules
from records_service.deps import (
    ClockDep,
    CurrentPrincipal,
    DatabaseDep,
    Principal,
    SessionDep,
    client_ip,
)
from records_service.models import Case, CaseEvent, IdempotencyKey, User, Window
from records_service.problems import ProblemError
from records_service.schemas import CaseCreate

router = APIRouter(tags=["cases"])

ROUTE_CREATE_CASE = "POST /cases"
JSON_MEDIA_TYPE = "application/json"


async def raw_body(request: Request) -> bytes:
    """The request body as sent (FastAPI has read and cached it already)."""
    return await request.body()


RawBodyDep = Annotated[bytes, Depends(raw_body)]


def request_hash(raw: bytes) -> str:
    """SHA-256 of the canonical JSON of the body: key order and spacing do not count."""
    return hashlib.sha256(catalog_store.canonical_json(json.loads(raw))).hexdigest()


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(CENTER_TZ).isoformat()


def event_public(event: CaseEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "type": event.type,
        "at": _iso(event.at),
        "actor": event.actor,
        "window_code": event.window_code,
        "note": event.note,
        "data": event.data,
    }


def case_public(case: Case) -> dict[str, Any]:
    """The case as the API shows it, with its events."""
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
        "received_at": _iso(case.received_at),
        "due_date": case.due_date.isoformat() if case.due_date else None,
        "due_date_provisional": case.due_date_provisional,
        "completed_at": _iso(case.completed_at),
        "fee_fen": case.fee_fen,
        "clerk": case.clerk,
        "device_id": case.device_id,
        "updated_at": _iso(case.updated_at),
        "events": [event_public(e) for e in case.events],
    }


def _replay(row: IdempotencyKey) -> Response:
    return Response(
        content=(row.response_body or "").encode("utf-8"),
        status_code=row.status_code or 200,
        media_type=JSON_MEDIA_TYPE,
        headers={"Idempotency-Replayed": "true"},
    )


def _answer_existing(row: IdempotencyKey, digest: str) -> Response:
    """What a repeated key gets: the stored answer, a mismatch, or "still in flight"."""
    if row.request_hash != digest:
        raise ProblemError(
            422,
            "idempotency-mismatch",
            "This Idempotency-Key was used before with a different request body.",
            title="Idempotency key reused",
        )
    if row.state == "done" and row.response_body is not None:
        return _replay(row)
    raise ProblemError(
        409,
        "in-flight",
        "The first request with this Idempotency-Key is still being applied; retry later.",
        title="Request in flight",
        headers={"Retry-After": "1"},
    )


def _field_errors(errors: list[dict[str, str]], detail: str) -> ProblemError:
    return ProblemError(422, "validation", detail, title="Validation failed", errors=errors)


def _check_case(session: Session, body: CaseCreate, principal: Principal) -> None:
    """Business checks of a new case; raises a problem naming every bad field."""
    if body.window_code != principal.window_code:
        raise ProblemError(
            403,
            "wrong-window",
            f"This token may write only for window {principal.window_code or '(none)'}.",
        )
    errors: list[dict[str, str]] = []
    if body.case_no.split("-")[1] != body.window_code:
        errors.append({"field": "case_no", "message": "case number is not from this window"})

    if principal.kind == "user":
        if body.clerk != principal.username:
            errors.append({"field": "clerk", "message": "must be the signed-in clerk"})
    else:
        clerk = session.scalars(select(User).where(User.username == body.clerk)).first()
        if clerk is None or "clerk" not in clerk.roles or clerk.window_code != body.window_code:
            errors.append({"field": "clerk", "message": "not a clerk of this window"})

    catalog = catalog_store.by_version(session, body.catalog_version) or catalog_store.latest(
        session
    )
    if catalog is None or body.item_code not in catalog_store.item_codes(catalog.document):
        errors.append({"field": "item_code", "message": "unknown catalog item"})

    if not rules.is_event_type(body.first_event.type):
        errors.append({"field": "first_event.type", "message": "unknown event type"})

    parties = [("applicant", body.applicant)]
    if body.agent is not None:
        parties.append(("agent", body.agent))
    for prefix, party in parties:
        try:
            messages = rules.identity_errors(party.id_type, party.id_number)
        except rules.UnknownIdType:
            errors.append({"field": f"{prefix}.id_type", "message": "unknown document type"})
            continue
        errors.extend({"field": f"{prefix}.id_number", "message": m} for m in messages)
    if errors:
        fields = ", ".join(sorted({e["field"] for e in errors}))
        raise _field_errors(errors, f"Invalid fields: {fields}")


def _new_case(body: CaseCreate, principal: Principal, now: datetime) -> Case:
    data = body.model_dump(mode="json", exclude_none=True)
    case = Case(
        id=str(body.id),
        case_no=body.case_no,
        seq=int(body.case_no.rsplit("-", 1)[1]),
        query_code=body.query_code,
        item_code=body.item_code,
        window_code=body.window_code,
        catalog_version=body.catalog_version,
        applicant=data["applicant"],
        agent=data.get("agent"),
        materials=data["materials"],
        disposition=body.disposition,
        status=rules.initial_status(body.disposition),
        received_at=body.received_at,
        due_date=body.due_date,
        due_date_provisional=body.due_date_provisional,
        fee_fen=body.fee_fen,
        clerk=body.clerk,
        created_by=principal.actor,
        device_id=principal.device_id,
        created_at=now,
        updated_at=now,
    )
    case.events = [
        CaseEvent(
            id=str(body.first_event.id),
            type=body.first_event.type,
            at=body.first_event.at,
            actor=body.clerk,
            window_code=body.window_code,
            note=body.first_event.note,
            data=body.first_event.data,
            device_id=principal.device_id,
            recorded_at=now,
        )
    ]
    return case


def _audit_rejection(
    db: DatabaseDep, request: Request, principal: Principal, now: datetime, target: str, result: str
) -> None:
    with db.write() as session:
        audit.record(
            session,
            at=now,
            action="case.create",
            result=result,
            actor=principal.actor,
            device_id=principal.device_id,
            target=target,
            client_ip=client_ip(request),
        )


@router.post(
    "/cases",
    status_code=201,
    operation_id="create_case",
    responses={
        201: {"description": "created, or the stored answer to a repeated request"},
        400: {"description": "Idempotency-Key missing"},
        409: {"description": "in flight, or the case number is taken"},
        422: {"description": "invalid, or Idempotency-Key reused with another body"},
    },
)
def create_case(
    body: CaseCreate,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: Annotated[str | None, Header(max_length=64)] = None,
) -> Response:
    """Create a case, exactly once per ``Idempotency-Key`` (the case id)."""
    if not idempotency_key:
        raise ProblemError(
            400, "idempotency-key-required", "The Idempotency-Key header is required."
        )
    if not (principal.kind == "device" or principal.has_role("clerk")):
        raise ProblemError(403, "forbidden", "Only a clerk or a window's device creates cases.")
    try:
        key_matches = uuid.UUID(idempotency_key) == body.id
    except ValueError:
        key_matches = False
    if not key_matches:
        raise _field_errors(
            [{"field": "id", "message": "must equal the Idempotency-Key header"}],
            "The case id must equal the Idempotency-Key.",
        )
    key = str(body.id)
    digest = request_hash(raw)
    now = clock()

    with db.write_sessions() as session:
        existing = session.scalars(select(IdempotencyKey).where(IdempotencyKey.key == key)).first()
        if existing is not None:
            return _answer_existing(existing, digest)
        _check_case(session, body, principal)
        marker = IdempotencyKey(
            key=key,
            route=ROUTE_CREATE_CASE,
            request_hash=digest,
            state="in_flight",
            principal=principal.actor,
            created_at=now,
        )
        session.add(marker)
        try:
            session.flush()
        except IntegrityError:
            session.rollback()
            concurrent = session.scalars(
                select(IdempotencyKey).where(IdempotencyKey.key == key)
            ).first()
            if concurrent is not None:
                return _answer_existing(concurrent, digest)
            raise ProblemError(
                409,
                "in-flight",
                "A request with this key is being applied; retry later.",
                headers={"Retry-After": "1"},
            ) from None
        case = _new_case(body, principal, now)
        session.add(case)
        try:
            session.flush()
        except IntegrityError:
            session.rollback()
            _audit_rejection(db, request, principal, now, body.case_no, "conflict")
            raise ProblemError(
                409,
                "conflict",
                f"Case number {body.case_no} (or its first event) is already recorded.",
                title="Case number taken",
            ) from None
        content = json.dumps({"case": case_public(case)}, ensure_ascii=False, separators=(",", ":"))
        marker.state = "done"
        marker.status_code = 201
        marker.response_body = content
        audit.record(
            session,
            at=now,
            action="case.create",
            result="ok",
            actor=principal.actor,
            device_id=principal.device_id,
            target=body.case_no,
            client_ip=client_ip(request),
            detail={"clerk": body.clerk, "case_id": key},
        )
        session.commit()
    return Response(
        content=content.encode("utf-8"),
        status_code=201,
        media_type=JSON_MEDIA_TYPE,
        headers={"Location": f"{request.url.path}/{body.case_no}"},
    )


def may_read(principal: Principal, case: Case, department_code: str | None) -> bool:
    if principal.has_role("admin"):
        return True
    if principal.has_role("lead") and principal.department_code == department_code:
        return True
    return principal.window_code == case.window_code and (
        principal.kind == "device" or principal.has_role("clerk")
    )


@router.get("/cases/{case_no}", operation_id="get_case")
def get_case(
    case_no: Annotated[str, Path(max_length=40)],
    principal: CurrentPrincipal,
    session: SessionDep,
) -> dict[str, Any]:
    """One case with its events: clerks of its window, leads of its department, admins."""
    case = session.scalars(select(Case).where(Case.case_no == case_no)).first()
    if case is None:
        raise ProblemError(404, "not-found", f"No case {case_no}.")
    window = session.get(Window, case.window_code)
    if not may_read(principal, case, window.department_code if window else None):
        raise ProblemError(403, "forbidden", "This case belongs to another window.")
    return {"case": case_public(case)}
