"""The hall's big screen (大屏): the board of the center's current cases (``GET /board``).

Runs on a worker thread (the screen fetches in the background).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk_app.core.records import Board
from clerk_app.remote.wire import board_from_wire

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext


def fetch_board(context: AppContext, token: str, *, limit: int) -> Board:
    """The board's newest ``limit`` rows (at most 200), with the hall account's token.

    Raises:
        ConnectionProblem / Refused (``core.errors``): no answer, or the service said no
            (401 once the token ran out).
        WireError: the answer is not a board.
    """
    return board_from_wire(context.backend.api.board(token, limit=min(200, limit)))
