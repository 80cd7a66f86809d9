"""Calls of the attachment routes (issue 22) for the service tests."""

from __future__ import annotations

import hashlib
import os
import uuid
from typing import Any

import requests

from tests.helpers.service import RunningService
from tests.helpers.service_api import TIMEOUT, auth, case_body, post_case

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_bytes(size: int) -> bytes:
    """``size`` bytes that start like a PNG (the service checks the first bytes only)."""
    return PNG_SIGNATURE + os.urandom(size - len(PNG_SIGNATURE))


def new_case(service: RunningService, token: str) -> dict[str, Any]:
    """A case taken in at the token's window (W01); its POST body."""
    body = case_body()
    response = post_case(service, token, body)
    assert response.status_code == 201, response.text
    return body


def declaration(
    case: dict[str, Any], data: bytes, *, sha256: str | None = None, **extra: Any
) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "material_code": case["materials"][0]["code"],
        "page": 1,
        "content_type": "image/png",
        "size": len(data),
        "sha256": sha256 or hashlib.sha256(data).hexdigest(),
        **extra,
    }


def declare(
    service: RunningService, token: str, case_no: str, body: dict[str, Any]
) -> requests.Response:
    return requests.post(
        service.url(f"/cases/{case_no}/attachments"),
        json=body,
        headers={**auth(token), "Idempotency-Key": body["id"]},
        timeout=TIMEOUT,
    )


def put_chunk(
    service: RunningService,
    token: str,
    upload_id: str,
    data: bytes,
    start: int,
    size: int,
    *,
    content_range: str | None = "auto",
) -> requests.Response:
    """``PUT /uploads/{id}`` with ``data`` placed at ``start`` of a ``size``-byte file."""
    headers = {**auth(token), "Content-Type": "application/octet-stream"}
    if content_range == "auto":
        content_range = f"bytes {start}-{start + len(data) - 1}/{size}"
    if content_range is not None:
        headers["Content-Range"] = content_range
    return requests.put(
        service.url(f"/uploads/{upload_id}"), data=data, headers=headers, timeout=TIMEOUT
    )


def upload_all(
    service: RunningService, token: str, upload_id: str, data: bytes, chunk: int, start: int = 0
) -> requests.Response:
    """Send ``data`` from ``start`` in chunks; the last answer."""
    answer = None
    for offset in range(start, len(data), chunk):
        answer = put_chunk(
            service, token, upload_id, data[offset : offset + chunk], offset, len(data)
        )
        assert answer.status_code == 200, answer.text
    assert answer is not None
    return answer


def fetch(service: RunningService, token: str, attachment_id: str) -> requests.Response:
    return requests.get(
        service.url(f"/attachments/{attachment_id}"), headers=auth(token), timeout=TIMEOUT
    )


def listed(service: RunningService, token: str, case_no: str) -> requests.Response:
    return requests.get(
        service.url(f"/cases/{case_no}/attachments"), headers=auth(token), timeout=TIMEOUT
    )
