"""What the clerk does to a case after intake: the lifecycle action and its notice.

:func:`perform_action` runs on the database writer: the lifecycle event through
``store.writes.add_event`` (event + outbox row, one transaction; a resumption moves the due
date and a correction changes the applicant's field in the same transaction), then the
matching notice through :func:`clerk_app.app.documents.issue_document` (numbered, archived,
queued). A notice that cannot be written never undoes the event: the clerk is told and the
event stays. The words for statuses and events are the GUI's (``gui.case_actions``).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from clerk_app.app.documents import IssuedDocument, case_facts, issue_document
from clerk_app.app.suspensions import CASE_KINDS, check_suspend_kind
from clerk_app.core import lifecycle
from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.catalog import Catalog, Item, TimeLimit
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.event_data import (
    CorrectionData,
    DeferredDecision,
    EventData,
    ForwardData,
    MaterialNeed,
    ResumeData,
    SupplementFiling,
    SupplementRequest,
    SuspendData,
)
from clerk_app.core.intake import LICENSING_LAW_ART_32
from clerk_app.core.records import Case, CaseEvent
from clerk_app.documents import (
    CompletionNotice,
    Correction,
    CorrectionNotice,
    DeferredLapsedNotice,
    DeferredSuppliedReceipt,
    MissingMaterial,
    NoticeBase,
    SupplementNotice,
    VoidNotice,
)
from clerk_app.logs import logger
from clerk_app.remote.wire import event_to_wire
from clerk_app.store.documents import case_documents
from clerk_app.store.writes import LocalWrite, add_event, apply_correction, set_due_date

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session

log = logger("app")

E = lifecycle.EventType

#: The actions offered in the case detail, in this order (when the lifecycle allows them).
ACTIONS: tuple[lifecycle.EventType, ...] = (
    E.START,
    E.REQUEST_SUPPLEMENT,
    E.SUPPLEMENT_RECEIVED,
    E.DEFERRED_SUPPLIED,
    E.DEFERRED_LAPSED,
    E.SUSPEND,
    E.RESUME,
    E.COMPLETE_APPROVED,
    E.COMPLETE_REJECTED,
    E.WITHDRAW,
    E.VOID,
    E.CORRECT,
)

#: The kinds of special procedure an ordinary case is suspended for (time not counted); a
#: part of a joint case has its own (``app.suspensions.suspend_kinds``).
SUSPEND_KINDS: tuple[str, ...] = CASE_KINDS

#: Applicant fields a correction may change.
CORRECTABLE: tuple[str, ...] = ("name", "phone", "id_number")

#: Field names as an official (Chinese) notice prints them.
NOTICE_FIELD_NAMES: dict[str, str] = {
    "name": "申请人姓名",
    "phone": "联系电话",
    "id_number": "证件号码",
}

#: The notice each action issues.
NOTICE_OF: dict[lifecycle.EventType, str] = {
    E.REQUEST_SUPPLEMENT: "supplement",
    E.COMPLETE_APPROVED: "completion",
    E.COMPLETE_REJECTED: "completion",
    E.VOID: "void",
    E.CORRECT: "correction",
    E.DEFERRED_SUPPLIED: "supplied",
    E.DEFERRED_LAPSED: "lapsed",
}

#: The 容缺 follow-up: offered only while a case still waits for its deferred material.
DEFERRED_ACTIONS = frozenset({E.DEFERRED_SUPPLIED, E.DEFERRED_LAPSED})

#: A part of a joint case (issue 16) is asked for supplements only in its stage's one
#: consolidated notice, and resumes with the whole stage: the intake window does both
#: (``app.joint_work``). A department files what its part needs instead.
NOT_FOR_PARTS = frozenset({E.REQUEST_SUPPLEMENT, E.SUPPLEMENT_RECEIVED})


def available_actions(
    status: lifecycle.Status | str, *, awaiting_material: bool = False
) -> tuple[lifecycle.EventType, ...]:
    """The actions of :data:`ACTIONS` the lifecycle allows for a case in ``status`` now.

    ``awaiting_material``: the case waits for a 容缺 material (:func:`awaited_material`);
    only then are "material supplied" and "material not supplied" offered.
    """
    allowed = lifecycle.allowed_events(status)
    return tuple(
        a for a in ACTIONS if a in allowed and (awaiting_material or a not in DEFERRED_ACTIONS)
    )


def case_actions(case: Case, *, upper_center: str = "") -> tuple[lifecycle.EventType, ...]:
    """The actions the case detail offers for ``case`` now.

    ``upper_center``: the center above this window's (provisioning ``[center] parent``);
    when there is one, a case already taken in may be forwarded to it (上报, ``forward``,
    offered after the completions) while the lifecycle allows it.

    A part of a joint case: nothing while its stage has not opened (received, no due date);
    then 受理 (``accept``) while it is only received, ``file_supplement`` instead of a
    supplement request, and no "supplement received" (the intake window records it for
    the whole stage); it is never forwarded on its own.
    """
    actions = available_actions(case.status, awaiting_material=awaited_material(case) is not None)
    if not case.joint_case_no:
        if upper_center and E.FORWARD in lifecycle.allowed_events(case.status):
            at = next((i for i, a in enumerate(actions) if a is E.WITHDRAW), len(actions))
            actions = (*actions[:at], E.FORWARD, *actions[at:])
        return actions
    kept = tuple(a for a in actions if a not in NOT_FOR_PARTS)
    if case.status is lifecycle.Status.RECEIVED:
        return () if case.due_date is None else (E.ACCEPT, *kept)
    if E.FILE_SUPPLEMENT in lifecycle.allowed_events(case.status):
        return (kept[0], E.FILE_SUPPLEMENT, *kept[1:]) if kept else (E.FILE_SUPPLEMENT,)
    return kept


def awaited_material(case: Case) -> DeferredDecision | None:
    """The 容缺 decision whose material the open ``case`` still waits for (None: none).

    The latest ``accept_deferred`` event, unless a ``deferred_supplied`` or
    ``deferred_lapsed`` came after it.
    """
    if lifecycle.is_terminal(case.status):
        return None
    for event in reversed(case.events):
        if event.type in (E.DEFERRED_SUPPLIED, E.DEFERRED_LAPSED):
            return None
        if event.type is E.ACCEPT_DEFERRED:
            data = event.data
            return data if isinstance(data, DeferredDecision) else DeferredDecision()
    return None


@dataclass(frozen=True)
class ActionInput:
    """What the clerk entered for one action."""

    event: lifecycle.EventType
    opinion: str = ""
    #: Supplement: the missing materials (name, what it must be).
    missing: tuple[tuple[str, str], ...] = ()
    suspend_kind: str = ""
    #: Correction: the field, and its new value.
    field: str = ""
    new_value: str = ""
    #: A part's ``file_supplement``: the item's materials still needed (code, name, what).
    filed: tuple[MaterialNeed, ...] = ()
    #: 上报 (``forward``): the code and name of the center above the case goes to; the
    #: opinion is the reason.
    forward_center: str = ""
    forward_authority: str = ""


@dataclass(frozen=True)
class ActionOutcome:
    """What an action did: the event written, the notice issued (or why not)."""

    case_no: str
    event: lifecycle.EventType
    status: lifecycle.Status
    notice: IssuedDocument | None = None
    notice_error: str | None = None
    due_date: date | None = None


def _applicant_field(case: Case, name: str) -> str:
    fields = {
        "name": case.applicant.name,
        "phone": case.applicant.phone,
        "id_number": case.applicant.id_number,
    }
    return fields[name]


def event_data(
    case: Case, entry: ActionInput, *, calendar: WorkCalendar, today: date
) -> EventData | None:
    """What the action's event records (a resumption: the due date it moves the case to)."""
    if entry.event is E.SUSPEND:
        kind = check_suspend_kind(case, entry.suspend_kind)
        return SuspendData(kind=kind, suspended_on=today)
    if entry.event is E.RESUME:
        since = suspended_on(case)
        if since is None or case.due_date is None:
            return ResumeData(resumed_on=today)
        extended = lifecycle.extend_due_date(calendar, case.due_date, since, today)
        return ResumeData(
            resumed_on=today,
            suspended_on=since,
            suspended_working_days=lifecycle.suspended_working_days(calendar, since, today),
            due_date=extended.date,
            due_date_provisional=extended.provisional,
        )
    if entry.event is E.REQUEST_SUPPLEMENT:
        return SupplementRequest(
            missing=tuple(MaterialNeed(name=n, requirement=r) for n, r in entry.missing)
        )
    if entry.event is E.FILE_SUPPLEMENT:
        return SupplementFiling(materials=entry.filed)
    if entry.event is E.FORWARD:
        return ForwardData(
            authority=entry.forward_authority.strip() or entry.forward_center,
            reason=entry.opinion.strip(),
            center=entry.forward_center,
        )
    if entry.event is E.CORRECT:
        old = _applicant_field(case, entry.field)
        return CorrectionData(field=f"applicant.{entry.field}", old=old, new=entry.new_value)
    return None


