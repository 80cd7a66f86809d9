"""Why the client cannot start, in a window: Chinese first, English under it.

A broken provisioning file, a first-run wizard that was cancelled (nothing set up), a local
database that cannot be opened: the client does not start, and says why in a window — not
only on stderr, which nobody at a window PC reads. The language may not be known yet (it
comes from the provisioning file), so every sentence is given in both languages, Chinese
first; the technical detail (a parser's message, an exception) is behind the
"详细信息 / Details" button and in the log. The process then exits with a non-zero code.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.core.provisioning import ProvisioningError

log = logging.getLogger("clerk.app")

#: Exit codes (as before: scripts and the installer read them).
EXIT_NOT_SET_UP = 2
EXIT_BAD_PROVISIONING = 2
EXIT_EMBEDDED_SERVICE = 3
EXIT_CANNOT_OPEN = 4


@dataclass(frozen=True)
class StartupProblem:
    """What stops the start, in both languages.

    Attributes:
        title_zh, title_en: one line: what is wrong.
        reasons_zh, reasons_en: plain sentences, one per wrong thing (e.g. per field).
        todo_zh, todo_en: what to do.
        paths: the files concerned (shown, selectable, so IT can be told).
        details: the technical text, behind "详细信息 / Details" and in the log.
        exit_code: the process's exit code (never 0).
    """

    title_zh: str
    title_en: str
    reasons_zh: tuple[str, ...]
    reasons_en: tuple[str, ...]
    todo_zh: str
    todo_en: str
    paths: tuple[Path, ...] = ()
    details: str = ""
    exit_code: int = EXIT_CANNOT_OPEN

    def text(self) -> str:
        """The whole message as plain text (stderr, the log): Chinese, then English."""
        files = [str(p) for p in self.paths]
        zh = [self.title_zh, *self.reasons_zh, self.todo_zh, *(f"文件：{f}" for f in files)]
        en = [self.title_en, *self.reasons_en, self.todo_en, *(f"File: {f}" for f in files)]
        return "\n".join([*zh, "", *en])


def bad_provisioning(exc: ProvisioningError) -> StartupProblem:
    """The provisioning file (or the user's override file) cannot be used."""
    return StartupProblem(
        title_zh="窗口配置文件有误，客户端无法启动。",
        title_en="The window's provisioning file is wrong; the client cannot start.",
        reasons_zh=tuple(_field_line(p.field, p.zh) for p in exc.problems),
        reasons_en=tuple(_field_line(p.field, p.en) for p in exc.problems),
        todo_zh=(
            "请联系信息科（IT）改正该文件，或用“clerk-app provision 文件”重新安装正确的配置文件。"
        ),
        todo_en=(
            "Ask IT to correct the file, or to install a correct one with "
            "`clerk-app provision FILE`."
        ),
        paths=(exc.path,),
        details=str(exc),
        exit_code=EXIT_BAD_PROVISIONING,
    )


def _field_line(name: str, text: str) -> str:
    return f"• {text}" if name == "(file)" else f"• {name}: {text}"


def not_set_up(machine_file: Path, user_file: Path, *, wizard_cancelled: bool) -> StartupProblem:
    """No provisioning file at all (and the first-run wizard was cancelled, or not shown)."""
    zh = "设置向导已取消，" if wizard_cancelled else ""
    en = "The set-up wizard was cancelled; " if wizard_cancelled else ""
    return StartupProblem(
        title_zh="此电脑尚未配置窗口，客户端无法启动。",
        title_en="This PC is not set up for a window yet; the client cannot start.",
        reasons_zh=(zh + "没有找到窗口配置文件。",),
        reasons_en=(en + ("no" if en else "No") + " provisioning file was found.",),
        todo_zh=(
            "请联系信息科（IT）用“clerk-app provision 文件”安装配置文件，"
            "或重新启动本程序，在设置向导中填写并检查后保存。"
        ),
        todo_en=(
            "Ask IT to install the provisioning file with `clerk-app provision FILE`, or "
            "start the client again and fill in, check and save the set-up wizard."
        ),
        paths=(machine_file, user_file),
        details=f"looked for {machine_file} and {user_file}: neither exists",
        exit_code=EXIT_NOT_SET_UP,
    )


def cannot_open(message: str, cause: BaseException | None = None) -> StartupProblem:
    """The client cannot open its own files (``StartupError``: its message is bilingual,
    Chinese on the first line, English on the second)."""
    zh, _, en = message.partition("\n")
    return StartupProblem(
        title_zh="客户端无法启动。",
        title_en="The client cannot start.",
        reasons_zh=(zh.strip(),),
        reasons_en=(en.strip() or zh.strip(),),
        todo_zh="请按上面的说明处理；仍无法启动时请联系信息科（IT），并告诉他们详细信息。",
        todo_en="Do what the message says; if the client still does not start, call IT and "
        "give them the details.",
        details=message if cause is None else f"{message}\n\n{type(cause).__name__}: {cause}",
        exit_code=EXIT_CANNOT_OPEN,
    )


def embedded_service_failed(exc: BaseException) -> StartupProblem:
    """``--demo``: the embedded records service did not start."""
    return StartupProblem(
        title_zh="无法启动内置记录服务（演示模式）。",
        title_en="The embedded records service (demo mode) cannot start.",
        reasons_zh=("演示用的记录服务没有启动。",),
        reasons_en=("The records service of the demo did not start.",),
        todo_zh="请稍后重试；仍不行时请联系信息科（IT），并告诉他们详细信息。",
        todo_en="Try again in a moment; if it still fails, call IT and give them the details.",
        details=f"{type(exc).__name__}: {exc}",
        exit_code=EXIT_EMBEDDED_SERVICE,
    )


class StartupErrorDialog(QDialog):
    """The window that says why the client does not start (both languages, details hidden).

    Args:
        problem: what stops the start.
        parent: usually none: nothing else is open yet.
    """

    def __init__(self, problem: StartupProblem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = problem
        self.setObjectName("startupErrorDialog")
        self.setWindowTitle("窗口受理客户端 / Window Clerk")
        layout = QVBoxLayout(self)
        self.chinese = self._label("startupErrorChinese", _block(
            problem.title_zh, problem.reasons_zh, problem.todo_zh
        ))  # fmt: skip
        self.english = self._label("startupErrorEnglish", _block(
            problem.title_en, problem.reasons_en, problem.todo_en
        ))  # fmt: skip
        files = "\n".join(str(p) for p in problem.paths)
        self.files = self._label("startupErrorFiles", f"文件 / File:\n{files}" if files else "")
        self.files.setVisible(bool(files))
        for label in (self.chinese, self.english, self.files):
            layout.addWidget(label)
        self.details_button = QPushButton("详细信息 / &Details", self)
        self.details_button.setObjectName("startupErrorDetailsButton")
        self.details_button.setCheckable(True)
        self.details = QPlainTextEdit(problem.details, self)
        self.details.setObjectName("startupErrorDetails")
        self.details.setReadOnly(True)
        self.details.hide()
        self.details_button.toggled.connect(self.details.setVisible)
        self.details_button.setVisible(bool(problem.details))
        layout.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(self)
        self.quit_button = buttons.addButton("退出 / &Quit", QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.setObjectName("startupErrorQuitButton")
        self.quit_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def _label(self, name: str, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def visible_texts(self) -> list[str]:
        """Every text a person sees now (tests, and the screen reader's order)."""
        shown = [w for w in (self.chinese, self.english, self.files) if w.isVisible()]
        texts = [self.windowTitle(), *(w.text() for w in shown)]
        texts += [b.text() for b in (self.details_button, self.quit_button) if b.isVisible()]
        if self.details.isVisible():
            texts.append(self.details.toPlainText())
        return texts


def _block(title: str, reasons: tuple[str, ...], todo: str) -> str:
    return "\n".join([title, *reasons, todo])


def _can_show() -> bool:
    """A window can be seen: an application exists already, or there is a display (an IT
    script over ssh gets stderr only, instead of Qt aborting for want of a display)."""
    if QApplication.instance() is not None:
        return True
    if os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal"):
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def report_startup_problem(problem: StartupProblem, *, show: bool = True) -> int:
    """Say why the client does not start: the log, stderr, and (``show``) a window.

    Returns:
        The exit code to end the process with (never 0).
    """

    log.error("cannot start: %s | %s", problem.title_en, problem.details or "-")
    print(problem.text(), file=sys.stderr)
    if show and _can_show():
        app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - kept alive
        dialog = StartupErrorDialog(problem)
        dialog.exec()
        dialog.deleteLater()
    return problem.exit_code
