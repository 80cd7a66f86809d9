"""The dashboard's Joint approval tab (issue 16) against a real records service in this
process: a construction project whose stage one 自然资源 finished late after a
consolidated notice, 发改 in time and 文旅 after an intermediary service; the lead reads,
in Chinese, the stage's figures, the slowest department marked in words and in bold, and
the approval time the reform counts."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clerk_app.app.dashboard import DashboardSource
from clerk_app.core.clock import FixedClock
from clerk_app.gui.dashboard import DashboardWindow
from clerk_app.gui.i18n import install_translations
from clerk_app.remote.api import ApiClient
from tests.helpers.joint_api import joint_body, part_of, post_joint
from tests.helpers.local_service import Clock, LocalService, local_service

#: Saturday 28 November 2026, 10:00 in Beijing.
NOW = datetime(2026, 11, 28, 2, 0, tzinfo=UTC)
INTAKE = "2026-11-03T09:30:00+08:00"


@pytest.fixture(scope="module")
def center(tmp_path_factory, records_template_db) -> Iterator[LocalService]:
    path = tmp_path_factory.mktemp("joint-tab") / "records.db"
    shutil.copyfile(records_template_db(None), path)
    with local_service(f"sqlite:///{path}", Clock(NOW)) as service:
        yield service


def _event(service: LocalService, token: str, case_no: str, type_: str, day: str, **data) -> None:
    key = str(uuid.uuid4())
    body = {"id": key, "type": type_, "at": f"{day}T10:00:00+08:00", "note": "办理"}
    if data:
        body["data"] = data
    answer = requests.post(
        service.url(f"/cases/{case_no}/events"),
        json=body,
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
        timeout=(5, 30),
    )
    assert answer.status_code == 201, answer.text


@pytest.fixture(scope="module")
def project(center: LocalService) -> dict:
    body = joint_body()
    body["received_at"] = INTAKE
    for part in body["parts"]:
        part["first_event"]["at"] = INTAKE
        if part["stage"] == "S1":
            part["due_date"] = "2026-11-12"
    w05 = center.token("demo-clerk-w05", window_code="W05")
    answer = post_joint(center, w05, body)
    assert answer.status_code == 201, answer.text
    joint = answer.json()["joint_case"]
    fg, zr, wl = (
        part_of(joint, i)["case_no"] for i in ("DEMO-FG-004", "DEMO-ZR-004", "DEMO-WL-001")
    )
    _event(center, center.token("demo-clerk-p01", "P01"), fg, "complete_approved", "2026-11-05")
    notice = {"joint_notice": "衡政服补〔2026〕W05-0003号"}
    _event(center, w05, zr, "request_supplement", "2026-11-04", **notice)
    p02 = center.token("demo-clerk-p02", "P02")
    _event(center, p02, zr, "supplement_received", "2026-11-09")
    _event(center, p02, zr, "complete_approved", "2026-11-20")
    p08 = center.token("demo-clerk-p08", "P08")
    _event(center, p08, wl, "suspend", "2026-11-05", kind="intermediary")
    _event(center, p08, wl, "resume", "2026-11-10")
    _event(center, p08, wl, "complete_approved", "2026-11-11")
    return joint


@pytest.fixture
def chinese(qm_dir):
    install_translations("zh_CN", qm_dir)
    yield
    install_translations("en", qm_dir)


def test_the_lead_reads_the_stages_slowest_department_and_approval_time(
    qtbot, center, project, chinese
) -> None:
    window = DashboardWindow(
        DashboardSource(ApiClient(center.base_url), center.token("demo-admin", window_code=None)),
        FixedClock(NOW),
        user_name="演示管理员",
        auto_refresh_ms=0,
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10_000)
    assert window.tabs.tabText(3) == "联合审批"
    with qtbot.waitSignal(window.joint.refreshed, timeout=30_000) as done:
        qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert done.args == [True], window.joint.last_error
    assert window.tabs.currentWidget() is window.joint
    assert window.joint.count_label.text() == "期间受理联合审批件 1 件"

    rows = window.joint.stage_texts()
    stage_one = rows[0]
    assert "立项用地规划许可" in stage_one[0] and stage_one[1] == "整个阶段"
    assert stage_one[2:6] == ["3", "2", "1", "0"]  # parts, in time, overdue, open
    departments = {r[1]: r for r in rows[1:4]}
    assert set(departments) == {"市发展和改革委员会", "市自然资源和规划局", "市文化广电和旅游局"}
    slow = departments["市自然资源和规划局"]
    assert slow[7] == "▲ 本阶段最慢" and slow[3:5] == ["0", "1"]
    assert [r[7] for r in rows if r[7]] == ["▲ 本阶段最慢"]  # one slowest, marked in words
    model = window.joint.stage_model
    slow_row = next(r for r in range(model.rowCount()) if model.item(r, 7).text())
    assert model.item(slow_row, 1).font().bold()  # and in bold, not by colour alone
    assert departments["市发展和改革委员会"][6] == "2"  # 4 and 5 November

    (joint_row,) = window.joint.project_texts()
    assert joint_row[0] == project["joint_no"]
    assert joint_row[4] == "办理中" and joint_row[5] == "工程建设许可"
    # 3 → 28 November: 19 working days, of which 5, 6, 9 and 10 November waited.
    assert joint_row[6:9] == ["18", "4", "14"]
