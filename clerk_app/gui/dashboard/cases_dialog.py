"""The cases of one window for the chosen period (opened from the workload table).

The layout is the Designer form ``ui/cases_dialog.ui``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QWidget

from clerk_app.gui.dashboard.widgets import cell, fit_columns, setup_table_view
from clerk_app.gui.forms.ui_cases_dialog import Ui_CasesDialog

OVERDUE = QBrush(QColor("#fde2e1"))
DUE_SOON = QBrush(QColor("#fff4d6"))


class CasesDialog(QDialog):
    """A window's cases: number, item, applicant (masked), status, dates, clerk.

    Overdue rows are red, due-soon rows amber. Esc closes it.
    """

    def __init__(
        self,
        window: str,
        start: date,
        end: date,
        answer: dict[str, Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("casesDialog")
        self.window_code = window
        self.setWindowTitle(self.tr("Cases of window %1").replace("%1", window))
        items = list(answer.get("items") or [])
        count = int(answer.get("count") or len(items))
        summary = self.tr("%1 cases received from %2 to %3").replace("%1", str(count))
        summary = summary.replace("%2", start.isoformat()).replace("%3", end.isoformat())
        if count > len(items):
            summary += " " + self.tr("(the newest %1 shown)").replace("%1", str(len(items)))
        # The layout is ui/cases_dialog.ui; the code fills in the summary and the cases.
        self.ui = u = Ui_CasesDialog()
        u.setupUi(self)
        self.summary = u.summaryLabel
        self.summary.setText(summary)
        self.model = QStandardItemModel(0, 9, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Case number"),
                self.tr("Item"),
                self.tr("Applicant"),
                self.tr("Status"),
                self.tr("Hall word"),
                self.tr("Received"),
                self.tr("Due"),
                self.tr("Completed"),
                self.tr("Clerk"),
            ]
        )
        for case in items:
            row = [
                QStandardItem(cell(case.get("case_no"))),
                QStandardItem(cell(case.get("item_name") or case.get("item_code"))),
                QStandardItem(cell(case.get("applicant"))),
                QStandardItem(cell(case.get("status"))),
                QStandardItem(cell(case.get("hall_group"))),
                QStandardItem(cell(str(case.get("received_at") or "")[:16].replace("T", " "))),
                QStandardItem(cell(case.get("due_date"))),
                QStandardItem(cell(str(case.get("completed_at") or "")[:16].replace("T", " "))),
                QStandardItem(cell(case.get("clerk"))),
            ]
            brush = OVERDUE if case.get("overdue") else DUE_SOON if case.get("due_soon") else None
            for item in row:
                item.setEditable(False)
                if brush is not None:
                    item.setBackground(brush)
            self.model.appendRow(row)
        self.table = setup_table_view(u.casesTable)
        self.table.setModel(self.model)
        self.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
        fit_columns(self.table)
        u.buttonBox.rejected.connect(self.reject)
        self.table.setFocus()

    def case_numbers(self) -> list[str]:
        return [self.model.item(r, 0).text() for r in range(self.model.rowCount())]
