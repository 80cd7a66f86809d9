"""Fixtures of the desk shell's GUI tests: see tests/helpers/desk_shell.py."""

from __future__ import annotations

from tests.helpers.desk_shell import (  # noqa: F401 - fixtures and hooks for this folder
    clock,
    context,
    desk_window,
    english,
)
