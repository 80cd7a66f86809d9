"""Fixtures of the cross-layer security tests: see tests/helpers/security_api.py."""

from __future__ import annotations

from tests.helpers.security_api import (  # noqa: F401 - fixtures and hooks for this folder
    backend,
    pytest_generate_tests,
    shared,
    start_service,
)
