"""The English desk says nothing in Chinese but the data (issue 15: "a Chinese sentence above
the form stays untranslated"): signed in, with an item chosen and the applicant typed by
keyboard, every visible caption, label, button and heading of the main window is English once
the catalog's own words (item, materials, fees, conditions) and the names of the clerk, the
window and the center are taken out."""

from __future__ import annotations

import dataclasses
import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTextEdit,
    QWidget,
)

from tests.helpers.keyboard import applicant, find_item, sign_in

CJK = re.compile(r"[\u4e00-\u9fff]")


def _strings(value: object) -> list[str]:
    """Every string inside a catalog record (dataclasses, lists, dicts)."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _strings(dataclasses.asdict(value))
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [s for v in value for s in _strings(v)]
    return []


def _shown(window: QWidget) -> list[str]:
    texts = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QTextEdit):
            texts.append(widget.toPlainText())
    return [t for t in texts if t]


def test_the_english_desk_shows_chinese_only_in_the_data(no_mouse, desk) -> None:
    qtbot = no_mouse
    window = sign_in(qtbot, desk)
    find_item(qtbot, window, "DEMO-GA-001")
    applicant(qtbot, window)
    QApplication.processEvents()
    session, prov = window.session, desk.context.provisioning
    data = [
        *_strings(window.current_item),
        *(session.display_name, session.window_name, session.department),
        *(prov.center_name, prov.window_name, prov.department),
    ]
    data = sorted({d for d in data if d}, key=len, reverse=True)  # longest first
    leftovers = []
    for text in _shown(window):
        rest = text
        for value in data:
            rest = rest.replace(value, "")
        # the disposition names carry their Chinese term on purpose: "Done on the spot (即办)"
        rest = re.sub(r"\((即办|承诺|容缺|补正|不予受理|上报)\)", "", rest)
        if CJK.search(rest):
            leftovers.append(rest)
    assert leftovers == []
