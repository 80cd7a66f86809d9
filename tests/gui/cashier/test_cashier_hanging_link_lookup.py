"""Enter at the cashier screen on a black-holed link (issue 17): the look-up of a payment
code goes to the service off the GUI thread, so while the link swallows the request (the
connection accepted, no answer, until the 15 s read timeout) the screen goes on: it says
it waits for the records service, a timer ticks, the cashier types, a second Enter and F9
do nothing. When the held request fails, the screen goes offline and finds the notice in
what it pulled when it opened, ready for cash."""

from __future__ import annotations

import time
import uuid

from PySide6.QtCore import Qt, QTimer

from clerk_app.app.catalog import load_catalog
from clerk_app.app.session import sign_in
from clerk_app.gui.cashier import CashierScreen
from tests.helpers import fees_api
from tests.helpers.cashier_desk import answered, pulled
from tests.helpers.offline import clock, fault_proxy, make_context  # noqa: F401 - fixtures
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.service_api import token_for

#: The GUI thread answers within this (seconds); the held look-up lasts until released.
PROMPT = 1.5


def test_enter_on_a_black_holed_link_leaves_the_screen_responsive(
    qtbot,
    records_service,
    fault_proxy,  # noqa: F811
    make_context,  # noqa: F811
) -> None:
    admin = token_for(records_service, "demo-admin", window_code=None)
    stock = {"id": str(uuid.uuid4()), "code": f"{uuid.uuid4().int % 10**8:08d}"}
    stock.update(first=1, last=10, cashier="demo-cashier")
    assert fees_api.write(records_service, "/receipt-ranges", admin, stock).status_code == 201
    notice = fees_api.issued(records_service, fees_api.clerk(records_service))
    ctx = make_context(fault_proxy.base_url, home="s01", window_code="S01")
    session = sign_in(ctx, "demo-cashier", DEMO_PASSWORD)
    load_catalog(ctx, session)
    screen = CashierScreen(ctx, session)
    qtbot.addWidget(screen)
    screen.printer = lambda _document: None
    screen.show()
    qtbot.waitActive(screen)
    qtbot.waitUntil(lambda: pulled(screen), timeout=10_000)  # the unpaid notices are here
    assert screen.offline.banner.isHidden()

    fault_proxy.set_faults("blackhole")
    qtbot.keyClicks(screen.code, notice["notice_no"])
    started = time.monotonic()
    qtbot.keyClick(screen.code, Qt.Key.Key_Return)
    assert time.monotonic() - started < PROMPT  # no call to the service on the GUI thread
    qtbot.waitUntil(lambda: fault_proxy.counts["blackhole"] >= 1, timeout=10_000)
    assert screen.busy and screen.working.isVisible()
    assert screen.working.text() == "Waiting for the records service…"

    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    started = time.monotonic()
    timer.start(20)
    qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=int(PROMPT * 1000))
    timer.stop()
    qtbot.keyClick(screen.code, Qt.Key.Key_Return)  # again: nothing more is asked
    qtbot.keyClick(screen.code, Qt.Key.Key_F9)
    qtbot.keyClicks(screen.reference, "typed meanwhile")
    assert screen.reference.text() == "typed meanwhile"
    assert time.monotonic() - started < PROMPT * 2
    assert screen.busy and fault_proxy.counts["blackhole"] == 1 and screen.day.text() == ""
    screen.reference.clear()

    # The held request fails: offline, the notice comes from what the screen pulled.
    fault_proxy.set_faults("drop")
    qtbot.waitUntil(lambda: answered(screen), timeout=20_000)
    assert screen.working.isHidden()
    assert screen.offline.banner.text().startswith("OFFLINE — cash only")
    assert screen.total.text() == "¥35.50" and screen.focusWidget() is screen.received
