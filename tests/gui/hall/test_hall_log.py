"""A failed refresh of the hall screen writes one line with the reason to the log, not the
chained tracebacks of the connection error (issue 15)."""

from __future__ import annotations

import logging

from clerk_app.app.session import sign_in
from clerk_app.gui.hall import open_hall_screen
from tests.helpers.service import DEMO_PASSWORD


def test_a_failed_refresh_logs_one_line_with_the_reason(
    qtbot, records_service, make_context, language, caplog
):
    language("zh_CN")
    context = make_context(records_service.base_url)
    context.backend.api.timeout = (1.0, 2.0)
    session = sign_in(context, "demo-display", DEMO_PASSWORD)
    screen = open_hall_screen(context, session, show=False)
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.waitSignal(screen.refreshed, timeout=30_000):
        screen.refresh()

    records_service.stop()
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="clerk"):
        for _ in range(2):
            with qtbot.waitSignal(screen.link_lost, timeout=30_000):
                screen.refresh_timer.timeout.emit()
    assert screen.stale
    records = [
        r for r in caplog.records if r.levelno >= logging.WARNING and r.name.startswith("clerk")
    ]
    assert len(records) == 2, [r.getMessage() for r in records]  # one line per failed refresh
    for record in caplog.records:  # urllib3's own retry note included: no traceback anywhere
        assert record.exc_info is None and record.exc_text is None
        assert "\n" not in record.getMessage()
    for record in records:
        message = record.getMessage()
        assert message.startswith("hall screen: board not refreshed: ")
        assert len(message) > len("hall screen: board not refreshed: ") + 5  # says why
