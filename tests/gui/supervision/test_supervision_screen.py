"""The supervisor's screen (issue 19), keyboard only, against the real records service:
demo-supervisor signs in and gets the supervision screen; a complaint about a window that
does not exist is refused in words; one about W01 is taken in (Ctrl+N … Ctrl+Return), its
contact masked in the list and in full below, assigned to 市公安局 (Alt+A); the department's
lead answers through the API; the supervisor records the call-back (Alt+B) and closes it
(Alt+C), a second close is refused in words; the month's bulletin is exported (Ctrl+2,
Ctrl+E): the PDF read back with pdftotext and the XLSX count the complaint on W01."""

from __future__ import annotations

import subprocess

import requests
from openpyxl import load_workbook  # type: ignore[import-untyped]
from PySide6.QtCore import Qt

from clerk_app.app.session import sign_in
from clerk_app.gui.app import Desk
from clerk_app.gui.supervision import OVERDUE_RED, SupervisionScreen
from tests.helpers.hall_service_data import TIMEOUT, auth
from tests.helpers.keyboard import CTRL, press, target, type_keys
from tests.helpers.service import DEMO_PASSWORD

ALT = Qt.KeyboardModifier.AltModifier


def _tab_to(qtbot, screen, widget, limit: int = 20) -> None:
    for _ in range(limit):
        if target(screen) is widget:
            return
        press(qtbot, screen, Qt.Key.Key_Tab)
    assert target(screen) is widget, target(screen)


def _fill_complaint(qtbot, screen, about: str) -> None:
    form = screen.form
    press(qtbot, screen, Qt.Key.Key_N, CTRL)
    assert target(screen) is form.channel  # in person, the first channel
    press(qtbot, screen, Qt.Key.Key_Tab)
    type_keys(qtbot, screen, "Wang Fang")
    _tab_to(qtbot, screen, form.contact)
    type_keys(qtbot, screen, "13800138000")
    _tab_to(qtbot, screen, form.about)  # about a window, the first kind
    type_keys(qtbot, screen, about)
    _tab_to(qtbot, screen, form.account)  # attitude, the first category
    type_keys(qtbot, screen, "Sent away twice at the window without a reason.")
    press(qtbot, screen, Qt.Key.Key_Return, CTRL)


def test_a_complaint_from_intake_to_close_and_the_months_bulletin_by_keyboard(
    qtbot, records_service, make_context, tmp_path
) -> None:
    service = records_service
    context = make_context(service.base_url, home="supervisor")
    desk = Desk(context)
    screen = desk.open_desk(sign_in(context, "demo-supervisor", DEMO_PASSWORD))
    assert isinstance(screen, SupervisionScreen)
    qtbot.addWidget(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow, timeout=2000)
    try:
        _fill_complaint(qtbot, screen, "W99")
        assert screen.message.text() == "Check the window: it is missing or unknown."
        assert screen.items == []
        screen.form.clear()

        _fill_complaint(qtbot, screen, "w01")
        assert len(screen.items) == 1, screen.message.text()
        complaint = screen.items[0]
        no = complaint.no
        assert screen.message.text() == f"Complaint {no} taken in."
        assert (complaint.status, complaint.about, complaint.category) == (
            "open", "W01", "attitude",
        )  # fmt: skip
        row = [screen.table.item(0, c).text() for c in range(screen.table.columnCount())]
        assert row[1:4] == ["Open", "Window W01", "Attitude"] and row[4] != "Wang Fang"
        assert row[5] == "138****8000" and "13800138000" not in " ".join(row)
        assert "13800138000" in screen.detail.text()  # the complaint itself, to call back
        assert screen.table.item(0, 0).foreground().color() != OVERDUE_RED

        _tab_to(qtbot, screen, screen.department)
        type_keys(qtbot, screen, "ga")
        press(qtbot, screen, Qt.Key.Key_A, ALT)
        assert screen.message.text() == f"Complaint {no} assigned.", screen.message.text()
        assert screen.items[0].status == "assigned" and screen.items[0].department_code == "GA"
        assert screen.items[0].due_date is not None

        # The department's lead answers in their own desk (here through the API).
        lead = requests.post(
            service.url("/auth/login"),
            json={"username": "demo-lead", "password": DEMO_PASSWORD},
            timeout=TIMEOUT,
        ).json()["access_token"]
        answered = requests.post(
            service.url(f"/complaints/{no}/answer"),
            json={"answer": "The clerk apologised; the application was taken in the same day."},
            headers=auth(lead),
            timeout=TIMEOUT,
        )
        assert answered.status_code == 200, answered.text

        press(qtbot, screen, Qt.Key.Key_F5)
        assert screen.items[0].status == "answered"
        assert "apologised" in screen.detail.text()
        _tab_to(qtbot, screen, screen.satisfaction)  # satisfied, the first
        press(qtbot, screen, Qt.Key.Key_B, ALT)
        assert screen.message.text() == f"Call-back of {no} recorded.", screen.message.text()
        assert screen.items[0].satisfaction == "satisfied"
        press(qtbot, screen, Qt.Key.Key_C, ALT)
        assert screen.message.text() == f"Complaint {no} closed."
        assert screen.items[0].status == "closed"
        press(qtbot, screen, Qt.Key.Key_C, ALT)
        assert screen.message.text() == "The complaint is closed: reopen it first."

        # The month's bulletin, PDF and XLSX.
        folder = tmp_path / "bulletins"
        screen.folder.setText(str(folder))
        press(qtbot, screen, Qt.Key.Key_2, CTRL)
        assert target(screen) is screen.period
        month = screen.period.currentText()
        press(qtbot, screen, Qt.Key.Key_E, CTRL)
        assert screen.exported is not None, screen.message.text()
        pdf, xlsx = screen.exported
        assert (pdf.name, xlsx.name) == (f"通报-{month}.pdf", f"通报-{month}.xlsx")
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        year, mon = month.split("-")
        assert "政务服务月通报" in text and f"{year}年{int(mon)}月" in text
        assert "W01" in text
        sheet = load_workbook(xlsx)["窗口"]
        rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
        head, lines = rows[0], {r[0]: r for r in rows[1:]}
        assert lines["W01"][head.index("投诉")] == 1
    finally:
        desk.shutdown()
        screen.close()
