"""The service answers /health over real HTTP."""

from __future__ import annotations

import requests

from records_service import __version__


def test_health_reports_status_and_versions(records_service) -> None:
    response = requests.get(records_service.url("/health"), timeout=5)
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "version": __version__,
        "min_client_version": "0.1.0",
    }
