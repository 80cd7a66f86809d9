"""The calling bar after a restart and over a link that loses answers (issue 18), keyboard
only, against the real records service behind a fault proxy: the desk is started while
W01 still has ticket B001 at its counter (called and recalled before the restart) — the
bar goes on with it; a recall whose answers are lost is said as a link problem, and
pressed again it is sent with the same key: the hall announces it once; F7 finishes the
visit."""

from __future__ import annotations

import pytest
import requests
from PySide6.QtCore import Qt

from clerk_app.gui import services
from clerk_app.gui.app import Desk
from tests.helpers.calling import display_token, issue, kiosk_token, ticket_row
from tests.helpers.faultproxy import FaultProxy
from tests.helpers.hall_service_data import TIMEOUT, auth, token_for
from tests.helpers.keyboard import make_context, press, sign_in

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def proxy(shared_records_service):
    port = int(shared_records_service.base_url.rsplit(":", 1)[1])
    proxy = FaultProxy(("127.0.0.1", port))
    proxy.start()
    yield proxy
    proxy.stop()


@pytest.fixture
def lossy_desk(proxy, tmp_path):
    """The desk of W01, reaching the service through the proxy."""
    context = make_context(proxy.base_url, tmp_path)
    context.settings.set("queue.calling_bar", True)
    desk = Desk(context, services.default_hooks())
    yield desk
    if desk.window is not None:
        desk.window.close()
    desk.shutdown()
    if desk.login is not None:
        desk.login.close()
    context.close()


def _post(service, path: str, token: str, key: str | None = None) -> dict:
    headers = {**auth(token), **({"Idempotency-Key": key} if key else {})}
    answer = requests.post(service.url(path), json={}, headers=headers, timeout=TIMEOUT)
    assert answer.status_code == 200, answer.text
    return answer.json()


def _recalls(service) -> int:
    answer = requests.get(
        service.url("/queue/calls"),
        params={"after": 0},
        headers=auth(display_token(service)),
        timeout=TIMEOUT,
    )
    return sum(1 for c in answer.json()["items"] if c["kind"] == "recall")


def test_a_restarted_desk_goes_on_with_its_ticket_and_a_lost_recall_is_made_once(
    no_mouse, lossy_desk, shared_records_service, proxy
) -> None:
    qtbot, service = no_mouse, shared_records_service
    # Before the restart W01's clerk called B001 and called it again.
    number = issue(service, kiosk_token(service))
    clerk = token_for(service, "demo-clerk", window_code="W01")
    assert _post(service, "/queue/next", clerk)["ticket"]["number"] == number
    _post(service, f"/queue/tickets/{number}/recall", clerk, key="before-the-restart")

    window = sign_in(qtbot, lossy_desk)
    bar = window.calling_bar
    qtbot.waitUntil(lambda: bar.visit.number == number, timeout=10_000)
    assert bar.ticket_label.text() == number
    assert "going on" in bar.message_label.text()
    assert "1 more time" in bar.info_label.text()
    assert not bar.actions_["next"].isEnabled()  # the next waits: this one is served

    # Shift+F6: the service recalls, both answers are lost; the bar says so.
    # (Every answer is lost meanwhile: the desk's background calls too.)
    proxy.set_faults("lose_reply")
    press(qtbot, window, Qt.Key.Key_F6, SHIFT)
    qtbot.waitUntil(lambda: not bar.busy, timeout=40_000)
    proxy.set_faults("pass")
    assert proxy.counts["lose_reply"] >= 2 and len(bar.step_keys) == 1
    assert "records service" in bar.message_label.text()  # the link, not a refusal
    assert _recalls(service) == 2
    # Pressed again: the same key, the first answer; the hall announced it once.
    press(qtbot, window, Qt.Key.Key_F6, SHIFT)
    qtbot.waitUntil(lambda: f"Calling {number} again" in bar.message_label.text(), timeout=10_000)
    assert _recalls(service) == 2 and bar.step_keys == {}
    assert "2 more time" in bar.info_label.text()

    press(qtbot, window, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: bar.visit.number == "", timeout=10_000)
    assert ticket_row(service, number)[0] == "done"
