"""GET /health: versions and a database check."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError

from records_service import __version__
from records_service.deps import DatabaseDep, SettingsDep
from records_service.problems import problem_responses
from records_service.schemas import Health

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    operation_id="health",
    response_model=Health,
    responses={
        503: {"model": Health, "description": "the database does not answer"},
        **problem_responses(422),
    },
)
def health(settings: SettingsDep, db: DatabaseDep) -> Any:
    """Liveness, versions and whether the database answers; no sign-in needed."""
    try:
        db.ping()
        database = "ok"
    except SQLAlchemyError:
        database = "unavailable"
    answer = Health(
        status="ok" if database == "ok" else "degraded",
        version=__version__,
        min_client_version=settings.min_client_version,
        database=database,
    )
    if database != "ok":
        return JSONResponse(answer.model_dump(), status_code=503)
    return answer
