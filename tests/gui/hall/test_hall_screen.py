"""The hall's big screen against a real records service: today's cases masked, pages that
turn, totals that match the service, the last data kept and marked when the link drops, and
only a display account gets it."""

from __future__ import annotations

import requests
from PySide6.QtWidgets import QLabel

from clerk_app.app.session import sign_in
from clerk_app.core.records import Board
from clerk_app.gui.app import Desk
from clerk_app.gui.hall import HallScreen, hall_name, is_hall_account, open_hall_screen
from clerk_app.gui.main_window import MainWindow
from tests.helpers.hall_service_data import (
    TIMEOUT,
    VALID_ID,
    auth,
    service_now,
    take_in,
    token_for,
)
from tests.helpers.service import DEMO_PASSWORD

NAMES = ["张小三", "王五", "李四", "赵六", "钱七", "孙小八", "周九", "吴十", "郑十一", "冯二",
         "陈一"]  # fmt: skip
GROUPS = ["受理", "在办", "待办", "办结", "办结", "受理", "在办", "办结", "受理", "待办", "受理"]


def _screen_texts(screen: HallScreen) -> str:
    return "\n".join(label.text() for label in screen.findChildren(QLabel))


def test_hall_screen_shows_todays_cases_masked_with_rotating_pages_and_true_totals(
    qtbot, records_service, make_context, language, screenshots
):
    language("zh_CN")
    display_token = token_for(records_service, "demo-display", window_code=None)
    clerk_token = token_for(records_service, "demo-clerk")
    now = service_now(records_service, display_token)
    taken = [
        take_in(records_service, clerk_token, now, seq, name, group)
        for seq, (name, group) in enumerate(zip(NAMES, GROUPS, strict=True), start=1)
    ]

    context = make_context(records_service.base_url, hall__rows_per_page=8)
    session = sign_in(context, "demo-display", DEMO_PASSWORD)
    assert is_hall_account(session)
    screen = open_hall_screen(context, session, show=False)
    qtbot.addWidget(screen)
    screen.resize(1920, 1080)
    screen.show()
    with qtbot.waitSignal(screen.refreshed, timeout=30_000):
        screen.start()
    screen.stop()  # the test turns the pages and refreshes itself

    # Totals: what the test took in and completed today.
    snap = screen.snapshot
    assert (snap.received, snap.completed) == (11, 3)
    assert "今日受理" in screen.received_label.text() and ">11<" in screen.received_label.text()
    assert ">3<" in screen.completed_label.text()
    assert "27.3%" in screen.rate_label.text()
    assert screen.as_of_label.text() == f"数据截至 {snap.as_of_hhmmss}"

    # Page 1 of 2, then page 2, then page 1 again: together exactly the cases taken in.
    assert screen.page_label.text() == "第 1/2 页"
    first = screen.shown_rows()
    assert len(first) == 8
    path = screenshots / "hall-screen-1920x1080.png"
    assert screen.grab().save(str(path))
    screen.page_timer.timeout.emit()
    assert screen.page_label.text() == "第 2/2 页"
    second = screen.shown_rows()
    assert len(second) == 3
    screen.grab().save(str(screenshots / "hall-screen-page2.png"))
    screen.page_timer.timeout.emit()
    assert screen.shown_rows() == first

    # The service masks a person's name after the first character (张小三 → 张**).
    expected = sorted(
        ("W01", t.name[0] + "*" * (len(t.name) - 1), t.item_name, t.hall_group) for t in taken
    )
    assert sorted(r[:4] for r in first + second) == expected
    # Never a whole name (one that came unmasked would be masked here), never an ID number.
    assert hall_name("张小三") == "张*三" and hall_name("张**") == "张**"
    for _page in range(2):
        texts = _screen_texts(screen)
        assert VALID_ID not in texts and VALID_ID[:6] not in texts
        assert not any(t.name in texts for t in taken)
        screen.next_page()

    # Smaller screens get the same content, scaled.
    screen.resize(1366, 768)
    assert (screen.width(), screen.height()) == (1366, 768)
    assert 0.7 < screen.scale() < 0.72
    assert len(screen.shown_rows()) == 8
    screen.grab().save(str(screenshots / "hall-screen-1366x768.png"))


