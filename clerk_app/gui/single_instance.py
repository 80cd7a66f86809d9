"""One client per data folder: a lock file, and a message naming the client already running.

Two clients on the same data folder would both send the same outbox and both allocate
case numbers from the same file. The first takes ``<data folder>/clerk.lock`` (a
``QLockFile``: the operating system's file lock, taken over only when the process holding
it is gone, e.g. after a crash) and writes who it is next to it (``clerk.lock.who``: pid,
host, user, start time). The second is refused with a translated message naming the running
one, before it opens the database.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile, QSysInfo
from PySide6.QtWidgets import QApplication, QWidget

from clerk_app.core.clock import CENTER_TZ
from clerk_app.gui.i18n import install_translations

if TYPE_CHECKING:  # built when a second client is refused, not at every start
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger("clerk.gui")

LOCK_NAME = "clerk.lock"
WHO_NAME = "clerk.lock.who"


@dataclass(frozen=True)
class RunningClient:
    """The client that holds a data folder."""

    pid: int
    host: str
    user: str
    started: str


class DataFolderLock:
    """The lock of one data folder, held by this process until :meth:`release`."""

    def __init__(self, data_dir: Path, lock: QLockFile) -> None:
        self.data_dir = data_dir
        self._lock = lock

    def release(self) -> None:
        if self._lock.isLocked():
            (self.data_dir / WHO_NAME).unlink(missing_ok=True)
            self._lock.unlock()


def hold_data_folder(data_dir: Path) -> DataFolderLock | RunningClient:
    """Take the data folder's lock, or say who holds it.

    Returns:
        The lock (keep it for the life of the client), or the running client when another
        process on this or another computer holds it.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    if lock.tryLock(0):
        who = {
            "pid": os.getpid(),
            # The name QLockFile writes too (socket would load ~2 ms before the window).
            "host": QSysInfo.machineHostName(),
            "user": _user(),
            "started": datetime.now(CENTER_TZ).isoformat(timespec="seconds"),
        }
        (data_dir / WHO_NAME).write_text(json.dumps(who), encoding="utf-8")
        return DataFolderLock(data_dir, lock)
    return running_client(data_dir, lock)


def running_client(data_dir: Path, lock: QLockFile) -> RunningClient:
    """Who holds ``lock``: the lock file's pid and host, the user and start from beside it."""
    info = lock.getLockInfo()  # (pid, host, application), or empty while being written
    ok = isinstance(info, tuple) and len(info) == 3
    pid, host = (int(info[0]), str(info[1])) if ok else (0, "")
    who: dict[str, object] = {}
    try:
        who = json.loads((data_dir / WHO_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        log.info("no readable %s beside the lock", WHO_NAME)
    if not ok:  # the lock file is being written this instant: the note still says who
        pid, host = int(str(who.get("pid", 0))), str(who.get("host", ""))
    user = str(who.get("user", "")) if str(who.get("pid", "")) == str(pid) else ""
    started = str(who.get("started", "")) if user else ""
    return RunningClient(pid=int(pid), host=str(host), user=user, started=started)


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password file
        return str(os.getuid()) if hasattr(os, "getuid") else ""


def refusal_text(running: RunningClient, data_dir: Path) -> str:
    """The sentence shown to the second client (translated)."""
    unknown = QCoreApplication.translate("SingleInstance", "unknown")
    return (
        QCoreApplication.translate(
            "SingleInstance",
            "Window Clerk is already running on this data folder (process %1 on computer "
            "%2, user %3). Switch to that window, or close it first, then start again.\n\n"
            "Data folder: %4",
        )
        .replace("%1", str(running.pid or unknown))
        .replace("%2", running.host or unknown)
        .replace("%3", running.user or unknown)
        .replace("%4", str(data_dir))
    )


def refusal_box(
    running: RunningClient, data_dir: Path, parent: QWidget | None = None
) -> QMessageBox:
    """A message box saying so (not shown yet: ``exec()`` it, or ``open()`` in tests)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setObjectName("alreadyRunningBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("SingleInstance", "Window Clerk"))
    box.setText(refusal_text(running, data_dir))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    log.warning(
        "data folder %s is held by pid %s on %s (user %s); not starting",
        data_dir,
        running.pid,
        running.host,
        running.user or "?",
    )
    return box


#: The exit code of a client refused because another holds its data folder.
EXIT_ALREADY_RUNNING = 5


def refuse(running: RunningClient, data_dir: Path, language: str | None, *, show: bool) -> int:
    """Tell the person (a window in their language; stderr too) and return the exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translations(language)
    box = refusal_box(running, data_dir)
    print(box.text(), file=sys.stderr)
    if show:
        box.exec()
    del app
    return EXIT_ALREADY_RUNNING
