"""A clerk's intake and case detail in English (issue 15): the words and the layout a person
reads, keyboard only, against the real records service and a real SQLite store."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from clerk_app.gui.case_detail import CaseDetail
from tests.helpers.keyboard import (
    CTRL,
    accept,
    applicant,
    find_item,
    mark,
    press,
    sign_in,
    target,
    to_materials,
    type_keys,
)


def _visible_texts(widget) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel) if w.isVisible() and w.text()]


def test_an_accepted_case_leaves_a_clean_form_and_a_readable_detail(
    no_mouse, desk, context_of
) -> None:
    qtbot = no_mouse
    window = sign_in(qtbot, desk)
    # one window, one name: the service's (户政业务窗口), not the provisioning's (公安户籍窗口)
    assert "户政业务窗口" in window.window_label.text()
    window.about_action.trigger()  # Help ▸ About (Alt+H, A)
    about = window.last_tool.text()
    assert "户政业务窗口" in about and "公安户籍窗口" not in about
    window.last_tool.close()
    find_item(qtbot, window, "DEMO-GA-001")  # promised, fee ¥20
    form = window.intake
    fee = form.ui.feeLabel.text()
    assert "not charged: the application is not accepted" in fee
    assert "nothing is accepted" not in fee
    combo = form.ui.feeStateCombo  # the fee state fits its box ("unpa" was cut)
    assert combo.width() >= combo.fontMetrics().horizontalAdvance(combo.currentText()) + 20
    applicant(qtbot, window)
    to_materials(qtbot, window)
    mark(qtbot, window, "r")
    assert form.decision.info_label.text().startswith("Accepted;")
    _case, _text, _dialog = accept(qtbot, window, context_of(desk))
    QApplication.processEvents()
    # the cleared form says nothing of the case just accepted
    assert not any(t.startswith("Accepted;") for t in _visible_texts(form))
    assert form.decision.info_label.text() == ""

    # Ctrl+2: the worklist; the case is opened from its table with Enter
    press(qtbot, window, Qt.Key.Key_2, CTRL)
    pane = window.worklist
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0, timeout=10_000)
    view = pane.view  # the due date ("2027-01-04 (provisional)") and countdown are not cut
    for column in (5, 6):
        text = pane.model.index(0, column).data()
        assert view.columnWidth(column) >= view.fontMetrics().horizontalAdvance(text) + 6
    pane.view.setFocus()
    press(qtbot, window, Qt.Key.Key_Home, CTRL)
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pane.findChild(CaseDetail) is not None, timeout=10_000)
    detail = pane.findChild(CaseDetail)
    qtbot.waitUntil(lambda: detail.case is not None, timeout=10_000)
    QApplication.processEvents()
    # the handler by name, not by login
    actors = {detail.events.item(r, 2).text() for r in range(detail.events.rowCount())}
    assert actors == {"演示窗口人员"}
    # the documents table has room for three whole rows under its header
    docs = detail.documents.table
    row = docs.verticalHeader().defaultSectionSize()
    assert docs.viewport().height() >= 3 * row
    # record the start of handling: the action box then offers no action by itself
    # (it jumped to 要求补正, the first one offered)
    box = detail.action_box
    box.setFocus()
    press(qtbot, detail, Qt.Key.Key_Home)
    for _ in range(box.count()):
        if box.currentData() == "start":
            break
        press(qtbot, detail, Qt.Key.Key_Down)
    assert box.currentData() == "start"
    detail.opinion.setFocus()
    type_keys(qtbot, detail, "review begins")
    before = len(detail.case.events)
    press(qtbot, detail, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(detail.case.events) == before + 1, timeout=15_000)
    assert box.currentData() is None
    assert box.currentText() == "— choose the next action —"
    assert target(detail) is box
    press(qtbot, detail, Qt.Key.Key_Return, CTRL)  # nothing chosen: nothing recorded
    assert detail.action_message.text() == "Choose the action to record."
    assert len(detail.case.events) == before + 1
    detail.close()


def test_the_log_view_shows_beijing_time_whatever_the_pc_zone(no_mouse, desk, context_of) -> None:
    """The PC here runs on UTC; the clerk reads the log in the center's time."""
    import logging
    from datetime import datetime, timedelta

    from clerk_app.core.clock import CENTER_TZ
    from clerk_app.gui.log_view import LogView
    from clerk_app.logs import setup_logging

    context = context_of(desk)
    root = logging.getLogger("clerk")
    level = root.level
    setup_logging(context.paths.log_dir)
    try:
        logging.getLogger("clerk.app").warning("a line to read")
        view = LogView(context)
        no_mouse.addWidget(view)
        view.show()
        line = next(t for t in view.view.toPlainText().splitlines() if "a line to read" in t)
        shown = datetime.strptime(line[:19], "%Y-%m-%d %H:%M:%S").replace(tzinfo=CENTER_TZ)
        assert abs(datetime.now(CENTER_TZ) - shown) < timedelta(minutes=2)
        view.close()
    finally:
        for handler in list(root.handlers):
            if getattr(handler, "_clerk", False):
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)
