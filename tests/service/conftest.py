"""Fixtures of the service tests (a real records service per backend): see
tests/helpers/service_api.py.
"""

from __future__ import annotations

from tests.helpers.service_api import (  # noqa: F401 - fixtures and hooks for this folder
    backend,
    clerk_token,
    demo_databases,
    package_service,
    pytest_configure,
    pytest_generate_tests,
    service,
    service_factory,
    strict_service,
)
