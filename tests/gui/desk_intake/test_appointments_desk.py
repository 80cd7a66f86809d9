"""Appointments at the desk (issue 18, gui.appointments), keyboard only, against the real
records service on a working Monday morning: the clerk opens Intake ▸ Appointments
(Ctrl+Shift+Y, listed in F1), books an afternoon place for an applicant (a mistyped ID
number is refused before anything is sent), reads the code out, sees the places left and
the holder masked; the kiosk checks the appointment in by its code through the API, and
the desk may no longer cancel it; another booking is cancelled by code and ID number (a
wrong ID number is refused) and its place is free again. Every control is named, every
text at 4.5:1; in Chinese the dialog speaks Chinese."""

from __future__ import annotations

import re
import uuid

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from clerk_app.core.clock import FixedClock
from clerk_app.gui import services
from clerk_app.gui.app import Desk
from clerk_app.gui.appointments import AppointmentsDialog
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.shortcuts import ShortcutsDialog
from tests.helpers.accessibility import nameless_controls
from tests.helpers.calling import kiosk_token
from tests.helpers.contrast import low_contrast_texts
from tests.helpers.hall_service_data import TIMEOUT, auth
from tests.helpers.keyboard import CTRL, make_context, press, sign_in
from tests.helpers.kiosk import MONDAY_MORNING, resident_id

SHIFT = Qt.KeyboardModifier.ShiftModifier
FIRST = resident_id(MONDAY_MORNING.date().replace(year=1980), serial=411)
SECOND = resident_id(MONDAY_MORNING.date().replace(year=1985), serial=512)
THIRD = resident_id(MONDAY_MORNING.date().replace(year=1990), serial=613)


@pytest.fixture
def center(service_factory):
    return service_factory(clock=MONDAY_MORNING)


@pytest.fixture
def desk(center, tmp_path):
    context = make_context(center.base_url, tmp_path, clock=FixedClock(MONDAY_MORNING))
    desk = Desk(context, services.default_hooks())
    yield desk
    if desk.window is not None:
        desk.window.close()
    desk.shutdown()
    if desk.login is not None:
        desk.login.close()
    context.close()


def _tab_to(qtbot, dialog: AppointmentsDialog, field) -> None:
    for _ in range(12):
        if dialog.focusWidget() is field:
            return
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is field


def _type(qtbot, dialog, field, text: str) -> None:
    _tab_to(qtbot, dialog, field)
    field.selectAll()
    qtbot.keyClicks(field, text)


def _book(qtbot, dialog, name: str, number: str, phone: str = "") -> str:
    """Fill the booking fields by keyboard and press Enter in the last; the message."""
    _type(qtbot, dialog, dialog.name_edit, name)
    _type(qtbot, dialog, dialog.id_edit, number)
    _type(qtbot, dialog, dialog.phone_edit, phone)
    return _enter(qtbot, dialog, dialog.phone_edit)


def _enter(qtbot, dialog, field) -> str:
    """Enter in ``field``; the message the dialog then shows."""
    dialog.message.clear()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.message.text() != "" and not dialog.busy, timeout=20_000)
    return dialog.message.text()


def _cancel(qtbot, dialog, code: str, number: str) -> str:
    _type(qtbot, dialog, dialog.cancel_code_edit, code)
    _type(qtbot, dialog, dialog.cancel_id_edit, number)
    return _enter(qtbot, dialog, dialog.cancel_id_edit)


def _screen_texts(dialog) -> str:
    widgets = [*dialog.findChildren(QLabel), *dialog.findChildren(QLineEdit)]
    return " ".join(w.text() for w in widgets)


