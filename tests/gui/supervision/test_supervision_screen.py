"""The supervisor's screen (issue 19), keyboard only, against the real records service:
demo-supervisor signs in and gets the supervision screen; a complaint about a window that
does not exist is refused in words; one about W01 is taken in (Ctrl+N … Ctrl+Return), its
contact masked in the list and in full below, assigned to 市公安局 (Alt+A); the department's
lead answers through the API; the supervisor records the call-back (Alt+B) and closes it
(Alt+C), a second close is refused in words; the month's bulletin is exported (Ctrl+2,
Ctrl+E): the PDF read back with pdftotext and the XLSX count the complaint on W01."""

from __future__ import annotations

import os
import subprocess
import time
from datetime import date, datetime

import requests
from openpyxl import load_workbook  # type: ignore[import-untyped]
from PySide6.QtCore import Qt

from clerk_app.app.session import sign_in
from clerk_app.gui.app import Desk
from clerk_app.gui.supervision import OVERDUE_RED, SupervisionScreen
from tests.helpers.hall_queue import CST, MONDAY
from tests.helpers.hall_service_data import TIMEOUT, auth
from tests.helpers.keyboard import CTRL, target, type_keys
from tests.helpers.keyboard import press as key_press
from tests.helpers.service import DEMO_PASSWORD

ALT = Qt.KeyboardModifier.AltModifier


