"""What the clerk can do to a case, in words, and how each action is written and noticed.

Shared by the worklist, the case detail and the lookup: the translated names of statuses
and events, and :func:`perform_action`, which runs on the database writer: the lifecycle
event through ``store.writes.add_event`` (event + outbox row, one transaction), then the
matching notice through ``intake_service.issue_document`` (numbered, archived, queued).
A notice that cannot be written never undoes the event: the clerk is told and the event
stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from clerk_app.core import lifecycle
from clerk_app.core.clock import CENTER_TZ
from clerk_app.logs import logger

log = logger("gui")

E = lifecycle.EventType
S = lifecycle.Status

#: The actions offered in the case detail, in this order (when the lifecycle allows them).
ACTIONS: tuple[E, ...] = (
    E.START,
    E.REQUEST_SUPPLEMENT,
    E.SUPPLEMENT_RECEIVED,
    E.SUSPEND,
    E.RESUME,
    E.COMPLETE_APPROVED,
    E.COMPLETE_REJECTED,
    E.WITHDRAW,
    E.VOID,
    E.CORRECT,
)

#: The kinds of special procedure a suspension is for (time not counted).
SUSPEND_KINDS: tuple[str, ...] = ("hearing", "inspection", "testing", "expert_review")

#: Fields a correction may change (key in the applicant record).
CORRECTABLE: tuple[str, ...] = ("name", "phone", "id_number")

#: Field names as an official (Chinese) notice prints them.
NOTICE_FIELD_NAMES: dict[str, str] = {
    "name": "申请人姓名",
    "phone": "联系电话",
    "id_number": "证件号码",
}

#: The notice each action issues.
NOTICE_OF: dict[E, str] = {
    E.REQUEST_SUPPLEMENT: "supplement",
    E.COMPLETE_APPROVED: "completion",
    E.COMPLETE_REJECTED: "completion",
    E.VOID: "void",
    E.CORRECT: "correction",
}


def status_label(status: str) -> str:
    """The status in the clerk's language."""
    labels = {
        S.RECEIVED: QCoreApplication.translate("CaseText", "Received"),
        S.ACCEPTED: QCoreApplication.translate("CaseText", "Accepted"),
        S.IN_PROGRESS: QCoreApplication.translate("CaseText", "In progress"),
        S.SUPPLEMENT_REQUESTED: QCoreApplication.translate("CaseText", "Supplement requested"),
        S.SUSPENDED: QCoreApplication.translate("CaseText", "Suspended"),
        S.FORWARDED: QCoreApplication.translate("CaseText", "Forwarded"),
        S.COMPLETED_APPROVED: QCoreApplication.translate("CaseText", "Completed (approved)"),
        S.COMPLETED_REJECTED: QCoreApplication.translate("CaseText", "Completed (not approved)"),
        S.REFUSED: QCoreApplication.translate("CaseText", "Refused"),
        S.WITHDRAWN: QCoreApplication.translate("CaseText", "Withdrawn"),
        S.VOIDED: QCoreApplication.translate("CaseText", "Voided"),
        S.REVOKED: QCoreApplication.translate("CaseText", "Revoked"),
    }
    try:
        return labels[S(status)]
    except ValueError:
        return status


