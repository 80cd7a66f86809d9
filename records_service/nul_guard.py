"""Refuse NUL characters in the path, the query and JSON bodies with a 422 naming the field.

PostgreSQL text cannot hold U+0000 ("text fields cannot contain NUL"): without this guard a
name, a note or a search term carrying one would be a 500 on PostgreSQL and a silently stored
control character on SQLite. No legitimate field of the API contains one.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Receive, Scope, Send

from records_service.problems import field_name, problem_response, replay_body

NUL = "\x00"
MESSAGE = "must not contain the NUL character (U+0000)"


def _nul_fields(value: Any, loc: tuple[Any, ...] = ()) -> list[str]:
    """The dotted names of every string (or key) in a JSON value that contains NUL."""
    if isinstance(value, str):
        return [field_name(loc)] if NUL in value else []
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if NUL in key:
                found.append(field_name((*loc, key)))
            found += _nul_fields(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _nul_fields(item, (*loc, index))
    return found


class NulGuardMiddleware:
    """422 ``validation`` for a NUL in the path, a query parameter or a JSON body string."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        fields: list[str] = []
        if NUL in scope.get("path", ""):
            fields.append("path")
        query = scope.get("query_string", b"")
        if b"%00" in query:
            pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
            fields += sorted({name for name, value in pairs if NUL in value or NUL in name})
        reads_body = scope["method"] in ("POST", "PUT", "PATCH")
        chunks: list[bytes] = []
        more = reads_body
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        body = b"".join(chunks)
        if b"\\u0000" in body:
            with contextlib.suppress(ValueError):  # not JSON: the route's validation answers
                fields += _nul_fields(json.loads(body))
        if fields:
            errors = [{"field": f, "message": MESSAGE} for f in fields]
            response = problem_response(
                422,
                "validation",
                f"Invalid fields: {', '.join(sorted(set(fields)))}",
                title="Validation failed",
                errors=errors,
            )
            await response(scope, receive, send)
            return
        if not reads_body:
            await self.app(scope, receive, send)
            return
        await self.app(scope, replay_body(body, receive), send)
