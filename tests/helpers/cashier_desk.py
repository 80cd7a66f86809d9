"""The cashier's desk in GUI tests (issue 17): ``cashier_desks(context)`` makes a
``gui.app.Desk`` whose cashier screen runs the desk's sync worker, as a settlement window
does; at teardown every one is shut down — its background pull over, its sync worker's
thread stopped, its writer idle — before the context closes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from clerk_app.gui.app import Desk


def pulled(screen: Any) -> bool:
    """The cashier screen's background pull is over (none running)."""
    return not screen.offline.pulling


def answered(screen: Any) -> bool:
    """The cashier screen's call to the service (look-up, payment, F9) is over."""
    return not screen.busy


@pytest.fixture
def cashier_desks(qtbot: Any, make_context: Any) -> Iterator[Callable[[Any], Desk]]:
    """``cashier_desks(context)``: a desk, shut down at the end of the test (before the
    contexts ``make_context`` made close)."""
    made: list[Desk] = []

    def make(context: Any) -> Desk:
        desk = Desk(context)
        made.append(desk)
        return desk

    yield make
    for desk in made:
        screen = desk.cashier
        if screen is not None and hasattr(screen, "offline"):
            qtbot.waitUntil(lambda screen=screen: pulled(screen), timeout=30_000)
            qtbot.waitUntil(lambda screen=screen: answered(screen), timeout=30_000)
        desk.shutdown()
        # The worker's last reports, queued to the GUI thread, reach the screen now, while
        # its desk's database is still open.
        QCoreApplication.processEvents()
        if screen is not None:
            screen.close()