def press(qtbot, screen, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key, then wait for the calls to the service it started (off the GUI thread)."""
    key_press(qtbot, screen, key, modifier)
    qtbot.waitUntil(lambda: not screen.working(), timeout=15_000)


#: Friday 4 December 2026: past the deadline of a complaint about attitude assigned on
#: MONDAY (30 November; 3 working days → Thursday 3 December).
FRIDAY = datetime(2026, 12, 4, 10, 0, tzinfo=CST)


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
    qtbot.waitUntil(lambda: not screen.working(), timeout=15_000)  # the lists loaded
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

        # A yellow card to W01 behind the complaint, and W03 the month's model window.
        press(qtbot, screen, Qt.Key.Key_3, CTRL)
        cards = screen.cards
        assert target(screen) is cards.colour  # yellow, to a window: the first of each
        _tab_to(qtbot, screen, cards.target)
        type_keys(qtbot, screen, "W01")
        _tab_to(qtbot, screen, cards.reason)
        type_keys(qtbot, screen, "Complaint about attitude")
        _tab_to(qtbot, screen, cards.complaints)
        type_keys(qtbot, screen, no)
        press(qtbot, screen, Qt.Key.Key_I, ALT)
        assert screen.message.text() == "Card issued to W01.", screen.message.text()
        assert cards.card_table.item(0, 1).text() == "Yellow card"
        for attempt in ("first", "again"):
            _tab_to(qtbot, screen, cards.window_code)
            type_keys(qtbot, screen, "W03")
            _tab_to(qtbot, screen, cards.model_reason)
            type_keys(qtbot, screen, "No complaint all month")
            press(qtbot, screen, Qt.Key.Key_M, ALT)
            if attempt == "first":
                assert screen.message.text() == f"W03 is the model window of {cards.month.text()}."
        assert screen.message.text() == "That window is the month's model window already."
        assert cards.model_table.rowCount() == 1

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
        assert "W01" in text and "W03" in text and "No complaint all month" in text
        sheet = load_workbook(xlsx)["窗口"]
        rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
        head, lines = rows[0], {r[0]: r for r in rows[1:]}
        assert lines["W01"][head.index("投诉")] == 1
    finally:
        desk.shutdown()
        screen.close()


def _open(qtbot, context) -> tuple[Desk, SupervisionScreen]:
    desk = Desk(context)
    screen = desk.open_desk(sign_in(context, "demo-supervisor", DEMO_PASSWORD))
    assert isinstance(screen, SupervisionScreen)
    qtbot.addWidget(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow, timeout=2000)
    qtbot.waitUntil(lambda: not screen.working(), timeout=15_000)  # the lists loaded
    return desk, screen


def _lead_answers(service, no: str, text: str) -> None:
    lead = requests.post(
        service.url("/auth/login"),
        json={"username": "demo-lead", "password": DEMO_PASSWORD},
        timeout=TIMEOUT,
    ).json()["access_token"]
    answered = requests.post(
        service.url(f"/complaints/{no}/answer"),
        json={"answer": text},
        headers=auth(lead),
        timeout=TIMEOUT,
    )
    assert answered.status_code == 200, answered.text


def _set_clock(path, moment: datetime) -> None:
    path.write_text(moment.isoformat())
    stamp = time.time_ns()  # a new modification time even within the same clock tick
    os.utime(path, ns=(stamp, stamp))


def test_an_overdue_complaint_comes_first_in_red_and_is_reopened_once(
    qtbot, service_factory, make_context, clock, tmp_path
) -> None:
    now = tmp_path / "service-now"
    _set_clock(now, MONDAY)
    service = service_factory(clock=now)
    clock.set(MONDAY)
    context = make_context(service.base_url, home="supervisor")
    desk, screen = _open(qtbot, context)
    try:
        _fill_complaint(qtbot, screen, "W01")  # attitude: 3 working days
        late = screen.items[0].no
        _tab_to(qtbot, screen, screen.department)
        type_keys(qtbot, screen, "GA")
        press(qtbot, screen, Qt.Key.Key_A, ALT)
        assert screen.items[0].due_date == date(2026, 12, 3), screen.message.text()
        screen.form.clear()
        _fill_complaint(qtbot, screen, "W01")  # taken in, not assigned: no deadline
        fresh = screen.message.text().split()[1]
        assert fresh != late and {c.no for c in screen.items} == {late, fresh}
    finally:
        desk.shutdown()
        screen.close()

    # Friday: Thursday's deadline has passed, nothing answered; signed in again.
    _set_clock(now, FRIDAY)
    clock.set(FRIDAY)
    desk, screen = _open(qtbot, context)
    try:
        assert [c.no for c in screen.items] == [late, fresh]
        assert screen.items[0].red and not screen.items[1].red
        assert screen.table.item(0, 1).text() == "Overdue · Assigned"
        assert screen.table.item(0, 0).foreground().color() == OVERDUE_RED
        assert screen.table.item(1, 0).foreground().color() != OVERDUE_RED

        _lead_answers(service, late, "Answered late: the clerk was reminded of the rules.")
        press(qtbot, screen, Qt.Key.Key_F5)
        assert screen.selected is not None and screen.selected.no == late
        _tab_to(qtbot, screen, screen.satisfaction)
        press(qtbot, screen, Qt.Key.Key_Down)
        press(qtbot, screen, Qt.Key.Key_Down)
        assert screen.satisfaction.currentData() == "dissatisfied"
        press(qtbot, screen, Qt.Key.Key_B, ALT)
        assert screen.message.text() == f"Call-back of {late} recorded."
        press(qtbot, screen, Qt.Key.Key_R, ALT)  # no note: said, nothing sent
        assert screen.message.text() == "Check the note saying why: it is missing or unknown."
        assert screen.items[0].status == "called_back"
        _tab_to(qtbot, screen, screen.note)
        type_keys(qtbot, screen, "Dissatisfied: the applicant wants an apology.")
        press(qtbot, screen, Qt.Key.Key_R, ALT)
        assert screen.message.text() == f"Complaint {late} reopened.", screen.message.text()
        press(qtbot, screen, Qt.Key.Key_C, ALT)
        assert screen.message.text() == "The complaint is not at a step where this is done."

        _lead_answers(service, late, "The clerk apologised in person.")
        press(qtbot, screen, Qt.Key.Key_F5)
        press(qtbot, screen, Qt.Key.Key_C, ALT)
        assert screen.message.text() == f"Complaint {late} closed."
        _tab_to(qtbot, screen, screen.note)
        type_keys(qtbot, screen, "Once more")
        press(qtbot, screen, Qt.Key.Key_R, ALT)
        assert screen.message.text() == "A complaint is reopened once only."
    finally:
        desk.shutdown()
        screen.close()
