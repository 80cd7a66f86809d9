"""What the clerk can do to a case, in words, and how each action is written and noticed.

Shared by the worklist, the case detail and the lookup: the translated names of statuses
and events, :class:`RejectedPanel` (items the center refused: correct and resend, or void),
and :func:`perform_action`, which runs on the database writer: the lifecycle
event through ``store.writes.add_event`` (event + outbox row, one transaction), then the
matching notice through ``intake_service.issue_document`` (numbered, archived, queued).
A notice that cannot be written never undoes the event: the clerk is told and the event
stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from clerk_app.core import lifecycle
from clerk_app.core.clock import CENTER_TZ
from clerk_app.logs import logger

log = logger("gui")

E = lifecycle.EventType
S = lifecycle.Status

# The actions offered in the case detail, in this order (when the lifecycle allows them).
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

# The kinds of special procedure a suspension is for (time not counted).
SUSPEND_KINDS: tuple[str, ...] = ("hearing", "inspection", "testing", "expert_review")

# Fields a correction may change (key in the applicant record).
CORRECTABLE: tuple[str, ...] = ("name", "phone", "id_number")

# Field names as an official (Chinese) notice prints them.
NOTICE_FIELD_NAMES: dict[str, str] = {
    "name": "申请人姓名",
    "phone": "联系电话",
    "id_number": "证件号码",
}

# The notice each action issues.
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
    # Supplement: the missing materials (name, what it must be).
    missing: tuple[tuple[str, str], ...] = ()
    suspend_kind: str = ""
    # Correction: the field, and its new value.
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

    store = context.backend.store
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
    docs = [d for d in case_documents(context.backend.store, case.case_no) if not d.reprint]
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

    cached = context.backend.store.load_catalog()
    if cached is not None:
        catalog = Catalog.from_dict(json.loads(cached.json_text))
        for item in catalog.items:
            if item.code == code:
                return item
    return _UnknownItem(code)


class RejectedPanel(QGroupBox):
    """The case's items refused by the center: reason, correct and resend, or void.

    Signals:
        resolved(): an item was resent or voided.
    """

    resolved = Signal()

    def __init__(self, owner: Any) -> None:
        super().__init__(owner)
        self.owner = owner
        self.items: list[Any] = []
        self.editors: dict[str, QLineEdit] = {}
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("rejectedTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setMaximumHeight(110)
        self.table.currentCellChanged.connect(lambda *_a: self._show_fields())
        self.fields = QFormLayout()
        self.resend_button = QPushButton(self)
        self.resend_button.setObjectName("resendButton")
        self.resend_button.clicked.connect(self.resend)
        self.void_reason = QLineEdit(self)
        self.void_reason.setObjectName("voidReasonEdit")
        self.void_label = QLabel(self)
        self.void_label.setBuddy(self.void_reason)
        self.void_button = QPushButton(self)
        self.void_button.setObjectName("voidItemButton")
        self.void_button.clicked.connect(self.void)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("rejectedMessage")
        buttons = QHBoxLayout()
        buttons.addWidget(self.resend_button)
        buttons.addStretch(1)
        buttons.addWidget(self.void_label)
        buttons.addWidget(self.void_reason, 2)
        buttons.addWidget(self.void_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(self.fields)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Refused by the center"))
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("The center's reason")])
        self.resend_button.setText(self.tr("Re&send corrected"))
        self.resend_button.setToolTip(self.tr("Send the item again with the corrections (Alt+S)"))
        self.void_label.setText(self.tr("Reason to &void:"))
        self.void_button.setText(self.tr("Void item"))
        self.void_button.setToolTip(
            self.tr("Give the item up: it is kept, marked void with your reason (Alt+V)")
        )

    def kind_label(self, kind: str) -> str:
        return {
            "create_case": self.tr("The case itself"),
            "case_event": self.tr("A case event"),
            "document_record": self.tr("A document record"),
            "rating": self.tr("A rating"),
        }.get(kind, kind)

    def set_items(self, items: list[Any]) -> None:
        self.items = items
        self.setVisible(bool(items))
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            self.table.setItem(row, 0, QTableWidgetItem(self.kind_label(item.kind)))
            reason = " — ".join(p for p in (item.title, item.detail) if p)
            self.table.setItem(row, 1, QTableWidgetItem(reason))
        if items:
            self.table.setCurrentCell(0, 0)
        self._show_fields()

    def current(self) -> Any:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show_fields(self) -> None:
        while self.fields.rowCount():
            self.fields.removeRow(0)
        self.editors = {}
        item = self.current()
        if item is None:
            return
        for problem in item.fields:
            edit = QLineEdit(self)
            edit.setObjectName("fix:" + problem.field)
            value = "" if problem.value is None else str(problem.value)
            edit.setText(value)
            label = QLabel(f"{problem.field}（{problem.message}）", self)
            label.setBuddy(edit)
            self.fields.addRow(label, edit)
            self.editors[problem.field] = edit

    def changes(self) -> dict[str, Any]:
        item = self.current()
        out: dict[str, Any] = {}
        for problem in item.fields if item else ():
            text = self.editors[problem.field].text().strip()
            if text != ("" if problem.value is None else str(problem.value)):
                out[problem.field] = text
        return out

    def resend(self) -> None:
        from clerk_app.store.rejections import resend_corrected

        item = self.current()
        if item is None:
            return
        changes = self.changes()
        if item.fields and not changes:
            self.message.setText(self.tr("Correct the fields the center named first."))
            return
        ctx = self.owner.context
        clerk = self.owner.session.username

        def work() -> Any:
            return resend_corrected(
                ctx.backend.store, item.outbox_id, changes, clerk=clerk, at=ctx.clock.now()
            )

        self.owner.run_write(work, self._done)

    def void(self) -> None:
        from clerk_app.store.rejections import void_rejected

        item = self.current()
        reason = self.void_reason.text().strip()
        if item is None:
            return
        if not reason:
            self.message.setText(self.tr("Say why the item is voided."))
            self.void_reason.setFocus()
            return
        ctx = self.owner.context
        clerk = self.owner.session.username

        def work() -> Any:
            return void_rejected(
                ctx.backend.store, item.outbox_id, reason, clerk=clerk, at=ctx.clock.now()
            )

        self.owner.run_write(work, self._done)

    def _done(self, _result: Any) -> None:
        self.void_reason.clear()
        self.message.setText(self.tr("Done. The list below shows what is still refused."))
        self.resolved.emit()
