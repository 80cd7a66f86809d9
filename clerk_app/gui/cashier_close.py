"""The cashier's end of day (issue 17), opened from the cashier screen, keyboard first.

* F7 — void a spoilt paper receipt (票据作废): its code, number and the reason, Ctrl+Enter.
  The number stays, counted as voided.
* F10 — the daily close (日结): the day's totals by method, department and item, the
  receipt numbers used and voided, the cash expected; the cashier types the cash counted
  (the difference 长款/短款 is shown as typed) and the deposit slip's reference (解缴), and
  Ctrl+Enter closes the day and prints the daily-close sheet. After that the day is frozen:
  the cashier screen says so and takes no payment of it.

Every call to the service runs off the GUI thread (``gui.ops.Op``) while the dialog says it
waits (a black-holed link would otherwise freeze the desk until the read timeout); a second
Ctrl+Enter meanwhile does nothing. Printing happens on the GUI thread once the answer is in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.app import cashier, cashier_close
from clerk_app.core.fees import cash_difference
from clerk_app.core.money import parse_yuan, yuan
from clerk_app.documents import RenderedDocument
from clerk_app.gui.errors import error_message
from clerk_app.gui.ops import Op

Printer = Callable[[RenderedDocument], Any]


def _ctrl_enter(event: QKeyEvent) -> bool:
    ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
    return ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _waiting_words() -> str:
    return QCoreApplication.translate(
        "VoidReceiptDialog", "Waiting for the records service… (the desk stays usable)"
    )


class _Busy:
    """A dialog's one call to the service at a time, with a line saying it waits."""

    def __init__(self, dialog: QDialog) -> None:
        self.dialog = dialog
        self.running = False
        self.label = QLabel(_waiting_words())
        self.label.setObjectName("busy")
        self.label.hide()

    def run(
        self,
        fn: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None],
    ) -> Op | None:
        """Run ``fn`` off the GUI thread; None (nothing started) while one runs."""
        if self.running:
            return None
        return Op(self.dialog, fn).busy(self._show).success(done).failure(failed).run()

    def _show(self, busy: bool) -> None:
        self.running = busy
        self.label.setVisible(busy)
        if busy:
            self.dialog.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.dialog.unsetCursor()


def _refusal(code: str) -> str:
    words = {
        "not_found": QCoreApplication.translate(
            "VoidReceiptDialog", "No receipt of yours has this code and number."
        ),
        "voided": QCoreApplication.translate(
            "VoidReceiptDialog", "This receipt is voided already."
        ),
        "electronic": QCoreApplication.translate(
            "VoidReceiptDialog", "An electronic receipt is not voided: a refund reverses it."
        ),
        "day_closed": QCoreApplication.translate(
            "VoidReceiptDialog", "This day is closed (日结); nothing of it can change."
        ),
        "not_your_stock": QCoreApplication.translate(
            "VoidReceiptDialog", "This number is not in the receipt stock allotted to you."
        ),
        "invalid": QCoreApplication.translate(
            "VoidReceiptDialog", "Check the fields: digits for code and number, and a reason."
        ),
        "payments_waiting": QCoreApplication.translate(
            "VoidReceiptDialog",
            "Paper payments of this day taken offline have not reached the center yet: the "
            "day cannot be closed before they do. Press F5 at the cashier screen once the link "
            "is back, then close the day.",
        ),
    }
    return words.get(
        code, QCoreApplication.translate("VoidReceiptDialog", "The records service refused this.")
    )


