"""A refund request (退付申请) by a lead of the collecting department (执收单位), issue 17.

Type the paid notice's number (or its payment code) and Enter: the payer (masked), what
was paid, how and on which receipt, and what is left to refund. Type the amount (the whole
of what is left by default) and the reason, Ctrl+Enter sends the request; a ``finance``
user approves or rejects it. Opened from the dashboard (File ▸ Request a refund…,
Ctrl+Shift+R), or from a case's fees at the department window (Alt+F, :class:`RefundEntry`):
there the lead signs in on the spot first (user name, password, Enter), the desk's session
stays the clerk's and the lead's token ends when the dialog closes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
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
        self,
        context: Any,
        session: Any,
        notice_no: str = "",
        parent: QWidget | None = None,
        *,
        lead_signs_in: bool = False,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.session = None if lead_signs_in else session
        self.lead_signs_in = lead_signs_in
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
        self.lead_user = QLineEdit()
        self.lead_user.setPlaceholderText(self.tr("The lead's user name"))
        self.lead_password = QLineEdit()
        self.lead_password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        if lead_signs_in:
            form.addRow(self.tr("&Lead"), self.lead_user)
            form.addRow(self.tr("Pass&word"), self.lead_password)
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
        if lead_signs_in:
            self.message.setText(self.tr("A lead of the department signs in to request it."))
            self.lead_user.setFocus()
        else:
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
            elif self.focusWidget() is self.lead_password:
                self.sign_in()
            else:
                self.focusNextChild()  # Enter moves on; it never closes the dialog
            event.accept()
            return
        super().keyPressEvent(event)

    def sign_in(self) -> None:
        """Enter in the password: the lead signs in here for this request only."""
        self._end_lead()
        try:
            self.session = finance.lead_sign_in(
                self.context, self.lead_user.text(), self.lead_password.text()
            )
        except finance.FinanceRefused:
            self.message.setText(self._refusal("forbidden"))
            return
        except Exception as exc:  # a wrong password is worded by error_message
            self.message.setText(error_message(exc))
            return
        finally:
            self.lead_password.clear()
        self.message.setText(
            self.tr("%1 signed in for this request.").replace("%1", self.session.display_name)
        )
        self.look_up()

    def done(self, result: int) -> None:
        self._end_lead()
        super().done(result)

    def _end_lead(self) -> None:
        if self.lead_signs_in and self.session is not None:
            finance.end_lead_session(self.context, self.session)
            self.session = None

    def look_up(self) -> None:
        """Enter in the notice field: find the paid notice and its payment."""
        if self.session is None:
            self.message.setText(self.tr("A lead of the department signs in to request it."))
            self.lead_user.setFocus()
            return
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
        if self.session is None or paid is None:
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


class RefundEntry:
    """The case's fees panel at the department window: "Refund request (lead)…" (Alt+F),
    shown once a notice of the case is paid; opens the dialog where a lead signs in.

    Args:
        panel: the ``gui.fee_notice.FeeNoticePanel`` (its ``extra_buttons`` row and its
            ``alt_buttons``; ``owner`` is the case detail with ``context`` and ``session``).
    """

    def __init__(self, panel: Any) -> None:
        from PySide6.QtWidgets import QPushButton

        self.panel = panel
        self.notice_no = ""
        self.dialog: RefundRequestDialog | None = None
        self.button = QPushButton(panel)
        self.button.setObjectName("refundRequestButton")
        self.button.setVisible(False)
        self.button.clicked.connect(self.open)
        panel.extra_buttons.insertWidget(1, self.button)
        panel.alt_buttons[Qt.Key.Key_F] = self.button
        QWidget.setTabOrder(panel.receipt_button, self.button)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(
            QCoreApplication.translate("RefundRequestDialog", "Re&fund request (lead)…")
        )

    def update(self, notices: Any) -> None:
        """After the panel shows the case's notices: the paid one, if any."""
        paid = [n.notice_no for n in notices if n.status == "paid"]
        self.notice_no = paid[-1] if paid else ""
        self.button.setVisible(bool(self.notice_no))

    def open(self) -> None:
        owner = self.panel.owner
        self.dialog = RefundRequestDialog(
            owner.context, owner.session, self.notice_no, self.panel, lead_signs_in=True
        )
        self.dialog.show()
