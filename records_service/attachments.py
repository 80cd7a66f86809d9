"""The files of a case's materials (issue 22): declared, uploaded in chunks, kept on disk.

A desk declares a file (``POST /cases/{case_no}/attachments``: material, page, content
type, size, SHA-256; idempotent, its id is the key) and then sends its bytes in chunks
(``PUT /uploads/{id}`` with ``Content-Range: bytes START-END/SIZE``). The service
acknowledges bytes in order only (``received``); a chunk it already acknowledged is taken
again without change, one that starts beyond ``received`` is refused with the offset to
resume from. When the last byte arrives the SHA-256 of the whole file is checked: a
mismatch throws the bytes away (the upload restarts from 0), a match moves the file to its
content-addressed place (:class:`FileStore`) and the attachment is complete. Nothing
partial is ever served as a file.

Bytes of an unfinished upload live in ``partial/<id>``; the database row is the truth:
``received`` is committed only after the chunk is on disk (fsync), and a longer partial
file (a crash between the two) is cut back to ``received`` before the next chunk.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal, NoReturn
from uuid import UUID

import platformdirs
from pydantic import Field
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from records_service import reach
from records_service.case_views import iso
from records_service.deps import Principal
from records_service.joint_attachments import shared_in_reach
from records_service.models import Attachment, Case
from records_service.problems import ProblemError
from records_service.schemas import Moment, Public, Strict
from records_service.settings import Settings

#: The file kinds a material's scan may be.
ContentType = Literal["image/png", "image/jpeg", "application/pdf"]
#: What each kind's bytes start with (a file that does not is refused when complete).
MAGIC: dict[str, tuple[bytes, ...]] = {
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "application/pdf": (b"%PDF-",),
}
#: The chunk size the service suggests (a chunk must also fit ``max_body_bytes``).
CHUNK_BYTES = 512 * 1024
_RANGE = re.compile(r"^bytes ([0-9]{1,15})-([0-9]{1,15})/([0-9]{1,15})$")
_READ_BLOCK = 1024 * 1024


# --- schemas ---------------------------------------------------------------------------


class AttachmentCreate(Strict):
    """A file of one of the case's materials, declared before its bytes are sent."""

    id: UUID
    material_code: Annotated[str, Field(min_length=1, max_length=64)]
    page: Annotated[int, Field(ge=1, le=10_000, description="its place among the material's")]
    pages: Annotated[int, Field(ge=1, le=10_000, description="pages in the file")] = 1
    content_type: ContentType
    size: Annotated[int, Field(ge=1, le=10**15)]
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class UploadPublic(Public):
    """Where an upload stands: ``received`` bytes acknowledged of ``size``."""

    id: str
    size: int
    received: int
    complete: bool
    chunk_bytes: int = Field(description="the chunk size the service suggests")


class AttachmentPublic(Public):
    id: str
    case_no: str
    material_code: str
    page: int
    pages: int
    content_type: str
    size: int
    sha256: str
    complete: bool
    created_at: Moment
    created_by: str
    completed_at: Moment | None


class AttachmentAnswer(Public):
    """The answer to a declaration: the attachment and its upload as first declared (a
    replay repeats it; ``PUT /uploads/{id}`` answers where the upload stands now)."""

    attachment: AttachmentPublic
    upload: UploadPublic


class UploadAnswer(Public):
    upload: UploadPublic


class AttachmentList(Public):
    items: list[AttachmentPublic]


def attachment_public(row: Attachment, case_no: str) -> dict[str, Any]:
    return {
        "id": row.id,
        "case_no": case_no,
        "material_code": row.material_code,
        "page": row.page,
        "pages": row.pages,
        "content_type": row.content_type,
        "size": row.size,
        "sha256": row.sha256,
        "complete": row.completed_at is not None,
        "created_at": iso(row.created_at),
        "created_by": row.created_by,
        "completed_at": iso(row.completed_at),
    }


def upload_public(row: Attachment, chunk_bytes: int) -> dict[str, Any]:
    return {
        "id": row.id,
        "size": row.size,
        "received": row.received,
        "complete": row.completed_at is not None,
        "chunk_bytes": chunk_bytes,
    }


def chunk_bytes(settings: Settings) -> int:
    """The chunk size to suggest: :data:`CHUNK_BYTES`, less when bodies are capped lower."""
    return max(1, min(CHUNK_BYTES, settings.max_body_bytes))


# --- the files on disk -------------------------------------------------------------------


def attachments_root(settings: Settings) -> Path:
    """The attachments folder: ``attachments_dir``, else ``attachments`` next to a SQLite
    file, else in the service user's data folder."""
    if settings.attachments_dir:
        return Path(settings.attachments_dir)
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return Path(url.database).resolve().parent / "attachments"
    return Path(platformdirs.user_data_dir("clerk-records", appauthor=False)) / "attachments"


