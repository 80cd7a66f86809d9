"""The sign-in window's application object, made early, and its fonts looked up meanwhile.

The first text a Qt process lays out reads the system's font set up (fontconfig's files,
Qt's font database, the fallback fonts for Han characters: ~6 ms here, more on a PC with
many fonts) — a bare window with no text never pays it, the sign-in window does. So
``clerk-app`` makes the ``QApplication`` as soon as it knows it will show a window
(:func:`start_application`) and looks the fonts up on a thread of its own, which Qt lets go
of Python's lock for, while the start loads the rest of the sign-in window's modules;
``run_app`` waits for it (:func:`fonts_looked_up`) before building the window (issue 21).
Qt's font database is shared by all threads and locked; a font engine is per thread, so the
window still opens its own — what the thread saves is the look-up behind it.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QApplication

log = logging.getLogger("clerk.gui")

APPLICATION_NAME = "Window Clerk"
#: Text in the sign-in window's scripts: Han (its captions, the center's name) and Latin.
_SAMPLE = "窗口受理 Window Clerk 0123"

_looking_up: threading.Thread | None = None


def application_early(quiet: bool) -> bool:
    """Whether the start should make the ``QApplication`` before it reads the provisioning:
    where a person sees windows (there a start-up error opens one anyway, see
    ``gui.startup_error``; an IT script over ssh has no display, and its errors go to
    stderr only, as before), or, on a platform without a screen (offscreen), for a start
    that waits for no one (``quiet``: ``--smoke-start``, whose errors open no window)."""
    if os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal"):
        return quiet
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def start_application() -> QApplication:
    """The application object (made here if there is none), named; the sign-in window's
    fonts are then looked up on a thread (once per process)."""
    global _looking_up
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setApplicationName(APPLICATION_NAME)
    if _looking_up is None:
        font = QGuiApplication.font()  # a copy: the thread has its own
        _looking_up = threading.Thread(target=_look_up, args=(font,), name="fonts")
        _looking_up.start()  # not a daemon: a process that ends early waits for it
    return app


def _look_up(font: QFont) -> None:
    try:
        QFontMetrics(font).horizontalAdvance(_SAMPLE)
        font.setBold(True)  # the center's name
        QFontMetrics(font).horizontalAdvance(_SAMPLE)
    except Exception as exc:  # only a head start: the window looks them up itself
        log.warning("looking the fonts up ahead: %s", exc)


def fonts_looked_up() -> None:
    """Wait until the fonts are looked up, if :func:`start_application` started that."""
    if _looking_up is not None:
        _looking_up.join()
