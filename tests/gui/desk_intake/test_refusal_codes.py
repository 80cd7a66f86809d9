"""A refusal typed at the desk is stored as the code of the desk's list (issue 15), keyboard
only against the real records service: the notice words it in Chinese with the clerk's
details, the case detail and the lead's dashboard word the code in the reader's language, and
the center counts refusals by it."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from clerk_app.core.clock import CENTER_TZ
from clerk_app.gui.case_detail import CaseDetail
from clerk_app.gui.dashboard.widgets import refusal_reason as dashboard_words
from clerk_app.remote.api import ApiClient
from tests.helpers.case_detail import notice_text
from tests.helpers.keyboard import (
    ALT,
    CTRL,
    applicant,
    choose_in_combo,
    decide,
    find_item,
    press,
    sign_in,
    target,
    type_keys,
)
from tests.helpers.service_api import token_for

ELIGIBLE_EN = "Applicant not eligible / legal conditions not met"


def test_a_refusal_reason_is_kept_as_its_code_and_shown_in_words(
    no_mouse, desk, context_of, shared_records_service
) -> None:
    qtbot = no_mouse
    window = sign_in(qtbot, desk)
    context = context_of(desk)
    find_item(qtbot, window, "DEMO-GA-001")
    applicant(qtbot, window)
    form = window.intake
    decide(qtbot, window, "refused")
    press(qtbot, window, Qt.Key.Key_R, ALT)
    choose_in_combo(qtbot, window, form.decision.reason_combo, "not_eligible")
    press(qtbot, window, Qt.Key.Key_Tab)
    assert target(window) is form.decision.reason_edit
    type_keys(qtbot, window, "Hukou not in this city")
    with qtbot.waitSignal(window.case_accepted, timeout=20_000) as accepted:
        press(qtbot, window, Qt.Key.Key_Return, CTRL)
    taken = accepted.args[0]
    case, text = taken.case, notice_text(taken.receipt)
    qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=10_000)
    press(qtbot, window, Qt.Key.Key_Escape)

    # stored as the code, the details as typed
    first = context.backend.store.get_case(case.case_no).first_event
    assert first.data.reasons == ("not_eligible", "Hukou not in this city")
    assert first.note == "not_eligible"
    # on paper: the legal wording with the details after it
    assert "申请人不具备申请资格或不符合法定条件：HukounotinthiscityNo" not in text
    assert "申请人不具备申请资格或不符合法定条件：Hukounotinthiscity" in text
    assert "not_eligible" not in text

    # the case detail words the code in the clerk's language (English here)
    press(qtbot, window, Qt.Key.Key_2, CTRL)
    pane = window.worklist
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0, timeout=10_000)
    pane.view.setFocus()
    press(qtbot, window, Qt.Key.Key_Home, CTRL)
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pane.findChild(CaseDetail) is not None, timeout=10_000)
    detail = pane.findChild(CaseDetail)
    qtbot.waitUntil(lambda: detail.case is not None, timeout=10_000)
    event_text = detail.events.item(0, 1).text()
    assert ELIGIBLE_EN in event_text and "Hukou not in this city" in event_text
    assert detail.events.item(0, 3).text() == ELIGIBLE_EN
    assert "not_eligible" not in event_text
    detail.close()

    # the center has the code; the lead's figures count it, and the dashboard words it
    qtbot.waitUntil(lambda: context.backend.store.outbox_counts()["pending"] == 0, timeout=30_000)
    api = ApiClient(context.provisioning.service_url, timeout=(3.05, 15))
    try:
        lead = token_for(shared_records_service, "demo-lead", window_code=None)
        today = context.clock.now().astimezone(CENTER_TZ).date()
        figures = api.workload(lead, today - timedelta(days=1), today + timedelta(days=1))
    finally:
        api.close()
    w01 = next(f for f in figures["items"] if f["group"] == "W01")
    assert w01["refusals"].get("not_eligible", 0) >= 1
    assert dashboard_words("not_eligible") == ELIGIBLE_EN
