"""A window's own small screen (窗口屏, issue 18): its number, the clerk (masked), serving /
paused with the reason / open, and the ticket; readable and named for a screen reader."""

from __future__ import annotations

import pytest

from clerk_app.core.queue_calls import IDLE, PAUSED, SERVING, WindowState
from clerk_app.gui.hall.window_screen import WindowScreen
from tests.helpers.accessibility import accessible_names, nameless_controls
from tests.helpers.contrast import low_contrast_texts

OPEN = WindowState("W03", "3", "企业登记窗口", "王小明", IDLE)
SERVING_A012 = WindowState("W03", "3", "企业登记窗口", "王小明", SERVING, "", "A012")
PAUSED_TRAINING = WindowState("W03", "3", "企业登记窗口", "王小明", PAUSED, "业务培训，10:30 恢复")


def _screen(qtbot, state: WindowState) -> WindowScreen:
    screen = WindowScreen(state)
    qtbot.addWidget(screen)
    screen.resize(1280, 400)
    screen.show()
    return screen


def _visible_texts(screen: WindowScreen) -> list[str]:
    labels = (screen.number_label, screen.name_label, screen.status_label, screen.ticket_label,
              screen.reason_label, screen.clerk_title, screen.clerk_label)  # fmt: skip
    return [label.text() for label in labels if label.isVisible() and label.text()]


def _clipped(screen: WindowScreen) -> list[str]:
    """The texts wider than their label (a screen that cuts off 3 号窗口 says 号窗)."""
    out = []
    for label in (screen.number_label, screen.ticket_label, screen.clerk_label):
        width = label.fontMetrics().horizontalAdvance(label.text())
        if label.isVisible() and width > label.contentsRect().width():
            out.append(label.text())
    return out


def test_the_window_screen_shows_serving_paused_and_open(qtbot, language, screenshots):
    language("zh_CN")
    screen = _screen(qtbot, SERVING_A012)
    assert _visible_texts(screen) == [
        "3 号窗口", "企业登记窗口", "正在办理", "A012", "请备好证件和材料", "工作人员", "王*明",
    ]  # fmt: skip
    qtbot.wait(10)
    assert _clipped(screen) == []
    screen.grab().save(str(screenshots / "window-screen-serving.png"))
    screen.show_state(PAUSED_TRAINING)
    assert _visible_texts(screen) == [
        "3 号窗口", "企业登记窗口", "暂停服务", "原因：业务培训，10:30 恢复", "工作人员", "王*明",
    ]  # fmt: skip
    assert "A012" not in _visible_texts(screen)
    assert _clipped(screen) == []
    screen.grab().save(str(screenshots / "window-screen-paused.png"))
    screen.show_state(OPEN)
    assert _visible_texts(screen) == [
        "3 号窗口", "企业登记窗口", "欢迎办理 请取号等候", "工作人员", "王*明",
    ]  # fmt: skip
    language("en")
    qtbot.waitUntil(lambda: screen.status_label.text() == "Open — please take a ticket")
    assert screen.number_label.text() == "Window 3"


def test_nobody_signed_in_and_a_pause_with_no_reason(qtbot):
    screen = _screen(qtbot, WindowState("P01", "P1", "发展改革窗口", "", PAUSED))
    assert screen.clerk_label.text() == "—"
    assert screen.reason_label.text() == "Reason: Back soon"
    assert screen.number_label.text() == "Window P1"
    assert _clipped(screen) == []


@pytest.mark.parametrize("state", [OPEN, SERVING_A012, PAUSED_TRAINING], ids=lambda s: s.status)
def test_the_window_screen_is_readable_and_named(qtbot, language, state):
    language("zh_CN")
    screen = _screen(qtbot, state)
    assert low_contrast_texts(screen) == []
    assert nameless_controls(screen) == []
    names = accessible_names(screen)
    assert "3 号窗口" in names and "王*明" in names, names
