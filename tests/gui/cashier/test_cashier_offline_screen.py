"""The cashier screen with the link down, by keyboard (issue 17): the screen pulled the
center's unpaid notices and the paper stock when it opened; the link goes: a red banner says
OFFLINE plainly, card is refused in words, cash goes on paper form 00000001 with its change,
a notice the desk never pulled is entered by its number, item and amount (to confirm) and
goes on form 00000002; F5 with the link back pulls again and sends the outbox, and the
banner says what is still being sent until the center has it."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt

from clerk_app.app.catalog import load_catalog
from clerk_app.app.session import sign_in
from clerk_app.documents import RenderedDocument
from clerk_app.gui.cashier import CashierScreen
from tests.helpers import fees_api
from tests.helpers.cashier_desk import pulled as pull_over
from tests.helpers.offline import clock, make_context  # noqa: F401 - fixtures
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.service_api import token_for

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
GA_009 = [("DEMO-GA-009", "机动车号牌工本费", 10000), ("DEMO-GA-009", "机动车行驶证工本费", 1000)]


def test_offline_mode_is_plain_and_takes_cash_on_paper_by_keyboard(
    qtbot,
    records_service,
    make_context,  # noqa: F811
) -> None:
    admin = token_for(records_service, "demo-admin", window_code=None)
    stock = {"id": str(uuid.uuid4()), "code": f"{uuid.uuid4().int % 10**8:08d}"}
    stock.update(first=1, last=10, cashier="demo-cashier")
    assert fees_api.write(records_service, "/receipt-ranges", admin, stock).status_code == 201
    clerk = fees_api.clerk(records_service)
    pulled = fees_api.issued(records_service, clerk)
    ctx = make_context(records_service.base_url, home="s01", window_code="S01")
    session = sign_in(ctx, "demo-cashier", DEMO_PASSWORD)
    load_catalog(ctx, session)
    screen = CashierScreen(ctx, session)
    qtbot.addWidget(screen)
    printed: list[RenderedDocument] = []
    screen.printer = printed.append
    screen.show()
    qtbot.waitActive(screen)
    qtbot.waitUntil(lambda: pull_over(screen), timeout=10_000)  # the pull at open, off the GUI
    assert screen.offline.banner.isHidden()  # online: no banner

    ctx.backend.api.base_url = "http://127.0.0.1:9"  # the link goes
    qtbot.keyClicks(screen.code, pulled["notice_no"])
    qtbot.keyClick(screen.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not screen.busy, timeout=10_000)  # the center asked, in vain
    banner = screen.offline.banner
    assert banner.isVisible() and banner.text().startswith("OFFLINE — cash only")
    assert "(10 blank forms left)" in banner.text()
    assert screen.total.text() == "¥35.50" and screen.focusWidget() is screen.received

    screen.activateWindow()  # its mnemonics need it active, as on a screen
    qtbot.waitUntil(screen.isActiveWindow, timeout=2000)
    qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_2, ALT)  # a bank card: needs the link
    qtbot.waitUntil(lambda: screen.method() == "card", timeout=2000)  # an animated click
    qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_Return, CTRL)
    assert screen.message.text() == (
        "Card and QR payments need the fiscal platform: take cash, or wait for the link."
    )
    assert printed == []
    qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_1, ALT)
    qtbot.waitUntil(lambda: screen.method() == "cash", timeout=2000)
    screen.received.setFocus()
    screen.received.selectAll()
    qtbot.keyClicks(screen.received, "50")
    qtbot.keyClick(screen.received, Qt.Key.Key_Return, CTRL)
    assert screen.change.text() == "14.50", screen.message.text()
    assert screen.message.text().startswith("Paid. Receipt number 00000001.")
    assert "Paper receipt; sent to the center when the link is back." in screen.message.text()
    assert [d.kind for d in printed] == ["fiscal_receipt"]
    assert "1 payment(s) waiting to be sent" in banner.text()

    # A notice the desk never pulled: its number, then the item and amount on the paper.
    unseen = fees_api.notice_body(GA_009)
    qtbot.keyClicks(screen.code, unseen["notice_no"])
    qtbot.keyClick(screen.code, Qt.Key.Key_Return)
    assert screen.offline.entry.isVisible() and screen.focusWidget() is screen.offline.item
    qtbot.keyClicks(screen.offline.item, "DEMO-GA-009")
    qtbot.keyClick(screen.offline.item, Qt.Key.Key_Return)
    qtbot.keyClicks(screen.offline.amount, "100")
    qtbot.keyClick(screen.offline.amount, Qt.Key.Key_Return)
    assert screen.message.text() == (
        "The amount is not the item's fee standard in the catalog; take it when the link is back."
    )
    screen.offline.amount.clear()
    qtbot.keyClicks(screen.offline.amount, "110")
    qtbot.keyClick(screen.offline.amount, Qt.Key.Key_Return)
    assert screen.total.text() == "¥110.00" and screen.total_words.text() == "壹佰壹拾元整"
    assert "marked to confirm" in screen.message.text()
    qtbot.keyClick(screen.received, Qt.Key.Key_Return, CTRL)
    assert screen.message.text().startswith("Paid. Receipt number 00000002.")
    assert "2 payment(s) waiting to be sent" in banner.text()

    qtbot.keyClick(screen.code, Qt.Key.Key_F5)  # still down
    qtbot.waitUntil(lambda: pull_over(screen), timeout=10_000)
    assert banner.text().startswith("OFFLINE")
    # The link is back: F5 pulls and sends; the notice not at the center yet waits for it.
    ctx.backend.api.base_url = records_service.base_url
    qtbot.keyClick(screen.code, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: pull_over(screen), timeout=10_000)
    assert banner.text() == "1 paper payment(s) taken offline are still being sent."
    fees_api.issued(records_service, clerk, unseen)
    qtbot.keyClick(screen.code, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: pull_over(screen), timeout=10_000)
    assert banner.isHidden()
    paid = records_service.sql(
        "SELECT notice_no FROM payments WHERE notice_no IN (:a, :b) ORDER BY notice_no",
        a=pulled["notice_no"],
        b=unseen["notice_no"],
    )
    assert paid == sorted([(pulled["notice_no"],), (unseen["notice_no"],)])
