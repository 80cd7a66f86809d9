"""Structured logs: one JSON object per line, and one access line per request.

The access line has method, path (never the query: it may hold a query code), status,
duration, client address and a request id; never a header, so never a token.

Every handler the service installs (its own and uvicorn's, see :func:`uvicorn_log_config`)
carries :class:`ScrubFilter`: resident ID numbers (18 and 15 characters) and mobile numbers
are masked, bearer tokens and password values replaced by ``***``, in the message, its
arguments, the exception text and the extra fields. The SQLAlchemy engines hide statement
parameters too (``hide_parameters=True``, ``db.py``), so a failed INSERT of a case does not
print the applicant; the filter is the second line for what a database error message
itself quotes (PostgreSQL's ``Failing row contains (...)``).
"""

from __future__ import annotations

import copy
import json
import logging
import os
import re
import time
from datetime import UTC, datetime
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clerk_app.core.identity import MaskingFilter, mask_text

access_log = logging.getLogger("records.access")

#: What :class:`ScrubFilter` masks beyond ``MaskingFilter`` (18-digit IDs, mobiles).
_OLD_ID = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{6}(\d{3})(?![0-9A-Za-z])")
_BEARER = re.compile(r"(?i)\b(bearer\s+)[A-Za-z0-9._~+/=-]+")
_SECRET = re.compile(
    r"(?i)((?:password|passwd|pwd|secret|token|authorization)[\"']?\s*[:=]\s*[\"']?)"
    r"([^\s\"',;&}]+)"
)


#: What every pattern above (and ``mask_text``'s) needs to match: 11 digits in a row (a
#: mobile; IDs have 15 or 18) or one of the keywords. Most log text (an access line's path,
#: method and address) has none, and is then left as it is after this one search.
_MAY_HOLD = re.compile(r"\d{11}|bearer|passw|pwd|secret|token|authorization", re.IGNORECASE)


def scrub_text(text: str) -> str:
    """``text`` with what must never reach a log masked: resident IDs (18 digits, through
    ``clerk_app.core.identity.mask_text``, and 15), mobiles, bearer tokens and
    password-like values."""
    if _MAY_HOLD.search(text) is None:
        return text
    text = _OLD_ID.sub(lambda m: m[1] + "******" + m[2], mask_text(text))
    text = _BEARER.sub(lambda m: m[1] + "***", text)
    return _SECRET.sub(lambda m: m[1] + "***", text)


#: Values :func:`_scrub_value` leaves as they are.
_LEAVES = frozenset({int, float, bool, type(None)})


def _scrub_value(value: Any) -> Any:
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, dict):
        return _scrub_dict(value)
    if isinstance(value, list | tuple):
        return [_scrub_value(v) for v in value]
    return value


def _scrub_dict(value: dict[Any, Any]) -> dict[Any, Any]:
    """``value`` scrubbed, a copy; numbers and plain text no pattern would change (all of
    an access line's fields, mostly) without a call each."""
    return {
        k: v
        if type(v) in _LEAVES or (type(v) is str and _MAY_HOLD.search(v) is None)
        else _scrub_value(v)
        for k, v in value.items()
    }


class ScrubFilter(MaskingFilter):
    """``clerk_app.core.identity.MaskingFilter`` (IDs, mobiles, in message, arguments and
    traceback) plus :func:`scrub_text`, and the same for the ``fields`` of a JSON line."""

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.msg
        if (
            type(msg) is str
            and not record.args
            and not record.exc_info
            and not record.exc_text
            and not record.stack_info
            and _MAY_HOLD.search(msg) is None
        ):
            # A plain message no pattern would change (an access line's "request"): what
            # ``MaskingFilter.filter`` and ``scrub_text`` would leave, without their work.
            record.args = None
        else:
            super().filter(record)
            record.msg = scrub_text(str(record.msg))
        if record.exc_text:
            record.exc_text = scrub_text(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub_text(record.stack_info)
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            record.fields = _scrub_dict(fields)
        return True


#: ``json.dumps(value, ensure_ascii=False)`` without building an encoder for every line.
_encode = json.JSONEncoder(ensure_ascii=False).encode


class JsonFormatter(logging.Formatter):
    """``{"at", "level", "logger", "message", ...extra}`` per line."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "at": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            entry.update(fields)
        # The scrub filter leaves the masked traceback in exc_text: prefer it.
        if record.exc_text:
            entry["exception"] = record.exc_text
        elif record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return _encode(entry)


def configure(level: str = "info") -> None:
    """Send the service's logs to stderr as JSON lines, scrubbed."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    handler.addFilter(ScrubFilter())
    root = logging.getLogger("records")
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    root.propagate = False


def uvicorn_log_config() -> dict[str, Any]:
    """uvicorn's own logging configuration with :class:`ScrubFilter` on its error handler
    (``Exception in ASGI application`` tracebacks go through it; the service turns
    uvicorn's access lines off and writes its own)."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["scrub"] = {"()": f"{__name__}.ScrubFilter"}
    handler = config["handlers"]["default"]
    handler["filters"] = [*handler.get("filters", []), "scrub"]
    return config


class AccessLogMiddleware:
    """Log every request once it is answered."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        request_id = os.urandom(8).hex()  # 16 hex digits, as uuid4().hex[:16] was

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            if access_log.isEnabledFor(logging.INFO):  # the fields only for a line written
                client = scope.get("client")
                access_log.info(
                    "request",
                    extra={
                        "fields": {
                            "request_id": request_id,
                            "method": scope.get("method"),
                            "path": scope.get("path"),
                            "status": status,
                            "ms": round((time.perf_counter() - started) * 1000, 1),
                            "client": client[0] if client else None,
                        }
                    },
                )
