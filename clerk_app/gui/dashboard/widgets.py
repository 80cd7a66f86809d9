"""Pieces the dashboard's tabs share: the "figures as of" line, error wording, tables, and
:class:`PeriodTab`, a tab of figures for a day to a day asked for in the background."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from clerk_app.core.clock import CENTER_TZ
from clerk_app.gui.errors import error_message, is_refused
from clerk_app.gui.intake_texts import refusal_reason_names
from clerk_app.gui.ops import Op

STALE_STYLE = "color: #8a1c12; background: #fde2e1; padding: 3px 6px; font-weight: bold;"
FRESH_STYLE = "color: #335; padding: 3px 6px;"


def is_forbidden(exc: BaseException) -> bool:
    return is_refused(exc, 403)


def failure_text(exc: BaseException) -> str:
    """What to tell the lead about a failed query, in the lead's language."""
    if is_forbidden(exc):
        return QCoreApplication.translate(
            "Dashboard",
            "The records service does not let this account see these figures. Only shift "
            "leads (their own department) and admins may.",
        )
    return error_message(exc)


def hhmm(moment: datetime) -> str:
    return moment.astimezone(CENTER_TZ).strftime("%H:%M")


def answer_as_of(answer: Any) -> tuple[datetime | None, int | None]:
    """What an answer read off the primary (issue 20) says of its data: the moment they
    are as of and, past the service's limit, how many seconds its read replica is behind
    (None, None for an answer that says neither)."""
    if not isinstance(answer, dict):
        return None, None
    try:
        moment = datetime.fromisoformat(str(answer.get("as_of")))
    except ValueError:
        return None, None
    if moment.tzinfo is None:
        return None, None
    behind = answer.get("behind_seconds")
    ok = isinstance(behind, int) and not isinstance(behind, bool) and behind >= 0
    return moment, behind if ok else None


class Freshness(QLabel):
    """ "Figures as of 14:05" (the service's "as of" to the second when it gives one), in
    red when its read replica is behind, or "Offline: figures as of 14:05 are not
    current"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.as_of: datetime | None = None
        self.stale = False
        self.reason = ""
        self.behind_seconds: int | None = None
        self.to_the_second = False
        self.setObjectName("freshness")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.render()

    def fresh(self, moment: datetime) -> None:
        self.as_of, self.stale, self.reason = moment, False, ""
        self.behind_seconds, self.to_the_second = None, False
        self.render()

    def fresh_as_of(self, answer: Any, fetched: datetime) -> None:
        """Figures just read: as of the answer's ``as_of`` when it has one (issue 20),
        else as of ``fetched``."""
        moment, behind = answer_as_of(answer)
        self.fresh(moment or fetched)
        self.behind_seconds, self.to_the_second = behind, moment is not None
        self.render()

    def _when(self, moment: datetime) -> str:
        if self.to_the_second:
            return moment.astimezone(CENTER_TZ).strftime("%H:%M:%S")
        return hhmm(moment)

    def failed(self, exc: BaseException) -> None:
        self.stale, self.reason = True, failure_text(exc)
        self.render()

    def render(self) -> None:
        if not self.stale:
            self.setStyleSheet(FRESH_STYLE)
            if self.as_of is None:
                self.setText(QCoreApplication.translate("Dashboard", "Loading figures…"))
            elif self.behind_seconds is not None:
                self.setStyleSheet(STALE_STYLE)
                self.setText(
                    QCoreApplication.translate(
                        "Dashboard", "Figures as of %1 · %2 s behind the latest"
                    )
                    .replace("%1", self._when(self.as_of))
                    .replace("%2", str(self.behind_seconds))
                )
            else:
                self.setText(
                    QCoreApplication.translate("Dashboard", "Figures as of %1").replace(
                        "%1", self._when(self.as_of)
                    )
                )
            self.setToolTip("")
            return
        self.setStyleSheet(STALE_STYLE)
        if self.as_of is None:
            self.setText(
                QCoreApplication.translate("Dashboard", "No figures: %1").replace("%1", self.reason)
            )
        else:
            self.setText(
                QCoreApplication.translate(
                    "Dashboard", "STALE — figures as of %1, not refreshed: %2"
                )
                .replace("%1", self._when(self.as_of))
                .replace("%2", self.reason)
            )
        self.setToolTip(self.reason)
        self.setWordWrap(True)


def table_view(parent: QWidget | None = None, *, sortable: bool = True) -> QTableView:
    return setup_table_view(QTableView(parent), sortable=sortable)


def setup_table_view(view: QTableView, *, sortable: bool = True) -> QTableView:
    """Give ``view`` (made here or by a Designer form) the dashboard tables' behaviour."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(sortable)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    return view


def fit_columns(view: QTableView, maximum: int = 260) -> None:
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for c in range(header.count()):
        if header.sectionSize(c) > maximum:
            header.resizeSection(c, maximum)


def cell(text: Any) -> str:
    return "—" if text is None or text == "" else str(text)


