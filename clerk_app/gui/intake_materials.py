"""The materials checklist of the intake form, operable from the keyboard.

One row per material of the item: name, required or not, handed in as original or copy,
how many copies, and its state: received, missing, to follow later (容缺 — offered only
for materials the catalog marks deferrable) or replaced by the applicant's written
commitment (告知承诺 — offered only for certificates the catalog allows, and only when the
applicant chooses it). Keys on the table: Up/Down move, Space toggles received / missing,
L marks "to follow later", C "by commitment", O switches original / copy, + and - change
the count. L or C on a material the catalog does not allow it for says so next to the row
(a keyboard user never sees the rows' mouse tooltips).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QToolTip

from clerk_app.core import intake
from clerk_app.gui.intake_texts import state_names

RECEIVED = "received"
MISSING = "missing"
DEFERRED = "deferred"
BY_COMMITMENT = "by_commitment"
_COLORS = {
    RECEIVED: "#1b6e20",
    MISSING: "#b3261e",
    DEFERRED: "#8a5a00",
    BY_COMMITMENT: "#1f4e9e",
}
COL_NAME, COL_REQUIRED, COL_FORM, COL_COPIES, COL_STATE = range(5)


@dataclass
class MaterialRow:
    code: str
    name: str
    required: bool
    deferrable: bool
    original: bool
    copies: int
    state: str = MISSING
    note: str = ""
    #: 告知承诺: the catalog lets the applicant replace this certificate by a commitment.
    commitment: bool = False


class MaterialsTable(QObject):
    """Drives the QTableWidget of the form's materials.

    Args:
        table: the Designer's ``materialsTable``.
        changed: called after every change of a mark.
    """

    def __init__(self, table: QTableWidget, changed: Any) -> None:
        super().__init__(table)
        self.table = table
        self._changed = changed
        self.rows: list[MaterialRow] = []
        table.setColumnCount(5)
        self._headers()
        header = table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column in (COL_REQUIRED, COL_FORM, COL_COPIES, COL_STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.setTabKeyNavigation(False)
        table.setToolTip(self.keys_hint())
        table.installEventFilter(self)

    def _headers(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("MaterialsTable", "Material"),
                QCoreApplication.translate("MaterialsTable", "Required"),
                QCoreApplication.translate("MaterialsTable", "Original or copy"),
                QCoreApplication.translate("MaterialsTable", "Copies"),
                QCoreApplication.translate("MaterialsTable", "State"),
            ]
        )

    def retranslate(self) -> None:
        """Headers and cells in the current language."""
        self._headers()
        self.table.setToolTip(self.keys_hint())
        for row in range(len(self.rows)):
            self._show_row(row)

    @staticmethod
    def keys_hint() -> str:
        return QCoreApplication.translate(
            "MaterialsTable",
            "Space: received / missing · L: to follow later · C: by the applicant's commitment"
            " · O: original / copy · + / −: copies",
        )

    # -- content -----------------------------------------------------------------------

    def set_item(self, item: Any) -> None:
        self.rows = [
            MaterialRow(
                code=m.code,
                name=m.name,
                required=m.required,
                deferrable=m.deferrable,
                original=m.form == "original",
                copies=m.copies,
                commitment=m.commitment,
            )
            for m in (item.materials if item is not None else ())
        ]
        self.table.setRowCount(len(self.rows))
        for row in range(len(self.rows)):
            self._show_row(row)
        self.table.resizeRowsToContents()
        self._fit_height()
        if self.rows:
            self.table.setCurrentCell(0, COL_NAME)

    def _cell(self, text: str, *, center: bool = False) -> QTableWidgetItem:
        cell = QTableWidgetItem(text)
        cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        if center:
            cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        return cell

    def _show_row(self, row: int) -> None:
        r = self.rows[row]
        name = self._cell(r.name)
        name.setData(Qt.ItemDataRole.UserRole, r.code)
        tips = []
        if r.deferrable:
            tips.append(QCoreApplication.translate("MaterialsTable", "May follow later (容缺)"))
        if r.commitment:
            tips.append(
                QCoreApplication.translate(
                    "MaterialsTable",
                    "The applicant may replace it by a written commitment (告知承诺): C",
                )
            )
        if tips:
            name.setToolTip("\n".join(tips))
        need = self._cell(
            QCoreApplication.translate("MaterialsTable", "required")
            if r.required
            else QCoreApplication.translate("MaterialsTable", "optional"),
            center=True,
        )
        if r.required:
            font = need.font()
            font.setBold(True)
            need.setFont(font)
        #: A material handed in as the original document (原件) or a photocopy (复印件).
        form = self._cell(
            QCoreApplication.translate("MaterialsTable", "original")
            if r.original
            else QCoreApplication.translate("MaterialsTable", "copy"),
            center=True,
        )
        copies = self._cell(str(r.copies), center=True)
        state_text = state_names()[r.state]
        if r.state == MISSING and not r.required:
            state_text = QCoreApplication.translate("MaterialsTable", "not brought")
        state = self._cell(state_text, center=True)
        state.setForeground(QBrush(QColor(_COLORS[r.state] if r.required else "#555555")))
        font = state.font()
        font.setBold(r.required)
        state.setFont(font)
        for column, cell in enumerate((name, need, form, copies, state)):
            self.table.setItem(row, column, cell)

    def _fit_height(self) -> None:
        table = self.table
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        height = table.horizontalHeader().height() + rows + 2 * table.frameWidth() + 4
        table.setFixedHeight(max(80, min(height, 320)))

    # -- marks -------------------------------------------------------------------------

    def set_state(self, row: int, state: str) -> bool:
        """Mark a row; "to follow later" only where the item allows it. True if changed."""
        if not 0 <= row < len(self.rows):
            return False
        r = self.rows[row]
        if state == DEFERRED and not r.deferrable:
            return False
        if state == BY_COMMITMENT and not r.commitment:
            return False
        if r.state == state:
            return False
        r.state = state
        self._show_row(row)
        self._changed()
        return True

    def toggle(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.set_state(row, MISSING if self.rows[row].state == RECEIVED else RECEIVED)

    def set_copies(self, row: int, copies: int) -> None:
        if 0 <= row < len(self.rows):
            self.rows[row].copies = max(0, min(copies, 99))
            self._show_row(row)
            self._changed()

    def toggle_form(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.rows[row].original = not self.rows[row].original
            self._show_row(row)
            self._changed()

    def tick_all(self) -> None:
        """Mark every material the item always requires received.

        Conditional (optional) materials keep their mark: whether the applicant handed
        one over is for the clerk to decide, not for a shortcut.
        """
        for row, r in enumerate(self.rows):
            if r.required and r.state != BY_COMMITMENT:
                r.state = RECEIVED
                self._show_row(row)
        self._changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.table or event.type() != QEvent.Type.KeyPress:
            return False
        row = self.table.currentRow()
        key = event.key()
        if (
            event.modifiers()
            & ~Qt.KeyboardModifier.KeypadModifier
            & ~(Qt.KeyboardModifier.ShiftModifier)
        ):
            return False  # Ctrl+…, Alt+…: shortcuts of the window
        if key == Qt.Key.Key_Space:
            self.toggle(row)
        elif key == Qt.Key.Key_L:
            if self.rows and 0 <= row < len(self.rows):
                r = self.rows[row]
                if not r.deferrable:
                    self._say_at(row, self.not_deferrable_text())
                else:
                    self.set_state(row, RECEIVED if r.state == DEFERRED else DEFERRED)
        elif key == Qt.Key.Key_C:
            if self.rows and 0 <= row < len(self.rows):
                r = self.rows[row]
                if not r.commitment:
                    self._say_at(row, self.no_commitment_text())
                else:
                    self.set_state(row, MISSING if r.state == BY_COMMITMENT else BY_COMMITMENT)
        elif key == Qt.Key.Key_O:
            self.toggle_form(row)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            if 0 <= row < len(self.rows):
                self.set_copies(row, self.rows[row].copies + 1)
        elif key == Qt.Key.Key_Minus:
            if 0 <= row < len(self.rows):
                self.set_copies(row, self.rows[row].copies - 1)
        else:
            return False
        return True

    @staticmethod
    def not_deferrable_text() -> str:
        return QCoreApplication.translate(
            "MaterialsTable",
            "This material cannot follow later (容缺).",
        )

    @staticmethod
    def no_commitment_text() -> str:
        return QCoreApplication.translate(
            "MaterialsTable",
            "This material cannot be replaced by a written commitment (告知承诺).",
        )

    def _say_at(self, row: int, text: str) -> None:
        """Show ``text`` next to ``row`` for a few seconds (why a key did nothing)."""
        rect = self.table.visualItemRect(self.table.item(row, COL_NAME))
        where = self.table.viewport().mapToGlobal(rect.bottomLeft())
        QToolTip.showText(where, text, self.table, rect, 4000)

    # -- values ------------------------------------------------------------------------

    def receipts(self) -> list[intake.MaterialReceipt]:
        return [
            intake.MaterialReceipt(
                code=r.code,
                received=r.state == RECEIVED,
                deferred=r.state == DEFERRED,
                copies=r.copies,
                original=r.original if r.state == RECEIVED else None,
                note=r.note,
                by_commitment=r.state == BY_COMMITMENT,
            )
            for r in self.rows
        ]

    def row_of(self, code: str) -> int:
        for n, r in enumerate(self.rows):
            if r.code == code:
                return n
        return -1

    def snapshot(self) -> list[dict[str, Any]]:
        return [
            {"code": r.code, "state": r.state, "original": r.original, "copies": r.copies}
            for r in self.rows
        ]

    def restore(self, marks: list[dict[str, Any]]) -> None:
        by_code = {m.get("code"): m for m in marks}
        for n, r in enumerate(self.rows):
            mark = by_code.get(r.code)
            if mark is None:
                continue
            state = mark.get("state", MISSING)
            allowed = (state != DEFERRED or r.deferrable) and (
                state != BY_COMMITMENT or r.commitment
            )
            r.state = state if allowed else MISSING
            r.original = bool(mark.get("original", r.original))
            r.copies = int(mark.get("copies", r.copies))
            self._show_row(n)
        self._changed()
