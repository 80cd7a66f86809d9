"""The construction project DEMO-PRJ-GCJS from intake to its second stage (issue 16), as the
people at four desks would do it against one real records service:

the 综合窗口 (W05) takes the project in by keyboard (the desk's joint intake dialog, sent by
its outbox); the departments 发改 (P01), 自然资源 (P02) and 住建-网络 (P08) find their stage-1
parts under 待本部门办理 and start them in parallel; 发改 files what it still needs; the
intake window consolidates it into ONE 一次性告知 (read back with pdftotext) and every part
of the stage waits on the applicant; the papers come, all resume together; the three parts
complete and stage 2 opens (the 自然资源 stage-2 part becomes workable). The public progress
query and the hall board are read at each step. A clerk outside a part's department can
neither see nor work it (404).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from clerk_app.app.catalog import load_catalog
from clerk_app.app.session import Session, sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.app.worklist import case_on_desk
from clerk_app.core.catalog import Catalog
from clerk_app.core.lifecycle import EventType as E
from clerk_app.gui.case_detail import CaseDetail
from clerk_app.gui.joint_consolidate import JointConsolidateDialog
from clerk_app.gui.joint_intake import JointIntakeDialog
from clerk_app.gui.ops import DbWriter
from clerk_app.gui.worklist import WorklistPane
from clerk_app.remote.link import LinkIntervals
from tests.helpers.case_detail import act, choose, offered, open_detail, record
from tests.helpers.documents import flat, pdf_text
from tests.helpers.joint_api import PROJECT, PROJECT_CODE
from tests.helpers.keyboard import press, target, type_keys
from tests.helpers.service import DEMO_PASSWORD, TEST_NOW
from tests.helpers.service_api import token_for

TIMEOUT = (5, 30)


@dataclass
class Desk:
    """One window PC: its data folder, the clerk signed in, its sync engine and writer."""

    name: str
    ctx: Any
    session: Session
    catalog: Catalog
    engine: Any
    writer: DbWriter

    def sync(self) -> None:
        """Send what waits and pull what changed (the sync worker's round, at once)."""
        for _ in range(10):
            result = self.engine.push_once()
            if result.waiting == 0:
                return
        raise AssertionError(f"{self.name}: the outbox did not drain: {result}")


def open_desk(make_context, url: str, window: str, user: str) -> Desk:
    ctx = make_context(url, home=window.lower(), window_code=window)
    session = sign_in(ctx, user, DEMO_PASSWORD)
    catalog = load_catalog(ctx, session)
    engine = sync_engine(ctx, session)
    engine.link.intervals = LinkIntervals(changes=timedelta(0))  # pull on every round
    return Desk(window, ctx, session, catalog, engine, DbWriter())


def in_parallel(*work) -> None:
    errors: list[BaseException] = []

    def run(fn) -> None:
        try:
            fn()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(fn,)) for fn in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors


def center(service, desk: Desk, path: str, **params) -> requests.Response:
    return requests.get(
        f"{service.base_url}/api/v1{path}",
        params=params,
        headers={"Authorization": f"Bearer {desk.session.access_token}"},
        timeout=TIMEOUT,
    )


def statuses_at_center(service, desk: Desk, joint_no: str, stage: str) -> set[str]:
    answer = center(service, desk, f"/joint-cases/{joint_no}")
    assert answer.status_code == 200, answer.text
    return {p["status"] for p in answer.json()["joint_case"]["parts"] if p["stage"] == stage}


def progress(service, joint_no: str, code: str) -> dict:
    answer = requests.get(
        f"{service.base_url}/api/v1/progress/{joint_no}", params={"code": code}, timeout=TIMEOUT
    )
    assert answer.status_code == 200, answer.text
    return answer.json()


def board_row(service, joint_no: str) -> dict:
    """The hall board's one row of the joint case (read as the hall screen reads it)."""
    token = token_for(service, "demo-display", window_code=None)
    answer = requests.get(
        f"{service.base_url}/api/v1/board",
        headers={"Authorization": f"Bearer {token}"},
        timeout=TIMEOUT,
    )
    assert answer.status_code == 200, answer.text
    rows = [r for r in answer.json()["items"] if r["case_no"] == joint_no]
    assert len(rows) == 1, rows  # one row for the whole joint case, never one per part
    return rows[0]


def department_rows(qtbot, desk: Desk) -> dict[str, dict[str, str]]:
    """待本部门办理 as the desk shows it: case number → column texts."""
    pane = WorklistPane(desk.ctx, desk.session, desk.ctx.calendar, desk.writer)
    qtbot.addWidget(pane)
    pane.show_department()
    model = pane.model
    rows = {}
    for row in range(model.rowCount()):
        texts = [model.index(row, c).data() for c in range(model.columnCount())]
        rows[texts[0]] = dict(zip(model.COLUMNS, texts, strict=True))
    assert not pane.view.isColumnHidden(len(model.COLUMNS) - 1)  # the joint column shows
    return rows


def open_part(qtbot, desk: Desk, case_no: str) -> CaseDetail:
    """The case detail of a part at this desk, active (as after Enter in the worklist)."""
    return open_detail(qtbot, desk.ctx, case_no, desk.writer, desk.session)


