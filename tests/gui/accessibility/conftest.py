"""Fixtures of the accessibility tests: desks on real files, the compiled translations."""

from __future__ import annotations

from tests.helpers.offline import clock, make_context  # noqa: F401 - fixtures
from tests.helpers.translations import english, qm_dir  # noqa: F401 - fixtures
