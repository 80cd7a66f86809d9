"""POST /cases/{case_no}/documents: a document issued or reprinted (idempotent)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response
from sqlalchemy.orm import Session

from records_service import audit, reach, rules
from records_service.case_views import RawBodyDep, clerk_error
from records_service.deps import ClockDep, CurrentPrincipal, DatabaseDep, client_ip
from records_service.idempotency import REPLAY_HEADERS, Applied, IdempotencyKeyDep, keyed_write
from records_service.joint_documents import document_public, joint_no_for
from records_service.models import CaseDocument
from records_service.problems import invalid_fields, problem_responses
from records_service.schemas import DocumentAnswer, DocumentCreate, public_json

router = APIRouter(tags=["cases"])

ROUTE_CASE_DOCUMENT = "POST /cases/{case_no}/documents"


@router.post(
    "/cases/{case_no}/documents",
    status_code=201,
    operation_id="record_case_document",
    response_model=DocumentAnswer,
    responses={
        201: {
            "description": "recorded (or the stored answer to a retry)",
            "headers": REPLAY_HEADERS,
        },
        **problem_responses(
            400,
            401,
            403,
            404,
            409,
            413,
            422,
            s403="not a clerk or a window's device",
            s404="no such case, or one outside the caller's reach (the same answer)",
            s409="``…/in-flight``: the first request with this key is still being applied",
        ),
    },
)
def record_document(
    case_no: Annotated[str, Path(max_length=40)],
    body: DocumentCreate,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Record a document issued or reprinted at the window, exactly once per key (its id)."""
    write = keyed_write(
        db,
        key=idempotency_key,
        record_id=body.id,
        raw=raw,
        principal=principal,
        now=clock(),
        allowed=principal.kind == "device" or principal.has_role("clerk"),
        refusal="Only a clerk or a window's device does this.",
    )
    now = write.now

    def apply(session: Session) -> Applied:
        case = reach.case_in_reach(session, principal, case_no)
        errors: list[dict[str, str]] = []
        # A part of a joint case is worked, and its notices issued, at its department's
        # windows too (issue 16).
        acting = principal.window_code if case.joint_case_no and principal.window_code else None
        bad_clerk = clerk_error(session, principal, body.clerk, acting or case.window_code, "clerk")
        if bad_clerk:
            errors.append(bad_clerk)
        number = rules.parse_document_no(body.document_no)
        if number is None:
            errors.append({"field": "document_no", "message": "not a document number"})
        elif not body.reprint and number.window != principal.window_code:
            errors.append({"field": "document_no", "message": "not from this window"})
        joint_no, bad_joint = joint_no_for(case, body.kind, body.joint_no)
        if bad_joint:
            errors.append({"field": "joint_no", "message": bad_joint})
        if errors or number is None:
            raise invalid_fields(errors)
        doc = CaseDocument(
            id=str(body.id),
            case_id=case.id,
            kind=body.kind,
            document_no=body.document_no,
            window_code=number.window,
            year=number.year,
            seq=number.seq,
            sha256=body.sha256,
            reprint=body.reprint,
            issued_at=body.issued_at,
            clerk=body.clerk,
            device_id=principal.device_id,
            recorded_at=now,
            joint_no=joint_no,
        )
        session.add(doc)
        session.flush()
        audit.record(
            session,
            at=now,
            action="document.reprint" if body.reprint else "document.issue",
            result="ok",
            actor=body.clerk,
            device_id=principal.device_id,
            target=body.document_no,
            client_ip=client_ip(request),
            detail={
                "case_no": case_no,
                "kind": body.kind,
                **({"joint_no": joint_no} if joint_no else {}),
            },
        )
        content = public_json(DocumentAnswer, {"document": document_public(doc, case_no)})
        return 201, content, {}

    return write.run(ROUTE_CASE_DOCUMENT, apply, reach.case_guard(principal, case_no))
