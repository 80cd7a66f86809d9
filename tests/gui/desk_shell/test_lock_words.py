"""The lock screen's sentence reads as Chinese does: no space between the name and 已离开."""

from __future__ import annotations

from clerk_app.gui.i18n import install_translations
from clerk_app.gui.idle_lock import LockScreen


def test_the_lock_screen_names_the_clerk_without_a_space(qtbot, qm_dir):
    install_translations("zh_CN", qm_dir)
    dialog = LockScreen("演示窗口人员", lambda _password: None)
    qtbot.addWidget(dialog)
    assert dialog.prompt.text() == "演示窗口人员已离开。请输入密码，从离开处继续办理。"
