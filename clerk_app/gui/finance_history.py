"""The finance screen's History tab (issue 17): the refund requests approved or rejected in
a period (``app.finance.decided_refunds``), not only those waiting.

Ctrl+4 goes to the first day, Tab to the last (this month by default), Alt+L lists them:
the notice, the department, the amount, approved or rejected, by whom and when, the
voucher number and the reason with the decision's note. A voucher listed here is printed
again as a duplicate (副本) with F8 (``gui.cashier_reprint``) where this desk issued it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.app import finance
from clerk_app.core.money import yuan
from clerk_app.gui.day_edit import day_edit, edit_day
from clerk_app.gui.errors import error_message


class RefundHistoryTab(QWidget):
    """Decided refund requests of a period, read from the service on Alt+L."""

    def __init__(self, context: Any, session: Any, today: date, say: Any) -> None:
        super().__init__()
        self.context = context
        self.session = session
        self.say = say
        self.refunds: list[finance.Refund] = []
        self.first = day_edit(today.replace(day=1), self.tr("From"))
        self.last = day_edit(today, self.tr("To"))
        row = QHBoxLayout()
        for text, widget in ((self.tr("From"), self.first), (self.tr("To"), self.last)):
            row.addWidget(QLabel(text))
            row.addWidget(widget)
        self.list_button = QPushButton(self.tr("List decided refunds (Alt+L)"))
        self.list_button.clicked.connect(self.load)
        row.addWidget(self.list_button)
        row.addStretch(1)
        self.table = QTableWidget(0, 8)
        self.table.setAccessibleName(self.tr("Decided refunds"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Notice"),
                self.tr("Department"),
                self.tr("Amount (yuan)"),
                self.tr("Decision"),
                self.tr("Decided by"),
                self.tr("Decided at"),
                self.tr("Voucher"),
                self.tr("Reason / note"),
            ]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(
            QLabel(self.tr("Alt+L: list the refunds decided in these days   F8: print a duplicate"))
        )

    def load(self) -> None:
        """The refunds approved or rejected from the first day to the last."""
        first, last = edit_day(self.first), edit_day(self.last)
        if last < first:
            self.say(self.tr("The period ends before it starts."))
            return
        try:
            self.refunds = finance.decided_refunds(self.context, self.session, first, last)
        except finance.FinanceRefused as refused:
            self.say(
                self.tr("A period is at most 400 days.")
                if refused.code == "invalid"
                else self.tr("The records service refused to list the refunds.")
            )
            return
        except Exception as exc:  # worded for the person, never a trace
            self.say(error_message(exc))
            return
        words = {"approved": self.tr("Approved"), "rejected": self.tr("Rejected")}
        self.table.setRowCount(len(self.refunds))
        for r, refund in enumerate(self.refunds):
            decided = refund.decided_at or refund.requested_at
            reason = refund.reason + (f"（{refund.note}）" if refund.note else "")
            cells = (
                refund.notice_no,
                refund.department_code,
                yuan(refund.amount_fen),
                words.get(refund.status, refund.status),
                refund.decided_by,
                decided.astimezone().strftime("%Y-%m-%d %H:%M"),
                refund.voucher_no,
                reason,
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        if self.refunds:
            self.table.selectRow(0)
            self.say(
                self.tr("%1 refund(s) decided from %2 to %3.")
                .replace("%1", str(len(self.refunds)))
                .replace("%2", first.isoformat())
                .replace("%3", last.isoformat())
            )
        else:
            self.say(self.tr("No refund was decided in these days."))
