"""Cases taken in through the real records service's API, for the hall screen tests."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import requests

from clerk_app.core.clock import CENTER_TZ
from tests.helpers.service import DEMO_PASSWORD, RunningService

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = (5, 30)
VALID_ID = "11010519491231002X"  # GB 11643's own worked example


def token_for(service: RunningService, username: str, window_code: str | None = "W01") -> str:
    body: dict[str, Any] = {"username": username, "password": DEMO_PASSWORD}
    if window_code:
        body["window_code"] = window_code
    response = requests.post(service.url("/auth/login"), json=body, timeout=TIMEOUT)
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def service_now(service: RunningService, display_token: str) -> datetime:
    """What the service believes "now" is (its board's ``as_of``), in center time."""
    response = requests.get(service.url("/board"), headers=auth(display_token), timeout=TIMEOUT)
    assert response.status_code == 200, response.text
    return datetime.fromisoformat(response.json()["as_of"]).astimezone(CENTER_TZ)


@dataclass(frozen=True)
class TakenIn:
    case_no: str
    name: str
    window_code: str
    item_name: str
    hall_group: str


def _demo_item(seq: int) -> dict[str, Any]:
    """One of the demo catalog's items of W01's department (市公安局), by turns."""
    data = json.loads((REPO / "resources/catalog/demo_catalog.json").read_text("utf-8"))
    items = [i for i in data["items"] if i["department"] == "GA"]
    return {**items[seq % len(items)], "catalog_version": data["version"]}


#: Event(s) after acceptance → the hall word the case then shows.
PATHS: dict[str, tuple[tuple[str, str], ...]] = {
    "受理": (),
    "在办": (("start", ""),),
    "待办": (("suspend", "现场核查"),),
    "办结": (("start", ""), ("complete_approved", "准予许可")),
}


def take_in(
    service: RunningService,
    clerk_token: str,
    now: datetime,
    seq: int,
    name: str,
    group: str,
) -> TakenIn:
    """One case taken in at W01 today (service time), moved on to ``group`` by events."""
    item = _demo_item(seq)
    at = now.replace(microsecond=0).isoformat()
    case_no = f"HS-W01-{now:%Y%m%d}-{seq:06d}"
    body = {
        "id": str(uuid.uuid4()),
        "case_no": case_no,
        "query_code": "482913",
        "item_code": item["code"],
        "window_code": "W01",
        "catalog_version": item["catalog_version"],
        "applicant": {
            "kind": "person",
            "name": name,
            "id_type": "resident_id",
            "id_number": VALID_ID,
            "phone": "13800138000",
        },
        "agent": None,
        "materials": [
            {"code": m["code"], "received": True, "deferred": False, "copies": 1}
            for m in item["materials"]
        ],
        "disposition": "promised",
        "received_at": at,
        "due_date": (now.date() + timedelta(days=14)).isoformat(),
        "due_date_provisional": False,
        "fee_fen": 0,
        "clerk": "demo-clerk",
        "first_event": {"id": str(uuid.uuid4()), "type": "accept", "at": at, "note": ""},
    }
    headers = {**auth(clerk_token), "Idempotency-Key": body["id"]}
    response = requests.post(service.url("/cases"), json=body, headers=headers, timeout=TIMEOUT)
    assert response.status_code == 201, response.text
    for kind, note in PATHS[group]:
        event = {"id": str(uuid.uuid4()), "type": kind, "at": at, "note": note}
        headers = {**auth(clerk_token), "Idempotency-Key": event["id"]}
        answer = requests.post(
            service.url(f"/cases/{case_no}/events"), json=event, headers=headers, timeout=TIMEOUT
        )
        assert answer.status_code in (200, 201), answer.text
    return TakenIn(case_no, name, "W01", item["name"], group)


def stored_ratings(service: RunningService) -> list[tuple[str, int, str]]:
    """``(case_no, score, comment)`` of every rating the service has stored."""
    import sqlite3

    with sqlite3.connect(service.database_path) as conn:
        rows = conn.execute(
            "SELECT c.case_no, r.score, r.comment FROM ratings r JOIN cases c ON c.id = r.case_id"
            " ORDER BY r.rated_at"
        ).fetchall()
    return [(str(a), int(b), str(c or "")) for a, b, c in rows]
