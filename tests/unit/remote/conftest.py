"""Fixtures of the remote-layer tests (a desk store and a real service): see
tests/helpers/remote.py.
"""

from __future__ import annotations

from tests.helpers.remote import (  # noqa: F401 - fixtures and hooks for this folder
    clock,
    desk,
    store,
)
