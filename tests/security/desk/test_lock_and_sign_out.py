"""The desk left alone, by keyboard under offscreen Qt (issue 14): the idle lock hides every
case and the unmask button until the clerk's password is given, and keeps the half-filled
intake; File ▸ Sign out and quitting end the token at the service and forget it here."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clerk_app.app.session import sign_out
from clerk_app.gui import services
from clerk_app.gui.app import Desk
from clerk_app.gui.idle_lock import LockScreen
from clerk_app.remote.api import ApiClient, ApiError
from tests.helpers.gui import dispose_desk
from tests.helpers.keyboard import CTRL, find_item, press, type_keys
from tests.helpers.security_desk import UNREACHABLE
from tests.helpers.workload import VALID_ID, demo_item, take_in

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def desk_of(make_desk, records_service):
    made: list[Desk] = []

    def make(url: str | None = None) -> Desk:
        desk = Desk(make_desk(url or records_service.base_url), services.default_hooks())
        made.append(desk)
        return desk

    yield make
    for desk in made:
        dispose_desk(desk)


def sign_in(qtbot, desk: Desk, user: str = "demo-clerk", password: str = "demo-pass-2026"):
    """Sign in by keyboard and wait for the catalog (the desk owns its windows: a sign-out
    deletes them, so they are not handed to qtbot)."""
    login = desk.make_login()
    login.show()
    qtbot.keyClicks(login.ui.userEdit, user)
    qtbot.keyClicks(login.ui.passwordEdit, password)
    qtbot.keyClick(login.ui.passwordEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: desk.window is not None and desk.window.catalog_pane.model.rowCount() > 0,
        timeout=20_000,
    )
    desk.window.activateWindow()
    return desk.window


def _visible_windows() -> list:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def _token_works(base_url: str, token: str) -> bool:
    api = ApiClient(base_url, timeout=(3.05, 10))
    try:
        api.catalog(token)
    except ApiError as exc:
        assert exc.status == 401
        return False
    finally:
        api.close()
    return True


def test_an_idle_desk_locks_shows_no_case_and_opens_only_with_the_password(qtbot, desk_of, clock):
    desk = desk_of()
    catalog, item = demo_item()
    case_no = str(take_in(desk.context, "demo-clerk", item, catalog.version, 1)["case_no"])
    window = sign_in(qtbot, desk)
    assert desk.context.provisioning.idle_lock_minutes == 10
    find_item(qtbot, window, "DEMO-GA-001")
    type_keys(qtbot, window, "Wang Fang")  # a half-filled intake
    detail = window.worklist.open_case(case_no)  # an open case, its unmask button on screen
    qtbot.waitUntil(detail.isVisible)
    assert detail.show_id_button.isVisible()

    clock.advance(timedelta(minutes=9))
    qtbot.keyClick(detail, Qt.Key.Key_Shift)  # the clerk is there: the clock starts again
    clock.advance(timedelta(minutes=9))
    desk.lock.check()
    assert not desk.lock.locked
    clock.advance(timedelta(minutes=1, seconds=1))
    desk.lock.timer.timeout.emit()  # the lock's own timer asks the clock

    assert desk.lock.locked
    screen = desk.lock.screen
    assert _visible_windows() == [screen]  # the desk, the case, its unmask button: hidden
    assert not detail.show_id_button.isVisible() and not window.isVisible()
    shown = " ".join(w.text() for w in screen.findChildren(type(screen.title)))
    assert case_no not in shown and VALID_ID not in shown and VALID_ID[-4:] not in shown
    press(qtbot, window, Qt.Key.Key_Escape)  # Esc does not open it
    assert desk.lock.locked

    qtbot.keyClicks(screen.password, "not-the-password")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(screen.error_text()), timeout=20_000)
    assert desk.lock.locked and _visible_windows() == [screen]

    screen.password.clear()
    qtbot.keyClicks(screen.password, "demo-pass-2026")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not desk.lock.locked, timeout=20_000)
    assert window.isVisible() and detail.isVisible()
    assert window.intake.ui.personNameEdit.text() == "Wang Fang"  # the work survived
    assert not any(isinstance(w, LockScreen) and w.isVisible() for w in _visible_windows())


def test_ctrl_l_locks_at_once_and_the_lock_screen_can_sign_out(qtbot, desk_of):
    desk = desk_of()
    window = sign_in(qtbot, desk)
    press(qtbot, window, Qt.Key.Key_L, CTRL)
    assert desk.lock.locked and not window.isVisible()
    qtbot.mouseClick(desk.lock.screen.sign_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.login is not None and desk.login.isVisible(), timeout=10_000)
    assert desk.window is None and desk.lock is None


def test_sign_out_by_keyboard_ends_the_token_and_asks_for_a_sign_in(
    qtbot, desk_of, records_service
):
    desk = desk_of()
    window = sign_in(qtbot, desk)
    token = desk.session.access_token
    assert _token_works(records_service.base_url, token)
    window.show_shortcuts()  # F1 lists it
    rows = " ".join(" ".join(r) for r in window.last_tool.rows())
    assert "Sign out" in rows and "Ctrl+Shift+Q" in rows
    window.last_tool.close()

    press(qtbot, window, Qt.Key.Key_Q, CTRL | SHIFT)
    qtbot.waitUntil(lambda: desk.signed_out == 1, timeout=20_000)
    assert desk.window is None and desk.login.isVisible()
    assert not _token_works(records_service.base_url, token)
    assert desk.context.backend.tokens.get_user_token("W01", "demo-clerk") is None
    # The next clerk signs in on the same desk.
    again = sign_in(qtbot, desk, "demo-clerk")
    assert again.isVisible() and desk.lock is not None


def test_quitting_signs_out(qtbot, desk_of, records_service):
    desk = desk_of()
    window = sign_in(qtbot, desk)
    token = desk.session.access_token
    window.close()
    desk.shutdown()
    assert not _token_works(records_service.base_url, token)
    assert desk.context.backend.tokens.get_user_token("W01", "demo-clerk") is None


def test_signing_out_offline_just_forgets_the_token(make_desk, records_service):
    from clerk_app.app.session import sign_in as app_sign_in

    online = make_desk(records_service.base_url)
    session = app_sign_in(online, "demo-clerk", "demo-pass-2026")
    offline = make_desk(UNREACHABLE)
    assert offline.backend.tokens.get_user_token("W01", "demo-clerk") == session.access_token
    sign_out(offline, session)  # no answer: nothing raised
    assert offline.backend.tokens.get_user_token("W01", "demo-clerk") is None


def test_unlocking_offline_checks_the_offline_credential_with_its_limits(
    make_desk, records_service
):
    from clerk_app.app.session import sign_in as app_sign_in
    from clerk_app.app.session import unlock
    from clerk_app.store.credentials import OfflineSignInError

    session = app_sign_in(make_desk(records_service.base_url), "demo-clerk", "demo-pass-2026")
    offline = make_desk(UNREACHABLE)  # the link went down while the desk was locked
    with pytest.raises(OfflineSignInError) as wrong:
        unlock(offline, session, "not-the-password")
    assert wrong.value.reason == "wrong-password" and wrong.value.tries_left == 4
    unlock(offline, session, "demo-pass-2026")  # no exception: the desk opens
    assert offline.backend.credentials.failures("W01", "demo-clerk") == 0
