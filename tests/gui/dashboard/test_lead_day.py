"""A shift lead's morning on the demo data (issue 15), keyboard only, in Chinese.

The demo database with its month of history (``load_demo(history=True)``'s cases at W01
and W03, dated from :data:`NOW`) is served by a real records service on 127.0.0.1 with its
clock at :data:`NOW`; the lead of 市公安局 (W01, W02) opens the dashboard.
"""

from __future__ import annotations

import re
import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from clerk_app.app.dashboard import DashboardSource
from clerk_app.core.clock import FixedClock
from clerk_app.gui.dashboard import DashboardWindow, charts
from clerk_app.gui.dashboard.models import snapshot
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.intake_texts import refusal_reason_names
from clerk_app.gui.shortcuts import ShortcutsDialog
from clerk_app.remote.api import ApiClient
from records_service.db import Database
from records_service.demo_history import REFUSAL_REASON_CODES, load_history
from tests.helpers.local_service import Clock, LocalService, local_service
from tests.helpers.service import DEMO_PASSWORD

#: Friday 27 November 2026, 10:00 in Beijing.
NOW = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(scope="module")
def demo_service(tmp_path_factory, records_template_db) -> Iterator[LocalService]:
    path = tmp_path_factory.mktemp("lead-day") / "records.db"
    shutil.copyfile(records_template_db(None), path)
    database = Database(f"sqlite:///{path}")
    try:
        with database.write() as session:
            assert load_history(session, database.center_code, NOW) > 50
    finally:
        database.dispose()
    with local_service(f"sqlite:///{path}", Clock(NOW)) as service:
        yield service


@pytest.fixture
def chinese(qm_dir):
    install_translations("zh_CN", qm_dir)
    yield
    install_translations("en", qm_dir)


def _open(qtbot, service: LocalService) -> DashboardWindow:
    token = service.token("demo-lead", window_code=None)
    window = DashboardWindow(
        DashboardSource(ApiClient(service.base_url), token),
        FixedClock(NOW),
        user_name="演示值班长",
        department="市公安局",
        auto_refresh_ms=0,
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10_000)
    return window


def _key(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.focusWidget() or window, key, modifier)


