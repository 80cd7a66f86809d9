"""A joint case's shared materials (一套材料) reach every department with a part (issue 22).

A joint intake collects the package's combined materials once; each part receives the item
materials they stand for (``Package.covered``). A file scanned for such a material is kept
with the part it was declared on, but it is the applicant's one copy for the whole joint
case: whoever reaches *any* part of the joint case may list it (beside their own part's
files) and read it. A part's own materials (not on the combined list) stay with that part's
reach, and whoever reaches no part of the joint case gets 404 as for any file.

Only reading is shared: declaring and uploading stay with the part's own reach.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from records_service import reach
from records_service.deps import Principal
from records_service.joint import catalog_view
from records_service.models import Attachment, Case, JointCase


def combined_codes(session: Session, case: Case) -> dict[str, str]:
    """``item material code -> combined material code`` of a joint part's materials that
    come from its joint case's combined list; empty for an ordinary case (or a package the
    service cannot read)."""
    if case.joint_case_no is None:
        return {}
    joint = session.scalars(
        select(JointCase).where(JointCase.joint_no == case.joint_case_no)
    ).first()
    if joint is None:
        return {}
    view = catalog_view(session, joint.catalog_version)
    package = view.packages.get(joint.package_code) if view is not None else None
    return package.covered(case.item_code) if package is not None else {}


def is_shared(session: Session, attachment: Attachment, case: Case) -> bool:
    """Whether ``attachment`` (of ``case``) is a file of its joint case's combined materials."""
    return attachment.material_code in combined_codes(session, case)


def shared_in_reach(
    session: Session, principal: Principal, attachment_id: str
) -> tuple[Attachment, Case] | None:
    """The attachment and its part when it is a shared material of a joint case one of
    whose parts ``principal`` reaches; None otherwise."""
    found = session.execute(
        select(Attachment, Case)
        .join(Case, Case.id == Attachment.case_id)
        .where(Attachment.id == attachment_id)
    ).first()
    if found is None:
        return None
    attachment, case = found[0], found[1]
    if case.joint_case_no is None or not is_shared(session, attachment, case):
        return None
    reached = session.scalar(
        select(Case.id)
        .where(Case.joint_case_no == case.joint_case_no)
        .where(reach.case_reach(session, principal))
        .limit(1)
    )
    return (attachment, case) if reached is not None else None


def shared_of_others(session: Session, case: Case) -> list[tuple[Attachment, str]]:
    """The shared files kept with the *other* parts of ``case``'s joint case, each with its
    part's number (nothing for an ordinary case)."""
    if case.joint_case_no is None:
        return []
    rows = session.execute(
        select(Attachment, Case)
        .join(Case, Case.id == Attachment.case_id)
        .where(Case.joint_case_no == case.joint_case_no, Case.id != case.id)
        .order_by(Attachment.material_code, Attachment.page, Attachment.created_at)
    ).all()
    codes: dict[str, dict[str, str]] = {}
    shared = []
    for attachment, part in rows:
        if part.id not in codes:
            codes[part.id] = combined_codes(session, part)
        if attachment.material_code in codes[part.id]:
            shared.append((attachment, part.case_no))
    return shared
