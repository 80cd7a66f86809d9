"""Fixtures of the offline end-to-end tests: see tests/helpers/offline.py."""

from __future__ import annotations

from tests.helpers.offline import (  # noqa: F401 - fixtures and hooks for this folder
    clock,
    fault_proxy,
    make_context,
    ram_folder,
)
