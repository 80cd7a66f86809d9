"""An unfinished joint intake parked with Ctrl+S survives a restart and is resumed with
Ctrl+R (issue 16).

demo-clerk-w05 at the 综合窗口 W05, keyboard only, against the real records service: the
construction project with its type and code, the applicant but its contact phone, the
combined materials, and the first-stage parts' own materials (宗地图 of ZR-004 not
brought: that part gets 补正). Ctrl+S parks it and closes the dialog. A second run on the
same data folder lists it (the package named, the credit code masked); Enter opens the
joint intake as it was, the focus on the missing phone; Ctrl+Return takes it in once and
it leaves the parked list in the joint case's own transaction. Closing the desk with a
joint intake open parks it, and the next start names its package.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from clerk_app.app.context import build_context, demo_provisioning
from clerk_app.core.identity import mask_id
from clerk_app.gui import services
from clerk_app.gui.app import Desk
from clerk_app.paths import Paths
from clerk_app.store.joint import get_joint
from clerk_app.store.parked import ParkedIntakes
from tests.helpers.joint_api import PROJECT_CODE
from tests.helpers.keyboard import CTRL, DEMO_PROVISIONING, press, sign_in, target, type_keys

CLERK = "demo-clerk-w05"
COMPANY = "衡水示例置业有限公司"
CREDIT_CODE = "91131100MA0A1B2C3D"


def _desk(url: str, home: Path, clock=None) -> Desk:
    """A W05 desk on the data folder ``home`` (the same folder: a restart)."""
    provisioning = demo_provisioning(DEMO_PROVISIONING, url)._replace(
        window_code="W05",
        window_name="建设工程审批窗口",
        department="市住房和城乡建设局",
    )
    paths = Paths(data_dir=home / "data", config_dir=home / "config", log_dir=home / "log",
                  documents_dir=home / "documents")  # fmt: skip
    return Desk(build_context(provisioning, paths, clock=clock), services.default_hooks())


def _close(desk: Desk) -> None:
    if desk.window is not None:
        desk.window.close()
    desk.shutdown()
    if desk.login is not None:
        desk.login.close()
    desk.context.close()


def _mark(qtbot, window, rows: int, leave: int | None = None) -> None:
    """Space on each row of the focused materials table (but ``leave``), Down between."""
    for row in range(rows):
        if row != leave:
            press(qtbot, window, Qt.Key.Key_Space)
        if row < rows - 1:
            press(qtbot, window, Qt.Key.Key_Down)


def test_a_parked_joint_intake_is_resumed_after_a_restart_and_taken_in_once(
    no_mouse, shared_records_service, tmp_path
):
    qtbot = no_mouse
    url = shared_records_service.base_url
    first = _desk(url, tmp_path)
    try:
        window = sign_in(qtbot, first, CLERK)
        press(qtbot, window, Qt.Key.Key_F, CTRL)
        type_keys(qtbot, window, "DEMO-PRJ-GCJS")
        press(qtbot, window, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.last_joint_dialog is not None, timeout=5000)
        dialog = window.last_joint_dialog
        qtbot.waitUntil(lambda: target(window) is dialog.type_combo, timeout=2000)
        press(qtbot, window, Qt.Key.Key_S, CTRL)  # nothing typed: nothing to park
        assert dialog.isVisible() and "Nothing to park" in dialog.missing_label.text()
        press(qtbot, window, Qt.Key.Key_Down)  # social investment: other parts
        press(qtbot, window, Qt.Key.Key_Up)  # back to government investment
        QApplication.processEvents()  # the new part boxes show (a queued call)
        press(qtbot, window, Qt.Key.Key_Tab)
        type_keys(qtbot, window, PROJECT_CODE)
        press(qtbot, window, Qt.Key.Key_Tab)
        assert target(window) is dialog.party.org_radio
        for text in (COMPANY, CREDIT_CODE, "张三", "李四"):
            press(qtbot, window, Qt.Key.Key_Tab)
            if text.isascii():
                type_keys(qtbot, window, text)
            else:
                target(window).insert(text)  # as the input method commits Chinese
        press(qtbot, window, Qt.Key.Key_Tab)  # the contact phone: left empty
        press(qtbot, window, Qt.Key.Key_Tab)
        press(qtbot, window, Qt.Key.Key_Tab)
        assert target(window) is dialog.combined.table
        _mark(qtbot, window, 3)
        press(qtbot, window, Qt.Key.Key_Tab)
        parts = {p.item.code: p for p in dialog.parts}
        for code, leave in (("DEMO-FG-004", None), ("DEMO-ZR-004", 2), ("DEMO-WL-001", None)):
            press(qtbot, window, Qt.Key.Key_Tab)
            assert target(window) is parts[code].materials.table
            _mark(qtbot, window, len(parts[code].materials.rows), leave)
            press(qtbot, window, Qt.Key.Key_Tab)
        assert parts["DEMO-ZR-004"].disposition().value == "supplement"
        assert "Contact phone" in dialog.missing_label.text()

        press(qtbot, window, Qt.Key.Key_S, CTRL)  # 暂存
        qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=10_000)
        assert "Ctrl+R" in window.statusBar().currentMessage()
        store = first.context.backend.store
        (parked,) = ParkedIntakes(store.db, first.context.clock).list("W05")
        assert parked.item_code == "DEMO-PRJ-GCJS" and parked.state["joint"] is True
        assert store.list_cases("W05") == []
    finally:
        _close(first)

    second = _desk(url, tmp_path)
    try:
        window = sign_in(qtbot, second, CLERK)
        press(qtbot, window, Qt.Key.Key_R, CTRL)
        listing = window.parking.last_dialog
        assert listing is not None and listing.isVisible()
        cells = [listing.table.item(0, c).text() for c in range(listing.table.columnCount())]
        assert "「Project」工程建设项目审批（房屋建筑类）" in cells
        assert COMPANY in cells and mask_id(CREDIT_CODE) in cells
        assert not any(CREDIT_CODE in c for c in cells)  # masked on screen

        press(qtbot, window, Qt.Key.Key_Return)  # resume
        qtbot.waitUntil(lambda: window.last_joint_dialog is not None, timeout=5000)
        assert not isValid(listing) or not listing.isVisible()
        dialog = window.last_joint_dialog
        qtbot.waitUntil(lambda: target(window) is dialog.party.contact_phone, timeout=5000)
        assert dialog.project_type() == "government" and dialog.code_edit.text() == PROJECT_CODE
        assert dialog.party.org_name.text() == COMPANY
        assert dialog.party.contact_name.text() == "李四"
        assert all(r.received for r in dialog.combined.receipts())
        parts = {p.item.code: p for p in dialog.parts}
        zr = parts["DEMO-ZR-004"]
        assert [r.received for r in zr.receipts()] == [True, True, False]
        assert zr.disposition().value == "supplement" and zr.note_label.isVisible()
        assert parts["DEMO-FG-004"].disposition().value == "promised"
        type_keys(qtbot, window, "13800138000")
        press(qtbot, window, Qt.Key.Key_Tab)
        assert dialog.missing_label.text() == "" and dialog.accept_button.isEnabled()

        press(qtbot, window, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: window.last_joint_result is not None, timeout=20_000)
        joint_no = window.last_joint_result.joint_no_label.text()
        store = second.context.backend.store
        joint = get_joint(store, joint_no)
        assert joint is not None and len(joint.parts) == 15
        assert joint.applicant.name == COMPANY and joint.applicant.phone == "13800138000"
        assert ParkedIntakes(store.db, second.context.clock).list("W05") == []
        assert len(store.list_cases("W05")) == 15  # the parts, once
        press(qtbot, window, Qt.Key.Key_Escape)
    finally:
        _close(second)


def test_closing_the_desk_parks_an_open_joint_intake_and_the_next_start_says_so(
    no_mouse, shared_records_service, tmp_path
):
    qtbot = no_mouse
    url = shared_records_service.base_url
    first = _desk(url, tmp_path)
    try:
        window = sign_in(qtbot, first, CLERK)
        press(qtbot, window, Qt.Key.Key_F, CTRL)
        type_keys(qtbot, window, "DEMO-PRJ-GCJS")
        press(qtbot, window, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.last_joint_dialog is not None, timeout=5000)
        dialog = window.last_joint_dialog
        qtbot.waitUntil(lambda: target(window) is dialog.type_combo, timeout=2000)
        press(qtbot, window, Qt.Key.Key_Tab)
        type_keys(qtbot, window, PROJECT_CODE)
        window.close()  # signed out, or the desk closed: nothing typed is lost
        store = first.context.backend.store
        (parked,) = ParkedIntakes(store.db, first.context.clock).list("W05")
        assert parked.state["joint"] is True and parked.state["project_code"] == PROJECT_CODE
    finally:
        _close(first)

    second = _desk(url, tmp_path)
    try:
        window = sign_in(qtbot, second, CLERK)
        said = window.statusBar().currentMessage()
        assert "was parked" in said and "工程建设项目审批（房屋建筑类）" in said
    finally:
        _close(second)
