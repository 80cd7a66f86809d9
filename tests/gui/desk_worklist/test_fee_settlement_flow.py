"""The fee settlement center's whole day at the desks, by keyboard, against the real records
service (issue 17): the department clerk issues a payment notice from the case (Alt+Y);
the cashier takes it by its number, 200 yuan cash for 110 (change 90.00), the receipt
printed (capitals, number, fee); the department's case shows it paid (Alt+G); a lead of
the department signs in at the case (Alt+F) and requests a refund of 10 yuan (the
dashboard opens the same request, Ctrl+Shift+R); finance approves it (Alt+A) and the
voucher is printed; a spoilt paper receipt is voided (F7); the day closes 0.50 yuan short
(F10) and the cashier screen takes no more payments of it; finance's report and
reconciliation read the day."""

from __future__ import annotations

import subprocess
import uuid
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from clerk_app.app.documents import document_pdf
from clerk_app.app.session import sign_in
from clerk_app.core.clock import CENTER_TZ
from clerk_app.documents import RenderedDocument
from clerk_app.gui.app import Desk
from clerk_app.gui.case_detail import CaseDetail
from clerk_app.gui.cashier import CashierScreen
from clerk_app.gui.finance import FinanceScreen
from clerk_app.gui.refund_request import RefundRequestDialog
from tests.helpers import fees_api
from tests.helpers.offline import make_context  # noqa: F401 - fixture
from tests.helpers.printing import clerk_session
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.service_api import token_for
from tests.helpers.store import add_case, make_payload
from tests.helpers.worklist import desk_context

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
RECEIPT_CODE = "13010126"


def _text(ctx, path: Path, tmp_path: Path) -> str:
    plain = tmp_path / f"{uuid.uuid4().hex}.pdf"
    plain.write_bytes(document_pdf(ctx, path))
    return subprocess.run(
        ["pdftotext", "-layout", str(plain), "-"], capture_output=True, text=True, check=True
    ).stdout


def _active(qtbot, widget) -> None:
    widget.show()
    widget.activateWindow()  # shortcuts and mnemonics need it active, as on a screen
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)


def _issue_at_the_department(qtbot, desk, writer, tmp_path) -> tuple[CaseDetail, str]:
    context = desk_context(desk.store, desk.clock, tmp_path)
    context.backend.api, context.backend.tokens = desk.api, desk.tokens
    payload = make_payload(1, item_code="DEMO-GA-009")  # 110 yuan
    add_case(desk.store, payload)
    assert desk.engine.push_once().sent == 1
    session = replace(clerk_session(), access_token=desk.login.access_token)
    detail = CaseDetail(context, session, payload["case_no"], writer)
    qtbot.addWidget(detail)
    _active(qtbot, detail)
    qtbot.keyClick(detail, Qt.Key.Key_Y, ALT)
    qtbot.waitUntil(lambda: detail.fees.last_issued is not None, timeout=30_000)
    detail.fees.last_preview.dialog.reject()
    for _ in range(3):
        desk.engine.push_once()
    assert not [r for r in desk.store.outbox_rows() if r.state != "sent"]
    return detail, detail.fees.last_issued.notice.notice_no


