"""The Queue tab (issue 18): the hall's queue as the lead reads it.

From ``GET /workload/queue`` (``DashboardSource.queue``): per category and per window the
tickets, calls, served, abandoned (过号) and transferred, and the waiting and service time
(average and 90th percentile, in minutes); first calls per hour; the hall's load as a heat
map of tickets issued per weekday and hour (a table whose cells are shaded by load and carry
their number, so nothing is said by colour alone); the windows paused and why. Every table
takes the keyboard focus (Tab) and has a name a screen reader says; Ctrl+E / Ctrl+Shift+E
export every section as shown (:meth:`QueueTab.sections`).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItemModel
from PySide6.QtWidgets import QGroupBox, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from clerk_app.app.queue_dashboard import GroupFigures, QueueFigures
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.spreadsheet import safe_row
from clerk_app.gui.dashboard.export import fill_sheet
from clerk_app.gui.dashboard.widgets import (
    Freshness,
    PeriodTab,
    fit_columns,
    item_table,
    model_headers,
    model_texts,
)
from clerk_app.gui.dashboard.widgets import item as _item

TOTAL_BRUSH = QBrush(QColor("#eef2f7"))
# The heat map's shading: white for no tickets up to this blue for the busiest cell (the
# cells' black text keeps a contrast above 7:1 on every shade).
HEAT_MAX = QColor("#8fbce6")
# XLSX number formats: minutes with one decimal, counts whole.
MINUTES_FORMAT, COUNT_FORMAT = "0.0", "0"


def minutes(seconds: float | None) -> float | None:
    """Seconds as minutes rounded to one decimal (None stays None)."""
    return None if seconds is None else round(seconds / 60, 1)


def minutes_text(seconds: float | None) -> str:
    value = minutes(seconds)
    return "—" if value is None else f"{value:.1f}"


def heat_colour(tickets: int, peak: int) -> QColor:
    """The shade of a heat map cell: white (none) to :data:`HEAT_MAX` (the peak)."""
    if tickets <= 0 or peak <= 0:
        return QColor("#ffffff")
    share = min(tickets / peak, 1.0)
    return QColor(
        round(255 + (HEAT_MAX.red() - 255) * share),
        round(255 + (HEAT_MAX.green() - 255) * share),
        round(255 + (HEAT_MAX.blue() - 255) * share),
    )


@dataclass(frozen=True)
class Section:
    """One table as shown: its title, headers, cell texts and numbers (None: text)."""

    title: str
    headers: list[str]
    text: list[list[str]]
    values: list[list[Any]]
    formats: list[str]


class QueueTab(PeriodTab):
    """The hall queue's figures for the tickets of a day to a day (default today). Its signal
    ``refreshed(bool)`` is :class:`PeriodTab`'s."""

    def __init__(self, source: Any, clock: Any, parent: QWidget | None = None) -> None:
        super().__init__(source, clock, parent)
        self.setObjectName("queueTab")
        self.figures: QueueFigures | None = None

        today = clock.today()
        controls = self.period_controls(today, today, prefix="queue")
        self.summary = QLabel()
        self.summary.setObjectName("queueSummary")
        self.summary.setAccessibleName(self.tr("Queue summary"))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.freshness = Freshness(self)
        controls.addStretch(1)
        controls.addWidget(self.refresh_button)

        self.times_model, self.times_table = self._table("queueTimesTable")
        self.calls_model, self.calls_table = self._table("queueCallsTable")
        self.heat_model, self.heat_table = self._table("queueHeatTable")
        self.pauses_model, self.pauses_table = self._table("queuePausesTable")
        self.times_box, self.calls_box = QGroupBox(), QGroupBox()
        self.heat_box, self.pauses_box = QGroupBox(), QGroupBox()
        for box, table in (
            (self.times_box, self.times_table),
            (self.calls_box, self.calls_table),
            (self.heat_box, self.heat_table),
            (self.pauses_box, self.pauses_table),
        ):
            QVBoxLayout(box).addWidget(table)
        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.addWidget(self.calls_box)
        middle.addWidget(self.heat_box)
        middle.setStretchFactor(1, 3)
        split = QSplitter(Qt.Orientation.Vertical)
        for part in (self.times_box, middle, self.pauses_box):
            split.addWidget(part)
        split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.freshness)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self.retranslate()

    def _table(self, name: str) -> tuple[QStandardItemModel, QTableView]:
        return item_table(self, name)

    def retranslate(self) -> None:
        self.from_label.setText(self.tr("Tickets fro&m:"))
        self.to_label.setText(self.tr("t&o:"))
        self.from_edit.setAccessibleName(self.tr("Tickets from"))
        self.to_edit.setAccessibleName(self.tr("Tickets to"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Refresh the figures (F5)"))
        self.times_box.setTitle(self.tr("Waiting and service time (minutes)"))
        self.calls_box.setTitle(self.tr("Calls per hour"))
        self.heat_box.setTitle(self.tr("Hall load: tickets issued by weekday and hour"))
        self.pauses_box.setTitle(self.tr("Windows paused"))
        for table, box in (
            (self.times_table, self.times_box),
            (self.calls_table, self.calls_box),
            (self.heat_table, self.heat_box),
            (self.pauses_table, self.pauses_box),
        ):
            table.setAccessibleName(box.title())
        self.times_box.setToolTip(
            self.tr(
                "Waiting: from the ticket's issue (kept across a transfer) to its first call. "
                "Service: from serving to finishing, for the tickets finished. P90: nine "
                "tickets in ten waited (or were served) no longer. Abandoned: called and "
                "not come (过号)."
            )
        )
        self.freshness.render()
        self._show()

    # -- queries ----------------------------------------------------------------------------

    def query(self, start: date, end: date) -> QueueFigures:
        return self.source.queue(start, end)

    def received(self, answer: QueueFigures) -> None:
        self.figures = answer
        self._show()

    # -- showing ----------------------------------------------------------------------------

    def _show(self) -> None:
        self._show_summary()
        self._show_times()
        self._show_calls()
        self._show_heat()
        self._show_pauses()

    def _show_summary(self) -> None:
        f = self.figures
        if f is None:
            self.summary.setText("")
            return
        total = f.total
        text = (
            self.tr(
                "%1 tickets, %2 called, %3 served, %4 abandoned; average wait %5 min (P90 %6 min)."
            )
            .replace("%1", str(total.tickets))
            .replace("%2", str(total.called))
            .replace("%3", str(total.served))
            .replace("%4", str(total.no_show))
            .replace("%5", minutes_text(total.wait.average))
            .replace("%6", minutes_text(total.wait.p90))
        )
        booked = sum(f.appointments.values())
        if booked:
            text += " " + self.tr(
                "Appointments: %1 checked in, %2 not come, %3 booked, %4 cancelled."
            ).replace("%1", str(f.appointments.get("checked_in", 0))).replace(
                "%2", str(f.appointments.get("no_show", 0))
            ).replace("%3", str(f.appointments.get("booked", 0))).replace(
                "%4", str(f.appointments.get("cancelled", 0))
            )
        self.summary.setText(text)

    def _time_headers(self) -> list[str]:
        return [
            self.tr("Kind"),
            self.tr("Category / window"),
            self.tr("Tickets"),
            self.tr("Called"),
            self.tr("Served"),
            self.tr("Abandoned"),
            self.tr("Transferred"),
            self.tr("Avg. wait"),
            self.tr("P90 wait"),
            self.tr("Avg. service"),
            self.tr("P90 service"),
        ]

    def _kind_name(self, group: GroupFigures) -> str:
        return {
            "category": self.tr("Category"),
            "window": self.tr("Window"),
            "total": self.tr("Total"),
        }[group.kind]

    def _groups(self) -> list[GroupFigures]:
        f = self.figures
        return [] if f is None else [*f.categories, *f.windows, f.total]

    def _show_times(self) -> None:
        model = self.times_model
        model.clear()
        model.setHorizontalHeaderLabels(self._time_headers())
        bold = QFont()
        bold.setBold(True)
        for group in self._groups():
            name = self.tr("All tickets") if group.kind == "total" else group.name
            if group.kind == "window" and group.name != group.code:
                name = f"{group.code} {group.name}"
            items = [_item(self._kind_name(group)), _item(name)]
            for count in (
                group.tickets,
                group.called,
                group.served,
                group.no_show,
                group.transferred,
            ):
                items.append(_item(str(count), count))
            for seconds in (
                group.wait.average,
                group.wait.p90,
                group.service.average,
                group.service.p90,
            ):
                items.append(_item(minutes_text(seconds), minutes(seconds)))
            if group.kind == "total":
                for item in items:
                    item.setFont(bold)
                    item.setBackground(TOTAL_BRUSH)
            model.appendRow(items)
        fit_columns(self.times_table)

    def _show_calls(self) -> None:
        model = self.calls_model
        model.clear()
        model.setHorizontalHeaderLabels([self.tr("Hour"), self.tr("Calls")])
        f = self.figures
        if f is not None:
            for hour in f.call_hours():
                calls = f.calls_per_hour.get(hour, 0)
                model.appendRow(
                    [_item(f"{hour:02d}:00–{hour + 1:02d}:00"), _item(str(calls), calls)]
                )
        fit_columns(self.calls_table)

    def weekday_names(self) -> list[str]:
        return [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]

    def _show_heat(self) -> None:
        model = self.heat_model
        model.clear()
        f = self.figures
        hours = f.heat_hours() if f is not None else range(8, 18)
        model.setHorizontalHeaderLabels([self.tr("Weekday"), *(f"{h:02d}" for h in hours)])
        if f is None:
            return
        peak = f.heat_peak()
        for weekday, name in enumerate(self.weekday_names(), start=1):
            row = [_item(name)]
            for hour in hours:
                tickets = f.heat.get((weekday, hour), 0)
                item = _item(str(tickets), tickets)
                item.setBackground(QBrush(heat_colour(tickets, peak)))
                item.setForeground(QBrush(QColor("#000000")))
                item.setToolTip(
                    self.tr("%1 %2:00: %3 tickets issued")
                    .replace("%1", name)
                    .replace("%2", f"{hour:02d}")
                    .replace("%3", str(tickets))
                )
                row.append(item)
            model.appendRow(row)
        self.heat_table.resizeColumnsToContents()

    def _moment_text(self, moment: datetime | None) -> str:
        if moment is None:
            return self.tr("still paused")
        local = moment.astimezone(CENTER_TZ)
        f = self.figures
        if f is not None and f.start == f.end:
            return local.strftime("%H:%M")
        return local.strftime("%Y-%m-%d %H:%M")

    def _show_pauses(self) -> None:
        model = self.pauses_model
        model.clear()
        model.setHorizontalHeaderLabels(
            [
                self.tr("Window"),
                self.tr("Paused at"),
                self.tr("Resumed at"),
                self.tr("Minutes"),
                self.tr("Reason"),
                self.tr("By"),
            ]
        )
        for pause in self.figures.pauses if self.figures is not None else ():
            model.appendRow(
                [
                    _item(pause.window_code),
                    _item(self._moment_text(pause.paused_at)),
                    _item(self._moment_text(pause.resumed_at)),
                    _item(f"{pause.minutes:.1f}", pause.minutes),
                    _item(pause.reason),
                    _item(pause.by),
                ]
            )
        fit_columns(self.pauses_table)

    # -- reading back and exporting ------------------------------------------------------------

    texts = staticmethod(model_texts)  # a table's texts as shown, row by row
    _headers = staticmethod(model_headers)

    def sections(self) -> list[Section]:
        """Every table as shown (what the exports write)."""
        parts = (
            (
                self.times_box,
                self.times_model,
                [""] * 2 + [COUNT_FORMAT] * 5 + [MINUTES_FORMAT] * 4,
            ),
            (self.calls_box, self.calls_model, ["", COUNT_FORMAT]),
            (self.heat_box, self.heat_model, None),
            (self.pauses_box, self.pauses_model, ["", "", "", MINUTES_FORMAT, "", ""]),
        )
        sections = []
        for box, model, formats in parts:
            columns = model.columnCount()
            fmts = formats or ["", *[COUNT_FORMAT] * (columns - 1)]
            values = [
                [model.item(r, c).data(Qt.ItemDataRole.UserRole) for c in range(columns)]
                for r in range(model.rowCount())
            ]
            sections.append(
                Section(box.title(), self._headers(model), self.texts(model), values, fmts)
            )
        return sections

    def _figures_period(self) -> tuple[date, date]:
        """The days of the figures shown (the fields' days before the first answer)."""
        return self.period() if self.figures is None else (self.figures.start, self.figures.end)

    def title(self) -> str:
        start, end = self._figures_period()
        return (
            self.tr("Hall queue, tickets of %1 to %2")
            .replace("%1", start.isoformat())
            .replace("%2", end.isoformat())
        )

    def default_name(self, suffix: str) -> str:
        start, end = self._figures_period()
        return f"queue-{start.isoformat()}-{end.isoformat()}.{suffix}"

    def write_csv(self, path: Path | str) -> Path:
        """The title, then each section (its title, headers and rows) with a blank line
        between them; UTF-8 with BOM so Excel reads the Chinese; no cell is a formula."""
        target = Path(path)
        with open(target, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([self.title()])
            for section in self.sections():
                writer.writerow([])
                writer.writerow([section.title])
                writer.writerow(section.headers)
                writer.writerows(safe_row(row) for row in section.text)
        return target

    def write_xlsx(self, path: Path | str) -> Path:
        """One sheet per section: the period's title, the headers in bold, then the rows;
        counts and minutes as numbers formatted as on screen, "—" as text."""
        from openpyxl import Workbook

        workbook = Workbook()
        workbook.remove(workbook.active)
        for section in self.sections():
            sheet = workbook.create_sheet(_sheet_name(section.title, workbook.sheetnames))
            fill_sheet(
                sheet, section.headers, section.text, section.values, section.formats, self.title()
            )
        workbook.save(target := Path(path))
        return target


def _sheet_name(title: str, taken: list[str]) -> str:
    """A sheet name Excel accepts (≤ 31 characters, none of ``[]:*?/\\``), not yet taken."""
    name = "".join(ch for ch in title if ch not in "[]:*?/\\")[:31] or "Sheet"
    base, n = name, 2
    while name in taken:
        name = f"{base[:28]} {n}"
        n += 1
    return name
