"""The sign-in window's start (issue 21): it is shown first; what it shows of the window's
provisioning is filled in right after (:func:`fill_in_behind`), and what it does not need
waits until it is on the screen (:func:`when_on_screen`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from clerk_app.gui.i18n import current_language, install_translations, normalise_language

if TYPE_CHECKING:
    from clerk_app.gui.app import Desk


def fill_in_behind(
    app: QApplication, desk: Desk, provide: Callable[[Callable[[], None]], Any]
) -> int | None:
    """Read the provisioning behind the shown sign-in window (``run_app``'s ``provide``)
    and fill the window in — in its language, should the provisioning choose another.
    Returns None, or the exit code when the start ends (the window closed)."""
    login = desk.login
    assert login is not None
    context = provide(login.hide)
    if isinstance(context, int):
        login.close()
        return context
    wanted = normalise_language(context.settings["ui.language"] or context.provisioning.language)
    if wanted != current_language():
        install_translations(wanted)
        app.sendPostedEvents()  # Qt's language-change events first: its buttons' words
        login.retranslate()
    desk.provisioned(context)
    if not login.isVisible():  # hidden for the first-run wizard
        login.show()
    return None


class _WhenOnScreen(QObject):
    """Calls ``callback`` once, in the event loop, after ``widget``'s window is exposed —
    on the screen and painted (a widget window paints as it is exposed) — or after
    ``LONGEST_MS`` should it never be. Polled, not an event filter: a Python event handler
    would build ``QEvent``'s enums (~10 ms) before the sign-in window is shown."""

    POLL_MS = 10
    LONGEST_MS = 500

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback: Callable[[], None] | None = callback
        self._polls = 0
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        self._polls += 1
        handle = self._widget.windowHandle()
        exposed = handle is not None and handle.isExposed()
        if exposed or self._polls * self.POLL_MS >= self.LONGEST_MS:
            self._timer.stop()
            QTimer.singleShot(0, self, self._fire)  # after what is queued for the screen

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()

    def cancel(self) -> None:
        """Not called any more (the window went before it was on the screen)."""
        self._timer.stop()
        self._callback = None


def when_on_screen(widget: QWidget, callback: Callable[[], None]) -> _WhenOnScreen:
    """Run ``callback`` once ``widget`` is on the screen (the work the sign-in window must
    not wait for: it is shown and painted first)."""
    return _WhenOnScreen(widget, callback)
