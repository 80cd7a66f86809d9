"""A package's pre-submission (一件事, issue 19) taken in at its window by keyboard, against
the real records service: the website posts an application for 企业开办 (led by 市场监管,
W03) with the combined materials uploaded; W03's clerk opens 网上待接件 (Ctrl+Shift+O),
accepts it (F2) and presses Enter: the package's joint intake opens filled from it (the
company, the uploaded materials ticked). The first Ctrl+Return's answer is lost on the way
back; Ctrl+Return again sends the same joint case and gets the service's stored answer:
one joint case at the center under the pre-submission's number and query code, its parts
numbered once at W03, stored at the desk with nothing left to send."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from clerk_app.app.context import build_context, demo_provisioning
from clerk_app.app.parking import parked_intakes
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.gui import services
from clerk_app.gui.app import Desk
from clerk_app.paths import Paths
from clerk_app.remote.api import NetworkError
from tests.helpers.joint_api import OPENING, core_catalog
from tests.helpers.keyboard import CTRL, DEMO_PROVISIONING, press, sign_in
from tests.helpers.service_api import TIMEOUT, auth, token_for
from tests.helpers.website_client import Application, WebsiteClient, uploaded

SHIFT = Qt.KeyboardModifier.ShiftModifier
CLERK = "demo-clerk-w03"


@pytest.fixture
def w03_desk(shared_records_service, tmp_path):
    """The desk of 企业登记窗口 W03 (市场监管, the lead of 企业开办) on a fresh data folder."""
    provisioning = demo_provisioning(DEMO_PROVISIONING, shared_records_service.base_url)._replace(
        window_code="W03",
        window_name="企业登记窗口",
        department="市市场监督管理局",
    )
    paths = Paths(
        data_dir=tmp_path / "data",
        config_dir=tmp_path / "config",
        log_dir=tmp_path / "log",
        documents_dir=tmp_path / "documents",
    )
    context = build_context(
        provisioning, paths, clock=FixedClock(datetime.now(CENTER_TZ).replace(microsecond=0))
    )
    desk = Desk(context, services.default_hooks())
    yield desk
    if desk.window is not None:
        desk.window.close()
    desk.shutdown()
    if desk.login is not None:
        desk.login.close()
    context.close()


def _website(service) -> WebsiteClient:
    admin = auth(token_for(service, "demo-admin", window_code=None))
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


def test_a_package_pre_submission_is_taken_in_once_at_its_window_by_keyboard(
    no_mouse, w03_desk, shared_records_service
) -> None:
    qtbot, service, desk = no_mouse, shared_records_service, w03_desk
    package = core_catalog().package(OPENING)
    assert package is not None
    codes = [m.code for m in package.materials]
    application = Application(
        {
            "external_id": f"WEB-{uuid.uuid4().hex[:10]}",
            "package_code": OPENING,
            "applicant": {
                "kind": "organization",
                "name": "衡水网办示例贸易有限公司",
                "id_type": "credit_code",
                "id_number": "91131100MA0A1B2C3D",
                "legal_representative": "王五",
                "contact_name": "赵六",
                "phone": "13700137000",
            },
            "form_data": {"注册资本": "100万元"},
            "materials": [uploaded(f"{c}.pdf", c.encode(), c) for c in codes],
        }
    )
    assert _website(service).submit(application).status_code == 201
    no = application.no or ""
    window = sign_in(qtbot, desk, CLERK)

    press(qtbot, window, Qt.Key.Key_O, CTRL | SHIFT)
    listing = window.presubmissions.last_dialog
    qtbot.waitUntil(lambda: any(p.no == no for p in listing.items), timeout=20_000)
    qtbot.waitUntil(lambda: not listing.busy, timeout=20_000)
    press(qtbot, window, Qt.Key.Key_Home)
    while listing.current() is None or listing.current().no != no:
        press(qtbot, window, Qt.Key.Key_Down)
    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(
        lambda: any(p.no == no and p.status == "accepted" for p in listing.items),
        timeout=20_000,
    )
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.last_joint_dialog is not None, timeout=5_000)
    dialog = window.last_joint_dialog
    dialog.activateWindow()  # the offscreen platform does not give it focus by itself
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    assert dialog.package.code == OPENING
    assert dialog.party.org_name.text() == "衡水网办示例贸易有限公司"
    assert all(r.state == "received" for r in dialog.combined.rows)  # all uploaded

    # What the originals show: the credit code checked, each part's own materials handed.
    dialog.party.credit_confirm.setChecked(True)
    for part in dialog.parts:
        if part.materials is not None:
            part.materials.tick_all()
    qtbot.waitUntil(lambda: dialog.accept_button.isEnabled(), timeout=5_000)
    assert dialog.missing_label.text() == ""

    # Ctrl+S does not park it: a parked copy would later be taken in beside the
    # pre-submission, which stays in the online list until it is taken in.
    press(qtbot, window, Qt.Key.Key_S, CTRL)
    assert "online list" in dialog.missing_label.text()
    assert dialog.isVisible() and parked_intakes(desk.context) == []
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)

    # The first answer is lost on the way back (the service made the joint case).
    api = desk.context.backend.api
    real_request, sent = api.request, []

    def lossy_link(method: str, path: str, **kwargs: Any) -> Any:
        answer = real_request(method, path, **kwargs)
        if path.endswith("/take-in"):
            sent.append(kwargs.get("idempotency_key"))
            if len(sent) == 1:
                raise NetworkError("the connection dropped before the answer came")
        return answer

    api.request = lossy_link
    try:
        press(qtbot, window, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: bool(dialog.findChildren(QMessageBox)), timeout=20_000)
        for box in dialog.findChildren(QMessageBox):
            box.done(0)
        qtbot.waitUntil(lambda: dialog.accept_button.isEnabled(), timeout=5_000)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
        press(qtbot, window, Qt.Key.Key_Return, CTRL)  # again: the same joint case
        qtbot.waitUntil(lambda: window.last_joint_result is not None, timeout=20_000)
    finally:
        del api.request
    assert len(sent) == 2 and sent[0] == sent[1]  # one key: made once
    result = window.last_joint_result
    assert result.joint_no_label.text() == no

    token = token_for(service, CLERK, window_code="W03")
    answer = requests.get(service.url(f"/joint-cases/{no}"), headers=auth(token), timeout=TIMEOUT)
    assert answer.status_code == 200, answer.text
    joint = answer.json()["joint_case"]
    assert joint["query_code"] == application.query_code and joint["package_code"] == OPENING
    stored = desk.context.backend.store
    local = window.last_joint_result.joint
    assert {p.case_no for p in local.parts} == {p["case_no"] for p in joint["parts"]}
    assert all(p.case_no.startswith("HS-W03-") for p in local.parts)
    assert local.query_code == application.query_code
    # Nothing of the joint case itself is left to send (its document's record may be).
    assert [r.path for r in stored.outbox_rows() if "joint-cases" in r.path] == []
    progress = _website(service).progress(application)
    assert progress.status_code == 200 and progress.json()["joint_no"] == no
