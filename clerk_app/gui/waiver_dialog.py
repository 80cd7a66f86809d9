"""Fee waivers (减免) at the department window (issue 17), opened from the case detail's
fees panel.

:class:`WaiverDialog`: the reason from the item's allowed list (低保, 特困, 残疾, 优抚,
其他依规减免), the amount in yuan, a note (which rule, needed for 其他); the rules are the
core's (``core.fees.check_waiver``), worded next to the fields. A waiver above the
provisioned amount is accepted here as waiting for a lead's approval.

:class:`LeadApprovalDialog`: a lead of the department approves a waiting waiver at the
window by signing in on the spot (user name and password; ``app.fees.approve_waiver`` on a
worker thread, checked by the service, or by the lead's offline credential with the link
down). Keyboard first: Enter accepts, Esc cancels, every field has its Alt+letter.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clerk_app.core.fees import FeeRuleError, NoticeLine, Waiver, check_waiver
from clerk_app.core.money import parse_yuan, yuan
from clerk_app.gui.errors import error_message
from clerk_app.gui.ops import Op

ERROR_STYLE = "color: #b3261e;"


class WaiverDialog(QDialog):
    """Reason, amount and note of a waiver of the case's fees.

    Args:
        reasons: (code, words) the item allows.
        lines: the notice's lines (the waivable ones bound the amount).
        approval_above_fen: above this the waiver waits for a lead.
        waiver: a waiver entered before (shown again to change it).

    After ``accept()``, ``waiver`` holds the :class:`~clerk_app.core.fees.Waiver`
    (``approved_by`` empty: a lead approves it later when :meth:`waits_for_lead`).
    """

    def __init__(
        self,
        reasons: list[tuple[str, str]],
        lines: tuple[NoticeLine, ...],
        approval_above_fen: int,
        *,
        waiver: Waiver | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("waiverDialog")
        self.lines = lines
        self.approval_above_fen = approval_above_fen
        self.waiver: Waiver | None = None
        self.reason = QComboBox(self)
        self.reason.setObjectName("waiverReasonCombo")
        for code, words in reasons:
            self.reason.addItem(words, code)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("waiverAmountEdit")
        self.note = QLineEdit(self)
        self.note.setObjectName("waiverNoteEdit")
        self.hint = QLabel(self)
        self.hint.setObjectName("waiverHint")
        self.hint.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("waiverError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.reason_label, self.amount_label, self.note_label = (QLabel(self) for _ in range(3))
        self.reason_label.setBuddy(self.reason)
        self.amount_label.setBuddy(self.amount)
        self.note_label.setBuddy(self.note)
        form = QFormLayout()
        form.addRow(self.reason_label, self.reason)
        form.addRow(self.amount_label, self.amount)
        form.addRow(self.note_label, self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if waiver is not None:
            self.reason.setCurrentIndex(max(0, self.reason.findData(waiver.reason_code)))
            self.amount.setText(yuan(waiver.amount_fen).replace(",", ""))
            self.note.setText(waiver.note)
        self.retranslate()
        self.reason.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Fee waiver (减免)"))
        self.reason_label.setText(self.tr("&Reason:"))
        self.amount_label.setText(self.tr("&Amount waived (yuan):"))
        self.note_label.setText(self.tr("&Note (which rule):"))
        waivable = sum(line.amount_fen for line in self.lines if line.waivable)
        self.hint.setText(
            self.tr("Up to ¥%1 may be waived. Above ¥%2 a lead of the department approves it.")
            .replace("%1", yuan(waivable))
            .replace("%2", yuan(self.approval_above_fen))
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def accept(self) -> None:
        """Check the waiver by the core's rules; stay open saying what is wrong."""
        try:
            fen = parse_yuan(self.amount.text().strip())
        except ValueError:
            self._refuse(self.tr("Type the amount in yuan, e.g. 20 or 19.50."), self.amount)
            return
        waiver = Waiver(str(self.reason.currentData() or ""), fen, self.note.text().strip())
        try:
            check_waiver(self.lines, waiver, approval_above_fen=self.approval_above_fen)
        except FeeRuleError as exc:
            if exc.code != "approval_needed":  # that one waits for a lead
                self._refuse(self._rule_text(exc.code), self._field_of(exc.code))
                return
        self.waiver = waiver
        super().accept()

    def waits_for_lead(self) -> bool:
        """Whether the accepted waiver waits for a lead's approval."""
        return self.waiver is not None and self.waiver.amount_fen > self.approval_above_fen

    def _refuse(self, text: str, field: QWidget) -> None:
        self.error.setText(text)
        field.setFocus()

    def _field_of(self, code: str) -> QWidget:
        return self.note if code == "empty_note" else self.amount

    def _rule_text(self, code: str) -> str:
        waivable = sum(line.amount_fen for line in self.lines if line.waivable)
        texts = {
            "waiver_too_large": self.tr("The amount waived is ¥0.01 to ¥%1.").replace(
                "%1", yuan(waivable)
            ),
            "empty_note": self.tr("Under 'other', the note names the rule that waives the fee."),
            "not_waivable": self.tr("None of this item's fees may be waived."),
            "unknown_reason": self.tr("Choose a reason from the list."),
        }
        return texts.get(code, self.tr("This waiver is not allowed."))


class LeadApprovalDialog(QDialog):
    """A lead approves a waiting waiver here by signing in on the spot.

    Args:
        approve: ``approve(username, password) -> app.fees.LeadApproval``; runs on a
            worker thread (``app.fees.approve_waiver``).
        waiver: the waiver to approve (shown).

    After ``accept()``, ``approval`` holds the ``LeadApproval``.
    """

    def __init__(self, approve: Any, waiver: Waiver, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leadApprovalDialog")
        self._approve = approve
        self.waiver = waiver
        self.approval: Any = None
        self.busy = False
        self.intro = QLabel(self)
        self.intro.setObjectName("leadApprovalIntro")
        self.intro.setWordWrap(True)
        self.username = QLineEdit(self)
        self.username.setObjectName("leadUsernameEdit")
        self.password = QLineEdit(self)
        self.password.setObjectName("leadPasswordEdit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setObjectName("leadApprovalError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.username_label, self.password_label = QLabel(self), QLabel(self)
        self.username_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
        form = QFormLayout()
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.username.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("A lead approves the waiver"))
        self.username_label.setText(self.tr("Lead's &user name:"))
        self.password_label.setText(self.tr("Lead's &password:"))
        self.intro.setText(
            self.tr("Waiver of ¥%1 (%2): a lead of the department signs in here to approve it.")
            .replace("%1", yuan(self.waiver.amount_fen))
            .replace("%2", self.waiver.reason_text)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def accept(self) -> None:
        """Check the lead's sign-in off the GUI thread; accept when it is a lead's."""
        if self.busy:
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.error.setText(self.tr("The lead types their user name and password."))
            (self.username if not username else self.password).setFocus()
            return
        self.busy = True
        self.error.setText(self.tr("Checking…"))

        def work() -> Any:
            return self._approve(username, password)

        Op(self, work).success(self._approved).failure(self._refused).run()

    def _approved(self, approval: Any) -> None:
        self.busy = False
        self.approval = approval
        self.password.clear()
        super().accept()

    def _refused(self, exc: Exception) -> None:
        self.busy = False
        self.password.clear()
        self.password.setFocus()
        if isinstance(exc, FeeRuleError):
            self.error.setText(self.tr("This account is not a lead's: a lead approves waivers."))
        else:
            self.error.setText(error_message(exc))
