"""Fee waivers (减免, issue 17) in the case detail's fees panel, by keyboard, against the
real records service: Alt+W enters the reason, amount and note; a waiver above the
provisioned amount waits for a lead — the panel says so and will not issue — until a lead
signs in on the spot (Alt+L; a clerk's account is refused); the notice then carries the
waiver and the lead's name, and the center accepts it. Alt+N reprints the notice (副本)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from clerk_app.gui.case_detail import CaseDetail
from tests.helpers.documents import flat, pdf_text
from tests.helpers.printing import clerk_session
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.store import add_case, make_payload
from tests.helpers.worklist import desk_context

ALT = Qt.KeyboardModifier.AltModifier


def _detail(qtbot, desk, writer, tmp_path, seq: int, item: str):
    context = desk_context(desk.store, desk.clock, tmp_path)
    context.backend.api, context.backend.tokens = desk.api, desk.tokens
    context.device_id = desk.device_id
    payload = make_payload(seq, item_code=item)
    add_case(desk.store, payload)
    session = replace(clerk_session(), access_token=desk.login.access_token)
    detail = CaseDetail(context, session, payload["case_no"], writer)
    qtbot.addWidget(detail)
    detail.show()
    return detail


def _type(qtbot, widget, text: str) -> None:
    widget.clear()
    qtbot.keyClicks(widget, text)


def test_a_large_waiver_waits_for_a_lead_who_approves_it_here(
    qtbot, desk, writer, tmp_path
) -> None:
    # 不动产登记费 550.00 (waivable) + 工本费 10.00: above ¥100.00 a lead approves.
    detail = _detail(qtbot, desk, writer, tmp_path, 41, "DEMO-ZR-001")
    panel = detail.fees
    assert "560.00" in panel.amount.text()
    assert "no payment notice yet" in panel.state.text() or "unpaid" in panel.state.text()
    assert panel.waiver_button.isVisible() and not panel.approve_button.isVisible()

    qtbot.keyClick(detail, Qt.Key.Key_W, ALT)
    dialog = panel.last_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.reason.currentText() == "低保" and "550.00" in dialog.hint.text()
    _type(qtbot, dialog.amount, "600")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.isVisible() and "550.00" in dialog.error.text()  # more than may be waived
    _type(qtbot, dialog.amount, "300")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert not dialog.isVisible()

    assert "waits for a lead's approval" in panel.waiver_state.text()
    assert "300.00" in panel.waiver_state.text() and "低保" in panel.waiver_state.text()
    assert not panel.issue_button.isEnabled() and panel.approve_button.isVisible()
    qtbot.keyClick(detail, Qt.Key.Key_Y, ALT)
    assert panel.last_issued is None  # nothing issued while the lead has not approved

    qtbot.keyClick(detail, Qt.Key.Key_L, ALT)
    lead = panel.last_dialog
    assert lead is not None and lead.isVisible() and "300.00" in lead.intro.text()
    _type(qtbot, lead.username, "demo-clerk")
    _type(qtbot, lead.password, DEMO_PASSWORD)
    qtbot.keyClick(lead.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lead.busy, timeout=15_000)
    assert lead.isVisible() and "not a lead" in lead.error.text()
    _type(qtbot, lead.username, "demo-lead")
    _type(qtbot, lead.password, DEMO_PASSWORD)
    qtbot.keyClick(lead.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lead.isVisible(), timeout=15_000)
    assert "approved by the lead" in panel.waiver_state.text()
    assert panel.issue_button.isEnabled() and not panel.approve_button.isVisible()

    qtbot.keyClick(detail, Qt.Key.Key_Y, ALT)
    qtbot.waitUntil(lambda: panel.last_issued is not None, timeout=30_000)
    panel.last_preview.dialog.reject()
    notice = panel.last_issued.notice
    assert notice.waiver is not None and notice.waiver.approved_by == "demo-lead"
    assert notice.total_fen == 56000 - 30000
    assert "260.00" in flat(pdf_text(panel.last_issued.document.path))
    assert not panel.waiver_button.isVisible() and not panel.waiver_state.isVisible()
    assert "unpaid" in panel.state.text()
    for _ in range(3):
        desk.engine.push_once()
    assert {r.state for r in desk.store.outbox_rows()} == {"sent"}  # the center took it

    qtbot.keyClick(detail, Qt.Key.Key_N, ALT)  # 副本 of the notice, same 文书编号
    qtbot.waitUntil(lambda: "Reprint" in panel.message.text(), timeout=30_000)
    panel.last_preview.dialog.reject()
    assert "副本" in flat(pdf_text(panel.last_preview.pdf_path))


def test_a_small_waiver_goes_on_the_notice_without_a_lead(qtbot, desk, writer, tmp_path) -> None:
    detail = _detail(qtbot, desk, writer, tmp_path, 42, "DEMO-GA-001")  # 工本费 20.00
    panel = detail.fees
    qtbot.keyClick(detail, Qt.Key.Key_W, ALT)
    dialog = panel.last_dialog
    dialog.reason.setFocus()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_End)  # 其他依规减免 needs its rule in the note
    _type(qtbot, dialog.amount, "5")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.isVisible() and "note" in dialog.error.text()
    assert dialog.focusWidget() is dialog.note  # the field to fix
    _type(qtbot, dialog.note, "County order No. 3")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert "goes on the next notice" in panel.waiver_state.text()
    assert not panel.approve_button.isVisible() and panel.issue_button.isEnabled()
    qtbot.keyClick(detail, Qt.Key.Key_Y, ALT)
    qtbot.waitUntil(lambda: panel.last_issued is not None, timeout=30_000)
    panel.last_preview.dialog.reject()
    notice = panel.last_issued.notice
    assert (notice.total_fen, notice.waiver.reason_code, notice.waiver.amount_fen) == (
        1500,
        "other",
        500,
    )
    assert notice.waiver.approved_by == ""
