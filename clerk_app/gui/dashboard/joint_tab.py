"""The Joint approval tab (issue 16): the stage dashboard of joint cases.

Two tables from ``GET /workload/joint``: per stage and department the parts in time,
overdue and open and the average working days (the stage's own line first, its
departments below it; the slowest department of a stage in bold with the words "slowest
in this stage", not marked by colour alone), and per joint case the approval time as the
reform counts it (intake to the end of the last stage, less the time waiting on the
applicant, intermediary services, technical reviews, public notice and special procedures).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem
from PySide6.QtWidgets import QGroupBox, QLabel, QSplitter, QVBoxLayout, QWidget

from clerk_app.gui.dashboard.widgets import (
    Freshness,
    PeriodTab,
    cell,
    fit_columns,
    item_table,
    model_texts,
)
from clerk_app.gui.dashboard.widgets import item as table_item

# The period shown first: the joint cases received in the last year.
DEFAULT_DAYS = 365
SLOWEST_BRUSH = QBrush(QColor("#fff4d6"))
STAGE_BRUSH = QBrush(QColor("#eef2f7"))
OVERDUE_BRUSH = QBrush(QColor("#fde2e1"))


@dataclass(frozen=True)
class StageRow:
    """One line of the stage table: a stage's own line (``department`` empty) or one of
    its departments."""

    stage: str
    department: str
    parts: int | None
    in_time: int | None
    overdue: int | None
    open: int | None
    average_days: float | None
    slowest: bool = False
    is_stage: bool = False


def stage_rows(answer: dict[str, Any]) -> list[StageRow]:
    """The stage table's lines, in the service's order (package, stage, department)."""
    rows: list[StageRow] = []
    for stage in answer.get("stages") or ():
        name = stage.get("stage_name") or stage.get("stage") or ""
        package = stage.get("package_name") or stage.get("package_code") or ""
        title = f"{package} · {name}" if package and package != name else name
        departments = list(stage.get("departments") or ())
        rows.append(
            StageRow(
                stage=title,
                department="",
                parts=sum(int(d.get("parts") or 0) for d in departments),
                in_time=sum(int(d.get("in_time") or 0) for d in departments),
                overdue=sum(int(d.get("overdue") or 0) for d in departments),
                open=sum(int(d.get("open") or 0) for d in departments),
                average_days=stage.get("average_days"),
                is_stage=True,
            )
        )
        for d in departments:
            rows.append(
                StageRow(
                    stage=title,
                    department=d.get("department_name") or d.get("department_code") or "",
                    parts=d.get("parts"),
                    in_time=d.get("in_time"),
                    overdue=d.get("overdue"),
                    open=d.get("open"),
                    average_days=d.get("average_days"),
                    slowest=bool(d.get("slowest")),
                )
            )
    return rows


def _days(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _item(text: Any, raw: Any = None) -> QStandardItem:
    """A cell: "—" for a missing value, an empty text left empty."""
    return table_item("" if text == "" else cell(text), raw)


class JointTab(PeriodTab):
    """Joint approval figures for the joint cases received from a day to a day. Its signal
    ``refreshed(bool)`` is :class:`PeriodTab`'s."""

    def __init__(self, source: Any, clock: Any, parent: QWidget | None = None) -> None:
        super().__init__(source, clock, parent)
        self.setObjectName("jointTab")
        self.answer: dict[str, Any] | None = None
        self.rows: list[StageRow] = []

        today = clock.today()
        controls = self.period_controls(
            today - timedelta(days=DEFAULT_DAYS - 1), today, prefix="joint"
        )
        self.count_label = QLabel()
        self.count_label.setObjectName("jointCount")
        self.freshness = Freshness(self)
        controls.addWidget(self.count_label, 1)
        controls.addWidget(self.refresh_button)

        self.stage_model, self.stage_table = item_table(self, "jointStageTable")
        self.project_model, self.project_table = item_table(
            self, "jointProjectTable", sortable=True
        )
        self.stage_box, self.project_box = QGroupBox(), QGroupBox()
        QVBoxLayout(self.stage_box).addWidget(self.stage_table)
        QVBoxLayout(self.project_box).addWidget(self.project_table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.stage_box)
        split.addWidget(self.project_box)
        split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.freshness)
        layout.addWidget(split, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.from_label.setText(self.tr("Received fro&m:"))
        self.to_label.setText(self.tr("t&o:"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Refresh the figures (F5)"))
        self.stage_box.setTitle(self.tr("Stages and departments"))
        self.project_box.setTitle(self.tr("Approval time per project (working days)"))
        self.project_box.setToolTip(
            self.tr(
                "From intake to the end of the last stage (today while it runs), less the "
                "days waiting on the applicant's supplements, intermediary services, "
                "technical reviews, public notice and special procedures."
            )
        )
        self.freshness.render()
        self._show()

    # -- queries ----------------------------------------------------------------------------

    def query(self, start: date, end: date) -> dict[str, Any]:
        return self.source.joint(start, end)

    def received(self, answer: dict[str, Any]) -> None:
        self.answer = answer
        self.rows = stage_rows(answer)
        self._show()

    # -- showing ----------------------------------------------------------------------------

    def _show(self) -> None:
        self._show_stages()
        self._show_projects()
        answer = self.answer or {}
        self.count_label.setText(
            self.tr("%1 joint cases received in the period").replace(
                "%1", str(answer.get("joint_cases", 0))
            )
            if self.answer is not None
            else ""
        )

    def _show_stages(self) -> None:
        model = self.stage_model
        model.clear()
        model.setHorizontalHeaderLabels(
            [
                self.tr("Stage"),
                self.tr("Department"),
                self.tr("Parts"),
                self.tr("In time"),
                self.tr("Overdue"),
                self.tr("Open"),
                self.tr("Avg. working days"),
                self.tr("Note"),
            ]
        )
        bold = QFont()
        bold.setBold(True)
        for row in self.rows:
            note = ""
            if row.slowest:
                note = self.tr("▲ slowest in this stage")
            items = [
                _item(row.stage if row.is_stage else ""),
                _item(self.tr("Whole stage") if row.is_stage else row.department),
                _item(row.parts, row.parts or 0),
                _item(row.in_time, row.in_time or 0),
                _item(row.overdue, row.overdue or 0),
                _item(row.open, row.open or 0),
                _item(_days(row.average_days), row.average_days or 0),
                _item(note),
            ]
            for item in items:
                if row.is_stage or row.slowest:
                    item.setFont(bold)
                if row.is_stage:
                    item.setBackground(STAGE_BRUSH)
                elif row.slowest:
                    item.setBackground(SLOWEST_BRUSH)
            if row.slowest:
                items[1].setToolTip(note)
            if row.overdue:
                items[4].setBackground(OVERDUE_BRUSH)
            model.appendRow(items)
        fit_columns(self.stage_table)

    def _show_projects(self) -> None:
        model = self.project_model
        model.clear()
        model.setHorizontalHeaderLabels(
            [
                self.tr("Joint case"),
                self.tr("Package / project"),
                self.tr("Project code"),
                self.tr("Received"),
                self.tr("Completed"),
                self.tr("Current stage"),
                self.tr("Working days"),
                self.tr("Excluded"),
                self.tr("Approval time"),
            ]
        )
        for p in (self.answer or {}).get("projects") or ():
            stage = p.get("current_stage_name") or p.get("current_stage")
            completed = p.get("completed_on")
            model.appendRow(
                [
                    _item(p.get("joint_no")),
                    _item(p.get("package_name") or p.get("package_code")),
                    _item(p.get("project_code")),
                    _item(p.get("received_on")),
                    _item(completed or self.tr("running")),
                    _item(stage if not p.get("complete") else self.tr("all stages done")),
                    _item(p.get("working_days"), p.get("working_days") or 0),
                    _item(p.get("excluded_days"), p.get("excluded_days") or 0),
                    _item(p.get("approval_days"), p.get("approval_days") or 0),
                ]
            )
        fit_columns(self.project_table)

    def stage_texts(self) -> list[list[str]]:
        """The stage table's texts as shown, row by row (for checks and exports)."""
        return model_texts(self.stage_model)

    def project_texts(self) -> list[list[str]]:
        return model_texts(self.project_model)