def test_the_lead_reads_the_demo_month_in_chinese(qtbot, demo_service, chinese) -> None:
    window = _open(qtbot, demo_service)
    month = (NOW.date().replace(day=1), NOW.date())
    _key(qtbot, window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # this month
    qtbot.waitUntil(
        lambda: window.workload.shown_period == month and not window.workload.busy,
        timeout=20_000,
    )
    assert window.workload.last_error is None
    table = snapshot(window.workload.proxy)
    rows = {r[0]: dict(zip(table.headers, r, strict=True)) for r in table.text}
    # W02 took no case this month: listed, with zeros
    w02 = rows["W02"]
    assert "出入境业务窗口" in w02.values()
    assert w02[table.headers[3]] == "0"  # received
    w01 = rows["W01"]
    numbers = [int(v) for v in w01.values() if v.isdigit()]
    assert max(numbers) > 5  # the demo month shows
    refusals = " ".join(r[-3] for r in table.text)  # the refusal reasons column
    assert refusals and not any(code in refusals for code in REFUSAL_REASON_CODES)
    words = dict(refusal_reason_names())  # the desk's list of reasons, in Chinese
    assert any(words[code] in refusals for code in REFUSAL_REASON_CODES)
    assert not re.search("[A-Za-z]", refusals)
    # the volume chart counts in whole numbers: no label repeats
    volume = window.workload.volume_view.chart()
    y = next(a for a in volume.axes(Qt.Orientation.Vertical))
    assert y.tickInterval() == int(y.tickInterval()) >= 1 and y.min() == 0
    assert (y.max() / y.tickInterval()).is_integer()
    # the trend's last day is labelled, with room for the label right of the plot
    trend = window.workload.trend_view.chart()
    x = next(a for a in trend.axes(Qt.Orientation.Horizontal))
    labels = x.categoriesLabels()
    assert labels[-1] == "11-27"  # the last day always, and no label crowding it
    step = x.endValue(labels[1]) - x.endValue(labels[0])
    assert x.endValue(labels[-1]) - x.endValue(labels[-2]) >= step
    assert trend.margins().right() >= charts.TREND_RIGHT_MARGIN

    # a desk of W01 (its id a random UUID) reports in: the lead reads "客户端 1"
    device = str(uuid.uuid4())
    api = ApiClient(demo_service.base_url)
    signed_in = api.login("demo-clerk", DEMO_PASSWORD, "W01", device, "1.4.0")
    status = {"waiting": 0, "rejected": [], "client_version": "1.4.0", "clock": NOW.isoformat()}
    api.report_status(signed_in.access_token, device, status)
    with qtbot.waitSignal(window.sync.refreshed, timeout=60_000):
        _key(qtbot, window, Qt.Key.Key_2, CTRL)  # Sync supervision
    model = window.sync.model
    clients = {model.item(r, 2).text(): model.item(r, 2).toolTip() for r in range(model.rowCount())}
    assert "客户端 1" in clients and device in clients["客户端 1"]
    assert not any(device in name for name in clients)

    with qtbot.waitSignal(window.people.refreshed, timeout=60_000):
        _key(qtbot, window, Qt.Key.Key_3, CTRL)  # People
    roles = {
        window.people.users_model.item(r, 2).text()
        for r in range(window.people.users_model.rowCount())
    }
    assert "窗口人员" in roles and not roles & {"clerk", "lead"}

    _key(qtbot, window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: isinstance(window.last_tool, ShortcutsDialog))
    rows_f1 = window.last_tool.rows()
    assert ("文件", "退出", "Ctrl+Q") in rows_f1
    assert ("文件", "关闭", "Ctrl+W") in rows_f1
    window.last_tool.close()

    closed = []
    window.quit_requested.connect(lambda: closed.append(True))
    _key(qtbot, window, Qt.Key.Key_Q, CTRL)
    assert closed == [True] and not window.isVisible()


def test_the_language_switches_live_and_qt_dialogs_speak_chinese(
    qtbot, demo_service, chinese
) -> None:
    window = _open(qtbot, demo_service)
    assert window.windowTitle().startswith("值班长")
    dialog = QFileDialog(window)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "查找范围" in labels and "Look in" not in labels
    dialog.deleteLater()
    _key(qtbot, window, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Shift lead dashboard"))
    assert window.help_menu.title() == "&Help"
    _key(qtbot, window, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.windowTitle().startswith("值班长"))
    _key(qtbot, window, Qt.Key.Key_W, CTRL)
    assert not window.isVisible()
    QApplication.processEvents()


def test_the_demo_history_gives_the_hall_and_the_colours_something_to_show(
    demo_service,
) -> None:
    token = demo_service.token("demo-lead", window_code=None)
    figures = demo_service.get("/workload", token, **{"from": "2026-10-28", "to": "2026-11-27"})
    total = figures.json()["total"]
    assert total["overdue"] > 0 and total["due_soon"] > 0 and total["completed"] > 0
    assert total["ratings"] > 0 and total["refused"] > 0
    board = demo_service.get("/board", demo_service.token("demo-display", None)).json()
    assert board["items"] and all(i["applicant"].startswith("示") for i in board["items"])


def test_the_demo_month_reaches_the_desk_worklist_in_colour(qtbot, demo_service, tmp_path) -> None:
    """The desk of W01 pulls the demo cases (GET /changes): red and yellow rows to show."""
    from clerk_app.gui import services
    from clerk_app.gui.app import Desk
    from clerk_app.gui.worklist import URGENCY_ROLE
    from clerk_app.store.worklist import URGENCY_OVERDUE, URGENCY_SOON
    from tests.helpers.keyboard import make_context, sign_in

    context = make_context(demo_service.base_url, tmp_path, FixedClock(NOW))
    desk = Desk(context, services.default_hooks())
    try:
        window = sign_in(qtbot, desk)
        _key(qtbot, window, Qt.Key.Key_2, CTRL)  # the worklist
        pane = window.worklist
        qtbot.waitUntil(lambda: pane.model.rowCount() >= 20, timeout=30_000)
        urgencies = {
            pane.model.index(r, 0).data(URGENCY_ROLE) for r in range(pane.model.rowCount())
        }
        assert {URGENCY_OVERDUE, URGENCY_SOON} <= urgencies
        names = {pane.model.index(r, c).data() for r in range(3) for c in range(6)}
        assert any(str(n).startswith("示") for n in names)
    finally:
        if desk.window is not None:
            desk.window.close()
        desk.shutdown()
        context.close()
