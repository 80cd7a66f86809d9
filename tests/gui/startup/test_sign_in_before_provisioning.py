"""The sign-in window is shown before the window's provisioning file is read (issue 21):
it is filled in from it right after — the center, the window, the service, and its
language, which the window speaks from the start when the provisioning chose it last time.
Signing in waits for the provisioning: the sign-in button stays off until it is read.
(The import guard, tests/gui/startup/test_start_imports.py, checks that tomllib, the
provisioning's checks and the context are not loaded when the window is shown; a broken
file is said in words, with the sign-in window gone: test_cannot_start.py.)
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialogButtonBox

from clerk_app.__main__ import main
from clerk_app.gui.login import LoginDialog
from tests.helpers.desk_shell import main_home  # noqa: F401 - the fixture `home`
from tests.helpers.gui import REPO

DEMO = REPO / "resources" / "provisioning" / "demo-W01.toml"
SHOWN = "smoke-start: sign-in window shown"
FILLED = "smoke-start: sign-in window filled in"


def _sign_in_window() -> LoginDialog:
    [login] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()
    ]
    return login


class _Watch:
    """stdout of ``main``: at each of the smoke start's lines, what the sign-in window
    shows, and whether its sign-in button would take the user name and password typed."""

    def __init__(self, out) -> None:
        self.out = out
        self.seen: dict[str, dict[str, object]] = {}

    def write(self, text: str) -> int:
        for moment in (SHOWN, FILLED):
            if moment in text:
                login = _sign_in_window()
                login.fill("clerk", "secret")
                ok = login.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
                self.seen[moment] = {
                    "title": login.windowTitle(),
                    "user caption": login.ui.userCaption.text(),
                    "center": login.ui.centerLabel.text().strip(),
                    "window": login.ui.windowEdit.text(),
                    "button": ok.text(),
                    "can sign in": ok.isEnabled(),
                    "size": (login.width(), login.height()),
                }
        return self.out.write(text)

    def flush(self) -> None:
        self.out.flush()


def _start(monkeypatch, provisioning: Path) -> dict[str, dict[str, object]]:
    watch = _Watch(sys.stdout)
    monkeypatch.setattr(sys, "stdout", watch)
    assert main(["--provisioning", str(provisioning), "--smoke-start"]) == 0
    monkeypatch.setattr(sys, "stdout", watch.out)
    return watch.seen


def test_the_window_is_shown_first_and_filled_in_from_the_provisioning(qtbot, home, monkeypatch):
    seen = _start(monkeypatch, DEMO)
    shown, filled = seen[SHOWN], seen[FILLED]
    assert shown["center"] == "" and shown["window"] == ""  # not read yet
    assert shown["can sign in"] is False  # typed in, but the sign-in waits for it
    assert shown["title"] == "登录 — 窗口受理客户端"  # the default language: Chinese
    assert filled["center"] == "衡水市政务服务中心（示例）"
    assert filled["window"] == "W01  公安户籍窗口"
    assert filled["can sign in"] is True
    assert filled["title"] == shown["title"] and filled["button"] == "登录(&S)"
    assert filled["size"] == shown["size"]  # filling it in did not move its edges


def test_an_english_window_speaks_english_from_its_second_start(qtbot, home, monkeypatch, tmp_path):
    english = tmp_path / "english.toml"
    english.write_text(
        DEMO.read_text("utf-8").replace('language = "zh_CN"', 'language = "en"'), "utf-8"
    )
    first = _start(monkeypatch, english)
    # Never started here: Chinese until the provisioning is read, then all of it English.
    assert first[SHOWN]["user caption"] == "用户名(&U)："
    assert first[FILLED]["title"] == "Sign in — Window Clerk"
    assert first[FILLED]["user caption"] == "&User name:"
    assert first[FILLED]["button"] == "&Sign in" and first[FILLED]["can sign in"] is True

    second = _start(monkeypatch, english)
    assert second[SHOWN]["title"] == "Sign in — Window Clerk"  # from the first sight
    assert second[SHOWN]["user caption"] == "&User name:"
    assert second[FILLED]["button"] == "&Sign in"

    # Provisioned in Chinese again: the window switches back once, then starts Chinese.
    third = _start(monkeypatch, DEMO)
    assert third[SHOWN]["user caption"] == "&User name:"
    assert third[FILLED]["user caption"] == "用户名(&U)："
    assert _start(monkeypatch, DEMO)[SHOWN]["user caption"] == "用户名(&U)："


def test_signing_in_waits_for_the_provisioning(qtbot):
    tried: list[str] = []
    login = LoginDialog(lambda user, _password: tried.append(user), window_code=None)
    qtbot.addWidget(login)
    login.show()
    login.fill("clerk", "secret")
    ok = login.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    login.submit()  # Enter in the password field
    assert tried == [] and login.error_text() == ""

    login.show_provisioning(
        center_name="衡水市政务服务中心", window_code="W01", window_name="公安户政",
        server="https://records.example:8443",
    )  # fmt: skip
    assert ok.isEnabled()
    assert login.ui.serverLabel.text() == "https://records.example:8443"
    login.submit()
    qtbot.waitUntil(lambda: tried == ["clerk"], timeout=5000)
