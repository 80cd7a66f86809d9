"""Items the real records service refuses: corrected and resent (recorded exactly once), or
voided with a reason (kept, audited) — in the store and through the case detail."""

from __future__ import annotations

from PySide6.QtCore import Qt

from clerk_app.remote.wire import case_from_wire, client_events_to_wire
from clerk_app.store.rejections import (
    CannotResend,
    corrected,
    rejected_items,
    resend_corrected,
    value_at,
    void_rejected,
)
from tests.gui.desk_worklist.test_case_detail import open_detail
from tests.helpers.store import add_case, add_event, make_payload
from tests.helpers.worklist import desk_context

BAD_ID = "110105194912310021"  # wrong check digit: the service refuses the case
GOOD_ID = "11010519491231002X"


def _refused_case(desk, seq=1):
    payload = make_payload(seq)
    payload["applicant"]["id_number"] = BAD_ID
    add_case(desk.store, payload)
    result = desk.engine.push_once()
    assert result.rejected == 1
    return payload


def _push_all(desk):
    for _ in range(10):
        if not desk.store.outbox_counts()["pending"]:
            return
        desk.engine.push_once()


def test_corrected_case_reaches_the_service_exactly_once_with_its_later_rows(desk):
    payload = _refused_case(desk)
    case_no = payload["case_no"]
    # An event written while the case was refused is refused too (404): it goes again behind it.
    add_event(desk.store, case_no, "start", actor="demo-clerk", at=desk.clock.now())
    desk.engine.push_once()
    [item, later] = rejected_items(desk.store, case_no)
    assert item.kind == "create_case" and item.status == 422
    assert [(f.field, f.value) for f in item.fields] == [("applicant.id_number", BAD_ID)]
    assert later.kind == "case_event" and later.status == 404

    row = resend_corrected(
        desk.store, item.outbox_id, {"applicant.id_number": GOOD_ID},
        clerk="demo-clerk", at=desk.clock.now(), read_case=case_from_wire,
        audit_body=client_events_to_wire,
    )  # fmt: skip
    assert row.state == "pending" and row.idempotency_key == payload["id"]
    assert desk.store.get_case(case_no).applicant.id_number == GOOD_ID
    _push_all(desk)
    assert desk.service_case_count(case_no) == 1
    assert desk.api.get_case(desk.login.access_token, case_no)["status"] == "in_progress"
    # A lost answer: the same row sent again is answered from the stored response.
    again = desk.store.outbox_row(item.outbox_id)
    token = desk.login.device_token or desk.login.access_token
    status, _ = desk.api.send(
        again.method, again.path, token, again.body_json, again.idempotency_key
    )
    assert status == 201 and desk.service_case_count(case_no) == 1
    assert rejected_items(desk.store) == []
    audit = [r.body["events"][0] for r in desk.store.outbox_rows() if r.kind == "client_event"]
    assert [(a["action"], a["target"]) for a in audit] == [("outbox.resend", case_no)]
    with_key_change = {"id": "x"}
    try:
        corrected(payload, with_key_change)
    except CannotResend:
        pass
    else:
        raise AssertionError("the record's id must not be changed")
    assert value_at({"m": [{"c": 1}]}, "m[0].c") == 1


def test_a_voided_case_stays_local_marked_void_and_audited(desk):
    payload = _refused_case(desk)
    [item] = rejected_items(desk.store, payload["case_no"])
    void_rejected(desk.store, item.outbox_id, "Duplicate of an earlier case",
                  clerk="demo-clerk", at=desk.clock.now(),
                  audit_body=client_events_to_wire)  # fmt: skip
    row = desk.store.outbox_row(item.outbox_id)
    assert row.state == "voided"
    assert desk.store.get_case(payload["case_no"]).status == "voided"
    assert desk.store.outbox_counts()["rejected"] == 0
    _push_all(desk)  # the audit record goes; the case never does
    assert desk.service_case_count(payload["case_no"]) == 0
    audit = desk.service.sql(
        "SELECT action, target FROM audit_records WHERE action = 'client.outbox.void'"
    )
    assert [tuple(r) for r in audit] == [("client.outbox.void", payload["case_no"])]


def test_a_refused_item_is_corrected_and_resent_from_the_case_detail(qtbot, desk, writer, tmp_path):
    payload = _refused_case(desk)
    context = desk_context(desk.store, desk.clock, tmp_path)
    detail = open_detail(qtbot, context, payload["case_no"], writer)
    panel = detail.rejected
    assert panel.isVisible() and panel.table.rowCount() == 1
    assert "check digit" in panel.table.item(0, 1).text() or panel.table.item(0, 1).text()
    edit = panel.editors["applicant.id_number"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, GOOD_ID)
    panel.resend_button.setFocus()
    qtbot.keyClick(panel.resend_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=15_000)
    _push_all(desk)
    assert desk.service_case_count(payload["case_no"]) == 1
    assert detail.fact_labels["id"][1].text() == "110105********002X"
    detail.close()

    # Another refused case is voided from its detail: a reason first, then Void item.
    other = _refused_case(desk, seq=2)
    second = open_detail(qtbot, context, other["case_no"], writer)
    panel = second.rejected
    panel.void_button.setFocus()
    qtbot.keyClick(panel.void_button, Qt.Key.Key_Space)
    assert panel.message.text() == "Say why the item is voided."
    assert panel.focusWidget() is panel.void_reason or second.focusWidget() is panel.void_reason
    qtbot.keyClicks(panel.void_reason, "Applicant gave a wrong ID; taken in again")
    panel.void_button.setFocus()
    qtbot.keyClick(panel.void_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=15_000)
    assert second.title_label.text().endswith("Voided")
    assert desk.store.outbox_counts() == {"pending": 1, "rejected": 0}  # the audit record
    _push_all(desk)
    assert desk.service_case_count(other["case_no"]) == 0