@dataclass(frozen=True)
class FileStore:
    """The attachments folder: ``sha256/<2 hex>/<sha256>`` (whole files, by content) and
    ``partial/<id>`` (uploads under way)."""

    root: Path

    def blob(self, sha256: str) -> Path:
        return self.root / "sha256" / sha256[:2] / sha256

    def partial(self, upload_id: str) -> Path:
        return self.root / "partial" / upload_id

    def write_at(self, upload_id: str, offset: int, data: bytes) -> None:
        """Write ``data`` at ``offset`` of the partial file, cut to ``offset`` first, and
        make it durable."""
        path = self.partial(upload_id)
        _private_folder(path.parent)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            os.ftruncate(fd, offset)
            os.lseek(fd, offset, os.SEEK_SET)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)

    def partial_digest(self, upload_id: str, size: int) -> tuple[str, bytes]:
        """SHA-256 (hex) of the first ``size`` bytes of the partial file, and its first
        bytes (for the content type check)."""
        digest = hashlib.sha256()
        head = b""
        left = size
        with open(self.partial(upload_id), "rb") as file:
            while left > 0:
                block = file.read(min(_READ_BLOCK, left))
                if not block:
                    break
                if not head:
                    head = block[:16]
                digest.update(block)
                left -= len(block)
        return digest.hexdigest(), head

    def complete(self, upload_id: str, sha256: str, size: int) -> None:
        """Copy the checked partial file to its content-addressed place, atomically (a
        file with the same content there already is kept). The partial file stays until
        the completion is committed (:meth:`discard`): a crash in between leaves the
        upload able to finish again."""
        target = self.blob(sha256)
        if target.exists():
            return
        _private_folder(target.parent)
        temporary = target.with_name(f".{upload_id}.tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(self.partial(upload_id), "rb") as source, open(fd, "wb") as out:
            left = size
            while left > 0:
                block = source.read(min(_READ_BLOCK, left))
                if not block:
                    break
                out.write(block)
                left -= len(block)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)

    def has(self, sha256: str) -> bool:
        return self.blob(sha256).is_file()

    def digest(self, sha256: str) -> str | None:
        """The SHA-256 of the whole file kept as ``sha256`` (None: no such file)."""
        if not self.has(sha256):
            return None
        digest = hashlib.sha256()
        for block in self.read(sha256):
            digest.update(block)
        return digest.hexdigest()

    def discard(self, upload_id: str) -> None:
        self.partial(upload_id).unlink(missing_ok=True)

    def read(self, sha256: str) -> Iterator[bytes]:
        with open(self.blob(sha256), "rb") as file:
            while block := file.read(_READ_BLOCK):
                yield block


def _private_folder(folder: Path) -> None:
    """Make ``folder`` 0700 (the files are scans of people's papers)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)


# --- the rules ---------------------------------------------------------------------------


def check_limits(session: Session, settings: Settings, case: Case, size: int) -> None:
    """413 when the file, or the case's files with it, would be over the limits."""
    check_held(session, settings, Attachment.case_id == case.id, f"Case {case.case_no}", size)


def check_held(
    session: Session, settings: Settings, held_by: ColumnElement[bool], owner: str, size: int
) -> None:
    """413 when the file, or the files ``held_by`` selects (a case's, a pre-submission's,
    named ``owner`` in the message) with it, would be over the limits."""
    if size > settings.attachment_max_bytes:
        raise ProblemError(
            413,
            "attachment-too-large",
            f"The file has {size} bytes; a file may have at most {settings.attachment_max_bytes}.",
            title="File too large",
            extra={"limit": settings.attachment_max_bytes},
        )
    held = int(
        session.scalar(select(func.coalesce(func.sum(Attachment.size), 0)).where(held_by)) or 0
    )
    if held + size > settings.attachment_case_max_bytes:
        raise ProblemError(
            413,
            "case-attachments-too-large",
            f"{owner} holds {held} bytes of files; with this one it would pass its limit of "
            f"{settings.attachment_case_max_bytes}.",
            title="Too many bytes for one case",
            extra={"limit": settings.attachment_case_max_bytes},
        )


def check_material(case: Case, material_code: str) -> str | None:
    """Why ``material_code`` is not one of the case's materials, or None."""
    codes = {str(m.get("code")) for m in case.materials or [] if isinstance(m, dict)}
    return None if material_code in codes else "not a material of this case"


