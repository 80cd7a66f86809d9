"""Joint cases on the service (issue 16): the package a joint case follows, the checks of a
joint intake, its creation as one transaction, and its stages.

The rules themselves (which parts a package has, when a stage opens, when it is complete)
are ``clerk_app.core.joint``'s, so the desk and the service cannot disagree.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.core import joint as rules_joint
from clerk_app.core.catalog import Catalog, CatalogError
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.joint import PartState, StageState
from clerk_app.core.lifecycle import Status
from clerk_app.core.packages import Package, Stage
from records_service import catalog_store, reach, rules
from records_service.case_views import case_public, clerk_error, iso, party_errors
from records_service.deps import Principal
from records_service.joint_documents import joint_documents
from records_service.joint_schemas import JointCaseCreate, JointPartCreate
from records_service.models import Case, CaseEvent, JointCase, JointStage, Window
from records_service.problems import ProblemError, invalid_fields


@dataclass(frozen=True)
class CatalogView:
    """A stored catalog version read as the core reads it: items and packages."""

    catalog: Catalog
    packages: dict[str, Package]


_views: dict[str, CatalogView] = {}
_views_lock = threading.Lock()


def catalog_view(session: Session, version: str) -> CatalogView | None:
    """The catalog ``version`` with its packages (cached per ETag); None when it is not
    stored or cannot be read as a catalog."""
    published = catalog_store.published(session, version)
    if published is None:
        return None
    cached = _views.get(published.etag)
    if cached is not None:
        return cached
    try:
        catalog = Catalog.from_dict(json.loads(published.body))
    except CatalogError:
        return None
    view = CatalogView(catalog, {p.code: p for p in catalog.packages})
    with _views_lock:
        if len(_views) > 8:
            _views.clear()
        _views[published.etag] = view
    return view


# -- a joint intake ---------------------------------------------------------------------


def check_intake(
    session: Session, body: JointCaseCreate, principal: Principal, *, window_number: bool = True
) -> tuple[CatalogView, Package]:
    """Every business check of a joint intake; 422 naming each bad field (and part).
    ``window_number=False``: the joint number is not the window's (a pre-submission's)."""
    errors: list[dict[str, str]] = []
    # The center part of every number is the window's center (issue 20), as for a case.
    center = _window_center(session, body.window_code)
    problem = (
        rules.case_no_problem(body.joint_no, body.window_code, center) if window_number else None
    )
    if problem:
        errors.append({"field": "joint_no", "message": problem})
    bad_clerk = clerk_error(session, principal, body.clerk, body.window_code, "clerk")
    if bad_clerk:
        errors.append(bad_clerk)
    errors.extend(party_errors("applicant", body.applicant))
    if body.agent is not None:
        errors.extend(party_errors("agent", body.agent))
    view = catalog_view(session, body.catalog_version)
    package = view.packages.get(body.package_code) if view else None
    if view is None or package is None:
        errors.append({"field": "package_code", "message": "unknown catalog package"})
        raise invalid_fields(errors)
    errors.extend(_plan_errors(session, body, view, package))
    if errors:
        raise invalid_fields(errors)
    return view, package


def _plan_errors(
    session: Session, body: JointCaseCreate, view: CatalogView, package: Package
) -> list[dict[str, str]]:
    errors: list[dict[str, str]] = []
    if package.kind == "project" and body.project_code is None:
        errors.append({"field": "project_code", "message": "a project needs its project code"})
    # The desk may send a package of an older catalog whose item the center has withdrawn.
    latest = catalog_store.latest_published(session)
    current = latest.item_codes if latest else frozenset()
    withdrawn = [code for code in package.item_codes(body.project_type) if code not in current]
    if withdrawn:
        return errors + [
            {
                "field": "package_code",
                "message": f"item {code} of this package is no longer in the catalog",
            }
            for code in withdrawn
        ]
    try:
        plan = rules_joint.plan_parts(package, view.catalog, body.project_type)
    except ValueError as exc:
        return [*errors, {"field": "project_type", "message": str(exc)}]
    wanted = Counter((p.stage, p.item) for p in plan)
    sent = Counter((p.stage, p.item_code) for p in body.parts)
    for stage, item in sorted((wanted - sent).elements()):
        errors.append({"field": "parts", "message": f"missing the part of item {item} ({stage})"})
    first_stage = plan[0].stage if plan else None
    departments = {p.item: p.department for p in plan}
    center = _window_center(session, body.window_code)
    staffed = _staffed_departments(session, center)
    numbers: set[str] = {body.joint_no}
    for n, part in enumerate(body.parts):
        where = f"parts[{n}]"
        if (part.stage, part.item_code) not in wanted:
            errors.append(
                {
                    "field": f"{where}.item_code",
                    "message": f"item {part.item_code} is not a part of stage {part.stage}",
                }
            )
            continue
        department = departments[part.item_code]
        if department not in staffed:
            errors.append(
                {
                    "field": f"{where}.item_code",
                    "message": f"department {department} has no window at this center",
                }
            )
        errors.extend(_part_errors(where, part, body.window_code, center, first_stage, numbers))
    return errors


def _part_errors(
    where: str,
    part: JointPartCreate,
    window_code: str,
    center: str | None,
    first_stage: str | None,
    numbers: set[str],
) -> list[dict[str, str]]:
    errors: list[dict[str, str]] = []
    problem = rules.case_no_problem(part.case_no, window_code, center)
    if problem:
        errors.append({"field": f"{where}.case_no", "message": problem})
    if part.case_no in numbers:
        errors.append({"field": f"{where}.case_no", "message": "number used twice"})
    numbers.add(part.case_no)
    if not rules.is_event_type(part.first_event.type):
        errors.append({"field": f"{where}.first_event.type", "message": "unknown event type"})
    elif part.stage != first_stage and part.first_event.type != "receive":
        errors.append(
            {
                "field": f"{where}.first_event.type",
                "message": "a part of a later stage is received, not decided, at intake",
            }
        )
    return errors


def _window_center(session: Session, window_code: str) -> str | None:
    window = session.get(Window, window_code)
    return window.center_code if window else None


def _staffed_departments(session: Session, center: str | None) -> set[str]:
    """Departments with a window at ``center``."""
    rows = session.scalars(select(Window.department_code).where(Window.center_code == center))
    return set(rows)


def new_joint_case(
    body: JointCaseCreate,
    principal: Principal,
    view: CatalogView,
    package: Package,
    now: datetime,
) -> tuple[JointCase, list[Case]]:
    """The rows of a checked joint intake: the joint case, its first stage opened, its
    parts (not yet added to a session). A joint number not from the window's sequence (a
    pre-submission's) gets ``seq`` 0."""
    data = body.model_dump(mode="json", exclude_none=True)
    window_number = rules.case_no_problem(body.joint_no, body.window_code) is None
    joint = JointCase(
        id=str(body.id),
        joint_no=body.joint_no,
        seq=rules.case_seq(body.joint_no) if window_number else 0,
        query_code=body.query_code,
        package_code=body.package_code,
        project_type=body.project_type,
        project_code=body.project_code,
        window_code=body.window_code,
        catalog_version=body.catalog_version,
        applicant=data["applicant"],
        agent=data.get("agent"),
        materials=data["materials"],
        received_at=body.received_at,
        clerk=body.clerk,
        created_by=principal.actor,
        device_id=principal.device_id,
        created_at=now,
        updated_at=now,
    )
    first = package.stages_for(body.project_type)[0]
    joint.stages = [JointStage(stage=first.code, opened_at=body.received_at, opened_by=body.clerk)]
    parts = [
        _new_part(body, n, part, view.catalog.item(part.item_code).department, principal, now)
        for n, part in enumerate(body.parts)
    ]
    return joint, parts


