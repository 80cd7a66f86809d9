"""Fixtures of the offline GUI tests: see tests/helpers/offline.py."""

from __future__ import annotations

import pytest

from tests.helpers.offline import (  # noqa: F401 - fixtures and hooks for this folder
    clock,
    fault_proxy,
    make_context,
    ram_folder,
)


@pytest.fixture(autouse=True)
def english() -> None:
    """The desk's default Chinese UI here: tests/gui's English translations are not installed."""
