"""A clerk's day (issue 15): the status bar tells the truth, and a due date never lands on a
statutory holiday of a year whose schedule is not published yet.

Keyboard only (``no_mouse``), a real records service that the test stops, a real SQLite
file; time is a ``FixedClock`` the test moves (the worker's heartbeat is read against it).
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.gui import services
from clerk_app.gui.app import Desk
from clerk_app.gui.i18n import install_translations
from tests.helpers.keyboard import (
    ALT,
    accept,
    applicant,
    find_item,
    make_context,
    mark,
    press,
    sign_in,
    target,
    to_materials,
)

WARN = "#b3261e"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 12, 6, 9, 30, tzinfo=CENTER_TZ))


@pytest.fixture
def own_desk(records_service, tmp_path, clock):
    """A desk against a records service of its own (the test may stop it)."""
    context = make_context(records_service.base_url, tmp_path, clock)
    desk = Desk(context, services.default_hooks())
    yield desk
    if desk.window is not None:
        desk.window.close()
    desk.shutdown()
    if desk.login is not None:
        desk.login.close()
    context.close()


def f8(qtbot, window):
    """F8 in the main window (active again, as after a dialog closed): the connection panel."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    press(qtbot, window, Qt.Key.Key_F8)
    panel = window.connection_indicator.panel
    qtbot.waitUntil(panel.isVisible, timeout=2000)
    return panel


def status_bar_text(window) -> str:
    """Every text a person sees in the status bar, left to right."""
    bar = window.statusBar()
    texts = []
    for widget in bar.findChildren(QWidget):
        if widget.isVisible() and hasattr(widget, "text") and callable(widget.text):
            texts.append(widget.text())
    return " | ".join(t for t in texts if t)


def test_the_status_bar_tells_the_truth_about_the_link_and_what_waits(
    no_mouse, own_desk, records_service, clock, qm_dir
):
    qtbot = no_mouse
    window = sign_in(qtbot, own_desk)
    indicator = window.connection_indicator
    qtbot.waitUntil(lambda: indicator.text().startswith("Online · nothing waiting"), timeout=20_000)
    assert status_bar_text(window).count("Online") == 1

    # The service goes away while nothing is being sent: the heartbeat notices.
    records_service.stop()
    clock.advance(timedelta(seconds=5))
    qtbot.waitUntil(lambda: indicator.text().startswith("Offline"), timeout=5_000)
    assert WARN in indicator.styleSheet()
    assert "Online" not in status_bar_text(window)

    # A case taken in offline: one case and its two documents (receipt, slip) wait.
    find_item(qtbot, window, "DEMO-GA-001")
    applicant(qtbot, window)
    to_materials(qtbot, window)
    mark(qtbot, window, "r")
    case, _text, _dialog = accept(qtbot, window, own_desk.context)
    qtbot.waitUntil(lambda: "1 case, 2 documents waiting" in indicator.text(), timeout=10_000)

    # F8: every waiting item with why it was not sent; the clock is not said to agree.
    panel = f8(qtbot, window)
    assert panel.state_label.text() == "Offline"
    assert panel.waiting_label.text() == "1 case, 2 documents waiting"
    assert "in step" not in panel.skew_label.text()
    assert "not answering" in panel.skew_label.text()
    table = panel.waiting_table
    qtbot.waitUntil(lambda: table.rowCount() == 3, timeout=10_000)
    kinds = sorted(table.item(r, 1).text() for r in range(3))
    assert kinds == ["Document", "Document", "New case"]
    assert {table.item(r, 0).text() for r in range(3)} == {case.case_no}
    tried = [r for r in range(3) if table.item(r, 2).text() != "0"]
    assert tried and all("cannot reach" in table.item(r, 3).text() for r in tried)

    # Retry now (Alt+N): everything waiting is sent again at once (and fails again).
    attempts = {table.item(r, 1).text() + str(r): int(table.item(r, 2).text()) for r in range(3)}
    assert panel.retry_button.isEnabled()
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel, timeout=2000)
    qtbot.keyClick(panel.focusWidget() or panel, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: panel.retried == 3, timeout=10_000)
    qtbot.waitUntil(
        lambda: (
            sum(int(table.item(r, 2).text()) for r in range(table.rowCount()))
            > sum(attempts.values())
        ),
        timeout=10_000,
    )
    qtbot.keyClick(panel.focusWidget() or panel, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=2000)

    # In Chinese the counts are said as a clerk says them.
    install_translations("zh_CN", qm_dir)
    qtbot.waitUntil(lambda: "1 件办件、2 份文书待上传" in indicator.text(), timeout=5_000)
    assert indicator.text().startswith("离线")


def test_a_stopped_engine_is_red_with_what_to_do_never_online(
    no_mouse, own_desk, records_service, clock
):
    qtbot = no_mouse
    window = sign_in(qtbot, own_desk)
    indicator = window.connection_indicator
    qtbot.waitUntil(lambda: indicator.text().startswith("Online"), timeout=20_000)
    # The desk loses its tokens (e.g. no secure keyring and a restart): nothing can be sent.
    context = own_desk.context
    tokens, prov = context.backend.tokens, context.provisioning
    tokens.delete_device_token(prov.window_code, context.device_id)
    tokens.delete_user_token(prov.window_code, own_desk.session.username)
    window.sync_worker.wake()
    qtbot.waitUntil(
        lambda: indicator.text().startswith("No device token: sending stopped"), timeout=10_000
    )
    assert "a clerk of this window signing in online restores it (F8)" in indicator.text()
    assert WARN in indicator.styleSheet()
    assert "Online" not in status_bar_text(window)
    panel = f8(qtbot, window)
    assert panel.state_label.text() == "No device token: sending stopped"
    assert panel.stop_label.isVisible()
    assert "no device token" in panel.stop_label.text()
    assert "A clerk of this window signing in once" in panel.stop_label.text()
    qtbot.keyClick(panel.focusWidget() or panel, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=2000)


def test_a_case_taken_in_on_6_december_2026_is_not_due_on_new_years_day(no_mouse, own_desk):
    """20 working days from Sun 6 Dec 2026 would be Fri 1 Jan 2027 (元旦) on a weekends-only
    calendar; 2027's schedule is not published, but its statutory holidays are known."""
    qtbot = no_mouse
    window = sign_in(qtbot, own_desk)
    find_item(qtbot, window, "DEMO-GA-001")  # promised in 20 working days
    applicant(qtbot, window)
    to_materials(qtbot, window)
    mark(qtbot, window, "r")
    form = window.intake
    assert form.ui.decisionCombo.currentData() == "promised"
    label = form.ui.dueDateLabel.text()
    assert "2027-01-04" in label and "2027-01-01" not in label
    assert target(window) is form.ui.materialsTable
    case, text, _dialog = accept(qtbot, window, own_desk.context)
    assert case.due_date.isoformat() == "2027-01-04" and case.due_date_provisional
    assert "2027年1月4日" in text
