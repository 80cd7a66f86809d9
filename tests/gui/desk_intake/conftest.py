"""Fixtures of the desk intake tests: a keyboard-only guard and a signed-out desk."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_app.gui import i18n_build, services
from clerk_app.gui.app import Desk
from clerk_app.gui.i18n import install_translations
from tests.helpers.keyboard import make_context


@pytest.fixture
def no_mouse(qtbot, monkeypatch):
    """Fail the test if anything sends a mouse event through qtbot."""

    def refuse(*_args, **_kwargs):
        raise AssertionError("keyboard-only test used the mouse")

    for name in ("mouseClick", "mousePress", "mouseRelease", "mouseDClick", "mouseMove"):
        monkeypatch.setattr(qtbot, name, refuse)
    return qtbot


@pytest.fixture
def desk(shared_records_service, tmp_path):
    """The GUI of one run on a fresh data folder, against the module's records service."""
    context = make_context(shared_records_service.base_url, tmp_path)
    desk = Desk(context, services.default_hooks())
    yield desk
    if desk.window is not None:
        desk.window.close()
    desk.shutdown()
    if desk.login is not None:
        desk.login.close()
    context.close()


@pytest.fixture
def context_of():
    return lambda desk: desk.context


@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory) -> Path:
    """The .ts files compiled into a temp folder (as tests/gui does)."""
    out = tmp_path_factory.mktemp("qm-desk")
    i18n_build.release(sorted(i18n_build.TRANSLATIONS_DIR.glob("clerk_*.ts")), out)
    return out


@pytest.fixture(autouse=True)
def english(qapp, qm_dir):
    """English by default, restored after each test (tests switch to Chinese)."""
    install_translations("en", qm_dir)
    yield
    install_translations("en", qm_dir)
