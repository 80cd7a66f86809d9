"""The construction project taken in at the 综合窗口 by keyboard (issue 16).

demo-clerk-w05 signs in at W05 against the real records service (a real SQLite file on
both sides); Ctrl+F, the package's code, Enter: the six disclosures of the project show
and the joint intake opens. A wrong project code is refused in words; the applicant once;
the combined materials once; each first-stage part's own materials, one of them left out
(that part gets 补正 and says what is missing); Ctrl+Return. The confirmation shows the
joint number and every part; the sync worker sends the joint case, and the center has it
with its 15 parts. No mouse event is sent.
"""

from __future__ import annotations

from datetime import datetime

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clerk_app.app.context import build_context, demo_provisioning
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.gui import services
from clerk_app.gui.app import Desk
from clerk_app.paths import Paths
from tests.helpers.joint_api import PROJECT_CODE
from tests.helpers.keyboard import (
    ALT,
    CTRL,
    DEMO_PROVISIONING,
    pdf_text,
    press,
    sign_in,
    target,
    type_keys,
)
from tests.helpers.service_api import TIMEOUT, auth, token_for

CLERK = "demo-clerk-w05"


@pytest.fixture
def w05_desk(shared_records_service, tmp_path):
    """The desk of the project hall's 综合窗口 W05 on a fresh data folder."""
    provisioning = demo_provisioning(DEMO_PROVISIONING, shared_records_service.base_url)._replace(
        window_code="W05",
        window_name="建设工程审批窗口",
        department="市住房和城乡建设局",
    )
    paths = Paths(
        data_dir=tmp_path / "data",
        config_dir=tmp_path / "config",
        log_dir=tmp_path / "log",
        documents_dir=tmp_path / "documents",
    )
    clock = FixedClock(datetime.now(CENTER_TZ).replace(microsecond=0))
    context = build_context(provisioning, paths, clock=clock)
    desk = Desk(context, services.default_hooks())
    yield desk
    if desk.window is not None:
        desk.window.close()
    desk.shutdown()
    if desk.login is not None:
        desk.login.close()
    context.close()


def _mark_all(qtbot, window, rows: int, leave: int | None = None) -> None:
    """Space on each row of the focused materials table (but ``leave``), Down between."""
    for row in range(rows):
        if row != leave:
            press(qtbot, window, Qt.Key.Key_Space)
        if row < rows - 1:
            press(qtbot, window, Qt.Key.Key_Down)


