"""The daily close (F10, 日结) waits for the day's paper payments (issue 17): cash taken on
paper with the link down is not at the center yet when the link is back; Ctrl+Enter in the
close dialog says so plainly and closes nothing; after F5 has sent it, the day closes."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt

from clerk_app.app import cashier, cashier_close
from clerk_app.app.catalog import load_catalog
from clerk_app.app.session import sign_in
from clerk_app.documents import RenderedDocument
from clerk_app.gui.cashier import CashierScreen
from tests.helpers import fees_api
from tests.helpers.cashier_desk import pulled
from tests.helpers.offline import clock, make_context  # noqa: F401 - fixtures
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.service_api import token_for

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_close_is_refused_in_words_until_the_paper_payments_are_sent(
    qtbot,
    records_service,
    make_context,  # noqa: F811
) -> None:
    admin = token_for(records_service, "demo-admin", window_code=None)
    stock = {"id": str(uuid.uuid4()), "code": f"{uuid.uuid4().int % 10**8:08d}"}
    stock.update(first=1, last=10, cashier="demo-cashier")
    assert fees_api.write(records_service, "/receipt-ranges", admin, stock).status_code == 201
    notice = fees_api.issued(records_service, fees_api.clerk(records_service))
    ctx = make_context(records_service.base_url, home="s01", window_code="S01")
    session = sign_in(ctx, "demo-cashier", DEMO_PASSWORD)
    load_catalog(ctx, session)
    screen = CashierScreen(ctx, session)
    qtbot.addWidget(screen)
    printed: list[RenderedDocument] = []
    screen.printer = printed.append
    screen.show()
    qtbot.waitActive(screen)
    qtbot.waitUntil(lambda: pulled(screen), timeout=10_000)

    ctx.backend.api.base_url = "http://127.0.0.1:9"  # the link goes: cash on paper
    qtbot.keyClicks(screen.code, notice["notice_no"])
    qtbot.keyClick(screen.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not screen.busy, timeout=10_000)  # the center asked, in vain
    qtbot.keyClick(screen.received, Qt.Key.Key_Return, CTRL)
    assert screen.message.text().startswith("Paid. Receipt number 00000001."), screen.message.text()
    ctx.backend.api.base_url = records_service.base_url  # back; nothing sent yet

    qtbot.keyClick(screen.code, Qt.Key.Key_F10)
    dialog = screen.close_dialog
    qtbot.waitUntil(lambda: dialog.sheet is not None, timeout=10_000)  # read in the background
    qtbot.keyClicks(dialog.counted, "35.50")
    qtbot.keyClicks(dialog.deposit, "DEP-17")
    qtbot.keyClick(dialog.deposit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.busy.running, timeout=10_000)
    assert dialog.message.text() == (
        "Paper payments of this day taken offline have not reached the center yet: the day "
        "cannot be closed before they do. Press F5 at the cashier screen once the link is "
        "back, then close the day."
    )
    day = cashier.today(ctx)
    assert not cashier_close.day_sheet(ctx, session, day).closed

    qtbot.keyClick(screen.code, Qt.Key.Key_F5)  # sends what waits
    qtbot.waitUntil(lambda: pulled(screen) and screen.offline.banner.isHidden(), timeout=10_000)
    qtbot.keyClick(dialog.deposit, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.busy.running, timeout=10_000)
    assert dialog.message.text().startswith("The day is closed."), dialog.message.text()
    assert cashier_close.day_sheet(ctx, session, day).closed
    dialog.close()