class VoidReceiptDialog(QDialog):
    """F7 at the cashier screen: void a spoilt paper receipt (Ctrl+Enter; Esc closes)."""

    voided = Signal(str)

    def __init__(self, context: Any, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session = session
        self.setWindowTitle(self.tr("Void a spoilt receipt"))
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Receipt code (票据代码)"))
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("Receipt number (票据号码)"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why it is spoilt"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.busy = _Busy(self)
        form = QFormLayout()
        form.addRow(self.tr("Receipt &code"), self.code)
        form.addRow(self.tr("Receipt &number"), self.number)
        form.addRow(self.tr("&Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.busy.label)
        layout.addWidget(QLabel(self.tr("Ctrl+Enter: void the receipt (it keeps its number)")))
        self.code.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _ctrl_enter(event):
            self.void()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()  # Enter moves on; it never closes the dialog
            event.accept()
            return
        super().keyPressEvent(event)

    def void(self) -> None:
        """Ctrl+Enter: void the receipt at the service (off the GUI thread)."""
        context, session = self.context, self.session
        code, number, reason = self.code.text(), self.number.text(), self.reason.text()
        self.busy.run(
            lambda: cashier_close.void_receipt(context, session, code, number, reason),
            self._voided,
            self._refused,
        )

    def _refused(self, exc: Exception) -> None:
        if isinstance(exc, cashier_close.CloseRefused):
            self.message.setText(_refusal(exc.code))
        else:  # worded for the person, never a trace
            self.message.setText(error_message(exc))

    def _voided(self, receipt: Any) -> None:
        number = f"{receipt.code}/{receipt.number}"
        self.message.setText(
            self.tr("Receipt %1 is voided; its number is kept.").replace("%1", number)
        )
        self.voided.emit(number)
        self.number.clear()
        self.reason.clear()
        self.number.setFocus()


class DailyCloseDialog(QDialog):
    """F10 at the cashier screen: the day's sheet and its close (日结)."""

    closed = Signal(object)  # the business day closed (a date)

    def __init__(
        self,
        context: Any,
        session: Any,
        printer: Printer,
        *,
        day: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.session = session
        self.printer = printer
        self.day = day or cashier.today(context)
        self.sheet: cashier_close.DaySheet | None = None
        self.document: cashier_close.IssuedReceipt | None = None
        self.setWindowTitle(self.tr("Daily close — %1").replace("%1", self.day.isoformat()))
        self.totals = QTableWidget(0, 3)
        self.totals.setAccessibleName(self.tr("Totals of the day"))
        self.totals.setHorizontalHeaderLabels(
            [self.tr("Total"), self.tr("Payments"), self.tr("Amount (yuan)")]
        )
        self.totals.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.receipts = QLabel()
        self.receipts.setWordWrap(True)
        self.receipts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.expected = QLabel()
        self.counted = QLineEdit()
        self.counted.setPlaceholderText(self.tr("Cash counted in the drawer (yuan)"))
        self.counted.textChanged.connect(self._show_difference)
        self.difference = QLabel()
        self.deposit = QLineEdit()
        self.deposit.setPlaceholderText(self.tr("Deposit slip reference (解缴)"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.busy = _Busy(self)
        form = QFormLayout()
        form.addRow(self.totals)
        form.addRow(self.tr("Receipts"), self.receipts)
        form.addRow(self.tr("Cash expected"), self.expected)
        form.addRow(self.tr("Cash &counted"), self.counted)
        form.addRow(self.tr("Difference"), self.difference)
        form.addRow(self.tr("&Deposit slip"), self.deposit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.busy.label)
        layout.addWidget(
            QLabel(self.tr("Ctrl+Enter: close the day and print the sheet   Esc: back"))
        )
        self.resize(720, 640)
        self.load()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _ctrl_enter(event):
            self.close_day()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- steps ---------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the day's sheet from the service (off the GUI thread) and show it; a day
        closed already is said through ``closed`` too."""
        context, session, day = self.context, self.session, self.day
        self.busy.run(
            lambda: cashier_close.day_sheet(context, session, day), self._loaded, self._failed
        )

    def _loaded(self, sheet: cashier_close.DaySheet) -> None:
        self._show(sheet)
        if sheet.closed:
            self.closed.emit(self.day)
        else:
            self.counted.setFocus()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, cashier_close.CloseRefused):
            self.message.setText(_refusal(exc.code))
            if exc.code == "day_closed":
                self.load()
        else:
            self.message.setText(error_message(exc))

    def close_day(self) -> None:
        """Ctrl+Enter: close the day with the cash counted and the deposit slip, print."""
        if self.sheet is None or self.sheet.closed:
            return
        try:
            counted = parse_yuan(self.counted.text())
        except ValueError:
            self.message.setText(
                self.tr("The cash counted is not an amount (yuan, at most two decimals).")
            )
            self.counted.setFocus()
            return
        if not self.deposit.text().strip():
            self.message.setText(self.tr("Type the deposit slip's reference (解缴)."))
            self.deposit.setFocus()
            return
        context, session, day, deposit = self.context, self.session, self.day, self.deposit.text()

        def work() -> tuple[cashier_close.DaySheet, Any]:
            sheet = cashier_close.close_day(context, session, day, counted, deposit)
            try:  # the close stands whatever happens to its sheet
                document: Any = cashier_close.close_document(context, session, sheet)
            except Exception as exc:
                document = exc
            return sheet, document

        self.busy.run(work, self._closed, self._failed)

    def _closed(self, outcome: tuple[cashier_close.DaySheet, Any]) -> None:
        sheet, document = outcome
        self._show(sheet)
        said = self.tr("The day is closed. Its payments are frozen.")
        try:
            if isinstance(document, Exception):
                raise document
            self.document = document
            self.printer(document.rendered)
        except Exception as exc:  # the close stands; say what to do
            said += " " + self.tr("The sheet could not be printed: %1").replace(
                "%1", error_message(exc)
            )
        self.message.setText(said)
        self.closed.emit(self.day)

    # -- showing -------------------------------------------------------------------------------

    def _show(self, sheet: cashier_close.DaySheet) -> None:
        self.sheet = sheet
        methods = {"cash": self.tr("Cash"), "card": self.tr("Bank card"), "qr": self.tr("QR code")}
        rows: list[tuple[str, int, int]] = [
            (self.tr("All payments"), sheet.payments, sheet.total_fen)
        ]
        rows += [(methods.get(t.key, t.key), t.count, t.amount_fen) for t in sheet.by_method]
        rows += [
            (self.tr("Department %1").replace("%1", t.key), t.count, t.amount_fen)
            for t in sheet.by_department
        ]
        rows += [
            (self.tr("Item %1").replace("%1", t.key), t.count, t.amount_fen) for t in sheet.by_item
        ]
        self.totals.setRowCount(len(rows))
        for index, (name, count, fen) in enumerate(rows):
            self.totals.setItem(index, 0, QTableWidgetItem(name))
            self.totals.setItem(index, 1, QTableWidgetItem(str(count)))
            amount = QTableWidgetItem(yuan(fen))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.totals.setItem(index, 2, amount)
        none = self.tr("none")
        self.receipts.setText(
            self.tr("Used (%1): %2\nVoided (%3): %4")
            .replace("%1", str(len(sheet.receipts_used)))
            .replace("%2", "、".join(sheet.receipts_used) or none)
            .replace("%3", str(len(sheet.receipts_voided)))
            .replace("%4", "、".join(sheet.receipts_voided) or none)
        )
        self.expected.setText(f"¥{yuan(sheet.expected_cash_fen)}")
        if sheet.closed:
            if sheet.counted_fen is not None:
                self.counted.setText(yuan(sheet.counted_fen, grouped=False))
            self.deposit.setText(sheet.deposit_ref)
            self.counted.setReadOnly(True)
            self.deposit.setReadOnly(True)
            self.message.setText(self.tr("This day is closed (日结); nothing of it can change."))
        self._show_difference()

    def _show_difference(self) -> None:
        sheet = self.sheet
        try:
            counted = parse_yuan(self.counted.text())
        except ValueError:
            self.difference.clear()
            return
        if sheet is None:
            return
        kind, fen = cash_difference(sheet.expected_cash_fen, counted)
        if kind == "over":
            text = self.tr("Over (长款) ¥%1").replace("%1", yuan(fen))
        elif kind == "short":
            text = self.tr("Short (短款) ¥%1").replace("%1", yuan(fen))
        else:
            text = self.tr("Even (无长短款)")
        self.difference.setText(text)


# -- the cashier screen's hooks ---------------------------------------------------------------


def open_void(screen: Any) -> VoidReceiptDialog:
    """F7 at the cashier screen."""
    dialog = VoidReceiptDialog(screen.context, screen.session, screen)
    screen.void_dialog = dialog
    dialog.show()
    return dialog


def open_close(screen: Any) -> DailyCloseDialog:
    """F10 at the cashier screen; after the close the screen remembers the day is closed."""
    dialog = DailyCloseDialog(screen.context, screen.session, screen.printer, parent=screen)
    screen.close_dialog = dialog
    dialog.closed.connect(lambda day: _mark_closed(screen, day))  # or found closed
    dialog.show()
    return dialog


def _mark_closed(screen: Any, day: date) -> None:
    screen.closed_day = day
    screen.message.setText(closed_words())


def keys_hint() -> str:
    """The cashier screen's line naming these keys."""
    return QCoreApplication.translate(
        "DailyCloseDialog", "F7: void a spoilt receipt   F10: daily close (日结)"
    )


def closed_words() -> str:
    return QCoreApplication.translate(
        "DailyCloseDialog", "Today is closed (日结): no more payments can be taken today."
    )


def refuse_closed(screen: Any) -> bool:
    """Before a payment: True (and the screen says why) when today is known to be closed
    (the screen's own close, or the service's answer to :func:`ask_closed`). Never calls
    the service: the GUI thread does not wait on the link."""
    if getattr(screen, "closed_day", None) == cashier.today(screen.context):
        screen.message.setText(closed_words())
        return True
    return False


def ask_closed(context: Any, session: Any, day: date) -> bool | None:
    """Whether ``day`` is closed at the service (off the GUI thread); None without an
    answer (the service decides when the payment reaches it)."""
    try:
        return cashier_close.day_sheet(context, session, day).closed
    except Exception:
        return None


def note_closed(screen: Any, day: date, closed: bool | None) -> None:
    """Remember the service's answer to :func:`ask_closed` (asked once a day per screen)."""
    if closed is None:
        return
    screen.checked_day = day
    if closed:
        screen.closed_day = day
