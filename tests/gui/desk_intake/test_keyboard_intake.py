"""A keyboard-only intake for each decision, against the real records service.

Ctrl+F, the item code, Enter; the applicant typed (an ID card reader's 18-character burst
followed by Enter); the materials marked with Space / L / arrows; the decision chosen with
Alt+D and the arrow keys, its details typed; Ctrl+Return. Each ends with the case in the
local store and the decision's document as a PDF whose text says the decision's content.
No mouse event is sent (the ``no_mouse`` fixture makes any one fail the test).
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from clerk_app.core.event_data import FeeState
from tests.helpers.keyboard import (
    ALT,
    accept,
    applicant,
    choose_in_combo,
    decide,
    find_item,
    mark,
    press,
    sign_in,
    target,
    to_materials,
    type_keys,
)

SECOND_ID = "110101199003070038"


def cn_date(d) -> str:
    """A date as the documents print it."""
    return f"{d.year}年{d.month}月{d.day}日"  # a valid resident ID: born 1990-03-07, male


def test_on_the_spot_case_by_keyboard_with_the_fee_paid(no_mouse, desk, context_of):
    qtbot = no_mouse
    window = sign_in(qtbot, desk)
    find_item(qtbot, window, "DEMO-GA-004")  # temporary ID card: on the spot, fee ¥10
    applicant(qtbot, window)
    to_materials(qtbot, window)
    mark(qtbot, window, "rrr")
    form = window.intake
    assert form.ui.decisionCombo.currentData() == "immediate"
    press(qtbot, window, Qt.Key.Key_E, ALT)
    choose_in_combo(qtbot, window, form.ui.feeStateCombo, "paid")
    case, text, _dialog = accept(qtbot, window, context_of(desk))
    assert case.disposition == "immediate"
    assert "临时居民身份证申领" in text
    event = context_of(desk).backend.store.get_case(case.case_no).events[0]
    assert event.data.fee_state is FeeState.PAID


def test_promised_case_with_an_agent_and_the_fee_waived(no_mouse, desk, context_of):
    qtbot = no_mouse
    window = sign_in(qtbot, desk)
    find_item(qtbot, window, "DEMO-GA-001")
    applicant(qtbot, window)
    form = window.intake
    # The agent: Alt+G ticks the box and puts the focus on the agent's name.
    press(qtbot, window, Qt.Key.Key_G, ALT)
    assert form.has_agent()
    agent = form.agent_fields
    qtbot.waitUntil(lambda: target(window) is agent.name_edit, timeout=2000)
    type_keys(qtbot, window, "Han Meimei")
    press(qtbot, window, Qt.Key.Key_Tab)
    choose_in_combo(qtbot, window, agent.type_combo, "passport")
    press(qtbot, window, Qt.Key.Key_Tab)
    type_keys(qtbot, window, "E12345678")
    press(qtbot, window, Qt.Key.Key_Return)
    assert target(window) is agent.phone_edit
    type_keys(qtbot, window, "13900139000")
    press(qtbot, window, Qt.Key.Key_Tab)
    assert target(window) is form.ui.materialsTable
    mark(qtbot, window, "r")
    assert form.ui.decisionCombo.currentData() == "promised"
    due_date = form.due_date().date
    due = due_date.isoformat()
    assert due in form.ui.dueDateLabel.text()
    press(qtbot, window, Qt.Key.Key_E, ALT)
    choose_in_combo(qtbot, window, form.ui.feeStateCombo, "waived")
    case, text, dialog = accept(qtbot, window, context_of(desk))
    assert case.disposition == "promised"
    assert due in dialog.due_label.text() and cn_date(due_date) in text
    payload = context_of(desk).backend.store.get_case(case.case_no)
    assert payload.events[0].data.fee_state is FeeState.WAIVED


def test_deferred_case_says_what_follows_and_by_when(no_mouse, desk, context_of):
    qtbot = no_mouse
    window = sign_in(qtbot, desk)
    find_item(qtbot, window, "DEMO-GA-006")  # M5 (stable residence proof) may follow
    applicant(qtbot, window)
    to_materials(qtbot, window)
    mark(qtbot, window, "rrrrl")
    form = window.intake
    decide(qtbot, window, "deferred_materials")
    due = form.due_date().date
    supply_by = form.decision.supply_by()
    assert supply_by <= due
    case, text, _dialog = accept(qtbot, window, context_of(desk))
    assert case.disposition == "deferred_materials"
    assert "合法稳定住所证明" in text
    assert cn_date(supply_by) in text


def test_supplement_notice_lists_everything_missing_at_once(no_mouse, desk, context_of):
    qtbot = no_mouse
    window = sign_in(qtbot, desk)
    find_item(qtbot, window, "DEMO-GA-006")
    applicant(qtbot, window)
    to_materials(qtbot, window)
    mark(qtbot, window, "r-r-")  # M2 and M4 and M5 missing
    form = window.intake
    assert not form.ui.acceptButton.isEnabled()  # no decision chosen yet
    decide(qtbot, window, "supplement")
    missing_text = form.decision.missing_label.text()
    for name in ("申请人有效身份证件", "亲属关系证明", "合法稳定住所证明"):
        assert name in missing_text
    case, text, dialog = accept(qtbot, window, context_of(desk))
    assert case.disposition == "supplement"
    assert case.due_date is None
    for name in ("申请人有效身份证件", "亲属关系证明", "合法稳定住所证明"):
        assert name in text
    assert "原件及复印件" in text  # what the kinship proof must be
    assert "户口迁入申请表" not in text.split("申请人有效身份证件")[1]  # received: not listed
    assert dialog.windowTitle() == "Decision saved"


def test_refusal_gives_the_reason_and_legal_basis(no_mouse, desk, context_of):
    qtbot = no_mouse
    window = sign_in(qtbot, desk)
    find_item(qtbot, window, "DEMO-GA-001")
    applicant(qtbot, window)
    form = window.intake
    decide(qtbot, window, "refused")
    press(qtbot, window, Qt.Key.Key_R, ALT)
    choose_in_combo(qtbot, window, form.decision.reason_combo, "not_eligible")
    press(qtbot, window, Qt.Key.Key_Tab)
    assert target(window) is form.decision.reason_edit
    type_keys(qtbot, window, "Hukou not in this city")
    case, text, _dialog = accept(qtbot, window, context_of(desk))
    assert case.disposition == "refused"
    assert "申请人不具备申请资格" in text
    assert "Hukou not in this city" in text
    assert "行政许可法" in text and "居民身份证法" in text


def test_forwarding_names_the_authority_and_why(no_mouse, desk, context_of):
    qtbot = no_mouse
    window = sign_in(qtbot, desk)
    find_item(qtbot, window, "DEMO-GA-013")
    applicant(qtbot, window, id_number=SECOND_ID)
    form = window.intake
    assert "1990-03-07" in form.ui.personIdDerived.text()
    to_materials(qtbot, window)
    mark(qtbot, window, "rr")
    decide(qtbot, window, "forwarded")
    press(qtbot, window, Qt.Key.Key_Y, ALT)
    assert target(window) is form.decision.authority_combo.lineEdit() or (
        target(window) is form.decision.authority_combo
    )
    press(qtbot, window, Qt.Key.Key_Tab)
    assert target(window) is form.decision.forward_reason_edit
    type_keys(qtbot, window, "Needs provincial approval")
    case, text, _dialog = accept(qtbot, window, context_of(desk), SECOND_ID)
    assert case.disposition == "forwarded"
    assert "省级主管部门" in text
    assert "Needs provincial approval" in text
