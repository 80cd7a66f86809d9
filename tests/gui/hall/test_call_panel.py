"""The hall's call panel (issue 18): fed with call records as the service sends them, it
shows the call, the last five and each window's number, speaks each call once (a recall
again), is readable (contrast ≥ 4.5:1) and named for a screen reader."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from clerk_app.core.announce import call_announcement, call_screen_text
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.core.queue_calls import RECALL, Call
from clerk_app.gui.hall.call_panel import CallPanel
from clerk_app.gui.hall.voice import Announcer, EspeakVoice
from tests.helpers.accessibility import accessible_names, nameless_controls
from tests.helpers.contrast import contrast_ratio, low_contrast_texts

T0 = datetime(2026, 12, 7, 9, 30, tzinfo=CENTER_TZ)
WINDOWS = [(f"W0{i}", str(i)) for i in range(1, 9)]


def _morning() -> list[Call]:
    """Nine calls over 19 minutes; the last a recall of A004 at window 4."""
    pairs = [("A001", "W01"), ("B001", "W02"), ("A002", "W03"), ("C001", "W05"),
             ("A003", "W01"), ("B002", "W02"), ("A004", "W04"), ("A005", "W03")]  # fmt: skip
    calls = [Call.of(n, w, T0 + timedelta(minutes=i)) for i, (n, w) in enumerate(pairs)]
    return [*calls, Call.of("A004", "W04", T0 + timedelta(minutes=19), RECALL)]


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0 + timedelta(minutes=20))


def _panel(qtbot, clock, announcer=None) -> CallPanel:
    panel = CallPanel(announcer, clock=clock, center_name="衡水市政务服务中心", windows=WINDOWS)
    qtbot.addWidget(panel)
    panel.resize(1920, 1080)
    panel.show()
    return panel


def test_the_panel_shows_the_call_the_last_five_and_each_windows_number(
    qtbot, clock, language, screenshots
):
    language("zh_CN")
    panel = _panel(qtbot, clock)
    assert panel.headline_label.text() == "请留意叫号，耐心等候"
    panel.show_calls(_morning())
    latest = _morning()[-1]
    assert panel.headline_label.text() == call_screen_text(latest) == "请 A004 号到 4 号窗口"
    assert panel.recall_label.text() == "再次呼叫"
    assert panel.shown_recent() == [
        ("A004", "4 号窗口"),
        ("A005", "3 号窗口"),
        ("B002", "2 号窗口"),
        ("A003", "1 号窗口"),
        ("C001", "5 号窗口"),
    ]
    assert panel.shown_windows() == {
        "1 号窗口": "A003",
        "2 号窗口": "B002",
        "3 号窗口": "A005",
        "4 号窗口": "A004",
        "5 号窗口": "C001",
        "6 号窗口": "—",
        "7 号窗口": "—",
        "8 号窗口": "—",
    }
    qtbot.wait(10)
    panel.grab().save(str(screenshots / "call-panel-1920x1080.png"))
    language("en")
    qtbot.waitUntil(lambda: panel.headline_label.text() == "Number A004, please go to window 4")
    assert panel.shown_recent()[0] == ("A004", "Window 4")


def test_each_new_call_is_spoken_once_and_a_recall_again(qtbot, clock):
    announcer = Announcer(None)
    panel = _panel(qtbot, clock, announcer)
    first = Call.of("A012", "W03", clock.now() - timedelta(seconds=5))
    assert panel.show_calls([first]) == [first]
    # The service sends the day's calls again (a new long-poll from zero): nothing new.
    assert panel.show_calls([first]) == []
    recall = Call.of("A012", "W03", clock.now(), RECALL)
    panel.show_calls([first, recall])
    assert announcer.history == [
        "请 A 零一二 号 到 三 号窗口办理",
        "再次呼叫，请 A 零一二 号 到 三 号窗口办理",
    ]
    assert panel.shown_recent() == [("A012", "Window 3")]  # one line, moved up
    assert panel.recall_label.text() == "Called again"


def test_a_backlog_is_shown_but_not_spoken_and_yesterdays_calls_are_dropped(qtbot, clock):
    clock.set(T0 + timedelta(minutes=30))  # the last call of the morning was 11 minutes ago
    announcer = Announcer(None)
    panel = _panel(qtbot, clock, announcer)
    yesterday = Call.of("A099", "W01", T0 - timedelta(days=1))
    calls = _morning()  # 1 to 20 minutes old: the screen was started late
    fresh = Call.of("B003", "W06", clock.now() - timedelta(seconds=30))
    new = panel.show_calls([yesterday, *calls, fresh])
    assert yesterday not in new and len(new) == len(calls) + 1
    assert announcer.history == [call_announcement(fresh)]
    assert panel.headline_label.text() == "Number B003, please go to window 6"
    assert panel.shown_windows()["Window 6"] == "B003"


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_calls_arriving_together_are_spoken_in_order_by_the_real_voice(qtbot, clock, tmp_path):
    voice = EspeakVoice(shutil.which("espeak-ng") or "", wav_dir=tmp_path)
    announcer = Announcer(voice)
    panel = _panel(qtbot, clock, announcer)
    ago = (("A020", "W01", 9), ("B010", "W02", 8), ("A021", "W03", 7))
    calls = [Call.of(n, w, clock.now() - timedelta(seconds=s)) for n, w, s in ago]
    panel.show_calls(calls)
    qtbot.waitUntil(announcer.idle, timeout=20_000)
    assert announcer.history == [call_announcement(c) for c in calls]
    assert len(voice.wav_files) == 3 and all(p.stat().st_size > 20_000 for p in voice.wav_files)


def test_the_panel_is_readable_and_named_for_a_screen_reader(qtbot, clock, language):
    language("zh_CN")
    panel = _panel(qtbot, clock)
    panel.show_calls(_morning())
    assert low_contrast_texts(panel) == []
    panel.set_link(False, "无法连接服务")
    assert "叫号信息暂未更新：无法连接服务" in panel.footer_label.text()
    assert low_contrast_texts(panel) == []
    assert nameless_controls(panel) == []
    names = accessible_names(panel)
    for name in ("请 A004 号到 4 号窗口", "最近呼叫", "各窗口当前号", "当前呼叫"):
        assert name in names, names


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_a_long_call_fits_the_screen(qtbot, clock, language, size):
    language("zh_CN")
    panel = _panel(qtbot, clock)
    panel.resize(*size)
    panel.show_calls([Call("C812", "P12", "项目审批12", clock.now(), RECALL)])
    label = panel.headline_label
    assert label.text() == "请 C812 号到 项目审批12 号窗口"
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()


# -- the helpers themselves catch what they are for ----------------------------------------


def test_the_contrast_checker_computes_wcag_ratios_and_flags_pale_text(qtbot):
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#0b1f3a", "#f5d67a") == contrast_ratio("#f5d67a", "#0b1f3a")
    box = QWidget()
    qtbot.addWidget(box)
    box.setStyleSheet("background: #ffffff;")
    pale = QLabel("灰色小字", box)
    pale.setObjectName("pale")
    pale.setStyleSheet("color: #999999;")
    dark = QLabel("黑字", box)
    dark.setStyleSheet("color: #000000;")
    layout = QVBoxLayout(box)
    layout.addWidget(pale)
    layout.addWidget(dark)
    box.show()
    found = low_contrast_texts(box)
    assert len(found) == 1 and found[0].startswith("pale '灰色小字': #999999 on #ffffff"), found


def test_the_accessibility_walk_finds_a_nameless_control(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    unnamed = QLineEdit(box)
    unnamed.setObjectName("ticketNumber")
    named = QLineEdit(box)
    named.setAccessibleName("号码")
    layout.addWidget(unnamed)
    layout.addWidget(named)
    box.show()
    found = nameless_controls(box)
    assert len(found) == 1 and "ticketNumber" in found[0], found
