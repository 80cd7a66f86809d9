"""网上待接件 at the window (issue 19), keyboard only, against the real records service: the
website (tests/helpers/website_client.py) posts an application; W01's clerk opens the list
(Ctrl+Shift+O), types the one-time supplement notice and sends it (F3), the website reads
it back and re-posts, F5 shows it again, a second notice is refused in words, F2 accepts
it; Enter fills the intake form from it and Ctrl+Return takes it in: the case keeps the
pre-submission's number and query code, carries the form and the uploaded materials on the
service, and the applicant's progress query answers with the case. While the take-in's
call to the service is slow, the desk's database writer stays free (the call runs on a
worker; the writer only stores the case the service made)."""

from __future__ import annotations

import threading
from concurrent.futures import TimeoutError
from typing import Any

import requests
from PySide6.QtCore import Qt

from clerk_app.gui.presubmissions import refusal_text
from tests.helpers.hall_service_data import TIMEOUT, auth
from tests.helpers.keyboard import CTRL, accept, press, sign_in, target, type_keys
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.service_api import valid_resident_id
from tests.helpers.website_client import Application, WebsiteClient, uploaded

SHIFT = Qt.KeyboardModifier.ShiftModifier


def _website(service) -> WebsiteClient:
    login = requests.post(
        service.url("/auth/login"),
        json={"username": "demo-admin", "password": DEMO_PASSWORD},
        timeout=TIMEOUT,
    )
    admin = auth(login.json()["access_token"])
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


def _to_row(qtbot, window, dialog, no: str) -> None:
    """Up and down the list to the row of ``no``."""
    assert target(window) is dialog.table
    press(qtbot, window, Qt.Key.Key_Home)
    for _ in range(len(dialog.items)):
        if dialog.current() is not None and dialog.current().no == no:
            return
        press(qtbot, window, Qt.Key.Key_Down)
    assert dialog.current() is not None and dialog.current().no == no


def _note(qtbot, window, dialog, text: str) -> None:
    """Tab to the note field and type ``text``; Shift+Tab back to the list."""
    for _ in range(4):
        if target(window) is dialog.note:
            break
        press(qtbot, window, Qt.Key.Key_Tab)
    assert target(window) is dialog.note
    type_keys(qtbot, window, text)
    for _ in range(4):
        if target(window) is dialog.table:
            break
        press(qtbot, window, Qt.Key.Key_Tab, SHIFT)
    assert target(window) is dialog.table


def test_a_pre_submission_is_pre_reviewed_and_taken_in_by_keyboard(
    no_mouse, desk, context_of, shared_records_service
) -> None:
    qtbot, service = no_mouse, shared_records_service
    website = _website(service)
    id_number = valid_resident_id("13110219800101123")
    application = Application(
        {
            "external_id": "WEB-DESK-1",
            "item_code": "DEMO-GA-001",
            "applicant": {
                "kind": "person",
                "name": "赵六",
                "id_type": "resident_id",
                "id_number": id_number,
                "phone": "13600136000",
            },
            "form_data": {"申请类型": "首次申领"},
            "materials": [uploaded("户口簿.pdf", b"hukou", "M1"), uploaded("照片.jpg", b"p", "M2")],
        }
    )
    assert website.submit(application).status_code == 201
    window = sign_in(qtbot, desk)

    press(qtbot, window, Qt.Key.Key_O, CTRL | SHIFT)
    dialog = window.presubmissions.last_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: any(p.no == application.no for p in dialog.items), timeout=20_000)
    _to_row(qtbot, window, dialog, application.no or "")
    assert "户口簿.pdf" in dialog.detail.text()

    notice = "Upload the household register (M1) again, all pages."  # an IME types Chinese
    _note(qtbot, window, dialog, notice)
    press(qtbot, window, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: application.no not in {p.no for p in dialog.items}, timeout=20_000)
    assert website.status(application)["supplement_text"] == notice

    assert (
        website.supplement(application, [uploaded("证明.pdf", b"proof", "M3")]).status_code == 200
    )
    press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: any(p.no == application.no for p in dialog.items), timeout=20_000)
    _to_row(qtbot, window, dialog, application.no or "")
    _note(qtbot, window, dialog, "once more")
    press(qtbot, window, Qt.Key.Key_F3)
    said = refusal_text("supplement-used")
    qtbot.waitUntil(lambda: dialog.message.text() == said, timeout=20_000)
    dialog.note.clear()
    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(
        lambda: any(p.no == application.no and p.status == "accepted" for p in dialog.items),
        timeout=20_000,
    )

    # Enter: the intake form is filled from it; the clerk checks and accepts (Ctrl+Return).
    _to_row(qtbot, window, dialog, application.no or "")
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    window.activateWindow()  # the offscreen platform does not give it back by itself
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    form = window.intake
    assert form.ui.personNameEdit.text() == "赵六"
    assert window.current_item is not None and window.current_item.code == "DEMO-GA-001"
    # A slow link: the take-in's answer takes a while. Meanwhile the desk's database
    # writer must take other work (a sync, a parked intake): before, it waited up to 20 s.
    api = context_of(desk).backend.api
    real_request, writer_meanwhile = api.request, []

    def slow_link(method: str, path: str, **kwargs: Any) -> Any:
        if path.endswith("/take-in"):
            other = window.writer.submit(lambda: threading.current_thread().name)
            try:
                writer_meanwhile.append(other.future.result(timeout=5))
            except TimeoutError:
                writer_meanwhile.append("held")
        return real_request(method, path, **kwargs)

    api.request = slow_link
    try:
        case, _text, _dialog = accept(qtbot, window, context_of(desk), id_number)
    finally:
        del api.request
    assert len(writer_meanwhile) == 1 and writer_meanwhile != ["held"]
    assert (case.case_no, case.query_code) == (application.no, application.query_code)

    token = requests.post(
        service.url("/auth/login"),
        json={"username": "demo-clerk", "password": DEMO_PASSWORD, "window_code": "W01"},
        timeout=TIMEOUT,
    ).json()["access_token"]
    stored = requests.get(
        service.url(f"/cases/{case.case_no}"), headers=auth(token), timeout=TIMEOUT
    )
    assert stored.status_code == 200, stored.text
    carried = stored.json()["case"]["events"][0]["data"]["presubmission"]
    assert [m["name"] for m in carried["materials"]] == ["户口簿.pdf", "照片.jpg", "证明.pdf"]
    progress = website.progress(application)
    assert progress.status_code == 200 and progress.json()["case_no"] == application.no
