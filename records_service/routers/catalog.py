"""GET /catalog (ETag, If-None-Match), GET /calendar, GET /centers and
POST /catalog/adoptions (a center publishes its implementation of a base item)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Request, Response
from sqlalchemy import select

from records_service import audit, base_items, catalog_store, reach, rules
from records_service.catalog_schemas import AdoptionAnswer, AdoptionCreate, CenterPublic, Centers
from records_service.deps import (
    ClockDep,
    CurrentPrincipal,
    Principal,
    SessionDep,
    WriteSessionDep,
    client_ip,
)
from records_service.models import Center
from records_service.problems import ProblemError, invalid_field, problem_responses
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
    principal: CurrentPrincipal,
    session: SessionDep,
    if_none_match: Annotated[str | None, Header(max_length=1000)] = None,
) -> Response:
    """The newest catalog of the caller's center (while it has published none, the
    nearest center's above) with a strong ``ETag``; ``If-None-Match`` answers 304."""
    row = catalog_store.latest_published(session, principal.center_code)
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


def _centers_in_reach(session: SessionDep, principal: Principal) -> set[str]:
    """Leads, admins and supervisors: their center and those below; others their own."""
    if reach.callers(principal) & {"lead", "admin", "supervisor"}:
        return reach.centers_at_and_below(session, principal.center_code)
    return {principal.center_code} if principal.center_code else set()


@router.get(
    "/centers",
    operation_id="list_centers",
    response_model=Centers,
    tags=["centers"],
    responses=problem_responses(401, 403, s403="not a member of a center's staff"),
)
def list_centers(principal: CurrentPrincipal, session: SessionDep) -> Centers:
    """The centers in the caller's reach with code, name, level and parent, top down."""
    codes = _centers_in_reach(session, principal)
    rows = session.scalars(select(Center).where(Center.code.in_(codes))).all()
    depth = {code: len(catalog_store.center_chain(session, code)) for code in codes}
    rows = sorted(rows, key=lambda c: (depth[c.code], c.code))
    return Centers(
        centers=[
            CenterPublic(code=c.code, name=c.name, level=c.level, parent=c.parent_code)
            for c in rows
        ]
    )


@router.post(
    "/catalog/adoptions",
    operation_id="adopt_catalog_item",
    response_model=AdoptionAnswer,
    responses={
        200: {"description": "published (or already published exactly so)"},
        **problem_responses(
            400,
            401,
            403,
            413,
            422,
            s403="not an admin",
            s422="invalid fields: ``basic_code`` not in the basic catalogue or not published "
            "by the center above, ``implementation_code`` another's, ``code`` another base "
            "item's, ``center_code`` outside the caller's reach, ``department`` or another "
            "item field the catalog refuses; nothing is written",
        ),
    },
)
def adopt_catalog_item(
    body: AdoptionCreate,
    principal: CurrentPrincipal,
    request: Request,
    session: WriteSessionDep,
    clock: ClockDep,
) -> AdoptionAnswer:
    """A center publishes its implementation (实施清单) of a base item: name, type and
    legal basis from the base item, the rest its own; a new catalog version of the
    center holds it. An admin adopts for their center or one below it."""
    code = body.center_code or principal.center_code
    center = session.get(Center, code) if code else None
    if center is None or code not in reach.centers_at_and_below(session, principal.center_code):
        raise invalid_field("center_code", "not a center in your reach")
    now = clock()
    row, published = base_items.adopt(session, center, body, now)
    answer = AdoptionAnswer(
        implementation_code=row.implementation_code,
        basic_code=row.basic_code,
        center_code=row.center_code,
        code=row.item_code,
        catalog_version=row.catalog_version,
        published=published,
    )
    if published:
        audit.record(
            session,
            at=now,
            action="catalog.adopt",
            result="ok",
            actor=principal.actor,
            target=row.implementation_code,
            client_ip=client_ip(request),
            detail={"basic_code": row.basic_code, "catalog_version": row.catalog_version},
            center_code=center.code,
        )
    session.commit()
    return answer
