"""The case detail's fees (issue 17): the amount the item charges, in figures and in
capitals, the payment notices issued for the case with their payment codes, and the
action 开具缴款通知书 (Alt+Y) that issues one and opens its print preview.

The notice is issued on the desk's writer (``app.fees.issue_payment_notice``: works with
the link down); the payment code (缴款码) is shown once the center assigned it: from the
center's answer to the pushed notice, or asked for with "Get payment code" (Alt+G,
``app.fees.refresh_notice`` on a worker thread).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from clerk_app.core.fees import FeeRuleError, PaymentNotice
from clerk_app.gui.errors import error_message
from clerk_app.gui.ops import Op, show_error


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
        buttons = QHBoxLayout()
        buttons.addWidget(self.issue_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.amount)
        layout.addWidget(self.notices)
        layout.addLayout(buttons)
        cancelling = QHBoxLayout()
        cancelling.addWidget(self.cancel_reason, 1)
        cancelling.addWidget(self.cancel_button)
        layout.addLayout(cancelling)
        layout.addWidget(self.message)
        self.issue_button.clicked.connect(self.issue)
        self.refresh_button.clicked.connect(self.refresh)
        self.cancel_button.clicked.connect(self.cancel)
        self.last_issued: Any = None
        self.last_preview: Any = None
        self._busy = False
        self._quote: Any = None
        self._notices: list[PaymentNotice] = []
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
        self._show()

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
        self._show()

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
        open_notice = any(n.status in ("issued", "paid") for n in notices)
        self.issue_button.setEnabled(not self._busy and not open_notice)
        self.refresh_button.setEnabled(not self._busy and bool(notices))
        cancellable = any(n.status == "issued" for n in notices)
        self.cancel_reason.setVisible(cancellable)
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.setEnabled(not self._busy)

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

        def work() -> Any:
            return issue_payment_notice(context, session, case_no)

        self.owner.writer.submit(work, self).success(self._issued).failure(self._failed)

    def _issued(self, issued: Any) -> None:
        from clerk_app.core.money import capitals, yuan
        from clerk_app.gui.printing import PreviewSession, PrinterChoices

        self._busy = False
        self.last_issued = issued
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
