"""The Workload tab: period and grouping, the sortable table, three charts."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clerk_app.gui.dashboard import charts
from clerk_app.gui.dashboard.models import (
    Period,
    Snapshot,
    TotalLastProxy,
    WorkloadModel,
    period_range,
    snapshot,
)
from clerk_app.gui.dashboard.widgets import Freshness, fit_columns, table_view
from clerk_app.gui.ops import Op

PERIODS = (Period.TODAY, Period.WEEK, Period.MONTH, Period.RANGE)


class WorkloadTab(QWidget):
    """Figures per window or department for today / this week / this month / a range.

    Signals:
        refreshed(bool): a query finished (True: new figures shown; False: failed, the
            last figures stay, marked stale).
        window_chosen(str): the lead opened a window's row (Enter or double-click).
    """

    refreshed = Signal(bool)
    window_chosen = Signal(str)

    def __init__(self, source: Any, clock: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workloadTab")
        self.source = source
        self.clock = clock
        self.figures: dict[str, Any] | None = None
        self.shown_period: tuple[date, date] | None = None
        self.last_error: BaseException | None = None
        self._op: Op | None = None
        self._generation = 0
        # A query is running (the lead can keep reading the last figures meanwhile).
        self.busy = False

        self.period_label = QLabel()
        self.period_box = QComboBox()
        self.period_box.setObjectName("periodBox")
        self.period_label.setBuddy(self.period_box)
        for period in PERIODS:
            self.period_box.addItem("", period)
        today = QDate(clock.today())
        self.from_edit, self.to_edit = QDateEdit(today), QDateEdit(today)
        for edit, name in ((self.from_edit, "fromDate"), (self.to_edit, "toDate")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.from_label, self.to_label = QLabel(), QLabel()
        self.from_label.setBuddy(self.from_edit)
        self.to_label.setBuddy(self.to_edit)
        self.group_label = QLabel()
        self.group_box = QComboBox()
        self.group_box.setObjectName("groupBox")
        self.group_label.setBuddy(self.group_box)
        self.group_box.addItem("", "window")
        self.group_box.addItem("", "department")
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("refreshButton")
        self.refresh_button.clicked.connect(self.refresh)
        self.freshness = Freshness(self)

        controls = QHBoxLayout()
        for widget in (
            self.period_label,
            self.period_box,
            self.from_label,
            self.from_edit,
            self.to_label,
            self.to_edit,
            self.group_label,
            self.group_box,
        ):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.refresh_button)

        self.model = WorkloadModel(self)
        self.proxy = TotalLastProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = table_view(self)
        self.table.setObjectName("workloadTable")
        self.table.setAccessibleName(self.tr("Workload"))
        self.table.setModel(self.proxy)
        self.table.activated.connect(self._activated)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

        self.volume_view = charts.chart_view(self)
        self.status_view = charts.chart_view(self)
        self.trend_view = charts.chart_view(self)
        chart_row = QSplitter(Qt.Orientation.Horizontal)
        for view in (self.volume_view, self.status_view, self.trend_view):
            chart_row.addWidget(view)
        chart_row.setSizes([450, 300, 450])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(chart_row)
        split.setSizes([340, 300])
        split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.freshness)
        layout.addWidget(split, 1)

        self.period_box.currentIndexChanged.connect(self._period_changed)
        self.group_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.from_edit.dateChanged.connect(lambda _d: self._range_changed())
        self.to_edit.dateChanged.connect(lambda _d: self._range_changed())
        self.retranslate()
        self._period_changed()

    def retranslate(self) -> None:
        texts = {
            Period.TODAY: self.tr("Today"),
            Period.WEEK: self.tr("This week"),
            Period.MONTH: self.tr("This month"),
            Period.RANGE: self.tr("Date range"),
        }
        for i, period in enumerate(PERIODS):
            self.period_box.setItemText(i, texts[period])
        self.period_label.setText(self.tr("P&eriod:"))
        self.from_label.setText(self.tr("Fro&m:"))
        self.to_label.setText(self.tr("&To:"))
        self.group_label.setText(self.tr("&Group by:"))
        self.group_box.setItemText(0, self.tr("Window"))
        self.group_box.setItemText(1, self.tr("Department"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Refresh the figures (F5)"))
        self.table.setToolTip(self.tr("Enter or double-click a window to see its cases"))
        self.freshness.render()
        if self.figures is not None:
            self._show(self.figures, keep_time=True)

    # -- period -----------------------------------------------------------------------------

    @property
    def period_kind(self) -> Period:
        return self.period_box.currentData()

    def set_period(
        self, period: Period, start: date | None = None, end: date | None = None
    ) -> None:
        """Choose a period (the range's days too) and refresh."""
        if start is not None:
            self.from_edit.blockSignals(True)
            self.from_edit.setDate(QDate(start))
            self.from_edit.blockSignals(False)
        if end is not None:
            self.to_edit.blockSignals(True)
            self.to_edit.setDate(QDate(end))
            self.to_edit.blockSignals(False)
        index = PERIODS.index(period)
        if self.period_box.currentIndex() == index:
            self._period_changed()
        else:
            self.period_box.setCurrentIndex(index)

    def set_group(self, group: str) -> None:
        self.group_box.setCurrentIndex(0 if group == "window" else 1)

    def period(self) -> tuple[date, date]:
        return period_range(
            self.period_kind,
            self.clock.today(),
            self.from_edit.date().toPython(),
            self.to_edit.date().toPython(),
        )

    def _period_changed(self) -> None:
        custom = self.period_kind is Period.RANGE
        for widget in (self.from_edit, self.to_edit, self.from_label, self.to_label):
            widget.setEnabled(custom)
        if not custom:
            start, end = self.period()
            for edit, day in ((self.from_edit, start), (self.to_edit, end)):
                edit.blockSignals(True)
                edit.setDate(QDate(day))
                edit.blockSignals(False)
        self.refresh()

    def _range_changed(self) -> None:
        if self.period_kind is Period.RANGE:
            self.refresh()

    # -- queries ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask the service for the figures in the background; the table stays usable."""
        start, end = self.period()
        group = self.group_box.currentData()
        self._generation += 1
        generation = self._generation
        self.busy = True
        self._op = (
            Op(self, lambda: self.source.workload(start, end, group))
            .success(lambda answer: self._done(generation, answer, (start, end)))
            .failure(lambda exc: self._failed(generation, exc))
            .run()
        )

    def _done(self, generation: int, answer: dict[str, Any], shown: tuple[date, date]) -> None:
        if generation != self._generation:
            return  # a later query (other period or grouping) is on its way
        self.busy = False
        self.last_error = None
        self.shown_period = shown
        self._show(answer)
        self.refreshed.emit(True)

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self.busy = False
        self.last_error = exc
        self.freshness.failed(exc)
        self.refreshed.emit(False)

    def _show(self, answer: dict[str, Any], keep_time: bool = False) -> None:
        self.figures = answer
        header = self.table.horizontalHeader()
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        self.model.set_figures(answer)
        if 0 <= column < self.model.columnCount():
            self.proxy.sort(column, order)
        fit_columns(self.table)
        items = list(answer.get("items") or [])
        charts.show(self.volume_view, charts.volume_chart(items))
        charts.show(self.status_view, charts.status_chart(answer.get("total") or {}))
        charts.show(self.trend_view, charts.trend_chart(list(answer.get("trend") or [])))
        if not keep_time:
            self.freshness.fresh_as_of(answer, self.clock.now())

    # -- the table --------------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        if self.model.group != "window":
            return
        code = self.model.group_code(self.proxy.mapToSource(index).row())
        if code:
            self.window_chosen.emit(code)

    def current_window(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid() or self.model.group != "window":
            return None
        return self.model.group_code(self.proxy.mapToSource(index).row())

    def snapshot(self) -> Snapshot:
        """The table as shown (sorted as on screen), for the exports."""
        return snapshot(self.proxy, self.model.columns)

    def title(self) -> str:
        start, end = self.shown_period or self.period()
        text = self.tr("Workload %1 to %2").replace("%1", start.isoformat())
        text = text.replace("%2", end.isoformat())
        if self.freshness.as_of is not None:
            text += " · " + self.freshness.text()
        return text
