"""Lookup of a joint number (联合审批, issue 16) by keyboard: the real service's public
progress of a construction project (package, current stage, every stage's state and due
date, every part's item, department and hall word), the next stage once the first is done,
and the desk's own record of a joint case taken in here when the center cannot be
reached."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clerk_app.gui.i18n import install_translations
from clerk_app.gui.lookup import LookupDialog
from clerk_app.remote import ApiClient
from clerk_app.store.joint import create_joint
from tests.helpers.joint_api import (
    PROJECT,
    PROJECT_CODE,
    joint_body,
    part_event,
    part_of,
    post_joint,
)
from tests.helpers.joint_desk import demo_joint
from tests.helpers.service_api import token_for
from tests.helpers.worklist import desk_context


def _ask(qtbot, dialog, number, code):
    dialog.case_edit.clear()
    dialog.code_edit.clear()
    dialog.case_edit.setFocus()
    qtbot.keyClicks(dialog.case_edit, number)
    qtbot.keyClick(dialog.case_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.code_edit, code)
    dialog.message.setText("")
    qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: dialog.lookup_button.isEnabled() and dialog.message.text() != "",
        timeout=15_000,
    )


def _rows(table):
    return [
        tuple(table.item(r, c).text() for c in range(table.columnCount()))
        for r in range(table.rowCount())
    ]


def _part(rows, item_code):
    return next(r for r in rows if r[0].startswith(item_code + " "))


def _dialog(qtbot, context):
    dialog = LookupDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_joint_number_shows_its_stages_and_parts_as_the_center_has_them(qtbot, desk):
    service = desk.service
    body = joint_body(PROJECT)
    w05 = token_for(service, "demo-clerk-w05", window_code="W05")
    assert post_joint(service, w05, body).status_code == 201
    fg = token_for(service, "demo-clerk-p01", window_code="P01")
    zr = token_for(service, "demo-clerk-p02", window_code="P02")
    wl = token_for(service, "demo-clerk-p08", window_code="P08")
    worked = ((fg, "DEMO-FG-004", "start"), (wl, "DEMO-WL-001", "complete_approved"))
    for token, item, event in worked:
        answer = part_event(service, token, part_of(body, item)["case_no"], event)
        assert answer.status_code == 201, answer.text
    dialog = _dialog(
        qtbot, SimpleNamespace(backend=SimpleNamespace(api=desk.api, store=desk.store))
    )
    _ask(qtbot, dialog, body["joint_no"].lower(), body["query_code"])
    assert dialog.source == "center"
    view = dialog.joint_view
    assert view.isVisible()
    assert dialog.fields["status"][1].text() == "Being handled"
    assert dialog.fields["applicant"][1].text() == "衡水示例置业有限公司"
    assert dialog.fields["received"][1].text() == "2026-11-28 09:30"
    assert not dialog.fields["item"][1].isVisible() and not dialog.fields["due"][1].isVisible()
    assert view.package_value.text().startswith(PROJECT + " ")
    assert view.stage_value.text() == "立项用地规划许可"
    stages = _rows(view.stages)
    assert [s[:2] for s in stages] == [
        ("立项用地规划许可", "Under review"),
        ("工程建设许可", "Not open yet"),
        ("施工许可", "Not open yet"),
        ("竣工验收", "Not open yet"),
    ]
    assert stages[0][2] != "—" and {s[2] for s in stages[1:]} == {"—"}
    parts = _rows(view.parts)
    assert len(parts) == len(body["parts"]) == 15
    assert _part(parts, "DEMO-FG-004")[1:4] == (
        "市发展和改革委员会",
        "立项用地规划许可",
        "In progress",
    )
    assert _part(parts, "DEMO-WL-001")[1:4] == (
        "市文化广电和旅游局",
        "立项用地规划许可",
        "Completed",
    )
    assert _part(parts, "DEMO-ZR-004")[3] == "Accepted"
    later = _part(parts, "DEMO-HB-001")  # its due date comes when its stage opens
    assert later[1:3] == ("市生态环境局", "工程建设许可") and later[4] == "—"
    assert PROJECT_CODE not in str(parts)  # the public view names no project code or number
    assert all(p["case_no"] not in str(parts) for p in body["parts"])

    # By keyboard: Tab from the code reaches the stages, then the parts; the arrows move.
    dialog.code_edit.setFocus()
    for _ in range(12):
        if QApplication.focusWidget() is view.parts:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.parts
    qtbot.keyClick(view.parts, Qt.Key.Key_Down)
    assert view.parts.currentRow() == 1

    # The first stage done: the second is open and has its due date.
    for token, item in ((fg, "DEMO-FG-004"), (zr, "DEMO-ZR-004")):
        done = part_event(service, token, part_of(body, item)["case_no"], "complete_approved")
        assert done.status_code == 201, done.text
    _ask(qtbot, dialog, body["joint_no"], body["query_code"])
    assert view.stage_value.text() == "工程建设许可"
    stages = _rows(view.stages)
    assert [s[1] for s in stages] == ["Complete", "Under review", "Not open yet", "Not open yet"]
    assert stages[1][2] != "—"
    assert _part(_rows(view.parts), "DEMO-HB-001")[4] == stages[1][2]

    # A wrong code for a joint number is told like any other.
    _ask(qtbot, dialog, body["joint_no"], "000000")
    assert dialog.message.text() == "No case with this number and query code."
    assert not view.isVisible()


def test_offline_a_joint_case_taken_in_here_shows_the_desks_own_record(
    qtbot, store, clock, tmp_path, qm_dir
):
    joint = create_joint(store, demo_joint(), outbox_body={"joint": "body"})
    context = desk_context(store, clock, tmp_path)
    dead = ApiClient("http://127.0.0.1:9", timeout=(0.5, 0.5))
    context.backend.api = dead
    dialog = _dialog(qtbot, context)
    _ask(qtbot, dialog, joint.joint_no, joint.query_code)
    assert dialog.source == "local" and "offline" in dialog.message.text()
    view = dialog.joint_view
    assert view.isVisible()
    assert view.package_value.text().startswith(joint.package_code + " ")
    assert dialog.fields["status"][1].text() == "Being handled"
    assert dialog.fields["applicant"][1].text() == joint.applicant.name  # an organization
    parts = _rows(view.parts)
    assert len(parts) == len(joint.parts) == 5
    assert {p[3] for p in parts} == {"Accepted"}
    assert all(p[1] != "—" for p in parts)  # each part's department by name
    [stage] = _rows(view.stages)
    assert stage[1] == "Under review"
    assert stage[2] == max(p.due_date for p in joint.parts).isoformat()
    # The language switches live: the words of the answer too.
    install_translations("zh_CN", qm_dir)
    qtbot.waitUntil(lambda: _rows(view.stages)[0][1] == "审批中", timeout=2000)
    assert dialog.fields["status"][1].text() == "办理中"
    assert {p[3] for p in _rows(view.parts)} == {"受理"}
    install_translations("en", qm_dir)
    qtbot.waitUntil(lambda: _rows(view.stages)[0][1] == "Under review", timeout=2000)
    # The wrong code shows nothing of it.
    _ask(qtbot, dialog, joint.joint_no, "000000")
    assert dialog.source == "" and not view.isVisible()
    dead.close()
