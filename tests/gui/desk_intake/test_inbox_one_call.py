"""The department inbox and the 网上待接件 list (issue 19), keyboard only, against the real
records service: a 12345 order the hotline sent back (重办) shows the hotline's reason (its
mobile number masked) where the clerk answers it again; two quick Ctrl+Return send one
answer, two quick F5 one list read, two quick F2 one pre-review (the second key is told to
wait) — counted in the service's own records."""

from __future__ import annotations

import sqlite3
import uuid

import requests
from PySide6.QtCore import Qt

from tests.helpers.hall_service_data import TIMEOUT, auth
from tests.helpers.hotline_client import enrol_hotline
from tests.helpers.keyboard import CTRL, press, sign_in, target, type_keys
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.service_api import valid_resident_id
from tests.helpers.website_client import Application, WebsiteClient, uploaded

SHIFT = Qt.KeyboardModifier.ShiftModifier
WAIT = "Wait: the last request is still being sent."


def _token(service, user: str, window: str | None = None) -> str:
    body = {"username": user, "password": DEMO_PASSWORD}
    if window:
        body["window_code"] = window
    login = requests.post(service.url("/auth/login"), json=body, timeout=TIMEOUT)
    assert login.status_code == 200, login.text
    return login.json()["access_token"]


def _post(service, token: str, path: str, body: dict) -> dict:
    headers = {**auth(token), "Idempotency-Key": str(uuid.uuid4())}
    answer = requests.post(service.url(path), json=body, headers=headers, timeout=TIMEOUT)
    assert answer.status_code in (200, 201), answer.text
    return answer.json()


def _count(service, sql: str, *args: object) -> int:
    with sqlite3.connect(service.database_path) as db:
        return int(db.execute(sql, args).fetchone()[0])


def _to_row(qtbot, window, table, items, no: str) -> None:
    assert target(window) is table
    press(qtbot, window, Qt.Key.Key_Home)
    for _ in range(len(items())):
        current = table.currentRow()
        if 0 <= current < len(items()) and items()[current].no == no:
            return
        press(qtbot, window, Qt.Key.Key_Down)
    assert items()[table.currentRow()].no == no


def test_a_sent_back_order_shows_why_and_two_quick_answers_send_one(
    no_mouse, desk, shared_records_service
) -> None:
    qtbot, service = no_mouse, shared_records_service
    supervisor, clerk = _token(service, "demo-supervisor"), _token(service, "demo-clerk", "W01")
    hotline = enrol_hotline(service)
    no = f"RX-{uuid.uuid4().hex[:10]}"
    hotline.dispatch(no, title="路灯不亮", content="路灯三晚不亮。")
    _post(service, supervisor, f"/hotline/orders/{no}/sign", {})
    _post(service, supervisor, f"/hotline/orders/{no}/assign", {"department_code": "GA"})
    _post(service, clerk, f"/hotline/orders/{no}/answer", {"answer": "已联系物业。"})
    sent_back = hotline.send_back(no, "来电人13912345678反映路灯仍未修复")
    assert sent_back.status_code == 200, sent_back.text
    window = sign_in(qtbot, desk)

    press(qtbot, window, Qt.Key.Key_I, CTRL | SHIFT)
    dialog = window.department_inbox.last_dialog
    qtbot.waitUntil(lambda: any(i.no == no for i in dialog.items), timeout=20_000)
    _to_row(qtbot, window, dialog.table, lambda: dialog.items, no)
    shown = dialog.detail.text()
    assert "Sent back by the hotline to be redone: 来电人139****5678反映路灯仍未修复" in shown
    assert "13912345678" not in shown

    press(qtbot, window, Qt.Key.Key_Tab)
    assert target(window) is dialog.text
    type_keys(qtbot, window, "The lamp was replaced; the caller confirmed.")
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    press(qtbot, window, Qt.Key.Key_Return, CTRL)  # at once, while the first is on its way
    assert dialog.message.text() == WAIT
    qtbot.waitUntil(lambda: dialog.message.text() == f"{no} answered.", timeout=20_000)
    qtbot.waitUntil(lambda: all(i.no != no for i in dialog.items), timeout=20_000)
    answers = "SELECT count(*) FROM hotline_events WHERE order_no = ? AND kind = 'answered'"
    assert _count(service, answers, no) == 2  # the first answer and the one redone, no more
    assert dialog.message.text() == f"{no} answered."  # no "answered already" for the 2nd


def test_two_quick_refreshes_read_once_and_two_quick_accepts_review_once(
    no_mouse, desk, shared_records_service
) -> None:
    qtbot, service = no_mouse, shared_records_service
    website = enrol_website(service)
    application = Application(
        {
            "external_id": f"WEB-{uuid.uuid4().hex[:8]}",
            "item_code": "DEMO-GA-001",
            "applicant": {
                "kind": "person",
                "name": "钱七",
                "id_type": "resident_id",
                "id_number": valid_resident_id("13110219800202123"),
                "phone": "13600136001",
            },
            "materials": [uploaded("户口簿.pdf", b"hukou", "M1")],
        }
    )
    assert website.submit(application).status_code == 201
    window = sign_in(qtbot, desk)
    press(qtbot, window, Qt.Key.Key_O, CTRL | SHIFT)
    dialog = window.presubmissions.last_dialog
    qtbot.waitUntil(lambda: any(p.no == application.no for p in dialog.items), timeout=20_000)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)

    reads = "SELECT count(*) FROM audit_records WHERE action = 'presubmission.read'"
    before = _count(service, reads)
    press(qtbot, window, Qt.Key.Key_F5)
    press(qtbot, window, Qt.Key.Key_F5)
    assert dialog.message.text() == WAIT
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert _count(service, reads) == before + 1

    _to_row(qtbot, window, dialog.table, lambda: dialog.items, application.no or "")
    press(qtbot, window, Qt.Key.Key_F2)
    press(qtbot, window, Qt.Key.Key_F2)
    assert dialog.message.text() == WAIT
    qtbot.waitUntil(
        lambda: any(p.no == application.no and p.status == "accepted" for p in dialog.items),
        timeout=20_000,
    )
    reviews = "SELECT count(*) FROM audit_records WHERE action = ? AND target = ?"
    assert _count(service, reviews, "presubmission.review", application.no) == 1
    assert "not waiting for a pre-review" not in dialog.message.text()


def enrol_website(service) -> WebsiteClient:
    admin = auth(_token(service, "demo-admin"))
    code = requests.post(
        service.url("/enrolments"),
        json={"kind": "integration", "label": "网上办事大厅"},
        headers=admin,
        timeout=TIMEOUT,
    ).json()["code"]
    redeemed = requests.post(
        service.url("/enrolments/redeem"), json={"code": code}, timeout=TIMEOUT
    )
    assert redeemed.status_code == 201, redeemed.text
    return WebsiteClient(service.api_url, redeemed.json()["token"])