def in_reach(
    session: Session,
    principal: Principal,
    attachment_id: str,
    *,
    lock: bool = False,
    shared: bool = False,
) -> tuple[Attachment, Case]:
    """The attachment and its case if ``principal`` reaches the case (``shared``: or, for
    a joint case's shared material, any of its parts: ``joint_attachments``); else 404."""
    query = (
        select(Attachment, Case)
        .join(Case, Case.id == Attachment.case_id)
        .where(Attachment.id == attachment_id)
        .where(reach.case_reach(session, principal))
    )
    if lock:
        query = query.with_for_update(of=Attachment)
    found = session.execute(query).first()
    if found is None and shared:
        return shared_in_reach(session, principal, attachment_id) or _not_reached(attachment_id)
    if found is None:
        _not_reached(attachment_id)
    return found[0], found[1]


def _not_reached(attachment_id: str) -> NoReturn:
    raise reach.not_found(f"attachment {attachment_id}")


@dataclass(frozen=True)
class ChunkRange:
    """``Content-Range: bytes START-END/SIZE`` (END inclusive)."""

    start: int
    end: int
    total: int


def parse_range(header: str | None, body_length: int, size: int) -> ChunkRange:
    """The chunk's range, checked against the body and the declared size.

    Raises:
        ProblemError: 400 when the header is missing or not of that form, 422 when the
            range does not fit the body or the file.
    """
    found = _RANGE.match(header or "")
    if found is None:
        raise ProblemError(
            400,
            "bad-range",
            "A chunk needs the header Content-Range: bytes START-END/SIZE.",
            title="Content-Range missing or malformed",
        )
    start, end, total = (int(g) for g in found.groups())
    problem = None
    if total != size:
        problem = f"the range's size {total} is not the file's declared size {size}"
    elif start > end or end >= size:
        problem = f"bytes {start}-{end} are not a range within the file's {size} bytes"
    elif end - start + 1 != body_length:
        problem = f"bytes {start}-{end} are {end - start + 1} bytes but {body_length} came"
    if problem:
        raise ProblemError(422, "bad-range", f"Content-Range: {problem}.", title="Wrong range")
    return ChunkRange(start, end, total)


def beyond_received(row: Attachment, start: int) -> ProblemError:
    """409 for a chunk that starts after the bytes acknowledged so far."""
    return ProblemError(
        409,
        "upload-offset",
        f"The chunk starts at byte {start} but only {row.received} bytes are acknowledged; "
        f"send from byte {row.received}.",
        title="Chunk out of order",
        extra={"received": row.received},
    )


def hash_mismatch(row: Attachment, actual: str) -> ProblemError:
    return ProblemError(
        422,
        "hash-mismatch",
        f"The {row.size} bytes received have SHA-256 {actual}, not the declared "
        f"{row.sha256}; they were thrown away: send the file again from byte 0.",
        title="File hash mismatch",
        extra={"received": 0},
    )


def content_mismatch(row: Attachment) -> ProblemError:
    return ProblemError(
        422,
        "content-mismatch",
        f"The file is not a {row.content_type} file (its first bytes say otherwise); it was "
        "thrown away.",
        title="Not the declared kind of file",
        extra={"received": 0},
    )


def verify_files(session: Session, store: FileStore) -> tuple[int, list[str]]:
    """Check every complete attachment's file by its SHA-256 (``clerk-records audit
    verify``): how many were checked, and a line for each missing or altered one."""
    problems: list[str] = []
    checked = 0
    rows = session.execute(
        select(
            Attachment.id,
            Attachment.sha256,
            func.coalesce(Case.case_no, Attachment.presubmission_no),
        )
        .outerjoin(Case, Case.id == Attachment.case_id)
        .where(Attachment.completed_at.is_not(None))
        .order_by(Attachment.created_at)
    )
    for attachment_id, sha256, case_no in rows:
        checked += 1
        actual = store.digest(sha256)
        if actual is None:
            problems.append(f"attachment {attachment_id} of case {case_no}: file missing")
        elif actual != sha256:
            problems.append(
                f"attachment {attachment_id} of case {case_no}: file altered (SHA-256 {actual})"
            )
    return checked, problems


def new_attachment(
    body: AttachmentCreate, case: Case | None, principal: Principal, now: datetime
) -> Attachment:
    """The row of a declared file of ``case`` (None: of a pre-submission, set by the
    caller: ``presubmission_attachments``)."""
    return Attachment(
        id=str(body.id),
        case_id=case.id if case is not None else None,
        material_code=body.material_code,
        page=body.page,
        pages=body.pages,
        content_type=body.content_type,
        size=body.size,
        sha256=body.sha256,
        received=0,
        created_at=now,
        created_by=principal.actor[:64],
        device_id=principal.device_id,
        completed_at=None,
    )
