"""GUI tests run in English (compiled .qm files): see tests/helpers/translations.py."""

from __future__ import annotations

from tests.helpers.translations import (  # noqa: F401 - fixtures and hooks for this folder
    english,
    qm_dir,
)
