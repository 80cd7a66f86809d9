"""The 12345 tab of the supervisor's screen (issue 19), keyboard only, against the real
records service on a clock the test moves: a stand-in hotline client (written against the
documented API, its integration credential) dispatches two work orders on Monday 09:30;
the supervisor sees them with their sign deadlines and the time left, the caller and the
mobile number in the content masked; signs one (Alt+S) and assigns it to GA (Alt+A),
returns the other (Alt+R) with a reason (first without: said in words), extends the first
(Alt+E; a deadline in the past refused in words); a second signing refused in words. On
Wednesday the extended deadline has passed: the order comes first in red, "Answer overdue".
The hotline's pull sees the signed-and-assigned, extended order and the returned one. The
tab calls the service off the GUI thread: each step waits for its answer."""

from __future__ import annotations

import os
import time
from datetime import datetime

from PySide6.QtCore import Qt

from clerk_app.app.session import sign_in
from clerk_app.gui.app import Desk
from clerk_app.gui.supervision import SupervisionScreen
from clerk_app.gui.supervision_hotline import LATE_RED
from tests.helpers.hall_queue import CST, MONDAY
from tests.helpers.hotline_client import enrol_hotline
from tests.helpers.keyboard import CTRL, press, target, type_keys
from tests.helpers.service import DEMO_PASSWORD

ALT = Qt.KeyboardModifier.AltModifier
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=CST)


def _set_clock(path, moment: datetime) -> None:
    path.write_text(moment.isoformat())
    stamp = time.time_ns()
    os.utime(path, ns=(stamp, stamp))


def _tab_to(qtbot, screen, widget, limit: int = 12) -> None:
    for _ in range(limit):
        if target(screen) is widget:
            return
        press(qtbot, screen, Qt.Key.Key_Tab)
    assert target(screen) is widget, target(screen)


