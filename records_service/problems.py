"""RFC 9457 problem details (``application/problem+json``) for every error."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

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


async def _http_handler(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers or {})
    if exc.status_code == 304 or exc.status_code < 400:
        return Response(status_code=exc.status_code, headers=headers)
    detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
    return problem_response(exc.status_code, detail=detail, headers=headers)


async def _validation_handler(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
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


async def _database_busy_handler(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, OperationalError)
    if "locked" in str(exc.orig).lower() or "busy" in str(exc.orig).lower():
        return problem_response(
            503, "busy", "The database is busy; retry shortly.", headers={"Retry-After": "1"}
        )
    log.exception("database error", exc_info=exc)
    return problem_response(500, "internal", "Internal error.")


async def _unexpected_handler(_request: Request, exc: Exception) -> Response:
    log.exception("unhandled error", exc_info=exc)
    return problem_response(500, "internal", "Internal error.")


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ProblemError, _problem_handler)
    app.add_exception_handler(StarletteHTTPException, _http_handler)
    app.add_exception_handler(RequestValidationError, _validation_handler)
    app.add_exception_handler(OperationalError, _database_busy_handler)
    app.add_exception_handler(Exception, _unexpected_handler)


def replay_body(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands the app a body a middleware has already read, then goes on
    with the real one (for the disconnect message)."""
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


class BodyLimitMiddleware:
    """Answer 413 for request bodies above ``max_bytes`` before anything parses them."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_bytes
            except ValueError:
                await problem_response(400, detail="Invalid Content-Length.")(scope, receive, send)
                return
            if too_big:
                await self._reject(scope, receive, send)
                return
            await self.app(scope, receive, send)
            return
        # No length given (chunked): buffer up to the limit, then replay.
        chunks: list[bytes] = []
        total = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, receive, send)
                return
            chunk = message.get("body", b"")
            total += len(chunk)
            if total > self.max_bytes:
                await self._reject(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        await self.app(scope, replay_body(body, receive), send)

    async def _reject(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem_response(
            413,
            "too-large",
            f"The request body exceeds {self.max_bytes} bytes.",
            headers={"Connection": "close"},
        )
        await response(scope, receive, send)


def invalid_fields(errors: list[dict[str, str]]) -> ProblemError:
    """422 ``validation`` naming every bad field: ``errors`` is ``[{field, message}]``."""
    fields = ", ".join(sorted({e["field"] for e in errors}))
    return ProblemError(
        422, "validation", f"Invalid fields: {fields}", title="Validation failed", errors=errors
    )


def invalid_field(field: str, message: str) -> ProblemError:
    """422 ``validation`` for one bad field."""
    return invalid_fields([{"field": field, "message": message}])
