"""One client per data folder (issue 15): a second client is refused with a message naming
the running one (pid, computer, user), before it touches the database; once the first is
gone (even killed), the folder is free again."""

from __future__ import annotations

import getpass
import os
import signal
import socket
import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clerk_app.gui.i18n import install_translations
from clerk_app.gui.single_instance import (
    DataFolderLock,
    RunningClient,
    hold_data_folder,
    refusal_box,
)
from tests.helpers.gui import REPO

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from clerk_app.gui.single_instance import hold_data_folder
    held = hold_data_folder(Path(sys.argv[1]))
    print(type(held).__name__, flush=True)
    sys.stdin.readline()  # hold the folder until the test says so
    """
)


def start_holder(data_dir):
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "DataFolderLock"
    return child


def test_a_second_client_is_refused_with_a_message_naming_the_running_one(qtbot, tmp_path, qm_dir):
    install_translations("zh_CN", qm_dir)
    data_dir = tmp_path / "data"
    first = start_holder(data_dir)
    try:
        second = hold_data_folder(data_dir)
        assert isinstance(second, RunningClient)
        assert second.pid == first.pid
        assert second.host == socket.gethostname() and second.user == getpass.getuser()
        assert not (data_dir / "clerk.db").exists()  # refused before any database is opened

        box = refusal_box(second, data_dir)
        qtbot.addWidget(box)
        box.open()
        text = box.text()
        assert "已在运行" in text
        assert str(first.pid) in text and socket.gethostname() in text
        assert getpass.getuser() in text and str(data_dir) in text
        # The clerk reads it and presses Enter: the box closes, nothing else happens.
        qtbot.keyClick(QApplication.activeModalWidget() or box, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not box.isVisible(), timeout=2000)

        install_translations("en", qm_dir)
        english = refusal_box(second, data_dir)
        qtbot.addWidget(english)
        assert "already running" in english.text() and str(first.pid) in english.text()
    finally:
        first.kill()  # like a crash: the lock file stays behind
        first.communicate()
    assert os.WIFSIGNALED(first.returncode) or first.returncode == -signal.SIGKILL

    # The holder is gone: the folder is free, and its own lock keeps a third one out.
    again = hold_data_folder(data_dir)
    assert isinstance(again, DataFolderLock)
    try:
        third = hold_data_folder(data_dir)
        assert isinstance(third, RunningClient) and third.pid == os.getpid()
    finally:
        again.release()
    assert isinstance(hold_data_folder(data_dir), DataFolderLock)


def test_the_client_started_twice_on_one_folder_says_so_and_exits_5(tmp_path):
    """``clerk-app`` itself: the second start touches no database and names the first."""
    home = tmp_path / "home"
    first = start_holder(home / "data")
    try:
        second = subprocess.run(  # the real entry point, as a second start would run it
            [sys.executable, "-m", "clerk_app", "--smoke", "--provisioning",
             str(REPO / "resources" / "provisioning" / "demo-W01.toml")],
            env={**os.environ, "CLERK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
    finally:
        first.kill()
        first.communicate()
    assert second.returncode == 5, second.stderr
    assert f"进程 {first.pid}" in second.stderr and "已在运行" in second.stderr
    assert not (home / "data" / "clerk.db").exists()


def test_the_note_beside_the_lock_can_come_later(tmp_path):
    """``clerk-app`` takes the lock at once and writes who holds it once the sign-in window
    is shown: until then a second client still finds the folder held (process and
    computer from the lock file); afterwards it also names the user."""
    data_dir = tmp_path / "data"
    held = hold_data_folder(data_dir, note=False)
    assert isinstance(held, DataFolderLock)
    try:
        assert not (data_dir / "clerk.lock.who").exists()
        early = hold_data_folder(data_dir)
        assert isinstance(early, RunningClient) and early.pid == os.getpid()
        assert early.host == socket.gethostname() and early.user == ""
        held.write_note()
        later = hold_data_folder(data_dir)
        assert isinstance(later, RunningClient) and later.user == getpass.getuser()
    finally:
        held.release()
    assert not (data_dir / "clerk.lock.who").exists()
