"""The desk shell's tests: a real context (SQLite store, settings file, log folder in a temp
folder), the real main window with the demo catalog, and the compiled translations."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from clerk_app.app.context import build_context, demo_provisioning
from clerk_app.app.session import Session
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.gui import services
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.main_window import MainWindow
from clerk_app.gui.ops import DbWriter
from clerk_app.paths import Paths
from tests.helpers.gui import REPO, demo_catalog
from tests.helpers.translations import qm_dir  # noqa: F401 - the compiled .qm files (a fixture)

DEMO_PROVISIONING = REPO / "resources" / "provisioning" / "demo-W01.toml"
#: Nothing listens there: the desk is offline.
NOWHERE = "http://127.0.0.1:9"

SESSION = Session(
    username="demo-clerk",
    display_name="示例受理员",
    roles=("clerk",),
    window_code="W01",
    window_name="公安户政窗口",
    department="市公安局",
    access_token=None,
    expires_at=None,
)


@pytest.fixture(autouse=True)
def english(qapp, qm_dir):  # noqa: F811 - qm_dir is the fixture imported above
    install_translations("en", qm_dir)
    yield
    install_translations("en", qm_dir)


def make_paths(base: Path) -> Paths:
    return Paths(
        data_dir=base / "data",
        config_dir=base / "config",
        log_dir=base / "log",
        documents_dir=base / "documents",
    )


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 30, 9, 30, tzinfo=CENTER_TZ))


@pytest.fixture
def context(tmp_path, clock) -> Iterator:
    ctx = build_context(
        demo_provisioning(DEMO_PROVISIONING, NOWHERE), make_paths(tmp_path), clock=clock
    )
    yield ctx
    ctx.close()


def open_window(qtbot, context, session: Session = SESSION) -> MainWindow:
    hooks = services.default_hooks()
    window = MainWindow(
        context,
        session,
        calendar=hooks.calendar(context),
        take_in=hooks.take_in,
        writer=DbWriter(),
    )
    qtbot.addWidget(window)
    window.set_catalog(demo_catalog())
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def desk_window(qtbot, context) -> MainWindow:
    return open_window(qtbot, context)


@pytest.fixture(name="home")
def main_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``home``: a fresh home and an empty machine folder for ``clerk_app.__main__.main``;
    the log handlers main() adds go after."""
    import logging

    from clerk_app.core.provisioning import MACHINE_DIR_ENV

    monkeypatch.setenv("CLERK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv(MACHINE_DIR_ENV, str(tmp_path / "machine"))
    yield tmp_path / "home"
    root = logging.getLogger("clerk")
    for handler in [h for h in root.handlers if getattr(h, "_clerk", False)]:
        root.removeHandler(handler)
        handler.close()