def test_a_clerk_books_and_cancels_appointments_by_keyboard(no_mouse, desk, center, qm_dir) -> None:
    qtbot = no_mouse
    window = sign_in(qtbot, desk)
    rows = ShortcutsDialog(window.menuBar(), [], window).rows()
    assert ("Appointments", "Ctrl+Shift+Y") in {(r[1], r[2]) for r in rows}

    press(qtbot, window, Qt.Key.Key_Y, CTRL | SHIFT)
    dialog = window.appointments.last_dialog
    assert isinstance(dialog, AppointmentsDialog)
    qtbot.waitUntil(lambda: dialog.category_combo.count() > 0, timeout=20_000)
    assert nameless_controls(dialog) == []
    # Only the categories taking appointments; the days are the center's working days.
    assert [dialog.category_combo.itemText(i) for i in range(3)] == [
        "A  综合业务",
        "B  公安业务",
        "C  不动产登记",
    ]
    assert dialog.category_combo.count() == 3
    assert "10 places per half-day" in dialog.result_label.text()
    slots = [dialog.slot_combo.itemText(i) for i in range(dialog.slot_combo.count())]
    assert slots[:3] == [
        "2026-11-30 Mon morning 9:00–12:00",
        "2026-11-30 Mon afternoon 13:00–17:00",
        "2026-12-01 Tue morning 9:00–12:00",
    ]
    assert not any("Sat" in s or "Sun" in s for s in slots)

    # Today's afternoon for the first applicant; a mistyped ID number is refused at once.
    assert dialog.focusWidget() is dialog.category_combo
    qtbot.keyClick(dialog.category_combo, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.slot_combo, Qt.Key.Key_Down)
    assert dialog.slot_combo.currentIndex() == 1
    said = _book(qtbot, dialog, "Wang Xiuying", FIRST[:-1] + ("0" if FIRST[-1] != "0" else "1"))
    assert said.startswith("The ID number is not valid.") and "check digit" in said
    assert dialog.focusWidget() is dialog.id_edit and dialog.code_label.text() == "—"
    _type(qtbot, dialog, dialog.id_edit, FIRST)
    _type(qtbot, dialog, dialog.phone_edit, "13800138000")
    said = _enter(qtbot, dialog, dialog.phone_edit)
    code = dialog.code_label.text()
    assert re.fullmatch(r"YY[0-9]{8}", code), said
    assert said == f"Read the code out to the applicant: {code}"
    assert "Places left in that half-day: 9." in dialog.result_label.text()
    assert "2026-11-30 Mon afternoon" in dialog.result_label.text()
    assert dialog.code_label.font().pointSize() >= 24
    texts = _screen_texts(dialog)
    assert FIRST not in texts and "13800138000" not in texts and "Wang Xiuying" not in texts
    assert FIRST[:6] in texts and "*" in dialog.result_label.text()  # masked holder

    # The same person again in the same business that day: said plainly.
    said = _book(qtbot, dialog, "Wang Xiuying", FIRST)
    assert said == "This ID number has an appointment for this business on that day already."

    # The kiosk checks it in by its code; the desk may no longer cancel it.
    ticket_id = str(uuid.uuid4())
    checked = requests.post(
        center.url(f"/appointments/{code}/check-in"),
        json={"id": ticket_id},
        headers={**auth(kiosk_token(center)), "Idempotency-Key": ticket_id},
        timeout=TIMEOUT,
    )
    assert checked.status_code == 201, checked.text
    assert checked.json()["ticket"]["appointment_code"] == code
    said = _cancel(qtbot, dialog, code, FIRST)
    assert said == (
        "This appointment was checked in at the kiosk already: its ticket is in the queue."
    )

    # Another applicant's booking, cancelled by code and ID number: the place is free again.
    _tab_to(qtbot, dialog, dialog.name_edit)
    said = _book(qtbot, dialog, "Li Si", SECOND)
    second = dialog.code_label.text()
    assert second != code and "Places left in that half-day: 8." in dialog.result_label.text()
    said = _cancel(qtbot, dialog, second, THIRD)
    assert said == "No such appointment for this ID number: check the code and the ID card."
    said = _cancel(qtbot, dialog, second.lower(), SECOND)
    assert said == f"Appointment {second} is cancelled: its place is free again."
    assert dialog.cancel_code_edit.text() == dialog.cancel_id_edit.text() == ""
    said = _book(qtbot, dialog, "Zhao Wu", THIRD)
    assert "Places left in that half-day: 8." in dialog.result_label.text(), said
    assert nameless_controls(dialog) == []
    assert low_contrast_texts(dialog, 4.5) == []

    press(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)

    # In Chinese (the desk's default language) the dialog speaks Chinese.
    install_translations("zh_CN", qm_dir)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    press(qtbot, window, Qt.Key.Key_Y, CTRL | SHIFT)
    chinese = window.appointments.last_dialog
    assert chinese is not dialog and chinese.windowTitle() == "预约"
    assert chinese.slot_combo.itemText(1) == "2026-11-30 周一 下午 13:00–17:00"
    assert chinese.book_button.text() == "预约(&B)"
    chinese.reject()