def suspended_on(case: Case) -> date | None:
    """The day the case's latest suspension began (None if it was never suspended)."""
    event = case.last_event(E.SUSPEND)
    if event is None:
        return None
    if isinstance(event.data, SuspendData) and event.data.suspended_on is not None:
        return event.data.suspended_on
    return event.at.astimezone(CENTER_TZ).date()


def new_event(
    event_type: lifecycle.EventType | str,
    *,
    actor: str,
    at: datetime,
    note: str = "",
    data: EventData | None = None,
) -> CaseEvent:
    """A new lifecycle event (its id is made here: the Idempotency-Key of its sending)."""
    return CaseEvent(
        id=str(uuid.uuid4()),
        type=lifecycle.EventType(event_type),
        at=at,
        actor=actor,
        note=note.strip(),
        data=data,
    )


def record_event(context: AppContext, case_no: str, event: CaseEvent) -> LocalWrite:
    """Write an event of a case and queue its ``POST /cases/{no}/events`` (one transaction).

    Raises:
        IllegalTransition: the case's local status does not allow it; nothing written.
        KeyError: no such case here.
    """
    return add_event(context.backend.store, case_no, event, body=event_to_wire(event))


def perform_action(
    context: AppContext, session: Session, case_no: str, entry: ActionInput
) -> ActionOutcome:
    """Write the action's event (one transaction) and issue its notice. Runs on the writer.

    Raises:
        IllegalTransition: the case's status changed meanwhile; nothing written.
        ValueError: a reason the action needs is missing; nothing written.
        KeyError: no such case here.
        StoreError: the disk is full or the database damaged; nothing written.
    """
    store = context.backend.store
    case = store.get_case(case_no)
    if case is None:
        raise KeyError(case_no)
    if lifecycle.needs_reason(entry.event) and not entry.opinion.strip():
        raise ValueError("reason required")
    if entry.event is E.FORWARD and not (entry.forward_center and entry.opinion.strip()):
        raise ValueError("a forward needs the center above and a reason")
    now = context.clock.now().astimezone(CENTER_TZ)
    data = event_data(case, entry, calendar=context.calendar, today=now.date())
    new_due = data.due_date if isinstance(data, ResumeData) else None
    with store.db.transaction():
        record_event(
            context,
            case_no,
            new_event(entry.event, actor=session.username, at=now, note=entry.opinion, data=data),
        )
        if isinstance(data, ResumeData) and data.due_date is not None:
            set_due_date(store, case_no, data.due_date, data.due_date_provisional)
        if entry.event is E.CORRECT:
            apply_correction(store, case_no, entry.field, entry.new_value)
    updated = store.get_case(case_no)
    assert updated is not None
    outcome = ActionOutcome(case_no, entry.event, updated.status, due_date=new_due)
    kind = NOTICE_OF.get(entry.event)
    if kind is None:
        return outcome
    try:
        notice = issue_notice(context, session, updated, entry, kind, now)
    except Exception as exc:  # the event stands; the clerk may issue the notice again
        log.error("%s notice for %s not written: %s", kind, case_no, exc)
        store.journal("print", f"{kind} notice for {case_no} not written: {exc}")
        return ActionOutcome(
            case_no, entry.event, updated.status, None, str(exc) or type(exc).__name__
        )
    return ActionOutcome(case_no, entry.event, updated.status, notice, None, new_due)


