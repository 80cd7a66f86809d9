"""The materials tables and the per-part decisions of the joint intake (issue 16).

The combined materials (一套材料) are one checklist, marked once. Each part of the first
stage has its own box: the materials of its item the combined list does not collect, and
its decision — 即办 (items done on the spot), 承诺 with everything in hand, 补正 when a
required material is missing (then the only one). Parts of later stages are only listed:
received, decided by their department when the stage opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_app.core import intake
from clerk_app.core.joint_intake import JointDraft, part_receipts
from clerk_app.core.lifecycle import Disposition
from clerk_app.gui.intake_materials import MaterialsTable
from clerk_app.gui.intake_party import WARNING_STYLE
from clerk_app.gui.intake_texts import decision_names
from clerk_app.gui.joint_party import error_label
from clerk_app.gui.joint_texts import department_name

# The decisions a part may get at a joint intake.
PART_DECISIONS = (Disposition.IMMEDIATE, Disposition.PROMISED, Disposition.SUPPLEMENT)


@dataclass(frozen=True)
class _Row:
    """A material as ``MaterialsTable.set_item`` reads it (no 容缺, no 告知承诺 here)."""

    code: str
    name: str
    required: bool
    form: str = "copy"
    copies: int = 1
    deferrable: bool = False
    commitment: bool = False


@dataclass(frozen=True)
class _Rows:
    materials: tuple[_Row, ...]


def combined_rows(package: Any) -> _Rows:
    """The package's combined materials as checklist rows."""
    return _Rows(tuple(_Row(m.code, m.name, m.required) for m in package.materials))


def own_rows(package: Any, item: Any) -> _Rows:
    """The materials of ``item`` the combined list does not collect."""
    covered = package.covered(item.code)
    return _Rows(
        tuple(
            _Row(m.code, m.name, m.required, m.form, m.copies)
            for m in item.materials
            if m.code not in covered
        )
    )


def make_table(parent: QWidget, name: str, rows: _Rows, changed: Any) -> MaterialsTable:
    """A new materials checklist of ``rows`` in ``parent``."""
    table = QTableWidget(parent)
    table.setObjectName(name)
    return checklist(table, rows, changed)


def checklist(table: QTableWidget, rows: _Rows, changed: Any) -> MaterialsTable:
    """``table`` (made by Designer, or by ``make_table``) as the checklist of ``rows``."""
    # One line per material (elided, the full name in the tooltip): the table's height is
    # the same whatever width the dialog gives it.
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    materials = MaterialsTable(table, changed)
    materials.set_item(rows)
    fit_table(table)
    return materials


def fit_table(table: QTableWidget) -> None:
    """As tall as its header and rows (the header's hint: it may not be laid out yet)."""
    table.resizeRowsToContents()
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    header = table.horizontalHeader().sizeHint().height()
    table.setFixedHeight(header + rows + 2 * table.frameWidth() + 2)


class PartBox(QObject):
    """One first-stage part: its own materials and its decision.

    Args:
        parent: where the box is made.
        package, item, catalog: the part.
        changed: called after every change.
    """

    def __init__(
        self, parent: QWidget, package: Any, item: Any, catalog: Any, changed: Any
    ) -> None:
        super().__init__(parent)
        self.package = package
        self.item = item
        self._changed = changed
        self._allowed: list[Disposition] = []
        self.box = QGroupBox(parent)
        self.box.setObjectName(f"part_{item.code}")
        self.department = department_name(catalog, item.department)
        self.box.setTitle(f"{item.name} · {self.department}")
        layout = QVBoxLayout(self.box)
        self.own_caption = QLabel(self.box)
        layout.addWidget(self.own_caption)
        rows = own_rows(package, item)
        self.materials: MaterialsTable | None = None
        if rows.materials:
            self.materials = make_table(self.box, f"own_{item.code}", rows, changed)
            layout.addWidget(self.materials.table)
        row = QHBoxLayout()
        self.decision_caption = QLabel(self.box)
        self.decision_combo = QComboBox(self.box)
        self.decision_combo.setObjectName(f"decision_{item.code}")
        self.decision_caption.setBuddy(self.decision_combo)
        row.addWidget(self.decision_caption)
        row.addWidget(self.decision_combo, 1)
        layout.addLayout(row)
        self.note_label = QLabel(self.box)
        self.note_label.setObjectName(f"note_{item.code}")
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(WARNING_STYLE)
        self.note_label.hide()
        layout.addWidget(self.note_label)
        self.issues_label = error_label(self.box, f"issues_{item.code}")
        self.issues_label.hide()
        layout.addWidget(self.issues_label)
        self.decision_combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.retranslate()

    def retranslate(self) -> None:
        if self.materials is not None:
            self.own_caption.setText(self.tr("Materials of this item only:"))
            self.materials.retranslate()
        else:
            self.own_caption.setText(self.tr("No materials of its own: the set covers it."))
        self.decision_caption.setText(self.tr("Decision:"))
        self._allowed = []  # refill the names

    def receipts(self) -> tuple[intake.MaterialReceipt, ...]:
        return tuple(self.materials.receipts()) if self.materials is not None else ()

    def first_widget(self) -> QWidget:
        return self.materials.table if self.materials is not None else self.decision_combo

    def update_allowed(self, draft: JointDraft) -> None:
        """Offer the decisions the part's materials allow; keep the choice if allowed."""
        receipts = part_receipts(self.package, self.item, draft)
        missing, _deferred = intake.material_states(receipts, self.item)
        names = {m.code: m.name for m in self.item.materials}
        if missing:
            note = self.tr(
                "Missing for this item: %1 — it gets the one-time notice of missing "
                "materials (补正)."
            ).replace("%1", "、".join(names[code] for code in missing))
            self.note_label.setText(note)
        self.note_label.setVisible(bool(missing))
        allowed = [
            d for d in intake.allowed_dispositions(self.item, receipts) if d in PART_DECISIONS
        ]
        if allowed == self._allowed:
            return
        current = self.disposition()
        self._allowed = allowed
        decisions = decision_names()
        combo = self.decision_combo
        combo.blockSignals(True)
        combo.clear()
        for d in allowed:
            combo.addItem(decisions[d.value], d.value)
        index = combo.findData(current.value) if current is not None else -1
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def disposition(self) -> Disposition | None:
        value = self.decision_combo.currentData()
        return Disposition(value) if value else None

    def show_issues(self, texts: list[str]) -> None:
        self.issues_label.setText("\n".join(texts))
        self.issues_label.setVisible(bool(texts))


class LaterStages(QObject):
    """The parts of later stages: received now, decided when their stage opens."""

    def __init__(self, parent: QWidget, package: Any, plan: list[Any], catalog: Any) -> None:
        super().__init__(parent)
        self.box = QGroupBox(parent)
        self.box.setObjectName("jointLaterStages")
        layout = QVBoxLayout(self.box)
        self.label = QLabel(self.box)
        self.label.setObjectName("jointLaterLabel")
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self._package = package
        self._plan = plan
        self._catalog = catalog
        self.retranslate()

    def retranslate(self) -> None:
        self.box.setTitle(self.tr("Later stages: received, decided when the stage opens"))
        stages = {s.code: s for s in self._package.stages}
        lines = []
        for code in dict.fromkeys(p.stage for p in self._plan):
            stage = stages[code]
            parts = [
                self._catalog.item(p.item).name
                + f"（{department_name(self._catalog, p.department)}）"
                for p in self._plan
                if p.stage == code
            ]
            lines.append(f"{stage.code} {stage.name}: " + "、".join(parts))
        self.label.setText("\n".join(lines))
        self.box.setVisible(bool(lines))