def _new_part(
    body: JointCaseCreate,
    n: int,
    part: JointPartCreate,
    department: str,
    principal: Principal,
    now: datetime,
) -> Case:
    data = body.model_dump(mode="json", exclude_none=True)
    materials = data["parts"][n]["materials"]
    status = (
        Status.RECEIVED.value
        if part.first_event.type == "receive"
        else rules.initial_status(part.disposition)
    )
    case = Case(
        id=str(part.id),
        case_no=part.case_no,
        seq=rules.case_seq(part.case_no),
        query_code=part.query_code,
        item_code=part.item_code,
        window_code=body.window_code,
        catalog_version=body.catalog_version,
        applicant=data["applicant"],
        agent=data.get("agent"),
        materials=materials,
        disposition=part.disposition,
        status=status,
        received_at=body.received_at,
        due_date=part.due_date,
        due_date_provisional=part.due_date_provisional,
        fee_fen=part.fee_fen,
        clerk=body.clerk,
        created_by=principal.actor,
        device_id=principal.device_id,
        created_at=now,
        updated_at=now,
        joint_case_no=body.joint_no,
        stage=part.stage,
        department_code=department,
    )
    case.events = [
        CaseEvent(
            id=str(part.first_event.id),
            type=part.first_event.type,
            at=part.first_event.at,
            actor=body.clerk,
            window_code=body.window_code,
            note=part.first_event.note,
            data=part.first_event.data,
            device_id=principal.device_id,
            recorded_at=now,
        )
    ]
    return case