def _mark_rows(qtbot, dialog, rows: int) -> None:
    """Space on each row of the focused materials table, Down between."""
    for row in range(rows):
        press(qtbot, dialog, Qt.Key.Key_Space)
        if row < rows - 1:
            press(qtbot, dialog, Qt.Key.Key_Down)


def take_in_by_keyboard(qtbot, w05: Desk):
    """The joint intake of the project at the 综合窗口, by keyboard (as tests/gui/desk_intake
    does through the whole desk): type and code, the applicant once, the set of materials
    once, each first-stage part's own materials, Ctrl+Return. Returns the joint case."""
    package = w05.catalog.package(PROJECT)
    dialog = JointIntakeDialog(
        w05.ctx, w05.session, w05.catalog, package, calendar=w05.ctx.calendar, writer=w05.writer
    )
    taken: list = []
    dialog.taken.connect(taken.append)
    try:
        _fill_in(qtbot, dialog)
        press(qtbot, dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: bool(taken), timeout=20_000)
    finally:
        if dialog.isVisible():  # a failed step: close without the "discard?" question
            QDialog.reject(dialog)
        dialog.deleteLater()
    return taken[0].joint


def _fill_in(qtbot, dialog) -> None:
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    qtbot.waitUntil(lambda: target(dialog) is dialog.type_combo, timeout=2000)
    assert dialog.project_type() == "government"
    press(qtbot, dialog, Qt.Key.Key_Tab)
    type_keys(qtbot, dialog, PROJECT_CODE)
    press(qtbot, dialog, Qt.Key.Key_Tab)
    assert target(dialog) is dialog.party.org_radio  # the applicant: an organization
    for text in ("衡水示例置业有限公司", "91131100MA0A1B2C3D", "张三", "李四", "13800138000"):
        press(qtbot, dialog, Qt.Key.Key_Tab)
        if text.isascii():
            type_keys(qtbot, dialog, text)
        else:
            target(dialog).insert(text)  # as the input method commits Chinese
    press(qtbot, dialog, Qt.Key.Key_Tab)  # the agent box
    press(qtbot, dialog, Qt.Key.Key_Tab)
    assert target(dialog) is dialog.combined.table
    _mark_rows(qtbot, dialog, dialog.combined.table.rowCount())
    press(qtbot, dialog, Qt.Key.Key_Tab)  # "all required received"
    for part in dialog.parts:
        press(qtbot, dialog, Qt.Key.Key_Tab)
        assert target(dialog) is part.materials.table
        _mark_rows(qtbot, dialog, len(part.materials.rows))
        press(qtbot, dialog, Qt.Key.Key_Tab)
        assert target(dialog) is part.decision_combo
        assert part.disposition().value == "promised"
    assert dialog.missing_label.text() == "" and dialog.accept_button.isEnabled()


def work_part(qtbot, desk: Desk, case_no: str, action: E, opinion: str = "") -> None:
    """Open the part, record ``action`` by keyboard, close the detail."""
    detail = open_part(qtbot, desk, case_no)
    act(qtbot, detail, action.value, opinion)
    detail.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def desks(request, service_factory, make_context):
    """The 综合窗口 and three department desks against one service (on either database)."""
    service = service_factory(backend=request.param, clock=TEST_NOW)
    url = service.base_url
    return service, {
        "W05": open_desk(make_context, url, "W05", "demo-clerk-w05"),
        "P01": open_desk(make_context, url, "P01", "demo-clerk-p01"),
        "P02": open_desk(make_context, url, "P02", "demo-clerk-p02"),
        "P08": open_desk(make_context, url, "P08", "demo-clerk-p08"),
    }


