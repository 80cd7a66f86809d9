"""The department clerk issues a payment notice (缴款通知书, issue 17) from the case detail
by keyboard: the amount in figures and capitals before, Alt+Y issues it and opens its print
preview, the PDF says the amount in capitals; once sent, Alt+G shows the payment code the
center assigned."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from clerk_app.gui.case_detail import CaseDetail
from tests.helpers.documents import flat, pdf_text
from tests.helpers.printing import clerk_session
from tests.helpers.store import add_case, make_payload
from tests.helpers.worklist import desk_context


def test_a_notice_is_issued_by_keyboard_previewed_and_gets_its_payment_code(
    qtbot, desk, writer, tmp_path
) -> None:
    context = desk_context(desk.store, desk.clock, tmp_path)
    context.backend.api, context.backend.tokens = desk.api, desk.tokens
    payload = make_payload(1, item_code="DEMO-GA-009")
    add_case(desk.store, payload)
    assert desk.engine.push_once().sent == 1
    session = replace(clerk_session(), access_token=desk.login.access_token)
    detail = CaseDetail(context, session, payload["case_no"], writer)
    qtbot.addWidget(detail)
    detail.show()
    detail.activateWindow()
    qtbot.waitActive(detail)
    panel = detail.fees
    assert panel.isVisible()
    assert "110.00" in panel.amount.text() and "壹佰壹拾元整" in panel.amount.text()

    qtbot.keyClick(detail, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)

    def issued() -> None:
        assert panel.last_issued is not None, panel.message.text()

    qtbot.waitUntil(issued, timeout=30_000)
    notice = panel.last_issued.notice
    assert notice.notice_no in panel.message.text() and "壹佰壹拾元整" in panel.message.text()
    assert panel.last_preview is not None and panel.last_preview.dialog.isVisible()
    panel.last_preview.dialog.reject()
    assert "壹佰壹拾元整" in flat(pdf_text(panel.last_issued.document.path))
    assert not panel.issue_button.isEnabled()  # one open notice per case
    assert "payment code not yet assigned" in panel.notices.text()

    for _ in range(3):
        desk.engine.push_once()
    sent = {(r.kind, r.state) for r in desk.store.outbox_rows()}
    assert ("payment_notice", "sent") in sent and ("document_record", "sent") in sent
    assert not [r for r in desk.store.outbox_rows() if r.state != "sent"]
    qtbot.keyClick(detail, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "not yet assigned" not in panel.notices.text(), timeout=15_000)
    code = context.backend.store.db.query_one(
        "SELECT payment_code FROM payment_notices WHERE notice_no = ?", (notice.notice_no,)
    )[0]
    assert code and code in panel.notices.text()


def test_an_issued_notice_is_cancelled_by_keyboard_with_its_reason(
    qtbot, desk, writer, tmp_path
) -> None:
    context = desk_context(desk.store, desk.clock, tmp_path)
    payload = make_payload(2, item_code="DEMO-GA-003")
    add_case(desk.store, payload)
    detail = CaseDetail(context, clerk_session(), payload["case_no"], writer)
    qtbot.addWidget(detail)
    detail.show()
    panel = detail.fees
    assert not panel.cancel_button.isVisible()  # nothing issued yet
    qtbot.keyClick(detail, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.last_issued is not None, timeout=30_000)
    panel.last_preview.dialog.reject()
    notice_no = panel.last_issued.notice.notice_no
    assert panel.cancel_button.isVisible()

    qtbot.keyClick(detail, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert "reason" in panel.message.text()  # a cancellation gives its reason
    qtbot.keyClicks(panel.cancel_reason, "wrong item")
    qtbot.keyClick(detail, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "cancelled" in panel.message.text(), timeout=15_000)
    assert f"{notice_no} · cancelled" in panel.notices.text()
    assert not panel.cancel_button.isVisible() and panel.issue_button.isEnabled()
    kinds = [r.kind for r in desk.store.outbox_rows() if r.state == "pending"]
    assert kinds.count("payment_notice") == 1 and kinds.count("payment_notice_cancel") == 1
