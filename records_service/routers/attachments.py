"""The files of a case's materials (issue 22): declare, upload in chunks, list, read.

``POST /cases/{case_no}/attachments`` declares a file (idempotent, its id the key);
``PUT /uploads/{id}`` takes one chunk (``Content-Range``); ``GET
/cases/{case_no}/attachments`` lists a case's files; ``GET /attachments/{id}`` gives one
whole file (audited). Whoever reaches the case reaches its files; anyone else gets 404,
and the public progress query never shows them. See ``records_service.attachments``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from records_service import attachments as files
from records_service import audit, reach
from records_service import presubmission_attachments as presub_files
from records_service.attachments import (
    AttachmentAnswer,
    AttachmentCreate,
    AttachmentList,
    UploadAnswer,
)
from records_service.case_views import RawBodyDep
from records_service.deps import (
    ClockDep,
    CurrentPrincipal,
    DatabaseDep,
    Principal,
    SessionDep,
    SettingsDep,
    client_ip,
)
from records_service.idempotency import REPLAY_HEADERS, Applied, IdempotencyKeyDep, keyed_write
from records_service.joint_attachments import shared_of_others
from records_service.models import Attachment, Case
from records_service.problems import ProblemError, invalid_field, problem_responses
from records_service.schemas import public_json

router = APIRouter(tags=["attachments"])

ROUTE_CREATE_ATTACHMENT = "POST /cases/{case_no}/attachments"
_NOT_REACHED = "no such case or file, or one outside the caller's reach (the same answer)"
_BINARY = {"schema": {"type": "string", "format": "binary"}}

AttachmentId = Annotated[str, Path(min_length=1, max_length=36)]


@router.post(
    "/cases/{case_no}/attachments",
    status_code=201,
    operation_id="create_attachment",
    response_model=AttachmentAnswer,
    responses={
        201: {
            "description": "declared (or the stored answer to a retry); send the bytes "
            "with ``PUT /uploads/{id}``",
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
            s404=_NOT_REACHED,
            s409="``…/in-flight``: the first request with this key is still being applied",
            s413="``…/attachment-too-large``: the file is over the per-file limit; "
            "``…/case-attachments-too-large``: the case's files would pass the per-case "
            "limit (``limit`` says how many bytes)",
        ),
    },
)
def create_attachment(
    case_no: Annotated[str, Path(max_length=40)],
    body: AttachmentCreate,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    settings: SettingsDep,
    clock: ClockDep,
    idempotency_key: IdempotencyKeyDep,
) -> Response:
    """Declare a file of one of the case's materials, exactly once per key (its id)."""
    write = keyed_write(
        db, key=idempotency_key, record_id=body.id, raw=raw, principal=principal, now=clock()
    )
    chunk = files.chunk_bytes(settings)

    if presub_files.is_uploader(principal):  # the website: a pre-submission's file
        return write.run(
            ROUTE_CREATE_ATTACHMENT,
            lambda session: _declare_presubmission_file(
                session, settings, principal, case_no, body, write.now, chunk
            ),
            presub_files.guard(principal, case_no),
        )

    def apply(session: Session) -> Applied:
        case = reach.case_in_reach(session, principal, case_no)
        bad_material = files.check_material(case, body.material_code)
        if bad_material:
            raise invalid_field("material_code", bad_material)
        if session.get(Attachment, str(body.id)) is not None:
            raise invalid_field("id", "already names another file")
        files.check_limits(session, settings, case, body.size)
        row = files.new_attachment(body, case, principal, write.now)
        session.add(row)
        session.flush()
        content = public_json(
            AttachmentAnswer,
            {
                "attachment": files.attachment_public(row, case.case_no),
                "upload": files.upload_public(row, chunk),
            },
        )
        return 201, content, {}

    return write.run(ROUTE_CREATE_ATTACHMENT, apply, reach.case_guard(principal, case_no))


def _declare_presubmission_file(
    session: Session,
    settings: Any,
    principal: Principal,
    no: str,
    body: AttachmentCreate,
    now: datetime,
    chunk: int,
) -> Applied:
    row = presub_files.declare(session, settings, principal, no, body, now)
    session.add(row)
    session.flush()
    content = public_json(
        AttachmentAnswer,
        {"attachment": files.attachment_public(row, no), "upload": files.upload_public(row, chunk)},
    )
    return 201, content, {}


@router.put(
    "/uploads/{upload_id}",
    operation_id="upload_attachment_chunk",
    response_model=UploadAnswer,
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "the chunk's bytes, as ``Content-Range`` places them",
            "content": {"application/octet-stream": _BINARY},
        }
    },
    responses={
        200: {
            "description": "the chunk is acknowledged (a chunk acknowledged before is taken "
            "again without change); ``received`` says how many bytes the service holds, "
            "``complete`` whether the whole file arrived with its declared SHA-256"
        },
        **problem_responses(
            400,
            401,
            403,
            404,
            409,
            413,
            422,
            s400="``…/bad-range``: ``Content-Range: bytes START-END/SIZE`` missing or malformed",
            s404=_NOT_REACHED,
            s409="``…/upload-offset``: the chunk starts after the bytes acknowledged so far "
            "(``received`` says where to go on from)",
            s413="the chunk is larger than the service takes in one request",
            s422="``…/bad-range``: the range does not fit the body or the file; "
            "``…/hash-mismatch``: the whole file's SHA-256 is not the declared one, or "
            "``…/content-mismatch``: it is not the declared kind of file — the bytes were "
            "thrown away, send the file again from byte 0",
        ),
    },
)
def upload_chunk(
    upload_id: AttachmentId,
    raw: RawBodyDep,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    settings: SettingsDep,
    clock: ClockDep,
    content_range: Annotated[
        str | None,
        Header(
            alias="Content-Range",
            max_length=64,
            description="``bytes START-END/SIZE`` (END inclusive, SIZE the declared size)",
        ),
    ] = None,
) -> Response:
    """Take one chunk of a declared file; the last one checks the whole file's SHA-256."""
    store = files.FileStore(files.attachments_root(settings))
    chunk = files.chunk_bytes(settings)
    with db.write_sessions() as session:
        if presub_files.is_uploader(principal):  # the website: a pre-submission's file
            row, number = presub_files.in_reach(session, principal, upload_id, lock=True)
        else:
            row, case = files.in_reach(session, principal, upload_id, lock=True)
            number = case.case_no
        span = files.parse_range(content_range, len(raw), row.size)
        if row.completed_at is None and span.end >= row.received:
            if span.start > row.received:
                raise files.beyond_received(row, span.start)
            store.write_at(row.id, row.received, raw[row.received - span.start :])
            row.received = span.end + 1
            if row.received == row.size:
                _finish(session, store, row, number, request, principal, clock())
        answer = public_json(UploadAnswer, {"upload": files.upload_public(row, chunk)})
        session.commit()
    if row.completed_at is not None:
        store.discard(row.id)  # the whole file is in its place; the partial one may go
    return Response(answer, media_type="application/json")


