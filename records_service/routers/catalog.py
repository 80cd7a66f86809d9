"""GET /catalog (ETag, If-None-Match) and GET /calendar."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Response

from records_service import catalog_store, rules
from records_service.deps import CurrentPrincipal, SessionDep
from records_service.problems import ProblemError, problem_responses
from records_service.schemas import CalendarPublic, CatalogPublic

router = APIRouter(tags=["catalog"])


def _matches(if_none_match: str, etag: str) -> bool:
    tags = [t.strip() for t in if_none_match.split(",")]
    return "*" in tags or etag in tags or f"W/{etag}" in tags


_ETAG = {
    "ETag": {
        "description": "the catalog version's strong entity tag",
        "required": True,
        "schema": {"type": "string"},
    }
}


@router.get(
    "/catalog",
    operation_id="get_catalog",
    response_model=CatalogPublic,
    responses={
        200: {"description": "the newest published catalog", "headers": _ETAG},
        304: {
            "description": "not modified: ``If-None-Match`` names this version",
            "headers": _ETAG,
        },
        **problem_responses(401, 404, 422, s404="no catalog has been published yet"),
    },
)
def get_catalog(
    _principal: CurrentPrincipal,
    session: SessionDep,
    if_none_match: Annotated[str | None, Header(max_length=1000)] = None,
) -> Response:
    """The newest catalog with a strong ``ETag``; ``If-None-Match`` answers 304."""
    row = catalog_store.latest_published(session)
    if row is None:
        raise ProblemError(404, "no-catalog", "No catalog has been published yet.")
    headers = {"ETag": row.etag, "Cache-Control": "no-cache"}
    if if_none_match and _matches(if_none_match, row.etag):
        return Response(status_code=304, headers=headers)
    return Response(
        row.body,
        media_type="application/json",
        headers=headers,
    )


@router.get(
    "/calendar",
    operation_id="get_calendar",
    response_model=CalendarPublic,
    responses=problem_responses(401, 422),
)
def get_calendar(
    _principal: CurrentPrincipal,
    session: SessionDep,
    year: Annotated[int, Query(ge=1900, le=2200)],
) -> CalendarPublic:
    """The working-day calendar the service uses for ``year`` (admin overrides included)."""
    return CalendarPublic.model_validate(rules.published_calendar(year, session))
