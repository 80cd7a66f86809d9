"""A part of a joint case suspended with its kind and resumed, by keyboard (issue 16): the
case detail offers the reform's kinds for a part (not the special procedures of an ordinary
case), sends the chosen kind in the event's data, shows what the part waits on, and moves
its due date by the working days suspended when it resumes. Real SQLite store."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from clerk_app.core.lifecycle import EventType as E
from clerk_app.store.joint import create_joint
from tests.helpers.case_detail import choose, open_detail, record
from tests.helpers.joint_desk import demo_joint
from tests.helpers.store import add_case, make_payload
from tests.helpers.worklist import desk_context


def _kinds(combo) -> list[tuple[str, str]]:
    return [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]


def test_a_part_is_suspended_for_a_technical_review_and_resumed_by_keyboard(
    qtbot, store, clock, writer, tmp_path
):
    joint = create_joint(store, demo_joint(), outbox_body={"joint": "body"})
    part = joint.parts[1]
    context = desk_context(store, clock, tmp_path)
    detail = open_detail(qtbot, context, part.case_no, writer)
    offered = {detail.action_box.itemData(i): detail.action_box.itemText(i)
               for i in range(detail.action_box.count())}  # fmt: skip
    assert offered[E.SUSPEND.value] == "Suspend (time not counted)"
    choose(qtbot, detail.action_box, E.SUSPEND.value)
    qtbot.keyClick(detail.action_box, Qt.Key.Key_Tab)  # the kind comes next
    assert detail.focusWidget() is detail.suspend_kind
    assert _kinds(detail.suspend_kind) == [
        ("intermediary", "Intermediary service"),
        ("technical_review", "Technical review"),
        ("public_notice", "Public notice"),
        ("special_procedure", "Special procedure"),
    ]
    qtbot.keyClick(detail.suspend_kind, Qt.Key.Key_Down)
    assert detail.suspend_kind.currentData() == "technical_review"
    record(qtbot, detail, "Drawings sent to the review agency")
    assert detail.title_label.text().startswith(f"{part.case_no} · Suspended（Technical review）")
    last = detail.events.rowCount() - 1
    assert detail.events.item(last, 1).text() == ("Suspend (time not counted)（Technical review）")
    [sent] = [r for r in store.outbox_rows() if r.kind == "case_event"]
    assert sent.body["type"] == "suspend"
    assert sent.body["data"] == {"kind": "technical_review", "suspended_on": "2026-11-28"}

    clock.advance(timedelta(days=3))  # Saturday → Tuesday: Monday and Tuesday waited
    choose(qtbot, detail.action_box, E.RESUME.value)
    record(qtbot, detail)
    resumed = store.get_case(part.case_no)
    assert resumed.status.value == "in_progress"
    assert resumed.due_date == context.calendar.add_working_days(part.due_date, 2).date
    assert "Technical review" not in detail.title_label.text()
    detail.close()


def test_an_ordinary_case_keeps_the_special_procedures(qtbot, store, clock, writer, tmp_path):
    case = add_case(store, make_payload(1), status="accepted")
    context = desk_context(store, clock, tmp_path)
    detail = open_detail(qtbot, context, case.case_no, writer)
    assert [k for k, _text in _kinds(detail.suspend_kind)] == [
        "hearing",
        "inspection",
        "testing",
        "expert_review",
    ]
    choose(qtbot, detail.action_box, E.SUSPEND.value)
    assert detail.action_box.currentText() == "Suspend (special procedure)"
    detail.close()
