"""The dashboard's Queue tab (issue 18) against a real records service in this process: a
Monday morning of the 公安 queue made through the API as the hall makes it — two kiosks
issue tickets, windows W01 and W02 call, recall, mark a no-show, finish, and W02 pauses for
a reason; the shift lead of 公安 opens the tab by keyboard and reads, in Chinese, the
waiting and service times per category and window (average and P90), the abandoned ticket,
the calls per hour, the heat map and the pause — each figure equal to the one worked out
here in plain Python from the times the test used. Then the exports, the Tab order, the
accessibility walk and the English texts."""

from __future__ import annotations

import csv
import math
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clerk_app.app.dashboard import DashboardSource
from clerk_app.core.clock import FixedClock
from clerk_app.gui.dashboard import DashboardWindow
from clerk_app.gui.dashboard.queue_tab import QueueTab
from clerk_app.gui.i18n import install_translations
from clerk_app.remote.api import ApiClient
from tests.helpers.accessibility import nameless_controls
from tests.helpers.local_service import Clock, local_service
from tests.helpers.queue_api import CST, QueueHall

#: Monday 30 November 2026 in Beijing.
DAY = datetime(2026, 11, 30, tzinfo=CST)
NOW = DAY.replace(hour=11)


def at(hhmm: str) -> datetime:
    hours, minutes = hhmm.split(":")
    return DAY.replace(hour=int(hours), minute=int(minutes))


@dataclass
class Ticket:
    number: str
    issued: datetime
    window: str | None = None
    called: datetime | None = None
    finished: datetime | None = None
    status: str = "waiting"


@dataclass
class Morning:
    hall: QueueHall
    tickets: dict[str, Ticket]
    calls: list[datetime]  # first calls only (recalls do not count)
    pause: tuple[str, datetime, datetime, str]


#: (time, what): kiosk issues (category, kiosk), windows call, recall, no-show, finish, pause.
SCRIPT = [
    ("09:00", "issue", "GA", "大厅取号机1"),
    ("09:02", "issue", "GA", "大厅取号机2"),
    ("09:05", "issue", "GA", "大厅取号机1"),
    ("09:06", "next", "W01"),
    ("09:07", "next", "W02"),
    ("09:10", "issue", "ZH", "大厅取号机2"),  # another department's queue: not the lead's
    ("09:15", "finish", "W01"),
    ("09:16", "next", "W01"),
    ("09:17", "recall", "W01"),
    ("09:18", "no-show", "W01"),
    ("09:20", "issue", "GA", "大厅取号机2"),
    ("09:25", "finish", "W02"),
    ("09:26", "pause", "W02"),
    ("09:30", "next", "W01"),
    ("09:40", "resume", "W02"),
    ("09:50", "finish", "W01"),
    ("10:15", "issue", "GA", "大厅取号机1"),
    ("10:20", "next", "W01"),
    ("10:33", "finish", "W01"),
]
PAUSE_REASON = "系统维护，暂停十四分钟"


