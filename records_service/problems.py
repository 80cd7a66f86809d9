"""RFC 9457 problem details (``application/problem+json``) for every error."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from http import HTTPStatus
from typing import Annotated, Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

log = logging.getLogger("records.problems")

PROBLEM_BASE = "https://clerk.example/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"

_TYPE_BY_STATUS = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    409: "conflict",
    413: "too-large",
    415: "unsupported-media-type",
    422: "validation",
    426: "upgrade-required",
    429: "rate-limited",
    503: "unavailable",
}


def problem_type(slug: str) -> str:
    return PROBLEM_BASE + slug


# --- the Problem schema and what each route documents --------------------------------


class FieldError(BaseModel):
    """One bad field of a 422 ``validation`` problem."""

    field: str = Field(
        description="dotted path of the field (``applicant.id_number``, "
        "``materials[0].code``); empty when the whole body is at fault"
    )
    message: str


class Problem(BaseModel):
    """An RFC 9457 problem document (``application/problem+json``).

    ``type`` says what a client should do: ``…/in-flight`` (retry after ``Retry-After``),
    ``…/illegal-transition`` (don't retry: show the clerk), ``…/idempotency-mismatch``,
    ``…/validation`` (``errors`` names every bad field). Some problems carry more members
    (``current_status`` and ``event`` of an illegal transition, ``min_client_version``).
    """

    model_config = ConfigDict(extra="allow")

    type: str = Field(
        description=f"``{PROBLEM_BASE}<slug>``", examples=[problem_type("validation")]
    )
    title: str
    status: Annotated[int, Field(ge=400, le=599)]
    detail: str
    errors: list[FieldError] | None = None


PROBLEM_SCHEMA_REF = "#/components/schemas/Problem"

#: What each status means for this service, as the OpenAPI says it.
_DESCRIPTIONS = {
    400: "Bad request: a required header is missing, or the body is not JSON",
    401: "Sign in first: the bearer token is missing, unknown, expired or revoked",
    403: "Not allowed for this account or token",
    404: "No such record (or not one this account may see)",
    409: "Conflict with the stored state (retry later when the type is ``…/in-flight``)",
    413: "The request body is too large",
    422: "Invalid request (``errors`` names every bad field), or an Idempotency-Key reused "
    "with another body",
    426: "The client is older than the service's ``min_client_version``",
    429: "Too many requests: wait ``Retry-After`` seconds",
    503: "``…/busy``: the database is busy or cannot be reached for now; retry after "
    "``Retry-After``",
}

_RETRY_AFTER = {
    "description": "seconds to wait before retrying",
    "schema": {"type": "string", "pattern": "^[0-9]+$"},
}
_HEADERS: dict[int, dict[str, Any]] = {
    401: {
        "WWW-Authenticate": {
            "description": "``Bearer`` when a bearer token was missing or refused",
            "schema": {"type": "string"},
        }
    },
    409: {"Retry-After": {**_RETRY_AFTER, "description": "with ``…/in-flight``: seconds"}},
    429: {"Retry-After": {**_RETRY_AFTER, "required": True}},
    503: {"Retry-After": {**_RETRY_AFTER, "required": True}},
}


def problem_responses(*statuses: int, **descriptions: str) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` of a route for the problems it may answer.

    Args:
        statuses: HTTP statuses, each documented as ``application/problem+json`` with the
            shared ``Problem`` schema.
        descriptions: ``s409="…"`` replaces the generic description of a status.
    """
    out: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        response: dict[str, Any] = {
            "description": descriptions.get(f"s{status}", _DESCRIPTIONS[status]),
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": PROBLEM_SCHEMA_REF}}},
        }
        if status in _HEADERS:
            response["headers"] = _HEADERS[status]
        out[status] = response
    return out


class ProblemError(Exception):
    """Raise from anywhere in a request to answer with a problem document."""

    def __init__(
        self,
        status: int,
        slug: str | None = None,
        detail: str = "",
        *,
        title: str | None = None,
        errors: Sequence[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail or slug or str(status))
        self.status = status
        self.slug = slug or _TYPE_BY_STATUS.get(status, "error")
        self.detail = detail
        self.title = title or HTTPStatus(status).phrase
        self.errors = list(errors) if errors is not None else None
        self.headers = headers or {}
        self.extra = extra or {}


def problem_body(
    status: int,
    slug: str,
    title: str,
    detail: str,
    errors: list[dict[str, str]] | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": problem_type(slug),
        "title": title,
        "status": status,
        "detail": detail,
    }
    if errors is not None:
        body["errors"] = errors
    if extra:
        body.update(extra)
    return body


def problem_response(
    status: int,
    slug: str | None = None,
    detail: str = "",
    *,
    title: str | None = None,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    slug = slug or _TYPE_BY_STATUS.get(status, "error")
    title = title or HTTPStatus(status).phrase
    return JSONResponse(
        problem_body(status, slug, title, detail, errors, extra),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def field_name(loc: Sequence[Any]) -> str:
    """``("body", "applicant", "name")`` → ``"applicant.name"``; list indexes as ``[0]``."""
    parts = list(loc)
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        parts = parts[1:]
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _validation_errors(exc: RequestValidationError) -> tuple[bool, list[dict[str, str]]]:
    malformed = False
    errors: list[dict[str, str]] = []
    for err in exc.errors():
        kind = err.get("type", "")
        if kind == "json_invalid":
            malformed = True
            errors.append({"field": "", "message": "request body is not valid JSON"})
            continue
        field = field_name(err.get("loc", ()))
        if kind == "extra_forbidden":
            message = "unknown field"
        elif kind == "missing":
            message = "field required"
        else:
            message = str(err.get("msg", "invalid value"))
        errors.append({"field": field, "message": message})
    return malformed, errors


async def _problem_handler(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ProblemError)
    hook = getattr(request.app.state, "on_problem", None)
    if hook is not None:
        await run_in_threadpool(hook, request, exc)
    return problem_response(
        exc.status,
        exc.slug,
        exc.detail,
        title=exc.title,
        errors=exc.errors,
        headers=exc.headers,
        extra=exc.extra,
    )


_METHODS = ("DELETE", "GET", "HEAD", "PATCH", "POST", "PUT")


def _allowed_methods(request: Request) -> str | None:
    """Every method some route serves at this path (Starlette's 405 names only those of
    the first route that matched the path: ``POST`` for ``/cases``, which GET serves too)."""
    allowed = set()
    for method in _METHODS:
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] == Match.FULL for route in request.app.router.routes):
            allowed.add(method)
    return ", ".join(sorted(allowed)) if allowed else None


async def _http_handler(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        allowed = _allowed_methods(request)
        if allowed:
            headers["Allow"] = allowed
    if exc.status_code == 304 or exc.status_code < 400:
        return Response(status_code=exc.status_code, headers=headers)
    detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
    return problem_response(exc.status_code, detail=detail, headers=headers)


#: Required headers whose absence (or emptiness) is a 400 of its own type, as API.md says,
#: rather than a 422: header name → (type slug, detail).
MISSING_HEADER_PROBLEMS = {
    "idempotency-key": ("idempotency-key-required", "The Idempotency-Key header is required."),
}


def _missing_header(exc: RequestValidationError) -> tuple[str, str] | None:
    for err in exc.errors():
        loc = tuple(err.get("loc", ()))
        if (
            len(loc) == 2
            and loc[0] == "header"
            and str(loc[1]).lower() in MISSING_HEADER_PROBLEMS
            and err.get("type") in ("missing", "string_too_short")
        ):
            return MISSING_HEADER_PROBLEMS[str(loc[1]).lower()]
    return None


async def _validation_handler(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    missing = _missing_header(exc)
    if missing is not None:
        return problem_response(400, missing[0], missing[1])
    malformed, errors = _validation_errors(exc)
    if malformed:
        return problem_response(400, "malformed-json", "The request body is not valid JSON.")
    fields = ", ".join(sorted({e["field"] for e in errors if e["field"]}))
    return problem_response(
        422,
        "validation",
        f"Invalid fields: {fields}" if fields else "The request is invalid.",
        title="Validation failed",
        errors=errors,
    )


#: SQLSTATEs of a database that cannot be reached for now: class 08 (connection
#: exceptions, also PgBouncer's "server login has been failing" and "query_wait_timeout")
#: and 57P01–57P03 (the server shutting down, crashed, or still starting).
_UNREACHABLE_STATES = ("08", "57P01", "57P02", "57P03")


def database_unreachable(exc: OperationalError) -> bool:
    """Whether ``exc`` says the database cannot be reached for now (a lost primary, a
    restart, a failover) rather than that a statement went wrong."""
    if exc.connection_invalidated:
        return True
    state = getattr(exc.orig, "sqlstate", None) or ""
    return state.startswith(_UNREACHABLE_STATES)


async def _database_busy_handler(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, OperationalError)
    if "locked" in str(exc.orig).lower() or "busy" in str(exc.orig).lower():
        return problem_response(
            503, "busy", "The database is busy; retry shortly.", headers={"Retry-After": "1"}
        )
    if database_unreachable(exc):
        # A desk keeps what it sent in its outbox and sends it again later (same
        # Idempotency-Key): the answer it waits for is 503, not an internal error.
        log.warning("database unreachable: %s", exc.orig)
        return problem_response(
            503,
            "busy",
            "The database cannot be reached for now; retry shortly.",
            headers={"Retry-After": "5"},
        )
    log.exception("database error", exc_info=exc)
    return problem_response(500, "internal", "Internal error.")


async def _pool_exhausted_handler(_request: Request, exc: Exception) -> Response:
    """Every connection of the process's pool is in use for longer than its timeout: the
    service is overloaded for the moment, which a client should treat like a busy database
    (bench_province found these answered as 500 under a reconnect storm)."""
    log.warning("database connections exhausted: %s", exc)
    return problem_response(
        503, "busy", "The service is busy; retry shortly.", headers={"Retry-After": "1"}
    )


async def _unexpected_handler(_request: Request, exc: Exception) -> Response:
    log.exception("unhandled error", exc_info=exc)
    return problem_response(500, "internal", "Internal error.")


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ProblemError, _problem_handler)
    app.add_exception_handler(StarletteHTTPException, _http_handler)
    app.add_exception_handler(RequestValidationError, _validation_handler)
    app.add_exception_handler(OperationalError, _database_busy_handler)
    app.add_exception_handler(PoolTimeout, _pool_exhausted_handler)
    app.add_exception_handler(Exception, _unexpected_handler)


def invalid_fields(errors: list[dict[str, str]]) -> ProblemError:
    """422 ``validation`` naming every bad field: ``errors`` is ``[{field, message}]``."""
    fields = ", ".join(sorted({e["field"] for e in errors}))
    return ProblemError(
        422, "validation", f"Invalid fields: {fields}", title="Validation failed", errors=errors
    )


def invalid_field(field: str, message: str) -> ProblemError:
    """422 ``validation`` for one bad field."""
    return invalid_fields([{"field": field, "message": message}])