def test_three_departments_work_stage_one_with_one_consolidated_notice(qtbot, desks, clock):
    service, desk = desks
    w05 = desk["W05"]
    # -- intake at the 综合窗口 by keyboard, sent through its outbox ---------------------
    joint = take_in_by_keyboard(qtbot, w05)
    w05.sync()
    joint_no, code = joint.joint_no, joint.query_code
    part = {p.item_code: p.case_no for p in joint.parts}
    stage_one = {"P01": part["DEMO-FG-004"], "P02": part["DEMO-ZR-004"], "P08": part["DEMO-WL-001"]}
    assert statuses_at_center(service, w05, joint_no, "S1") == {"accepted"}
    seen = progress(service, joint_no, code)
    assert seen["current_stage"] == "S1" and seen["status"] == "in_progress"
    row = board_row(service, joint_no)
    assert row["joint"] and row["stage"] == "S1" and row["item_code"] == PROJECT

    # -- each department finds its part under 待本部门办理 --------------------------------
    departments = [desk[w] for w in ("P01", "P02", "P08")]
    in_parallel(*(d.sync for d in departments))
    for d in departments:
        rows = department_rows(qtbot, d)
        mine = rows[stage_one[d.name]]
        assert joint_no in mine["joint"] and "立项用地规划许可" in mine["joint"]
        assert mine["status"] == "Accepted"
    zr_rows = department_rows(qtbot, desk["P02"])
    later = part["DEMO-ZR-005"]  # 自然资源's part of stage 2: listed, waiting
    assert "waiting for its stage" in zr_rows[later]["status"]
    not_yet = open_part(qtbot, desk["P02"], later)
    assert not_yet.action_box.count() == 0 and not not_yet.actions_group.isEnabled()
    not_yet.close()

    # -- a clerk outside a part's department neither sees nor works it ------------------
    fg = desk["P01"]
    assert case_on_desk(fg.ctx, stage_one["P02"]) is None
    assert stage_one["P02"] not in department_rows(qtbot, fg)
    assert center(service, fg, f"/cases/{stage_one['P02']}").status_code == 404
    assert center(service, fg, f"/cases/{stage_one['P01']}").status_code == 200

    # -- the three departments start their parts, sent in parallel ----------------------
    for d in departments:
        work_part(qtbot, d, stage_one[d.name], E.START)
    in_parallel(*(d.sync for d in departments))
    assert statuses_at_center(service, w05, joint_no, "S1") == {"in_progress"}

    # -- 发改 files what its part still needs (no request of its own) --------------------
    detail = open_part(qtbot, fg, stage_one["P01"])
    assert E.REQUEST_SUPPLEMENT.value not in offered(detail)
    choose(qtbot, detail.action_box, E.FILE_SUPPLEMENT.value)
    detail.missing_list.setFocus()
    qtbot.keyClick(detail.missing_list, Qt.Key.Key_Space)
    needed = detail.checked_needs()
    assert needed and needed[0].code
    record(qtbot, detail, "Investment estimate tables missing")
    detail.close()
    fg.sync()

    # -- the intake window consolidates: one notice, every part of the stage waits -----
    w05.sync()
    dialog = JointConsolidateDialog(w05.ctx, w05.session, w05.writer)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    (review,) = [r for r in dialog.reviews if r.joint_no == joint_no]
    assert (review.stage, len(review.filed), len(review.departments)) == ("S1", 1, 3)
    assert not review.due and not dialog.issue_button.isEnabled()  # the window is open
    filed = dialog.details.toPlainText()
    assert "市发展和改革委员会" in filed and needed[0].name in filed
    assert "市自然资源和规划局" in filed.splitlines()[-1]  # not filed yet
    assert dialog.table.item(dialog.table.currentRow(), 3).text() == "1 / 3"
    clock.set(TEST_NOW + timedelta(days=7))  # the review window (3 working days) closed
    dialog.reload()
    assert dialog.issue_button.isEnabled(), dialog.state_text(dialog.current())
    qtbot.keyClick(dialog, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)

    def issued() -> None:
        assert dialog.last_outcome is not None, dialog.message.text()

    qtbot.waitUntil(issued, timeout=20_000)
    outcome = dialog.last_outcome
    assert sorted(outcome.asked) == sorted(stage_one.values())
    text = flat(pdf_text(outcome.notice.path))
    assert "一次性告知" in text and joint_no in text and flat(needed[0].name) in text
    w05.sync()
    assert statuses_at_center(service, w05, joint_no, "S1") == {"supplement_requested"}
    seen = progress(service, joint_no, code)
    assert seen["current_stage"] == "S1"
    stage_one_words = {p["hall_group"] for p in seen["parts"] if p["stage"] == "S1"}
    assert stage_one_words == {"待办"}, seen["parts"]  # waiting on the applicant
    assert board_row(service, joint_no)["stage"] == "S1"
    in_parallel(*(d.sync for d in departments))
    for d in departments:
        assert department_rows(qtbot, d)[stage_one[d.name]]["status"] == "Supplement requested"
        waiting = open_part(qtbot, d, stage_one[d.name])
        assert E.SUPPLEMENT_RECEIVED.value not in offered(waiting)
        waiting.close()

    # -- the papers come: every part resumes at once ------------------------------------
    dialog.reload()
    assert dialog.received_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not dialog.received_button.isEnabled(), timeout=20_000)
    w05.sync()
    assert statuses_at_center(service, w05, joint_no, "S1") == {"accepted"}

    # -- stage 1 completes, stage 2 opens ----------------------------------------------
    in_parallel(*(d.sync for d in departments))
    for d in departments:
        work_part(qtbot, d, stage_one[d.name], E.COMPLETE_APPROVED, "Approved")
    in_parallel(*(d.sync for d in departments))
    answer = center(service, w05, f"/joint-cases/{joint_no}").json()["joint_case"]
    stages = {s["code"]: s["state"] for s in answer["stages"]}
    assert (stages["S1"], stages["S2"], stages["S3"]) == ("complete", "open", "waiting")
    seen = progress(service, joint_no, code)
    assert seen["current_stage"] == "S2"
    assert {s["code"]: s["state"] for s in seen["stages"]}["S1"] == "complete"
    row = board_row(service, joint_no)
    assert row["stage"] == "S2" and row["stage_name"] == "工程建设许可"
    zr = desk["P02"]
    zr.sync()
    row = department_rows(qtbot, zr)[later]
    assert "waiting" not in row["status"] and row["due"] != "—"
    assert E.ACCEPT.value in offered(open_part(qtbot, zr, later))