def issue_notice(
    context: AppContext,
    session: Session,
    case: Case,
    entry: ActionInput,
    kind: str,
    now: datetime,
) -> IssuedDocument:
    """Build the notice of ``kind`` for ``case`` and issue it (numbered, archived, queued)."""
    item = case_item(context, case.item_code)
    facts = case_facts(context, session, case, item)
    docs = [d for d in case_documents(context.backend.store, case.case_no) if not d.reprint]
    data: NoticeBase
    if kind in ("supplied", "lapsed"):
        data = deferred_follow_up(case, entry, kind, now, facts)
    elif kind == "supplement":
        data = SupplementNotice(
            **facts,
            missing=tuple(MissingMaterial(name, what) for name, what in entry.missing),
            legal_basis=(LICENSING_LAW_ART_32,),
        )
    elif kind == "completion":
        approved = entry.event is E.COMPLETE_APPROVED
        # The notice is an official document: always in Chinese, whatever the UI language.
        result = "准予办理" if approved else "不予办理"
        if entry.opinion.strip():
            result += f"（{entry.opinion.strip()}）"
        data = CompletionNotice(
            **facts,
            result=result,
            completed_on=now.date(),
            pickup_items=(item.name,) if approved else (),
            bring=("本通知书", "申请人有效身份证件"),
        )
    elif kind == "void":
        data = VoidNotice(
            **facts,
            voided_at=now,
            reason=entry.opinion.strip(),
            voided_documents=tuple(d.document_no for d in docs),
        )
    else:
        last = case.last_event(E.CORRECT)
        old = last.data.old if last is not None and isinstance(last.data, CorrectionData) else ""
        corrected = next((d.document_no for d in reversed(docs) if d.kind == "acceptance"), "")
        if not corrected and docs:
            corrected = docs[-1].document_no
        data = CorrectionNotice(
            **facts,
            corrected_document_no=corrected or case.case_no,
            corrections=(
                Correction(
                    NOTICE_FIELD_NAMES.get(entry.field, entry.field),
                    old,
                    entry.new_value,
                ),
            ),
            reason=entry.opinion.strip(),
        )
    return issue_document(context, session, data)