@pytest.fixture(scope="module")
def morning(tmp_path_factory, records_template_db) -> Iterator[Morning]:
    path = tmp_path_factory.mktemp("queue-tab") / "records.db"
    shutil.copyfile(records_template_db(None), path)
    with local_service(f"sqlite:///{path}", Clock(at("08:30"))) as service:
        hall = QueueHall(service)
        kiosks = {name: hall.enrol("kiosk", name) for name in ("大厅取号机1", "大厅取号机2")}
        for window in ("W01", "W02"):
            hall.desk(window)
        hall.at(at("08:50"))
        tickets: dict[str, Ticket] = {}
        serving: dict[str, str] = {}
        calls: list[datetime] = []
        pause: tuple[str, datetime, datetime, str] | None = None
        paused_at = at("00:00")
        for hhmm, what, *args in SCRIPT:
            hall.at(at(hhmm))
            if what == "issue":
                answer = hall.issued(kiosks[args[1]], args[0])
                number = answer["ticket"]["number"]
                tickets[number] = Ticket(number, at(hhmm))
                continue
            window = args[0]
            if what == "next":
                answer = hall.next(window)
                assert answer.status_code == 200, answer.text
                number = answer.json()["ticket"]["number"]
                ticket = tickets[number]
                ticket.window, ticket.called, ticket.status = window, at(hhmm), "called"
                serving[window] = number
                calls.append(at(hhmm))
            elif what == "pause":
                answer = hall.post(
                    f"/windows/{window}/pause", hall.desk(window), {"reason": PAUSE_REASON}
                )
                assert answer.status_code == 201, answer.text
                paused_at = at(hhmm)
            elif what == "resume":
                answer = hall.post(f"/windows/{window}/resume", hall.desk(window), {})
                assert answer.status_code in (200, 201), answer.text
                pause = (window, paused_at, at(hhmm), PAUSE_REASON)
            else:
                number = serving[window]
                body = {"case_nos": []} if what == "finish" else None
                answer = hall.act(window, number, what, body)
                assert answer.status_code in (200, 201), answer.text
                if what == "finish":
                    tickets[number].finished, tickets[number].status = at(hhmm), "done"
                elif what == "no-show":
                    tickets[number].status = "no_show"
        hall.at(NOW)
        assert pause is not None
        yield Morning(hall, tickets, calls, pause)


@pytest.fixture
def chinese(qm_dir):
    install_translations("zh_CN", qm_dir)
    yield
    install_translations("en", qm_dir)


# -- the figures in plain Python ---------------------------------------------------------


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[math.ceil(0.9 * len(ordered)) - 1]


def shown(values: list[float]) -> tuple[str, str]:
    """Average and nearest-rank P90 of seconds, as minutes with one decimal."""
    if not values:
        return "—", "—"
    return f"{round(sum(values) / len(values) / 60, 1):.1f}", f"{round(p90(values) / 60, 1):.1f}"


def expected_row(tickets: list[Ticket]) -> list[str]:
    waits = [(t.called - t.issued).total_seconds() for t in tickets if t.called]
    services = [
        (t.finished - t.called).total_seconds()
        for t in tickets
        if t.status == "done" and t.finished and t.called
    ]
    counts = [
        len(tickets),
        sum(1 for t in tickets if t.called),
        sum(1 for t in tickets if t.status == "done"),
        sum(1 for t in tickets if t.status == "no_show"),
        0,
    ]
    return [str(n) for n in counts] + [*shown(waits), *shown(services)]


def open_dashboard(qtbot, morning: Morning) -> DashboardWindow:
    service = morning.hall.service
    window = DashboardWindow(
        DashboardSource(ApiClient(service.base_url), service.token("demo-lead", None)),
        FixedClock(NOW),
        user_name="演示值班长",
        department="公安",
        auto_refresh_ms=0,
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10_000)
    with qtbot.waitSignal(window.queue.refreshed, timeout=30_000) as done:
        qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert done.args == [True], window.queue.last_error
    assert window.tabs.currentWidget() is window.queue
    return window


