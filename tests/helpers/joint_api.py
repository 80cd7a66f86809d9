"""Joint cases against a real records service (issue 16): bodies built from the demo
catalog's packages, the requests the desks send."""

from __future__ import annotations

import uuid
from functools import cache
from typing import Any

import requests

from clerk_app.core.catalog import Catalog
from clerk_app.core.joint import plan_parts
from tests.helpers.service import RunningService
from tests.helpers.service_api import TIMEOUT, auth, demo_catalog, next_seq, valid_resident_id

PROJECT = "DEMO-PRJ-GCJS"
OPENING = "DEMO-PKG-QYKB"
PROJECT_CODE = "2026-131102-47-01-000321"
AT = "2026-11-28T09:30:00+08:00"


@cache
def core_catalog() -> Catalog:
    return Catalog.from_dict(demo_catalog())


def joint_body(
    package_code: str = PROJECT,
    *,
    window: str = "W05",
    clerk: str = "demo-clerk-w05",
    project_type: str | None = "government",
) -> dict[str, Any]:
    """A complete, valid joint intake: every part of the package (stage one's accepted,
    the later stages' received), every material handed over."""
    catalog = core_catalog()
    package = catalog.package(package_code)
    assert package is not None
    if package.kind == "package":
        project_type = None
    plan = plan_parts(package, catalog, project_type)
    first = plan[0].stage

    def number() -> str:
        return f"HS-{window}-20261128-{next_seq():06d}"

    parts = [
        {
            "id": str(uuid.uuid4()),
            "case_no": number(),
            "query_code": "730512",
            "item_code": p.item,
            "stage": p.stage,
            "materials": [
                {"code": m.code, "received": True, "copies": 1}
                for m in catalog.item(p.item).materials
            ],
            "disposition": "promised",
            "first_event": {
                "id": str(uuid.uuid4()),
                "type": "accept" if p.stage == first else "receive",
                "at": AT,
            },
        }
        for p in plan
    ]
    body: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "joint_no": number(),
        "query_code": "730512",
        "package_code": package_code,
        "window_code": window,
        "catalog_version": demo_catalog()["version"],
        "applicant": {
            "kind": "organization",
            "name": "衡水示例置业有限公司",
            "id_type": "credit_code",
            "id_number": "91131100MA0A1B2C3D",
            "legal_representative": "张三",
        },
        "agent": {
            "kind": "person",
            "name": "李四",
            "id_type": "resident_id",
            "id_number": valid_resident_id(),
            "phone": "13800138000",
        },
        "materials": [{"code": m.code, "received": True, "copies": 1} for m in package.materials],
        "received_at": AT,
        "clerk": clerk,
        "parts": parts,
    }
    if package.kind == "project":
        body["project_type"] = project_type
        body["project_code"] = PROJECT_CODE
    return body


def post_joint(
    service: RunningService, token: str, body: dict[str, Any], key: str | None = "from-body"
) -> requests.Response:
    headers = auth(token)
    if key is not None:
        headers["Idempotency-Key"] = body["id"] if key == "from-body" else key
    return requests.post(service.url("/joint-cases"), json=body, headers=headers, timeout=TIMEOUT)


def get_joint(service: RunningService, token: str, joint_no: str) -> requests.Response:
    return requests.get(
        service.url(f"/joint-cases/{joint_no}"), headers=auth(token), timeout=TIMEOUT
    )


def part_event(
    service: RunningService,
    token: str,
    case_no: str,
    event_type: str,
    *,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> requests.Response:
    event_id = str(uuid.uuid4())
    body: dict[str, Any] = {"id": event_id, "type": event_type, "at": AT, "note": note}
    if data is not None:
        body["data"] = data
    headers = {**auth(token), "Idempotency-Key": event_id}
    return requests.post(
        service.url(f"/cases/{case_no}/events"), json=body, headers=headers, timeout=TIMEOUT
    )


def open_stage(
    service: RunningService, token: str, joint_no: str, stage: str, note: str = "提前开展"
) -> requests.Response:
    key = str(uuid.uuid4())
    return requests.post(
        service.url(f"/joint-cases/{joint_no}/stages/{stage}/open"),
        json={"id": key, "at": AT, "note": note},
        headers={**auth(token), "Idempotency-Key": key},
        timeout=TIMEOUT,
    )


def part_of(joint: dict[str, Any], item_code: str) -> dict[str, Any]:
    return next(p for p in joint["parts"] if p["item_code"] == item_code)
