"""What the clerk can do to a case, in words: statuses, events and the refused-items panel.

Shared by the worklist, the case detail and the lookup: the translated names of statuses
and events, and :class:`RejectedPanel` (items the center refused: correct and resend, or
void, through :mod:`clerk_app.app.rejections`). What an action does (its event, its notice)
is :mod:`clerk_app.app.case_actions`.
"""

from __future__ import annotations

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
from clerk_app.core.event_data import WaiverApproval
from clerk_app.core.money import yuan
from clerk_app.gui.intake_texts import refusal_reason_names
from clerk_app.gui.status_words import status_label  # noqa: F401  (re-exported)
from clerk_app.gui.suspend_kind import part_kind_label
from clerk_app.logs import logger

log = logger("gui")

E = lifecycle.EventType
S = lifecycle.Status


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
        E.COMMITMENT_VERIFIED: QCoreApplication.translate(
            "CaseText", "Commitment verified: it holds"
        ),
        E.COMMITMENT_FALSE: QCoreApplication.translate(
            "CaseText", "Commitment found false: revoked"
        ),
        E.CORRECT: QCoreApplication.translate("CaseText", "Correct a field"),
        E.NOTE: QCoreApplication.translate("CaseText", "Note"),
        E.FILE_SUPPLEMENT: QCoreApplication.translate(
            "CaseText", "File needs for the consolidated notice"
        ),
    }
    try:
        return labels.get(E(event), str(event))
    except ValueError:  # an event type this desk does not know (a newer service): as sent
        return str(event)


def refusal_reason(reason: str) -> str:
    """A refusal reason in the clerk's language: a code of the desk's list
    (``core.intake.REFUSAL_REASONS``, worded by ``intake_texts.refusal_reason_names`` — the
    table the dashboard uses too); a reason a clerk typed is shown as typed."""
    return dict(refusal_reason_names()).get(reason, reason)


def suspend_kind_label(kind: str) -> str:
    labels = {
        "hearing": QCoreApplication.translate("CaseText", "Hearing"),
        "inspection": QCoreApplication.translate("CaseText", "On-site inspection"),
        "testing": QCoreApplication.translate("CaseText", "Testing"),
        "expert_review": QCoreApplication.translate("CaseText", "Expert review"),
    }
    return labels.get(kind) or part_kind_label(kind)  # a part's kinds: gui.suspend_kind


def waiver_reason_label(code: str) -> str:
    """A waiver (减免) reason of ``core.fees.WAIVER_REASONS`` in the clerk's language."""
    labels = {
        "subsistence": QCoreApplication.translate("CaseText", "Subsistence allowance"),
        "destitute": QCoreApplication.translate("CaseText", "Destitute person"),
        "disability": QCoreApplication.translate("CaseText", "Disability"),
        "entitled": QCoreApplication.translate("CaseText", "Entitled group"),
        "other": QCoreApplication.translate("CaseText", "Other rule"),
    }
    return labels.get(code, code)


def waiver_approval_text(approval: WaiverApproval, lead: str) -> str:
    """A lead's approval of a fee waiver (a note the service wrote) in words; ``lead`` is
    the lead as a person reads them."""
    text = QCoreApplication.translate(
        "CaseText", "Fee waiver of ¥%1 approved by lead %2 (notice %3, reason: %4)"
    )
    for marker, value in (
        ("%1", yuan(approval.amount_fen)),
        ("%2", lead or approval.lead),
        ("%3", approval.notice_no),
        ("%4", waiver_reason_label(approval.reason_code)),
    ):
        text = text.replace(marker, value)
    return text


def field_label(name: str) -> str:
    labels = {
        "name": QCoreApplication.translate("CaseText", "Applicant name"),
        "phone": QCoreApplication.translate("CaseText", "Phone"),
        "id_number": QCoreApplication.translate("CaseText", "ID number"),
    }
    return labels.get(name, name)


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
        """What a refused outbox row is, in the clerk's words (never the raw kind)."""
        texts = {
            "create_case": self.tr("The case itself"),
            "create_joint_case": self.tr("The joint case with all its parts"),
            "case_event": self.tr("A case event"),
            "document_record": self.tr("A document record"),
            "payment_notice": self.tr("The payment notice"),
            "payment_notice_cancel": self.tr("The payment notice's cancellation"),
            "cashier_payment": self.tr("A payment taken offline on a paper receipt"),
            "rating": self.tr("A rating"),
            "client_event": self.tr("An audit record"),
        }
        text = texts.get(kind)
        return text if text is not None else self.tr("Another record")

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
        from clerk_app.app.rejections import resend_corrected

        item = self.current()
        if item is None:
            return
        changes = self.changes()
        if item.fields and not changes:
            self.message.setText(self.tr("Correct the fields the center named first."))
            return
        ctx, session = self.owner.context, self.owner.session

        def work() -> Any:
            return resend_corrected(ctx, session, item.outbox_id, changes)

        self.owner.run_write(work, self._done)

    def void(self) -> None:
        from clerk_app.app.rejections import void_rejected

        item = self.current()
        reason = self.void_reason.text().strip()
        if item is None:
            return
        if not reason:
            self.message.setText(self.tr("Say why the item is voided."))
            self.void_reason.setFocus()
            return
        ctx, session = self.owner.context, self.owner.session

        def work() -> None:
            void_rejected(ctx, session, item.outbox_id, reason)

        self.owner.run_write(work, self._done)

    def _done(self, _result: Any) -> None:
        self.void_reason.clear()
        self.message.setText(self.tr("Done. The list below shows what is still refused."))
        self.resolved.emit()