def test_link_dropped_keeps_the_last_data_marked_as_stale(
    qtbot, records_service, make_context, language, screenshots, clock
):
    language("zh_CN")
    display_token = token_for(records_service, "demo-display", window_code=None)
    clerk_token = token_for(records_service, "demo-clerk")
    now = service_now(records_service, display_token)
    take_in(records_service, clerk_token, now, 1, "张三", "受理")
    context = make_context(records_service.base_url)
    context.backend.api.timeout = (1.0, 2.0)
    session = sign_in(context, "demo-display", DEMO_PASSWORD)
    screen = open_hall_screen(context, session, show=False)
    qtbot.addWidget(screen)
    screen.resize(1920, 1080)
    screen.show()
    with qtbot.waitSignal(screen.refreshed, timeout=30_000):
        screen.refresh()
    rows = screen.shown_rows()
    assert rows == [("W01", "张*", rows[0][2], "受理", rows[0][4])]
    as_of = screen.snapshot.as_of_hhmmss

    records_service.stop()
    with qtbot.waitSignal(screen.link_lost, timeout=30_000):
        screen.refresh_timer.timeout.emit()
    assert screen.stale
    assert screen.shown_rows() == rows
    assert screen.as_of_label.text() == f"⚠ 连接中断 · 显示 {as_of} 的数据"
    assert "无法连接" in screen.as_of_label.toolTip()
    assert ">1<" in screen.received_label.text()
    screen.grab().save(str(screenshots / "hall-screen-link-down.png"))


def test_only_a_display_account_gets_the_hall_screen_and_it_cannot_read_cases(
    qtbot, records_service, make_context, language
):
    language("zh_CN")
    context = make_context(records_service.base_url)
    clerk = sign_in(context, "demo-clerk", DEMO_PASSWORD)
    display = sign_in(context, "demo-display", DEMO_PASSWORD)
    assert not is_hall_account(clerk) and is_hall_account(display)

    desk = Desk(context)
    try:
        hall = desk.open_desk(display)
        qtbot.addWidget(hall)
        assert isinstance(hall, HallScreen) and desk.window is None
        assert hall.isFullScreen()
        hall.close()
        desk.hall = None
        window = desk.open_desk(clerk)
        qtbot.addWidget(window)
        assert isinstance(window, MainWindow) and desk.hall is None
        qtbot.waitUntil(lambda: desk.catalog is not None or desk.error is not None, timeout=30_000)
    finally:
        if desk.window is not None:
            desk.window.close()
        desk.shutdown()  # quitting signs the clerk out (issue 14): a new token below
    clerk = sign_in(context, "demo-clerk", DEMO_PASSWORD)

    # On the service: the display account reads the board and nothing else of the cases.
    token = display.access_token
    case = take_in(records_service, clerk.access_token, service_now(records_service, token), 1,
                   "张三", "受理")  # fmt: skip
    assert requests.get(records_service.url("/board"), headers=auth(token), timeout=TIMEOUT).ok
    for path in ("/cases", f"/cases/{case.case_no}", "/workload"):
        answer = requests.get(records_service.url(path), headers=auth(token), timeout=TIMEOUT)
        assert answer.status_code == 403, (path, answer.text)
    clerk_board = requests.get(
        records_service.url("/board"), headers=auth(clerk.access_token), timeout=TIMEOUT
    )
    assert clerk_board.status_code == 403

    # When the display's sign-in ends (here: logged out), the screen says so, data kept.
    hall = open_hall_screen(context, display, show=False)
    qtbot.addWidget(hall)
    with qtbot.waitSignal(hall.refreshed, timeout=30_000):
        hall.refresh()
    context.backend.api.logout(token)
    with qtbot.waitSignal(hall.link_lost, timeout=30_000):
        hall.refresh()
    assert hall.signed_out and hall.shown_rows()
    assert hall.as_of_label.text().startswith("⚠ 登录已失效，请重新登录 · 显示 ")


def test_hall_screen_speaks_the_installed_language_and_scales(qtbot, language, clock):
    from clerk_app.gui.hall import BoardSnapshot

    language("en")
    board = Board(as_of=clock.now())
    screen = HallScreen(lambda: board, clock=clock, center_name="示例中心", rows_per_page=8)
    qtbot.addWidget(screen)
    screen.resize(1280, 1024)
    screen.show()
    screen.show_board(BoardSnapshot.from_board(board))
    assert screen.empty_label.isVisible() and screen.empty_label.text() == "No cases yet today"
    assert screen.header_labels[0].text() == "Window"
    assert "—" in screen.rate_label.text()
    language("zh_CN")
    qtbot.waitUntil(lambda: screen.header_labels[0].text() == "窗口")
    assert screen.empty_label.text() == "今日暂无办件"
    assert screen.page_label.text() == "第 1/1 页"
    assert screen.scale() == 1280 / 1920
