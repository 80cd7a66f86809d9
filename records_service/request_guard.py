"""What every request passes before a route sees it, in one pass over its body.

In this order, each answering a problem before anything parses the body:

1. a ``Content-Length`` that is not a number: 400; a body above ``max_body_bytes``
   (declared, or counted while a chunked body arrives): 413 ``too-large``;
2. a JSON body nested deeper than :data:`json_depth.MAX_DEPTH`: 422 ``validation``
   (:mod:`records_service.json_depth`);
3. a NUL character in the path, a query parameter or a JSON body string: 422
   ``validation`` naming the fields (:mod:`records_service.nul_guard`).

These were three middlewares (body limit, JSON depth, NUL guard), two of them reading the
body and handing it on to the next; issue 20 (the per-request cost of POST /cases) made
them one, which reads the body once and hands it to the route once. Bodies are read for
POST, PUT and PATCH, and for any request without a ``Content-Length`` (chunked: counted
against the limit as it arrives).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from records_service import json_depth, nul_guard
from records_service.problems import problem_response

#: The methods whose body a route may read (the JSON depth and NUL checks look at it).
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def replay(first: Message, receive: Receive) -> Receive:
    """A ``receive`` that hands the app ``first`` (the body already read, or the client's
    disconnect), then goes on with the real one."""
    replayed = False

    async def replaying() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return first
        return await receive()

    return replaying


class RequestGuardMiddleware:
    """413 for a body above ``max_bytes``, 422 for one nested deeper than ``max_depth``,
    422 for a NUL in the path, the query or a JSON body (pure ASGI, one body read)."""

    def __init__(self, app: ASGIApp, max_bytes: int, max_depth: int = json_depth.MAX_DEPTH) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_depth = max_depth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length: bytes | None = None
        content_type: bytes | None = None
        for name, value in scope.get("headers") or ():
            if name == b"content-length":
                length = value  # the last one, as a dict of the headers has it
            elif name == b"content-type" and content_type is None:
                content_type = value  # the first one, as Starlette's Headers.get has it
        if length is not None:
            try:
                too_big = int(length) > self.max_bytes
            except ValueError:
                await problem_response(400, detail="Invalid Content-Length.")(scope, receive, send)
                return
            if too_big:
                await self._too_large(scope, receive, send)
                return
        reads_body = scope["method"] in BODY_METHODS
        if not reads_body and length is not None:  # nothing to read: path and query only
            fields = nul_guard.nul_fields(scope, b"")
            if fields:
                await nul_guard.nul_response(fields)(scope, receive, send)
                return
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        total = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away mid-body
                first = message
                break
            chunk = message.get("body", b"")
            total += len(chunk)
            if total > self.max_bytes:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                first = {"type": "http.request", "body": b"", "more_body": False}
                break
        body = b"".join(chunks)
        if first["type"] == "http.request":
            first["body"] = body
        if (
            reads_body
            and json_depth.maybe_json(content_type)
            and json_depth.too_deep(body, self.max_depth)
        ):
            await json_depth.too_deep_response()(scope, receive, send)
            return
        fields = nul_guard.nul_fields(scope, body if reads_body else b"")
        if fields:
            await nul_guard.nul_response(fields)(scope, receive, send)
            return
        await self.app(scope, replay(first, receive), send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem_response(
            413,
            "too-large",
            f"The request body exceeds {self.max_bytes} bytes.",
            headers={"Connection": "close"},
        )
        await response(scope, receive, send)
