"""Fixtures of the ticket kiosk's tests: a records service whose clock stands on a working
Monday morning (the hall open, appointments checkable), the kiosk's desk clock at the same
moment, translations compiled once, screenshots kept for a person to look at."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from clerk_app.core.clock import FixedClock
from clerk_app.gui import i18n_build
from clerk_app.gui.i18n import install_translations
from tests.helpers.kiosk import MONDAY_MORNING
from tests.helpers.offline import make_context  # noqa: F401 - fixture


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MONDAY_MORNING)


@pytest.fixture
def center(service_factory):
    """The records service with the demo hall, at :data:`MONDAY_MORNING` (running on)."""
    return service_factory(clock=MONDAY_MORNING)


@pytest.fixture(scope="session")
def kiosk_qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("kiosk-qm")
    i18n_build.release(sorted(i18n_build.TRANSLATIONS_DIR.glob("clerk_*.ts")), out)
    return out


@pytest.fixture
def language(qapp, kiosk_qm_dir) -> Iterator[Callable[[str], None]]:
    """``language("zh_CN")``: the app's language for this test; English again afterwards."""
    yield lambda lang: install_translations(lang, kiosk_qm_dir)
    install_translations("en", kiosk_qm_dir)


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("kiosk-screens", numbered=False)
