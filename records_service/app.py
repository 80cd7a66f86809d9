"""The FastAPI application factory."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from pydantic.json_schema import models_json_schema
from sqlalchemy.exc import SQLAlchemyError

from records_service import (
    API_PREFIX,
    __version__,
    audit,
    pool_nesting,
    queue_appointments,
    queue_dashboard,
    read_replica,
)
from records_service.db import Database, PoolLimits
from records_service.deps import Principal, client_ip
from records_service.fiscal import platform_for
from records_service.logs import AccessLogMiddleware
from records_service.logs import configure as configure_logs
from records_service.problems import (
    Problem,
    ProblemError,
    install_problem_handlers,
    problem_responses,
)
from records_service.request_guard import RequestGuardMiddleware
from records_service.routers import (
    admin,
    appointments,
    attachments,
    auth,
    bulletins,
    cases,
    cashier,
    catalog,
    complaints,
    credentials,
    devices,
    documents,
    enrolments,
    events,
    fee_lists,
    fees,
    health,
    hotline,
    joint,
    joint_views,
    presubmissions,
    public,
    queue,
    queue_windows,
    ratings,
    setup,
    visits,
    workload,
)
from records_service.routers.public import RateLimiter
from records_service.settings import Settings

log = logging.getLogger("records.app")

API_DESCRIPTION = """\
The central records service of Window Clerk (API.md is the skeleton, this document the
reference). Every error is an RFC 9457 problem document (``application/problem+json``,
schema ``Problem``) whose ``type`` says what to do. Writes a client may retry carry a
required ``Idempotency-Key``: the same key and body get the stored answer again, another
body 422 ``…/idempotency-mismatch``, a key still being applied 409 ``…/in-flight``, no key
400 ``…/idempotency-key-required``. Bodies above the configured limit get 413; a NUL
character anywhere gets 422; rate limits answer 429 with ``Retry-After``.
"""


def _system_clock() -> datetime:
    return datetime.now(UTC)


def _audit_refusal(request: Request, exc: ProblemError) -> None:
    """Every role refusal (403) goes into the audit trail, in its own transaction."""
    if exc.status != 403:
        return
    principal: Principal | None = getattr(request.state, "principal", None)
    db: Database = request.app.state.database
    try:
        with db.write() as session:
            audit.record(
                session,
                at=request.app.state.clock(),
                action="access.refused",
                result="forbidden",
                actor=principal.actor if principal else None,
                device_id=principal.device_id if principal else None,
                target=f"{request.method} {request.url.path}",
                client_ip=client_ip(request),
                detail={"detail": exc.detail},
            )
    except SQLAlchemyError:  # the refusal itself must still be answered
        log.exception("could not audit a refusal")


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's OpenAPI with the shared ``Problem`` schema every problem answer refers to
    (``problems.problem_responses``), and 503 ``busy`` on every route (any of them may find
    the database locked), built once."""
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        _, definitions = models_json_schema(
            [(Problem, "serialization")], ref_template="#/components/schemas/{model}"
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.update(definitions.get("$defs", {}))
        busy = problem_responses(503)[503]
        for item in schema["paths"].values():
            for operation in item.values():
                operation["responses"].setdefault("503", busy)
        app.openapi_schema = schema
    return app.openapi_schema


def create_app(
    settings: Settings | None = None,
    *,
    clock: Callable[[], datetime] = _system_clock,
    database: Database | None = None,
) -> FastAPI:
    """Build the service.

    Args:
        settings: service settings; read from the environment when omitted.
        clock: returns the current time (timezone-aware); tests pass a fixed one.
        database: an open :class:`Database`; made from ``settings.database_url`` if omitted.
    """
    settings = settings or Settings.load()
    if not logging.getLogger("records").handlers:
        configure_logs(os.environ.get("CLERK_RECORDS_LOG_LEVEL", "info"))
    db = database or Database(
        settings.database_url,
        settings.center_code,
        read_url=settings.read_database_url or None,
        max_lag_s=settings.read_max_lag_seconds,
        pool=PoolLimits.from_settings(settings),
    )
    queue_appointments.use_opening_hours(db, settings.queue_opening_hours)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        placer = read_replica.start_placer(db)  # PostgreSQL: audit chain (+ feed, replica)
        yield
        if placer is not None:
            placer.stop()
        db.dispose()

    app = FastAPI(
        title="Window Clerk records service",
        description=API_DESCRIPTION,
        version=__version__,
        openapi_url="/openapi.json",
        docs_url="/docs" if settings.api_docs else None,
        redoc_url=None,
        lifespan=lifespan,
        # FastAPI's own OpenTelemetry export is off: its spans and log records would carry
        # query strings and error messages past logs.ScrubFilter (ID and phone numbers).
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    app.state.settings = settings
    app.state.database = db
    app.state.clock = clock
    app.state.on_problem = _audit_refusal
    app.state.progress_limiter = RateLimiter(db, settings.progress_per_minute, 60.0)
    app.state.enrol_limiter = RateLimiter(db, 10, 60.0)
    app.state.fiscal = platform_for(settings.fiscal_platform)
    install_problem_handlers(app)
    # 413 for a body above the limit, 422 for a deep body or a NUL: one read of the body
    app.add_middleware(RequestGuardMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(AccessLogMiddleware)
    if pool_nesting.enabled():  # CLERK_DEBUG_POOL_NESTING=1: which request holds what
        app.add_middleware(pool_nesting.RequestOwner)
    # Starlette matches routes in order, one by one: the busiest write first (issue 20:
    # POST /cases was matched after the 8 routes of health, auth and catalog). No route
    # of the routers moved past matches a path of cases'.
    for module in (
        cases,
        health,
        auth,
        catalog,
        events,
        documents,
        attachments,
        ratings,
        public,
        admin,
        devices,
        workload,
        enrolments,
        credentials,
        setup,
        joint,
        joint_views,
        fees,
        cashier,
        fee_lists,
        queue,
        queue_windows,
        appointments,
        visits,
        queue_dashboard,
        hotline,
        complaints,
        presubmissions,
        bulletins,
    ):
        app.include_router(module.router, prefix=API_PREFIX)
    return app
