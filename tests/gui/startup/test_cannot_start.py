"""When the client cannot start, a person sees why in a window (issue 15): a broken
provisioning file or a cancelled first-run wizard no longer ends with a line on stderr only.

``clerk_app.__main__.main`` runs in this process as a person would start it; the windows it
opens (the wizard, the start-up error) are read and answered by keyboard while they wait.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from clerk_app.__main__ import main
from clerk_app.gui.login import LoginDialog
from clerk_app.gui.startup_error import StartupErrorDialog
from clerk_app.gui.wizard import FirstRunWizard
from tests.helpers.desk_shell import main_home  # noqa: F401 - the fixture `home`
from tests.helpers.gui import REPO

DEMO = REPO / "resources" / "provisioning" / "demo-W01.toml"
CJK = re.compile(r"[\u4e00-\u9fff]")
#: What a Python exception or a parser looks like on screen.
TECHNICAL = re.compile(r"Traceback|Error\b|Errno|Exception|\(at line \d+|Expected '='")


def when_shown(kind: type[QWidget], answer: Callable[[QWidget], None]) -> QTimer:
    """Call ``answer(window)`` once a visible top-level window of ``kind`` is up."""
    timer = QTimer()

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                timer.stop()
                answer(widget)
                return

    timer.timeout.connect(look)
    timer.start(20)
    return timer


def read_and_quit(qtbot, seen: dict[str, object]) -> Callable[[QWidget], None]:
    """Read what the start-up error window says, open its details by keyboard, then quit."""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, StartupErrorDialog)
        seen["sign-in window"] = [  # (shown before the provisioning was read: gone now)
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, LoginDialog) and w.isVisible()
        ]
        seen["before"] = dialog.visible_texts()
        seen["details_hidden"] = not dialog.details.isVisible()
        dialog.details_button.setFocus()
        qtbot.keyClick(dialog.details_button, Qt.Key.Key_Space)
        seen["after"] = dialog.visible_texts()
        seen["chinese"], seen["english"] = dialog.chinese.text(), dialog.english.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    return answer


def test_a_broken_provisioning_file_is_shown_in_both_languages(qtbot, home, tmp_path, capsys):
    bad = tmp_path / "window.toml"
    text = DEMO.read_text("utf-8").replace("http://127.0.0.1:8765", "ftp://records")
    bad.write_text(text.replace('code = "W01"', 'code = "w 1"'), "utf-8")
    seen: dict[str, object] = {}
    timer = when_shown(StartupErrorDialog, read_and_quit(qtbot, seen))

    code = main(["--provisioning", str(bad)])
    timer.stop()

    assert code == 2
    assert seen["sign-in window"] == []  # the error in its place, not behind it
    chinese, english = str(seen["chinese"]), str(seen["english"])
    assert chinese.startswith("窗口配置文件有误") and "service.url" in chinese
    assert english.startswith("The window's provisioning file is wrong")
    assert "window.code" in english and "https://" in english
    assert "请联系信息科" in chinese and "Ask IT" in english  # what to do
    assert not re.search(r"[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}", _without_names(chinese))
    assert not CJK.search(english)
    before = "\n".join(seen["before"])  # type: ignore[arg-type]
    assert before.index(chinese) < before.index(english)  # Chinese first, English under it
    assert str(bad) in before  # the file, so IT can be told which
    assert seen["details_hidden"] and "详细信息 / &Details" in before
    assert "provisioning file" in "\n".join(seen["after"])  # type: ignore[arg-type]
    assert "窗口配置文件有误" in capsys.readouterr().err  # and stderr, for scripts


def test_a_file_that_is_not_toml_keeps_the_parser_behind_the_details(qtbot, home, tmp_path):
    bad = tmp_path / "window.toml"
    bad.write_text("[service]\nurl https://records\n", "utf-8")
    seen: dict[str, object] = {}
    timer = when_shown(StartupErrorDialog, read_and_quit(qtbot, seen))

    code = main(["--provisioning", str(bad)])
    timer.stop()

    assert code == 2
    assert "不是有效的 TOML 格式" in str(seen["chinese"])
    assert "not valid TOML" in str(seen["english"])
    for text in seen["before"]:  # type: ignore[union-attr]
        assert not TECHNICAL.search(text), text
    details = "\n".join(seen["after"])  # type: ignore[arg-type]
    assert "line 2" in details  # the parser's words, with the line, for IT


def test_a_cancelled_wizard_was_chinese_and_says_what_to_do(qtbot, home, capsys):
    wizard_texts: list[str] = []

    def cancel(wizard: QWidget) -> None:
        assert isinstance(wizard, FirstRunWizard)
        wizard_texts.append(wizard.windowTitle())
        wizard_texts.append(wizard.check_button.text())
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)

    seen: dict[str, object] = {}
    first = when_shown(FirstRunWizard, cancel)
    then = when_shown(StartupErrorDialog, read_and_quit(qtbot, seen))

    code = main([])
    first.stop()
    then.stop()

    # The translations were loaded before the wizard opened: it speaks Chinese.
    assert wizard_texts == ["设置本窗口", "检查(&C)"]
    assert code == 2
    chinese, english = str(seen["chinese"]), str(seen["english"])
    assert "设置向导已取消" in chinese and "clerk-app provision" in chinese
    assert "The set-up wizard was cancelled" in english and not CJK.search(english)
    before = "\n".join(seen["before"])  # type: ignore[arg-type]
    assert str(home.parent / "machine" / "provisioning.toml") in before
    assert "此电脑尚未配置窗口" in capsys.readouterr().err


def _without_names(text: str) -> str:
    """Chinese text without the field names and the command it names (English by nature)."""
    return re.sub(r"[a-z_]+\.[a-z_]+|clerk-app provision", "", text)


def test_a_database_without_its_key_is_shown_in_both_languages(qtbot, home, tmp_path):
    """The local database is there but its key is not (a wiped keyring): the window says
    so and what to do, and the client's files are left alone."""
    window = tmp_path / "window.toml"
    window.write_text(
        DEMO.read_text("utf-8").replace("http://127.0.0.1:8765", "http://127.0.0.1:9"), "utf-8"
    )
    database = home / "data" / "clerk.db"
    database.parent.mkdir(parents=True)
    database.write_bytes(b"\x00" * 4096)  # not plain SQLite: an encrypted file, key lost
    seen: dict[str, object] = {}
    timer = when_shown(StartupErrorDialog, read_and_quit(qtbot, seen))

    code = main(["--provisioning", str(window)])
    timer.stop()

    assert code == 4
    chinese, english = str(seen["chinese"]), str(seen["english"])
    assert chinese.startswith("客户端无法启动") and "不要删除该文件" in chinese
    assert english.startswith("The client cannot start") and "do not delete" in english
    assert not CJK.search(english)
    for text in seen["before"]:  # type: ignore[union-attr]
        assert not TECHNICAL.search(text), text
    assert database.read_bytes() == b"\x00" * 4096
