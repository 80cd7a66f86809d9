"""The desk's device token and its sync, whoever signs in (issues 14, 15), against a real
records service on 127.0.0.1 with desks on real files:

- a desk that lost its device token (a wiped keyring) gets a new one at the next online
  sign-in of its clerk, the old one ends, and the cases that waited meanwhile go;
- a lead signing in at the window PC gets the dashboard and no device token, and the
  desk's outbox still goes on the desk's own token; the dashboard's status bar shows the
  link, and F8 its panel;
- a desk without a device token says so in red, with what to do, in the desk's status bar,
  F8 and the dashboard, instead of "Online";
- quitting signs out without hanging on a service that does not answer.
"""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from clerk_app.app.session import sign_in as app_sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.gui import services
from clerk_app.gui.app import Desk
from clerk_app.gui.dashboard import DashboardWindow
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.sync_status import stop_reason
from clerk_app.remote.api import ApiClient, ApiError
from clerk_app.remote.sync import STOP_NO_TOKEN
from tests.helpers.keyboard import press
from tests.helpers.keyboard import sign_in as keyboard_sign_in
from tests.helpers.security_desk import UNREACHABLE
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.workload import demo_item, take_in

WINDOW = "W01"


def token_works(base_url: str, token: str) -> bool:
    api = ApiClient(base_url, timeout=(3.05, 10))
    try:
        api.catalog(token)
    except ApiError as exc:
        assert exc.status == 401
        return False
    finally:
        api.close()
    return True


def device_token(context: Any) -> str | None:
    return context.backend.tokens.get_device_token(WINDOW, context.device_id)


def lose_device_token(context: Any) -> None:
    """What a wiped keyring (or an older version without a secure one) leaves."""
    context.backend.tokens.delete_device_token(WINDOW, context.device_id)


def cases_at_center(service: Any, case_no: str) -> int:
    return service.sql("SELECT COUNT(*) FROM cases WHERE case_no = :n", n=case_no)[0][0]


def queue_case(context: Any, n: int = 1) -> str:
    catalog, item = demo_item()
    return str(take_in(context, "demo-clerk", item, catalog.version, n)["case_no"])


@pytest.fixture
def desks(make_desk) -> Iterator[Any]:
    made: list[Desk] = []

    def make(url: str, home: str = "w1") -> Desk:
        desk = Desk(make_desk(url, home), services.default_hooks())
        made.append(desk)
        return desk

    yield make
    for desk in made:
        for window in (desk.window, desk.dashboard):
            if window is not None:
                window.close()
        desk.shutdown()
        if desk.login is not None:
            desk.login.close()


def sign_in_by_keyboard(qtbot, desk: Desk, user: str) -> Any:
    """Type the user and password into the sign-in window; the window that opens."""
    login = desk.make_login()
    login.show()
    qtbot.keyClicks(login.ui.userEdit, user)
    qtbot.keyClicks(login.ui.passwordEdit, DEMO_PASSWORD)
    qtbot.keyClick(login.ui.passwordEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.window is not None or desk.dashboard is not None, timeout=20_000)
    return desk.window or desk.dashboard


# -- the token -------------------------------------------------------------------------------


def test_a_desk_that_lost_its_token_gets_a_new_one_and_its_waiting_cases_go(
    make_desk, records_service
) -> None:
    url = records_service.base_url
    desk = make_desk(url)
    app_sign_in(desk, "demo-clerk", DEMO_PASSWORD)
    old = device_token(desk)
    assert old and token_works(url, old)

    lose_device_token(desk)
    case_no = queue_case(desk)  # taken in while the desk holds no token
    waiting = sync_engine(desk, None).push_once()  # nobody lends a sign-in
    assert waiting.stopped == STOP_NO_TOKEN and not waiting.device_token
    assert waiting.waiting_cases == 1 and cases_at_center(records_service, case_no) == 0

    app_sign_in(desk, "demo-clerk", DEMO_PASSWORD)  # the clerk's next online sign-in

    new = device_token(desk)
    assert new and new != old
    assert token_works(url, new) and not token_works(url, old)
    # The desk's own token sends it: an engine with nobody's user token.
    sent = sync_engine(desk, None).push_once()
    assert sent.sent == 1 and sent.stopped is None and sent.device_token
    assert cases_at_center(records_service, case_no) == 1


def test_a_lead_at_a_desk_without_a_token_gets_none_and_sends_nothing_as_themselves(
    make_desk, records_service
) -> None:
    desk = make_desk(records_service.base_url)
    app_sign_in(desk, "demo-clerk", DEMO_PASSWORD)
    lose_device_token(desk)
    case_no = queue_case(desk)
    lead = app_sign_in(desk, "demo-lead", DEMO_PASSWORD)
    assert device_token(desk) is None
    # The lead's user token is never lent to the desk's outbox.
    result = sync_engine(desk, lead).push_once()
    assert result.stopped == STOP_NO_TOKEN and result.sent == 0
    assert cases_at_center(records_service, case_no) == 0


# -- sync whoever is signed in -----------------------------------------------------------------


