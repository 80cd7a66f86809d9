"""Sync supervision (old and silent clients highlighted), unlocking a clerk, following up a
bad rating: round trips through the real service and the lead's dashboard."""

from __future__ import annotations

from datetime import timedelta

import requests

from clerk_app.app.dashboard import DashboardSource
from clerk_app.gui.dashboard import DashboardWindow
from clerk_app.gui.dashboard.sync_tab import OLD, SILENT, version_key
from clerk_app.remote.api import ApiClient
from tests.helpers import dashboard_dataset as dataset
from tests.helpers.local_service import TIMEOUT
from tests.helpers.service import DEMO_PASSWORD

GA_WINDOWS = {w for w in dataset.WINDOWS if dataset.department_of(w) == "GA"}


def _dashboard(qtbot, loaded, clock, username: str = "demo-lead") -> DashboardWindow:
    token = loaded.service.token(username, window_code=None)
    window = DashboardWindow(
        DashboardSource(ApiClient(loaded.service.base_url), token), clock, auto_refresh_ms=0
    )
    qtbot.addWidget(window)
    return window


def _report(loaded, username: str, window: str, device: str, version: str, rejected) -> None:
    api = ApiClient(loaded.service.base_url)
    result = api.login(username, DEMO_PASSWORD, window, device, version)
    api.report_status(
        result.access_token,
        device,
        {
            "waiting": len(rejected) + 2,
            "rejected": rejected,
            "client_version": version,
            "clock": (loaded.service.clock.now + timedelta(seconds=7)).isoformat(),
        },
    )


def test_old_and_silent_clients_are_highlighted(qtbot, loaded, client_clock) -> None:
    clock = loaded.service.clock
    try:  # W01's client last reported three hours ago, with an old version
        clock.now = dataset.NOW - timedelta(hours=3)
        _report(loaded, "demo-clerk", "W01", f"pc-w01-{loaded.backend}", "0.9.0",
                [{"key": "case-1", "reason": "item code unknown"}])  # fmt: skip
    finally:
        clock.now = dataset.NOW
    _report(loaded, "clerk-w02", "W02", f"pc-w02-{loaded.backend}", "1.4.0", [])
    window = _dashboard(qtbot, loaded, client_clock)
    window.tabs.setCurrentWidget(window.sync)
    with qtbot.waitSignal(window.sync.refreshed, timeout=60_000) as blocker:
        window.refresh()
    assert blocker.args == [True]
    rows = {r["device"]: (i, r) for i, r in enumerate(window.sync.rows)}
    i_old, old = rows[f"pc-w01-{loaded.backend}"]
    i_new, new = rows[f"pc-w02-{loaded.backend}"]
    assert (old["silent"], old["old"], old["silent_minutes"]) == (True, True, 180)
    assert (new["silent"], new["old"]) == (False, False)
    assert {r["window"] for r in window.sync.rows} <= GA_WINDOWS
    model = window.sync.model
    assert model.item(i_old, 4).text() == "180 min"
    assert model.item(i_old, 4).background() == SILENT
    assert model.item(i_old, 8).background() == OLD
    assert model.item(i_old, 7).text() == "item code unknown"
    assert model.item(i_old, 9).text() == "+7 s"
    assert model.item(i_new, 4).background() != SILENT
    assert model.item(i_new, 8).text() == "1.4.0"
    # A longer silence limit: three hours is no longer silent.
    window.sync.silent_box.setValue(240)
    old_row = next(r for r in window.sync.rows if r["device"] == f"pc-w01-{loaded.backend}")
    assert old_row["silent"] is False


def test_version_order_is_numeric() -> None:
    assert version_key("0.10.0") > version_key("0.9.3") > version_key("0.9") > version_key("")


def test_a_lead_unlocks_a_locked_out_clerk(qtbot, loaded, client_clock) -> None:
    url = loaded.service.url("/auth/login")
    wrong = {"username": "clerk-locked", "password": "wrong-password", "window_code": "W01"}
    # On the service's fixed clock the progressive delay never passes: after the first
    # wrong passwords the rest are refused (429) without a try, and still count.
    statuses = [requests.post(url, json=wrong, timeout=TIMEOUT).status_code for _ in range(5)]
    assert statuses[0] == 401 and set(statuses) <= {401, 429}, statuses
    right = {**wrong, "password": DEMO_PASSWORD}
    assert requests.post(url, json=right, timeout=TIMEOUT).status_code == 429
    window = _dashboard(qtbot, loaded, client_clock)
    with qtbot.waitSignal(window.people.refreshed, timeout=60_000):
        window.people.refresh()
    row = next(i for i, u in enumerate(window.people.users) if u["username"] == "clerk-locked")
    assert window.people.users_model.item(row, 5).text() == "Locked out"
    window.people.users_table.selectRow(row)
    acted: list[tuple[bool, str]] = []
    window.people.acted.connect(lambda ok, text: acted.append((ok, text)))
    loaded.service.clock.now = dataset.NOW + timedelta(minutes=2)  # the lead comes by later
    try:
        with qtbot.waitSignals([window.people.acted, window.people.refreshed], timeout=60_000):
            window.people.unlock_selected()
        assert acted == [(True, "clerk-locked is unlocked.")]
        user = next(u for u in window.people.users if u["username"] == "clerk-locked")
        assert (user["locked"], user["failed_sign_ins"]) == (False, 0)
        assert window.people.users_model.item(row, 5).text() == "OK"
        assert requests.post(url, json=right, timeout=TIMEOUT).status_code == 200
    finally:
        loaded.service.clock.now = dataset.NOW


def test_a_lead_records_the_follow_up_of_a_bad_rating(qtbot, loaded, client_clock) -> None:
    window = _dashboard(qtbot, loaded, client_clock)
    with qtbot.waitSignal(window.people.refreshed, timeout=60_000):
        window.people.refresh()
    ratings = window.people.ratings
    assert ratings and {r["window_code"] for r in ratings} <= GA_WINDOWS
    assert all(r["score"] <= 2 and not r["followed_up_at"] for r in ratings)
    dues = [r["follow_up_due"] for r in ratings]
    assert dues == sorted(dues)
    late = [i for i, r in enumerate(ratings) if r["follow_up_due"] < dataset.TODAY.isoformat()]
    assert late and window.people.ratings_model.item(late[0], 7).text() == "Deadline passed"
    target = ratings[late[0]]
    window.people.ratings_table.selectRow(late[0])
    window.people.ask_follow_up()
    dialog = window.people.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.note.setPlainText("Called the applicant; the wait was explained.")
    with qtbot.waitSignals([window.people.acted, window.people.refreshed], timeout=60_000):
        dialog._accept()
    assert target["id"] not in {r["id"] for r in window.people.ratings}
    token = loaded.service.token("demo-lead", window_code=None)
    done = loaded.service.get("/ratings/bad", token, followed_up="true").json()["items"]
    recorded = next(r for r in done if r["id"] == target["id"])
    assert recorded["follow_up_by"] == "demo-lead"
    assert recorded["follow_up_note"] == "Called the applicant; the wait was explained."
    # A lead of another department may not follow it up: outside their reach, like no rating.
    other = requests.post(
        loaded.service.url(f"/ratings/{ratings[-1]['id']}/follow-up"),
        json={"note": "x"},
        headers={"Authorization": "Bearer " + loaded.service.token("lead-sj", window_code=None)},
        timeout=TIMEOUT,
    )
    assert other.status_code == 404
