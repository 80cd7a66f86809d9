"""The cashier screen by keyboard against the real records service (issue 17): demo-cashier
signs in at S01 and gets the cashier screen; types a notice's number and Enter, takes 100
yuan in cash for a 20 yuan notice (change 80.00), Ctrl+Enter prints the fiscal receipt,
whose PDF says the amount in capitals, its receipt number and the fee; F9 the day."""

from __future__ import annotations

import subprocess
from datetime import timedelta

from PySide6.QtCore import Qt

from clerk_app.app.documents import document_pdf
from clerk_app.app.session import sign_in
from clerk_app.documents import RenderedDocument
from clerk_app.gui.cashier import CashierScreen
from tests.helpers import fees_api
from tests.helpers.cashier_desk import answered, pulled
from tests.helpers.offline import clock, make_context  # noqa: F401 - fixtures
from tests.helpers.service import DEMO_PASSWORD

CTRL = Qt.KeyboardModifier.ControlModifier


def test_cash_for_a_notice_by_keyboard_gives_change_and_prints_the_receipt(
    qtbot,
    records_service,
    make_context,  # noqa: F811
    cashier_desks,
    tmp_path,
) -> None:
    token = fees_api.clerk(records_service)
    body = fees_api.notice_body([("GA-001", "工本费", 2000)])
    notice = fees_api.issued(records_service, token, body)
    ctx = make_context(records_service.base_url, home="s01", window_code="S01")
    session = sign_in(ctx, "demo-cashier", DEMO_PASSWORD)

    desk = cashier_desks(ctx)
    screen = desk.open_desk(session)
    assert isinstance(screen, CashierScreen) and desk.window is None
    assert desk.sync is not None and desk.sync.is_running()  # it sends the outbox
    qtbot.addWidget(screen)
    printed: list[RenderedDocument] = []
    screen.printer = printed.append
    qtbot.waitActive(screen)
    assert screen.focusWidget() is screen.code

    qtbot.keyClicks(screen.code, notice["notice_no"])
    qtbot.keyClick(screen.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: answered(screen), timeout=10_000)  # asked off the GUI thread
    assert screen.message.text() == ""
    assert screen.payer.text() != "张三" and screen.payer.text().startswith("张")
    first = screen.items.item(0, 0)
    assert first is not None and first.text() == "工本费"
    assert screen.total.text() == "¥20.00" and screen.total_words.text() == "贰拾元整"
    assert screen.focusWidget() is screen.received and screen.received.text() == "20.00"

    qtbot.keyClicks(screen.received, "100")  # replaces the selected amount due
    qtbot.keyClick(screen.received, Qt.Key.Key_Return, CTRL)
    assert screen.busy and screen.working.isVisible()  # the screen says it waits
    qtbot.waitUntil(lambda: answered(screen), timeout=20_000)
    assert screen.working.isHidden()
    assert screen.change.text() == "80.00", (screen.message.text(), screen.received.text())
    assert screen.last is not None and screen.last_receipt is not None
    receipt = screen.last.payment.receipt
    assert receipt is not None
    assert screen.message.text() == f"Paid. Receipt number {receipt.number}."
    assert [d.kind for d in printed] == ["fiscal_receipt"]

    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(document_pdf(ctx, screen.last_receipt.path))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "贰拾元整" in text and receipt.number in text and "工本费" in text
    assert notice["notice_no"] in text

    # The same notice again: refused in words, nothing printed.
    qtbot.keyClicks(screen.code, notice["notice_no"])
    qtbot.keyClick(screen.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: answered(screen), timeout=10_000)
    assert screen.message.text() == "This notice is paid already; it cannot be paid twice."
    qtbot.keyClick(screen.code, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: answered(screen), timeout=10_000)
    assert len(printed) == 1

    qtbot.keyClick(screen.code, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: "payment(s), total ¥" in screen.day.text(), timeout=10_000)
    assert "payment(s), total ¥" in screen.day.text() and "Cash ¥" in screen.day.text()


def test_a_qr_payment_is_chosen_by_keyboard_and_needs_its_reference(
    qtbot,
    records_service,
    make_context,  # noqa: F811
    cashier_desks,
) -> None:
    token = fees_api.clerk(records_service)
    notice = fees_api.issued(records_service, token, fees_api.notice_body())
    ctx = make_context(records_service.base_url, home="s01", window_code="S01")
    screen = cashier_desks(ctx).open_desk(sign_in(ctx, "demo-cashier", DEMO_PASSWORD))
    assert isinstance(screen, CashierScreen) and screen.paper == "a4"  # the default setting
    qtbot.addWidget(screen)
    printed: list[RenderedDocument] = []
    screen.printer = printed.append
    qtbot.waitActive(screen)

    qtbot.keyClicks(screen.code, notice["payment_code"])  # what the scanner types
    qtbot.keyClick(screen.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: answered(screen), timeout=10_000)
    assert screen.total_words.text() == "叁拾伍元伍角整"
    screen.activateWindow()  # its mnemonics need it active, as on a screen
    qtbot.waitUntil(screen.isActiveWindow, timeout=2000)
    qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: screen.method() == "qr", timeout=2000)  # an animated click
    qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: answered(screen), timeout=10_000)
    assert screen.message.text() == "A card or QR payment needs its reference."
    assert printed == []

    qtbot.keyClicks(screen.reference, "QR20261128000017")
    qtbot.keyClick(screen.reference, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: answered(screen), timeout=20_000)
    assert screen.last is not None and screen.last.payment.method == "qr"
    assert screen.change.text() == "0.00" and len(printed) == 1


def test_an_idle_cashier_screen_locks_like_a_desk_and_sign_out_closes_it(
    qtbot,
    records_service,
    make_context,  # noqa: F811
    cashier_desks,
    clock,  # noqa: F811
) -> None:
    ctx = make_context(records_service.base_url, home="s01-lock", window_code="S01")
    desk = cashier_desks(ctx)
    screen = desk.open_desk(sign_in(ctx, "demo-cashier", DEMO_PASSWORD))
    qtbot.addWidget(screen)
    screen.show()
    assert desk.lock is not None and not desk.lock.locked
    clock.advance(timedelta(minutes=ctx.provisioning.idle_lock_minutes, seconds=1))
    qtbot.waitUntil(lambda: pulled(screen), timeout=10_000)  # its pull at open is over
    desk.lock.timer.timeout.emit()  # the lock's own timer asks the clock
    assert desk.lock.locked and not screen.isVisible()  # payers and money hidden
    desk.sign_out()
    assert desk.cashier is None and desk.lock is None and desk.sync is None