def test_the_construction_project_taken_in_at_the_comprehensive_window_by_keyboard(
    no_mouse, w05_desk, shared_records_service, tmp_path
):
    qtbot = no_mouse
    desk = w05_desk
    window = sign_in(qtbot, desk, CLERK)
    assert "W05" in window.window_label.text()

    # Ctrl+F, the code, Enter: the project's disclosures and its joint intake.
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    type_keys(qtbot, window, "DEMO-PRJ-GCJS")
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.last_joint_dialog is not None, timeout=5000)
    dialog = window.last_joint_dialog
    shown = window.disclosure.toPlainText()
    for title in window.disclosure.section_titles():
        assert title in shown
    for words in (
        "Lead department: 市住房和城乡建设局",
        "Total: 45 working days",
        "《政府投资条例》",
    ):
        assert words in shown
    qtbot.waitUntil(lambda: target(window) is dialog.type_combo, timeout=2000)
    assert dialog.project_type() == "government"  # the first type, kept
    assert len(dialog.parts) == 3  # stage one of a government-invested project

    # A wrong project code is refused in words, next to the field and in the list.
    press(qtbot, window, Qt.Key.Key_Tab)
    assert target(window) is dialog.code_edit
    type_keys(qtbot, window, "2026-1311-47")
    press(qtbot, window, Qt.Key.Key_Tab)
    words = "The project code has the form 2026-130502-48-01-000123"
    assert dialog.code_message.isVisible() and words in dialog.code_message.text()
    assert words in dialog.missing_label.text()
    assert not dialog.accept_button.isEnabled()
    press(qtbot, window, Qt.Key.Key_C, ALT)  # back to the code: replace it
    assert target(window) is dialog.code_edit
    press(qtbot, window, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, window, PROJECT_CODE)
    press(qtbot, window, Qt.Key.Key_Tab)
    assert not dialog.code_message.isVisible()
    assert "project code" not in dialog.missing_label.text().casefold()

    # The applicant once: an organization (the items serve legal persons only).
    assert not dialog.party.person_radio.isEnabled()
    assert target(window) is dialog.party.org_radio
    for text in ("衡水示例置业有限公司", "91131100MA0A1B2C3D", "张三", "李四", "13800138000"):
        press(qtbot, window, Qt.Key.Key_Tab)
        if text.isascii():
            type_keys(qtbot, window, text)
        else:
            target(window).insert(text)  # as the input method commits Chinese
    assert "Applicant" not in dialog.missing_label.text()
    press(qtbot, window, Qt.Key.Key_Tab)
    assert target(window) is dialog.party.agent_box

    # The combined materials once, then each part's own; 宗地图 of ZR-004 not brought.
    press(qtbot, window, Qt.Key.Key_Tab)
    assert target(window) is dialog.combined.table
    _mark_all(qtbot, window, 3)
    press(qtbot, window, Qt.Key.Key_Tab)
    assert target(window) is dialog.all_button
    parts = {p.item.code: p for p in dialog.parts}
    for code, leave in (("DEMO-FG-004", None), ("DEMO-ZR-004", 2), ("DEMO-WL-001", None)):
        part = parts[code]
        press(qtbot, window, Qt.Key.Key_Tab)
        assert target(window) is part.materials.table
        _mark_all(qtbot, window, len(part.materials.rows), leave)
        press(qtbot, window, Qt.Key.Key_Tab)
        assert target(window) is part.decision_combo
    assert parts["DEMO-FG-004"].disposition().value == "promised"
    assert parts["DEMO-WL-001"].disposition().value == "promised"
    short = parts["DEMO-ZR-004"]
    assert short.disposition().value == "supplement" and short.decision_combo.count() == 1
    assert "宗地图及界址点坐标" in short.note_label.text() and short.note_label.isVisible()
    later = dialog.later.label.text()
    assert "S4 竣工验收" in later and "建设工程档案验收（市城市建设档案馆）" in later
    assert dialog.missing_label.text() == "" and dialog.accept_button.isEnabled()
    QApplication.processEvents()  # the layout as the screen shows it next
    dialog.grab().save(str(tmp_path / "joint_intake.png"))

    # Ctrl+Return: saved in one transaction; the confirmation names every part.
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: window.last_joint_result is not None, timeout=20_000)
    result = window.last_joint_result
    joint_no = result.joint_no_label.text()
    assert joint_no.startswith("HS-W05-")
    table = result.table
    assert table.rowCount() == 15
    rows = [[table.item(r, c).text() for c in range(6)] for r in range(15)]
    by_item = {row[2]: row for row in rows}
    zr = by_item["建设用地规划许可证核发"]
    assert zr[0] == "S1" and zr[3] == "市自然资源和规划局" and zr[5] == "—"
    assert "(补正)" in zr[4]
    fg = by_item["政府投资项目可行性研究报告审批"]
    assert fg[1].startswith("HS-W05-") and fg[1] != joint_no and fg[5] != "—"
    assert by_item["建设工程档案验收"][4] == "received, decided when the stage opens"
    assert len({row[1] for row in rows}) == 15  # each part its own number
    # The 联合受理通知书 is issued as the confirmation opens; Alt+P would preview it.
    qtbot.waitUntil(lambda: result.print_button.isEnabled(), timeout=20_000)
    assert "&P" in result.print_button.text()
    paper = pdf_text(result.receipt.path)
    assert joint_no in paper and fg[1] in paper and "市城市建设档案馆" in paper
    result.grab().save(str(tmp_path / "joint_result.png"))
    press(qtbot, window, Qt.Key.Key_Escape)

    # The sync worker sends it: the center has one joint case with its 15 parts.
    store = desk.context.backend.store
    qtbot.waitUntil(lambda: store.outbox_counts().get("pending", 0) == 0, timeout=30_000)
    token = token_for(shared_records_service, CLERK, window_code="W05")
    answer = requests.get(
        shared_records_service.url(f"/joint-cases/{joint_no}"),
        headers=auth(token),
        timeout=TIMEOUT,
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()["joint_case"]
    assert body["package_code"] == "DEMO-PRJ-GCJS" and body["project_code"] == PROJECT_CODE
    assert len(body["parts"]) == 15
