"""The cashier's end of day (issue 17), opened from the cashier screen, keyboard first.

* F7 — void a spoilt paper receipt (票据作废): its code, number and the reason, Ctrl+Enter.
  The number stays, counted as voided.
* F10 — the daily close (日结): the day's totals by method, department and item, the
  receipt numbers used and voided, the cash expected; the cashier types the cash counted
  (the difference 长款/短款 is shown as typed) and the deposit slip's reference (解缴), and
  Ctrl+Enter closes the day and prints the daily-close sheet. After that the day is frozen:
  the cashier screen says so and takes no payment of it.
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

Printer = Callable[[RenderedDocument], Any]


def _ctrl_enter(event: QKeyEvent) -> bool:
    ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
    return ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


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
        form = QFormLayout()
        form.addRow(self.tr("Receipt &code"), self.code)
        form.addRow(self.tr("Receipt &number"), self.number)
        form.addRow(self.tr("&Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
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
        try:
            receipt = cashier_close.void_receipt(
                self.context,
                self.session,
                self.code.text(),
                self.number.text(),
                self.reason.text(),
            )
        except cashier_close.CloseRefused as refused:
            self.message.setText(_refusal(refused.code))
            return
        except Exception as exc:  # worded for the person, never a trace
            self.message.setText(error_message(exc))
            return
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
        """Read the day's sheet from the service and show it."""
        try:
            sheet = cashier_close.day_sheet(self.context, self.session, self.day)
        except cashier_close.CloseRefused as refused:
            self.message.setText(_refusal(refused.code))
            return
        except Exception as exc:
            self.message.setText(error_message(exc))
            return
        self._show(sheet)
        if not sheet.closed:
            self.counted.setFocus()

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
        try:
            sheet = cashier_close.close_day(
                self.context, self.session, self.day, counted, self.deposit.text()
            )
        except cashier_close.CloseRefused as refused:
            self.message.setText(_refusal(refused.code))
            if refused.code == "day_closed":
                self.load()
            return
        except Exception as exc:
            self.message.setText(error_message(exc))
            return
        self._show(sheet)
        said = self.tr("The day is closed. Its payments are frozen.")
        try:
            self.document = cashier_close.close_document(self.context, self.session, sheet)
            self.printer(self.document.rendered)
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
    dialog.closed.connect(lambda day: _mark_closed(screen, day))
    if dialog.sheet is not None and dialog.sheet.closed:
        _mark_closed(screen, dialog.day)
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
    """Before a payment: True (and the screen says why) when today is closed. The service
    is asked once a day per screen (not with the link down); without an answer the service
    decides when the payment reaches it."""
    today = cashier.today(screen.context)
    offline = bool(getattr(getattr(screen, "offline", None), "offline", False))
    if not offline and getattr(screen, "checked_day", None) != today:
        try:
            sheet = cashier_close.day_sheet(screen.context, screen.session, today)
        except Exception:
            sheet = None
        if sheet is not None:
            screen.checked_day = today
            if sheet.closed:
                screen.closed_day = today
    if getattr(screen, "closed_day", None) == today:
        screen.message.setText(closed_words())
        return True
    return False
