"""Fixtures of the supervisor's screen tests: desks on real files."""

from __future__ import annotations

from tests.helpers.offline import clock, make_context  # noqa: F401 - fixtures
