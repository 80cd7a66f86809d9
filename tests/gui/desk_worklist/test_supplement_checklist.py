"""补正 from the case detail (issue 15), keyboard only against the real records service: the
missing materials are ticked on the item's checklist with Space (free text stays for what
the checklist does not name), the notice lists them all with what each must be, the handler
is named by display name, and the action box then offers no action by itself."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.helpers.case_detail import choose, notice_text, open_detail, record
from tests.helpers.store import add_case, make_payload
from tests.helpers.worklist import desk_context


def test_missing_materials_are_picked_from_the_checklist(qtbot, desk, writer, tmp_path):
    payload = make_payload(1, item_code="DEMO-GA-006")
    add_case(desk.store, payload)
    assert desk.engine.push_once().sent == 1
    context = desk_context(desk.store, desk.clock, tmp_path)
    detail = open_detail(qtbot, context, payload["case_no"], writer)
    # the handler by display name (clerk_session's), not by login
    assert detail.events.item(0, 2).text() == "王敏"

    choose(qtbot, detail.action_box, "request_supplement")
    checklist = detail.missing_list
    assert checklist.isVisible()
    names = [checklist.item(r).text().split("（")[0] for r in range(checklist.count())]
    assert names[:5] == ["户口迁入申请表", "申请人有效身份证件", "被投靠人居民户口簿",
                         "亲属关系证明", "合法稳定住所证明"]  # fmt: skip
    # Tab from the action box reaches the checklist; Down/Space tick rows 2 and 4
    qtbot.keyClick(detail.action_box, Qt.Key.Key_Tab)
    assert detail.focusWidget() is checklist
    qtbot.keyClick(checklist, Qt.Key.Key_Down)
    qtbot.keyClick(checklist, Qt.Key.Key_Space)
    qtbot.keyClick(checklist, Qt.Key.Key_Down)
    qtbot.keyClick(checklist, Qt.Key.Key_Down)
    qtbot.keyClick(checklist, Qt.Key.Key_Space)
    assert [n for n, _ in detail.checked_materials()] == ["申请人有效身份证件", "亲属关系证明"]
    # Tab on to the extras, typed as before
    qtbot.keyClick(checklist, Qt.Key.Key_Tab)
    assert detail.focusWidget() is detail.missing_edit
    qtbot.keyClicks(detail.missing_edit, "Marriage certificate: copy")
    record(qtbot, detail, "Two materials missing")

    notice = detail.last_outcome.notice
    assert notice is not None, detail.action_message.text()
    text = notice_text(notice)
    assert "申请人有效身份证件" in text and "亲属关系证明" in text
    assert "原件及复印件" in text  # what the kinship proof must be, from the catalog
    assert "Marriagecertificate" in text
    assert "户口迁入申请表" not in text  # not ticked: not listed
    # the box offers no action by itself; the checklist is cleared
    assert detail.action_box.currentData() is None
    assert detail.checked_materials() == []
    docs = detail.documents.table
    row = docs.verticalHeader().defaultSectionSize()
    assert docs.rowCount() >= 1 and docs.viewport().height() >= docs.rowCount() * row
    detail.close()

    for _ in range(5):
        if not desk.store.outbox_counts()["pending"]:
            break
        desk.engine.push_once()
    remote = desk.api.get_case(desk.login.access_token, payload["case_no"])
    missing = remote["events"][-1]["data"]["missing"]
    assert [m["name"] for m in missing] == ["申请人有效身份证件", "亲属关系证明",
                                            "Marriage certificate"]  # fmt: skip
    assert missing[-1]["requirement"] == "copy"
