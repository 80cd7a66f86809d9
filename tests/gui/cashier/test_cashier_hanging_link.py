"""The cashier screen stays responsive while the records service swallows requests (issue
17): a paper payment waits in the outbox; the link turns into a black hole (connections
accepted, no answer, the worst a dropped link does); the desk opens the cashier screen at
once, and while the screen's pull and the sync worker's send hang, the GUI thread goes on
processing events — a timer ticks, the cashier types, F5 returns at once. When the link
answers again, the desk's sync worker sends the waiting payment and the banner clears."""

from __future__ import annotations

import time
import uuid

from PySide6.QtCore import Qt, QTimer

from clerk_app.app import cashier, cashier_offline
from clerk_app.app.catalog import load_catalog
from clerk_app.app.session import sign_in
from clerk_app.gui.cashier import CashierScreen
from tests.helpers import fees_api
from tests.helpers.cashier_desk import pulled
from tests.helpers.offline import clock, fault_proxy, make_context  # noqa: F401 - fixtures
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.service_api import token_for

#: The GUI thread answers within this (seconds); the hung calls last until released.
PROMPT = 1.5


def test_screen_answers_while_the_service_hangs_and_the_worker_sends_later(
    qtbot,
    records_service,
    fault_proxy,  # noqa: F811
    make_context,  # noqa: F811
    cashier_desks,
) -> None:
    admin = token_for(records_service, "demo-admin", window_code=None)
    stock = {"id": str(uuid.uuid4()), "code": f"{uuid.uuid4().int % 10**8:08d}"}
    stock.update(first=1, last=10, cashier="demo-cashier")
    assert fees_api.write(records_service, "/receipt-ranges", admin, stock).status_code == 201
    notice = fees_api.issued(records_service, fees_api.clerk(records_service))
    ctx = make_context(fault_proxy.base_url, home="s01", window_code="S01")
    session = sign_in(ctx, "demo-cashier", DEMO_PASSWORD)
    load_catalog(ctx, session)
    cashier_offline.pull_offline_data(ctx, session, cashier.today(ctx))
    fault_proxy.set_faults("drop")  # cash on paper with the link down: one payment waits
    found = cashier_offline.find_offline(ctx, notice["notice_no"])
    assert found is not None
    cashier_offline.take_cash_offline(ctx, session, found, 5000)
    assert cashier_offline.waiting_count(ctx, session) == 1

    fault_proxy.set_faults("blackhole")
    desk = cashier_desks(ctx)
    started = time.monotonic()
    screen = desk.open_desk(session)
    assert time.monotonic() - started < PROMPT  # no call to the service on the GUI thread
    assert isinstance(screen, CashierScreen) and desk.sync is not None
    qtbot.waitActive(screen)
    # The screen's pull and the worker's send are both held by the black hole now.
    qtbot.waitUntil(lambda: fault_proxy.counts["blackhole"] >= 2, timeout=10_000)
    assert screen.offline.pulling

    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    started = time.monotonic()
    timer.start(20)
    qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=int(PROMPT * 1000))
    timer.stop()
    qtbot.keyClicks(screen.code, "JK-W01")
    assert screen.code.text() == "JK-W01"
    screen.code.clear()
    qtbot.keyClick(screen.code, Qt.Key.Key_F5)  # tried again once the pull under way ends
    assert time.monotonic() - started < PROMPT * 2
    assert screen.offline.pulling  # all this while the pull was held by the black hole
    assert cashier_offline.waiting_count(ctx, session) == 1  # still held, nothing lost

    # The link answers again: the held calls fail at once, F5's pull gets through, and the
    # desk's sync worker sends the payment.
    fault_proxy.set_faults("pass")
    qtbot.waitUntil(lambda: cashier_offline.waiting_count(ctx, session) == 0, timeout=20_000)
    qtbot.waitUntil(lambda: pulled(screen) and screen.offline.banner.isHidden(), timeout=20_000)
    paid = records_service.sql(
        "SELECT count(*) FROM payments WHERE notice_no = :n", n=notice["notice_no"]
    )
    assert paid == [(1,)]
