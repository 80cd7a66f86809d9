"""A joint intake at the 综合窗口 (issue 16): what the clerk enters once, and the joint case
with its parts it becomes.

The applicant and the combined materials (一套材料) are entered once; each part gets the
item materials the combined list stands for, plus its own materials. Parts of the first
stage get an intake decision like an ordinary case (built by
:func:`clerk_app.core.intake.build_case`, so every rule of a single intake holds: a required
material missing means 补正, a 即办 item is done on the spot...). Parts of later stages are
only received: their department decides when the stage opens.

Pure: no I/O, no Qt. The desk numbers the joint case and every part from the window's own
case sequence before calling :func:`build_joint_case` (``numbers``), so it works offline.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.catalog import Catalog, Item
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.identity import Issue
from clerk_app.core.intake import (
    Applicant,
    IntakeDraft,
    InvalidDraft,
    MaterialReceipt,
    build_case,
    validate,
)
from clerk_app.core.joint import PlannedPart, check_project_code, plan_parts
from clerk_app.core.lifecycle import Disposition, EventType, Status
from clerk_app.core.packages import Package
from clerk_app.core.records import Case, CaseEvent, JointCase, MaterialLine


@dataclass(frozen=True)
class JointDraft:
    """What the clerk entered for a joint intake.

    Attributes:
        materials: the combined materials, by the package's material codes.
        own: per item code, the part's own materials (item material codes the combined
            list does not collect).
        decisions: per item code of the first stage, the decision; an item not named gets
            its catalog kind (即办 or 承诺).
    """

    package_code: str
    applicant: Applicant
    agent: Applicant | None = None
    project_type: str | None = None
    project_code: str = ""
    materials: Sequence[MaterialReceipt] = ()
    own: Mapping[str, Sequence[MaterialReceipt]] = field(default_factory=dict)
    decisions: Mapping[str, Disposition] = field(default_factory=dict)
    note: str = ""


class InvalidJointDraft(ValueError):
    """A joint draft with errors: ``errors`` per item code ("" for the joint case itself)."""

    def __init__(self, errors: Mapping[str, list[Issue]]) -> None:
        self.errors = dict(errors)
        parts = "; ".join(
            f"{item or 'joint'}: " + ", ".join(i.code for i in issues)
            for item, issues in self.errors.items()
        )
        super().__init__(f"the joint intake has errors: {parts}")


def part_receipts(package: Package, item: Item, draft: JointDraft) -> tuple[MaterialReceipt, ...]:
    """The materials of ``item`` as its part receives them: the combined ones by the
    combined list's state, the rest from the part's own."""
    covered = package.covered(item.code)
    combined = {m.code: m for m in draft.materials}
    own = {m.code: m for m in draft.own.get(item.code, ())}
    out = []
    for material in item.materials:
        given = combined.get(covered[material.code]) if material.code in covered else None
        given = given or own.get(material.code)
        if given is None:
            out.append(MaterialReceipt(material.code, received=False))
        else:
            out.append(replace(given, code=material.code))
    return tuple(out)


def default_decision(item: Item) -> Disposition:
    return Disposition.IMMEDIATE if item.case_kind == "immediate" else Disposition.PROMISED


def part_draft(package: Package, item: Item, draft: JointDraft) -> IntakeDraft:
    """The single-intake draft of a first-stage part."""
    return IntakeDraft(
        item_code=item.code,
        applicant=draft.applicant,
        agent=draft.agent,
        materials=part_receipts(package, item, draft),
        disposition=draft.decisions.get(item.code, default_decision(item)),
        note=draft.note,
    )


def check_joint(
    draft: JointDraft, package: Package, catalog: Catalog, calendar: WorkCalendar, today: object
) -> dict[str, list[Issue]]:
    """Every problem of ``draft``, per item code ("" for the joint case); empty when fine."""
    errors: dict[str, list[Issue]] = {}
    if package.kind == "project":
        try:
            check_project_code(draft.project_code)
        except ValueError:
            errors[""] = [Issue("joint.project_code", {}, "project_code")]
    try:
        plan = plan_parts(package, catalog, draft.project_type)
    except (ValueError, KeyError):
        errors.setdefault("", []).append(Issue("joint.project_type", {}, "project_type"))
        return errors
    first = plan[0].stage if plan else None
    for part in plan:
        if part.stage != first:
            continue
        item = catalog.item(part.item)
        result = validate(
            part_draft(package, item, draft),
            item,
            today=today,  # type: ignore[arg-type]
            calendar=calendar,
        )
        if result.errors:
            errors[item.code] = list(result.errors)
    return errors


def build_joint_case(
    draft: JointDraft,
    package: Package,
    catalog: Catalog,
    *,
    joint_id: str,
    numbers: Sequence[str],
    query_code: str,
    window_code: str,
    catalog_version: str,
    clerk: str,
    received_at: datetime,
    calendar: WorkCalendar,
) -> JointCase:
    """The joint case ``draft`` becomes: ``numbers[0]`` is the joint number, the rest the
    parts' numbers in plan order (:func:`plan_parts`).

    Raises:
        InvalidJointDraft: the draft has errors (see :func:`check_joint`).
        ValueError: too few numbers, or ``received_at`` naive.
    """
    if received_at.tzinfo is None or received_at.utcoffset() is None:
        raise ValueError("received_at must be timezone-aware")
    local = received_at.astimezone(CENTER_TZ).replace(microsecond=0)
    errors = check_joint(draft, package, catalog, calendar, local.date())
    if errors:
        raise InvalidJointDraft(errors)
    plan = plan_parts(package, catalog, draft.project_type)
    if len(numbers) < len(plan) + 1:
        raise ValueError(f"{len(plan) + 1} numbers needed, {len(numbers)} given")
    first = plan[0].stage
    parts: list[Case] = []
    for planned, case_no in zip(plan, numbers[1:], strict=False):
        item = catalog.item(planned.item)
        common: dict[str, Any] = {
            "case_id": str(uuid.uuid4()),
            "case_no": case_no,
            "query_code": query_code,
            "window_code": window_code,
            "catalog_version": catalog_version,
            "clerk": clerk,
            "received_at": local,
        }
        if planned.stage == first:
            try:
                case = build_case(
                    part_draft(package, item, draft), item, calendar=calendar, **common
                )
            except InvalidDraft as exc:  # pragma: no cover - check_joint found none
                raise InvalidJointDraft({item.code: exc.errors}) from None
        else:
            case = _received_part(package, item, draft, parts[0], **common)
        parts.append(_as_part(case, planned, numbers[0]))
    head = parts[0]
    return JointCase(
        id=joint_id,
        joint_no=numbers[0],
        query_code=query_code,
        package_code=package.code,
        window_code=window_code,
        catalog_version=catalog_version,
        applicant=head.applicant,
        agent=head.agent,
        materials=tuple(
            MaterialLine(m.code, m.received, m.deferred, m.copies, m.note) for m in draft.materials
        ),
        received_at=local,
        clerk=clerk,
        parts=tuple(parts),
        project_type=draft.project_type if package.kind == "project" else None,
        project_code=draft.project_code if package.kind == "project" else "",
    )


def _received_part(
    package: Package,
    item: Item,
    draft: JointDraft,
    head: Case,
    *,
    case_id: str,
    case_no: str,
    query_code: str,
    window_code: str,
    catalog_version: str,
    clerk: str,
    received_at: datetime,
) -> Case:
    """A part of a later stage: received with its materials, no decision yet (its
    department decides when the stage opens). The parties are the first part's, checked
    there."""
    receive = CaseEvent(
        id=str(uuid.uuid4()), type=EventType.RECEIVE, at=received_at, actor=clerk, note=""
    )
    return Case(
        id=case_id,
        case_no=case_no,
        query_code=query_code,
        item_code=item.code,
        window_code=window_code,
        catalog_version=catalog_version,
        applicant=head.applicant,
        agent=head.agent,
        materials=tuple(
            MaterialLine(m.code, m.received, m.deferred, m.copies, m.note)
            for m in part_receipts(package, item, draft)
        ),
        disposition=Disposition.PROMISED,
        status=Status.RECEIVED,
        received_at=received_at,
        due_date=None,
        due_date_provisional=False,
        fee_fen=0,
        clerk=clerk,
        events=(receive,),
    )


def _as_part(case: Case, planned: PlannedPart, joint_no: str) -> Case:
    return replace(
        case, joint_case_no=joint_no, stage=planned.stage, department_code=planned.department
    )
