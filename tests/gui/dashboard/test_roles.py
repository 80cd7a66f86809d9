"""Who may see what: a clerk gets no dashboard; a lead sees only their own department."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtWidgets import QApplication

from clerk_app.app.dashboard import DashboardSource
from clerk_app.gui.dashboard import DashboardWindow, open_dashboard
from clerk_app.gui.dashboard.models import Period
from clerk_app.remote.api import ApiClient
from tests.helpers import dashboard_dataset as dataset

SJ_WINDOWS = {w for w in dataset.WINDOWS if dataset.department_of(w) == "SJ"}
MONTH = {"from": dataset.MONTH_START.isoformat(), "to": dataset.TODAY.isoformat()}


def test_a_clerk_gets_403_from_every_dashboard_route(loaded) -> None:
    token = loaded.service.token("demo-clerk")
    for path, params in (
        ("/workload", MONTH),
        ("/workload/cases", {"window": "W01", **MONTH}),
        ("/windows", {}),
        ("/users", {}),
        ("/ratings/bad", {}),
    ):
        response = loaded.service.get(path, token, **params)
        assert response.status_code == 403, (path, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")


def test_a_clerk_account_is_told_the_dashboard_is_not_theirs(qtbot, loaded, client_clock) -> None:
    context = SimpleNamespace(
        backend=SimpleNamespace(api=ApiClient(loaded.service.base_url)), clock=client_clock
    )
    session = SimpleNamespace(
        roles=("clerk",), access_token=loaded.service.token("demo-clerk"), display_name="x"
    )
    assert open_dashboard(context, session) is None
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "dashboardRefused"]
    assert boxes and boxes[-1].isVisible()
    assert "for shift leads and admins only" in boxes[-1].text()
    for box in boxes:
        box.close()
        box.deleteLater()


def test_a_clerk_token_shows_a_clear_refusal_not_figures(qtbot, loaded, client_clock) -> None:
    """Should a clerk's token reach the dashboard anyway, the service's 403 is worded."""
    source = DashboardSource(ApiClient(loaded.service.base_url), loaded.service.token("demo-clerk"))
    window = DashboardWindow(source, client_clock, auto_refresh_ms=0)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.workload.refreshed, timeout=60_000) as blocker:
        window.workload.refresh()
    assert blocker.args == [False]
    assert window.workload.model.rowCount() == 0
    assert "Only shift leads" in window.workload.freshness.text()


def test_a_lead_sees_only_the_own_department_through_the_api(loaded) -> None:
    token = loaded.service.token("lead-sj", window_code=None)
    figures = loaded.service.get("/workload", token, **MONTH).json()
    assert {i["group"] for i in figures["items"]} == SJ_WINDOWS
    want = dataset.expected(
        [g for g in loaded.cases if g.window in SJ_WINDOWS], dataset.MONTH_START, dataset.TODAY
    )
    assert figures["total"]["received"] == want["total"]["received"]
    other = loaded.service.get("/workload/cases", token, window="W01", **MONTH)
    unknown = loaded.service.get("/workload/cases", token, window="W99")
    assert other.status_code == unknown.status_code == 404  # outside the reach: as unknown
    own = loaded.service.get("/workload/cases", token, window="W03", **MONTH).json()
    assert own["count"] == sum(1 for g in loaded.cases if g.window == "W03")
    assert {c["clerk"] for c in own["items"]} == {"clerk-w03"}
    assert all(c["applicant"] == "张**" for c in own["items"])  # masked
    users = loaded.service.get("/users", token).json()["items"]
    assert users and {u["department_code"] for u in users} == {"SJ"}
    windows = loaded.service.get("/windows", token).json()["items"]
    assert {w["code"] for w in windows} == SJ_WINDOWS
    ratings = loaded.service.get("/ratings/bad", token).json()["items"]
    assert ratings and {r["window_code"] for r in ratings} <= SJ_WINDOWS


def test_a_lead_sees_only_the_own_department_in_the_dashboard(qtbot, loaded, client_clock) -> None:
    source = DashboardSource(
        ApiClient(loaded.service.base_url), loaded.service.token("lead-sj", window_code=None)
    )
    window = DashboardWindow(source, client_clock, auto_refresh_ms=0)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.workload.refreshed, timeout=60_000):
        window.workload.set_period(Period.MONTH)
    rows = window.workload.snapshot().text
    assert {r[0] for r in rows[:-1]} == SJ_WINDOWS
    with qtbot.waitSignal(window.cases_shown, timeout=60_000) as shown:
        window.show_cases("W03")
    dialog = shown.args[0]
    numbers = dialog.case_numbers()
    assert numbers and all(n.startswith("TW03-") for n in numbers)
    clerks = {dialog.model.item(r, 8).text() for r in range(dialog.model.rowCount())}
    assert clerks == {"clerk-w03"}
    dialog.close()
    window.show_cases("W01")  # another department's window: as unknown, nothing shown
    bar = window.statusBar()
    qtbot.waitUntil(lambda: "own department's windows" in bar.currentMessage(), timeout=60_000)
    assert window.cases_dialog is dialog
    with qtbot.waitSignal(window.people.refreshed, timeout=60_000):
        window.people.refresh()
    usernames = {u["username"] for u in window.people.users}
    assert "lead-sj" in usernames and "demo-clerk" not in usernames