def _finish(
    session: Session,
    store: files.FileStore,
    row: Attachment,
    number: str,
    request: Request,
    principal: Principal,
    now: datetime,
) -> None:
    """The last byte arrived: check the whole file, then keep it by its content (or throw
    it away and restart the upload, committed before the 422 is raised)."""
    digest, head = store.partial_digest(row.id, row.size)
    problem = None
    if digest != row.sha256:
        problem = files.hash_mismatch(row, digest)
    elif not head.startswith(files.MAGIC[row.content_type]):
        problem = files.content_mismatch(row)
    if problem is not None:
        row.received = 0
        session.commit()
        store.discard(row.id)
        raise problem
    store.complete(row.id, row.sha256, row.size)
    row.completed_at = now
    audit.record(
        session,
        at=now,
        action="attachment.receive",
        result="ok",
        actor=principal.actor,
        device_id=principal.device_id,
        target=row.id,
        client_ip=client_ip(request),
        detail={"case_no": number, "material_code": row.material_code, "sha256": row.sha256},
    )


@router.get(
    "/cases/{case_no}/attachments",
    operation_id="list_case_attachments",
    response_model=AttachmentList,
    responses=problem_responses(401, 403, 404, 422, s404=_NOT_REACHED),
)
def list_attachments(
    case_no: Annotated[str, Path(max_length=40)],
    principal: CurrentPrincipal,
    session: SessionDep,
) -> dict[str, Any]:
    """The case's files by material and page (``complete`` false: still being uploaded);
    for a part of a joint case, then the shared materials kept with its other parts (each
    with its part's ``case_no``). A pre-submission's number, before its take-in: its files,
    for its department's pre-review."""
    case = session.scalars(
        select(Case).where(Case.case_no == case_no).where(reach.case_reach(session, principal))
    ).first()
    if case is None:  # a pre-submission before its take-in: its department's pre-review
        pending = presub_files.reviewer_files(session, principal, case_no)
        if pending is None:
            raise reach.not_found(f"case {case_no}")
        return {"items": [files.attachment_public(r, case_no) for r in pending]}
    rows = session.scalars(
        select(Attachment)
        .where(Attachment.case_id == case.id)
        .order_by(Attachment.material_code, Attachment.page, Attachment.created_at)
    )
    items = [files.attachment_public(r, case.case_no) for r in rows]
    items += [files.attachment_public(r, no) for r, no in shared_of_others(session, case)]
    return {"items": items}


@router.get(
    "/attachments/{attachment_id}",
    operation_id="get_attachment",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "the whole file, as declared (``ETag`` its SHA-256)",
            "content": {
                "image/png": _BINARY,
                "image/jpeg": _BINARY,
                "application/pdf": _BINARY,
            },
        },
        **problem_responses(
            401,
            403,
            404,
            422,
            s404="no such file, one not yet uploaded whole, or one outside the caller's "
            "reach (the same answer)",
        ),
    },
)
def get_attachment(
    attachment_id: AttachmentId,
    request: Request,
    principal: CurrentPrincipal,
    db: DatabaseDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> StreamingResponse:
    """One whole file of a case's material; each read is audited."""
    store = files.FileStore(files.attachments_root(settings))
    now = clock()
    with db.write() as session:
        row, number = _readable(session, principal, attachment_id)
        if row.completed_at is None or not store.has(row.sha256):
            raise reach.not_found(f"attachment {attachment_id}")
        audit.record(
            session,
            at=now,
            action="attachment.view",
            result="ok",
            actor=principal.actor,
            device_id=principal.device_id,
            target=row.id,
            client_ip=client_ip(request),
            detail={"case_no": number, "material_code": row.material_code},
        )
        sha256, content_type, size = row.sha256, row.content_type, row.size
    return StreamingResponse(
        store.read(sha256),
        media_type=content_type,
        headers={"ETag": f'"{sha256}"', "Content-Length": str(size)},
    )


def _readable(session: Session, principal: Principal, attachment_id: str) -> tuple[Attachment, str]:
    """A file the caller may read and the number it is filed under: a case's in reach (a
    joint case's shared material through any part), else a pre-submission's for its
    department's pre-review; else 404."""
    try:
        row, case = files.in_reach(session, principal, attachment_id, shared=True)
        return row, case.case_no
    except ProblemError as exc:
        if exc.status != 404:
            raise
        pending = presub_files.reviewer_file(session, principal, attachment_id)
        if pending is None:
            raise
        return pending
