"""The idle lock: a desk left alone shows nothing of its cases.

After the machine's provisioned ``[security] idle_lock_minutes`` (default 10) without a key
or a mouse event anywhere in the application, :class:`IdleLock` hides every window of the
desk — the main window, an open case (and its unmask button), the applicant screen — and
shows :class:`LockScreen`, which asks the signed-in clerk's password (checked by the
service, or offline by the offline credential: ``app.session.unlock``). The hidden windows
keep their state, so a half-filled intake and parked work are there again after unlocking.
File ▸ Lock (Ctrl+L) locks at once; the lock screen's Sign out ends the session.

Time comes from the app's :class:`~clerk_app.core.clock.Clock`; :attr:`IdleLock.timer`
only asks it every few seconds (tests advance a ``FixedClock`` and call :meth:`check`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.gui.errors import error_message
from clerk_app.gui.ops import Op

log = logging.getLogger("clerk.gui")

# Events that count as the clerk being there.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
# How often the clock is asked (the lock comes at most this late).
CHECK_MS = 5_000


class LockScreen(QDialog):
    """Locked: the clerk's name, a password field, Unlock and Sign out. Shows no case data.

    Args:
        clerk: the signed-in clerk's name (shown).
        unlock: ``unlock(password)``; runs on a worker thread, raises when refused.

    Signals:
        unlocked(): the password was accepted.
        sign_out_requested(): the clerk (or a colleague) chose to sign out instead.
    """

    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, clerk: str, unlock: Callable[[str], Any]) -> None:
        super().__init__(None)
        self.setObjectName("lockScreen")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self._clerk = clerk
        self._unlock = unlock
        self._busy = False
        self.title = QLabel(self)
        self.title.setObjectName("lockTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label = QLabel(self)
        self.password_label.setBuddy(self.password)
        self.error = QLabel(self)
        self.error.setObjectName("lockError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.unlock_button = QPushButton(self)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.sign_out_button = QPushButton(self)
        self.sign_out_button.setObjectName("lockSignOutButton")
        self.unlock_button.clicked.connect(self.submit)
        self.sign_out_button.clicked.connect(self.sign_out_requested.emit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sign_out_button)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.prompt)
        layout.addWidget(self.password_label)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(420)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Locked — Window Clerk"))
        self.title.setText(self.tr("This desk is locked"))
        self.prompt.setText(
            self.tr("%1 was away. Enter the password to go on where you left off.").replace(
                "%1", self._clerk
            )
        )
        self.password_label.setText(self.tr("&Password:"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.sign_out_button.setText(self.tr("Sign &out"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reject(self) -> None:
        """Esc does not open the desk."""

    def error_text(self) -> str:
        return self.error.text() if self.error.isVisible() else ""

    def submit(self) -> None:
        """Check the password off the GUI thread (Enter / Unlock)."""
        password = self.password.text()
        if self._busy or not password:
            return
        Op(self, lambda: self._unlock(password)).busy(self._set_busy).success(
            self._accepted
        ).failure(self._refused).run()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.unlock_button.setEnabled(not busy)
        self.password.setEnabled(not busy)
        if busy:
            self.error.hide()

    def _accepted(self, _result: object) -> None:
        self.password.clear()
        self.unlocked.emit()

    def _refused(self, exc: Exception) -> None:
        log.info("idle lock: password refused (%s)", type(exc).__name__)
        self.error.setText(error_message(exc))
        self.error.show()
        self.password.selectAll()
        self.password.setFocus()


class IdleLock(QObject):
    """Watches the application's input; locks the desk after ``minutes`` without any.

    Args:
        clock: the app's clock.
        minutes: idle minutes before the lock.
        clerk: the signed-in clerk's name (the lock screen shows it).
        unlock: ``unlock(password)`` (worker thread; raises when refused).
        sign_out: called (GUI thread) when the clerk signs out from the lock screen.

    Signals:
        locked_changed(bool)
    """

    locked_changed = Signal(bool)

    def __init__(
        self,
        clock: Any,
        minutes: int,
        *,
        clerk: str,
        unlock: Callable[[str], Any],
        sign_out: Callable[[], Any],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.limit = timedelta(minutes=minutes)
        self.last_input: datetime = clock.now()
        self._clerk = clerk
        self._unlock = unlock
        self._sign_out = sign_out
        self.screen: LockScreen | None = None
        self._hidden: list[QWidget] = []
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and not self.locked:
            self.last_input = self.clock.now()
        return False

    def check(self) -> None:
        """Lock when the clerk has been away long enough (the timer calls this)."""
        if not self.locked and self.clock.now() - self.last_input >= self.limit:
            log.info("idle for %s: the desk locks", self.limit)
            self.lock()

    def lock(self) -> None:
        """Hide every window of the desk and show the lock screen (File ▸ Lock, Ctrl+L)."""
        if self.locked:
            return
        # Nothing of the desk stays on screen: the main window, an open case, the applicant
        # screen, a menu. They keep their state while hidden.
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        self._hidden = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and not isinstance(w, LockScreen)
        ]
        for widget in self._hidden:
            widget.hide()
        self.screen = LockScreen(self._clerk, self._unlock)
        self.screen.unlocked.connect(self._lift)
        self.screen.sign_out_requested.connect(self._signing_out)
        self.screen.show()
        self.screen.raise_()
        self.screen.activateWindow()
        self.screen.password.setFocus()
        self.locked_changed.emit(True)

    def _lift(self) -> None:
        screen, self.screen = self.screen, None
        if screen is not None:
            screen.hide()
            screen.deleteLater()
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.last_input = self.clock.now()
        log.info("the desk is unlocked")
        self.locked_changed.emit(False)

    def _signing_out(self) -> None:
        screen, self.screen = self.screen, None
        if screen is not None:
            screen.hide()
            screen.deleteLater()
        hidden, self._hidden = self._hidden, []
        self.stop()
        self.locked_changed.emit(False)
        del hidden  # the sign-out closes them
        self._sign_out()

    def stop(self) -> None:
        """Stop watching (sign-out, quit)."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
