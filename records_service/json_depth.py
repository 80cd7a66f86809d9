"""Refuse JSON bodies nested deeper than :data:`MAX_DEPTH` with a 422 before anything parses
them.

Python's JSON decoder and pydantic recurse once per level: a small body of a few thousand
``[`` answered 500 (``RecursionError``), and a body just under the recursion limit costs
far more than its size. No body of the API nests deeper than a handful of levels.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from records_service.problems import problem_response, replay_body

#: Deepest nesting of arrays and objects a request body may have.
MAX_DEPTH = 32
MESSAGE = f"the body nests arrays and objects deeper than {MAX_DEPTH} levels"


def _depth_exceeds(value: Any, limit: int) -> bool:
    """Whether a decoded JSON value nests deeper than ``limit`` (no recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def too_deep(body: bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether the JSON ``body`` opens more than ``limit`` arrays or objects at once.

    Cheap for ordinary bodies: one with at most ``limit`` opening brackets in all is not
    parsed. Otherwise it is decoded once (C speed, linear); a body too deep for the
    decoder itself is too deep; a body that is not JSON is left to the route to refuse.
    """
    if body.count(b"[") + body.count(b"{") <= limit:
        return False
    try:
        value = json.loads(body)
    except RecursionError:
        return True
    except ValueError:  # not JSON (or not UTF-8): the route's validation answers
        return False
    return _depth_exceeds(value, limit)


def _maybe_json(scope: Scope) -> bool:
    """Whether the route may read the body as JSON: a JSON media type, or none given
    (FastAPI reads a body without ``Content-Type`` as JSON); an upload's bytes are not."""
    for name, value in scope.get("headers") or []:
        if name == b"content-type":
            return b"json" in value.lower()
    return True


class JsonDepthMiddleware:
    """422 ``validation`` for a request body nested deeper than :data:`MAX_DEPTH`."""

    def __init__(self, app: ASGIApp, max_depth: int = MAX_DEPTH) -> None:
        self.app = app
        self.max_depth = max_depth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("POST", "PUT", "PATCH")
            or not _maybe_json(scope)
        ):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        body = b"".join(chunks)
        if too_deep(body, self.max_depth):
            response = problem_response(
                422,
                "validation",
                "The request body is nested too deeply.",
                title="Validation failed",
                errors=[{"field": "", "message": MESSAGE}],
            )
            await response(scope, receive, send)
            return
        await self.app(scope, replay_body(body, receive), send)
