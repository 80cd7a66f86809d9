"""The hall's big screen (大屏): on a PC enrolled with a display credential, or (older
set-ups) instead of the desk for an account with role display.

With the setting ``hall.screen`` = ``calls`` both open the queue's call panel instead
(``gui.hall.calls``, issue 18), fed by ``GET /queue/calls``.

``open_enrolled_hall_screen(context, credential)`` makes the screen of a hall PC: no one
signs in; the credential is renewed in the background fetch when a third of its lifetime
is left (on the context's clock); a refused credential stops the fetching and tells IT
what to do (F2: type a new enrolment code). ``open_hall_screen(context, session)`` fetches
``GET /board`` with a display account's token.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit

from clerk_app.app.enrolment import (
    CredentialRevoked,
    Enrolled,
    EnrolmentProblem,
    MachineCredential,
    display_credential,
    enrol_here,
    renew_if_due,
)
from clerk_app.app.hall import fetch_board
from clerk_app.core.errors import Refused, UserError
from clerk_app.core.records import Board
from clerk_app.gui.hall.board import BoardRow, BoardSnapshot, hall_name
from clerk_app.gui.hall.screen import HallScreen

__all__ = [
    "BoardRow",
    "BoardSnapshot",
    "HallScreen",
    "HallSignInNeeded",
    "hall_name",
    "is_hall_account",
    "open_enrolled_hall_screen",
    "open_hall_screen",
]

log = logging.getLogger("clerk.gui")

# The most pages one rotation shows (the newest rows first).
MAX_PAGES = 6


class HallSignInNeeded(UserError):
    """Signed in offline: the board needs the service; sign in again when the link is back."""

    def __str__(self) -> str:
        return QCoreApplication.translate(
            "HallScreen", "Signed in offline: the board needs the center. Sign in again."
        )


def is_hall_account(session: Any) -> bool:
    """An account for the hall screen: role display, and no desk role (clerk, lead, admin)."""
    roles = set(session.roles)
    return "display" in roles and not roles & {"clerk", "lead", "admin"}


def open_hall_screen(context: Any, session: Any, *, show: bool = True) -> HallScreen:
    """The hall screen of ``session``, full screen and running (unless ``show`` is False)."""
    settings = context.settings
    rows = int(settings["hall.rows_per_page"])
    token = session.access_token
    if settings["hall.screen"] == "calls":  # the queue's call panel (issue 18)
        from clerk_app.gui.hall.calls import open_call_panel

        def call_token() -> str:
            if not token:
                raise HallSignInNeeded()
            return str(token)

        return open_call_panel(context, call_token, show=show)  # type: ignore[return-value]

    def fetch() -> Board:
        if not token:
            raise HallSignInNeeded()
        return fetch_board(context, token, limit=rows * MAX_PAGES)

    screen = HallScreen(
        fetch,
        clock=context.clock,
        center_name=context.provisioning.center_name,
        rows_per_page=rows,
        page_seconds=int(settings["hall.page_seconds"]),
        refresh_seconds=int(settings["hall.refresh_seconds"]),
    )
    if show:
        screen.showFullScreen()
        screen.start()
    return screen


class DisplayCredentialHolder:
    """The hall PC's display credential; :meth:`token` renews it first when due (on the
    fetch's worker thread, one at a time)."""

    def __init__(self, context: Any, credential: MachineCredential) -> None:
        self.context = context
        self.credential = credential
        self._lock = threading.Lock()

    def token(self) -> str:
        with self._lock:
            self.credential = renew_if_due(self.context, self.credential)
            return self.credential.token

    def reload(self) -> bool:
        """Take the credential kept now (after a new enrolment); False when there is none."""
        credential = display_credential(self.context)
        if credential is None:
            return False
        with self._lock:
            self.credential = credential
        return True


def open_enrolled_hall_screen(
    context: Any, credential: MachineCredential, *, show: bool = True
) -> HallScreen:
    """The hall screen of a PC holding a display credential, full screen and running
    (unless ``show`` is False). Nobody signs in."""
    settings = context.settings
    rows = int(settings["hall.rows_per_page"])
    holder = DisplayCredentialHolder(context, credential)
    if settings["hall.screen"] == "calls":  # the queue's call panel (issue 18)
        from clerk_app.gui.hall.calls import open_call_panel

        panel = open_call_panel(context, holder.token, show=show)
        panel.holder = holder  # type: ignore[attr-defined]
        return panel  # type: ignore[return-value]

    def fetch() -> Board:
        token = holder.token()
        try:
            return fetch_board(context, token, limit=rows * MAX_PAGES)
        except Refused as exc:
            if exc.status == 401:
                raise CredentialRevoked("display credential refused") from exc
            raise

    screen = HallScreen(
        fetch,
        clock=context.clock,
        center_name=context.provisioning.center_name,
        rows_per_page=rows,
        page_seconds=int(settings["hall.page_seconds"]),
        refresh_seconds=int(settings["hall.refresh_seconds"]),
    )
    screen.holder = holder  # type: ignore[attr-defined]
    screen.enrol_requested.connect(lambda: _ask_enrolment_code(context, screen, holder))
    if show:
        screen.showFullScreen()
        screen.start()
    return screen


def _ask_enrolment_code(context: Any, screen: HallScreen, holder: DisplayCredentialHolder) -> None:
    """F2 on a refused screen: IT types a new display enrolment code; the board comes back."""
    dialog = QInputDialog(screen)
    dialog.setObjectName("hallEnrolDialog")
    dialog.setWindowTitle(QCoreApplication.translate("HallScreen", "New enrolment code"))
    dialog.setLabelText(
        QCoreApplication.translate(
            "HallScreen", "Enrolment code for this screen (clerk-records enrol --kind display):"
        )
    )
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    screen.enrol_dialog = dialog  # type: ignore[attr-defined]

    def redeem(code: str) -> None:
        from clerk_app.gui.ops import Op

        Op(screen, lambda: enrol_here(context, code)).success(enrolled).failure(
            screen.enrolment_failed
        ).run()

    def enrolled(result: Enrolled) -> None:
        if result.hall_screen and holder.reload():
            screen.credential_restored()
        else:  # a desk's code: kept as the desk token, but this screen needs a display code
            screen.enrolment_failed(EnrolmentProblem("unsupported", kind=result.kind))

    dialog.textValueSelected.connect(redeem)
    dialog.open()
