"""A waiver waiting for a lead (issue 17) survives closing the case detail, by keyboard,
against the real records service: entered with Alt+W, the detail closed with Escape and
opened again, it still waits (the lead approves it then, Alt+L); once the notice carrying it
went out (Alt+Y) it is gone from the panel, and after the desk's next pull the case's events
say in words that the lead approved it."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt

from clerk_app.gui.case_detail import CaseDetail
from clerk_app.remote.link import LinkKeeper
from clerk_app.store.sync_state import SyncStateStore
from tests.helpers.printing import clerk_session
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.store import add_case, make_payload
from tests.helpers.worklist import desk_context

ALT = Qt.KeyboardModifier.AltModifier


def _type(qtbot, widget, text: str) -> None:
    widget.clear()
    qtbot.keyClicks(widget, text)


def test_a_waiting_waiver_is_kept_and_its_approval_shows_in_the_events(
    qtbot, desk, writer, tmp_path
) -> None:
    context = desk_context(desk.store, desk.clock, tmp_path)
    context.backend.api, context.backend.tokens = desk.api, desk.tokens
    context.device_id = desk.device_id
    payload = make_payload(44, item_code="DEMO-ZR-001")  # 550.00 waivable + 10.00
    add_case(desk.store, payload)
    case_no = payload["case_no"]
    session = replace(clerk_session(), access_token=desk.login.access_token)

    def open_detail() -> CaseDetail:
        detail = CaseDetail(context, session, case_no, writer)
        qtbot.addWidget(detail)
        detail.show()
        return detail

    detail = open_detail()
    qtbot.keyClick(detail, Qt.Key.Key_W, ALT)
    dialog = detail.fees.last_dialog
    _type(qtbot, dialog.amount, "300")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert "waits for a lead's approval" in detail.fees.waiver_state.text()
    writer.wait_idle(30_000)
    qtbot.keyClick(detail, Qt.Key.Key_Escape)
    assert not detail.isVisible()

    detail = open_detail()  # the next time the case is opened: the waiver still waits
    panel = detail.fees
    assert "waits for a lead's approval" in panel.waiver_state.text()
    assert "300.00" in panel.waiver_state.text() and "低保" in panel.waiver_state.text()
    assert panel.approve_button.isVisible() and not panel.issue_button.isEnabled()
    qtbot.keyClick(detail, Qt.Key.Key_L, ALT)
    lead = panel.last_dialog
    _type(qtbot, lead.username, "demo-lead")
    _type(qtbot, lead.password, DEMO_PASSWORD)
    qtbot.keyClick(lead.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not lead.isVisible(), timeout=15_000)
    qtbot.keyClick(detail, Qt.Key.Key_Y, ALT)
    qtbot.waitUntil(lambda: panel.last_issued is not None, timeout=30_000)
    panel.last_preview.dialog.reject()
    assert panel.last_issued.notice.waiver.approved_by == "demo-lead"
    for _ in range(3):
        desk.engine.push_once()
    assert {r.state for r in desk.store.outbox_rows()} == {"sent"}
    writer.wait_idle(30_000)
    qtbot.keyClick(detail, Qt.Key.Key_Escape)

    link = LinkKeeper(
        desk.store,
        SyncStateStore(desk.store.db, desk.clock),
        desk.api,
        desk.clock,
        device_id=desk.device_id,
        client_version="0.1.0",
    )
    desk.clock.advance(timedelta(minutes=1))
    assert link.pull_changes(desk.tokens.get_device_token("W01", desk.device_id)) >= 1

    detail = open_detail()
    assert not detail.fees.waiver_state.isVisible()  # it went on the notice
    words = [detail.events.item(r, 1).text() for r in range(detail.events.rowCount())]
    approval = [w for w in words if "Fee waiver of ¥300.00 approved by lead demo-lead" in w]
    assert len(approval) == 1, words
    assert "Subsistence allowance" in approval[0]
    assert panel.last_issued.notice.notice_no in approval[0]
