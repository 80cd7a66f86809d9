"""Driving the case detail by keyboard: pick an action with the arrow keys, type the opinion,
Ctrl+Return, and wait for the event to be written (the issue 15 case-detail tests)."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt

from clerk_app.gui.case_detail import CaseDetail
from tests.helpers.printing import clerk_session


def notice_text(issued) -> str:
    """The words of an issued notice as printed (its rendered page, tags dropped, no blanks):
    the same document the PDF and the printer get, however the desk keeps the file."""
    text = html.unescape(re.sub(r"<[^>]+>", "", issued.rendered.html))
    return re.sub(r"\s+", "", text)


def choose(qtbot, combo, value) -> None:
    """Pick an entry of a combo box with the arrow keys only."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == value:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == value, f"{value} not offered: {combo.currentData()}"


def record(qtbot, detail, opinion: str = "") -> None:
    """Type the opinion, Ctrl+Return, and wait until the case has one more event."""
    detail.opinion.setFocus()
    if opinion:
        qtbot.keyClicks(detail.opinion, opinion)
    before = len(detail.case.events)
    qtbot.keyClick(detail.opinion, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    def recorded() -> None:
        assert len(detail.case.events) == before + 1, detail.action_message.text()

    qtbot.waitUntil(recorded, timeout=15_000)


def act(qtbot, detail, action: str, opinion: str = "") -> None:
    choose(qtbot, detail.action_box, action)
    record(qtbot, detail, opinion)


def offered(detail) -> set[str]:
    box = detail.action_box
    return {box.itemData(i) for i in range(box.count())} - {None}


def open_detail(qtbot, context, case_no, writer, session=None, parent=None) -> CaseDetail:
    detail = CaseDetail(context, session or clerk_session(), case_no, writer, parent)
    if parent is None:
        qtbot.addWidget(detail)
    detail.show()
    detail.activateWindow()
    qtbot.waitActive(detail)
    return detail
