"""The hall's ticket kiosk (取号机, issue 18): ``clerk-app --kiosk`` on a PC enrolled with a
kiosk credential (``clerk-records enrol --kind kiosk``).

``run_kiosk(context)`` is the whole program of a kiosk PC: no one signs in; without a
kiosk credential yet, IT is asked for the enrolment code first (the same on F2 when the
service refused the credential). ``open_kiosk(context, holder)`` makes the screen.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QWidget

from clerk_app.app import kiosk
from clerk_app.app.enrolment import EnrolmentProblem
from clerk_app.core.errors import ConnectionProblem
from clerk_app.gui.hall.voice import Announcer, Voice, pick_voice
from clerk_app.gui.kiosk.printer import TicketPrinter
from clerk_app.gui.kiosk.screen import KioskScreen

__all__ = ["KioskScreen", "TicketPrinter", "ask_enrolment", "open_kiosk", "run_kiosk"]

log = logging.getLogger("clerk.gui")


def open_kiosk(
    context: Any,
    holder: kiosk.KioskCredentialHolder,
    *,
    voice: Voice | None = None,
    printer: TicketPrinter | None = None,
    show: bool = True,
) -> KioskScreen:
    """The kiosk's screen, full screen and started (unless ``show`` is False).

    Args:
        voice: who speaks the prompts (None: silent, the texts kept in
            ``screen.announcer.history``); ``run_kiosk`` picks the PC's voice.
        printer: the ticket printer (the ``queue_ticket`` printer by default).
    """
    screen = KioskScreen(
        context,
        holder,
        announcer=Announcer(voice),
        printer=printer or TicketPrinter(context),
    )
    screen.enrol_requested.connect(lambda: _re_enrol(context, screen))
    if show:
        screen.showFullScreen()
        screen.start()
    return screen


def ask_enrolment(
    context: Any, parent: QWidget | None = None
) -> kiosk.KioskCredentialHolder | None:
    """Ask IT for a kiosk enrolment code until one is redeemed; None when cancelled."""
    problem = ""
    while True:
        label = QCoreApplication.translate(
            "KioskScreen", "Enrolment code for this kiosk (clerk-records enrol --kind kiosk):"
        )
        code, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("KioskScreen", "Enrol this kiosk"),
            f"{problem}\n\n{label}" if problem else label,
            QLineEdit.EchoMode.Normal,
        )
        if not ok:
            return None
        try:
            credential = kiosk.enrol_kiosk(context, code)
        except EnrolmentProblem as exc:
            problem = (
                QCoreApplication.translate("KioskScreen", "This is not a kiosk's enrolment code.")
                if exc.reason == "unsupported"
                else QCoreApplication.translate(
                    "KioskScreen", "The code is unknown, used or expired. Ask for a new one."
                )
            )
            continue
        except ConnectionProblem:
            problem = QCoreApplication.translate(
                "KioskScreen", "The center cannot be reached. Check the network and try again."
            )
            continue
        return kiosk.KioskCredentialHolder(context, credential)


def _re_enrol(context: Any, screen: KioskScreen) -> None:
    holder = ask_enrolment(context, screen)
    if holder is not None:
        screen.credential_restored(holder)


def run_kiosk(context: Any) -> int:
    """Run the kiosk until it is closed; the exit code."""
    import sys

    from clerk_app.gui.i18n import install_translations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setApplicationName("Window Clerk")
    install_translations(context.settings["ui.language"] or context.provisioning.language)
    credential = kiosk.kiosk_credential(context)
    if credential is None:
        log.info("kiosk: not enrolled yet; asking for an enrolment code")
        holder = ask_enrolment(context)
        if holder is None:
            return 1
    else:
        holder = kiosk.KioskCredentialHolder(context, credential)
    log.info("kiosk: starting on this PC's kiosk credential (%s)", holder.label)
    screen = open_kiosk(context, holder, voice=pick_voice())
    app.aboutToQuit.connect(screen.stop)
    return app.exec()
