"""Desk tests: the English translation installed (as in the GUI tests), a store on a real
SQLite file, and a desk signed in against the real records service when a test asks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from clerk_app.gui.ops import DbWriter
from tests.helpers.remote import desk  # noqa: F401 - fixture re-exported
from tests.helpers.store import clock, store  # noqa: F401 - fixtures for this folder


@pytest.fixture
def writer(qapp) -> Iterator[DbWriter]:
    w = DbWriter()
    yield w
    w.wait_idle(30_000)
