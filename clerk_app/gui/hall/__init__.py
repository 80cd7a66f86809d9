"""The hall's big screen (大屏), opened instead of the desk for an account with role display.

``open_hall_screen(context, session)`` makes the screen, fetching ``GET /board`` with the
session's token, shows it full screen and starts it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from clerk_app.app.hall import fetch_board
from clerk_app.core.errors import UserError
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
    "open_hall_screen",
]

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