# -- reading and stages -----------------------------------------------------------------


def parts_of(session: Session, joint_no: str) -> list[Case]:
    return list(
        session.scalars(select(Case).where(Case.joint_case_no == joint_no).order_by(Case.seq))
    )


def joint_in_reach(session: Session, principal: Principal, joint_no: str) -> JointCase:
    """The joint case ``joint_no`` if ``principal`` reaches one of its parts; else 404."""
    joint = session.scalars(select(JointCase).where(JointCase.joint_no == joint_no)).first()
    if joint is not None:
        reached = session.scalar(
            select(Case.id)
            .where(Case.joint_case_no == joint_no)
            .where(reach.case_reach(session, principal))
            .limit(1)
        )
        if reached is not None:
            return joint
    raise reach.not_found(f"joint case {joint_no}")


def states(joint: JointCase, package: Package, parts: list[Case]) -> dict[str, StageState]:
    return rules_joint.stage_states(
        package,
        joint.project_type,
        [
            PartState(c.case_no, c.stage or "", c.department_code or "", Status(c.status))
            for c in parts
        ],
        opened_early=[s.stage for s in joint.stages if s.early],
    )


def lock_joint(session: Session, joint_no: str) -> JointCase:
    """The joint case ``joint_no``, its row locked until this transaction ends.

    Event writers share no lock (``records_service.feed``), so on PostgreSQL the last
    parts of a stage may complete in overlapping transactions; without this lock each
    would read the other's part as still open and none would close the stage or open the
    next. Taken before the joint case's stages and parts are read: each of these reads
    is a statement of its own, so it sees what the writer before committed. Every writer
    of a joint case takes it before any of its parts' rows (a part's event before its
    part's ``FOR UPDATE``, ``routers.events``; the opening of a stage early before the
    parts it dates), so two writers never wait for each other in the other order. Taken
    again later in the same transaction, it returns at once. SQLite: its writers are
    serialized anyway (``FOR UPDATE`` is left out).
    """
    query = select(JointCase).where(JointCase.joint_no == joint_no).with_for_update()
    return session.scalars(query.execution_options(populate_existing=True)).one()


def part_may_be_worked(
    session: Session,
    case: Case,
    event_type: str,
    data: dict[str, Any] | None,
    principal: Principal,
) -> None:
    """The joint rules of an event on a part (nothing for an ordinary case).

    - 409 ``stage-not-open``: the part's stage has not opened (notes excepted);
    - 409 ``consolidated-supplement``: a supplement request goes to the applicant only in
      the stage's one consolidated notice, sent by the joint case's intake window (the
      event names it in ``data.joint_notice``); a department files what it needs with
      ``file_supplement`` instead.
    """
    if not case.joint_case_no or not case.stage:
        return
    joint = lock_joint(session, case.joint_case_no)
    if event_type != "note" and not any(s.stage == case.stage for s in joint.stages):
        raise ProblemError(
            409,
            "stage-not-open",
            f"Stage {case.stage} of joint case {joint.joint_no} has not opened yet.",
            title="Stage not open",
        )
    if event_type == "request_supplement" and not (
        principal.window_code == joint.window_code and (data or {}).get("joint_notice")
    ):
        raise ProblemError(
            409,
            "consolidated-supplement",
            f"Part {case.case_no} belongs to joint case {joint.joint_no}: file what it needs "
            "(file_supplement); the intake window sends one notice for the stage.",
            title="Supplements are consolidated",
        )


