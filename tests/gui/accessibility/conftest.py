"""Fixtures of the accessibility tests: desks on real files (``open_as`` a demo user), the
compiled translations, and the application's palette as ``run_app`` installs it
(``gui.palette``; put back after)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette

from clerk_app.app.session import sign_in
from clerk_app.gui.app import Desk
from clerk_app.gui.palette import install_readable_palette
from tests.helpers.offline import clock, make_context  # noqa: F401 - fixtures
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.translations import english, qm_dir  # noqa: F401 - fixtures


@pytest.fixture(autouse=True)
def app_palette(qapp) -> Iterator[QPalette]:
    """The palette the desk runs with (the platform's, made readable at start)."""
    before = QPalette(qapp.palette())
    install_readable_palette(qapp)
    yield qapp.palette()
    qapp.setPalette(before)


@pytest.fixture
def open_as(qtbot, shared_records_service, make_context):  # noqa: F811 - the fixture
    """``open_as(user, window_code)``: what the user's sign-in opens (its Desk shut down
    at teardown)."""
    desks: list[Desk] = []

    def open_as(user: str, window_code: str = "W01") -> Any:
        context = make_context(shared_records_service.base_url, home=user, window_code=window_code)
        desk = Desk(context)
        desks.append(desk)
        shown = desk.open_desk(sign_in(context, user, DEMO_PASSWORD))
        qtbot.addWidget(shown)
        qtbot.waitExposed(shown)
        return shown

    yield open_as
    for desk in desks:
        screen = desk.cashier
        if screen is not None and hasattr(screen, "offline"):
            qtbot.waitUntil(lambda screen=screen: not screen.offline.pulling, timeout=60_000)
        desk.shutdown()
        QCoreApplication.processEvents()
        for shown in (desk.window, desk.cashier, desk.dashboard):
            if shown is not None:
                shown.close()
