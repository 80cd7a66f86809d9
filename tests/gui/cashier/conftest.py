"""Fixtures of the cashier screen's tests: desks shut down at the end of each test."""

from __future__ import annotations

from tests.helpers.cashier_desk import cashier_desks  # noqa: F401 - fixture
