"""Fixtures for the offline tests: window contexts on real files, the fault proxy."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from clerk_app.app.context import AppContext, build_context, demo_provisioning
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.paths import Paths
from tests.helpers.faultproxy import FaultProxy

REPO = Path(__file__).resolve().parents[2]
DEMO_PROVISIONING = REPO / "resources" / "provisioning" / "demo-W01.toml"
UNREACHABLE = "http://127.0.0.1:9"


def window_paths(base: Path) -> Paths:
    return Paths(base / "data", base / "config", base / "logs", base / "documents").ensure()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime.now(CENTER_TZ).replace(microsecond=0))


@pytest.fixture
def make_context(tmp_path: Path, clock: FixedClock) -> Iterator[Callable[..., AppContext]]:
    """``make_context(service_url, home="w1", window_code="W01", base=None)``: a desk on
    real files (under ``tmp_path``, or under ``base``, e.g. a RAM folder).

    Contexts made with the same ``home`` share the data folder (a restart of the client).
    All are closed at teardown.
    """
    made: list[AppContext] = []

    def make(
        service_url: str, home: str = "w1", window_code: str = "W01", base: Path | None = None
    ) -> AppContext:
        prov = demo_provisioning(DEMO_PROVISIONING, service_url)
        if window_code != prov.window_code:
            prov = prov._replace(window_code=window_code)
        ctx = build_context(prov, window_paths((base or tmp_path) / home), clock=clock)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


@pytest.fixture
def ram_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder in RAM (``/dev/shm``) when the machine has one, else ``tmp_path``; removed.

    The same SQLite code path and pragmas, without paying a disk flush per commit: for tests
    about what is sent, not about surviving a power cut.
    """
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="clerk-test-", dir=shm))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def fault_proxy(records_service) -> Iterator[FaultProxy]:
    """A fault proxy in front of a fresh real records service; stopped at teardown."""
    proxy = FaultProxy(("127.0.0.1", int(records_service.base_url.rsplit(":", 1)[1])))
    proxy.start()
    try:
        yield proxy
    finally:
        proxy.stop()
