"""The lookup dialog's answer for a joint number (联合审批 / 一件事, issue 16).

The applicant's public view of a joint case (:class:`~clerk_app.core.records.JointProgress`):
its package and current stage, every stage with its state and due date, and every part
with its item, department, hall word and due date — two read-only tables a keyboard user
reaches with Tab and reads with the arrow keys. No part's number: the applicant has the
joint one.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.core.records import JointProgress


def _day(value: date | None) -> str:
    return value.isoformat() if value else "—"


def _table(parent: QWidget, name: str) -> QTableWidget:
    table = QTableWidget(0, 0, parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)  # Tab leaves the table, the arrows move in it
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class JointProgressView(QWidget):
    """Package, current stage, stages and parts of one joint case (hidden until shown)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lookupJoint")
        self.progress: JointProgress | None = None
        self.package_caption = QLabel(self)
        self.package_value = QLabel(self)
        self.package_value.setObjectName("lookup:package")
        self.stage_caption = QLabel(self)
        self.stage_value = QLabel(self)
        self.stage_value.setObjectName("lookup:stage")
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.package_caption, self.package_value)
        form.addRow(self.stage_caption, self.stage_value)
        self.stages_label = QLabel(self)
        self.stages = _table(self, "lookupStages")
        self.stages_label.setBuddy(self.stages)
        self.parts_label = QLabel(self)
        self.parts = _table(self, "lookupParts")
        self.parts_label.setBuddy(self.parts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.stages_label)
        layout.addWidget(self.stages, 1)
        layout.addWidget(self.parts_label)
        layout.addWidget(self.parts, 2)
        self.retranslate()
        self.show_progress(None)

    def retranslate(self) -> None:
        """Set the texts (and the shown joint case's words) in the installed language."""
        self.package_caption.setText(self.tr("Package:"))
        self.stage_caption.setText(self.tr("Current stage:"))
        self.stages_label.setText(self.tr("S&tages:"))
        self.parts_label.setText(self.tr("&Parts (item, department, progress):"))
        self.stages.setAccessibleName(self.tr("Stages"))
        self.parts.setAccessibleName(self.tr("Parts"))
        self.stages.setColumnCount(3)
        self.stages.setHorizontalHeaderLabels(
            [self.tr("Stage"), self.tr("State"), self.tr("Due date")]
        )
        self.parts.setColumnCount(5)
        self.parts.setHorizontalHeaderLabels(
            [
                self.tr("Item"),
                self.tr("Department"),
                self.tr("Stage"),
                self.tr("Progress"),
                self.tr("Due date"),
            ]
        )
        self.show_progress(self.progress)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # the language switches live (docs/INTERFACES.md)
        super().changeEvent(event)

    # -- words ----------------------------------------------------------------------------

    def status_word(self, status: str) -> str:
        """The joint case's status (``in_progress`` / ``completed``)."""
        words = {"in_progress": self.tr("Being handled"), "completed": self.tr("Completed")}
        return words.get(status, self.tr("Being handled"))

    def state_word(self, state: str) -> str:
        """A stage's state (``waiting`` / ``open`` / ``complete``)."""
        words = {
            "waiting": self.tr("Not open yet"),
            "open": self.tr("Under review"),
            "complete": self.tr("Complete"),
        }
        return words.get(state, self.tr("Not open yet"))

    def hall_word(self, word: str) -> str:
        """A part's hall word (受理/在办/待办/办结 in Chinese); "—" when the center gave none."""
        words = {
            "受理": self.tr("Accepted"),
            "在办": self.tr("In progress"),
            "待办": self.tr("Waiting for the applicant"),
            "办结": self.tr("Completed"),
        }
        return words.get(word, "—")

    # -- showing ----------------------------------------------------------------------------

    def show_progress(self, progress: JointProgress | None) -> None:
        """Show ``progress`` (None: hide the view)."""
        self.progress = progress
        self.setVisible(progress is not None)
        if progress is None:
            self.stages.setRowCount(0)
            self.parts.setRowCount(0)
            return
        self.package_value.setText(
            " ".join(x for x in (progress.package_code, progress.package_name) if x)
        )
        names = {s.code: s.name or s.code for s in progress.stages}
        if progress.current_stage:
            stage = progress.current_stage_name or names.get(progress.current_stage, "")
            self.stage_value.setText(stage or progress.current_stage)
        else:
            self.stage_value.setText(self.tr("All stages complete"))
        self.stages.setRowCount(len(progress.stages))
        for row, one in enumerate(progress.stages):
            line = (one.name or one.code, self.state_word(one.state), _day(one.due_date))
            for col, text in enumerate(line):
                self.stages.setItem(row, col, QTableWidgetItem(text))
        self.parts.setRowCount(len(progress.parts))
        for row, part in enumerate(progress.parts):
            department = part.department_name or part.department_code or "—"
            cells = (
                " ".join(x for x in (part.item_code, part.item_name) if x),
                department,
                names.get(part.stage, part.stage),
                self.hall_word(part.hall_group),
                _day(part.due_date),
            )
            for col, text in enumerate(cells):
                self.parts.setItem(row, col, QTableWidgetItem(text))
        if progress.stages:
            self.stages.setCurrentCell(0, 0)
        if progress.parts:
            self.parts.setCurrentCell(0, 0)
