"""The cashier screen of a settlement-center window (issue 17), keyboard first.

Scan or type the payment code or notice number and press Enter: the notice is shown (payer
masked, its fees, the total in figures and in Chinese capitals). Choose the method (Alt+1
cash, Alt+2 card, Alt+3 QR), type the amount received (cash) or the POS/bank reference,
and press Ctrl+Enter: the payment is recorded online, the change shown, and the fiscal
receipt printed. F9 shows the day's totals; F8 prints a duplicate (副本) of a receipt or a
daily-close sheet kept at the desk (``gui.cashier_reprint``, offline too). With the link
down (``gui.cashier_offline``) a red banner says so and cash goes on the cashier's paper
stock; F5 tries the link again.

Every call to the service (the look-up, the online payment with its receipt, F9) runs off the
GUI thread (``gui.ops.Op``, the project's background operations) while a line says the desk
waits for the records service: a link that swallows requests never freezes the screen. One
such call at a time: Enter, Ctrl+Enter and F9 meanwhile do nothing; typing and F5 go on.
The desk's own steps with the link down (paper stock, pulled notices) stay on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.app import cashier, cashier_offline
from clerk_app.core.fees import FeeRuleError, PaymentMethod, PaymentNotice
from clerk_app.core.identity import mask_name
from clerk_app.core.money import capitals, parse_yuan, yuan
from clerk_app.documents import RenderedDocument
from clerk_app.gui import cashier_close as close_desk
from clerk_app.gui import cashier_reprint
from clerk_app.gui.cashier_offline import OfflinePart
from clerk_app.gui.errors import error_message
from clerk_app.gui.ops import Op

# Prints a receipt (the default: on the printer chosen for fiscal receipts).
Printer = Callable[[RenderedDocument], Any]


def _print_on_chosen(context: Any) -> Printer:
    def run(document: RenderedDocument) -> Any:
        from clerk_app.gui.printing import PrinterChoices, print_document

        return print_document(document, PrinterChoices(context).printer_for(document.kind))

    return run


class CashierScreen(QWidget):
    """The settlement window's desk for a user with the ``cashier`` role."""

    # A payment was recorded (its receipt number).
    paid = Signal(str)

    def __init__(
        self,
        context: Any,
        session: Any,
        *,
        printer: Printer | None = None,
        paper: cashier.ReceiptPaper = "a4",
        pull: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.session = session
        self.paper: cashier.ReceiptPaper = paper
        self.printer = printer or _print_on_chosen(context)
        self.notice: PaymentNotice | None = None
        self.last: cashier.TakenPayment | None = None
        self.last_receipt: cashier.IssuedReceipt | None = None
        self.setWindowTitle(self.tr("Settlement window — %1").replace("%1", session.window_name))

        self.code = QLineEdit()
        self.code.setPlaceholderText(
            self.tr("Scan or type the payment code or notice number, then Enter")
        )
        self.code.returnPressed.connect(self.look_up)
        self.payer = QLabel()
        self.items = QTableWidget(0, 2)
        self.items.setAccessibleName(self.tr("Fees"))
        self.items.setHorizontalHeaderLabels([self.tr("Fee"), self.tr("Amount (yuan)")])
        self.items.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.total = QLabel()
        self.total_words = QLabel()

        self.methods = QButtonGroup(self)
        method_row = QHBoxLayout()
        for index, (key, text) in enumerate(
            (
                ("cash", self.tr("&1 Cash")),
                ("card", self.tr("&2 Bank card")),
                ("qr", self.tr("&3 QR code")),
            )
        ):
            button = QRadioButton(text)
            button.setProperty("method", key)
            self.methods.addButton(button, index)
            method_row.addWidget(button)
        self.methods.button(0).setChecked(True)
        self.received = QLineEdit()
        self.received.setPlaceholderText(self.tr("Amount received (yuan)"))
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("POS or bank reference (card, QR)"))
        self.change = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.day = QLabel()
        self.day.setWordWrap(True)
        self.busy = False  # a call to the service runs in the background
        self.working = QLabel(self.tr("Waiting for the records service…"))
        self.working.setObjectName("busy")
        self.working.hide()

        form = QFormLayout()
        form.addRow(self.tr("Payment code / notice no."), self.code)
        form.addRow(self.tr("Payer"), self.payer)
        form.addRow(self.items)
        form.addRow(self.tr("Total"), self.total)
        form.addRow(self.tr("In capitals"), self.total_words)
        form.addRow(self.tr("Method"), method_row)
        form.addRow(self.tr("Received"), self.received)
        form.addRow(self.tr("Reference"), self.reference)
        form.addRow(self.tr("Change"), self.change)
        hint = QLabel(
            self.tr("Ctrl+Enter: take the payment and print the receipt   F9: today's totals")
        )
        self.offline = OfflinePart(self)  # the red banner; a notice entered to confirm
        layout = QVBoxLayout(self)
        layout.addWidget(self.offline)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.working)
        layout.addWidget(self.day)
        layout.addWidget(hint)
        layout.addWidget(QLabel(close_desk.keys_hint()))
        layout.addWidget(QLabel(cashier_reprint.keys_hint()))

        self.code.setFocus()
        if pull:  # what cash needs with the link down: unpaid notices, the paper stock;
            self.offline.pull(now=True)  # in the background; what waits is sent at once

    def attach_sync(self, worker: Any) -> None:
        """Follow the desk's sync worker, which sends the outbox off the GUI thread: offline
        mode when the link goes, a pull when it comes back; F5 and a payment wake it."""
        self.offline.attach(worker)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.activateWindow()
        self.code.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Enter takes the payment, F9 shows the day (the fields pass these keys on)."""
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if ctrl and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.take()
        elif key == Qt.Key.Key_F9:
            self.show_day()
        elif key == Qt.Key.Key_F5:  # try the link: pull again and send, or stay offline
            self.offline.pull(now=True)
        elif key in (Qt.Key.Key_F7, Qt.Key.Key_F10):  # void a receipt; the daily close
            (close_desk.open_void if key == Qt.Key.Key_F7 else close_desk.open_close)(self)
        elif key == Qt.Key.Key_F8:  # a 副本 of a receipt or close sheet, from the desk
            cashier_reprint.open_duplicates(self)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- steps --------------------------------------------------------------------------------

    def method(self) -> PaymentMethod:
        button = self.methods.checkedButton()
        value = button.property("method") if button is not None else "cash"
        return "card" if value == "card" else "qr" if value == "qr" else "cash"

    def look_up(self) -> None:
        """Enter in the code field: find the notice (at the center, in the background) and
        show it."""
        text = self.code.text().strip()
        if not text or self.busy:
            return
        if self.offline.offline:
            self._look_up_offline(text)
            return
        context, session = self.context, self.session
        self._run(
            lambda: cashier.find_notice(context, session, text),
            self._ready,
            lambda exc: self._not_found(exc, text),
        )

    def _not_found(self, exc: Exception, text: str) -> None:
        """The center's look-up failed: refused in words, or the link is down."""
        if cashier_offline.link_down(exc):
            self.offline.go_offline()
            self._look_up_offline(text)
            return
        self._clear_notice()
        if isinstance(exc, cashier.CashierRefused):
            self._say(self._refusal(exc.code))
        else:  # worded for the person, never a trace
            self._say(error_message(exc))

    def _look_up_offline(self, text: str) -> None:
        """The notice from what the desk holds (the link is down)."""
        try:
            notice = self.offline.look_up(text)
        except cashier.CashierRefused as refused:
            self._clear_notice()
            self._say(self._refusal(refused.code))
            return
        except Exception as exc:  # worded for the person, never a trace
            self._clear_notice()
            self._say(error_message(exc))
            return
        if notice is None:  # offline, not pulled: its item and amount are asked for
            self._clear_notice()
            self._say(self.tr("This notice was not pulled: type its item code and amount."))
            return
        self._ready(notice)

    def _run(
        self,
        fn: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None],
    ) -> Op | None:
        """Run ``fn`` (a call to the service) off the GUI thread with the screen busy."""
        if self.busy:
            return None
        return Op(self, fn).busy(self._set_busy).success(done).failure(failed).run()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.working.setVisible(busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _ready(self, notice: PaymentNotice) -> None:
        """Show the notice found and get the amount received."""
        self._show_notice(notice)
        if notice.status != "issued":
            self._say(self._refusal("already_paid" if notice.status == "paid" else "cancelled"))
            return
        self._say("")
        self.received.setText(yuan(notice.total_fen, grouped=False))
        self.received.setFocus()
        self.received.selectAll()

    def take(self) -> None:
        """Ctrl+Enter: record the payment, show the change, print the receipt. Online the
        payment and its receipt are made in the background."""
        notice = self.notice
        if self.busy:
            return
        if notice is None:
            self._say(self.tr("Scan or type a payment code first."))
            self.code.setFocus()
            return
        if close_desk.refuse_closed(self):  # today is closed (日结): no payment of it
            return
        method = self.method()
        try:
            received = parse_yuan(self.received.text()) if method == "cash" else notice.total_fen
        except ValueError:
            self._say(self.tr("The amount received is not an amount (yuan, at most two decimals)."))
            self.received.setFocus()
            return
        if self.offline.offline:
            self._take_offline(notice, method, received)
            return
        context, session, paper = self.context, self.session, self.paper
        reference = self.reference.text()
        today = cashier.today(context)
        ask = getattr(self, "checked_day", None) != today  # once a day per screen

        def work() -> tuple[bool | None, Any, Any]:
            closed = close_desk.ask_closed(context, session, today) if ask else None
            if closed:
                return closed, None, None
            taken = cashier.take_payment(context, session, notice, method, received, reference)
            try:  # the payment stands whatever happens to its receipt
                issued: Any = cashier.issue_receipt(context, session, taken, paper=paper)
            except Exception as exc:
                issued = exc
            return closed, taken, issued

        def done(outcome: tuple[bool | None, Any, Any]) -> None:
            closed, taken, issued = outcome
            close_desk.note_closed(self, today, closed)
            if closed:
                close_desk.refuse_closed(self)
                return
            self._paid(taken, issued, offline=False)

        self._run(work, done, self._not_taken)

    def _not_taken(self, exc: Exception) -> None:
        """The online payment failed: nothing was recorded."""
        if isinstance(exc, FeeRuleError):
            self._say(self._rule(exc.code))
        elif isinstance(exc, cashier.CashierRefused):
            self._say(self._refusal(exc.code))
        elif cashier_offline.link_down(exc):
            self.offline.go_offline()
            self._say(self._refusal("link_dropped"))
        else:
            self._say(error_message(exc))

    def _take_offline(self, notice: PaymentNotice, method: PaymentMethod, received: int) -> None:
        """Cash on the next paper form of the desk's stock (no call to the service)."""
        try:
            taken = self.offline.take(notice, method, received)
        except FeeRuleError as rule:
            self._say(self._rule(rule.code))
            return
        except cashier.CashierRefused as refused:
            self._say(self._refusal(refused.code))
            return
        except Exception as exc:
            self._say(error_message(exc))
            return
        try:
            issued: Any = cashier.issue_receipt(self.context, self.session, taken, paper=self.paper)
        except Exception as exc:
            issued = exc
        self._paid(taken, issued, offline=True)

    def _paid(self, taken: cashier.TakenPayment, issued: Any, *, offline: bool) -> None:
        """Show the change and print the receipt (``issued``, or why it could not be made)."""
        self.last = taken
        self.notice = taken.notice
        self.change.setText(yuan(taken.payment.change_fen))
        receipt = taken.payment.receipt
        number = receipt.number if receipt is not None else ""
        said = self.tr("Paid. Receipt number %1.").replace("%1", number)
        if offline:
            said += " " + self.tr("Paper receipt; sent to the center when the link is back.")
        try:
            if isinstance(issued, Exception):
                raise issued
            self.last_receipt = issued
            self.printer(issued.rendered)
        except Exception as exc:  # the payment stands; say what to do
            said += " " + self.tr("The receipt could not be printed: %1").replace(
                "%1", error_message(exc)
            )
        self._say(said)
        self.paid.emit(number)
        self.code.clear()
        self.code.setFocus()

    def show_day(self) -> None:
        """F9: the signed-in cashier's totals of today (asked in the background)."""
        context, session = self.context, self.session
        day = cashier.today(context)
        self._run(
            lambda: cashier.cashier_day(context, session, day),
            self._show_day,
            lambda exc: self._say(error_message(exc)),
        )

    def _show_day(self, day: cashier.DayTotals) -> None:
        names = {"cash": self.tr("Cash"), "card": self.tr("Bank card"), "qr": self.tr("QR code")}
        parts = [f"{names.get(k, k)} ¥{yuan(v)}" for k, v in sorted(day.by_method.items())]
        self.day.setText(
            self.tr("%1: %2 payment(s), total ¥%3")
            .replace("%1", day.day.isoformat())
            .replace("%2", str(day.payments))
            .replace("%3", yuan(day.total_fen))
            + ("　" + "　".join(parts) if parts else "")
        )

    # -- showing ------------------------------------------------------------------------------

    def _show_notice(self, notice: PaymentNotice) -> None:
        self.notice = notice
        self.payer.setText(mask_name(notice.payer_name))
        self.items.setRowCount(len(notice.lines))
        for row, line in enumerate(notice.lines):
            self.items.setItem(row, 0, QTableWidgetItem(line.fee_name))
            amount = QTableWidgetItem(yuan(line.amount_fen))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.items.setItem(row, 1, amount)
        self.total.setText(f"¥{yuan(notice.total_fen)}")
        self.total_words.setText(capitals(notice.total_fen))
        self.change.clear()

    def _clear_notice(self) -> None:
        self.notice = None
        self.payer.clear()
        self.items.setRowCount(0)
        self.total.clear()
        self.total_words.clear()
        self.change.clear()

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _refusal(self, code: str) -> str:
        words = {
            "not_found": self.tr("No notice has this payment code or notice number."),
            "already_paid": self.tr("This notice is paid already; it cannot be paid twice."),
            "cancelled": self.tr("This notice is cancelled; it cannot be paid."),
            "amount_mismatch": self.tr(
                "The amount is not the notice's: a notice is paid in full at once."
            ),
            "fiscal_unavailable": self.tr(
                "The fiscal receipt platform cannot be reached; try again shortly."
            ),
            **self._offline_words(),
        }
        return words.get(code, self.tr("The records service refused this payment."))

    def _offline_words(self) -> dict[str, str]:
        return {
            "needs_link": self.tr(
                "Card and QR payments need the fiscal platform: take cash, or wait for the link."
            ),
            "link_dropped": self.tr(
                "The link dropped before the center answered: the payment is not confirmed. "
                "Ctrl+Enter again takes the cash on a paper receipt."
            ),
            "not_pulled": self.tr("Offline, a notice is found by its notice number (JK-…)."),
            "bad_number": self.tr("This is not a notice number (JK-window-date-number)."),
            "unknown_item": self.tr("The catalog has no fee for this item."),
            "not_standard": self.tr(
                "The amount is not the item's fee standard in the catalog; take it when the "
                "link is back."
            ),
            "no_catalog": self.tr("This desk has no catalog yet: take it when the link is back."),
            "no_stock": self.tr(
                "No blank paper receipt of yours is left on this desk: ask for a range."
            ),
        }

    def _rule(self, code: str) -> str:
        words = {
            "partial_payment": self.tr("Less than due received: a notice is not paid in part."),
            "change_not_cash": self.tr("Only cash gets change: card and QR take the amount due."),
            "reference_needed": self.tr("A card or QR payment needs its reference."),
            "not_issued": self.tr("This notice is paid or cancelled already."),
        }
        return words.get(code, self.tr("This payment breaks a fee rule."))


def is_cashier(session: Any) -> bool:
    """The signed-in user works the settlement window's cash desk."""
    return "cashier" in tuple(getattr(session, "roles", ()) or ())


def open_cashier_screen(
    context: Any, session: Any, *, show: bool = True, worker: Any = None
) -> CashierScreen:
    """The cashier screen of ``session`` (shown unless ``show`` is False), following the
    desk's sync ``worker`` (``gui.sync_worker.SyncWorker``) when there is one."""
    paper: cashier.ReceiptPaper = (
        "roll80" if context.settings["cashier.receipt_paper"] == "roll80" else "a4"
    )
    screen = CashierScreen(context, session, paper=paper, pull=False)
    if worker is not None:  # before the first pull: the worker sends, not the pull
        screen.attach_sync(worker)
    screen.offline.pull(now=True)
    if show:
        screen.resize(900, 700)
        screen.show()
    return screen
