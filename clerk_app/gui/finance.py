"""The finance screen of the settlement center (issue 17), for a user with the ``finance``
role, keyboard first. Four tabs (Ctrl+1/2/3/4), and F8 prints a duplicate (副本) of a
receipt, refund voucher or daily-close sheet kept at this desk (``gui.cashier_reprint``):

* Refunds — the refund requests waiting (F5 reloads); the selected one is approved with
  Alt+A (its refund voucher 退付凭证 is printed) or rejected with Alt+R, the note typed.
* Report — payments of a period by department, item or method (Alt+S shows it), exported
  to CSV (Ctrl+E) or XLSX (Ctrl+Shift+E), to the fen.
* Reconciliation — choose the bank's or POS's CSV (Alt+O; columns ``reference``,
  ``amount`` in yuan, ``date``): the card and QR payments of the period are matched by
  reference and amount, the unmatched lines of both sides listed.
* History — the refund requests approved or rejected in a period (Alt+L lists them;
  ``gui.finance_history``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_app.app import cashier, finance
from clerk_app.core.money import yuan
from clerk_app.documents import RenderedDocument
from clerk_app.gui import cashier_reprint
from clerk_app.gui.day_edit import day_edit, edit_day
from clerk_app.gui.errors import error_message
from clerk_app.gui.finance_history import RefundHistoryTab

Printer = Callable[[RenderedDocument], Any]


def _print_on_chosen(context: Any) -> Printer:
    def run(document: RenderedDocument) -> Any:
        from clerk_app.gui.printing import PrinterChoices, print_document

        return print_document(document, PrinterChoices(context).printer_for(document.kind))

    return run


def _fill(table: QTableWidget, rows: list[list[str]], right: set[int]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def _period_row(parent: QWidget, first: date, last: date) -> tuple[QDateEdit, QDateEdit]:
    return (
        day_edit(first, QCoreApplication.translate("FinanceScreen", "From"), parent),
        day_edit(last, QCoreApplication.translate("FinanceScreen", "To"), parent),
    )


class FinanceScreen(QWidget):
    """Refund decisions, the period report and the bank reconciliation."""

    def __init__(
        self,
        context: Any,
        session: Any,
        *,
        printer: Printer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.session = session
        self.printer = printer or _print_on_chosen(context)
        self.refunds: list[finance.Refund] = []
        self.report: finance.Report | None = None
        self.reconciled: finance.Reconciliation | None = None
        self.voucher: Any = None
        self.setWindowTitle(
            self.tr("Settlement center finance — %1").replace(
                "%1", session.display_name or session.username
            )
        )
        today = cashier.today(context)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Finance"))
        self.tabs.addTab(self._refund_tab(), self.tr("Refunds"))
        self.tabs.addTab(self._report_tab(today), self.tr("Report"))
        self.tabs.addTab(self._reconcile_tab(today), self.tr("Reconciliation"))
        self.message = QLabel()
        self.history = RefundHistoryTab(context, session, today, self._say)
        self.tabs.addTab(self.history, self.tr("History"))
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        for key, slot in (
            ("Ctrl+1", lambda: self.show_tab(0)),
            ("Ctrl+2", lambda: self.show_tab(1)),
            ("Ctrl+3", lambda: self.show_tab(2)),
            ("Ctrl+4", lambda: self.show_tab(3)),
            ("F8", lambda: cashier_reprint.open_duplicates(self)),
            ("F5", self.load_refunds),
            ("Alt+A", lambda: self.decide(approve=True)),
            ("Alt+R", lambda: self.decide(approve=False)),
            ("Alt+S", self.show_report),
            ("Ctrl+E", self.ask_csv),
            ("Ctrl+Shift+E", self.ask_xlsx),
            ("Alt+O", self.ask_bank_file),
            ("Alt+L", self.list_history),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self.load_refunds()

    # -- tabs ----------------------------------------------------------------------------------

    def _refund_tab(self) -> QWidget:
        tab = QWidget()
        self.refund_table = QTableWidget(0, 6)
        self.refund_table.setAccessibleName(self.tr("Refunds"))
        self.refund_table.setHorizontalHeaderLabels(
            [
                self.tr("Notice"),
                self.tr("Department"),
                self.tr("Amount (yuan)"),
                self.tr("Reason"),
                self.tr("Requested by"),
                self.tr("Requested at"),
            ]
        )
        self.refund_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.refund_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note on the decision"))
        form = QFormLayout()
        form.addRow(self.tr("Note"), self.note)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.refund_table)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(self.tr("Alt+A: approve and print the voucher   Alt+R: reject   F5: reload"))
        )
        return tab

    def _report_tab(self, today: date) -> QWidget:
        tab = QWidget()
        self.report_from, self.report_to = _period_row(tab, today.replace(day=1), today)
        self.group = QComboBox()
        for key, text in (
            ("department", self.tr("By department")),
            ("item", self.tr("By item")),
            ("method", self.tr("By payment method")),
        ):
            self.group.addItem(text, key)
        self.report_table = QTableWidget(0, 5)
        self.report_table.setAccessibleName(self.tr("Report"))
        self.report_table.setHorizontalHeaderLabels(self.report_headers())
        self.report_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        row = QHBoxLayout()
        for label, widget in (
            (self.tr("From"), self.report_from),
            (self.tr("To"), self.report_to),
            (self.tr("Group"), self.group),
        ):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.report_table)
        layout.addWidget(
            QLabel(
                self.tr("Alt+S: show the report   Ctrl+E: export CSV   Ctrl+Shift+E: export XLSX")
            )
        )
        return tab

    def _reconcile_tab(self, today: date) -> QWidget:
        tab = QWidget()
        self.bank_from, self.bank_to = _period_row(tab, today.replace(day=1), today)
        self.matched = QLabel()
        self.bank_table = QTableWidget(0, 4)
        self.bank_table.setAccessibleName(self.tr("Bank statement"))
        self.bank_table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Reference"), self.tr("Amount (yuan)"), self.tr("Date")]
        )
        self.payment_table = QTableWidget(0, 5)
        self.payment_table.setAccessibleName(self.tr("Payments"))
        self.payment_table.setHorizontalHeaderLabels(
            [
                self.tr("Notice"),
                self.tr("Reference"),
                self.tr("Amount (yuan)"),
                self.tr("Method"),
                self.tr("Date"),
            ]
        )
        for table in (self.bank_table, self.payment_table):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        row = QHBoxLayout()
        for label, widget in ((self.tr("From"), self.bank_from), (self.tr("To"), self.bank_to)):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.matched)
        layout.addWidget(QLabel(self.tr("In the bank's file, not among the payments:")))
        layout.addWidget(self.bank_table)
        layout.addWidget(QLabel(self.tr("Card and QR payments not in the bank's file:")))
        layout.addWidget(self.payment_table)
        layout.addWidget(
            QLabel(self.tr("Alt+O: choose the bank's CSV (columns reference, amount, date)"))
        )
        return tab

    def list_history(self) -> None:
        """Alt+L on the History tab: the refunds decided in its days."""
        if self.tabs.currentWidget() is self.history:
            self.history.load()

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        focus = (self.refund_table, self.report_from, self.bank_from, self.history.first)[index]
        focus.setFocus()

    def _say(self, text: str) -> None:
        self.message.setText(text)

    # -- refunds -------------------------------------------------------------------------------

    def load_refunds(self) -> None:
        """The refund requests waiting for a decision (F5)."""
        try:
            self.refunds = finance.waiting_refunds(self.context, self.session)
        except Exception as exc:  # worded for the person, never a trace
            self._say(error_message(exc))
            return
        _fill(
            self.refund_table,
            [
                [
                    r.notice_no,
                    r.department_code,
                    yuan(r.amount_fen),
                    r.reason,
                    r.requested_by,
                    r.requested_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                ]
                for r in self.refunds
            ],
            {2},
        )
        if self.refunds:
            self.refund_table.selectRow(0)
        else:
            self._say(self.tr("No refund request is waiting."))

    def decide(self, *, approve: bool) -> None:
        """Alt+A approves the selected request and prints its voucher; Alt+R rejects it."""
        if self.tabs.currentIndex() != 0:
            return
        row = self.refund_table.currentRow()
        if not 0 <= row < len(self.refunds):
            self._say(self.tr("Choose a refund request first."))
            return
        chosen = self.refunds[row]
        try:
            refund = finance.decide_refund(
                self.context, self.session, chosen, approve=approve, note=self.note.text()
            )
        except finance.FinanceRefused as refused:
            self._say(
                self.tr("This request is decided already.")
                if refused.code == "decided"
                else self.tr("The records service refused the decision.")
            )
            self.load_refunds()
            return
        except Exception as exc:
            self._say(error_message(exc))
            return
        self.note.clear()
        if not approve:
            said = self.tr("Refund of %1 rejected.").replace("%1", refund.notice_no)
        else:
            said = (
                self.tr("Refund of ¥%1 for %2 approved; voucher %3.")
                .replace("%1", yuan(refund.amount_fen))
                .replace("%2", refund.notice_no)
                .replace("%3", refund.voucher_no)
            )
            try:
                self.voucher = finance.refund_voucher(self.context, self.session, refund)
                self.printer(self.voucher.rendered)
            except Exception as exc:  # the approval stands; say what to do
                said += " " + self.tr("The voucher could not be printed: %1").replace(
                    "%1", error_message(exc)
                )
        self.load_refunds()
        self._say(said)

    # -- the period report ----------------------------------------------------------------------

    def report_headers(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Payments"),
            self.tr("Amount (yuan)"),
            self.tr("Refunded (yuan)"),
        ]

    def show_report(self) -> None:
        """Alt+S: the report of the period, grouped as chosen."""
        if self.tabs.currentIndex() != 1:
            self.show_tab(1)
        group = str(self.group.currentData())
        kind: finance.Group = (
            "item" if group == "item" else "method" if group == "method" else "department"
        )
        try:
            report = finance.period_report(
                self.context,
                self.session,
                edit_day(self.report_from),
                edit_day(self.report_to),
                kind,
            )
        except finance.FinanceRefused:
            self._say(self.tr("Choose a period of at most 400 days, its start before its end."))
            return
        except Exception as exc:
            self._say(error_message(exc))
            return
        self.report = report
        table = self.report_rows()
        _fill(self.report_table, [[str(c) for c in row] for row in table[1:]], {2, 3, 4})
        self._say(
            self.tr("%1 payment(s), ¥%2, refunded ¥%3.")
            .replace("%1", str(report.count))
            .replace("%2", yuan(report.amount_fen))
            .replace("%3", yuan(report.refunded_fen))
        )

    def method_names(self) -> dict[str, str]:
        return {"cash": self.tr("Cash"), "card": self.tr("Bank card"), "qr": self.tr("QR code")}

    def report_rows(self) -> list[list[Any]]:
        """The report as exported: the header, the rows (method names in words), total."""
        assert self.report is not None
        names = self.method_names()
        table = finance.report_table(self.report, tuple(self.report_headers()), self.tr("Total"))
        if self.report.group == "method":
            for row in table[1:-1]:
                row[1] = names.get(str(row[0]), row[1])
        return table

    def _title(self) -> str:
        assert self.report is not None
        return (
            self.tr("Fees collected %1 to %2")
            .replace("%1", self.report.first.isoformat())
            .replace("%2", self.report.last.isoformat())
        )

    def export_csv(self, path: Path) -> Path | None:
        if self.report is None:
            self._say(self.tr("Show a report first (Alt+S)."))
            return None
        return self._export(lambda: finance.write_report_csv(path, self.report_rows()))

    def export_xlsx(self, path: Path) -> Path | None:
        if self.report is None:
            self._say(self.tr("Show a report first (Alt+S)."))
            return None
        return self._export(
            lambda: finance.write_report_xlsx(path, self.report_rows(), self._title())
        )

    def _export(self, write: Callable[[], Path]) -> Path | None:
        try:
            written = write()
        except OSError as exc:
            self._say(self.tr("The file could not be written: %1").replace("%1", str(exc)))
            return None
        self._say(self.tr("Exported to %1").replace("%1", str(written)))
        return written

    def _ask(self, suffix: str, kind: str) -> Path | None:
        if self.report is None:
            self._say(self.tr("Show a report first (Alt+S)."))
            return None
        name = f"fees-{self.report.first.isoformat()}-{self.report.last.isoformat()}.{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export the report"), name, kind)
        return Path(chosen) if chosen else None

    def ask_csv(self) -> None:
        path = self._ask("csv", "CSV (*.csv)")
        if path is not None:
            self.export_csv(path)

    def ask_xlsx(self) -> None:
        path = self._ask("xlsx", "Excel (*.xlsx)")
        if path is not None:
            self.export_xlsx(path)

    # -- the bank reconciliation ---------------------------------------------------------------

    def ask_bank_file(self) -> None:
        """Alt+O: choose the bank's or POS's CSV and reconcile it."""
        self.show_tab(2)
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("The bank's or POS's transactions"), "", "CSV (*.csv *.txt)"
        )
        if chosen:
            self.reconcile(Path(chosen))

    def reconcile(self, bank_file: Path) -> None:
        """Match ``bank_file`` with the card and QR payments of the period; list the rest."""
        try:
            result = finance.reconcile(
                self.context,
                self.session,
                edit_day(self.bank_from),
                edit_day(self.bank_to),
                bank_file,
            )
        except finance.FinanceRefused:
            self._say(
                self.tr(
                    "The bank's file was not read: it needs the columns reference, amount "
                    "(yuan) and date, and a period of at most 400 days."
                )
            )
            return
        except OSError as exc:
            self._say(self.tr("The file could not be read: %1").replace("%1", str(exc)))
            return
        except Exception as exc:
            self._say(error_message(exc))
            return
        self.reconciled = result
        self.matched.setText(
            self.tr("%1 matched; %2 line(s) of the bank and %3 payment(s) unmatched.")
            .replace("%1", str(result.matched))
            .replace("%2", str(len(result.unmatched_bank)))
            .replace("%3", str(len(result.unmatched_payments)))
        )
        _fill(
            self.bank_table,
            [[str(b.line), b.reference, yuan(b.amount_fen), b.day] for b in result.unmatched_bank],
            {0, 2},
        )
        _fill(
            self.payment_table,
            [
                [
                    p.notice_no,
                    p.reference,
                    yuan(p.amount_fen),
                    self.method_names().get(p.method, p.method),
                    p.day,
                ]
                for p in result.unmatched_payments
            ],
            {2},
        )
        self._say("")


def is_finance(session: Any) -> bool:
    """The signed-in user works in the settlement center's finance."""
    return "finance" in tuple(getattr(session, "roles", ()) or ())


def open_finance_screen(context: Any, session: Any, *, show: bool = True) -> FinanceScreen:
    """The finance screen of ``session`` (shown unless ``show`` is False)."""
    screen = FinanceScreen(context, session)
    if show:
        screen.resize(1100, 720)
        screen.show()
    return screen
