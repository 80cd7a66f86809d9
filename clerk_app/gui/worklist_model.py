"""The worklist's Qt model: one page of cases at a time, with colours and words.

:class:`WorklistModel` is lazy (Anki's browser table is the model): it reads one page of
:data:`~clerk_app.app.worklist.PAGE_SIZE` rows when the view scrolls near the end
(``canFetchMore``/``fetchMore``), by keyset from the local store. It holds what is on
screen and an index, not every row it has shown: the index is the keyset cursor of each
page's last row (one small pair of strings per 200 cases), and the rows themselves live in
an LRU of :data:`PAGES_KEPT` pages; a page scrolled out of it is read again by its cursor
when the view comes back to it (one indexed query). Scrolling through 100,000 cases thus
holds a few hundred rows, not 100,000. Yellow rows are due within
``worklist.due_soon_working_days`` working days, red rows are overdue; a 容缺 case whose
material is due has its status cell violet with the words; a part of a joint case whose
stage has not opened is grey ("waiting for its stage"). ``gui.worklist`` holds the pane.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from clerk_app.app.worklist import (
    MATERIAL_OVERDUE,
    PAGE_SIZE,
    URGENCY_OVERDUE,
    URGENCY_SOON,
    Cursor,
    WorklistFilter,
    WorklistQuery,
    WorklistRow,
)
from clerk_app.core import lifecycle
from clerk_app.gui.status_words import status_label

_Index = QModelIndex | QPersistentModelIndex

# Background and text colours of the warning cards.
YELLOW = QColor("#fff1b8")
RED = QColor("#f9d2cf")
RED_TEXT = QColor("#8c1d18")
# A part of a joint case whose stage has not opened (listed, not workable).
GREY_TEXT = QColor("#6b6b6b")
# The status cell of a 容缺 case whose material is due: violet, with the words.
VIOLET = QColor("#e6d8f5")

# Custom roles.
CASE_NO_ROLE = Qt.ItemDataRole.UserRole + 1
URGENCY_ROLE = Qt.ItemDataRole.UserRole + 2
MATERIAL_DUE_ROLE = Qt.ItemDataRole.UserRole + 3

OPEN_STATUSES = frozenset(s.value for s in lifecycle.Status if not lifecycle.is_terminal(s))

#: Pages of rows the model holds (an LRU): what is on screen and the pages around it.
PAGES_KEPT = 3

_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_BRUSHES = {URGENCY_OVERDUE: QBrush(RED), URGENCY_SOON: QBrush(YELLOW)}
_VIOLET_BRUSH = QBrush(VIOLET)
_GREY_BRUSH = QBrush(GREY_TEXT)
_RED_TEXT_BRUSH = QBrush(RED_TEXT)
#: Right-aligned countdown (the last but one column); the others as the view likes.
_ALIGNMENTS = (None,) * 6 + (int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), None)
#: Role → its place in a row's painted cells (``WorklistModel._cells_of``).
_CELL_ROLES = {
    Qt.ItemDataRole.DisplayRole: 0,
    Qt.ItemDataRole.BackgroundRole: 1,
    Qt.ItemDataRole.ForegroundRole: 2,
    Qt.ItemDataRole.TextAlignmentRole: 3,
}

#: The roles :meth:`WorklistModel.data` answers.
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        CASE_NO_ROLE,
        URGENCY_ROLE,
        MATERIAL_DUE_ROLE,
    }
)


class WorklistModel(QAbstractTableModel):
    """This window's cases, read one page at a time.

    Args:
        make_query: gives a fresh :class:`WorklistQuery` (today may have changed).
        item_names: item code → name, for the item column.
    """

    COLUMNS = ("case_no", "applicant", "id", "item", "status", "due", "countdown", "joint")

    def __init__(
        self,
        make_query: Callable[[], WorklistQuery],
        item_names: Mapping[str, str] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._make_query = make_query
        self.item_names: Mapping[str, str] = dict(item_names or {})
        #: (item code, stage code) → stage name, for the parts of joint cases.
        self.stage_names: Mapping[tuple[str, str], str] = {}
        self.filter = WorklistFilter()
        self.query = make_query()
        #: The index: the keyset cursor of the last row of each page read so far.
        self._ends: list[Cursor] = []
        #: Rows read so far (the view's row count).
        self._count = 0
        #: Page number → its rows, least recently used first.
        self._pages: OrderedDict[int, list[WorklistRow]] = OrderedDict()
        self._last_page = -1
        #: Row → its painted cells (:meth:`_cells_of`), for the rows of the pages held.
        self._cells: dict[int, tuple[tuple[Any, ...], ...]] = {}
        self._more = True
        self.total = self.query.count(self.filter)
        self._add(self._read_next())

    # -- reading ---------------------------------------------------------------------------

    @property
    def rows_read(self) -> int:
        """Rows read from the store since the last reset: what was shown, and the pages read
        again when the view came back to them after the LRU let them go."""
        return self.query.rows_read

    @property
    def rows_held(self) -> int:
        """Rows the model holds now (at most :data:`PAGES_KEPT` pages, however far the
        clerk scrolled)."""
        return sum(len(rows) for rows in self._pages.values())

    def reload(self, flt: WorklistFilter | None = None, keep: int = 0) -> None:
        """Read again from the start (new filter, a saved case, a pulled change, a new day).

        Args:
            flt: the new filter; the current one when None.
            keep: read at least this many rows again (to keep the clerk's place).
        """
        self.beginResetModel()
        if flt is not None:
            self.filter = flt
        self.query = self._make_query()
        self._ends = []
        self._count = 0
        self._pages.clear()
        self._cells.clear()
        self._more = True
        self.total = self.query.count(self.filter)
        # The first pages are read inside the reset: a view that asks for more while the
        # reset is announced then finds them there.
        while self._more and self._count < max(keep, 1):
            self._add(self._read_next())
        self.endResetModel()

    def _read_next(self) -> list[WorklistRow]:
        """The page after the last one read (the last page when shorter than a page)."""
        page = self.query.page(self.filter, self._ends[-1] if self._ends else None, PAGE_SIZE)
        if len(page) < PAGE_SIZE:
            self._more = False
        return page

    def _add(self, page: list[WorklistRow]) -> None:
        """Index a page just read (its last cursor) and hold its rows."""
        if page:
            self._keep(len(self._ends), page)
            self._ends.append(page[-1].cursor)
            self._count += len(page)

    def _keep(self, number: int, rows: list[WorklistRow]) -> None:
        self._pages[number] = rows
        self._pages.move_to_end(number)
        self._last_page = number
        while len(self._pages) > PAGES_KEPT:
            gone, _rows = self._pages.popitem(last=False)
            for row in range(gone * PAGE_SIZE, (gone + 1) * PAGE_SIZE):
                self._cells.pop(row, None)

    def _page(self, number: int) -> list[WorklistRow]:
        """The rows of page ``number`` (read again by its cursor when not held)."""
        rows = self._pages.get(number)
        if rows is not None:
            if number != self._last_page:  # a painted page asks hundreds of times in a row
                self._pages.move_to_end(number)
                self._last_page = number
            return rows
        if self.query.closed:  # the desk is shutting down: nothing more is read
            return []
        after = self._ends[number - 1] if number > 0 else None
        rows = self.query.page(self.filter, after, PAGE_SIZE)
        self._keep(number, rows)
        return rows

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        page = self._read_next()
        if not page:
            return
        first = self._count
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._add(page)
        self.endInsertRows()

    def row_at(self, row: int) -> WorklistRow | None:
        if not 0 <= row < self._count:
            return None
        page = self._page(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        # A page read again after a change may have fewer rows (until the refresh).
        return page[offset] if offset < len(page) else None

    def row_of(self, case_no: str) -> int:
        """The row of a case among those read (-1 when not read or not listed)."""
        for number, rows in self._pages.items():
            for i, r in enumerate(rows):
                if r.case_no == case_no:
                    return number * PAGE_SIZE + i
        row = self.query.position(self.filter, case_no)
        return row if row is not None and row < self._count else -1

    # -- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return (
            self.tr("Case no."),
            self.tr("Applicant"),
            self.tr("ID number"),
            self.tr("Item"),
            self.tr("Status"),
            self.tr("Due date"),
            self.tr("Countdown"),
            self.tr("Joint case · stage"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A painted cell is asked for about eight roles; the ones never answered leave first.
        # (A table's indexes have no parent: the model makes none with one.)
        if role not in _ROLES or not index.isValid():
            return None
        number, column = index.row(), index.column()
        if not 0 <= column < len(self.COLUMNS):
            return None
        if role in _CELL_ROLES:
            cells = self._cells.get(number)
            if cells is None:
                row = self.row_at(number)
                if row is None:
                    return None
                cells = self._cells[number] = self._cells_of(row)
            return cells[_CELL_ROLES[role]][column]
        row = self.row_at(number)
        if row is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == CASE_NO_ROLE:
            return row.case_no
        if role == URGENCY_ROLE:
            return row.urgency
        if role == MATERIAL_DUE_ROLE:
            return row.material_due
        return None

    def _cells_of(self, row: WorklistRow) -> tuple[tuple[Any, ...], ...]:
        """What the view paints of ``row``, per role and column (read once per row held)."""
        texts = tuple(self._text(row, column) for column in self.COLUMNS)
        background = _BRUSHES.get(row.urgency or "")
        backgrounds = tuple(
            _VIOLET_BRUSH if column == "status" and row.material_due else background
            for column in self.COLUMNS
        )
        foreground = (
            _GREY_BRUSH
            if row.waiting
            else _RED_TEXT_BRUSH
            if (row.urgency == URGENCY_OVERDUE)
            else None
        )
        return texts, backgrounds, (foreground,) * len(self.COLUMNS), _ALIGNMENTS

    def refresh_texts(self) -> None:
        """Word the rows again (after a language switch)."""
        self._cells.clear()
        if self._count:
            last = self.index(self._count - 1, len(self.COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS

    def _text(self, row: WorklistRow, column: str) -> str:
        if column == "case_no":
            return row.case_no
        if column == "applicant":
            return row.applicant_name
        if column == "id":
            return row.id_masked
        if column == "item":
            return self.item_names.get(row.item_code, row.item_code)
        if column == "joint":
            if not row.joint_case_no:
                return ""
            stage = self.stage_names.get((row.item_code, row.stage), row.stage)
            return f"{row.joint_case_no} · {stage}"
        if column == "status" and row.waiting:
            return status_label(row.status) + " · " + self.tr("waiting for its stage")
        if column == "status":
            words = [status_label(row.status), self.material_word(row), self.fee_word(row)]
            return " · ".join(w for w in words if w)
        if column == "due":
            if row.due_date is None:
                return "—"
            text = row.due_date.isoformat()
            return text + " " + self.tr("(provisional)") if row.due_provisional else text
        return self.countdown_text(row)

    def countdown_text(self, row: WorklistRow) -> str:
        """ "3 working days left", "due today", "2 working days overdue", "suspended", "—"."""
        if row.status == lifecycle.Status.SUSPENDED:
            return self.tr("suspended")
        if row.countdown is None or row.status not in OPEN_STATUSES:
            return "—"
        if row.countdown == 0:
            return self.tr("due today")
        if row.countdown < 0:
            return self.tr("%n working day(s) overdue", "", -row.countdown)
        return self.tr("%n working day(s) left", "", row.countdown)

    def fee_word(self, row: WorklistRow) -> str:
        """The fee state by the case's payment notice (已缴费…), "" without one."""
        return {
            "unpaid": self.tr("unpaid"),
            "paid": self.tr("paid"),
            "waived": self.tr("fee waived"),
            "refunded": self.tr("refunded"),
        }.get(row.fee_state, "")

    def material_word(self, row: WorklistRow) -> str:
        """ "material due" / "material overdue" for a 容缺 case still waiting; else ""."""
        if row.material_due == MATERIAL_OVERDUE:
            return self.tr("material overdue")
        if row.material_due:
            return self.tr("material due")
        return ""

    def _tooltip(self, row: WorklistRow) -> str:
        parts = [row.case_no, status_label(row.status)]
        if row.waiting:
            parts.append(self.tr("Its stage has not opened yet: it is worked once it opens"))
        if row.material_due and row.supply_by is not None:
            parts.append(
                self.tr("容缺 material promised by %1: record it supplied or not supplied").replace(
                    "%1", row.supply_by.isoformat()
                )
            )
        if row.urgency == URGENCY_OVERDUE:
            parts.append(self.tr("Overdue"))
        elif row.urgency == URGENCY_SOON:
            parts.append(self.tr("Due soon"))
        if row.server_state == "pending":
            parts.append(self.tr("Not yet sent to the center"))
        elif row.server_state == "rejected":
            parts.append(self.tr("Refused by the center: open the case to fix it"))
        return " · ".join(parts)
