"""The files of an online pre-submission, uploaded by the website (issues 19 and 22).

The center's website posts a pre-submission with the list of the applicant's files (name,
SHA-256, size, material code) and then sends each file through the same routes a desk
uses for a case's scans, with its integration credential: ``POST
/cases/{no}/attachments`` where ``no`` is the pre-submission's number (``YS-…``), then
``PUT /uploads/{id}`` chunk by chunk (``records_service.attachments``: resumable, the
SHA-256 checked at the end, kept by content).

Reach: an integration reaches only the pre-submissions it posted itself (the
``presubmission.submit`` audit record names its actor) in its center, and only while they
are not taken in or rejected; anything else is 404, like an unknown number. Until the
take-in the department's clerks and leads who reach the pre-submission list and read its
files for the pre-review (:func:`reviewer_files`); the integration reads none. A declared
file must be one the pre-submission lists (same SHA-256 and size; the listed material
code when one is given). When the window takes the pre-submission in, its files get the
case in the same transaction (:func:`travel_with_case`): from then on they are the case's,
read by whoever reaches the case.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from clerk_app.core.packages import Package
from records_service import attachments as files
from records_service import reach
from records_service.attachments import AttachmentCreate, new_attachment
from records_service.deps import Principal
from records_service.models import Attachment, AuditRecord, Case, Presubmission
from records_service.problems import invalid_field
from records_service.settings import Settings

#: The statuses in which the website may still send files.
OPEN_FOR_FILES = frozenset({"submitted", "accepted", "online_accepted", "supplement"})


def is_uploader(principal: Principal) -> bool:
    """Whether ``principal`` sends files as the website (an integration credential)."""
    return principal.kind == "integration"


def own_presubmission(
    session: Session, principal: Principal, no: str, *, lock: bool = False, open_only: bool = True
) -> Presubmission:
    """The pre-submission ``no`` that ``principal`` posted (``open_only``: and still open
    for new files); else 404."""
    query = select(Presubmission).where(Presubmission.no == no)
    if principal.center_code:
        query = query.where(Presubmission.center_code == principal.center_code)
    if lock:
        query = query.with_for_update()
    found = session.scalars(query).first()
    closed = found is not None and open_only and found.status not in OPEN_FOR_FILES
    if found is None or closed or not _posted_by(session, principal, no):
        raise reach.not_found(f"pre-submission {no}")
    return found


def _posted_by(session: Session, principal: Principal, no: str) -> bool:
    poster = session.scalar(
        select(AuditRecord.actor)
        .where(AuditRecord.action == "presubmission.submit", AuditRecord.target == no)
        .limit(1)
    )
    return poster is not None and poster == principal.actor


def guard(principal: Principal, no: str) -> Any:
    """An idempotent declaration's guard: 404 unless ``no`` is the caller's own open
    pre-submission, for a first write and a replay alike."""

    def check(session: Session) -> None:
        own_presubmission(session, principal, no)

    return check


def declare(
    session: Session,
    settings: Settings,
    principal: Principal,
    no: str,
    body: AttachmentCreate,
    now: datetime,
) -> Attachment:
    """The row of one listed file of the caller's pre-submission ``no`` (not yet added).

    Raises:
        ProblemError: 404 (not the caller's, or closed), 422 naming ``sha256`` (a file
            the pre-submission does not list) or ``material_code``, 413 over a limit.
    """
    presubmission = own_presubmission(session, principal, no, lock=True)
    listed = [m for m in presubmission.materials or [] if isinstance(m, dict)]
    same = [m for m in listed if m.get("sha256") == body.sha256 and m.get("size") == body.size]
    if not same:
        raise invalid_field("sha256", "not a file this pre-submission lists (SHA-256 and size)")
    codes = {str(m["code"]) for m in same if m.get("code")}
    if codes and body.material_code not in codes:
        raise invalid_field("material_code", f"the pre-submission lists this file as {min(codes)}")
    if session.get(Attachment, str(body.id)) is not None:
        raise invalid_field("id", "already names another file")
    files.check_held(
        session, settings, Attachment.presubmission_no == presubmission.no,
        f"Pre-submission {presubmission.no}", body.size,
    )  # fmt: skip
    row = new_attachment(body, None, principal, now)
    row.presubmission_no = presubmission.no
    row.center_code = presubmission.center_code
    return row


def in_reach(
    session: Session, principal: Principal, attachment_id: str, *, lock: bool = False
) -> tuple[Attachment, str]:
    """The caller's pre-submission file ``attachment_id`` and its pre-submission's number
    (a file declared before the take-in may still be finished after it); else 404."""
    query = select(Attachment).where(
        Attachment.id == attachment_id, Attachment.presubmission_no.is_not(None)
    )
    if lock:
        query = query.with_for_update()
    row = session.scalars(query).first()
    if row is None or row.presubmission_no is None:
        raise reach.not_found(f"attachment {attachment_id}")
    own_presubmission(session, principal, row.presubmission_no, open_only=False)
    return row, row.presubmission_no


def reviewer_files(session: Session, principal: Principal, no: str) -> list[Attachment] | None:
    """The files of pre-submission ``no`` for its department's pre-review (clerks and leads
    who reach it: ``presubmissions.presubmission_reach``), before it is taken in; None when
    the caller does not reach such a pre-submission."""
    from records_service.presubmissions import presubmission_reach

    found = session.scalar(
        select(Presubmission.no).where(Presubmission.no == no, presubmission_reach(principal))
    )
    if found is None:
        return None
    return list(
        session.scalars(
            select(Attachment)
            .where(Attachment.presubmission_no == no, Attachment.case_id.is_(None))
            .order_by(Attachment.material_code, Attachment.page, Attachment.created_at)
        )
    )


def reviewer_file(
    session: Session, principal: Principal, attachment_id: str
) -> tuple[Attachment, str] | None:
    """A pre-submission's file (not yet a case's) and its number, for a reviewer who
    reaches the pre-submission; None otherwise."""
    row = session.get(Attachment, attachment_id)
    if row is None or row.presubmission_no is None or row.case_id is not None:
        return None
    if reviewer_files(session, principal, row.presubmission_no) is None:
        return None
    return row, row.presubmission_no


def travel_with_case(session: Session, presubmission_no: str, case: Case) -> int:
    """Give the pre-submission's files to the case just made of it (same transaction);
    returns how many."""
    result = session.execute(
        update(Attachment)
        .where(Attachment.presubmission_no == presubmission_no, Attachment.case_id.is_(None))
        .values(case_id=case.id)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def travel_with_joint_case(
    session: Session, presubmission_no: str, package: Package, parts: list[Case]
) -> int:
    """Give a package's pre-submission files to the joint case just made of it (same
    transaction): a file of a combined material (一套材料) goes to the first part that
    receives it, under that part's item material code (``joint_attachments`` then shows
    it to every part); a file of a part's own material to that part; any other to the
    first part. Returns how many."""
    rows = session.scalars(
        select(Attachment).where(
            Attachment.presubmission_no == presubmission_no, Attachment.case_id.is_(None)
        )
    ).all()
    for row in rows:
        part, code = _receiving_part(package, parts, row.material_code)
        row.case_id, row.material_code = part.id, code
    session.flush()
    return len(rows)


def _receiving_part(package: Package, parts: list[Case], code: str) -> tuple[Case, str]:
    for part in parts:
        for item_material, combined in package.covered(part.item_code).items():
            if combined == code:
                return part, item_material
    for part in parts:
        if code in {str(m.get("code")) for m in part.materials or [] if isinstance(m, dict)}:
            return part, code
    return parts[0], code
