"""Duplicates (副本) of the settlement center's documents, keyboard first (issue 17).

F8 at the cashier screen or at the finance screen opens :class:`DuplicateDialog`: the fiscal
receipts, refund vouchers and daily-close sheets this desk issued in a range of days (today
by default; Alt+K chooses the kind, Alt+F / Alt+T the days, Alt+L lists them again), newest
first. Enter on a row, or Alt+P, prints the selected one again marked 副本 / DUPLICATE with
its original number and date (``app.cashier_reprint.print_duplicate``, off the GUI thread);
the print is recorded with who and when. Everything comes from the desk's archive, so it
works with the link down.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.app import cashier, cashier_reprint
from clerk_app.core.identity import mask_name
from clerk_app.core.money import yuan
from clerk_app.documents import RenderedDocument
from clerk_app.gui.day_edit import day_edit, edit_day
from clerk_app.gui.errors import error_message
from clerk_app.gui.ops import Op

Printer = Callable[[RenderedDocument], Any]


class DuplicateDialog(QDialog):
    """The desk's kept receipts, refund vouchers and daily-close sheets; print a 副本.

    Signals:
        printed(object): a duplicate was made (``app.cashier_reprint.Duplicate``).
    """

    printed = Signal(object)

    def __init__(
        self, context: Any, session: Any, printer: Printer, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.session = session
        self.printer = printer
        self.documents: list[cashier_reprint.ArchivedFeeDocument] = []
        self.busy = False
        self.last: cashier_reprint.Duplicate | None = None
        self.setWindowTitle(self.tr("Print a duplicate (副本)"))
        today = cashier.today(context)

        self.kind = QComboBox()
        for key, text in (
            ("", self.tr("All documents")),
            ("receipt", self.tr("Fiscal receipts")),
            ("refund", self.tr("Refund vouchers")),
            ("close", self.tr("Daily-close sheets")),
        ):
            self.kind.addItem(text, key)
        self.first = day_edit(today, self.tr("From"))
        self.last_day = day_edit(today, self.tr("To"))
        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("&Kind"), self.kind),
            (self.tr("&From"), self.first),
            (self.tr("&To"), self.last_day),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        self.list_button = QPushButton(self.tr("&List"))
        self.list_button.clicked.connect(self.reload)
        filters.addWidget(self.list_button)

        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Documents kept at this desk"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Document"),
                self.tr("Number"),
                self.tr("Date"),
                self.tr("Payer / cashier"),
                self.tr("Amount (yuan)"),
                self.tr("Duplicates"),
            ]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.activated.connect(lambda _index: self.print_selected())
        self.print_button = QPushButton(self.tr("&Print duplicate (副本)"))
        self.print_button.clicked.connect(self.print_selected)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(
            QLabel(self.tr("Enter or Alt+P: print the selected one again, marked 副本"))
        )
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.resize(820, 480)
        self.reload()
        self.table.setFocus()

    def kinds(self) -> tuple[cashier_reprint.DuplicateKind, ...]:
        chosen = self.kind.currentData()
        return tuple(k for k in cashier_reprint.KINDS if not chosen or k == chosen)

    def reload(self) -> None:
        """List what the desk keeps for the chosen kind and days (from the disk)."""
        try:
            found, unreadable = cashier_reprint.archived(
                self.context, edit_day(self.first), edit_day(self.last_day), self.kinds()
            )
        except cashier_reprint.DuplicateRefused:
            self.documents = []
            self.table.setRowCount(0)
            self._say(self.tr("Choose a period that ends after it starts, at most 400 days."))
            return
        except Exception as exc:  # worded for the person, never a trace
            self._say(error_message(exc))
            return
        self.documents = found
        self._fill()
        if not found:
            said = self.tr("Nothing was issued at this desk in these days.")
        else:
            said = self.tr("%1 document(s).").replace("%1", str(len(found)))
        if unreadable:
            said += " " + self.tr(
                "%1 kept document(s) cannot be read with this desk's key and are not listed."
            ).replace("%1", str(unreadable))
        self._say(said)

    def _fill(self) -> None:
        names = {
            "receipt": self.tr("Fiscal receipt"),
            "refund": self.tr("Refund voucher"),
            "close": self.tr("Daily-close sheet"),
        }
        self.table.setRowCount(len(self.documents))
        for row, doc in enumerate(self.documents):
            subject = doc.subject if doc.kind == "close" else mask_name(doc.subject)
            cells = (
                names[doc.kind],
                doc.number,
                doc.issued_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                subject,
                yuan(doc.amount_fen),
                str(doc.duplicates),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (4, 5):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        if self.documents:
            self.table.selectRow(0)

    def selected(self) -> cashier_reprint.ArchivedFeeDocument | None:
        row = self.table.currentRow()
        return self.documents[row] if 0 <= row < len(self.documents) else None

    def print_selected(self) -> None:
        """Alt+P or Enter: render the selected document again as a 副本 (in the background:
        the PDF and the audit record), then print it."""
        if self.busy:
            return
        doc = self.selected()
        if doc is None:
            self._say(self.tr("Choose a document first."))
            return
        context, session = self.context, self.session
        self._set_busy(True)
        self._say(self.tr("Printing a duplicate of %1…").replace("%1", doc.number))
        op = Op(self, lambda: cashier_reprint.print_duplicate(context, session, doc))
        op.success(self._made).failure(self._failed).run()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.print_button.setEnabled(not busy)

    def _made(self, duplicate: cashier_reprint.Duplicate) -> None:
        self._set_busy(False)
        self.last = duplicate
        row = self.table.currentRow()
        if 0 <= row < len(self.documents):
            self.documents[row] = duplicate.document
            self.table.setItem(row, 5, QTableWidgetItem(str(duplicate.document.duplicates)))
        said = self.tr("Duplicate of %1 made (the print is recorded).").replace(
            "%1", duplicate.document.number
        )
        try:
            self.printer(duplicate.rendered)
        except Exception as exc:  # kept as a PDF; say what to do
            said += " " + self.tr("It could not be printed: %1").replace("%1", error_message(exc))
        self._say(said)
        self.printed.emit(duplicate)

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, cashier_reprint.DuplicateRefused):
            self._say(
                self.tr(
                    "This document's kept copy cannot be read (damaged, or from another "
                    "desk's key): no duplicate can be printed here."
                )
            )
        else:
            self._say(self.tr("No duplicate was made: %1").replace("%1", error_message(exc)))

    def _say(self, text: str) -> None:
        self.message.setText(text)


def open_duplicates(screen: Any) -> DuplicateDialog:
    """F8 at the cashier or the finance screen (``screen``: context, session, printer)."""
    dialog = DuplicateDialog(screen.context, screen.session, screen.printer, parent=screen)
    screen.duplicate_dialog = dialog
    dialog.show()
    return dialog


def keys_hint() -> str:
    """The screens' line naming the key."""
    return QCoreApplication.translate(
        "DuplicateDialog", "F8: print a duplicate (副本) of a receipt, voucher or close sheet"
    )
