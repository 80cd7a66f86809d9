"""The calling bar at the window (issue 18), keyboard only, against the real records service:
the clerk calls the next ticket (F6), recalls it (Shift+F6), takes a case in meanwhile
(its rating waits), finishes the visit (F7) and the applicant rates it once on the applicant
screen — one rating for the ticket and the case at the center; a ticket served with no case
is rated too; a mistyped number is said plainly (F3); paused with a reason (Ctrl+F7), the
window calls nobody and its own screen (窗口屏) says why. Every control of the bar has an
accessible name.

The applicant screen shows only on a second monitor, so the test runs in a child process
whose offscreen platform has two (``tests.helpers.screens``)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from clerk_app.core.queue_calls import PAUSED, SERVING
from clerk_app.gui.applicant_screen import ApplicantScreen
from clerk_app.gui.calling_dialogs import PauseDialog, TransferDialog
from clerk_app.gui.i18n import install_translations
from tests.helpers.accessibility import nameless_controls
from tests.helpers.calling import case_ratings, display_token, issue, kiosk_token, ticket_row
from tests.helpers.hall_service_data import TIMEOUT, auth
from tests.helpers.keyboard import CTRL, applicant, find_item, mark, press, sign_in, to_materials
from tests.helpers.screens import run_with_two_screens, two_screens  # noqa: F401 - fixture

SHIFT = Qt.KeyboardModifier.ShiftModifier


def _calls(service) -> list[tuple[str, str]]:
    answer = requests.get(
        service.url("/queue/calls"),
        params={"after": 0, "wait": 0},
        headers=auth(display_token(service)),
        timeout=TIMEOUT,
    )
    assert answer.status_code == 200, answer.text
    return [(c["number"], c["kind"]) for c in answer.json()["items"]]


def _rate(qtbot, bar, screen: ApplicantScreen, shown: str, score: int) -> str:
    """The applicant rates on their screen: Tab to the score, Space (as a keypad does);
    what the screen named."""
    qtbot.waitUntil(lambda: screen.page() == ApplicantScreen.RATING, timeout=10_000)
    named = screen.rating_case.text()
    assert shown in named
    button = screen.score_buttons[score]
    button.setFocus()
    with qtbot.waitSignal(bar.rating_saved, timeout=20_000):
        qtbot.keyClick(button, Qt.Key.Key_Space)
    screen.idle_timer.timeout.emit()
    return named


@pytest.mark.usefixtures("two_screens")
def test_a_clerk_calls_serves_and_the_visit_is_rated_once_by_keyboard(
    no_mouse, desk, context_of, shared_records_service, qm_dir, tmp_path
) -> None:
    qtbot, service = no_mouse, shared_records_service
    settings = context_of(desk).settings
    for key in ("applicant_screen.enabled", "queue.calling_bar", "queue.window_screen"):
        settings.set(key, True)
    window = sign_in(qtbot, desk)
    bar, screen = window.calling_bar, window.applicant.screen
    qtbot.addWidget(screen)
    qtbot.addWidget(bar.window_screen)
    assert nameless_controls(bar) == []
    keys = {(r[1], r[2]) for r in _shortcut_rows(window)}
    assert {("Call next", "F6"), ("Recall", "Shift+F6"), ("Finish the visit", "F7")} <= keys

    kiosk = kiosk_token(service)
    assert [issue(service, kiosk) for _ in range(2)] == ["B001", "B002"]
    _front(qtbot, window)

    # A mistyped number is said at once.
    press(qtbot, window, Qt.Key.Key_F3)
    assert window.focusWidget() is bar.number_edit
    qtbot.keyClicks(bar.number_edit, "12A")
    press(qtbot, window, Qt.Key.Key_Return)
    assert "not a ticket number" in bar.message_label.text()
    bar.number_edit.clear()

    press(qtbot, window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: bar.visit.number == "B001", timeout=10_000)
    assert bar.ticket_label.text() == "B001"
    shown = bar.window_screen.state
    assert (shown.status, shown.ticket, shown.window_label) == (SERVING, "B001", "1")
    press(qtbot, window, Qt.Key.Key_F6, SHIFT)
    qtbot.waitUntil(lambda: "again" in bar.message_label.text(), timeout=10_000)
    assert _calls(service) == [("B001", "call"), ("B001", "recall")]

    # An intake while B001 is served: linked to the visit, its rating waits for Finish.
    find_item(qtbot, window, "DEMO-GA-001")
    applicant(qtbot, window)
    to_materials(qtbot, window)
    mark(qtbot, window, "r")
    with qtbot.waitSignal(window.case_accepted, timeout=20_000) as accepted:
        press(qtbot, window, Qt.Key.Key_Return, CTRL)
    case_no = accepted.args[0].case_no
    qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=10_000)
    assert screen.page() != ApplicantScreen.RATING
    assert bar.visit.case_nos == [case_no] and case_no in bar.info_label.text()
    _front(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Escape)
    _front(qtbot, window)
    _screenshots(qtbot, window, bar, qm_dir, tmp_path)
    press(qtbot, window, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: bar.visit.number == "", timeout=10_000)
    assert "finished" in bar.message_label.text(), bar.message_label.text()
    assert case_no in _rate(qtbot, bar, screen, "B001", 4)  # the ticket and its case
    assert bar.visit.number == "" and bar.ticket_label.text() == "—"

    # The next ticket, served with no case, is rated too.
    _front(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: bar.visit.number == "B002", timeout=10_000)
    press(qtbot, window, Qt.Key.Key_F7)
    assert _rate(qtbot, bar, screen, "B002", 5) == "Ticket B002"

    store = context_of(desk).backend.store
    qtbot.waitUntil(lambda: store.outbox_counts()["pending"] == 0, timeout=30_000)
    assert store.outbox_counts()["rejected"] == 0
    assert case_ratings(service, case_no) == [(4, "accept")]  # once: the visit's
    status, case_nos, rated, _window = ticket_row(service, "B001")
    assert (status, json.loads(case_nos), rated) == ("done", [case_no], True)
    assert ticket_row(service, "B002")[:3:2] == ("done", True)

    # Paused with a reason: nobody is called, the window's screen says why.
    issue(service, kiosk)
    _front(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F7, CTRL)
    qtbot.waitUntil(lambda: isinstance(bar.last_dialog, PauseDialog), timeout=5_000)
    dialog = bar.last_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    assert dialog.focusWidget() is dialog.reason_box
    assert nameless_controls(dialog) == []
    press(qtbot, window, Qt.Key.Key_Return)  # no reason: OK stays off
    assert dialog.isVisible()
    press(qtbot, window, Qt.Key.Key_Down)  # the first of the usual reasons
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bar.visit.paused, timeout=10_000)
    shown = bar.window_screen.state
    assert (shown.status, shown.pause_reason) == (PAUSED, "Lunch break")
    assert "Lunch break" in bar.window_screen.reason_label.text()
    _front(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F6)
    assert "paused" in bar.message_label.text()
    assert bar.visit.number == "" and len(_calls(service)) == 4  # B001 thrice, B002
    press(qtbot, window, Qt.Key.Key_F7, CTRL)  # resume
    qtbot.waitUntil(lambda: not bar.visit.paused, timeout=10_000)
    press(qtbot, window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: bar.visit.number == "B003", timeout=10_000)

    # Transfer: to a closed window (P01 serves nothing) is refused; to 综合业务 (A) it goes.
    dialog = _transfer_dialog(qtbot, window, bar)
    assert nameless_controls(dialog) == []
    press(qtbot, window, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.window_edit
    qtbot.keyClicks(dialog.window_edit, "p01")
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "closed" in bar.message_label.text(), timeout=10_000)
    assert bar.visit.number == "B003"
    dialog = _transfer_dialog(qtbot, window, bar)
    press(qtbot, window, Qt.Key.Key_Down)  # the first category: A 综合业务
    assert dialog.target() == ("ZH", None)
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "transferred" in bar.message_label.text(), timeout=10_000)
    assert bar.visit.number == "" and ticket_row(service, "B003")[0] == "transferred"
    assert "A001" in bar.message_label.text()  # the first ticket of 综合业务 today


def _transfer_dialog(qtbot, window, bar) -> TransferDialog:
    _front(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F6, CTRL)
    qtbot.waitUntil(lambda: isinstance(bar.last_dialog, TransferDialog), timeout=10_000)
    dialog = bar.last_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    assert dialog.focusWidget() is dialog.category_box
    assert dialog.category_box.count() == 5  # the window's own category, then A–D
    return dialog


def _screenshots(qtbot, window, bar, qm_dir, folder) -> None:
    """The desk with the calling bar and the window's own screen, in Chinese (into
    ``CLERK_CALLING_SCREENSHOTS``, e.g. docs/screenshots, when set)."""
    out = Path(os.environ.get("CLERK_CALLING_SCREENSHOTS") or folder)
    install_translations("zh_CN", qm_dir)
    try:
        qtbot.waitUntil(lambda: "正在办理 B001" in bar.info_label.text(), timeout=5_000)
        press(qtbot, window, Qt.Key.Key_F6, SHIFT)  # called again, said in Chinese
        qtbot.waitUntil(lambda: bar.message_label.text() == "再次呼叫 B001。", timeout=10_000)
        assert window.grab().save(str(out / "calling-bar.png"))
        assert bar.window_screen.grab().save(str(out / "window-screen-from-desk.png"))
    finally:
        install_translations("en", qm_dir)
    qtbot.waitUntil(lambda: "Serving B001" in bar.info_label.text(), timeout=5_000)


def _front(qtbot, window) -> None:
    """The desk is the active window again (after the applicant's screen or a dialog)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)


def _shortcut_rows(window) -> list[tuple[str, str, str]]:
    from clerk_app.gui.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog(window.menuBar(), [], window)
    try:
        return dialog.rows()
    finally:
        dialog.deleteLater()


def test_the_calling_bar_passes_with_two_monitors(qapp, tmp_path):
    if len(QGuiApplication.screens()) != 1:
        pytest.skip("this process has two monitors: the test itself runs here")
    run = run_with_two_screens(["tests/gui/desk_intake/test_calling_bar.py"], tmp_path)
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert re.search(r"\b1 passed", summary), summary