def test_a_lead_at_the_window_pc_gets_the_dashboard_and_the_desk_keeps_syncing(
    qtbot, desks, records_service
) -> None:
    desk = desks(records_service.base_url)
    app_sign_in(desk.context, "demo-clerk", DEMO_PASSWORD)  # the desk got its token earlier
    held = device_token(desk.context)
    assert held
    case_no = queue_case(desk.context)  # taken in by the clerk before the lead came

    dashboard = sign_in_by_keyboard(qtbot, desk, "demo-lead")

    assert isinstance(dashboard, DashboardWindow) and desk.window is None
    assert desk.sync is not None and desk.sync.is_running()
    qtbot.waitUntil(lambda: cases_at_center(records_service, case_no) == 1, timeout=20_000)
    assert device_token(desk.context) == held  # the lead's sign-in changed nothing
    indicator = dashboard.connection_indicator
    assert dashboard.statusBar().isAncestorOf(indicator) and indicator.isVisible()
    qtbot.waitUntil(lambda: indicator.text().startswith("Online"), timeout=20_000)
    assert "nothing waiting" in indicator.text()
    press(qtbot, dashboard, Qt.Key.Key_F8)
    assert indicator.panel.isVisible()
    assert indicator.panel.state_label.text() == "Online"
    indicator.panel.close()


def test_a_lead_at_a_pc_with_nothing_to_send_and_no_token_runs_no_sync(
    qtbot, desks, records_service
) -> None:
    desk = desks(records_service.base_url)
    dashboard = sign_in_by_keyboard(qtbot, desk, "demo-lead")
    assert isinstance(dashboard, DashboardWindow)
    assert desk.sync is None and dashboard.connection_indicator is None


# -- the state shown ---------------------------------------------------------------------------


def test_the_dashboard_says_in_red_that_the_desk_has_no_token_and_what_to_do(
    qtbot, desks, records_service
) -> None:
    desk = desks(records_service.base_url)
    app_sign_in(desk.context, "demo-clerk", DEMO_PASSWORD)
    lose_device_token(desk.context)
    queue_case(desk.context)

    dashboard = sign_in_by_keyboard(qtbot, desk, "demo-lead")

    indicator = dashboard.connection_indicator
    qtbot.waitUntil(lambda: indicator.details.stopped == STOP_NO_TOKEN, timeout=20_000)
    text = indicator.text()
    assert text.startswith("No device token: sending stopped")
    # The source text, or its English plural when an earlier test installed English.
    assert re.search(r"\b1 case(\(s\))? waiting", text), text
    assert "a clerk of this window signing in online restores it" in text
    assert "Online" not in text
    assert "#b3261e" in indicator.styleSheet()  # red
    press(qtbot, dashboard, Qt.Key.Key_F8)
    panel = indicator.panel
    assert panel.isVisible() and panel.stop_label.isVisible()
    assert "A clerk of this window signing in once" in panel.stop_label.text()
    panel.close()


def test_a_clerk_signed_in_offline_at_a_desk_without_a_token_sees_it_in_red(
    qtbot, desks, make_desk, records_service
) -> None:
    first = make_desk(records_service.base_url)
    app_sign_in(first, "demo-clerk", DEMO_PASSWORD)  # remembered for offline sign-in
    lose_device_token(first)
    desk = desks(UNREACHABLE)  # the same PC, the link down
    window = sign_in_by_keyboard(qtbot, desk, "demo-clerk")
    assert desk.session.offline

    indicator = window.connection_indicator
    qtbot.waitUntil(lambda: indicator.details.state == "offline", timeout=20_000)
    assert not indicator.details.device_token
    text = indicator.text()
    assert "no device token" in text and "Online" not in text
    assert "a clerk of this window signing in online restores it" in text
    assert "#b3261e" in indicator.styleSheet()
    press(qtbot, window, Qt.Key.Key_F8)
    assert "A clerk of this window signing in once" in indicator.panel.stop_label.text()
    indicator.panel.close()


def test_the_no_token_sentence_is_translated(qapp) -> None:  # translators need the app
    try:
        install_translations("zh_CN")
        text = stop_reason(STOP_NO_TOKEN)
        assert "本窗口办事员联网登录一次即可恢复上传" in text, text
    finally:
        install_translations("en")


# -- quitting ----------------------------------------------------------------------------------


@pytest.fixture
def silent_service() -> Iterator[str]:
    """A listening socket that never accepts nor answers: the connection is made, the
    request goes into the kernel's queue, and no answer ever comes."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()


def test_quitting_does_not_wait_for_a_service_that_does_not_answer(
    qtbot, desks, records_service, silent_service
) -> None:
    desk = desks(records_service.base_url)
    window = keyboard_sign_in(qtbot, desk)
    qtbot.waitUntil(lambda: desk.sync.last_status is not None, timeout=20_000)
    token = desk.session.access_token
    desk.context.backend.api.base_url = silent_service  # the service stops answering
    desk.quit_sign_out_seconds = 0.5
    window.close()
    started = time.monotonic()
    desk.shutdown()
    took = time.monotonic() - started
    assert took < 2.0, took  # the bounded wait, not the sign-out's network timeout
    assert desk.context.backend.tokens.get_user_token(WINDOW, "demo-clerk") is None
    assert token_works(records_service.base_url, token)  # the request never got through


def test_a_heartbeat_to_a_service_that_went_silent_gives_up_within_its_probe_timeout(
    make_desk, records_service, silent_service, clock
) -> None:
    """While idle the sync thread only probes ``GET /health``; quitting waits for that
    thread, so a service that stops answering holds it for the probe's short timeout only."""
    desk = make_desk(records_service.base_url)
    app_sign_in(desk, "demo-clerk", DEMO_PASSWORD)
    engine = sync_engine(desk, None)
    assert engine.probe_timeout == (2.0, 2.0)
    assert engine.push_once().online  # a first round: pulled, reported, online
    desk.backend.api.base_url = silent_service  # then the service stops answering
    engine.probe_timeout = (0.3, 0.3)
    clock.advance(timedelta(seconds=5))  # past the heartbeat, before the next pull
    started = time.monotonic()
    result = engine.push_once()
    took = time.monotonic() - started
    assert not result.online and result.stopped == "offline"
    assert took < 1.5, took  # the probe's timeout (one retry), not the client's 15 s
