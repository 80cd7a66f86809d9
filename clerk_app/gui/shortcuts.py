"""Keyboard-first helpers: shortcuts shown in tooltips, and the F1 list of every key.

Every menu action of the desk has a shortcut or a mnemonic (``&F``), and its tooltip says
which: ``Find item (Ctrl+F)`` or ``Self-check (Alt+H, S)``. :func:`describe` writes that
tooltip; call it again from ``retranslate()`` after the texts changed. The F1 list's
layout is the Designer form ``ui/shortcuts_dialog.ui``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTableWidgetItem,
    QWidget,
)

from clerk_app.gui.forms.ui_shortcuts_dialog import Ui_ShortcutsDialog

_MNEMONIC = re.compile(r"&(.)")


def plain(text: str) -> str:
    """A menu text without its mnemonic marker: ``"&File"`` → ``"File"``,
    ``"文件(&F)"`` → ``"文件"``."""
    text = re.sub(r"\(&(.)\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def menu_action(
    window: QWidget, menu: QMenu, name: str, slot: Callable[[], Any], *keys: Any
) -> QAction:
    """A menu item of ``window`` named ``name`` that calls ``slot``.

    Its shortcuts are also added to the window itself, so they work whatever has the focus.
    """
    action = QAction(window)
    action.setObjectName(name)
    if keys:
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(action)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def mnemonic(text: str) -> str:
    """The letter after ``&`` in a menu text (upper case), or "" when there is none."""
    match = _MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).upper() if match else ""


def shortcut_text(action: QAction) -> str:
    """The action's shortcuts as the menu shows them, e.g. ``"Ctrl+F"`` (or "").

    Each text once: in Chinese Return and Enter are both 回车, so Ctrl+Return and
    Ctrl+Enter read "Ctrl+回车" — said twice it looks like a mistake.
    """
    texts = (
        s.toString(QKeySequence.SequenceFormat.NativeText)
        for s in action.shortcuts()
        if not s.isEmpty()
    )
    return ", ".join(dict.fromkeys(texts))


def key_path(menu: QMenu | None, action: QAction) -> str:
    """How to reach ``action`` from the keyboard: its shortcut, else ``Alt+M, A``."""
    keys = shortcut_text(action)
    if keys:
        return keys
    menu_key = mnemonic(menu.title()) if menu is not None else ""
    action_key = mnemonic(action.text())
    if menu_key and action_key:
        return f"Alt+{menu_key}, {action_key}"
    return ""


def describe(action: QAction, menu: QMenu | None = None, tip: str = "") -> None:
    """Set the tooltip (and status tip) of ``action`` to its text or ``tip`` plus its keys."""
    text = tip or plain(action.text())
    keys = key_path(menu, action)
    action.setToolTip(f"{text} ({keys})" if keys else text)
    action.setStatusTip(action.toolTip())


def describe_menus(bar: QMenuBar) -> None:
    """:func:`describe` every action of every menu of ``bar`` (after a retranslation)."""
    for menu in menus_of(bar):
        menu.setToolTipsVisible(True)
        for action in menu.actions():
            if not action.isSeparator() and action.menu() is None:
                describe(action, menu)


def menus_of(bar: QMenuBar) -> list[QMenu]:
    """The menus of a menu bar, in order."""
    return [a.menu() for a in bar.actions() if isinstance(a.menu(), QMenu)]


def all_menu_actions(bar: QMenuBar) -> list[tuple[QMenu, QAction]]:
    """Every (menu, action) pair of the menu bar, separators and sub-menus left out."""
    return [
        (menu, action)
        for menu in menus_of(bar)
        for action in menu.actions()
        if not action.isSeparator() and action.menu() is None
    ]


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard shortcuts (F1): every menu action with its keys, then the keys that
    work without a menu (``extra``: ``[(keys, what), ...]``).
    """

    def __init__(
        self, bar: QMenuBar, extra: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        # The layout is ui/shortcuts_dialog.ui; the code fills in the rows.
        self.ui = u = Ui_ShortcutsDialog()
        u.setupUi(self)
        rows: list[tuple[str, str, str]] = []
        for menu, action in all_menu_actions(bar):
            rows.append((plain(menu.title()), plain(action.text()), key_path(menu, action)))
        section = self.tr("Anywhere")
        rows.extend((section, what, keys) for keys, what in extra)
        self.table = u.shortcutsTable
        self.table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        u.buttonBox.rejected.connect(self.reject)

    def rows(self) -> list[tuple[str, str, str]]:
        """The table's rows as text (tests)."""
        return [
            tuple(self.table.item(r, c).text() for c in range(3))  # type: ignore[misc]
            for r in range(self.table.rowCount())
        ]
