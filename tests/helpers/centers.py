"""Many centers on one service (issue 20): the demo city ``HS`` with a sub-center ``JG``
(交警车管) and a county ``JZ`` below it, their windows and staff, and case bodies for any
window, and a ``POST /catalog/adoptions`` body (:func:`adoption`). Shared by the service
tests of reach, roll-up, base items and 上报."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC
from typing import Any

import requests
from sqlalchemy import create_engine, text

from records_service.db import Database
from records_service.demo import upsert_user
from records_service.models import Center, User, Window
from tests.helpers.local_service import Clock, LocalService, local_service
from tests.helpers.service import DEMO_PASSWORD, TEST_NOW
from tests.helpers.service_api import (
    TIMEOUT,
    auth,
    demo_catalog,
    item_for_department,
    valid_resident_id,
)

#: (code, name, level, parent) of the centers added below the demo city ``HS``.
CENTERS = (
    ("JG", "交警车管分中心", "sub-center", "HS"),
    ("JZ", "冀州区政务服务中心", "county", "HS"),
)
#: (code, name, department, center) of their windows.
WINDOWS = (
    ("JG01", "车管业务窗口", "GA", "JG"),
    ("JZ01", "冀州户政窗口", "GA", "JZ"),
    ("JZ02", "冀州企业登记窗口", "SJ", "JZ"),
)
#: (username, roles, department, window, center) of their staff.
STAFF = (
    ("jg-clerk", "clerk", "GA", "JG01", "JG"),
    ("jz-clerk", "clerk", "GA", "JZ01", "JZ"),
    ("jz-clerk-sj", "clerk", "SJ", "JZ02", "JZ"),
    ("jz-lead", "lead", "GA", None, "JZ"),
    ("jz-lead-sj", "lead", "SJ", None, "JZ"),
)
#: Window → center of every window the tests write at (the demo's are the city's).
CENTER_OF = {"W01": "HS", "W03": "HS"} | {w: c for w, _n, _d, c in WINDOWS}
#: Window → department.
DEPARTMENT_OF = {"W01": "GA", "W03": "SJ"} | {w: d for w, _n, d, _c in WINDOWS}


def add_centers(database_url: str) -> None:
    """Add the sub-center, the county, their windows and staff to a demo database."""
    db = Database(database_url, "HS")
    try:
        with db.write() as session:
            for code, name, level, parent in CENTERS:
                session.add(Center(code=code, name=name, level=level, parent_code=parent))
            session.flush()
            for code, name, department, center in WINDOWS:
                session.add(
                    Window(code=code, name=name, department_code=department, center_code=center)
                )
            session.flush()
            for username, role, department, window, center in STAFF:
                user, _ = upsert_user(
                    session,
                    username=username,
                    password=DEMO_PASSWORD,
                    display_name=username,
                    roles=[role],
                    department_code=department,
                    window_code=window,
                    must_change_password=False,
                )
                user.center_code = center
            session.flush()
            assert {
                u.username: u.center_code
                for u in session.query(User).filter(User.username.like("j%"))
            } == {s[0]: s[4] for s in STAFF}
    finally:
        db.dispose()


@contextmanager
def province_service(demo_databases: Any) -> Iterator[LocalService]:
    """A service on a fresh demo database with the centers above, on the test clock."""
    url = demo_databases.new()
    add_centers(url)
    with local_service(url, Clock(TEST_NOW)) as service:
        yield service


def center_case_body(
    window: str,
    clerk: str,
    seq: int,
    *,
    disposition: str = "promised",
    first_event: str = "accept",
    note: str = "",
    data: dict[str, Any] | None = None,
    received_at: str = "2026-11-28T09:30:00+08:00",
) -> dict[str, Any]:
    """A valid POST /cases body at ``window`` (an item of its department), numbered with
    the window's center."""
    item = item_for_department(DEPARTMENT_OF[window])
    return {
        "id": str(uuid.uuid4()),
        "case_no": f"{CENTER_OF[window]}-{window}-20261128-{seq:06d}",
        "query_code": f"{(seq * 7919) % 1_000_000:06d}",
        "item_code": item["code"],
        "window_code": window,
        "catalog_version": demo_catalog()["version"],
        "applicant": {
            "kind": "person",
            "name": "王五",
            "id_type": "resident_id",
            "id_number": valid_resident_id(),
            "phone": "13800138000",
        },
        "agent": None,
        "materials": [
            {"code": m["code"], "received": True, "deferred": False, "copies": 1}
            for m in item["materials"]
        ],
        "disposition": disposition,
        "received_at": received_at,
        "due_date": "2026-12-08" if disposition != "refused" else None,
        "due_date_provisional": False,
        "fee_fen": 0,
        "clerk": clerk,
        "first_event": {
            "id": str(uuid.uuid4()),
            "type": first_event,
            "at": received_at,
            "note": note,
            **({"data": data} if data is not None else {}),
        },
    }


def create(service: LocalService, token: str, body: dict[str, Any]) -> requests.Response:
    return requests.post(
        service.url("/cases"),
        json=body,
        headers={**auth(token), "Idempotency-Key": body["id"]},
        timeout=TIMEOUT,
    )


def event(kind: str, *, note: str = "", data: dict[str, Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "type": kind,
        "at": TEST_NOW.astimezone(UTC).isoformat(),
        "note": note,
    }
    if data is not None:
        body["data"] = data
    return body


def post_event(
    base_url: str, token: str, case_no: str, body: dict[str, Any], **kwargs: Any
) -> requests.Response:
    """POST an event to ``base_url`` (the service's, or a fault proxy's in front of it)."""
    return requests.post(
        f"{base_url}/api/v1/cases/{case_no}/events",
        json=body,
        headers={**auth(token), "Idempotency-Key": body["id"]},
        timeout=kwargs.get("timeout", TIMEOUT),
    )


def sql(database_url: str, statement: str, **params: object) -> list[tuple]:
    """Rows of one SQL statement on the service's database (either backend)."""
    engine = create_engine(database_url)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(statement), params)
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


def adoption(basic: str, implementation: str, code: str, **extra: Any) -> dict[str, Any]:
    """A POST /catalog/adoptions body: a GA item with one material and a fee."""
    return {
        "basic_code": basic,
        "implementation_code": implementation,
        "code": code,
        "department": "GA",
        "subjects": ["natural_person"],
        "scope": "本辖区常住户口居民（示例数据）",
        "procedure": ["申请", "受理", "办结"],
        "materials": [{"code": "M1", "name": "居民户口簿", "required": True}],
        "time_limit": {"statutory_days": 60, "promised_days": 15},
        "case_kind": "promised",
        "fees": [{"name": "工本费", "amount_fen": 2000}],
        "place": "政务服务中心一楼",
        "hours": "周一至周五 9:00-17:00",
        "phone": "0318-5550101",
        **extra,
    }