def event_label(event: str) -> str:
    """An event (or action) in the clerk's language."""
    labels = {
        E.RECEIVE: QCoreApplication.translate("CaseText", "Received"),
        E.ACCEPT: QCoreApplication.translate("CaseText", "Accepted"),
        E.ACCEPT_DEFERRED: QCoreApplication.translate("CaseText", "Accepted, materials to follow"),
        E.START: QCoreApplication.translate("CaseText", "Start handling"),
        E.REQUEST_SUPPLEMENT: QCoreApplication.translate("CaseText", "Request supplement"),
        E.SUPPLEMENT_RECEIVED: QCoreApplication.translate("CaseText", "Supplement received"),
        E.DEFERRED_SUPPLIED: QCoreApplication.translate("CaseText", "Deferred material supplied"),
        E.DEFERRED_LAPSED: QCoreApplication.translate("CaseText", "Deferred material not supplied"),
        E.SUSPEND: QCoreApplication.translate("CaseText", "Suspend (special procedure)"),
        E.RESUME: QCoreApplication.translate("CaseText", "Resume"),
        E.COMPLETE_APPROVED: QCoreApplication.translate("CaseText", "Complete: approved"),
        E.COMPLETE_REJECTED: QCoreApplication.translate("CaseText", "Complete: not approved"),
        E.REFUSE: QCoreApplication.translate("CaseText", "Refused"),
        E.FORWARD: QCoreApplication.translate("CaseText", "Forwarded"),
        E.WITHDRAW: QCoreApplication.translate("CaseText", "Withdrawn by the applicant"),
        E.VOID: QCoreApplication.translate("CaseText", "Void"),
        E.REVOKE: QCoreApplication.translate("CaseText", "Revoke"),
        E.CORRECT: QCoreApplication.translate("CaseText", "Correct a field"),
        E.NOTE: QCoreApplication.translate("CaseText", "Note"),
    }
    try:
        return labels[E(event)]
    except ValueError:
        return event


def suspend_kind_label(kind: str) -> str:
    labels = {
        "hearing": QCoreApplication.translate("CaseText", "Hearing"),
        "inspection": QCoreApplication.translate("CaseText", "On-site inspection"),
        "testing": QCoreApplication.translate("CaseText", "Testing"),
        "expert_review": QCoreApplication.translate("CaseText", "Expert review"),
    }
    return labels.get(kind, kind)


def field_label(name: str) -> str:
    labels = {
        "name": QCoreApplication.translate("CaseText", "Applicant name"),
        "phone": QCoreApplication.translate("CaseText", "Phone"),
        "id_number": QCoreApplication.translate("CaseText", "ID number"),
    }
    return labels.get(name, name)


def available_actions(status: str) -> tuple[E, ...]:
    """The actions of :data:`ACTIONS` the lifecycle allows for a case in ``status`` now."""
    allowed = lifecycle.allowed_events(status)
    return tuple(a for a in ACTIONS if a in allowed)


@dataclass(frozen=True)
class ActionInput:
    """What the clerk entered for one action."""

    event: E
    opinion: str = ""
    #: Supplement: the missing materials (name, what it must be).
    missing: tuple[tuple[str, str], ...] = ()
    suspend_kind: str = ""
    #: Correction: the field, and its new value.
    field: str = ""
    new_value: str = ""


@dataclass(frozen=True)
class ActionOutcome:
    """What an action did: the event written, the notice issued (or why not)."""

    case_no: str
    event: str
    status: str
    notice: Any = None
    notice_error: str | None = None
    due_date: date | None = None


def event_data(
    case: Any, entry: ActionInput, *, calendar: Any, today: date
) -> tuple[dict[str, Any], date | None]:
    """The event's ``data`` and, for a resumption, the new due date."""
    data: dict[str, Any] = {}
    new_due: date | None = None
    if entry.event is E.SUSPEND:
        data = {"kind": entry.suspend_kind, "suspended_on": today.isoformat()}
    elif entry.event is E.RESUME:
        since = _suspended_on(case)
        data = {"resumed_on": today.isoformat()}
        if since is not None and case.due_date:
            days = lifecycle.suspended_working_days(calendar, since, today)
            extended = lifecycle.extend_due_date(
                calendar, date.fromisoformat(case.due_date), since, today
            )
            new_due = extended.date
            data.update(
                {
                    "suspended_on": since.isoformat(),
                    "suspended_working_days": days,
                    "due_date": new_due.isoformat(),
                    "due_date_provisional": extended.provisional,
                }
            )
    elif entry.event is E.REQUEST_SUPPLEMENT:
        data = {"missing": [{"name": n, "requirement": r} for n, r in entry.missing]}
    elif entry.event is E.CORRECT:
        old = str((case.applicant or {}).get(entry.field, ""))
        data = {"field": f"applicant.{entry.field}", "old": old, "new": entry.new_value}
    return data, new_due


def _suspended_on(case: Any) -> date | None:
    for event in reversed(case.events):
        if event.type == E.SUSPEND:
            day = (event.data or {}).get("suspended_on") or event.at[:10]
            return date.fromisoformat(str(day))
    return None


