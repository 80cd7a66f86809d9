"""Fixtures of the document-archive use-case tests: see tests/helpers/printing.py."""

from __future__ import annotations

from tests.helpers.printing import (  # noqa: F401 - fixtures and hooks for this folder
    clock,
    cups_queue,
    store,
)
from tests.helpers.remote import desk  # noqa: F401 - the desk fixture (uses the clock and store above)
