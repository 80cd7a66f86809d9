"""The GUI with the link black-holed: the clerk signs in offline, takes in a case, sync work
never runs on the GUI thread; when the link heals the case reaches the service."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from clerk_app.app.session import sign_in
from clerk_app.gui import services
from clerk_app.gui.app import Desk
from clerk_app.remote.api import ApiClient
from tests.helpers.gui import VALID_ID, type_text
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.workload import service_records


def _desk_recording_push_threads(context, threads: list):
    real = services.default_hooks()

    def engine_for(ctx, session):
        engine = real.sync_engine(ctx, session)
        push_once = engine.push_once

        def recording():
            threads.append(QThread.currentThread())
            return push_once()

        engine.push_once = recording
        return engine

    hooks = replace(real, sync_engine=engine_for)
    return Desk(context, hooks)


def test_black_holed_link_offline_sign_in_intake_then_heal(
    qtbot, records_service, fault_proxy, make_context, clock
):
    # Once online at this window (hash, device token, catalog cached), then the link goes.
    first = make_context(fault_proxy.base_url)
    sign_in(first, "demo-clerk", DEMO_PASSWORD)
    from clerk_app.app.catalog import load_catalog

    load_catalog(first, sign_in(first, "demo-clerk", DEMO_PASSWORD))
    first.close()
    fault_proxy.set_faults("blackhole")
    context = make_context(fault_proxy.base_url)
    context.backend.api.close()
    context.backend.api = ApiClient(fault_proxy.base_url, timeout=(1.0, 0.5))

    threads: list[QThread] = []
    desk = _desk_recording_push_threads(context, threads)
    try:
        login = desk.make_login()
        qtbot.addWidget(login)
        login.show()
        qtbot.keyClicks(login.ui.userEdit, "demo-clerk")
        qtbot.keyClicks(login.ui.passwordEdit, DEMO_PASSWORD)
        ok = login.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: desk.window is not None and desk.window.catalog_pane.model.rowCount() > 0,
            timeout=30_000,
        )
        window = desk.window
        qtbot.addWidget(window)
        assert desk.session.offline
        assert window.offline_label is not None
        assert window.offline_label.text() == "Signed in offline"

        window.focus_search()
        qtbot.keyClicks(window.catalog_pane.search, "DEMO-GA-001")
        qtbot.keyClick(window.catalog_pane.search, Qt.Key.Key_Return)
        form = window.intake
        type_text(qtbot, form.ui.personNameEdit, "张三")
        form.ui.personIdEdit.setFocus()
        qtbot.keyClicks(form.ui.personIdEdit, VALID_ID)
        qtbot.keyClicks(form.ui.personMobileEdit, "13800138000")
        qtbot.mouseClick(form.ui.allMaterialsButton, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(form.ui.acceptButton, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=30_000)
        case_no = window.last_dialog.case_no_label.text()
        assert context.backend.store.get_case(case_no) is not None

        # The worker tried (and failed) through the black hole, never on the GUI thread.
        qtbot.waitUntil(
            lambda: window.connection_indicator.text().startswith("Offline"), timeout=30_000
        )
        assert "1 case" in window.connection_indicator.text()
        gui_thread = QApplication.instance().thread()
        assert threads and all(t is not gui_thread for t in threads)
        assert service_records(records_service.database_path)["case_count"] == 0

        # The link heals: the case goes out with the device token (no user token offline).
        fault_proxy.set_faults("pass")
        # A request the black hole held may fail only now and be due again after the clock
        # moved: move it on (and wake the worker) until everything went.
        polls = [0]

        def drained() -> bool:
            if window.connection_indicator.text().startswith("Online · nothing waiting"):
                return True
            polls[0] += 1
            if polls[0] % 50 == 1:
                clock.advance(timedelta(minutes=10))
                desk.sync.wake()
            return False

        qtbot.waitUntil(drained, timeout=30_000)
        assert {c[1] for c in service_records(records_service.database_path)["cases"]} == {case_no}
        assert all(t is not gui_thread for t in threads)
    finally:
        if desk.window is not None:
            desk.window.close()
        desk.shutdown()
        if desk.login is not None:
            desk.login.close()
