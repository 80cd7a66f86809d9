"""Fixtures of the desk's security tests: see tests/helpers/security_desk.py."""

from __future__ import annotations

from tests.helpers.security_desk import (  # noqa: F401 - fixtures and hooks for this folder
    clock,
    make_desk,
)
