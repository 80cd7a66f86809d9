"""An unfinished intake parked with Ctrl+S survives a restart and is resumed with Ctrl+R.

Keyboard only, against the real records service: the second run is a new context, desk
and main window on the same data folder. The list masks the ID number; the resumed intake
is taken in once and leaves the list in the case's own transaction.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from clerk_app.core.identity import mask_id
from clerk_app.gui import services
from clerk_app.gui.app import Desk
from clerk_app.store.parked import ParkedIntakes
from tests.helpers.gui import VALID_ID
from tests.helpers.keyboard import (
    CTRL,
    find_item,
    make_context,
    press,
    sign_in,
    target,
    type_keys,
)


def _close(desk: Desk) -> None:
    if desk.window is not None:
        desk.window.close()
    desk.shutdown()
    if desk.login is not None:
        desk.login.close()
    desk.context.close()


def test_a_parked_intake_is_resumed_after_a_restart_and_taken_in_once(
    no_mouse, shared_records_service, tmp_path
):
    qtbot = no_mouse
    url = shared_records_service.base_url
    first = Desk(make_context(url, tmp_path), services.default_hooks())
    try:
        window = sign_in(qtbot, first)
        find_item(qtbot, window, "DEMO-GA-001")
        type_keys(qtbot, window, "Wang Fang")
        press(qtbot, window, Qt.Key.Key_Tab)
        press(qtbot, window, Qt.Key.Key_Tab)
        type_keys(qtbot, window, VALID_ID)
        press(qtbot, window, Qt.Key.Key_Return)
        type_keys(qtbot, window, "13800138000")
        press(qtbot, window, Qt.Key.Key_Tab)
        press(qtbot, window, Qt.Key.Key_Tab)
        assert target(window) is window.intake.ui.materialsTable
        press(qtbot, window, Qt.Key.Key_Space)  # the household register is here

        press(qtbot, window, Qt.Key.Key_S, CTRL)  # 暂存
        qtbot.waitUntil(lambda: window.intake.ui.personNameEdit.text() == "", timeout=10_000)
        assert "Ctrl+R" in window.statusBar().currentMessage()
        assert "Ctrl+S" in window.parking.park_action.toolTip()
        assert first.context.backend.store.list_cases("W01") == []
    finally:
        _close(first)

    second = Desk(make_context(url, tmp_path), services.default_hooks())
    try:
        window = sign_in(qtbot, second)
        press(qtbot, window, Qt.Key.Key_R, CTRL)
        dialog = window.parking.last_dialog
        assert dialog is not None and dialog.isVisible()
        cells = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
        assert "居民身份证首次申领" in cells
        assert "Wang Fang" in cells
        assert mask_id(VALID_ID) in cells
        assert not any(VALID_ID in c for c in cells)  # masked on screen

        press(qtbot, window, Qt.Key.Key_Return)  # resume
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
        form = window.intake
        assert window.current_item.code == "DEMO-GA-001"
        assert form.ui.personNameEdit.text() == "Wang Fang"
        assert form.ui.personIdEdit.text() == VALID_ID
        assert form.materials()[0]["received"] is True
        assert form.ui.acceptButton.isEnabled()

        press(qtbot, window, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=20_000)
        case_no = window.last_dialog.case_no_label.text()
        store = second.context.backend.store
        assert store.get_case(case_no).applicant.name == "Wang Fang"
        parked = ParkedIntakes(store.db, second.context.clock)
        assert parked.list("W01") == []  # left the list with the case's commit
        assert len(store.list_cases("W01")) == 1
    finally:
        _close(second)
