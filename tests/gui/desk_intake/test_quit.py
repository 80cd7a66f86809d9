"""Quitting loses nothing and says what it leaves behind (issue 15).

Ctrl+Q with a half-filled intake parks it by itself, and the next start (a new context,
desk and window on the same data folder) says so in the status bar; Ctrl+R resumes it.
Ctrl+Q with a case not yet sent says how many and asks, "Quit anyway" being the default.
Keyboard only, against the real records service and a real SQLite store.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from clerk_app.gui import services
from clerk_app.gui.app import Desk
from clerk_app.gui.i18n import install_translations
from tests.helpers.keyboard import (
    CTRL,
    accept,
    applicant,
    find_item,
    make_context,
    mark,
    press,
    sign_in,
    to_materials,
    type_keys,
)


def _close(desk: Desk) -> None:
    if desk.window is not None:
        desk.window.close()
    desk.shutdown()
    if desk.login is not None:
        desk.login.close()
    desk.context.close()


def test_ctrl_q_parks_a_half_filled_intake_and_the_next_start_says_so(
    no_mouse, shared_records_service, tmp_path
):
    qtbot = no_mouse
    url = shared_records_service.base_url
    first = Desk(make_context(url, tmp_path), services.default_hooks())
    try:
        window = sign_in(qtbot, first)
        find_item(qtbot, window, "DEMO-GA-001")
        type_keys(qtbot, window, "Zhao Lei")  # the applicant's name, nothing more
        press(qtbot, window, Qt.Key.Key_Q, CTRL)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)  # no question asked
    finally:
        _close(first)

    second = Desk(make_context(url, tmp_path), services.default_hooks())
    try:
        window = sign_in(qtbot, second)
        message = window.statusBar().currentMessage()
        assert "was parked" in message and "Ctrl+R" in message, message
        assert "居民身份证首次申领" in message
        press(qtbot, window, Qt.Key.Key_R, CTRL)
        dialog = window.parking.last_dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.table.rowCount() == 1
        press(qtbot, window, Qt.Key.Key_Return)  # resume
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
        assert window.current_item.code == "DEMO-GA-001"
        assert window.intake.ui.personNameEdit.text() == "Zhao Lei"
        press(qtbot, window, Qt.Key.Key_S, CTRL)  # parked by hand this time: nothing to tell
        qtbot.waitUntil(lambda: window.intake.ui.personNameEdit.text() == "", timeout=10_000)
    finally:
        _close(second)

    third = Desk(make_context(url, tmp_path), services.default_hooks())
    try:  # told once: the next start after that says nothing of it
        window = sign_in(qtbot, third)
        assert "was parked" not in window.statusBar().currentMessage()
    finally:
        _close(third)


def _back_to(qtbot, window) -> None:
    """The offscreen platform gives the window no focus back after a dialog closes (a
    window manager does): activate it as the clerk's desk would be."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def test_ctrl_q_with_an_unsent_case_says_how_many_and_quits_by_default(no_mouse, desk, context_of):
    qtbot = no_mouse
    window = sign_in(qtbot, desk)
    window.sync_worker.stop()  # nothing is sent from now on: the case stays waiting
    find_item(qtbot, window, "DEMO-GA-001")
    applicant(qtbot, window)
    to_materials(qtbot, window)
    mark(qtbot, window, "r")
    accept(qtbot, window, context_of(desk))
    _back_to(qtbot, window)
    questions: list[str] = []

    def answer(key: Qt.Key) -> None:
        """Answer the question by keyboard once it is up (it runs its own event loop)."""
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        if not boxes:
            QTimer.singleShot(50, lambda: answer(key))
            return
        questions.append(boxes[0].text())
        qtbot.keyClick(boxes[0], key)

    QTimer.singleShot(200, lambda: answer(Qt.Key.Key_Escape))  # Stay
    press(qtbot, window, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: len(questions) == 1, timeout=5000)
    # Counted as the status bar counts: the case and its acceptance notice and slip.
    assert questions[0].startswith("Not sent to the center yet: 1 case, 2 documents.")
    assert "parked" not in questions[0]  # the form was cleared after acceptance
    assert window.isVisible()
    _back_to(qtbot, window)

    QTimer.singleShot(200, lambda: answer(Qt.Key.Key_Return))  # the default: quit anyway
    press(qtbot, window, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert len(questions) == 2


def test_the_question_names_documents_and_the_intake_it_parks_in_chinese(
    no_mouse, desk, context_of, qm_dir
):
    qtbot = no_mouse
    install_translations("zh_CN", qm_dir)
    window = sign_in(qtbot, desk)
    window.sync_worker.stop()
    find_item(qtbot, window, "DEMO-GA-001")
    applicant(qtbot, window)
    to_materials(qtbot, window)
    mark(qtbot, window, "r")
    accept(qtbot, window, context_of(desk))
    _back_to(qtbot, window)
    find_item(qtbot, window, "DEMO-GA-001")
    type_keys(qtbot, window, "Zhao Lei")  # the next applicant, half-filled
    questions: list[str] = []

    def answer() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        shown = [b for b in boxes if b.isVisible()]
        if not shown:
            QTimer.singleShot(50, answer)
            return
        questions.append(shown[0].text())
        qtbot.keyClick(shown[0], Qt.Key.Key_Escape)  # stay

    QTimer.singleShot(200, answer)
    press(qtbot, window, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: len(questions) == 1, timeout=5000)
    assert questions[0].startswith("尚未上传到中心：1 件办件、2 份文书。")
    assert "正在填写的受理将暂存，下次登录后按 Ctrl+R 继续办理。" in questions[0]
    assert window.isVisible() and window.intake.ui.personNameEdit.text() == "Zhao Lei"