def perform_action(context: Any, session: Any, case_no: str, entry: ActionInput) -> ActionOutcome:
    """Write the action's event (one transaction) and issue its notice. Runs on the writer.

    Raises:
        IllegalTransition: the case's status changed meanwhile; nothing written.
        ValueError: a reason the action needs is missing; nothing written.
        StoreError: the disk is full or the database damaged; nothing written.
    """
    from clerk_app.store.writes import add_event, apply_correction, set_due_date

    store = context.store
    case = store.get_case(case_no)
    if case is None:
        raise KeyError(case_no)
    if lifecycle.needs_reason(entry.event) and not entry.opinion.strip():
        raise ValueError("reason required")
    now = context.clock.now().astimezone(CENTER_TZ)
    data, new_due = event_data(case, entry, calendar=context.calendar, today=now.date())
    with store.db.transaction():
        add_event(
            store,
            case_no,
            entry.event.value,
            actor=session.username,
            at=now,
            note=entry.opinion.strip(),
            data=data or None,
        )
        if new_due is not None:
            set_due_date(store, case_no, new_due, bool(data.get("due_date_provisional")))
        if entry.event is E.CORRECT:
            apply_correction(store, case_no, entry.field, entry.new_value)
    updated = store.get_case(case_no)
    outcome = ActionOutcome(case_no, entry.event.value, updated.status, due_date=new_due)
    kind = NOTICE_OF.get(entry.event)
    if kind is None:
        return outcome
    try:
        notice = issue_notice(context, session, updated, entry, kind, now)
    except Exception as exc:  # the event stands; the clerk may issue the notice again
        log.error("%s notice for %s not written: %s", kind, case_no, exc)
        store.journal("print", f"{kind} notice for {case_no} not written: {exc}")
        return ActionOutcome(
            case_no, entry.event.value, updated.status, None, str(exc) or type(exc).__name__
        )
    return ActionOutcome(case_no, entry.event.value, updated.status, notice, None, new_due)


def issue_notice(
    context: Any, session: Any, case: Any, entry: ActionInput, kind: str, now: datetime
) -> Any:
    """Build the notice of ``kind`` for ``case`` and issue it (numbered, archived, queued)."""
    from clerk_app.documents import (
        CompletionNotice,
        Correction,
        CorrectionNotice,
        SupplementNotice,
        VoidNotice,
    )
    from clerk_app.intake_service import case_facts, issue_document
    from clerk_app.store.documents import case_documents

    item = _item(context, case.item_code)
    facts = case_facts(context, session, case.payload | {"applicant": case.applicant}, item)
    docs = [d for d in case_documents(context.store, case.case_no) if not d.reprint]
    if kind == "supplement":
        data: Any = SupplementNotice(
            **facts,
            missing=entry.missing,
            legal_basis=("《中华人民共和国行政许可法》第三十二条",),
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
        old = next((e.data for e in reversed(case.events) if e.type == E.CORRECT), {})
        corrected = next((d.document_no for d in reversed(docs) if d.kind == "acceptance"), "")
        if not corrected and docs:
            corrected = docs[-1].document_no
        data = CorrectionNotice(
            **facts,
            corrected_document_no=corrected or case.case_no,
            corrections=(
                Correction(
                    NOTICE_FIELD_NAMES.get(entry.field, entry.field),
                    str(old.get("old", "")),
                    entry.new_value,
                ),
            ),
            reason=entry.opinion.strip(),
        )
    return issue_document(context, session, data)


class _UnknownItem:
    def __init__(self, code: str) -> None:
        self.code = code
        self.name = code
        self.materials = ()


def _item(context: Any, code: str) -> Any:
    """The catalog item of a case (from the cached catalog); a stand-in when unknown."""
    import json

    from clerk_app.core.catalog import Catalog

    cached = context.store.load_catalog()
    if cached is not None:
        catalog = Catalog.from_dict(json.loads(cached.json_text))
        for item in catalog.items:
            if item.code == code:
                return item
    return _UnknownItem(code)
