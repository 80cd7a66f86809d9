"""The department desk follows the center's fees (issue 17), in Chinese, against the real
records service: a notice issued at the window and paid at the settlement center (through
the API, as the cashier) shows 已缴费 in the case detail and in the worklist after the
desk's next pull, with the cashier's receipt (number, check code), which the clerk prints
here by keyboard as a copy (Alt+E) kept with the case."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt

from clerk_app.app import fees as fees_app
from clerk_app.gui.case_detail import CaseDetail
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.worklist import WorklistPane
from clerk_app.remote.link import LinkKeeper
from clerk_app.store.sync_state import SyncStateStore
from tests.helpers.documents import flat, pdf_text
from tests.helpers.fees_api import cashier, payment_body, write
from tests.helpers.printing import clerk_session
from tests.helpers.store import add_case, make_payload
from tests.helpers.worklist import desk_context


def _status_cell(qtbot, context, writer, case_no: str) -> str:
    pane = WorklistPane(context, clerk_session(), context.calendar, writer)
    qtbot.addWidget(pane)
    pane.show()
    model = pane.model
    column = model.COLUMNS.index("status")
    rows = [r for r in range(model.rowCount()) if model.row_at(r).case_no == case_no]
    text = str(model.index(rows[0], column).data())
    pane.close()
    return text


def test_paid_at_the_center_the_desk_shows_paid_after_its_pull(
    qtbot, desk, writer, tmp_path, qm_dir
) -> None:
    install_translations("zh_CN", qm_dir)
    context = desk_context(desk.store, desk.clock, tmp_path)
    context.backend.api, context.backend.tokens = desk.api, desk.tokens
    payload = make_payload(51, item_code="DEMO-GA-009")  # 110.00
    add_case(desk.store, payload)
    case_no = payload["case_no"]
    session = replace(clerk_session(), access_token=desk.login.access_token)
    notice = fees_app.issue_payment_notice(context, session, case_no).notice
    for _ in range(3):
        desk.engine.push_once()
    assert {r.state for r in desk.store.outbox_rows()} == {"sent"}
    code = fees_app.load_notice(context, notice.notice_no).payment_code
    assert "未缴费" in _status_cell(qtbot, context, writer, case_no)

    paid = write(desk.service, "/payments", cashier(desk.service), payment_body(code, 11000))
    assert paid.status_code == 201, paid.text
    receipt = paid.json()["payment"]["receipt"]

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

    assert _status_cell(qtbot, context, writer, case_no).endswith("已缴费")
    detail = CaseDetail(context, session, case_no, writer)
    qtbot.addWidget(detail)
    detail.show()
    panel = detail.fees
    assert panel.state.text() == "收费状态：已缴费"
    assert f"{notice.notice_no} · 已缴 · {code}" in panel.notices.text()
    assert receipt["number"] in panel.receipt.text()
    assert receipt["check_code"] in panel.receipt.text()
    assert not panel.waiver_button.isVisible() and not panel.cancel_button.isVisible()

    qtbot.keyClick(detail, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.last_preview is not None, timeout=30_000)
    panel.last_preview.dialog.reject()
    text = flat(pdf_text(panel.last_preview.pdf_path))
    assert receipt["number"] in text and "壹佰壹拾元整" in text and "副本" in text
    assert receipt["number"] in panel.message.text()

    # The case's documents list both fee documents by name; Reprint (Ctrl+R) makes a 副本.
    docs = detail.documents
    docs.reload()
    kinds = [docs.table.item(r, 0).text() for r in range(docs.table.rowCount())]
    for title in ("缴款通知书", "财政票据（副本）"):
        row = kinds.index(title)
        docs.table.setFocus()
        docs.table.selectRow(row)
        assert docs.reprint_button.isEnabled()
        before = docs.last_preview
        docs.reprint_action.trigger()  # Ctrl+R (the window is not active offscreen)

        def reprinted(b=before) -> None:
            assert docs.last_preview is not b, docs.status_label.text()

        qtbot.waitUntil(reprinted, timeout=30_000)
        docs.last_preview.dialog.reject()
        assert "副本" in flat(pdf_text(docs.last_preview.pdf_path))
    counts = [docs.table.item(r, 3).text() for r in range(docs.table.rowCount())]
    assert counts[kinds.index("缴款通知书")] == "1"
    assert counts[kinds.index("财政票据（副本）")] == "1"  # Alt+E's copy is the first
