"""One application taken in end to end, through the GUI, against the real records service.

Sign in → search → pick → six disclosures → applicant → materials → accept → the outbox is
sent by the sync worker (off the GUI thread) → the service has the case → the receipt PDF
shows the case number. And the other way: a wrong resident ID saves nothing.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from clerk_app.app.context import build_context, demo_provisioning
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.gui import services
from clerk_app.gui.app import Desk
from clerk_app.paths import Paths
from tests.helpers.documents import pdf_text
from tests.helpers.gui import BAD_CHECK_DIGIT_ID, DEMO_CATALOG, REPO, VALID_ID, type_text

DEMO_PROVISIONING = REPO / "resources" / "provisioning" / "demo-W01.toml"


@pytest.fixture
def context(records_service, tmp_path):
    paths = Paths(
        data_dir=tmp_path / "data",
        config_dir=tmp_path / "config",
        log_dir=tmp_path / "log",
        documents_dir=tmp_path / "documents",
    )
    provisioning = demo_provisioning(DEMO_PROVISIONING, records_service.base_url)
    clock = FixedClock(datetime.now(CENTER_TZ).replace(microsecond=0))
    ctx = build_context(provisioning, paths, clock=clock)
    yield ctx
    ctx.close()


@pytest.fixture
def push_threads() -> list[QThread]:
    return []


@pytest.fixture
def desk(context, push_threads, qtbot):
    """The GUI of one run, with the sync path recording the thread it runs on."""
    real = services.default_hooks()

    def sync_engine(ctx, session):
        engine = real.sync_engine(ctx, session)
        push_once = engine.push_once

        def recording_push_once():
            push_threads.append(QThread.currentThread())
            return push_once()

        engine.push_once = recording_push_once
        return engine

    hooks = replace(real, sync_engine=sync_engine)
    desk = Desk(context, hooks)
    yield desk
    if desk.window is not None:
        desk.window.close()
    desk.shutdown()
    if desk.login is not None:
        desk.login.close()


def _sign_in(qtbot, desk, user="demo-clerk", password="demo-pass-2026"):
    login = desk.make_login()
    qtbot.addWidget(login)
    login.show()
    qtbot.keyClicks(login.ui.userEdit, user)
    qtbot.keyClicks(login.ui.passwordEdit, password)
    ok = login.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    return login


def _signed_in_desk(qtbot, desk):
    _sign_in(qtbot, desk)
    qtbot.waitUntil(
        lambda: desk.window is not None and desk.window.catalog_pane.model.rowCount() > 0,
        timeout=15_000,
    )
    window = desk.window
    qtbot.addWidget(window)
    return window


def _pick(qtbot, window, code):
    window.focus_search()
    qtbot.keyClicks(window.catalog_pane.search, code)
    qtbot.keyClick(window.catalog_pane.search, Qt.Key.Key_Return)
    assert window.current_item is not None and window.current_item.code == code


def test_a_case_taken_in_through_the_gui_reaches_the_service_with_its_receipt(
    qtbot, desk, context, push_threads
):
    window = _signed_in_desk(qtbot, desk)
    assert desk.session.display_name in window.clerk_label.text()
    assert "W01" in window.window_label.text()

    _pick(qtbot, window, "DEMO-GA-001")
    shown = window.disclosure.toPlainText()
    for title in window.disclosure.section_titles():
        assert title in shown

    form = window.intake
    type_text(qtbot, form.ui.personNameEdit, "张三")
    form.ui.personIdEdit.setFocus()
    qtbot.keyClicks(form.ui.personIdEdit, VALID_ID)
    qtbot.keyClicks(form.ui.personMobileEdit, "13800138000")
    assert not form.ui.acceptButton.isEnabled()  # the household register is not ticked yet
    qtbot.mouseClick(form.ui.allMaterialsButton, Qt.MouseButton.LeftButton)
    assert form.ui.acceptButton.isEnabled()
    due = form.due_date()
    assert due.date.isoformat() in form.ui.dueDateLabel.text()

    statuses: list[tuple[bool, int, int]] = []
    desk.sync.status_changed.connect(lambda *status: statuses.append(status))
    qtbot.mouseClick(form.ui.acceptButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=15_000)
    dialog = window.last_dialog
    case_no = dialog.case_no_label.text()
    query_code = dialog.query_code_label.text()
    assert case_no.startswith("HS-W01-")
    assert len(query_code) == 6 and query_code.isdigit()
    assert due.date.isoformat() in dialog.due_label.text()

    # Written locally, in one transaction, before anything went out.
    local = context.backend.store.get_case(case_no)
    assert local is not None

    # The receipt PDF exists and names the case.
    receipt = Path(dialog.receipt_path)
    assert receipt.exists()
    assert str(receipt) in dialog.path_label.text()
    assert case_no in pdf_text(receipt)  # kept encrypted: read with the desk's key

    # The sync worker, woken by the accept, sends the outbox; the status bar says so.
    # A round that began before the accept may report "0 waiting" first: wait for the
    # store to be empty AND the status bar to say so.
    qtbot.waitUntil(
        lambda: (
            context.backend.store.outbox_counts().get("pending", 0) == 0
            and window.connection_indicator.text().startswith("Online · nothing waiting")
        ),
        timeout=20_000,
    )
    assert (True, 0, 0) in statuses
    token = context.backend.tokens.get_user_token("W01", "demo-clerk")
    remote = context.backend.api.get_case(token, case_no)
    assert remote["case_no"] == case_no
    assert remote["applicant"]["name"] == "张三"

    gui_thread = QApplication.instance().thread()
    assert push_threads and all(t is not gui_thread for t in push_threads)

    # The form is empty for the next applicant.
    assert form.ui.personNameEdit.text() == ""


def test_a_wrong_check_digit_blocks_the_accept_and_saves_nothing(qtbot, desk, context):
    window = _signed_in_desk(qtbot, desk)
    _pick(qtbot, window, "DEMO-GA-001")
    form = window.intake
    type_text(qtbot, form.ui.personNameEdit, "张三")
    form.ui.personIdEdit.setFocus()
    qtbot.keyClicks(form.ui.personIdEdit, BAD_CHECK_DIGIT_ID)
    qtbot.keyClicks(form.ui.personMobileEdit, "13800138000")
    qtbot.mouseClick(form.ui.allMaterialsButton, Qt.MouseButton.LeftButton)

    assert form.ui.personIdMessage.isVisible()
    assert "check digit" in form.ui.personIdMessage.text()
    assert not form.ui.acceptButton.isEnabled()
    assert not window.accept_action.isEnabled()
    window.accept_case()  # even if asked directly
    desk.writer.wait_idle(5000)
    QApplication.processEvents()
    assert window.last_dialog is None
    assert context.backend.store.list_cases("W01") == []
    assert context.backend.store.outbox_counts().get("pending", 0) == 0


def test_a_wrong_password_is_said_under_the_fields(qtbot, desk):
    login = _sign_in(qtbot, desk, password="wrong-password")
    qtbot.waitUntil(lambda: bool(login.error_text()), timeout=15_000)
    assert login.error_text() == "Wrong user name or password."
    assert desk.window is None
    assert login.isVisible()


def test_an_unreachable_service_is_said_to_be_offline(qtbot, tmp_path):
    paths = Paths(tmp_path / "d", tmp_path / "c", tmp_path / "l", tmp_path / "o")
    provisioning = demo_provisioning(DEMO_PROVISIONING, "http://127.0.0.1:9")
    ctx = build_context(provisioning, paths, clock=FixedClock(datetime.now(CENTER_TZ)))
    desk = Desk(ctx)
    try:
        login = _sign_in(qtbot, desk)
        qtbot.waitUntil(lambda: bool(login.error_text()), timeout=15_000)
        assert "offline" in login.error_text()
    finally:
        desk.shutdown()
        ctx.close()


def test_smoke_mode_signs_in_shows_the_catalog_and_exits_0(context, capfd):
    from clerk_app.gui.app import run_app

    code = run_app(context, smoke_user="demo-clerk", smoke_password="demo-pass-2026")
    assert code == 0
    catalog = json.loads(DEMO_CATALOG.read_text(encoding="utf-8"))
    shown = len(catalog["items"]) + len(catalog.get("packages", []))  # packages are listed too
    assert f"catalog shows {shown} items" in capfd.readouterr().err


def test_smoke_mode_with_a_wrong_password_exits_1_with_the_reason(context, capfd):
    from clerk_app.gui.app import run_app

    code = run_app(context, smoke_user="demo-clerk", smoke_password="nope")
    assert code == 1
    assert "smoke:" in capfd.readouterr().err
