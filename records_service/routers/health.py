"""GET /health."""

from __future__ import annotations

from fastapi import APIRouter

from records_service import __version__
from records_service.deps import SettingsDep
from records_service.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health", operation_id="health")
def health(settings: SettingsDep) -> Health:
    """Liveness and versions; no sign-in needed."""
    return Health(status="ok", version=__version__, min_client_version=settings.min_client_version)