def test_the_lead_reads_the_mornings_queue_figures(qtbot, morning, chinese, tmp_path) -> None:
    window = open_dashboard(qtbot, morning)
    tab: QueueTab = window.queue
    assert window.tabs.tabText(4) == "排队"
    gongan = [t for t in morning.tickets.values() if t.number.startswith("B")]
    assert len(gongan) == 5 and len(morning.tickets) == 6

    rows = {(r[0], r[1]): r for r in QueueTab.texts(tab.times_model)}
    category = rows[("业务类别", "公安业务")]
    assert category[2:] == expected_row(gongan)
    assert category[5] == "1"  # B003 called, recalled, not come: abandoned
    for code in ("W01", "W02"):
        (row,) = [r for key, r in rows.items() if key[0] == "窗口" and key[1].startswith(code)]
        assert row[2:] == expected_row([t for t in gongan if t.window == code])
    assert rows[("合计", "全部号票")][2:] == expected_row(gongan)  # A001 is not 公安's
    assert not any("综合业务" in key[1] for key in rows)

    # First calls per hour (W01's recall of B003 is not a call).
    calls = dict((r[0][:5], r[1]) for r in QueueTab.texts(tab.calls_model))
    for hour in range(8, 18):
        count = sum(1 for c in morning.calls if c.hour == hour)
        assert calls[f"{hour:02d}:00"] == str(count)
    assert calls["09:00"] == "4" and calls["10:00"] == "1"

    # The heat map: tickets issued per weekday and hour, Monday's cells shaded by load.
    heat = QueueTab.texts(tab.heat_model)
    headers = QueueTab._headers(tab.heat_model)
    assert [r[0] for r in heat] == ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
    for hour in range(8, 18):
        issued = sum(1 for t in gongan if t.issued.hour == hour)
        assert heat[0][headers.index(f"{hour:02d}")] == str(issued)
        assert all(row[headers.index(f"{hour:02d}")] == "0" for row in heat[1:])
    nine, ten = headers.index("09"), headers.index("10")
    shade = [tab.heat_model.item(0, c).background().color().lightness() for c in (nine, ten, 1)]
    assert shade[0] < shade[1] < shade[2]  # the busiest hour darkest; an empty one white

    (pause,) = QueueTab.texts(tab.pauses_model)
    code, began, ended, reason = morning.pause
    minutes = (ended - began).total_seconds() / 60
    assert pause == [code, "09:26", "09:40", f"{minutes:.1f}", reason, pause[5]]
    assert pause[5]  # who paused it
    wait_avg, wait_p90 = shown([(t.called - t.issued).total_seconds() for t in gongan if t.called])
    assert tab.summary.text() == (
        "共 5 张号票，已叫号 5 张，办结 4 张，过号 1 张；"
        f"平均等候 {wait_avg} 分钟（P90 {wait_p90} 分钟）。"
    )

    # Exports: the same texts (CSV) and numbers (XLSX), every section.
    written = window.export_csv(tmp_path / "queue.csv")
    assert written == tmp_path / "queue.csv"
    with open(written, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == ["排队叫号统计，2026-11-30 至 2026-11-30 的号票"]
    assert category in lines and pause in lines and heat[0] in lines
    book = load_workbook(window.export_xlsx(tmp_path / "queue.xlsx"))
    assert len(book.sheetnames) == 4
    sheet = book[book.sheetnames[0]]
    values = {(r[0], r[1]): r for r in sheet.iter_rows(min_row=3, values_only=True)}
    xlsx_category = values[("业务类别", "公安业务")]
    assert xlsx_category[2] == 5 and f"{xlsx_category[7]:.1f}" == category[7]


def test_the_queue_tab_by_keyboard_for_a_screen_reader_and_in_english(
    qtbot, morning, chinese, qm_dir
) -> None:
    window = open_dashboard(qtbot, morning)
    tab = window.queue
    assert nameless_controls(tab) == []
    tab.from_edit.setFocus()
    reached = set()
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget())
    for widget in (
        tab.to_edit,
        tab.refresh_button,
        tab.times_table,
        tab.calls_table,
        tab.heat_table,
        tab.pauses_table,
    ):
        assert widget in reached, widget.objectName()
    with qtbot.waitSignal(tab.refreshed, timeout=30_000) as done:
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert done.args == [True]

    install_translations("en", qm_dir)
    qtbot.waitUntil(lambda: window.tabs.tabText(4) == "Queue", timeout=5_000)
    assert QueueTab._headers(tab.heat_model)[0] == "Weekday"
    assert QueueTab.texts(tab.heat_model)[0][0] == "Mon"
    assert tab.heat_table.accessibleName() == "Hall load: tickets issued by weekday and hour"
    assert tab.summary.text().startswith("5 tickets, 5 called, 4 served, 1 abandoned")
    assert nameless_controls(tab) == []
