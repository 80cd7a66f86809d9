"""A hall PC enrolled with a display credential, against a real records service: it opens
the board with no one signing in, renews its credential itself when the (injected) clock
says a third of its lifetime is left, and a revoked credential stops the fetching with a
plain message for IT, who types a new code (F2) and gets the board back."""

from __future__ import annotations

from datetime import timedelta

import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clerk_app.app.enrolment import display_credential, enrol_here
from clerk_app.gui.app import Desk
from clerk_app.gui.login import LoginDialog
from tests.helpers.hall_service_data import TIMEOUT, auth, token_for


def display_code(service, label: str = "hall screen 1") -> str:
    admin = token_for(service, "demo-admin", window_code=None)
    answer = requests.post(
        service.url("/enrolments"),
        json={"kind": "display", "label": label},
        headers=auth(admin),
        timeout=TIMEOUT,
    )
    assert answer.status_code == 201, answer.text
    return str(answer.json()["code"])


def board_status(service, token: str) -> int:
    return requests.get(service.url("/board"), headers=auth(token), timeout=TIMEOUT).status_code


def test_a_hall_pc_opens_the_board_without_sign_in_and_renews_on_the_clock(
    qtbot, records_service, make_context, clock
):
    context = make_context(records_service.base_url)
    enrol_here(context, display_code(records_service))
    first = display_credential(context)
    assert first is not None

    desk = Desk(context)
    screen = desk.open_enrolled_hall()
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.snapshot is not None, timeout=30_000)
    # Nobody was asked to sign in.
    assert desk.login is None and desk.session is None
    # (Earlier tests' closed dialogs may still exist: no sign-in dialog is on screen.)
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert not [w for w in shown if isinstance(w, LoginDialog)]
    assert screen.isFullScreen() and not screen.stale
    screen.stop()

    # Not due yet: a refresh keeps the credential.
    with qtbot.waitSignal(screen.refreshed, timeout=30_000):
        screen.refresh()
    assert display_credential(context).token == first.token

    # Two thirds of its lifetime later (on the injected clock) the next refresh renews it.
    clock.advance(timedelta(days=250))
    with qtbot.waitSignal(screen.refreshed, timeout=30_000):
        screen.refresh()
    renewed = display_credential(context)
    assert renewed.token != first.token and renewed.obtained_at == clock.now()
    assert board_status(records_service, renewed.token) == 200
    # The old one lasts only the service's renewal grace (a lost answer strands no screen),
    # and ends at once when its successor renews itself.
    assert board_status(records_service, first.token) == 200
    clock.advance(timedelta(days=250))
    with qtbot.waitSignal(screen.refreshed, timeout=30_000):
        screen.refresh()
    assert display_credential(context).token not in (first.token, renewed.token)
    assert board_status(records_service, first.token) == 401


def test_a_revoked_credential_stops_and_tells_it_until_a_new_code_is_typed(
    qtbot, records_service, make_context
):
    context = make_context(records_service.base_url)
    enrol_here(context, display_code(records_service, "hall screen 2"))
    desk = Desk(context)
    screen = desk.open_enrolled_hall()
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.snapshot is not None, timeout=30_000)

    admin = token_for(records_service, "demo-admin", window_code=None)
    listed = requests.get(records_service.url("/credentials"), headers=auth(admin), timeout=TIMEOUT)
    (mine,) = [c for c in listed.json()["items"] if c["label"] == "hall screen 2"]
    revoked = requests.post(
        records_service.url(f"/credentials/{mine['id']}/revoke"),
        headers=auth(admin),
        timeout=TIMEOUT,
    )
    assert revoked.status_code == 204
    with qtbot.waitSignal(screen.link_lost, timeout=30_000):
        screen.refresh()
    assert screen.revoked and not screen.refresh_timer.isActive()  # no retrying for ever
    notice = screen.notice_label.text()
    assert screen.notice_label.isVisible()
    assert "revoked or has expired" in notice and "new enrolment code" in notice
    assert "F2" in notice and "401" not in notice and "Error" not in notice

    # IT makes a new code and types it in after F2; the board comes back.
    qtbot.keyClick(screen, Qt.Key.Key_F2)
    dialog = screen.enrol_dialog
    qtbot.waitExposed(dialog)
    dialog.setTextValue(display_code(records_service, "hall screen 2b"))
    with qtbot.waitSignal(screen.refreshed, timeout=30_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not screen.revoked and not screen.notice_label.isVisible()
    assert screen.refresh_timer.isActive()
    screen.stop()
