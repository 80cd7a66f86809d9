"""Joint cases at the desks after intake (联合审批, issue 16): departments work their parts,
the intake window consolidates the supplements.

- A department's desk lists the parts assigned to its department (待本部门办理,
  ``store.worklist`` with ``WorklistFilter.department`` = :func:`desk_department`),
  whichever window took them in: they come through the change feed. It works them with
  the ordinary lifecycle actions (``app.case_actions``); what a part still needs is
  *filed* (``file_supplement``: materials from the item's checklist and a note), never
  sent to the applicant by the department itself.
- The intake window (综合窗口) sees per joint case and stage what each department filed
  and whether the stage's review window has closed (:func:`stage_reviews`,
  ``core.joint.review_closes`` / ``consolidation_due``); it issues ONE consolidated
  一次性告知 and records ``request_supplement`` on every open part of the stage naming it
  (:func:`send_consolidated_notice`), and when the applicant brings the papers,
  ``supplement_received`` on every waiting part at once (:func:`supplement_received`).

What a stage's parts filed is read from the parts on this desk (the intake window keeps
every part: they are its cases). A filing counts until the part's next supplement request.
The write functions run on the database writer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from clerk_app.app.case_actions import new_event, record_event
from clerk_app.app.joint import cached_catalog, load_joint
from clerk_app.app.joint_documents import Filing, issue_consolidated_notice
from clerk_app.core import joint as rules
from clerk_app.core import lifecycle
from clerk_app.core.catalog import Catalog
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.event_data import MaterialNeed, SupplementFiling, SupplementRequest
from clerk_app.core.joint import PartState, StageState
from clerk_app.core.packages import Package, Stage
from clerk_app.core.records import Case, JointCase
from clerk_app.store.worklist import joint_part_numbers, open_joint_numbers

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.documents import IssuedDocument
    from clerk_app.app.session import Session

E = lifecycle.EventType
S = lifecycle.Status


class NothingToConsolidate(ValueError):
    """No department filed anything for the stage, or no part of it can be asked."""


# -- the department's desk ---------------------------------------------------------------


def desk_department(context: AppContext, session: Session) -> str:
    """The department code of this desk: the signed-in window's department as the catalog
    names it (the sign-in gives its name), else the provisioning file's; "" when the
    catalog does not know it."""
    catalog = cached_catalog(context)
    if catalog is None:
        return ""
    names = (session.department, context.provisioning.department)
    for name in names:
        for department in catalog.departments:
            if name and name in (department.name, department.code):
                return department.code
    return ""


def is_part(case: Case) -> bool:
    """Whether ``case`` is a part of a joint case."""
    return bool(case.joint_case_no)


def part_waiting(case: Case) -> bool:
    """A part whose stage has not opened: received, no due date yet (the service dates a
    stage's parts when it opens). Listed, not workable."""
    return is_part(case) and case.status is S.RECEIVED and case.due_date is None


def stage_names(context: AppContext) -> dict[tuple[str, str], str]:
    """``(item code, stage code) -> stage name`` over the catalog's packages (a part names
    its item and stage, not its package)."""
    catalog = cached_catalog(context)
    out: dict[tuple[str, str], str] = {}
    for package in catalog.packages if catalog else ():
        for stage in package.stages:
            for part in stage.parts:
                out.setdefault((part.item, stage.code), stage.name)
    return out


def department_names(context: AppContext) -> dict[str, str]:
    """Department code → name, from the cached catalog (empty without one)."""
    catalog = cached_catalog(context)
    return {d.code: d.name for d in catalog.departments} if catalog else {}


def filing_data(materials: Sequence[MaterialNeed]) -> SupplementFiling:
    """The data of a ``file_supplement``: the item's materials still needed."""
    return SupplementFiling(materials=tuple(materials))


# -- the intake window's consolidation ---------------------------------------------------


@dataclass(frozen=True)
class PartFiling:
    """What one department filed against its part and has not been asked for yet."""

    case_no: str
    department: str
    item_code: str
    materials: tuple[MaterialNeed, ...]
    note: str


@dataclass(frozen=True)
class StageReview:
    """One open stage of a joint case as the intake window consolidates it.

    Attributes:
        departments: the departments with a part open in the stage.
        filed: the departments that filed since their part was last asked.
        closes: the last day of the review window (None: the stage's opening is not known
            here, e.g. opened early; then only "everyone filed" makes it due).
        due: the consolidated notice goes out now (window closed or everyone filed) and
            there is something to send.
        waiting: parts waiting on the applicant (asked, papers not yet brought).
        notice_no: the consolidated notice they wait on.
    """

    joint_no: str
    stage: str
    stage_name: str
    applicant: str
    departments: tuple[str, ...]
    filed: tuple[str, ...]
    filings: tuple[PartFiling, ...]
    closes: date | None
    due: bool
    waiting: tuple[str, ...]
    notice_no: str


def _parts(context: AppContext, joint_no: str) -> list[Case]:
    store = context.backend.store
    found = (store.get_case(no) for no in joint_part_numbers(store.db, joint_no))
    return [c for c in found if c is not None]


def _guess_package(catalog: Catalog, parts: Sequence[Case]) -> tuple[Package, str | None]:
    """The package and project type whose plan the parts follow (a joint case this desk
    only pulled, taken in elsewhere)."""
    wanted = {(p.stage, p.item_code) for p in parts}
    for package in catalog.packages:
        for kind in package.project_types or (None,):
            try:
                plan = rules.plan_parts(package, catalog, kind)
            except (ValueError, KeyError):
                continue
            if {(p.stage, p.item) for p in plan} == wanted:
                return package, kind
    raise LookupError("no package of the catalog has these parts")


def joint_case(context: AppContext, joint_no: str) -> tuple[JointCase, Package]:
    """The joint case with its parts as this desk has them now, and its package.

    Raises:
        LookupError: no part of ``joint_no`` here, no catalog, or no package fits.
    """
    catalog = cached_catalog(context)
    parts = _parts(context, joint_no)
    if catalog is None or not parts:
        raise LookupError(f"joint case {joint_no} is not on this desk")
    kept = load_joint(context, joint_no)
    if kept is not None:
        package = catalog.package(kept.package_code)
        if package is not None:
            return dataclasses.replace(kept, parts=tuple(parts)), package
    package, kind = _guess_package(catalog, parts)
    first = parts[0]
    joint = JointCase(
        id="",
        joint_no=joint_no,
        query_code=first.query_code,
        package_code=package.code,
        window_code=first.window_code,
        catalog_version=first.catalog_version,
        applicant=first.applicant,
        agent=first.agent,
        materials=(),
        received_at=first.received_at,
        clerk=first.clerk,
        parts=tuple(parts),
        project_type=kind,
    )
    return joint, package


def _states(package: Package, joint: JointCase) -> dict[str, StageState]:
    return rules.stage_states(
        package,
        joint.project_type,
        [PartState(p.case_no, p.stage, p.department_code, p.status) for p in joint.parts],
        # A stage opened early shows in its parts: they have due dates.
        opened_early=[
            p.stage for p in joint.parts if p.due_date is not None or p.status is not S.RECEIVED
        ],
    )


def _opened_on(joint: JointCase, stages: Sequence[Stage], stage: Stage) -> date | None:
    """The day ``stage`` opened: the intake for the first, else the day the stage before
    it ended (its last part's closing event); None when that is not known here."""
    index = [s.code for s in stages].index(stage.code)
    if index == 0:
        return joint.received_at.astimezone(CENTER_TZ).date()
    before = [p for p in joint.parts if p.stage == stages[index - 1].code]
    ends = [e.at for p in before for e in p.events if lifecycle.is_terminal(p.status)]
    if not before or not all(lifecycle.is_terminal(p.status) for p in before) or not ends:
        return None
    return max(ends).astimezone(CENTER_TZ).date()


def _open_filing(part: Case) -> PartFiling | None:
    """The part's filings since it was last asked (merged), or None."""
    materials: list[MaterialNeed] = []
    notes: list[str] = []
    for event in part.events:
        if event.type is E.REQUEST_SUPPLEMENT:
            materials, notes = [], []
        elif event.type is E.FILE_SUPPLEMENT:
            data = event.data
            if isinstance(data, SupplementFiling):
                materials.extend(m for m in data.materials if m not in materials)
            if event.note.strip():
                notes.append(event.note.strip())
    if not materials and not notes:
        return None
    return PartFiling(
        part.case_no, part.department_code, part.item_code, tuple(materials), "；".join(notes)
    )


def _notice_of(part: Case) -> str:
    last = part.last_event(E.REQUEST_SUPPLEMENT)
    data = last.data if last is not None else None
    return data.joint_notice if isinstance(data, SupplementRequest) else ""


def stage_review(context: AppContext, joint_no: str, stage_code: str) -> StageReview:
    """One stage of a joint case as :class:`StageReview` (see :func:`stage_reviews`)."""
    joint, package = joint_case(context, joint_no)
    stages = package.stages_for(joint.project_type)
    stage = next(s for s in stages if s.code == stage_code)
    parts = [p for p in joint.parts if p.stage == stage.code]
    open_parts = [p for p in parts if not lifecycle.is_terminal(p.status)]
    filings = tuple(f for f in map(_open_filing, open_parts) if f is not None)
    waiting = tuple(p.case_no for p in open_parts if p.status is S.SUPPLEMENT_REQUESTED)
    opened = _opened_on(joint, stages, stage)
    closes = rules.review_closes(context.calendar, opened, stage) if opened else None
    departments = tuple(dict.fromkeys(p.department_code for p in open_parts))
    filed = tuple(dict.fromkeys(f.department for f in filings))
    today = context.clock.now().astimezone(CENTER_TZ).date()
    due = bool(filings) and rules.consolidation_due(closes or date.max, today, filed, departments)
    notice = next((_notice_of(p) for p in parts if p.case_no in waiting), "")
    return StageReview(
        joint_no=joint_no,
        stage=stage.code,
        stage_name=stage.name,
        applicant=joint.applicant.name,
        departments=departments,
        filed=filed,
        filings=filings,
        closes=closes,
        due=due,
        waiting=waiting,
        notice_no=notice,
    )


def stage_reviews(context: AppContext) -> list[StageReview]:
    """Every open stage of the joint cases taken in at this window, newest case first."""
    out: list[StageReview] = []
    window = context.provisioning.window_code
    for joint_no in open_joint_numbers(context.backend.store.db, window):
        try:
            joint, package = joint_case(context, joint_no)
        except LookupError:
            continue
        for code, state in _states(package, joint).items():
            if state is StageState.OPEN:
                out.append(stage_review(context, joint_no, code))
    return out


@dataclass(frozen=True)
class ConsolidationOutcome:
    """The consolidated notice issued and the parts now waiting on the applicant."""

    notice: IssuedDocument
    asked: tuple[str, ...]


def send_consolidated_notice(
    context: AppContext, session: Session, joint_no: str, stage_code: str
) -> ConsolidationOutcome:
    """Issue the stage's ONE 一次性告知 from what its departments filed and record
    ``request_supplement`` (naming the notice in ``joint_notice``) on every open part of
    the stage that may be asked, all in one local transaction. Runs on the writer.

    Raises:
        NothingToConsolidate: nothing filed, or no part may be asked now.
        LookupError: the joint case is not on this desk.
        NoCjkFontError, DocumentWriteError, …: no notice; nothing recorded.
    """
    review = stage_review(context, joint_no, stage_code)
    if not review.filings:
        raise NothingToConsolidate(f"nothing filed for stage {stage_code} of {joint_no}")
    joint, _package = joint_case(context, joint_no)
    parts = [
        p
        for p in joint.parts
        if p.stage == stage_code and E.REQUEST_SUPPLEMENT in lifecycle.allowed_events(p.status)
    ]
    if not parts:
        raise NothingToConsolidate(f"no part of stage {stage_code} may be asked now")
    filings = [
        Filing(
            f.case_no,
            tuple(m.code for m in f.materials if m.code),
            f.note,
            needs=tuple(m for m in f.materials if not m.code),
        )
        for f in review.filings
    ]
    by_part = {f.case_no: f for f in review.filings}
    now = context.clock.now().astimezone(CENTER_TZ)
    store = context.backend.store
    with store.db.transaction():
        notice = issue_consolidated_notice(context, session, joint, stage_code, filings)
        for part in parts:
            filed = by_part.get(part.case_no)
            data = SupplementRequest(
                missing=filed.materials if filed else (), joint_notice=notice.document_no
            )
            note = "一次性告知 " + notice.document_no
            record_event(
                context,
                part.case_no,
                new_event(
                    E.REQUEST_SUPPLEMENT, actor=session.username, at=now, note=note, data=data
                ),
            )
    return ConsolidationOutcome(notice, tuple(p.case_no for p in parts))


def supplement_received(
    context: AppContext, session: Session, joint_no: str, stage_code: str
) -> tuple[str, ...]:
    """The applicant brought the papers: ``supplement_received`` on every part of the
    stage waiting on them, in one local transaction (all resume together). Runs on the
    writer; returns the parts resumed.

    Raises:
        NothingToConsolidate: no part of the stage is waiting.
    """
    review = stage_review(context, joint_no, stage_code)
    if not review.waiting:
        raise NothingToConsolidate(f"no part of stage {stage_code} waits on the applicant")
    now = context.clock.now().astimezone(CENTER_TZ)
    note = f"补正材料已收到（{review.notice_no}）" if review.notice_no else ""
    with context.backend.store.db.transaction():
        for case_no in review.waiting:
            record_event(
                context,
                case_no,
                new_event(E.SUPPLEMENT_RECEIVED, actor=session.username, at=now, note=note),
            )
    return review.waiting
