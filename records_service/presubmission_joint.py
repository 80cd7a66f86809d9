"""Taking in a package's pre-submission (一件事 posted on the website, issue 19).

A pre-submission for a package becomes a joint case (``records_service.joint``) at the
window of the package's lead department: the clerk completes the joint intake the desk
filled from it and sends it to ``POST /presubmissions/{no}/take-in``
(:class:`~records_service.presubmission_schemas.JointTakeInCreate`). The joint case keeps
the pre-submission's number and query code (the applicant's progress query goes on, now
answered with the joint case's stages) and its package; its parts are numbered from the
window's own sequence. The head part's first event carries the website's form and the list
of uploaded materials (``data.presubmission``). One transaction: the joint case with all
its parts and the pre-submission ``taken_in`` — or nothing; a second take-in is refused
(409 ``taken-in`` naming the joint case), a retry with the same key gets the stored answer.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from records_service import audit, joint
from records_service.deps import Principal
from records_service.joint_schemas import JointCaseCreate
from records_service.models import Case, JointCase, Presubmission
from records_service.presubmission_attachments import travel_with_joint_case
from records_service.presubmission_schemas import JointTakeInCreate
from records_service.presubmissions import check_takeable, conflict
from records_service.schemas import Party


def joint_body(presubmission: Presubmission, body: JointTakeInCreate) -> JointCaseCreate:
    """The ``POST /joint-cases`` body ``body`` stands for: the pre-submission's number,
    query code, package (and applicant unless the clerk corrected it)."""
    return JointCaseCreate.model_construct(
        id=body.id,
        joint_no=presubmission.no,
        query_code=presubmission.query_code,
        package_code=str(presubmission.package_code),
        project_type=body.project_type,
        project_code=body.project_code,
        window_code=body.window_code,
        catalog_version=body.catalog_version,
        applicant=body.applicant or Party.model_validate(presubmission.applicant),
        agent=body.agent,
        materials=body.materials,
        received_at=body.received_at,
        clerk=body.clerk,
        # The parts share the joint case's query code: the pre-submission's (the desk does
        # not know it before the answer).
        parts=[p.model_copy(update={"query_code": presubmission.query_code}) for p in body.parts],
    )


def take_in_joint(
    session: Session,
    presubmission: Presubmission,
    body: JointTakeInCreate,
    principal: Principal,
    now: datetime,
    client_ip: str | None,
) -> JointCase:
    """Make the joint case of a package's ``presubmission`` and mark it ``taken_in`` (see
    the module doc); the caller commits.

    Raises:
        ProblemError: 409 ``taken-in`` (naming the joint case), ``awaiting-supplement``,
            ``rejected``, ``not-package`` (an item's pre-submission is taken in as a
            case), ``conflict`` (a part's number or the id is taken); 422 naming every bad
            field and part, as ``POST /joint-cases``.
    """
    check_takeable(presubmission)
    if presubmission.package_code is None:
        raise conflict(
            "not-package",
            f"Pre-submission {presubmission.no} is for item {presubmission.item_code}: "
            "take it in as a case, not a joint case.",
            "Not a package",
        )
    whole = joint_body(presubmission, body)
    view, package = joint.check_intake(session, whole, principal, window_number=False)
    numbers = [presubmission.no, *(p.case_no for p in body.parts)]
    if session.scalar(select(Case.id).where(Case.case_no.in_(numbers)).limit(1)) is not None:
        raise _taken_numbers(presubmission.no)
    row, parts = joint.new_joint_case(whole, principal, view, package, now)
    head = parts[0].events[0]
    head.data = {
        **(head.data or {}),
        "presubmission": {
            "no": presubmission.no,
            "external_id": presubmission.external_id,
            "status": presubmission.status,
            "form_data": presubmission.form_data or {},
            "materials": presubmission.materials or [],
        },
    }
    session.add(row)
    session.add_all(parts)
    try:
        session.flush()
    except IntegrityError:
        raise _taken_numbers(presubmission.no) from None
    presubmission.status = "taken_in"
    presubmission.case_no = row.joint_no
    presubmission.updated_at = now
    presubmission.version += 1
    session.flush()
    travel_with_joint_case(session, presubmission.no, package, parts)  # issue 22: its files
    audit.record(
        session,
        at=now,
        action="joint_case.create",
        result="ok",
        actor=principal.actor,
        device_id=principal.device_id,
        target=row.joint_no,
        client_ip=client_ip,
        detail={
            "clerk": body.clerk,
            "package": row.package_code,
            "parts": [p.case_no for p in body.parts],
        },
    )
    audit.record(
        session,
        at=now,
        action="presubmission.take_in",
        result="ok",
        actor=principal.actor,
        device_id=principal.device_id,
        target=presubmission.no,
        detail={"status": presubmission.status, "joint_case": row.id},
        center_code=presubmission.center_code,
    )
    return row


def _taken_numbers(joint_no: str) -> Exception:
    return conflict(
        "conflict",
        f"Joint case {joint_no}, the number of one of its parts or its id is already recorded.",
        "Number taken",
    )
