"""Desk tests: the English translation installed (as in the GUI tests), a store on a real
SQLite file, and a desk signed in against the real records service when a test asks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk_app.core.clock import FixedClock
from clerk_app.gui.ops import DbWriter
from clerk_app.store import LocalStore
from tests.gui.conftest import english, qm_dir  # noqa: F401 - fixtures re-exported
from tests.remote.conftest import desk  # noqa: F401 - fixture re-exported
from tests.store.helpers import T0, open_store


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Iterator[LocalStore]:
    s = open_store(tmp_path / "clerk.db", clock)
    yield s
    s.db.close()


@pytest.fixture
def writer(qapp) -> Iterator[DbWriter]:
    w = DbWriter()
    yield w
    w.wait_idle(30_000)
