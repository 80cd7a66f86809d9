"""Each lifecycle action through the case detail, keyboard only, against the real records
service: the service's status at the end, and the notice PDF of each action."""

from __future__ import annotations

from PySide6.QtCore import Qt

from clerk_app.gui.case_detail import CaseDetail
from tests.helpers.documents import pdf_text as read_pdf
from tests.helpers.printing import clerk_session
from tests.helpers.store import add_case, make_payload
from tests.helpers.worklist import desk_context


def pdf_text(path) -> str:
    """The notice's text (the desk keeps it encrypted: read with its key)."""
    return read_pdf(path).replace(" ", "").replace("\n", "")


def choose(qtbot, combo, value) -> None:
    """Pick an entry of a combo box with the arrow keys only."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == value:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == value, f"{value} not offered: {combo.currentData()}"


def act(qtbot, detail, action, opinion="", **extra) -> None:
    choose(qtbot, detail.action_box, action)
    if "kind" in extra:
        choose(qtbot, detail.suspend_kind, extra["kind"])
    if "missing" in extra:
        detail.missing_edit.setFocus()
        for i, line in enumerate(extra["missing"].split("\n")):
            if i:
                qtbot.keyClick(detail.missing_edit, Qt.Key.Key_Return)
            qtbot.keyClicks(detail.missing_edit, line)
    if "field" in extra:
        choose(qtbot, detail.field_box, extra["field"])
        detail.new_value.setFocus()
        qtbot.keyClicks(detail.new_value, extra["value"])
    detail.opinion.setFocus()
    if opinion:
        qtbot.keyClicks(detail.opinion, opinion)
    before = len(detail.case.events)
    qtbot.keyClick(detail.opinion, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    def recorded() -> None:
        assert len(detail.case.events) == before + 1, detail.action_message.text()

    qtbot.waitUntil(recorded, timeout=15_000)


def open_detail(qtbot, context, case_no, writer):
    detail = CaseDetail(context, clerk_session(), case_no, writer)
    qtbot.addWidget(detail)
    detail.show()
    detail.activateWindow()
    qtbot.waitActive(detail)
    return detail


def test_every_action_by_keyboard_reaches_the_service_with_its_notice(
    qtbot, desk, writer, tmp_path
):
    context = desk_context(desk.store, desk.clock, tmp_path)
    cases = {}
    for seq in (1, 2, 3, 4):
        payload = make_payload(seq)
        add_case(desk.store, payload)
        cases[seq] = payload["case_no"]
    assert desk.engine.push_once().sent == 4
    token = desk.login.access_token

    a = open_detail(qtbot, context, cases[1], writer)
    act(qtbot, a, "start")
    act(qtbot, a, "request_supplement", "Materials incomplete",
        missing="Household register: original\nPhoto: 2 inch, white background")  # fmt: skip
    supplement = a.last_outcome.notice
    act(qtbot, a, "supplement_received", "All received")
    act(qtbot, a, "suspend", "Site visit needed", kind="inspection")
    act(qtbot, a, "resume", "Inspection passed")
    act(qtbot, a, "complete_approved", "Approved")
    completion = a.last_outcome.notice
    assert a.last_outcome.status == "completed_approved"
    assert a.action_box.count() == 0 or a.action_box.currentData() == "revoke"
    assert a.print_button.isEnabled(), a.action_message.text()
    a.close()

    b = open_detail(qtbot, context, cases[2], writer)
    act(qtbot, b, "correct", "Typo in the phone number", field="phone", value="13912345678")
    correction = b.last_outcome.notice
    assert b.fact_labels["phone"][1].text() == "139****5678"
    act(qtbot, b, "complete_rejected", "Conditions not met")
    b.close()

    c = open_detail(qtbot, context, cases[3], writer)
    act(qtbot, c, "withdraw", "Applicant withdrew")
    c.close()

    d = open_detail(qtbot, context, cases[4], writer)
    act(qtbot, d, "void", "Taken in by mistake")
    void = d.last_outcome.notice
    assert d.print_button.isEnabled()
    d.close()

    # Every event and document record reaches the service.
    for _ in range(10):
        if not desk.store.outbox_counts()["pending"]:
            break
        desk.engine.push_once()
    assert desk.store.outbox_counts() == {"pending": 0, "rejected": 0}
    statuses = {n: desk.api.get_case(token, no)["status"] for n, no in cases.items()}
    assert statuses == {
        1: "completed_approved",
        2: "completed_rejected",
        3: "withdrawn",
        4: "voided",
    }
    remote = desk.api.get_case(token, cases[1])
    types = [e["type"] for e in remote["events"]]
    assert types[1:] == ["start", "request_supplement", "supplement_received", "suspend",
                         "resume", "complete_approved"]  # fmt: skip
    assert [e["note"] for e in remote["events"]][-1] == "Approved"
    suspend = next(e for e in remote["events"] if e["type"] == "suspend")
    assert suspend["data"]["kind"] == "inspection"

    # The notice of each action, numbered and archived.
    assert "补正材料通知书" in pdf_text(supplement.path)
    assert "Photo" in pdf_text(supplement.path)
    assert "办结通知书" in pdf_text(completion.path)
    assert "更正通知书" in pdf_text(correction.path) and "13912345678" in pdf_text(correction.path)
    assert "作废通知书" in pdf_text(void.path) and "Takeninbymistake" in pdf_text(void.path)


def test_a_reason_bound_action_without_an_opinion_writes_nothing(qtbot, store, writer, tmp_path):
    payload = make_payload(1)
    add_case(store, payload)
    context = desk_context(store, store.clock, tmp_path)
    detail = open_detail(qtbot, context, payload["case_no"], writer)
    choose(qtbot, detail.action_box, "void")
    qtbot.keyClick(detail.opinion, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "needs a reason" in detail.action_message.text()
    assert len(store.get_case(payload["case_no"]).events) == 1
    assert store.get_case(payload["case_no"]).status == "accepted"


def test_showing_the_full_id_is_audited_first(qtbot, store, writer, tmp_path):
    payload = make_payload(1)
    add_case(store, payload)
    context = desk_context(store, store.clock, tmp_path)
    detail = open_detail(qtbot, context, payload["case_no"], writer)
    assert detail.fact_labels["id"][1].text() == "110105********002X"
    assert detail.fact_labels["phone"][1].text() == "138****8000"
    detail.show_id_button.setFocus()
    qtbot.keyClick(detail.show_id_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: detail.fact_labels["id"][1].text() == "11010519491231002X")
    [audit] = [r for r in store.outbox_rows() if r.kind == "client_event"]
    event = audit.body["events"][0]
    assert (event["action"], event["target"], event["actor"]) == (
        "id.unmask",
        payload["case_no"],
        "demo-clerk",
    )
    assert not detail.show_id_button.isEnabled()
    assert any("full ID number" in m for _, area, m in store.journal_entries() if area == "audit")
