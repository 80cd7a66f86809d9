"""Every route × every role (and the device token): allowed or refused as API.md says.

"Allowed" means the service did the work or answered about the request itself (2xx, 404,
409, 422); "refused" means 403 (401 without a token). A clerk of another window (W03) may
use the case routes but gets 404 wherever the case belongs to W01 (outside their reach,
exactly like an unknown number; tests/security checks the 404 itself).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
import requests

from clerk_app.core.numbering import format_document_no
from tests.helpers.service_api import TIMEOUT, auth, case_body, login, post_case, token_for
from tests.service.test_documents import document, this_year
from tests.service.test_ratings import rate

ROLES = ("clerk", "clerk_w03", "lead", "admin", "auditor", "display", "device")
Call = Callable[[requests.Session, dict[str, Any]], requests.Response]


@pytest.fixture(scope="module")
def ctx(package_service) -> dict[str, Any]:
    service = package_service
    signed_in = login(service, device_id="matrix-desk").json()
    tokens = {
        "clerk": signed_in["access_token"],
        "clerk_w03": token_for(service, "demo-clerk-w03", window_code="W03"),
        "lead": token_for(service, "demo-lead", window_code=None),
        "admin": token_for(service, "demo-admin", window_code=None),
        "auditor": token_for(service, "demo-auditor", window_code=None),
        "display": token_for(service, "demo-display", window_code=None),
        "device": signed_in["device_token"],
    }
    body = case_body()
    assert post_case(service, tokens["clerk"], body).status_code == 201
    bad = rate(service, tokens["clerk"], body["case_no"], 1).json()["rating"]
    return {
        "service": service,
        "tokens": tokens,
        "case_no": body["case_no"],
        "rating": bad["id"],
        "document_seq": signed_in["sequence_high_water"]["document"],
    }


def _keyed(payload: dict[str, Any]) -> dict[str, str]:
    return {"Idempotency-Key": payload["id"]}


def _event(c: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    event = {
        "id": str(uuid.uuid4()),
        "type": "note",
        "at": "2026-11-28T10:00:00+08:00",
        "note": "备注",
        "actor": "demo-clerk",
    }
    return f"/cases/{c['case_no']}/events", event


def _document(c: dict[str, Any]) -> dict[str, Any]:
    c["document_seq"] += 1
    return document(format_document_no("衡政服", "受", this_year(), "W01", c["document_seq"]))


# (method, path or builder, body builder or None, roles allowed)
MATRIX: list[tuple[str, str, Any, set[str]]] = [
    ("GET", "/catalog", None, set(ROLES) - {"display"}),
    ("GET", "/calendar?year=2026", None, set(ROLES) - {"display"}),
    ("POST", "/cases", "case", {"clerk", "device"}),
    ("GET", "/cases?window=W01", None, {"clerk", "clerk_w03", "lead", "admin", "device"}),
    ("GET", "/cases/{case_no}", None, {"clerk", "clerk_w03", "lead", "admin", "device"}),
    ("POST", "/cases/{case_no}/events", "event", {"clerk", "clerk_w03", "lead", "device"}),
    ("POST", "/cases/{case_no}/rating", "rating", {"clerk", "clerk_w03", "device"}),
    ("POST", "/cases/{case_no}/documents", "document", {"clerk", "clerk_w03", "device"}),
    ("GET", "/changes", None, {"clerk", "clerk_w03", "lead", "admin", "device"}),
    ("POST", "/ratings/{rating}/follow-up", "follow_up", {"lead"}),
    ("POST", "/devices/matrix-desk/status", "status", {"clerk", "device"}),
    ("POST", "/audit/client-events", "client_events", {"clerk", "device"}),
    ("POST", "/users/demo-clerk/unlock", None, {"lead", "admin"}),
    ("POST", "/devices/no-such-device/revoke", None, {"admin"}),
    ("GET", "/windows", None, {"lead", "admin"}),
    ("GET", "/workload", None, {"lead", "admin"}),
    ("GET", "/board", None, {"lead", "admin", "display"}),
    ("GET", "/audit", None, {"auditor", "admin"}),
]


def _body(kind: str | None, role: str, c: dict[str, Any]) -> tuple[dict | None, dict]:
    clerk = "demo-clerk-w03" if role == "clerk_w03" else "demo-clerk"
    if kind is None:
        return None, {}
    if kind == "case":
        body = case_body(clerk=clerk)
        return body, _keyed(body)
    if kind == "event":
        _, event = _event(c)
        event["actor"] = "demo-lead" if role == "lead" else clerk
        return event, _keyed(event)
    if kind == "rating":
        body = {
            "id": str(uuid.uuid4()),
            "score": 4,
            "comment": "",
            "rated_at": "2026-11-28T11:00:00+08:00",
            "clerk": clerk,
        }
        return body, _keyed(body)
    if kind == "document":
        body = _document(c)
        body["clerk"] = clerk
        return body, _keyed(body)
    if kind == "follow_up":
        return {"note": "已回访"}, {}
    if kind == "status":
        return {
            "waiting": 0,
            "rejected": [],
            "client_version": "0.1.0",
            "clock": "2026-11-28T10:00:00+08:00",
        }, {}
    body = {
        "events": [
            {
                "id": str(uuid.uuid4()),
                "at": "2026-11-28T10:00:00+08:00",
                "actor": clerk,
                "action": "reprint",
                "target": c["case_no"],
            }
        ]
    }
    return body, {"Idempotency-Key": str(uuid.uuid4())}


@pytest.mark.parametrize(
    ("method", "path", "kind", "allowed"), MATRIX, ids=[f"{m} {p}" for m, p, _, _ in MATRIX]
)
def test_route_by_role(ctx, method, path, kind, allowed) -> None:
    service = ctx["service"]
    url = service.url(path.format(case_no=ctx["case_no"], rating=ctx["rating"]))
    refused_roles, wrong = [], []
    for role in ROLES:
        body, headers = _body(kind, role, ctx)
        response = requests.request(
            method,
            url,
            json=body,
            headers={**auth(ctx["tokens"][role]), **headers},
            timeout=TIMEOUT,
        )
        if response.status_code == 403:
            refused_roles.append(role)
        elif not (response.status_code < 300 or response.status_code in (404, 409)):
            wrong.append(f"{role}: {response.status_code} {response.text[:200]}")
    assert not wrong, wrong
    assert set(ROLES) - set(refused_roles) == allowed
    anonymous = requests.request(method, url, json=None, timeout=TIMEOUT)
    assert anonymous.status_code in (401, 422), anonymous.text


def test_public_routes_need_no_token(service) -> None:
    assert requests.get(service.url("/health"), timeout=TIMEOUT).status_code == 200
    missing = requests.get(
        service.url("/progress/HS-W01-20261128-999999"), params={"code": "000000"}, timeout=TIMEOUT
    )
    assert missing.status_code == 404


def test_accounts_that_read_no_case_cannot_probe_case_numbers(ctx) -> None:
    """A hall screen or an auditor gets the same 403 for a real and an unknown number."""
    service = ctx["service"]
    for role in ("display", "auditor"):
        answers = {
            requests.get(
                service.url(f"/cases/{case_no}"),
                headers=auth(ctx["tokens"][role]),
                timeout=TIMEOUT,
            ).status_code
            for case_no in (ctx["case_no"], "HS-W01-20261128-999999")
        }
        assert answers == {403}, (role, answers)
