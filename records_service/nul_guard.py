"""Refuse NUL characters in the path, the query and JSON bodies with a 422 naming the field.

PostgreSQL text cannot hold U+0000 ("text fields cannot contain NUL"): without this guard a
name, a note or a search term carrying one would be a 500 on PostgreSQL and a silently stored
control character on SQLite. No legitimate field of the API contains one.
:mod:`records_service.request_guard` asks :func:`nul_fields` of every request.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any
from urllib.parse import parse_qsl

from starlette.responses import Response
from starlette.types import Scope

from records_service.problems import field_name, problem_response

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


def nul_fields(scope: Scope, body: bytes) -> list[str]:
    """The fields of a request holding a NUL: ``path``, the query parameters' names (sorted),
    then the dotted names of the JSON ``body``'s strings and keys (a body that is not JSON
    is left to the route's validation)."""
    fields: list[str] = []
    if NUL in scope.get("path", ""):
        fields.append("path")
    query = scope.get("query_string", b"")
    if b"%00" in query:
        pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
        fields += sorted({name for name, value in pairs if NUL in value or NUL in name})
    if b"\\u0000" in body:
        with contextlib.suppress(ValueError):  # not JSON: the route's validation answers
            fields += _nul_fields(json.loads(body))
    return fields


def nul_response(fields: list[str]) -> Response:
    """422 ``validation`` naming every field of :func:`nul_fields`."""
    return problem_response(
        422,
        "validation",
        f"Invalid fields: {', '.join(sorted(set(fields)))}",
        title="Validation failed",
        errors=[{"field": f, "message": MESSAGE} for f in fields],
    )
