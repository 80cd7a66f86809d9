"""JSON bodies nested deeper than :data:`MAX_DEPTH` are refused with a 422 before anything
parses them (:mod:`records_service.request_guard` asks :func:`too_deep` of every JSON body).

Python's JSON decoder and pydantic recurse once per level: a small body of a few thousand
``[`` answered 500 (``RecursionError``), and a body just under the recursion limit costs
far more than its size. No body of the API nests deeper than a handful of levels.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import Response

from records_service.problems import problem_response

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


def maybe_json(content_type: bytes | None) -> bool:
    """Whether the route may read a body of this ``Content-Type`` as JSON: a JSON media
    type, or none given (FastAPI reads a body without ``Content-Type`` as JSON); an
    upload's bytes are not."""
    return content_type is None or b"json" in content_type.lower()


def too_deep_response() -> Response:
    """422 ``validation`` for a body nested deeper than :data:`MAX_DEPTH`."""
    return problem_response(
        422,
        "validation",
        "The request body is nested too deeply.",
        title="Validation failed",
        errors=[{"field": "", "message": MESSAGE}],
    )