def deferred_follow_up(
    case: Case, entry: ActionInput, kind: str, now: datetime, facts: dict
) -> NoticeBase:
    """The receipt for the 容缺 material that came (``supplied``), or the notice that the case
    ends because it did not (``lapsed``), from the case's 容缺 decision."""
    decision = next(
        (
            e.data
            for e in reversed(case.events)
            if e.type is E.ACCEPT_DEFERRED and isinstance(e.data, DeferredDecision)
        ),
        DeferredDecision(),
    )
    lines = tuple(MissingMaterial(m.name, m.requirement) for m in decision.deferred) or (
        MissingMaterial("容缺材料", ""),
    )
    if kind == "supplied":
        return DeferredSuppliedReceipt(
            **facts,
            supplied=lines,
            supplied_on=now.date(),
            due_date=case.due_date,
            due_provisional=case.due_date_provisional,
        )
    return DeferredLapsedNotice(
        **facts,
        missing=lines,
        supply_by=decision.supply_by,
        ended_on=now.date(),
        reason=entry.opinion.strip(),
    )


def case_item(context: AppContext, code: str) -> Item:
    """The catalog item of a case (from the cached catalog); a stand-in named by its code
    when the catalog no longer has it."""
    cached = context.backend.store.load_catalog()
    if cached is not None:
        item = Catalog.from_dict(json.loads(cached.json_text)).get_item(code)
        if item is not None:
            return item
    return Item(
        code=code,
        name=code,
        type="",
        department="",
        subjects=(),
        scope="",
        conditions="",
        procedure=(),
        materials=(),
        time_limit=TimeLimit(0, 0),
        case_kind="",
    )
