"""One rating per service visit (issue 15): the applicant is asked after acceptance and again
when the result is collected (recorded from the case detail), keyboard only, against the
real records service; the center stores each rating against its own visit.

The applicant screen shows only on a second monitor, so the test runs in a child process
whose offscreen platform has two (``tests.helpers.screens``)."""

from __future__ import annotations

import re
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from clerk_app.gui.applicant_screen import ApplicantScreen
from clerk_app.gui.case_detail import CaseDetail
from tests.helpers.case_detail import choose, record
from tests.helpers.keyboard import CTRL, applicant, find_item, mark, press, sign_in, to_materials
from tests.helpers.screens import run_with_two_screens, two_screens  # noqa: F401 - fixture


def _rate(qtbot, window, screen: ApplicantScreen, case_no: str, score: int) -> None:
    """The applicant rates on their screen: Tab to the score, Space (as a keypad does)."""
    assert screen.page() == ApplicantScreen.RATING
    assert case_no in screen.rating_case.text()
    button = screen.score_buttons[score]
    button.setFocus()
    with qtbot.waitSignal(window.applicant.rating_saved, timeout=20_000):
        qtbot.keyClick(button, Qt.Key.Key_Space)
    screen.idle_timer.timeout.emit()


@pytest.mark.usefixtures("two_screens")
def test_the_applicant_rates_the_acceptance_and_the_pickup_once_each(
    no_mouse, desk, context_of, shared_records_service
) -> None:
    qtbot = no_mouse
    context = context_of(desk)
    context.settings.set("applicant_screen.enabled", True)
    window = sign_in(qtbot, desk)
    screen = window.applicant.screen
    qtbot.addWidget(screen)

    find_item(qtbot, window, "DEMO-GA-001")
    applicant(qtbot, window)
    to_materials(qtbot, window)
    mark(qtbot, window, "r")
    with qtbot.waitSignal(window.case_accepted, timeout=20_000) as accepted:
        press(qtbot, window, Qt.Key.Key_Return, CTRL)
    case_no = accepted.args[0].case_no
    qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=10_000)
    _rate(qtbot, window, screen, case_no, 4)  # the acceptance
    window.activateWindow()
    press(qtbot, window, Qt.Key.Key_Escape)

    # the result is ready: the clerk opens the case (Ctrl+2, Enter) and records it
    press(qtbot, window, Qt.Key.Key_2, CTRL)
    pane = window.worklist
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0, timeout=10_000)
    pane.view.setFocus()
    press(qtbot, window, Qt.Key.Key_Home, CTRL)
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pane.findChild(CaseDetail) is not None, timeout=10_000)
    detail = pane.findChild(CaseDetail)
    qtbot.waitUntil(lambda: detail.case is not None, timeout=10_000)
    # starting the handling is no visit: nobody is asked
    choose(qtbot, detail.action_box, "start")
    record(qtbot, detail, "review")
    assert screen.page() != ApplicantScreen.RATING
    assert "rate" not in detail.action_message.text()
    choose(qtbot, detail.action_box, "complete_approved")
    record(qtbot, detail, "approved, collected at the window")
    assert "The applicant is asked to rate this visit." in detail.action_message.text()
    _rate(qtbot, window, screen, case_no, 5)  # the pickup
    detail.close()

    store = context.backend.store
    qtbot.waitUntil(lambda: store.outbox_counts()["pending"] == 0, timeout=30_000)
    assert store.outbox_counts()["rejected"] == 0
    with sqlite3.connect(shared_records_service.database_path) as conn:
        rows = conn.execute(
            "SELECT r.score, e.type FROM ratings r JOIN cases c ON c.id = r.case_id"
            " JOIN case_events e ON e.id = r.event_id WHERE c.case_no = ? ORDER BY r.rated_at",
            (case_no,),
        ).fetchall()
    assert rows == [(4, "accept"), (5, "complete_approved")]


def test_the_visit_ratings_pass_with_two_monitors(qapp, tmp_path):
    if len(QGuiApplication.screens()) != 1:
        pytest.skip("this process has two monitors: the test itself runs here")
    run = run_with_two_screens(["tests/gui/desk_intake/test_visit_ratings.py"], tmp_path)
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert re.search(r"\b1 passed", summary), summary
