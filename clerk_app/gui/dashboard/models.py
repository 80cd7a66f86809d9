"""The dashboard's figures as Qt models: periods, columns, the table and what it shows.

The table a lead sees is a :class:`WorkloadModel` (one row per window or department, the
total last) behind a :class:`TotalLastProxy` that sorts by the raw numbers and keeps the
total at the bottom. :func:`snapshot` reads the rows back in the order and the words shown,
which is what the CSV and XLSX exports write, so an export says exactly what the screen says.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from clerk_app.gui.dashboard.widgets import refusal_reason

# Raw value of a cell (number or None) for sorting and the XLSX export.
RAW_ROLE = Qt.ItemDataRole.UserRole + 1
# True on the total row.
TOTAL_ROLE = Qt.ItemDataRole.UserRole + 2

OVERDUE_BRUSH = QBrush(QColor("#fde2e1"))
DUE_SOON_BRUSH = QBrush(QColor("#fff4d6"))


class Period(Enum):
    TODAY = "today"
    WEEK = "week"
    MONTH = "month"
    RANGE = "range"


def period_range(
    period: Period, today: date, start: date | None = None, end: date | None = None
) -> tuple[date, date]:
    """First and last day (both included) of ``period`` as seen on ``today``: this week
    starts on Monday, this month on the 1st; a range is ``start``..``end`` (swapped if
    given backwards)."""
    if period is Period.TODAY:
        return today, today
    if period is Period.WEEK:
        return today - timedelta(days=today.weekday()), today
    if period is Period.MONTH:
        return today.replace(day=1), today
    first, last = start or today, end or today
    return (first, last) if first <= last else (last, first)


class Kind(Enum):
    TEXT = "text"
    COUNT = "count"
    RATE = "rate"
    DAYS = "days"


@dataclass(frozen=True)
class Column:
    key: str
    kind: Kind


COLUMNS = (
    Column("group", Kind.TEXT),
    Column("name", Kind.TEXT),
    Column("department", Kind.TEXT),
    Column("received", Kind.COUNT),
    Column("accepted", Kind.COUNT),
    Column("completed", Kind.COUNT),
    Column("in_progress", Kind.COUNT),
    Column("waiting", Kind.COUNT),
    Column("overdue", Kind.COUNT),
    Column("due_soon", Kind.COUNT),
    Column("on_time_rate", Kind.RATE),
    Column("early_rate", Kind.RATE),
    Column("average_handling_days", Kind.DAYS),
    Column("immediate_share", Kind.RATE),
    Column("promised_share", Kind.RATE),
    Column("refused", Kind.COUNT),
    Column("refusals", Kind.TEXT),
    Column("ratings", Kind.COUNT),
    Column("satisfaction", Kind.RATE),
)


def column_title(key: str, group: str = "window") -> str:
    """The translated header of a column (the first names the window or department)."""
    titles = {
        "group": QCoreApplication.translate("Dashboard", "Window")
        if group == "window"
        else QCoreApplication.translate("Dashboard", "Department"),
        "name": QCoreApplication.translate("Dashboard", "Name"),
        "department": QCoreApplication.translate("Dashboard", "Department"),
        "received": QCoreApplication.translate("Dashboard", "Received"),
        "accepted": QCoreApplication.translate("Dashboard", "Accepted"),
        "completed": QCoreApplication.translate("Dashboard", "Completed"),
        "in_progress": QCoreApplication.translate("Dashboard", "In progress"),
        "waiting": QCoreApplication.translate("Dashboard", "Waiting"),
        "overdue": QCoreApplication.translate("Dashboard", "Overdue"),
        "due_soon": QCoreApplication.translate("Dashboard", "Due soon"),
        "on_time_rate": QCoreApplication.translate("Dashboard", "On time"),
        "early_rate": QCoreApplication.translate("Dashboard", "Early"),
        "average_handling_days": QCoreApplication.translate("Dashboard", "Avg. working days"),
        "immediate_share": QCoreApplication.translate("Dashboard", "Immediate share"),
        "promised_share": QCoreApplication.translate("Dashboard", "Promised share"),
        "refused": QCoreApplication.translate("Dashboard", "Refused"),
        "refusals": QCoreApplication.translate("Dashboard", "Refusal reasons"),
        "ratings": QCoreApplication.translate("Dashboard", "Ratings"),
        "satisfaction": QCoreApplication.translate("Dashboard", "Satisfaction"),
    }
    return titles[key]


def format_value(column: Column, value: Any) -> str:
    """A cell as the lead reads it: ``1234``, ``97.5%``, ``2.35``, ``—`` for nothing."""
    if column.key == "refusals":
        reasons = sorted((value or {}).items(), key=lambda kv: (-kv[1], kv[0]))
        return "; ".join(f"{refusal_reason(reason)} {count}" for reason, count in reasons)
    if value is None:
        return "—"
    if column.kind is Kind.COUNT:
        return str(int(value))
    if column.kind is Kind.RATE:
        return f"{float(value) * 100:.1f}%"
    if column.kind is Kind.DAYS:
        return f"{float(value):.2f}"
    return str(value)


def shown_value(column: Column, value: Any) -> Any:
    """The number as shown (rates to 0.1%, days to 0.01), for the XLSX export: taken from
    the shown text, so both round alike."""
    if value is None or column.kind is Kind.TEXT:
        return None
    if column.kind is Kind.COUNT:
        return int(value)
    if column.kind is Kind.RATE:
        return round(float(f"{float(value) * 100:.1f}") / 100, 4)
    return float(f"{float(value):.2f}")


class WorkloadModel(QAbstractTableModel):
    """Rows of ``GET /workload`` (``items`` then ``total``) in :data:`COLUMNS`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.group = "window"
        self.rows: list[dict[str, Any]] = []
        self.columns: tuple[Column, ...] = COLUMNS

    def set_figures(self, figures: dict[str, Any] | None) -> None:
        self.beginResetModel()
        figures = figures or {}
        self.group = str(figures.get("group") or "window")
        self.columns = tuple(
            c for c in COLUMNS if not (self.group == "department" and c.key == "department")
        )
        rows = [dict(i) for i in figures.get("items", [])]
        if figures.get("total") is not None:
            total = dict(figures["total"])
            total["group"] = QCoreApplication.translate("Dashboard", "Total")
            total["name"] = total["department"] = ""
            total["_total"] = True
            rows.append(total)
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return column_title(self.columns[section].key, self.group)
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        value = row.get(column.key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return format_value(column, value)
        if role == Qt.ItemDataRole.AccessibleTextRole:  # a blank cell is read as a dash
            return format_value(column, value) or "—"
        if role == RAW_ROLE:
            return value if column.kind is not Kind.TEXT else format_value(column, value)
        if role == TOTAL_ROLE:
            return bool(row.get("_total"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind is not Kind.TEXT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and value:
            if column.key == "overdue":
                return OVERDUE_BRUSH
            if column.key == "due_soon":
                return DUE_SOON_BRUSH
        if role == Qt.ItemDataRole.FontRole and row.get("_total"):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None

    def group_code(self, row: int) -> str | None:
        """The window or department code of a row (None for the total)."""
        if 0 <= row < len(self.rows) and not self.rows[row].get("_total"):
            return str(self.rows[row].get("group"))
        return None


class TotalLastProxy(QSortFilterProxyModel):
    """Sorts by the raw values (numbers as numbers, nothing lowest); the total stays last."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(RAW_ROLE)

    def lessThan(
        self,
        left: QModelIndex | QPersistentModelIndex,
        right: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        model = self.sourceModel()
        left_total = bool(model.data(left, TOTAL_ROLE))
        right_total = bool(model.data(right, TOTAL_ROLE))
        if left_total or right_total:
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            if left_total and right_total:
                return False
            return right_total != descending
        a, b = model.data(left, RAW_ROLE), model.data(right, RAW_ROLE)
        if isinstance(a, int | float) or isinstance(b, int | float) or a is None or b is None:
            x = float(a) if isinstance(a, int | float) else float("-inf")
            y = float(b) if isinstance(b, int | float) else float("-inf")
            return x < y
        return str(a) < str(b)


@dataclass
class Snapshot:
    """A table as shown: headers, the text of every cell, and the shown numbers."""

    headers: list[str]
    kinds: list[Kind]
    text: list[list[str]]
    values: list[list[Any]]


def snapshot(model: QAbstractItemModel, columns: tuple[Column, ...] | None = None) -> Snapshot:
    """Read ``model`` (e.g. the sorted proxy) row by row in the order shown."""
    count = model.columnCount()
    headers = [
        str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        for c in range(count)
    ]
    cols = columns or tuple(Column(h, Kind.TEXT) for h in headers)
    text, values = [], []
    for r in range(model.rowCount()):
        cells = [model.index(r, c) for c in range(count)]
        text.append([str(model.data(i, Qt.ItemDataRole.DisplayRole) or "") for i in cells])
        values.append([shown_value(cols[c], model.data(cells[c], RAW_ROLE)) for c in range(count)])
    return Snapshot(headers, [c.kind for c in cols], text, values)
