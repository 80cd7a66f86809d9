"""The calling window's tests (issue 18): a kiosk credential enrolled by the demo admin on a
real records service, tickets issued through ``POST /queue/tickets`` as a kiosk does, and the
hall screen's token (the demo display account). The demo hall: W01 and W02 serve category
``GA`` (prefix B, 公安业务), W03 serves ``QY`` (D, 企业开办), P01 serves none."""

from __future__ import annotations

import sqlite3
import uuid
from typing import Any

import requests

from tests.helpers.hall_service_data import TIMEOUT, auth, token_for


def kiosk_token(service: Any, label: str = "hall kiosk") -> str:
    """A kiosk credential enrolled by the demo admin and redeemed."""
    admin = token_for(service, "demo-admin", window_code=None)
    made = requests.post(
        service.url("/enrolments"),
        json={"kind": "kiosk", "label": label},
        headers=auth(admin),
        timeout=TIMEOUT,
    )
    assert made.status_code == 201, made.text
    redeemed = requests.post(
        service.url("/enrolments/redeem"), json={"code": made.json()["code"]}, timeout=TIMEOUT
    )
    assert redeemed.status_code == 201, redeemed.text
    return str(redeemed.json()["token"])


def issue(service: Any, kiosk: str, category: str = "GA") -> str:
    """One ticket of ``category`` from the kiosk; its number."""
    ticket_id = str(uuid.uuid4())
    answer = requests.post(
        service.url("/queue/tickets"),
        json={"id": ticket_id, "category": category},
        headers={**auth(kiosk), "Idempotency-Key": ticket_id},
        timeout=TIMEOUT,
    )
    assert answer.status_code == 201, answer.text
    return str(answer.json()["ticket"]["number"])


def display_token(service: Any) -> str:
    """The hall screen's token (the demo display account)."""
    return token_for(service, "demo-display", window_code=None)


def ticket_row(service: Any, number: str) -> tuple[str, str, bool, str]:
    """``(status, case_nos JSON, rated, window_code)`` of today's ticket ``number``."""
    with sqlite3.connect(service.database_path) as conn:
        row = conn.execute(
            "SELECT status, case_nos, rated, window_code FROM queue_tickets WHERE number = ?"
            " ORDER BY issued_at DESC",
            (number,),
        ).fetchone()
    assert row is not None, number
    return str(row[0]), str(row[1]), bool(row[2]), str(row[3] or "")


def case_ratings(service: Any, case_no: str) -> list[tuple[int, str]]:
    """``(score, visit event type)`` of each rating of ``case_no`` at the center."""
    with sqlite3.connect(service.database_path) as conn:
        rows = conn.execute(
            "SELECT r.score, e.type FROM ratings r JOIN cases c ON c.id = r.case_id"
            " JOIN case_events e ON e.id = r.event_id WHERE c.case_no = ? ORDER BY r.rated_at",
            (case_no,),
        ).fetchall()
    return [(int(score), str(kind)) for score, kind in rows]
