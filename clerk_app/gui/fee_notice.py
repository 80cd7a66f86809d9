"""The case detail's fees (issue 17): the amount the item charges, in figures and in
capitals, the payment notices issued for the case with their payment codes, and the
action 开具缴款通知书 (Alt+Y) that issues one and opens its print preview.

The notice is issued on the desk's writer (``app.fees.issue_payment_notice``: works with
the link down); the payment code (缴款码) is shown once the center assigned it: from the
center's answer to the pushed notice, or asked for with "Get payment code" (Alt+G,
``app.fees.refresh_notice`` on a worker thread).

Waivers (减免, ``gui.waiver_dialog``): "Waiver…" (Alt+W) takes the reason, amount and note;
above the provisioned amount the panel says the waiver waits for a lead, and "Lead
approves…" (Alt+L) lets a lead of the department sign in on the spot to approve it; the
notice is issued with the waiver once it may be. "Reprint the notice" (Alt+N) prints it
again marked 副本 under its 文书编号. The case's fee state (未缴费 / 已缴费 / 已减免 / 已退付)
follows the center: the sync's pull keeps the notices' status and, once paid, the payment
with the fiscal receipt's electronic data, printed here as a copy (Alt+E) and archived
with the case. ``alt_buttons`` maps the panel's Alt keys to its buttons (the case detail's
key handling asks the panel); other fee actions add their button to ``extra_buttons``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.app.fees import WAIVER_APPROVAL_ABOVE_FEN, needs_approval
from clerk_app.app.waiting_waivers import keep_waiver, kept_waiver
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.fees import FeeRuleError, PaymentNotice, Waiver
from clerk_app.gui.errors import error_message
from clerk_app.gui.ops import Op, show_error
from clerk_app.gui.refund_request import RefundEntry


class FeeNoticePanel(QGroupBox):
    """Fees of the case shown in the case detail; hidden when the item charges nothing.

    Args:
        owner: the case detail (``context``, ``session``, ``case_no``, ``writer``).

    Signals:
        issued(object): a notice was issued (its ``app.fees.IssuedNotice``).
    """

    issued = Signal(object)

    def __init__(self, owner: Any) -> None:
        super().__init__(owner)
        self.owner = owner
        self.setObjectName("feePanel")
        self.amount = QLabel(self)
        self.amount.setObjectName("feeAmount")
        self.amount.setWordWrap(True)
        self.notices = QLabel(self)
        self.notices.setObjectName("feeNotices")
        self.notices.setWordWrap(True)
        self.issue_button = QPushButton(self)
        self.issue_button.setObjectName("issueNoticeButton")
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("refreshNoticeButton")
        self.cancel_reason = QLineEdit(self)
        self.cancel_reason.setObjectName("cancelReasonEdit")
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelNoticeButton")
        self.message = QLabel(self)
        self.message.setObjectName("feeMessage")
        self.message.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setObjectName("feeState")
        self.waiver_state = QLabel(self)
        self.waiver_state.setObjectName("waiverState")
        self.waiver_state.setWordWrap(True)
        self.waiver_button = QPushButton(self)
        self.waiver_button.setObjectName("waiverButton")
        self.approve_button = QPushButton(self)
        self.approve_button.setObjectName("approveWaiverButton")
        self.reprint_button = QPushButton(self)
        self.reprint_button.setObjectName("reprintNoticeButton")
        self.receipt = QLabel(self)
        self.receipt.setObjectName("feeReceipt")
        self.receipt.setWordWrap(True)
        self.receipt_button = QPushButton(self)
        self.receipt_button.setObjectName("receiptCopyButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.issue_button)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.reprint_button)
        buttons.addStretch(1)
        waiving = QHBoxLayout()
        waiving.addWidget(self.waiver_button)
        waiving.addWidget(self.approve_button)
        waiving.addStretch(1)
        # Further fee actions of the case (a refund request…) put their buttons here.
        self.extra_buttons = QHBoxLayout()
        self.extra_buttons.addWidget(self.receipt_button)
        self.extra_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.amount)
        layout.addWidget(self.state)
        layout.addWidget(self.waiver_state)
        layout.addLayout(waiving)
        layout.addWidget(self.notices)
        layout.addLayout(buttons)
        cancelling = QHBoxLayout()
        cancelling.addWidget(self.cancel_reason, 1)
        cancelling.addWidget(self.cancel_button)
        layout.addLayout(cancelling)
        layout.addWidget(self.receipt)
        layout.addLayout(self.extra_buttons)
        layout.addWidget(self.message)
        self.issue_button.clicked.connect(self.issue)
        self.refresh_button.clicked.connect(self.refresh)
        self.cancel_button.clicked.connect(self.cancel)
        self.waiver_button.clicked.connect(self.enter_waiver)
        self.approve_button.clicked.connect(self.approve_waiver)
        self.reprint_button.clicked.connect(self.reprint)
        self.receipt_button.clicked.connect(self.print_receipt)
        # The panel's Alt+letter → its button (asked by the case detail when no shortcut
        # took the key; another fee action may add its own).
        self.alt_buttons: dict[Qt.Key, QPushButton] = {
            Qt.Key.Key_Y: self.issue_button,
            Qt.Key.Key_G: self.refresh_button,
            Qt.Key.Key_T: self.cancel_button,
            Qt.Key.Key_W: self.waiver_button,
            Qt.Key.Key_L: self.approve_button,
            Qt.Key.Key_N: self.reprint_button,
            Qt.Key.Key_E: self.receipt_button,
        }
        self.refund_entry = RefundEntry(self)  # a lead's refund request (Alt+F), once paid
        self.last_issued: Any = None
        self.last_preview: Any = None
        self.last_dialog: QDialog | None = None
        # The waiver entered for the next notice (approved_by set once a lead approved).
        self.waiver: Waiver | None = None
        self._approver = ""
        self._busy = False
        self._quote: Any = None
        self._notices: list[PaymentNotice] = []
        self._reasons: list[tuple[str, str]] = []
        self._fee_state: str | None = None
        self._payment: Any = None
        # Reading order: the waiver (and its approval) before the notice it goes on.
        QWidget.setTabOrder(self.waiver_button, self.approve_button)
        QWidget.setTabOrder(self.approve_button, self.issue_button)
        owner.installEventFilter(self)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Fees (缴款通知书)"))
        self.issue_button.setText(self.tr("Issue pa&yment notice"))
        self.issue_button.setToolTip(
            self.tr("Issue the payment notice of this case's fees and open its print preview")
        )
        self.refresh_button.setText(self.tr("&Get payment code"))
        self.cancel_reason.setPlaceholderText(self.tr("Reason to cancel the notice (作废)"))
        self.cancel_button.setText(self.tr("Cancel the no&tice"))
        self.cancel_button.setToolTip(self.tr("Only before it is paid; the center is told"))
        self.waiver_button.setText(self.tr("&Waiver (减免)…"))
        self.waiver_button.setToolTip(self.tr("Waive part of the fees for a listed reason"))
        self.approve_button.setText(self.tr("&Lead approves…"))
        self.approve_button.setToolTip(
            self.tr("A lead of the department signs in here to approve the waiver")
        )
        self.reprint_button.setText(self.tr("Reprint the &notice (副本)"))
        self.receipt_button.setText(self.tr("Print the r&eceipt copy (副本)"))
        self.receipt_button.setToolTip(
            self.tr("The cashier's fiscal receipt from its electronic data, kept with the case")
        )
        self.refund_entry.retranslate()
        self._show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The panel's Alt keys on the case detail when no shortcut took them."""
        if watched is self.owner and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() == Qt.KeyboardModifier.AltModifier:
                button = self.alt_buttons.get(Qt.Key(event.key()))
                if button is not None and button.isVisible() and button.isEnabled():
                    button.click()
                    return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- data ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the case's fees and notices again (the GUI thread's connection) and show them."""
        from clerk_app.app import fees as fees_app

        context, case_no = self.owner.context, self.owner.case_no
        self._quote = (
            fees_app.assess_case(context, case_no) if fees_app.has_fees(context, case_no) else None
        )
        self._notices = fees_app.case_notices(context, case_no) if self._quote else []
        self._reasons = fees_app.waiver_reasons(context, case_no) if self._quote else []
        self._fee_state = fees_app.fee_state(context, case_no) if self._quote else None
        paid = [n for n in self._notices if n.status in ("paid", "refunded")]
        self._payment = fees_app.case_payment(context, paid[-1].notice_no) if paid else None
        if self.waiver is None and self._quote and not self._has_open_notice():
            # The waiver entered before the case detail was last closed (still waiting).
            self.waiver = kept_waiver(context, case_no)
        self._show()

    def _has_open_notice(self) -> bool:
        return any(n.status in ("issued", "paid") for n in self._notices)

    def _keep_waiver(self, waiver: Waiver | None) -> None:
        """Keep (None: forget) the next notice's waiver at the desk, on the writer."""
        context, case_no = self.owner.context, self.owner.case_no

        def work() -> None:
            keep_waiver(context, case_no, waiver)

        def failed(exc: Exception) -> None:
            self.message.setText(error_message(exc))

        self.owner.writer.submit(work, self).failure(failed)

    def _show(self) -> None:
        quote, notices = self._quote, self._notices
        self.setVisible(quote is not None)
        if quote is None:
            return
        self.amount.setText(
            self.tr("Amount: ¥%1 (in capitals: %2)")
            .replace("%1", quote.figures)
            .replace("%2", quote.capitals)
        )
        self.notices.setText("\n".join(self._notice_line(n) for n in notices))
        self.state.setText(self.tr("Fee state: %1").replace("%1", self._state_words()))
        open_notice = any(n.status in ("issued", "paid") for n in notices)
        waits = self.waiver is not None and needs_approval(self.waiver)
        self.issue_button.setEnabled(not self._busy and not open_notice and not waits)
        self.refresh_button.setEnabled(not self._busy and bool(notices))
        cancellable = any(n.status == "issued" for n in notices)
        self.cancel_reason.setVisible(cancellable)
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.setEnabled(not self._busy)
        self.reprint_button.setVisible(bool(notices))
        self.reprint_button.setEnabled(not self._busy)
        self.waiver_button.setVisible(bool(self._reasons) and not open_notice)
        self.waiver_button.setEnabled(not self._busy)
        self.approve_button.setVisible(waits and not open_notice)
        self.approve_button.setEnabled(not self._busy)
        self.waiver_state.setVisible(self.waiver is not None and not open_notice)
        self.waiver_state.setText(self._waiver_words())
        self._show_receipt()
        self.refund_entry.update(notices)

    def _state_words(self) -> str:
        words = {
            "unpaid": self.tr("unpaid (未缴费)"),
            "paid": self.tr("paid (已缴费)"),
            "waived": self.tr("waived (已减免)"),
            "refunded": self.tr("refunded (已退付)"),
        }
        return words.get(self._fee_state or "", self.tr("no payment notice yet"))

    def _waiver_words(self) -> str:
        waiver = self.waiver
        if waiver is None:
            return ""
        from clerk_app.core.money import yuan

        head = (
            self.tr("Waiver ¥%1 (%2)")
            .replace("%1", yuan(waiver.amount_fen))
            .replace("%2", waiver.reason_text)
        )
        if needs_approval(waiver):
            return head + self.tr(
                ": waits for a lead's approval (above ¥%1); the notice is issued after it."
            ).replace("%1", yuan(WAIVER_APPROVAL_ABOVE_FEN))
        if waiver.approved_by:
            return head + self.tr(": approved by the lead %1.").replace(
                "%1", self._approver or waiver.approved_by
            )
        return head + self.tr(": goes on the next notice.")

    def _show_receipt(self) -> None:
        payment = self._payment
        receipt = payment.receipt if payment is not None else None
        self.receipt.setVisible(receipt is not None)
        self.receipt_button.setVisible(receipt is not None)
        self.receipt_button.setEnabled(not self._busy)
        if receipt is None:
            return
        from clerk_app.core.money import yuan

        kind = self.tr("electronic") if receipt.kind == "electronic" else self.tr("paper")
        text = (
            self.tr("Fiscal receipt %1 No. %2 (%3), ¥%4, paid %5")
            .replace("%1", receipt.code)
            .replace("%2", receipt.number)
            .replace("%3", kind)
            .replace("%4", yuan(payment.amount_fen))
            .replace("%5", payment.paid_at.astimezone(CENTER_TZ).strftime("%Y-%m-%d %H:%M"))
        )
        if receipt.check_code:
            text += self.tr(", check code %1").replace("%1", receipt.check_code)
        self.receipt.setText(text)

    def _notice_line(self, notice: PaymentNotice) -> str:
        status = {
            "issued": self.tr("issued"),
            "paid": self.tr("paid"),
            "cancelled": self.tr("cancelled"),
            "refunded": self.tr("refunded"),
        }[notice.status]
        code = notice.payment_code or self.tr("payment code not yet assigned")
        return f"{notice.notice_no} · {status} · {code}"

    # -- actions ---------------------------------------------------------------------------

    def issue(self) -> None:
        """Issue the notice (Alt+Y) on the desk's writer, then open its print preview."""
        from clerk_app.app.fees import issue_payment_notice

        if self._busy or not self.isVisible() or not self.issue_button.isEnabled():
            return
        context, session, case_no = self.owner.context, self.owner.session, self.owner.case_no
        self._busy = True
        self.message.setText(self.tr("Saving…"))

        waiver = self.waiver

        def work() -> Any:
            return issue_payment_notice(context, session, case_no, waiver)

        self.owner.writer.submit(work, self).success(self._issued).failure(self._failed)

    def _issued(self, issued: Any) -> None:
        from clerk_app.core.money import capitals, yuan
        from clerk_app.gui.printing import PreviewSession, PrinterChoices

        self._busy = False
        self.last_issued = issued
        self.waiver = None  # it went on this notice
        self._keep_waiver(None)
        notice = issued.notice
        self.message.setText(
            self.tr("Payment notice %1 issued: ¥%2 (%3).")
            .replace("%1", notice.notice_no)
            .replace("%2", yuan(notice.total_fen))
            .replace("%3", capitals(notice.total_fen))
        )
        self.reload()
        self.issued.emit(issued)
        preview = PreviewSession(issued.document.rendered, PrinterChoices(self.owner.context), self)
        preview.pdf_path = issued.document.path
        self.last_preview = preview
        preview.open()

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        self.reload()
        if isinstance(exc, FeeRuleError) and exc.code == "approval_needed":
            self.message.setText(self.tr("The waiver waits for a lead's approval first."))
            return
        if isinstance(exc, FeeRuleError):
            self.message.setText(self.tr("This item's fees cannot be assessed here."))
            return
        self.message.setText(error_message(exc))

    def cancel(self) -> None:
        """作废 the case's issued notice with the reason typed (Alt+T), on the writer."""
        from clerk_app.app.fees import cancel_payment_notice

        issued = [n.notice_no for n in self._notices if n.status == "issued"]
        if self._busy or not issued or not self.cancel_button.isVisible():
            return
        reason = self.cancel_reason.text().strip()
        if not reason:
            self.message.setText(self.tr("Give the reason to cancel the notice."))
            self.cancel_reason.setFocus()
            return
        context, session, notice_no = self.owner.context, self.owner.session, issued[-1]
        self._busy = True

        def work() -> PaymentNotice:
            return cancel_payment_notice(context, session, notice_no, reason)

        def done(notice: PaymentNotice) -> None:
            self._busy = False
            self.cancel_reason.clear()
            self.message.setText(
                self.tr("Payment notice %1 cancelled.").replace("%1", notice.notice_no)
            )
            self.reload()

        def failed(exc: Exception) -> None:
            self._busy = False
            self.reload()
            if isinstance(exc, FeeRuleError):
                self.message.setText(
                    self.tr("This notice is paid already; it cannot be cancelled.")
                )
                return
            self.message.setText(error_message(exc))

        self.owner.writer.submit(work, self).success(done).failure(failed)

    def refresh(self) -> None:
        """Ask the center for the notices' payment codes (Alt+G; a worker thread)."""
        from clerk_app.app import fees as fees_app

        context, session = self.owner.context, self.owner.session
        numbers = [n.notice_no for n in fees_app.case_notices(context, self.owner.case_no)]
        if not numbers or self._busy:
            return

        def work() -> int:
            found = [fees_app.refresh_notice(context, session, no) for no in numbers]
            return sum(1 for n in found if n is not None and n.payment_code)

        def done(count: int) -> None:
            self.reload()
            if not count:
                self.message.setText(self.tr("The center has not assigned a payment code yet."))

        def failed(exc: Exception) -> None:
            show_error(self, exc)

        Op(self, work).success(done).failure(failed).run()

    # -- waivers, reprints, the receipt --------------------------------------------------------

    def enter_waiver(self) -> None:
        """Enter (or change) the waiver of the next notice (Alt+W)."""
        from clerk_app.core.fees import assess
        from clerk_app.gui.waiver_dialog import WaiverDialog

        if self._busy or not self._reasons or self._quote is None:
            return
        dialog = WaiverDialog(
            self._reasons,
            assess(self._quote.item),
            WAIVER_APPROVAL_ABOVE_FEN,
            waiver=self.waiver,
            parent=self,
        )
        self.last_dialog = dialog
        dialog.finished.connect(lambda result: self._waiver_entered(dialog, result))
        dialog.open()

    def _waiver_entered(self, dialog: Any, result: int) -> None:
        if result != QDialog.DialogCode.Accepted or dialog.waiver is None:
            return
        self.waiver, self._approver = dialog.waiver, ""
        self._keep_waiver(dialog.waiver)
        if needs_approval(dialog.waiver):
            self.message.setText(self.tr("The waiver waits for a lead's approval (Alt+L)."))
        else:
            self.message.setText(self.tr("The waiver goes on the notice issued next (Alt+Y)."))
        self._show()

    def approve_waiver(self) -> None:
        """A lead approves the waiting waiver by signing in here (Alt+L)."""
        from clerk_app.app.fees import approve_waiver
        from clerk_app.gui.waiver_dialog import LeadApprovalDialog

        waiver = self.waiver
        if self._busy or waiver is None or not needs_approval(waiver):
            return
        context, session = self.owner.context, self.owner.session

        def approve(username: str, password: str) -> Any:
            return approve_waiver(context, session, username, password, waiver)

        dialog = LeadApprovalDialog(approve, waiver, parent=self)
        self.last_dialog = dialog
        dialog.finished.connect(lambda result: self._approved(dialog, waiver, result))
        dialog.open()

    def _approved(self, dialog: Any, waiver: Waiver, result: int) -> None:
        approval = dialog.approval
        if result != QDialog.DialogCode.Accepted or approval is None or self.waiver != waiver:
            return
        from dataclasses import replace

        self.waiver = replace(waiver, approved_by=approval.username)
        self._approver = approval.display_name
        self.message.setText(
            self.tr("Approved by %1: issue the notice (Alt+Y).").replace(
                "%1", approval.display_name
            )
        )
        self._show()

    def reprint(self) -> None:
        """Print the case's latest notice again, marked 副本 (Alt+N), then preview it."""
        from clerk_app.app.fees import reprint_notice

        if self._busy or not self._notices:
            return
        context, session = self.owner.context, self.owner.session
        notice_no = self._notices[-1].notice_no

        def work() -> Any:
            return reprint_notice(context, session, notice_no)

        self._run(work, self.tr("Reprint of payment notice %1 saved.").replace("%1", notice_no))

    def print_receipt(self) -> None:
        """Print the cashier's receipt of the paid notice here, marked 副本 (Alt+E)."""
        from clerk_app.app.fees import print_receipt_copy

        payment = self._payment
        if self._busy or payment is None or payment.receipt is None:
            return
        context, session = self.owner.context, self.owner.session
        notice_no = payment.notice_no

        def work() -> Any:
            return print_receipt_copy(context, session, notice_no)

        receipt = payment.receipt
        self._run(
            work,
            self.tr("Copy of receipt %1 No. %2 saved with the case.")
            .replace("%1", receipt.code)
            .replace("%2", receipt.number),
        )

    def _run(self, work: Any, done_text: str) -> None:
        """A document of the case on the writer, then its print preview."""
        from clerk_app.gui.printing import PreviewSession, PrinterChoices

        self._busy = True
        self._show()

        def done(issued: Any) -> None:
            self._busy = False
            self.message.setText(done_text)
            self.reload()
            preview = PreviewSession(issued.rendered, PrinterChoices(self.owner.context), self)
            preview.pdf_path = issued.path
            self.last_preview = preview
            preview.open()

        def failed(exc: Exception) -> None:
            self._busy = False
            self.reload()
            self.message.setText(error_message(exc))

        self.owner.writer.submit(work, self).success(done).failure(failed)
