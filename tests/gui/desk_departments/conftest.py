"""Fixtures of the department desks: real desks on real files (tests/helpers/offline.py) on
the test clock, so the desks and the service agree on the day."""

from __future__ import annotations

import pytest

from clerk_app.core.clock import FixedClock
from tests.helpers.offline import make_context  # noqa: F401 - fixture for this folder
from tests.helpers.service import TEST_NOW


@pytest.fixture
def clock() -> FixedClock:
    """Every desk's clock: the service's test day (TEST_NOW), moved on by the tests."""
    return FixedClock(TEST_NOW)
