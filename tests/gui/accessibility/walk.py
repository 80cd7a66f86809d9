"""The accessibility check of one window, every tab of it: nameless controls (the QAccessible
walk of ``tests.helpers.accessibility``) and texts below 4.5:1 — labels and buttons
(``tests.helpers.contrast``; a disabled label is left out, as WCAG 1.4.3 asks nothing of an
inactive control), line edits with their placeholders, and item views' cells and selected
rows (``.fields``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from tests.helpers.accessibility import nameless_controls
from tests.helpers.contrast import low_contrast_buttons, low_contrast_texts

from .fields import cell_problems, edit_problems


def _look(root: QWidget, where: str, found: dict[str, str]) -> None:
    QCoreApplication.processEvents()
    for node in nameless_controls(root):
        found.setdefault(f"no name: {node}", where)
    for text in low_contrast_texts(root, skip_disabled=True) + low_contrast_buttons(root):
        found.setdefault(f"contrast: {text}", where)
    for text in edit_problems(root) + cell_problems(root):
        found.setdefault(f"contrast: {text}", where)


def _tabs(root: QWidget, page: QWidget, where: str, found: dict[str, str]) -> None:
    """Each enabled tab of each tab widget shown on ``page``, nested tabs too."""
    for tabs in page.findChildren(QTabWidget):
        if not tabs.isVisibleTo(root) or _inside_other_tabs(tabs, page):
            continue
        was = tabs.currentIndex()
        for index in range(tabs.count()):
            if not tabs.isTabEnabled(index) or not tabs.isTabVisible(index):
                continue
            tabs.setCurrentIndex(index)
            here = f"{where} › {tabs.tabText(index).replace('&', '')}"
            _look(root, here, found)
            shown = tabs.widget(index)
            if shown is not None:
                _tabs(root, shown, here, found)
        tabs.setCurrentIndex(was)


def _inside_other_tabs(tabs: QTabWidget, page: QWidget) -> bool:
    """``tabs`` sits in another tab widget's page below ``page`` (reached from there)."""
    node = tabs.parentWidget()
    while node is not None and node is not page:
        if isinstance(node, QTabWidget):
            return True
        node = node.parentWidget()
    return False


def problems(root: QWidget, where: str = "") -> list[str]:
    """What fails on ``root`` (and on each of its tabs): ``"<problem> (at <where>)"``."""
    found: dict[str, str] = {}
    where = where or root.objectName() or type(root).__name__
    _look(root, where, found)
    _tabs(root, root, where, found)
    return [f"{problem} (at {at})" for problem, at in found.items()]
