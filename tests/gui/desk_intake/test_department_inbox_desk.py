"""The department's complaints and 12345 orders at the desk (issue 19), keyboard only,
against the real records service: the supervisor assigns two complaints and a 12345 order
(dispatched by the stand-in hotline) to GA; demo-clerk (W01, GA) opens the inbox
(Ctrl+Shift+I) and answers the complaint and the order (Tab, type, Ctrl+Return); the
complaint about demo-clerk is not in the list; answers to ones answered, closed or moved to
another department behind the desk's back are refused in words. The lead extends an order
(F4) with a reason and a new deadline; an overdue order comes first, in red."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
import requests
from PySide6.QtCore import Qt

from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.gui import services
from clerk_app.gui.app import Desk
from clerk_app.gui.department_inbox import LATE_RED, refusal_text
from clerk_app.gui.shortcuts import ShortcutsDialog
from tests.helpers.accessibility import nameless_controls
from tests.helpers.contrast import contrast_ratio, low_contrast_buttons, low_contrast_texts
from tests.helpers.hall_service_data import TIMEOUT, auth
from tests.helpers.hotline_client import HotlineClient
from tests.helpers.keyboard import CTRL, make_context, press, sign_in, target, type_keys
from tests.helpers.service import DEMO_PASSWORD

SHIFT = Qt.KeyboardModifier.ShiftModifier


def _token(service, user: str, window: str | None = None) -> str:
    body = {"username": user, "password": DEMO_PASSWORD}
    if window:
        body["window_code"] = window
    login = requests.post(service.url("/auth/login"), json=body, timeout=TIMEOUT)
    assert login.status_code == 200, login.text
    return login.json()["access_token"]


def _post(service, token: str, path: str, body: dict) -> dict:
    headers = {**auth(token), "Idempotency-Key": str(uuid.uuid4())}  # keyed writes need one
    answer = requests.post(service.url(path), json=body, headers=headers, timeout=TIMEOUT)
    assert answer.status_code in (200, 201), answer.text
    return answer.json()


def _complaint(service, supervisor: str, account: str, **about: str) -> str:
    """A complaint taken in by the supervisor and assigned to GA; its number."""
    body = {
        "channel": "in_person",
        "complainant_name": "李四",
        "complainant_contact": "13900139000",
        "about_kind": "hall",
        "category": "attitude",
        "account": account,
        **about,
    }
    no = _post(service, supervisor, "/complaints", body)["complaint"]["no"]
    _post(service, supervisor, f"/complaints/{no}/assign", {"department_code": "GA"})
    return no


def _hotline(service) -> HotlineClient:
    admin = _token(service, "demo-admin")
    code = _post(service, admin, "/enrolments", {"kind": "integration", "label": "12345热线"})[
        "code"
    ]
    redeemed = requests.post(
        service.url("/enrolments/redeem"), json={"code": code}, timeout=TIMEOUT
    )
    assert redeemed.status_code == 201, redeemed.text
    return HotlineClient(service.api_url, redeemed.json()["token"])


def _order(service, supervisor: str, hotline: HotlineClient) -> str:
    """A 12345 order (4 hours to answer) signed and assigned to GA; its number."""
    no = f"RX-{uuid.uuid4().hex[:10]}"
    hotline.dispatch(no, title="路灯不亮", content="来电人电话13912345678，路灯三晚不亮。")
    _post(service, supervisor, f"/hotline/orders/{no}/sign", {})
    _post(service, supervisor, f"/hotline/orders/{no}/assign", {"department_code": "GA"})
    return no


def _open(qtbot, window):
    press(qtbot, window, Qt.Key.Key_I, CTRL | SHIFT)
    dialog = window.department_inbox.last_dialog
    assert dialog is not None
    return dialog


def _to_row(qtbot, window, dialog, no: str) -> None:
    """Shift+Tab back to the list, then up and down to the row of ``no``."""
    for _ in range(4):
        if target(window) is dialog.table:
            break
        press(qtbot, window, Qt.Key.Key_Tab, SHIFT)
    assert target(window) is dialog.table
    press(qtbot, window, Qt.Key.Key_Home)
    for _ in range(len(dialog.items)):
        if dialog.current() is not None and dialog.current().no == no:
            return
        press(qtbot, window, Qt.Key.Key_Down)
    assert dialog.current() is not None and dialog.current().no == no


def _type_answer(qtbot, window, dialog, text: str) -> None:
    press(qtbot, window, Qt.Key.Key_Tab)
    assert target(window) is dialog.text
    type_keys(qtbot, window, text)


def _lead_signs_in(qtbot, desk):
    login = desk.make_login()
    qtbot.addWidget(login)
    login.show()
    qtbot.keyClicks(login.ui.userEdit, "demo-lead")
    qtbot.keyClicks(login.ui.passwordEdit, DEMO_PASSWORD)
    qtbot.keyClick(login.ui.passwordEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.dashboard is not None, timeout=20_000)
    window = desk.dashboard
    qtbot.addWidget(window)
    window.activateWindow()
    return window


def _numbers(dialog) -> set[str]:
    return {item.no for item in dialog.items}


def test_the_clerk_answers_the_departments_complaint_and_12345_order_by_keyboard(
    no_mouse, desk, shared_records_service
) -> None:
    qtbot, service = no_mouse, shared_records_service
    supervisor = _token(service, "demo-supervisor")
    complaint = _complaint(
        service, supervisor, "窗口让我补交清单外材料，我的电话13900139000。", about_kind="hall"
    )
    about_clerk = _complaint(
        service, supervisor, "窗口人员态度生硬。", about_kind="clerk", about_clerk="demo-clerk"
    )
    answered_elsewhere = _complaint(service, supervisor, "等候时间过长。")
    closed = _complaint(service, supervisor, "取号机故障。")
    moved = _complaint(service, supervisor, "收费标准不清。")
    order = _order(service, supervisor, _hotline(service))
    window = sign_in(qtbot, desk)

    dialog = _open(qtbot, window)
    qtbot.waitUntil(lambda: {complaint, order} <= _numbers(dialog), timeout=20_000)
    assert about_clerk not in _numbers(dialog)  # a complaint about the clerk never reaches them
    assert nameless_controls(dialog) == []
    assert low_contrast_texts(dialog) == [] and low_contrast_buttons(dialog) == []
    assert contrast_ratio(LATE_RED, "#ffffff") >= 4.5  # the overdue rows' red on white
    count = window.department_inbox.count
    assert count.isVisible() and str(len(dialog.items)) in count.text()

    _to_row(qtbot, window, dialog, complaint)
    shown = dialog.detail.text()
    assert "139****9000" in shown and "13900139000" not in shown and "李*" in shown
    assert "left" in dialog.table.item(dialog.table.currentRow(), 4).text()
    _type_answer(qtbot, window, dialog, "The list of materials was explained again; sorry.")
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: complaint not in _numbers(dialog), timeout=20_000)
    stored = requests.get(
        service.url(f"/complaints/{complaint}"), headers=auth(supervisor), timeout=TIMEOUT
    ).json()["complaint"]
    assert (stored["status"], stored["answered_by"]) == ("answered", "demo-clerk")

    _to_row(qtbot, window, dialog, order)
    assert "139****5678" in dialog.detail.text()
    _type_answer(qtbot, window, dialog, "The street light was repaired on site.")
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: order not in _numbers(dialog), timeout=20_000)
    pulled = requests.get(
        service.url("/hotline/orders"), headers=auth(supervisor), timeout=TIMEOUT
    ).json()["items"]
    done = next(o for o in pulled if o["no"] == order)
    assert (done["status"], done["answer"]) == (
        "answered",
        "The street light was repaired on site.",
    )

    # Answered by the lead while the list was open: the clerk's answer is refused in words.
    _to_row(qtbot, window, dialog, answered_elsewhere)
    lead = _token(service, "demo-lead")
    _post(service, lead, f"/complaints/{answered_elsewhere}/answer", {"answer": "已处理"})
    _type_answer(qtbot, window, dialog, "Sorry for the wait.")
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    said = refusal_text("answered")
    qtbot.waitUntil(lambda: dialog.message.text() == said, timeout=20_000)
    qtbot.waitUntil(lambda: answered_elsewhere not in _numbers(dialog), timeout=20_000)
    assert dialog.message.text() == said  # the refreshed list keeps the words

    # Answered and closed, or given to another department, while the list was open.
    def close_it() -> None:
        _post(service, lead, f"/complaints/{closed}/answer", {"answer": "已处理"})
        _post(service, supervisor, f"/complaints/{closed}/close", {})

    def move_it() -> None:
        _post(service, supervisor, f"/complaints/{moved}/assign", {"department_code": "SJ"})

    for no, behind_the_back, reason in (
        (closed, close_it, "closed"),
        (moved, move_it, "not-found"),
    ):
        _to_row(qtbot, window, dialog, no)
        behind_the_back()
        _type_answer(qtbot, window, dialog, "Answered late.")
        press(qtbot, window, Qt.Key.Key_Return, CTRL)
        said = refusal_text(reason)
        qtbot.waitUntil(lambda said=said: dialog.message.text() == said, timeout=20_000)
        qtbot.waitUntil(lambda no=no: no not in _numbers(dialog), timeout=20_000)
        dialog.text.clear()

    # F1 lists the key.
    rows = ShortcutsDialog(window.menuBar(), []).rows()
    assert any("12345" in what and "Ctrl+Shift+I" in keys for _menu, what, keys in rows)


def test_the_lead_extends_a_12345_order_with_a_reason_and_a_new_deadline(
    no_mouse, desk, shared_records_service
) -> None:
    qtbot, service = no_mouse, shared_records_service
    supervisor = _token(service, "demo-supervisor")
    hotline = _hotline(service)
    order = _order(service, supervisor, hotline)
    window = _lead_signs_in(qtbot, desk)  # a lead's desk is the dashboard

    dialog = _open(qtbot, window)
    qtbot.waitUntil(lambda: order in _numbers(dialog), timeout=20_000)
    assert dialog.due.isVisible()
    assert nameless_controls(dialog) == []
    _to_row(qtbot, window, dialog, order)
    before = dialog.current().due
    _type_answer(qtbot, window, dialog, "The lamp needs a part from the supplier.")
    press(qtbot, window, Qt.Key.Key_Tab)
    assert target(window) is dialog.due  # the new deadline: one day later by default
    press(qtbot, window, Qt.Key.Key_F4)
    qtbot.waitUntil(
        lambda: any(i.no == order and i.status == "extended" for i in dialog.items),
        timeout=20_000,
    )
    extended = next(i for i in dialog.items if i.no == order)
    assert extended.due is not None and before is not None
    assert 23 * 3600 < (extended.due - before).total_seconds() <= 24 * 3600
    hotline.pull()
    seen = hotline.orders[order]["extension"]
    assert seen["reason"] == "The lamp needs a part from the supplier."


@pytest.fixture
def desk_later(shared_records_service, tmp_path):
    """A desk whose clock reads five hours from now (the service's clock is real)."""
    later = FixedClock(datetime.now(CENTER_TZ).replace(microsecond=0) + timedelta(hours=5))
    context = make_context(shared_records_service.base_url, tmp_path, later)
    desk = Desk(context, services.default_hooks())
    yield desk
    if desk.window is not None:
        desk.window.close()
    desk.shutdown()
    if desk.login is not None:
        desk.login.close()
    context.close()


def test_an_overdue_order_comes_first_in_red_and_says_so(
    no_mouse, desk_later, shared_records_service
) -> None:
    qtbot, service = no_mouse, shared_records_service
    supervisor = _token(service, "demo-supervisor")
    order = _order(service, supervisor, _hotline(service))  # 4 hours to answer
    window = sign_in(qtbot, desk_later)

    dialog = _open(qtbot, window)
    qtbot.waitUntil(lambda: order in _numbers(dialog), timeout=20_000)
    first = dialog.items[0]
    assert first.kind == "order" and first.is_late(window.context.clock.now())
    row = next(n for n, item in enumerate(dialog.items) if item.no == order)
    left = dialog.table.item(row, 4)
    assert left.text().startswith("Overdue ") and "min" in left.text()  # about an hour
    assert left.foreground().color() == LATE_RED
    assert "overdue" in window.department_inbox.count.text()
