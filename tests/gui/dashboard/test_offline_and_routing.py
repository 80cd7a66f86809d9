"""After sign-in a lead gets the dashboard, a clerk the desk; offline, the last figures
stay on screen marked stale."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from clerk_app.app.dashboard import DashboardSource
from clerk_app.gui.app import Desk
from clerk_app.gui.dashboard import DashboardWindow
from clerk_app.gui.dashboard.models import Period
from clerk_app.gui.dashboard.widgets import FRESH_STYLE
from clerk_app.remote.api import ApiClient
from tests.helpers.service import _free_port


def test_a_lead_signing_in_gets_the_dashboard(qtbot, loaded, client_clock) -> None:
    if loaded.backend != "sqlite":
        pytest.skip("routing does not depend on the database")
    context = SimpleNamespace(  # a PC that is no desk: no local store
        backend=SimpleNamespace(api=ApiClient(loaded.service.base_url), store=None),
        clock=client_clock,
    )
    desk = Desk(context)
    session = SimpleNamespace(
        roles=("lead",),
        access_token=loaded.service.token("demo-lead", window_code=None),
        display_name="演示值班长",
        department="市公安局",
        username="demo-lead",
    )
    window = desk.open_desk(session)
    qtbot.addWidget(window)
    assert isinstance(window, DashboardWindow) and window.isVisible()
    assert desk.window is None and desk.sync is None  # no clerk desk, no sync worker
    qtbot.waitUntil(lambda: window.workload.figures is not None, timeout=60_000)
    assert window.workload.freshness.text() == "Figures as of 11:00:00"  # the answer's as_of
    window.timer.stop()
    desk.writer.wait_idle(1000)


def test_offline_the_last_figures_stay_marked_stale(qtbot, loaded, client_clock) -> None:
    if loaded.backend != "sqlite":
        pytest.skip("the link, not the database, is under test")
    api = ApiClient(loaded.service.base_url, timeout=(2, 10))
    token = loaded.service.token("demo-lead", window_code=None)
    window = DashboardWindow(DashboardSource(api, token), client_clock, auto_refresh_ms=0)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.workload.refreshed, timeout=60_000):
        window.workload.set_period(Period.MONTH)
    shown = window.workload.snapshot().text
    assert window.workload.freshness.text() == "Figures as of 11:00:00"  # the answer's as_of
    api.base_url = f"http://127.0.0.1:{_free_port()}"  # the link drops: nothing listens
    client_clock.set(client_clock.now().replace(minute=25))
    with qtbot.waitSignal(window.workload.refreshed, timeout=60_000) as blocker:
        window.refresh()
    assert blocker.args == [False]
    text = window.workload.freshness.text()
    assert text.startswith("STALE — figures as of 11:00:00, not refreshed:")
    assert "cannot be reached" in text
    assert window.workload.snapshot().text == shown  # the last figures are kept
    api.base_url = loaded.service.base_url  # back online
    with qtbot.waitSignal(window.workload.refreshed, timeout=60_000) as blocker:
        window.refresh()
    assert blocker.args == [True]
    # As of the service's answer (issue 20: its as_of; the service's clock stands at 11:00).
    assert window.workload.freshness.text() == "Figures as of 11:00:00"
    assert window.workload.freshness.styleSheet() == FRESH_STYLE


def test_the_dashboard_works_from_the_keyboard(qtbot, loaded, client_clock) -> None:
    if loaded.backend != "sqlite":
        pytest.skip("keys do not depend on the database")
    token = loaded.service.token("demo-lead", window_code=None)
    window = DashboardWindow(
        DashboardSource(ApiClient(loaded.service.base_url), token), client_clock, auto_refresh_ms=0
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10_000)
    with qtbot.waitSignal(window.workload.refreshed, timeout=60_000):
        qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # this month
    assert window.workload.period_kind is Period.MONTH
    table = window.workload.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.cases_shown, timeout=60_000) as shown:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = shown.args[0]
    assert dialog.window_code == "W01" and dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10_000)
    with qtbot.waitSignal(window.sync.refreshed, timeout=60_000):
        qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.sync
    with qtbot.waitSignal(window.people.refreshed, timeout=60_000):
        qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.people
    with qtbot.waitSignal(window.people.refreshed, timeout=60_000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    tips = {a.objectName(): a.toolTip() for a in window.findChildren(QAction) if a.objectName()}
    assert tips["refresh"] == "Refresh (F5)" and tips["exportCsv"] == "Export to CSV (Ctrl+E)"
