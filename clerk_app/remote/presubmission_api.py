"""HTTP calls of the window's 网上待接件 (online pre-submissions, issue 19) on an
:class:`ApiClient`, and their answers as typed records.

``GET /presubmissions?status=open`` (the department's pre-submissions waiting for the
window), ``POST /presubmissions/{no}/review`` (the pre-review: accept, accept online,
one-time supplement, reject) and ``POST /presubmissions/{no}/take-in`` (the case made of
it, which keeps its number). All three are online: the clerk's user token.

Errors are the client's (:class:`ApiError`, :class:`NetworkError`, ...).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

from clerk_app.remote.api import API_PREFIX, ApiClient, BadResponseError, _expect_dict
from clerk_app.remote.wire import answer_time

#: ``(connect, read)`` seconds: the applicant may be waiting at the counter.
TIMEOUT = (3.05, 20.0)


@dataclass(frozen=True)
class UploadedFile:
    """A file the applicant uploaded on the website (name, SHA-256, size, material code)."""

    name: str
    sha256: str
    size: int
    code: str


@dataclass(frozen=True)
class Presubmission:
    """A pre-submission as the department's window sees it (``PresubmissionPublic``)."""

    no: str
    external_id: str
    item_code: str
    item_name: str
    package_code: str
    department_code: str
    #: The applicant in full (the wire's party: kind, name, id_type, id_number, phone ...).
    applicant: dict[str, Any]
    applicant_masked: str
    form_data: dict[str, Any]
    materials: tuple[UploadedFile, ...]
    status: str
    review_note: str
    supplement_text: str
    supplement_used: bool
    case_no: str
    created_at: datetime


def presubmission_from_wire(data: Any) -> Presubmission:
    """A ``PresubmissionPublic``.

    Raises:
        BadResponseError: not a pre-submission.
    """
    try:
        return Presubmission(
            no=str(data["no"]),
            external_id=str(data.get("external_id") or ""),
            item_code=str(data.get("item_code") or ""),
            item_name=str(data.get("item_name") or ""),
            package_code=str(data.get("package_code") or ""),
            department_code=str(data.get("department_code") or ""),
            applicant=dict(data.get("applicant") or {}),
            applicant_masked=str(data.get("applicant_masked") or ""),
            form_data=dict(data.get("form_data") or {}),
            materials=tuple(
                UploadedFile(
                    name=str(m["name"]),
                    sha256=str(m["sha256"]),
                    size=int(m["size"]),
                    code=str(m.get("code") or ""),
                )
                for m in data.get("materials") or ()
            ),
            status=str(data["status"]),
            review_note=str(data.get("review_note") or ""),
            supplement_text=str(data.get("supplement_text") or ""),
            supplement_used=bool(data.get("supplement_used")),
            case_no=str(data.get("case_no") or ""),
            created_at=answer_time(data["created_at"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise BadResponseError(f"not a pre-submission: {exc}") from exc


def _path(no: str, action: str = "") -> str:
    tail = f"/{action}" if action else ""
    return f"{API_PREFIX}/presubmissions/{quote(no, safe='')}{tail}"


def pending(api: ApiClient, token: str, status: str = "open") -> list[Presubmission]:
    """The department's pre-submissions of ``status`` (``open``: 网上待接件), oldest first,
    every page."""
    items: list[Presubmission] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"status": status, "limit": 200}
        if cursor:
            params["cursor"] = cursor
        response = api.request(
            "GET", f"{API_PREFIX}/presubmissions", token=token, params=params, timeout=TIMEOUT
        )
        data = _expect_dict(response)
        items.extend(presubmission_from_wire(p) for p in data.get("items") or [])
        cursor = data.get("next")
        if not cursor:
            return items


def review(
    api: ApiClient,
    token: str,
    no: str,
    decision: str,
    *,
    note: str = "",
    supplement_text: str | None = None,
) -> Presubmission:
    """``POST /presubmissions/{no}/review`` (a fresh Idempotency-Key per pre-review)."""
    body: dict[str, Any] = {"decision": decision, "note": note}
    if supplement_text is not None:
        body["supplement_text"] = supplement_text
    response = api.request(
        "POST",
        _path(no, "review"),
        token=token,
        body=body,
        idempotency_key=str(uuid.uuid4()),
        timeout=TIMEOUT,
    )
    return presubmission_from_wire(_expect_dict(response).get("presubmission"))


def take_in(api: ApiClient, token: str, no: str, body: dict[str, Any]) -> dict[str, Any]:
    """``POST /presubmissions/{no}/take-in`` with the case's body (its ``id`` is the
    Idempotency-Key) → ``{"presubmission": ..., "case": ...}`` (the case as the service
    made it: the pre-submission's number and query code)."""
    response = api.request(
        "POST",
        _path(no, "take-in"),
        token=token,
        body=body,
        idempotency_key=str(body["id"]),
        timeout=TIMEOUT,
    )
    data = _expect_dict(response)
    if not isinstance(data.get("case"), dict):
        raise BadResponseError("a take-in answer without its case", status=response.status_code)
    return data


def take_in_joint(api: ApiClient, token: str, no: str, body: dict[str, Any]) -> dict[str, Any]:
    """``POST /presubmissions/{no}/take-in`` of a package's pre-submission with the joint
    intake's body (``JointTakeInCreate``: its ``id`` is the Idempotency-Key) →
    ``{"presubmission": ..., "joint_case": ...}``."""
    response = api.request(
        "POST",
        _path(no, "take-in"),
        token=token,
        body=body,
        idempotency_key=str(body["id"]),
        timeout=TIMEOUT,
    )
    data = _expect_dict(response)
    if not isinstance(data.get("joint_case"), dict):
        raise BadResponseError(
            "a take-in answer without its joint case", status=response.status_code
        )
    return data
