"""The progress lookup (办件查询) as the applicant would do it: case number and query code.

The center's answer first (``GET /progress``, no sign-in); when the center cannot be
reached, this desk's own record of the case, if it has one with that query code. Both come
as a :class:`~clerk_app.core.records.Progress`, or for a joint number (联合审批, issue 16)
as a :class:`~clerk_app.core.records.JointProgress`: its package, stages and parts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk_app.app.case_actions import case_item
from clerk_app.app.joint import cached_catalog
from clerk_app.core.identity import public_name
from clerk_app.core.joint import PartState, StageState, current_stage, is_complete, stage_states
from clerk_app.core.lifecycle import TERMINAL, EventType, HallGroup, Status, hall_group
from clerk_app.core.records import (
    Case,
    JointCase,
    JointProgress,
    JointProgressPart,
    JointProgressStage,
    Progress,
)
from clerk_app.remote.wire import progress_from_wire
from clerk_app.store import joint as joint_store

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.core.catalog import Catalog
    from clerk_app.core.packages import Package


def progress_at_center(context: AppContext, case_no: str, code: str) -> Progress | JointProgress:
    """The center's public view of the case or joint case (worker thread).

    Raises:
        Refused (``core.errors``): 404 no such case and code, 429 too many lookups.
        ConnectionProblem: the center cannot be reached.
    """
    return progress_from_wire(context.backend.api.progress(case_no, code))


def case_for_query(context: AppContext, case_no: str, code: str) -> Case | None:
    """This desk's record of ``case_no`` when its query code is ``code``; else None."""
    case = context.backend.store.get_case(case_no)
    if case is None or case.query_code != code:
        return None
    return case


def progress_on_desk(
    context: AppContext, case_no: str, code: str
) -> Progress | JointProgress | None:
    """What this desk's own record of the case (or of a joint case taken in here) shows the
    applicant (the center unreachable): the same public view as the center's, or None
    without a case of that number and code."""
    case = case_for_query(context, case_no, code)
    if case is None:
        joint = joint_store.get_joint(context.backend.store, case_no)
        if joint is None or joint.query_code != code:
            return None
        return joint_progress(joint, cached_catalog(context))
    completed = case.last_event(EventType.COMPLETE_APPROVED, EventType.COMPLETE_REJECTED)
    applicant = case.applicant
    return Progress(
        case_no=case.case_no,
        status=case.status,
        item_code=case.item_code,
        item_name=case_item(context, case.item_code).name,
        applicant=public_name(applicant.name, organization=applicant.is_organization),
        received_at=case.received_at,
        due_date=case.due_date,
        completed_at=completed.at if completed is not None else None,
    )


def _part_word(part: Case) -> str:
    waiting = any(m.deferred for m in part.materials) and part.status not in TERMINAL
    group = hall_group(part.status, waiting_for_materials=waiting)
    return group.value if group is not None else ""


def joint_progress(joint: JointCase, catalog: Catalog | None) -> JointProgress:
    """A joint case as the center's public progress shows it, from this desk's record and
    catalog (the same rules as the center's; a stage's due date is the latest of its
    parts'; without the package in the catalog, the parts alone)."""
    package: Package | None = catalog.package(joint.package_code) if catalog else None
    live = [p for p in joint.parts if p.status not in (Status.VOIDED, Status.REVOKED)]
    states: dict[str, StageState] = {}
    if package is not None:
        states = stage_states(
            package,
            joint.project_type,
            [PartState(p.case_no, p.stage, p.department_code, p.status) for p in joint.parts],
        )
    stages = []
    for stage in package.stages_for(joint.project_type) if package else ():
        dues = [p.due_date for p in live if p.stage == stage.code and p.due_date is not None]
        state = states.get(stage.code, StageState.WAITING)
        due = max(dues) if dues and state is not StageState.WAITING else None
        stages.append(JointProgressStage(stage.code, stage.name, state.value, due))
    names = {s.code: s.name for s in stages}
    current = current_stage(states) or ""
    words = [(_part_word(p), states.get(p.stage) is StageState.OPEN) for p in live]
    complete = is_complete(states)
    if complete:
        word = HallGroup.COMPLETED.value
    elif any(w == HallGroup.WAITING.value and is_open for w, is_open in words):
        word = HallGroup.WAITING.value
    elif all(w == HallGroup.ACCEPTED.value for w, _open in words):
        word = HallGroup.ACCEPTED.value
    else:
        word = HallGroup.IN_PROGRESS.value
    ended = [
        e.at
        for p in joint.parts
        for e in p.events
        if e.type in (EventType.COMPLETE_APPROVED, EventType.COMPLETE_REJECTED)
    ]
    parts = []
    for part in live:
        item = catalog.get_item(part.item_code) if catalog else None
        department = part.department_code or (item.department if item else "")
        try:
            department_name = catalog.department(department).name if catalog else ""
        except KeyError:
            department_name = ""
        parts.append(
            JointProgressPart(
                item_code=part.item_code,
                item_name=item.name if item else "",
                stage=part.stage,
                department_code=department,
                department_name=department_name,
                hall_group=_part_word(part),
                due_date=part.due_date,
            )
        )
    applicant = joint.applicant
    return JointProgress(
        joint_no=joint.joint_no,
        package_code=joint.package_code,
        package_name=package.name if package else "",
        status="completed" if complete else "in_progress",
        hall_group=word,
        current_stage=current,
        current_stage_name=names.get(current, ""),
        applicant=public_name(applicant.name, organization=applicant.is_organization),
        received_at=joint.received_at,
        completed_at=max(ended) if complete and ended else None,
        stages=tuple(stages),
        parts=tuple(parts),
    )
