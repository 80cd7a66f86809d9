"""One client per data folder: a lock file, and a message naming the client already running.

Two clients on the same data folder would both send the same outbox and both allocate
case numbers from the same file. The first takes ``<data folder>/clerk.lock`` (a
``QLockFile``: the operating system's file lock, taken over only when the process holding
it is gone, e.g. after a crash) and writes who it is next to it (``clerk.lock.who``: pid,
host, user, start time). The second is refused with a translated message naming the running
one, before it opens the database.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile

if TYPE_CHECKING:  # built when a second client is refused, not at every start
    from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger("clerk.gui")

LOCK_NAME = "clerk.lock"
WHO_NAME = "clerk.lock.who"


class RunningClient:
    """The client that holds a data folder (a plain class: a dataclass costs ~0.3 ms to
    make, and this module loads before the sign-in window, issue 21)."""

    __slots__ = ("host", "pid", "started", "user")

    def __init__(self, pid: int, host: str, user: str, started: str) -> None:
        self.pid, self.host, self.user, self.started = pid, host, user, started

    def _fields(self) -> tuple[int, str, str, str]:
        return (self.pid, self.host, self.user, self.started)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RunningClient):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return "RunningClient(pid={!r}, host={!r}, user={!r}, started={!r})".format(*self._fields())


class DataFolderLock:
    """The lock of one data folder, held by this process until :meth:`release`."""

    def __init__(self, data_dir: Path, lock: QLockFile) -> None:
        self.data_dir = data_dir
        self._lock = lock

    def write_note(self) -> None:
        """Write who holds the folder beside the lock (``clerk.lock.who``: pid, host, user,
        start time), for the message a second client shows; a note that cannot be written
        is logged (the lock itself still keeps a second client out)."""
        if not self._lock.isLocked():
            return
        import json

        from PySide6.QtCore import QSysInfo

        who = {
            "pid": os.getpid(),
            # The name QLockFile writes too (socket would load ~2 ms).
            "host": QSysInfo.machineHostName(),
            "user": _user(),
            "started": _center_now(),
        }
        try:
            (self.data_dir / WHO_NAME).write_text(json.dumps(who), encoding="utf-8")
        except OSError as exc:
            log.warning("could not write %s: %s", WHO_NAME, exc)

    def release(self) -> None:
        if self._lock.isLocked():
            (self.data_dir / WHO_NAME).unlink(missing_ok=True)
            self._lock.unlock()


def hold_data_folder(data_dir: Path, *, note: bool = True) -> DataFolderLock | RunningClient:
    """Take the data folder's lock, or say who holds it.

    Args:
        data_dir: the data folder.
        note: write who holds it beside the lock now (:meth:`DataFolderLock.write_note`);
            ``clerk-app`` writes it once the sign-in window is shown (issue 21: json and
            the note's file are not needed before it; a second client started in between
            still finds the lock held and names its process and computer, which the lock
            file itself holds).

    Returns:
        The lock (keep it for the life of the client), or the running client when another
        process on this or another computer holds it.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    if lock.tryLock(0):
        held = DataFolderLock(data_dir, lock)
        if note:
            held.write_note()
        return held
    return running_client(data_dir, lock)


def hold_data_folder_soon(data_dir: Path) -> Callable[[], DataFolderLock | RunningClient]:
    """Start taking the data folder's lock on a thread of its own; returns the function
    that waits for :func:`hold_data_folder`'s answer (and raises what it raised).

    ``QLockFile`` syncs the lock file to the disk (``fdatasync``: 0.5 ms on a quiet disk,
    5-10 ms on a busy one here, more on an old PC's hard disk) and lets go of Python's
    lock meanwhile, so the start goes on loading the sign-in window's modules in the
    meantime — and asks for the answer before it touches the database, starts a service
    or shows any window (issue 21). The note beside the lock is not written: call
    :meth:`DataFolderLock.write_note` (``clerk-app`` does once the sign-in window is shown).
    """
    import threading

    outcome: list[DataFolderLock | RunningClient | BaseException] = []

    def take() -> None:
        try:
            outcome.append(hold_data_folder(data_dir, note=False))
        except BaseException as exc:  # raised again to whoever waits for the answer
            outcome.append(exc)

    thread = threading.Thread(target=take, name="data-folder-lock", daemon=True)
    thread.start()

    def answer() -> DataFolderLock | RunningClient:
        thread.join()
        if isinstance(outcome[0], BaseException):
            raise outcome[0]
        return outcome[0]

    return answer


def running_client(data_dir: Path, lock: QLockFile) -> RunningClient:
    """Who holds ``lock``: the lock file's pid and host, the user and start from beside it."""
    info = lock.getLockInfo()  # (pid, host, application), or empty while being written
    ok = isinstance(info, tuple) and len(info) == 3
    pid, host = (int(info[0]), str(info[1])) if ok else (0, "")
    import json  # (only when a second client is refused)

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


def _center_now() -> str:
    """Now in the center's time (UTC+8, no daylight saving), ISO 8601 to the second — as
    ``datetime.now(CENTER_TZ).isoformat(timespec="seconds")``, without loading datetime
    and zoneinfo before the sign-in window."""
    return time.strftime("%Y-%m-%dT%H:%M:%S+08:00", time.gmtime(time.time() + 8 * 3600))


def _user() -> str:
    """The user's name, as ``getpass.getuser()`` finds it (the environment, then the
    password file; getpass itself loads termios)."""
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        if user := os.environ.get(name):
            return user
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except (ImportError, OSError, KeyError):  # no password file entry (or not POSIX)
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
    from PySide6.QtWidgets import QApplication

    from clerk_app.gui.i18n import install_translations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translations(language)
    box = refusal_box(running, data_dir)
    print(box.text(), file=sys.stderr)
    if show:
        box.exec()
    del app
    return EXIT_ALREADY_RUNNING