def item(text: str, value: Any = None) -> QStandardItem:
    """A table cell showing ``text``; with a ``value`` (a number, for sorting and the XLSX
    export) it keeps it in ``UserRole`` and is aligned right."""
    cell_item = QStandardItem(text)
    if value is not None:
        cell_item.setData(value, Qt.ItemDataRole.UserRole)
        cell_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return cell_item


def item_table(
    parent: QWidget, name: str, *, sortable: bool = False
) -> tuple[QStandardItemModel, QTableView]:
    """A table of :func:`item` cells (sorted, if ``sortable``, by their values)."""
    model = QStandardItemModel(parent)
    model.setSortRole(Qt.ItemDataRole.UserRole)
    view = table_view(parent, sortable=sortable)
    view.setObjectName(name)
    view.setModel(model)
    return model, view


def model_texts(model: QStandardItemModel) -> list[list[str]]:
    """A table's texts as shown, row by row (for checks and exports)."""
    return [
        [model.item(r, c).text() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def model_headers(model: QStandardItemModel) -> list[str]:
    return [
        str(model.headerData(c, Qt.Orientation.Horizontal) or "")
        for c in range(model.columnCount())
    ]


class PeriodTab(QWidget):
    """A tab of figures for the days ``from_edit`` to ``to_edit``, asked for in the
    background (``Op``): the tables stay usable meanwhile, and only the newest query's
    answer is shown. A tab gives :meth:`query` (run on a worker thread) and
    :meth:`received` (on the GUI thread) and keeps its own texts (``self.tr``).

    Signals:
        refreshed(bool): a query finished (True: new figures shown; False: failed, the
            last figures stay, marked stale).
    """

    refreshed = Signal(bool)
    freshness: Freshness

    def __init__(self, source: Any, clock: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source, self.clock = source, clock
        self.last_error: BaseException | None = None
        self.busy = False
        self._generation = 0
        self._op: Op | None = None

    def period_controls(self, start: date, end: date, prefix: str) -> QHBoxLayout:
        """The days' fields (``<prefix>From``, ``<prefix>To``; a change refreshes), their
        labels and the Refresh button (``<prefix>Refresh``, not yet in the row returned)."""
        self.from_edit, self.to_edit = QDateEdit(QDate(start)), QDateEdit(QDate(end))
        for edit, name in ((self.from_edit, f"{prefix}From"), (self.to_edit, f"{prefix}To")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _d: self.refresh())
        self.from_label, self.to_label = QLabel(), QLabel()
        self.from_label.setBuddy(self.from_edit)
        self.to_label.setBuddy(self.to_edit)
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName(f"{prefix}Refresh")
        self.refresh_button.clicked.connect(self.refresh)
        controls = QHBoxLayout()
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit):
            controls.addWidget(widget)
        return controls

    def period(self) -> tuple[date, date]:
        start: date = self.from_edit.date().toPython()  # type: ignore[assignment]
        end: date = self.to_edit.date().toPython()  # type: ignore[assignment]
        return (start, end) if start <= end else (end, start)

    def query(self, start: date, end: date) -> Any:
        """The service call for the days ``start`` to ``end`` (on a worker thread)."""
        raise NotImplementedError

    def received(self, answer: Any) -> None:
        """Show the figures :meth:`query` returned."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Ask the service for the figures in the background; the tables stay usable."""
        start, end = self.period()
        self._generation += 1
        generation = self._generation
        self.busy = True
        self._op = (
            Op(self, lambda: self.query(start, end))
            .success(lambda answer: self._done(generation, answer))
            .failure(lambda exc: self._failed(generation, exc))
            .run()
        )

    def _done(self, generation: int, answer: Any) -> None:
        if generation != self._generation:
            return
        self.busy, self.last_error = False, None
        self.received(answer)
        self.freshness.fresh(self.clock.now())
        self.refreshed.emit(True)

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self.busy, self.last_error = False, exc
        self.freshness.failed(exc)
        self.refreshed.emit(False)


def role_name(role: str) -> str:
    """A role as the lead reads it (``lead`` → 值班长); an unknown one as it is."""
    names = {
        "clerk": QCoreApplication.translate("Dashboard", "Window clerk"),
        "lead": QCoreApplication.translate("Dashboard", "Shift lead"),
        "admin": QCoreApplication.translate("Dashboard", "Administrator"),
        "auditor": QCoreApplication.translate("Dashboard", "Auditor"),
        "display": QCoreApplication.translate("Dashboard", "Hall screen"),
    }
    return names.get(role, role)


def role_names(roles: Any) -> str:
    """Several roles, translated, joined as the language writes lists."""
    separator = QCoreApplication.translate("Dashboard", ", ")
    return separator.join(role_name(str(r)) for r in roles or ())


def refusal_reason(reason: str) -> str:
    """A refusal reason stored as a code of the desk's list (``core.intake.REFUSAL_REASONS``:
    the demo data's) in the lead's language; a reason a clerk typed is shown as typed."""
    return dict(refusal_reason_names()).get(reason, reason)
