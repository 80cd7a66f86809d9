"""Fixtures of the hall screen and applicant screen tests: desks on real files against a real
records service, translations compiled once, screenshots kept for a person to look at."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from clerk_app.app.context import AppContext, build_context, demo_provisioning
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.core.settings import Settings
from clerk_app.gui import i18n_build
from clerk_app.gui.i18n import install_translations
from clerk_app.paths import Paths

REPO = Path(__file__).resolve().parents[3]
DEMO_PROVISIONING = REPO / "resources" / "provisioning" / "demo-W01.toml"


@pytest.fixture(scope="session")
def hall_qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .ts files compiled into a temp folder."""
    out = tmp_path_factory.mktemp("hall-qm")
    i18n_build.release(sorted(i18n_build.TRANSLATIONS_DIR.glob("clerk_*.ts")), out)
    return out


@pytest.fixture
def language(qapp, hall_qm_dir) -> Iterator[Callable[[str], None]]:
    """``language("zh_CN")``: the app's language for this test; English again afterwards."""
    yield lambda lang: install_translations(lang, hall_qm_dir)
    install_translations("en", hall_qm_dir)


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the tests save what a person would see (``<basetemp>/screens``)."""
    return tmp_path_factory.mktemp("screens", numbered=False)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime.now(CENTER_TZ).replace(microsecond=0))


@pytest.fixture
def make_context(tmp_path: Path, clock: FixedClock) -> Iterator[Callable[..., AppContext]]:
    """``make_context(service_url, home="w1", **settings)``: a desk on real files."""
    made: list[AppContext] = []

    def make(service_url: str, home: str = "w1", **values: object) -> AppContext:
        prov = demo_provisioning(DEMO_PROVISIONING, service_url)
        base = tmp_path / home
        paths = Paths(base / "data", base / "config", base / "logs", base / "documents")
        settings = Settings(None, {k.replace("__", "."): v for k, v in values.items()})
        ctx = build_context(prov, paths.ensure(), clock=clock, settings=settings)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()