def test_a_fee_from_notice_to_refund_and_daily_close_by_keyboard(
    qtbot,
    desk,
    writer,
    make_context,  # noqa: F811
    tmp_path,
) -> None:
    service = desk.service
    detail, notice_no = _issue_at_the_department(qtbot, desk, writer, tmp_path)

    # The cashier takes it by its number: 200 yuan cash, change 90.00, the receipt printed.
    # The settlement window works today, as the service counts days (a voided blank's day).
    desk.clock.set(datetime.now(CENTER_TZ).replace(microsecond=0))
    s01 = make_context(service.base_url, home="s01", window_code="S01")
    desk_s01 = Desk(s01)
    screen = desk_s01.open_desk(sign_in(s01, "demo-cashier", DEMO_PASSWORD))
    assert isinstance(screen, CashierScreen)
    qtbot.addWidget(screen)
    printed: list[RenderedDocument] = []
    screen.printer = printed.append
    _active(qtbot, screen)
    qtbot.keyClicks(screen.code, notice_no)
    qtbot.keyClick(screen.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not screen.busy, timeout=10_000)  # asked off the GUI thread
    assert screen.total_words.text() == "壹佰壹拾元整"
    qtbot.keyClicks(screen.received, "200")
    qtbot.keyClick(screen.received, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not screen.busy, timeout=20_000)
    assert screen.change.text() == "90.00", screen.message.text()
    receipt = screen.last.payment.receipt
    text = _text(s01, screen.last_receipt.path, tmp_path)
    assert "壹佰壹拾元整" in text and receipt.number in text and notice_no in text
    fee_name = detail.fees.last_issued.notice.lines[0].fee_name
    assert fee_name in text

    # The department's case shows it paid once it asks the center (Alt+G).
    _active(qtbot, detail)
    qtbot.keyClick(detail, Qt.Key.Key_G, ALT)
    qtbot.waitUntil(lambda: f"{notice_no} · paid" in detail.fees.notices.text(), timeout=15_000)

    # A lead of the department, at the case, signs in on the spot (Alt+F) and requests a
    # refund of 10 yuan of it.
    assert detail.fees.refund_entry.button.isVisible()
    qtbot.keyClick(detail, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: detail.fees.refund_entry.dialog is not None)  # an animated click
    dialog = detail.fees.refund_entry.dialog
    assert isinstance(dialog, RefundRequestDialog)
    _active(qtbot, dialog)
    assert dialog.focusWidget() is dialog.lead_user and dialog.notice.text() == notice_no
    qtbot.keyClicks(dialog.lead_user, "demo-lead")
    qtbot.keyClick(dialog.lead_user, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.focusWidget(), DEMO_PASSWORD)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.session is not None and dialog.session.username == "demo-lead"
    assert "¥110.00" in dialog.facts.text() and receipt.number in dialog.facts.text()
    assert dialog.focusWidget() is dialog.amount and dialog.amount.text() == "110.00"
    qtbot.keyClicks(dialog.amount, "10")  # replaces the whole amount
    assert dialog.words.text() == "壹拾元整"
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)  # on to the reason
    assert dialog.focusWidget() is dialog.reason, dialog.focusWidget()
    dialog.focusWidget().insert("多收工本费")  # what the input method commits
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return, CTRL)
    assert dialog.refund is not None, dialog.message.text()
    assert dialog.message.text() == f"Refund of ¥10.00 requested for {notice_no}; finance decides."
    lead_token = dialog.session.access_token
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Escape)  # the lead's token ends with the dialog
    assert fees_api.get(service, "/refund-requests", lead_token).status_code == 401
    detail.close()

    # At the dashboard a lead opens the same request by Ctrl+Shift+R.
    w01 = make_context(service.base_url, home="w01-lead", window_code="W01")
    lead_desk = Desk(w01)
    dashboard = lead_desk.open_desk(sign_in(w01, "demo-lead", DEMO_PASSWORD))
    qtbot.addWidget(dashboard)
    _active(qtbot, dashboard)
    qtbot.keyClick(dashboard, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert isinstance(dashboard.last_tool, RefundRequestDialog)
    dashboard.last_tool.close()

    # Finance sees it waiting, approves it (Alt+A) and the refund voucher is printed.
    finance_desk = Desk(s01)
    fin = finance_desk.open_desk(sign_in(s01, "demo-finance", DEMO_PASSWORD))
    assert isinstance(fin, FinanceScreen)
    qtbot.addWidget(fin)
    vouchers: list[RenderedDocument] = []
    fin.printer = vouchers.append
    _active(qtbot, fin)
    assert fin.refund_table.rowCount() == 1
    assert fin.refund_table.item(0, 0).text() == notice_no
    fin.note.insert("同意退付")
    qtbot.keyClick(fin.note, Qt.Key.Key_A, ALT)
    assert "approved; voucher TF-" in fin.message.text(), fin.message.text()
    assert [d.kind for d in vouchers] == ["refund_voucher"]
    assert fin.refund_table.rowCount() == 0
    voucher = _text(s01, fin.voucher.path, tmp_path)
    assert "壹拾元整" in voucher and notice_no in voucher

    # A spoilt paper receipt of the cashier's stock is voided (F7); it keeps its number.
    admin = token_for(service, "demo-admin", window_code=None)
    stock = {"id": str(uuid.uuid4()), "code": RECEIPT_CODE, "first": 1, "last": 50}
    allotted = fees_api.write(
        service, "/receipt-ranges", admin, {**stock, "cashier": "demo-cashier"}
    )
    assert allotted.status_code == 201, allotted.text
    _active(qtbot, screen)
    qtbot.keyClick(screen.code, Qt.Key.Key_F7)
    void = screen.void_dialog
    qtbot.addWidget(void)
    _active(qtbot, void)
    qtbot.keyClicks(void.code, RECEIPT_CODE)
    qtbot.keyClick(void.code, Qt.Key.Key_Return)
    qtbot.keyClicks(void.focusWidget(), "3")
    qtbot.keyClick(void.focusWidget(), Qt.Key.Key_Return)
    void.focusWidget().insert("卡纸")
    qtbot.keyClick(void.focusWidget(), Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not void.busy.running, timeout=10_000)
    assert void.message.text() == f"Receipt {RECEIPT_CODE}/00000003 is voided; its number is kept."
    void.close()

    # The daily close (F10): 109.50 counted of 110.00 taken in cash — 0.50 short.
    _active(qtbot, screen)
    qtbot.keyClick(screen.code, Qt.Key.Key_F10)
    close = screen.close_dialog
    qtbot.addWidget(close)
    _active(qtbot, close)
    qtbot.waitUntil(lambda: close.sheet is not None, timeout=10_000)  # read in the background
    assert close.expected.text() == "¥110.00"
    assert (
        f"{RECEIPT_CODE}/00000003" in close.receipts.text()
        and receipt.number in close.receipts.text()
    )
    assert close.focusWidget() is close.counted
    qtbot.keyClicks(close.counted, "109.50")
    assert close.difference.text() == "Short (短款) ¥0.50"
    qtbot.keyClick(close.counted, Qt.Key.Key_Return)
    qtbot.keyClicks(close.focusWidget(), "JK-20261128-01")
    qtbot.keyClick(close.focusWidget(), Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not close.busy.running, timeout=20_000)
    assert close.sheet is not None and close.sheet.closed, close.message.text()
    assert close.sheet.difference_fen == -50
    assert [d.kind for d in printed] == ["fiscal_receipt", "daily_close"]
    sheet = _text(s01, close.document.path, tmp_path)
    assert "短款 ¥0.50" in sheet and "JK-20261128-01" in sheet and "00000003" in sheet
    close.close()

    # The day is frozen: the screen says so and takes no other payment of it.
    assert "closed" in screen.message.text()
    other = fees_api.issued(service, fees_api.clerk(service), fees_api.notice_body())
    _active(qtbot, screen)
    qtbot.keyClicks(screen.code, other["notice_no"])
    qtbot.keyClick(screen.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not screen.busy, timeout=10_000)
    qtbot.keyClick(screen.received, Qt.Key.Key_Return, CTRL)
    assert screen.message.text() == "Today is closed (日结): no more payments can be taken today."
    assert len(printed) == 2

    # Finance's report of the day and the bank reconciliation (a card payment nobody made).
    _active(qtbot, fin)
    qtbot.keyClick(fin.note, Qt.Key.Key_2, CTRL)
    day = screen.last.payment.paid_at.date()
    fin.report_from.setDate(day)
    fin.report_to.setDate(day)
    qtbot.keyClick(fin.focusWidget(), Qt.Key.Key_S, ALT)
    assert fin.report is not None and fin.report.amount_fen == 11000, fin.message.text()
    assert fin.report.refunded_fen == 1000
    exported = fin.export_csv(tmp_path / "report.csv")
    assert exported is not None and "110.00" in exported.read_text(encoding="utf-8-sig")
    bank = tmp_path / "bank.csv"
    bank.write_text(f"reference,amount,date\nPOS-1,5.00,{day.isoformat()}\n", encoding="utf-8")
    fin.bank_from.setDate(day)
    fin.bank_to.setDate(day)
    fin.reconcile(bank)
    assert fin.bank_table.rowCount() == 1 and fin.bank_table.item(0, 1).text() == "POS-1"
    assert fin.payment_table.rowCount() == 0

    # Ctrl+4: the refunds decided in a period (Alt+L), the approved one with its voucher.
    qtbot.keyClick(fin.focusWidget(), Qt.Key.Key_4, CTRL)
    assert fin.focusWidget() is fin.history.first
    fin.history.first.setDate(day - timedelta(days=1))
    qtbot.keyClick(fin.focusWidget(), Qt.Key.Key_L, ALT)
    history = fin.history.table
    assert history.rowCount() == 1, fin.message.text()
    assert [history.item(0, c).text() for c in (0, 2, 3)] == [notice_no, "10.00", "Approved"]
    voucher_no = history.item(0, 6).text()
    assert voucher_no.startswith("TF-")
    # F8: its voucher printed again as a duplicate (副本) from this desk's archive.
    qtbot.keyClick(fin.focusWidget(), Qt.Key.Key_F8)
    duplicates = fin.duplicate_dialog
    qtbot.addWidget(duplicates)
    _active(qtbot, duplicates)
    duplicates.first.setDate(day - timedelta(days=1))
    duplicates.last_day.setDate(day + timedelta(days=1))
    duplicates.kind.setCurrentIndex(duplicates.kind.findData("refund"))
    assert [d.number for d in duplicates.documents] == [voucher_no]
    qtbot.keyClick(duplicates, Qt.Key.Key_P, ALT)
    qtbot.waitUntil(lambda: duplicates.last is not None, timeout=20_000)
    again = _text(s01, duplicates.last.path, tmp_path)
    assert "副本 / DUPLICATE" in again and voucher_no in again and "壹拾元整" in again
    assert [d.kind for d in vouchers] == ["refund_voucher", "refund_voucher"]
    duplicates.close()
    for quitting in (
        desk_s01,
        finance_desk,
        lead_desk,
    ):  # their writers' threads end before the test
        quitting.shutdown()
