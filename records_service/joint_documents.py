"""The documents of a joint case, by its joint number (issue 16).

A joint case's four documents (联合受理通知书 ``joint_acceptance``, the consolidated 一次性告知
``joint_supplement``, 阶段办结通知书 ``stage_completion``, 联合办结通知书
``joint_completion``) are recorded through ``POST /cases/{part}/documents`` under the joint
case's first part, as the desk archives them. The row keeps the joint number
(``case_documents.joint_no``, migration 0014): the desk sends it, or, from an older desk, it
follows from the kind and the part's joint case. ``GET /joint-cases/{joint_no}`` lists them
(``documents``).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from records_service.case_views import iso
from records_service.models import Case, CaseDocument

#: The kinds of the joint documents (``clerk_app.documents.joint_notices.JOINT_KINDS``).
JOINT_DOCUMENT_KINDS = frozenset(
    {"joint_acceptance", "joint_supplement", "stage_completion", "joint_completion"}
)


def document_public(doc: CaseDocument, case_no: str) -> dict[str, object]:
    """A recorded document as the API shows it (``DocumentPublic``)."""
    return {
        "id": doc.id,
        "case_no": case_no,
        "kind": doc.kind,
        "document_no": doc.document_no,
        "sha256": doc.sha256,
        "reprint": doc.reprint,
        "issued_at": iso(doc.issued_at),
        "clerk": doc.clerk,
        "window_code": doc.window_code,
        "device_id": doc.device_id,
        "joint_no": doc.joint_no,
    }


def joint_no_for(case: Case, kind: str, sent: str | None) -> tuple[str | None, str | None]:
    """The joint number a document of ``case`` is recorded with, and what is wrong (or None).

    ``sent`` (the body's ``joint_no``) must be the case's own joint case; without it, a
    joint kind recorded for a part belongs to the part's joint case.
    """
    joint_no = case.joint_case_no or None
    if sent is not None:
        if sent.upper() != (joint_no or "").upper():
            return None, "not the joint case of this case"
        return joint_no, None
    return (joint_no if kind in JOINT_DOCUMENT_KINDS else None), None


def joint_documents(session: Session, joint_no: str) -> list[dict[str, object]]:
    """Every document recorded for the joint case (originals and reprints), oldest first."""
    rows = session.execute(
        select(CaseDocument, Case.case_no)
        .join(Case, Case.id == CaseDocument.case_id)
        .where(CaseDocument.joint_no == joint_no)
        .order_by(CaseDocument.issued_at, CaseDocument.recorded_at, CaseDocument.id)
    )
    return [document_public(doc, case_no) for doc, case_no in rows]
