"""Joint cases as the public sees them (issue 16): the progress query of a joint number and
the joint case's one row on the hall screen.

A joint case has one hall word, derived from its parts (:func:`joint_hall_word`): 办结
when its last stage is complete; 待办 when a part of an open stage waits for the applicant
(a supplement, a suspension, a 容缺 material); 受理 while every part is still as taken in;
else 在办.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from clerk_app.core import joint as rules_joint
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.identity import public_applicant_name
from clerk_app.core.joint import StageState
from clerk_app.core.lifecycle import HallGroup
from clerk_app.core.packages import Package
from records_service import joint, rules
from records_service.case_views import iso
from records_service.models import Case, Department, JointCase


def part_hall_word(case: Case) -> str | None:
    """The hall word of one part, as the board shows a single case."""
    waiting = any(m.get("deferred") for m in case.materials or ()) and not rules.is_terminal(
        case.status
    )
    return rules.hall_group(case.status, waiting)


def joint_hall_word(states: dict[str, StageState], parts: Iterable[Case]) -> str:
    """The one hall word of a joint case (see the module docstring)."""
    if rules_joint.is_complete(states):
        return HallGroup.COMPLETED.value
    words = [
        (part_hall_word(p), states.get(p.stage or "") is StageState.OPEN)
        for p in parts
        if p.status not in ("voided", "revoked")
    ]
    if any(word == HallGroup.WAITING.value and is_open for word, is_open in words):
        return HallGroup.WAITING.value
    if all(word == HallGroup.ACCEPTED.value for word, _open in words):
        return HallGroup.ACCEPTED.value
    return HallGroup.IN_PROGRESS.value


def package_of(session: Session, joint_case: JointCase) -> Package | None:
    view = joint.catalog_view(session, joint_case.catalog_version)
    return view.packages.get(joint_case.package_code) if view else None


def stage_names(package: Package | None) -> dict[str, str]:
    return {s.code: s.name for s in package.stages} if package else {}


def parts_by_joint(session: Session, joint_nos: Iterable[str]) -> dict[str, list[Case]]:
    """The parts of several joint cases in one query, in number order."""
    wanted = list(joint_nos)
    out: dict[str, list[Case]] = {n: [] for n in wanted}
    if not wanted:
        return out
    rows = session.scalars(select(Case).where(Case.joint_case_no.in_(wanted)).order_by(Case.seq))
    for case in rows:
        out[case.joint_case_no or ""].append(case)
    return out


def progress(session: Session, joint_case: JointCase) -> dict[str, Any]:
    """The joint case as ``GET /progress`` shows it (``JointProgress``)."""
    package = package_of(session, joint_case)
    parts = joint.parts_of(session, joint_case.joint_no)
    found = joint.states(joint_case, package, parts) if package else {}
    current = rules_joint.current_stage(found)
    names = stage_names(package)
    view = joint.catalog_view(session, joint_case.catalog_version)
    item_names = {i.code: i.name for i in view.catalog.items} if view else {}
    departments = dict(session.execute(select(Department.code, Department.name)).all())
    opened = {s.stage: s for s in joint_case.stages}
    calendar = rules.calendar(session)
    stages = []
    for stage in package.stages_for(joint_case.project_type) if package else ():
        row = opened.get(stage.code)
        due = (
            rules_joint.stage_due(calendar, row.opened_at.astimezone(CENTER_TZ).date(), stage).date
            if row
            else None
        )
        stages.append(
            {
                "code": stage.code,
                "name": stage.name,
                "state": found.get(stage.code, StageState.WAITING).value,
                "due_date": due.isoformat() if due else None,
            }
        )
    return {
        "joint_no": joint_case.joint_no,
        "package_code": joint_case.package_code,
        "package_name": package.name if package else None,
        "status": "completed" if joint_case.completed_at else "in_progress",
        "hall_group": joint_hall_word(found, parts),
        "current_stage": current,
        "current_stage_name": names.get(current) if current else None,
        "applicant": public_applicant_name(joint_case.applicant),
        "received_at": iso(joint_case.received_at),
        "completed_at": iso(joint_case.completed_at),
        "stages": stages,
        "parts": [
            {
                "item_code": p.item_code,
                "item_name": item_names.get(p.item_code),
                "stage": p.stage or "",
                "department_code": p.department_code,
                "department_name": departments.get(p.department_code or ""),
                "hall_group": part_hall_word(p),
                "due_date": p.due_date.isoformat() if p.due_date else None,
            }
            for p in parts
            if p.status not in ("voided", "revoked")
        ],
    }


def board_rows(
    session: Session, windows: Collection[str] | Select[Any], since: datetime, limit: int
) -> list[dict[str, Any]]:
    """Today's joint cases of ``windows`` as hall-screen rows (``BoardRow``), newest change
    first: one row each, the package as the item, the current stage beside it."""
    joints = session.scalars(
        select(JointCase)
        .where(JointCase.updated_at >= since, JointCase.window_code.in_(windows))
        .order_by(JointCase.updated_at.desc(), JointCase.joint_no)
        .limit(limit)
    ).all()
    parts = parts_by_joint(session, [j.joint_no for j in joints])
    rows = []
    for joint_case in joints:
        mine = parts[joint_case.joint_no]
        if mine and all(p.status in ("voided", "revoked") for p in mine):
            continue
        package = package_of(session, joint_case)
        found = joint.states(joint_case, package, mine) if package else {}
        current = rules_joint.current_stage(found)
        rows.append(
            {
                "case_no": joint_case.joint_no,
                "window_code": joint_case.window_code,
                "item_code": joint_case.package_code,
                "item_name": package.name if package else None,
                "applicant": public_applicant_name(joint_case.applicant),
                "status": "completed" if joint_case.completed_at else "in_progress",
                "hall_group": joint_hall_word(found, mine),
                "updated_at": iso(joint_case.updated_at),
                "joint": True,
                "stage": current,
                "stage_name": stage_names(package).get(current) if current else None,
            }
        )
    return rows
