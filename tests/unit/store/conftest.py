"""Fixtures of the store tests: see tests/helpers/store.py."""

from __future__ import annotations

from tests.helpers.store import clock, store  # noqa: F401 - fixtures for this folder
