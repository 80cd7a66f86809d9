"""Errors at the desk: network trouble only in the status bar, never a dialog in the middle
of an intake (real service, then stopped); real errors say what happened and what to do."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from clerk_app.app.audit import record_id_unmasked
from clerk_app.app.context import build_context, demo_provisioning
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.gui import services
from clerk_app.gui.app import Desk
from tests.helpers.desk_shell import DEMO_PROVISIONING, NOWHERE, make_paths


def _no_dialog_open() -> bool:
    if QApplication.activeModalWidget() is not None:
        return False
    return not any(
        isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


@pytest.fixture
def online_desk(records_service, tmp_path, qtbot):
    provisioning = demo_provisioning(DEMO_PROVISIONING, records_service.base_url)
    clock = FixedClock(datetime.now(CENTER_TZ).replace(microsecond=0))
    context = build_context(provisioning, make_paths(tmp_path), clock=clock)
    desk = Desk(context, services.default_hooks())
    yield desk, records_service
    if desk.window is not None:
        desk.window.close()
    desk.shutdown()
    if desk.login is not None:
        desk.login.close()
    context.close()


def test_the_link_dropping_during_an_intake_shows_in_the_status_bar_only(qtbot, online_desk):
    desk, service = online_desk
    login = desk.make_login()
    qtbot.addWidget(login)
    login.show()
    qtbot.keyClicks(login.ui.userEdit, "demo-clerk")
    qtbot.keyClicks(login.ui.passwordEdit, "demo-pass-2026")
    qtbot.keyClick(login.ui.passwordEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: desk.window is not None and desk.window.catalog_pane.model.rowCount() > 0,
        timeout=30_000,
    )
    window = desk.window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.connection_indicator.text().startswith("Online"), timeout=30_000)

    # Mid-intake: an item chosen, the applicant's name typed.
    window.focus_search()
    qtbot.keyClicks(window.catalog_pane.search, "DEMO-GA-002")
    qtbot.keyClick(window.catalog_pane.search, Qt.Key.Key_Return)
    qtbot.keyClicks(window.intake.ui.personNameEdit, "Li Si")

    service.stop()
    # Something to send meanwhile (an audit record the desk writes, e.g. an ID unmasked).
    context = desk.context
    desk.writer.submit(lambda: record_id_unmasked(context, "x", clerk="demo-clerk")).success(
        lambda _w: desk.sync.wake()
    )
    qtbot.keyClick(window.intake.ui.personNameEdit, Qt.Key.Key_F5)  # reload the catalog too
    qtbot.waitUntil(
        lambda: window.connection_indicator.text().startswith("Offline · 1 other record waiting"),
        timeout=30_000,
    )
    qtbot.wait(200)  # let any queued outcome arrive
    assert _no_dialog_open()
    assert window.intake.ui.personNameEdit.text() == "Li Si"
    assert window.current_item.code == "DEMO-GA-002"
    assert window.catalog_pane.model.rowCount() > 0  # the cached catalog stays


def test_a_catalog_that_cannot_be_loaded_is_told_in_the_status_bar(qtbot, tmp_path):
    context = build_context(demo_provisioning(DEMO_PROVISIONING, NOWHERE), make_paths(tmp_path))
    from clerk_app.app.session import Session

    session = Session(
        username="demo-clerk",
        display_name="示例受理员",
        roles=("clerk",),
        window_code="W01",
        window_name="公安户政窗口",
        department="市公安局",
        access_token=None,
        expires_at=None,
        offline=True,
    )
    hooks = replace(services.default_hooks(), sync_engine=lambda ctx, s: None)
    desk = Desk(context, hooks)
    try:
        window = desk.open_desk(session)  # no cached catalog, no service
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.catalog_pane.problem_label.isVisible(), timeout=30_000)
        message = window.statusBar().currentMessage()
        assert message.startswith("The catalog could not be loaded:")
        assert message.endswith("Press F5 to try again.")
        assert window.catalog_pane.problem_label.text() == message
        assert _no_dialog_open()
    finally:
        window.close()
        desk.shutdown()
        context.close()