def act(qtbot, screen, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key of the 12345 tab, then wait for its call to the service (run off the GUI
    thread) and the list's reload."""
    press(qtbot, screen, key, modifier)
    qtbot.waitUntil(lambda: not screen.hotline.busy, timeout=10_000)


def _open(qtbot, context) -> tuple[Desk, SupervisionScreen]:
    desk = Desk(context)
    screen = desk.open_desk(sign_in(context, "demo-supervisor", DEMO_PASSWORD))
    assert isinstance(screen, SupervisionScreen)
    qtbot.addWidget(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow, timeout=2000)
    qtbot.waitUntil(lambda: not screen.working(), timeout=10_000)  # the lists loaded
    return desk, screen


def _row(screen, r: int) -> list[str]:
    table = screen.hotline.table
    return [table.item(r, c).text() for c in range(table.columnCount())]


def test_work_orders_signed_assigned_returned_and_extended_by_keyboard(
    qtbot, service_factory, make_context, clock, tmp_path
) -> None:
    now = tmp_path / "service-now"
    _set_clock(now, MONDAY)
    service = service_factory(clock=now)
    clock.set(MONDAY)
    hotline = enrol_hotline(service)
    hotline.dispatch(
        "RX-101",
        "help",
        title="路灯不亮",
        content="小区门口路灯连续三晚不亮，联系电话13912345678。",
        sign_within=(1, "hours"),
        answer_within=(4, "hours"),
    )
    hotline.dispatch("RX-102", "consultation", title="社保卡补办", sign_within=(2, "hours"))
    hotline.pull()  # the hotline's cursor: everything after this is the center's doing

    context = make_context(service.base_url, home="supervisor-hotline")
    desk, screen = _open(qtbot, context)
    tab = screen.hotline
    try:
        press(qtbot, screen, Qt.Key.Key_4, CTRL)
        assert target(screen) is tab.table
        assert [o.no for o in tab.items] == ["RX-101", "RX-102"]  # the nearest sign deadline
        first = _row(screen, 0)
        assert first[:4] == ["RX-101", "Request for help", "路灯不亮", "Received: to sign"]
        assert (first[5], first[6]) == ("11-30 10:30", "1 h 0 min left to sign")
        assert _row(screen, 1)[6] == "2 h 0 min left to sign"
        assert "139****5678" in tab.detail.text() and "13912345678" not in tab.detail.text()
        assert "李四" not in tab.detail.text()  # the caller as the service masks them

        act(qtbot, screen, Qt.Key.Key_S, ALT)
        assert screen.message.text() == "Work order RX-101 signed for.", screen.message.text()
        act(qtbot, screen, Qt.Key.Key_S, ALT)  # signed already
        assert screen.message.text() == "The work order is not at a step where this is done."
        act(qtbot, screen, Qt.Key.Key_A, ALT)  # no department typed: nothing sent
        assert screen.message.text() == "Check the department: it is missing or unknown."
        _tab_to(qtbot, screen, tab.department)
        type_keys(qtbot, screen, "ga")
        act(qtbot, screen, Qt.Key.Key_A, ALT)
        assert screen.message.text() == "Work order RX-101 assigned.", screen.message.text()
        assert tab.selected is not None and tab.selected.no == "RX-101"
        # RX-102's sign deadline (11:30) comes before RX-101's answer deadline (13:30).
        assert [o.no for o in tab.items] == ["RX-102", "RX-101"]
        assert _row(screen, 1)[3:7] == ["Assigned", "GA", "11-30 13:30", "4 h 0 min left to answer"]

        # RX-102 is not the center's: returned, first without a reason.
        tab.table.setFocus()
        press(qtbot, screen, Qt.Key.Key_Up)
        assert tab.selected is not None and tab.selected.no == "RX-102"
        act(qtbot, screen, Qt.Key.Key_R, ALT)
        assert screen.message.text() == "Check the reason: it is missing or unknown."
        _tab_to(qtbot, screen, tab.reason)
        type_keys(qtbot, screen, "Social security cards are issued by the district office.")
        act(qtbot, screen, Qt.Key.Key_R, ALT)
        assert screen.message.text() == "Work order RX-102 returned to the hotline."
        assert [o.no for o in tab.items] == ["RX-101"]  # a returned order is finished

        # RX-101 extended: a deadline in the past refused, then Tuesday 18:00.
        _tab_to(qtbot, screen, tab.reason)
        type_keys(qtbot, screen, "The street lights are the power company's; waiting for it.")
        _tab_to(qtbot, screen, tab.deadline)
        type_keys(qtbot, screen, "2026-11-30 08:00")
        act(qtbot, screen, Qt.Key.Key_E, ALT)
        assert screen.message.text() == (
            "Check the new deadline (a later YYYY-MM-DD HH:MM): it is missing or unknown."
        )
        tab.deadline.clear()
        type_keys(qtbot, screen, "2026-12-01 18:00")
        act(qtbot, screen, Qt.Key.Key_E, ALT)
        assert screen.message.text() == "Work order RX-101 extended.", screen.message.text()
        assert _row(screen, 0)[3:6] == ["Extended", "GA", "12-01 18:00"]
        assert "Extended to 12-01 18:00" in tab.detail.text()
        assert tab.table.item(0, 0).foreground().color() != LATE_RED
    finally:
        desk.shutdown()
        screen.close()

    # Wednesday: the extended deadline has passed, nothing answered.
    _set_clock(now, WEDNESDAY)
    clock.set(WEDNESDAY)
    desk, screen = _open(qtbot, context)
    tab = screen.hotline
    try:
        press(qtbot, screen, Qt.Key.Key_4, CTRL)
        assert [o.no for o in tab.items] == ["RX-101"]
        assert _row(screen, 0)[6] == "Answer overdue 16 h 0 min"
        assert tab.table.item(0, 0).foreground().color() == LATE_RED
    finally:
        desk.shutdown()
        screen.close()

    # The hotline's pull sees what the center did.
    changed = {o["no"]: o for o in hotline.pull()}
    assert set(changed) == {"RX-101", "RX-102"}
    assert changed["RX-101"]["status"] == "extended"
    assert changed["RX-101"]["department_code"] == "GA"
    assert changed["RX-101"]["signed_at"] is not None
    assert changed["RX-101"]["extension"]["answer_due_at"].startswith("2026-12-01T")
    assert changed["RX-102"]["status"] == "returned"
    assert changed["RX-102"]["return_reason"] == (
        "Social security cards are issued by the district office."
    )

    # The hotline sends the returned RX-102 back (重办): it is the center's after all. The
    # supervisor reads why, the caller's number in it masked.
    sent_back = hotline.send_back("RX-102", "区社保分中心已并入本中心，来电人13912345678")
    assert sent_back.status_code == 200, sent_back.text
    desk, screen = _open(qtbot, context)
    tab = screen.hotline
    try:
        press(qtbot, screen, Qt.Key.Key_4, CTRL)
        row = [o.no for o in tab.items].index("RX-102")
        tab.table.setFocus()
        press(qtbot, screen, Qt.Key.Key_Home)
        for _ in range(row):
            press(qtbot, screen, Qt.Key.Key_Down)
        assert _row(screen, row)[3] == "Sent back: redo"
        shown = tab.detail.text()
        assert "Sent back by the hotline to be redone: 区社保分中心已并入本中心" in shown
        assert "139****5678" in shown and "13912345678" not in shown
    finally:
        desk.shutdown()
        screen.close()
