"""A refund request (退付申请) by a lead of the collecting department (执收单位), issue 17.

Type the paid notice's number (or its payment code) and Enter: the payer (masked), what
was paid, how and on which receipt, and what is left to refund. Type the amount (the whole
of what is left by default) and the reason, Ctrl+Enter sends the request; a ``finance``
user approves or rejects it. Opened from the dashboard (File ▸ Request a refund…,
Ctrl+Shift+R) or with a notice number from a case.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from clerk_app.app import finance
from clerk_app.core.identity import mask_name
from clerk_app.core.money import capitals, parse_yuan, yuan
from clerk_app.gui.errors import error_message


class RefundRequestDialog(QDialog):
    """The lead's refund request for one paid notice (Ctrl+Enter sends; Esc closes)."""

    requested = Signal(object)  # the app.finance.Refund sent

    def __init__(
        self, context: Any, session: Any, notice_no: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.session = session
        self.paid: finance.PaidNotice | None = None
        self.refund: finance.Refund | None = None
        self.setWindowTitle(self.tr("Request a refund (退付)"))
        self.notice = QLineEdit(notice_no)
        self.notice.setPlaceholderText(self.tr("Notice number or payment code, then Enter"))
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("Amount to refund (yuan)"))
        self.amount.textChanged.connect(self._show_words)
        self.words = QLabel()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why the fee is refunded"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Notice"), self.notice)
        form.addRow(self.tr("Paid"), self.facts)
        form.addRow(self.tr("&Amount"), self.amount)
        form.addRow(self.tr("In capitals"), self.words)
        form.addRow(self.tr("&Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("Ctrl+Enter: send the request to finance   Esc: close")))
        self.resize(560, 320)
        self.notice.setFocus()
        if notice_no:
            self.look_up()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if ctrl:
                self.send()
            elif self.focusWidget() is self.notice:
                self.look_up()
            else:
                self.focusNextChild()  # Enter moves on; it never closes the dialog
            event.accept()
            return
        super().keyPressEvent(event)

    def look_up(self) -> None:
        """Enter in the notice field: find the paid notice and its payment."""
        self.paid = None
        self.facts.clear()
        try:
            paid = finance.find_paid(self.context, self.session, self.notice.text())
        except finance.FinanceRefused as refused:
            self.message.setText(self._refusal(refused.code))
            return
        except Exception as exc:  # worded for the person, never a trace
            self.message.setText(error_message(exc))
            return
        self.paid = paid
        self.facts.setText(
            self.tr("%1 paid ¥%2 on %3, receipt %4; refunded ¥%5")
            .replace("%1", mask_name(paid.notice.payer_name))
            .replace("%2", yuan(paid.amount_fen))
            .replace("%3", paid.paid_at.date().isoformat())
            .replace("%4", f"{paid.receipt_code}/{paid.receipt_number}")
            .replace("%5", yuan(paid.refunded_fen))
        )
        if paid.refundable_fen <= 0:
            self.message.setText(self.tr("This payment is refunded in full already."))
            return
        self.message.clear()
        self.amount.setText(yuan(paid.refundable_fen, grouped=False))
        self.amount.setFocus()
        self.amount.selectAll()

    def send(self) -> None:
        """Ctrl+Enter: send the refund request."""
        paid = self.paid
        if paid is None:
            self.message.setText(self.tr("Type the paid notice's number first."))
            self.notice.setFocus()
            return
        try:
            fen = parse_yuan(self.amount.text())
        except ValueError:
            self.message.setText(
                self.tr("The amount is not an amount (yuan, at most two decimals).")
            )
            self.amount.setFocus()
            return
        if not self.reason.text().strip():
            self.message.setText(self.tr("State the reason for the refund."))
            self.reason.setFocus()
            return
        try:
            refund = finance.request_refund(
                self.context, self.session, paid, fen, self.reason.text()
            )
        except finance.FinanceRefused as refused:
            self.message.setText(self._refusal(refused.code))
            return
        except Exception as exc:
            self.message.setText(error_message(exc))
            return
        self.refund = refund
        self.message.setText(
            self.tr("Refund of ¥%1 requested for %2; finance decides.")
            .replace("%1", yuan(refund.amount_fen))
            .replace("%2", refund.notice_no)
        )
        self.requested.emit(refund)

    def _show_words(self) -> None:
        try:
            self.words.setText(capitals(parse_yuan(self.amount.text())))
        except ValueError:
            self.words.clear()

    def _refusal(self, code: str) -> str:
        words = {
            "not_paid": self.tr("No paid notice of your department has this number."),
            "refund_too_large": self.tr(
                "More than is left to refund of this payment (requests waiting count too)."
            ),
            "forbidden": self.tr("Only a lead of the collecting department requests refunds."),
            "invalid": self.tr("Check the amount and the reason."),
        }
        return words.get(code, self.tr("The records service refused this request."))


def open_refund_request(
    context: Any, session: Any, notice_no: str = "", parent: QWidget | None = None
) -> RefundRequestDialog:
    """The dialog, shown (the dashboard's and a case's entry point)."""
    dialog = RefundRequestDialog(context, session, notice_no, parent)
    dialog.show()
    return dialog
