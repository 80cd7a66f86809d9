"""告知承诺 in the desk's screens: the intake's commitment panel, the verification panel of
the case detail and the worklist's line of verifications due.

On the intake form a certificate the catalog allows is marked "by commitment" in the
materials checklist (key C: the applicant chose 告知承诺, never the clerk for them); this
panel holds the whole-item commitment (where the item allows one) and the check of the
serious-dishonesty list (严重失信), which every commitment needs. The rules are
``clerk_app.core.commitment``; the panel only collects what the clerk says.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# The answers of the dishonesty-list check, in the combo box's order.
NOT_CHECKED, NOT_LISTED, LISTED = "", "not_listed", "listed"


class CommitmentPanel(QGroupBox):
    """The intake form's 告知承诺 box (shown only for items that allow a commitment).

    Args:
        changed: called after every change (the form revalidates).
    """

    def __init__(self, changed: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commitmentBox")
        self._changed = changed
        self.item: Any = None
        self.whole_check = QCheckBox(self)
        self.whole_check.setObjectName("commitmentWholeCheck")
        self.list_combo = QComboBox(self)
        self.list_combo.setObjectName("dishonestyListCombo")
        for value in (NOT_CHECKED, NOT_LISTED, LISTED):
            self.list_combo.addItem("", value)
        self.list_label = QLabel(self)
        self.list_label.setBuddy(self.list_combo)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555555;")
        row = QHBoxLayout()
        row.addWidget(self.list_label)
        row.addWidget(self.list_combo, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.whole_check)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self.whole_check.toggled.connect(lambda _on: self._changed())
        self.list_combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.retranslate()
        self.set_item(None)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Written commitment (告知承诺)"))
        #: The applicant asks for the whole item on a written commitment; Alt+J.
        self.whole_check.setText(
            self.tr("The applicant chose a commitment for the whole item (&J)")
        )
        self.list_label.setText(self.tr("&Queried the serious-dishonesty list:"))
        self.list_combo.setItemText(0, self.tr("not queried yet"))
        self.list_combo.setItemText(1, self.tr("queried: not listed"))
        self.list_combo.setItemText(2, self.tr("queried: listed (no commitment possible)"))
        self.hint.setText(
            self.tr(
                "Only at the applicant's own request: mark a certificate with C in the "
                "checklist. A commitment letter is printed for signing; the department "
                "verifies it later."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_item(self, item: Any) -> None:
        """Start over for ``item``: nothing chosen, the list not queried."""
        self.item = item
        blockers = (self.whole_check.blockSignals(True), self.list_combo.blockSignals(True))
        self.whole_check.setChecked(False)
        self.list_combo.setCurrentIndex(0)
        self.whole_check.blockSignals(blockers[0])
        self.list_combo.blockSignals(blockers[1])
        allows = item is not None and item.allows_commitment
        self.setVisible(allows)
        self.whole_check.setVisible(allows and item.commitment_whole)

    def draft_fields(self) -> dict[str, bool]:
        """The ``IntakeDraft`` fields of the panel."""
        answer = self.list_combo.currentData()
        return {
            "commitment_whole": self.item is not None
            and self.item.commitment_whole
            and self.whole_check.isChecked(),
            "credit_checked": answer in (NOT_LISTED, LISTED),
            "credit_listed": answer == LISTED,
        }

    def widget_for(self, field: str) -> QWidget | None:
        """The widget to focus for an issue of ``core.commitment`` (None: not the panel's)."""
        return {"credit_check": self.list_combo, "commitment": self.whole_check}.get(field)

    def snapshot(self) -> dict[str, Any]:
        return {"whole": self.whole_check.isChecked(), "list": self.list_combo.currentData()}

    def restore(self, state: dict[str, Any]) -> None:
        self.whole_check.setChecked(bool(state.get("whole")))
        index = self.list_combo.findData(state.get("list", NOT_CHECKED))
        self.list_combo.setCurrentIndex(max(index, 0))


def issue_texts() -> dict[str, str]:
    """Sentences for the issue codes of ``core.commitment`` (format with the params)."""
    return {
        "commitment.material_not_allowed": QCoreApplication.translate(
            "Commitment", "Material {code} ({name}) cannot be replaced by a commitment."
        ),
        "commitment.item_not_allowed": QCoreApplication.translate(
            "Commitment", "This item cannot be granted on a commitment as a whole."
        ),
        "commitment.needs_acceptance": QCoreApplication.translate(
            "Commitment", "A written commitment goes only with accepting the case."
        ),
        "commitment.credit_listed": QCoreApplication.translate(
            "Commitment",
            "The applicant is on the serious-dishonesty list: no commitment; the "
            "certificates are needed.",
        ),
        "commitment.credit_unchecked": QCoreApplication.translate(
            "Commitment", "Query the serious-dishonesty list before accepting a commitment."
        ),
    }


class VerificationPanel(QGroupBox):
    """The case detail's 告知承诺核查: the deadline, the finding and, when the commitment
    was false, the credit note on the applicant (the case is then revoked).

    Args:
        owner: the case detail (``context``, ``session``, ``case_no``, ``run_write``).

    Signals:
        recorded(object): the verification was written (its ``ActionOutcome``).
    """

    recorded = Signal(object)

    def __init__(self, owner: Any) -> None:
        super().__init__(owner)
        self.owner = owner
        self.setObjectName("verificationPanel")
        self.deadline = QLabel(self)
        self.deadline.setObjectName("verifyDeadline")
        self.opinion = QLineEdit(self)
        self.opinion.setObjectName("verifyOpinionEdit")
        self.opinion_label = QLabel(self)
        self.opinion_label.setBuddy(self.opinion)
        self.credit_note = QLineEdit(self)
        self.credit_note.setObjectName("creditNoteEdit")
        self.credit_label = QLabel(self)
        self.credit_label.setBuddy(self.credit_note)
        self.holds_button = QPushButton(self)
        self.holds_button.setObjectName("commitmentHoldsButton")
        self.false_button = QPushButton(self)
        self.false_button.setObjectName("commitmentFalseButton")
        self.message = QLabel(self)
        self.message.setObjectName("verifyMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.opinion_label, self.opinion)
        form.addRow(self.credit_label, self.credit_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.holds_button)
        buttons.addWidget(self.false_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.deadline)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.holds_button.clicked.connect(lambda: self.record(holds=True))
        self.false_button.clicked.connect(lambda: self.record(holds=False))
        self.case: Any = None
        self.retranslate()
        self.set_case(None)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Verification of the written commitment (核查)"))
        self.opinion_label.setText(self.tr("Fin&ding:"))
        self.credit_label.setText(self.tr("&Credit note (if false):"))
        self.credit_note.setPlaceholderText(
            self.tr("Recorded on the applicant's credit record when the commitment is false")
        )
        self.holds_button.setText(self.tr("Commitment &holds"))
        self.false_button.setText(self.tr("Found fa&lse: revoke"))
        self.false_button.setToolTip(
            self.tr("The case is revoked (撤销) and the credit note recorded on the applicant")
        )
        self.set_case(self.case)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_case(self, case: Any) -> None:
        """Show the panel for ``case`` while its commitment waits for verification."""
        from clerk_app.app.commitment import verification_actions
        from clerk_app.core.commitment import commitment_of

        self.case = case
        record = commitment_of(case) if case is not None else None
        actions = verification_actions(case) if case is not None else ()
        self.setVisible(bool(actions))
        if record is None:
            return
        due = record.verify_by.isoformat() if record.verify_by else "—"
        if record.verify_by_provisional:
            due += " " + self.tr("(provisional)")
        self.deadline.setText(self.tr("The department verifies by %1.").replace("%1", due))

    def record(self, *, holds: bool) -> None:
        """Write the verification (the finding is needed when the commitment was false)."""
        from clerk_app.app.commitment import record_verification

        opinion = self.opinion.text().strip()
        note = self.credit_note.text().strip()
        if not holds and not opinion:
            self.message.setText(self.tr("Say what the verification found."))
            self.opinion.setFocus()
            return
        if not holds and not note:
            self.message.setText(self.tr("Write the credit note recorded on the applicant."))
            self.credit_note.setFocus()
            return
        owner = self.owner
        ctx, session, case_no = owner.context, owner.session, owner.case_no

        def work() -> Any:
            return record_verification(
                ctx, session, case_no, holds=holds, opinion=opinion, credit_note=note
            )

        owner.run_write(work, self._done)

    def _done(self, outcome: Any) -> None:
        self.opinion.clear()
        self.credit_note.clear()
        self.message.setText(self.tr("Verification recorded."))
        self.recorded.emit(outcome)


class VerificationsDue(QLabel):
    """The worklist's line of commitments still to verify (hidden when there are none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verificationsDue")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_tasks(self, tasks: list[Any]) -> None:
        """Show ``app.commitment.verifications_due`` rows: count, overdue, the first ones."""
        if not tasks:
            self.clear()
            self.hide()
            return
        overdue = sum(1 for t in tasks if t.overdue)
        parts = []
        for task in tasks[:5]:
            due = task.row.verify_by.isoformat() if task.row.verify_by else "—"
            mark = self.tr(" overdue") if task.overdue else ""
            parts.append(f"{task.row.case_no} ({due}{mark})")
        text = self.tr("Commitments to verify (核查): %1, %2 overdue — %3")
        text = text.replace("%1", str(len(tasks))).replace("%2", str(overdue))
        self.setText(text.replace("%3", ", ".join(parts)))
        self.setStyleSheet("color: #b3261e;" if overdue else "color: #8a5a00;")
        self.show()
