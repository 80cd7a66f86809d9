"""Fixtures of the printing GUI tests (store, CUPS queue, desk): see tests/helpers/printing.py."""

from __future__ import annotations

import pytest

from tests.helpers.printing import (  # noqa: F401 - fixtures and hooks for this folder
    clock,
    cups_queue,
    store,
)
from tests.helpers.remote import desk  # noqa: F401 - the desk fixture (uses the clock and store above)


@pytest.fixture(autouse=True)
def english() -> None:
    """The desk's default Chinese UI here: tests/gui's English translations are not installed."""