def after_part_event(session: Session, case: Case, now: datetime) -> None:
    """After an event on a part: close the stages now complete, open the next one (its
    parts get their due dates), and complete the joint case after its last stage."""
    if not case.joint_case_no:
        return
    joint = lock_joint(session, case.joint_case_no)
    view = catalog_view(session, joint.catalog_version)
    package = view.packages.get(joint.package_code) if view else None
    if package is None:  # pragma: no cover - checked at intake; versions never change
        return
    parts = parts_of(session, joint.joint_no)
    found = states(joint, package, parts)
    opened = {s.stage: s for s in joint.stages}
    for stage in package.stages_for(joint.project_type):
        state = found.get(stage.code)
        row = opened.get(stage.code)
        if state is StageState.COMPLETE and row is not None and row.completed_at is None:
            row.completed_at = now
        if state in (StageState.OPEN, StageState.COMPLETE) and row is None:
            open_stage(session, joint, stage, parts, now, by="service")
    if rules_joint.is_complete(found) and joint.completed_at is None:
        joint.completed_at = now
    joint.updated_at = now


def open_stage(
    session: Session,
    joint: JointCase,
    stage: Stage,
    parts: list[Case],
    now: datetime,
    *,
    by: str,
    early: bool = False,
    note: str = "",
) -> None:
    """Record ``stage`` as opened now; its parts get the stage's due date, and a ``note``
    event each, so the change feed brings the opening (and the due date) to the desks of
    their departments.

    The parts it dates are row-locked first (after the joint case, the order of every
    joint writer), as every writer of a case's event locks the case: a writer that does not
    know of joint cases (a fee's note) may write on a part meanwhile.
    """
    joint.stages.append(
        JointStage(stage=stage.code, opened_at=now, opened_by=by, early=early, note=note)
    )
    due = rules_joint.stage_due(rules.calendar(session), now.astimezone(CENTER_TZ).date(), stage)
    dated = [p for p in parts if p.stage == stage.code and p.due_date is None]
    if dated:
        numbers = [p.case_no for p in dated]
        session.execute(select(Case.id).where(Case.case_no.in_(numbers)).with_for_update())
    for part in dated:
        part.due_date, part.due_date_provisional = due.date, due.provisional
        part.updated_at = now
        part.events.append(
            CaseEvent(
                id=str(uuid.uuid4()),
                type="note",
                at=now,
                actor=by,
                window_code=None,
                note=f"{stage.name}阶段开启，办理时限至{due.date.isoformat()}",
                data=None,
                recorded_at=now,
            )
        )


def joint_public(session: Session, joint: JointCase) -> dict[str, Any]:
    """The joint case as the API shows it, with its stages and parts."""
    view = catalog_view(session, joint.catalog_version)
    package = view.packages.get(joint.package_code) if view else None
    parts = parts_of(session, joint.joint_no)
    found = states(joint, package, parts) if package else {}
    opened = {s.stage: s for s in joint.stages}
    calendar = rules.calendar(session)
    stages = []
    for stage in package.stages_for(joint.project_type) if package else ():
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
                "lead_department": stage.lead_department,
                "time_limit_days": stage.time_limit_days,
                "state": found.get(stage.code, StageState.WAITING).value,
                "opened_at": iso(row.opened_at) if row else None,
                "opened_early": bool(row.early) if row else False,
                "due_date": due.isoformat() if due else None,
                "completed_at": iso(row.completed_at) if row else None,
            }
        )
    return {
        "id": joint.id,
        "joint_no": joint.joint_no,
        "query_code": joint.query_code,
        "package_code": joint.package_code,
        "package_name": package.name if package else None,
        "project_type": joint.project_type,
        "project_code": joint.project_code,
        "window_code": joint.window_code,
        "catalog_version": joint.catalog_version,
        "applicant": joint.applicant,
        "agent": joint.agent,
        "materials": joint.materials,
        "received_at": iso(joint.received_at),
        "completed_at": iso(joint.completed_at),
        "clerk": joint.clerk,
        "status": "completed" if joint.completed_at else "in_progress",
        "current_stage": rules_joint.current_stage(found),
        "stages": stages,
        "parts": [
            {
                **case_public(c),
                "joint_case_no": c.joint_case_no,
                "stage": c.stage,
                "department_code": c.department_code,
            }
            for c in parts
        ],
        "updated_at": iso(joint.updated_at),
        "documents": joint_documents(session, joint.joint_no),
    }
