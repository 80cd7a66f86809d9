"""Contrast of what the palette paints, not only labels (issue 18): a line edit's text and
its placeholder on its base, an item view's cells (text on base and alternate base, each
cell's own foreground/background roles) and its selected rows (highlighted text on
highlight, with the window active and inactive), at WCAG AA 4.5:1.

A colour with transparency (Qt's default placeholder is the text at half alpha) is blended
over the colour behind it, as Qt paints it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from tests.helpers.contrast import (
    WCAG_AA,
    background_colour,
    contrast_ratio,
    stylesheet_colours,
)

Group = QPalette.ColorGroup
Role = QPalette.ColorRole
#: Rows of an item view whose own colours are read (a long list repeats its few styles).
MAX_ROWS = 200


def blend(colour: QColor, behind: QColor) -> QColor:
    """``colour`` painted over the opaque ``behind``."""
    a = colour.alphaF()
    if a >= 1:
        return QColor(colour)
    mixed = QColor()
    mixed.setRgbF(
        colour.redF() * a + behind.redF() * (1 - a),
        colour.greenF() * a + behind.greenF() * (1 - a),
        colour.blueF() * a + behind.blueF() * (1 - a),
    )
    return mixed


def _pair(where: str, what: str, fg: QColor, bg: QColor, minimum: float) -> list[str]:
    fg = blend(fg, bg)
    ratio = contrast_ratio(fg, bg) if bg.alpha() == 255 else 0.0
    if ratio >= minimum:
        return []
    return [f"{where} {what}: {fg.name()} on {bg.name()} = {ratio:.2f}:1"]


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root.window()) and widget.isEnabled()


def edit_problems(root: QWidget, minimum: float = WCAG_AA) -> list[str]:
    """The enabled line edits (and text boxes, editable combo boxes) under ``root`` whose
    text or placeholder is below ``minimum`` on their base."""
    out: list[str] = []
    edits: list[QWidget] = [
        *root.findChildren(QLineEdit),
        *root.findChildren(QPlainTextEdit),
        *root.findChildren(QTextEdit),
    ]
    for edit in edits:
        if not _shown(edit, root):
            continue
        if isinstance(edit, QTextEdit) and edit.isReadOnly() and not edit.toPlainText():
            continue
        palette = edit.palette()
        own = stylesheet_colours(edit.styleSheet())
        base = own.get("background", palette.color(Group.Active, Role.Base))
        if base.alpha() < 255 and edit.parentWidget() is not None:  # a see-through field
            base = background_colour(edit.parentWidget())
        text = own.get("color", palette.color(Group.Active, Role.Text))
        owner = edit.parentWidget() if isinstance(edit.parentWidget(), QComboBox) else edit
        out += _pair(_name(owner), "text", text, base, minimum)
        placeholder = edit.placeholderText() if hasattr(edit, "placeholderText") else ""
        if placeholder:
            shade = palette.color(Group.Active, Role.PlaceholderText)
            out += _pair(_name(owner), f"placeholder {placeholder[:24]!r}", shade, base, minimum)
    return out


def _colour(value: object) -> QColor | None:
    if isinstance(value, QBrush):
        return value.color() if value.style() != Qt.BrushStyle.NoBrush else None
    if isinstance(value, QColor):
        return value
    return None


def _columns(model) -> int:
    try:
        return int(model.columnCount(QModelIndex()))
    except TypeError:  # a list model's columnCount is private from Python: one column
        return 1


def cell_problems(root: QWidget, minimum: float = WCAG_AA) -> list[str]:
    """The visible item views under ``root`` (tables, lists, trees): their text on base
    (and alternate base), selected rows active and inactive, and every cell's own colours."""
    out: list[str] = []
    for view in root.findChildren(QAbstractItemView):
        if not view.isVisibleTo(root.window()) or isinstance(view.parentWidget(), QComboBox):
            continue
        if isinstance(view, QHeaderView):  # a table's header: button colours, not cells
            continue
        if view.window() is not root.window():  # a combo box's popup
            continue
        palette = view.palette()
        own = stylesheet_colours(view.styleSheet())
        where = _name(view)
        for group, state in ((Group.Active, "active"), (Group.Inactive, "inactive")):
            text = own.get("color", palette.color(group, Role.Text))
            base = own.get("background", palette.color(group, Role.Base))
            out += _pair(where, f"cell text ({state})", text, base, minimum)
            if view.alternatingRowColors():
                alternate = palette.color(group, Role.AlternateBase)
                out += _pair(
                    where, f"cell text on alternate rows ({state})", text, alternate, minimum
                )
            highlight = palette.color(group, Role.Highlight)
            chosen = palette.color(group, Role.HighlightedText)
            out += _pair(where, f"selected row ({state})", chosen, highlight, minimum)
        model = view.model()
        if model is None:
            continue
        text = own.get("color", palette.color(Group.Active, Role.Text))
        base = own.get("background", palette.color(Group.Active, Role.Base))
        seen: set[tuple[str, str]] = set()
        for row in range(min(model.rowCount(QModelIndex()), MAX_ROWS)):
            for column in range(_columns(model)):
                index = model.index(row, column)
                fg = _colour(model.data(index, Qt.ItemDataRole.ForegroundRole))
                bg = _colour(model.data(index, Qt.ItemDataRole.BackgroundRole))
                if fg is None and bg is None:
                    continue
                pair = ((fg or text).name(), (bg or base).name())
                if pair in seen:
                    continue
                seen.add(pair)
                words = str(model.data(index, Qt.ItemDataRole.DisplayRole) or "")[:24]
                out += _pair(where, f"cell {words!r}", fg or text, bg or base, minimum)
    return out
