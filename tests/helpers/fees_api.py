"""Helpers for the fee tests (issue 17): notice and payment bodies, keyed writes, the demo
users of the settlement center."""

from __future__ import annotations

import itertools
import random
import uuid
from typing import Any

import requests

from tests.helpers.service import RunningService
from tests.helpers.service_api import TIMEOUT, auth, token_for

#: Notice sequence numbers of this run (random start: the service may outlive a module).
_seq = itertools.count(random.randint(1, 400_000))


def notice_no(window: str = "W01", day: str = "20261128") -> str:
    return f"JK-{window}-{day}-{next(_seq):06d}"


def notice_body(
    lines: list[tuple[str, str, int]] | None = None,
    *,
    window: str = "W01",
    waiver_fen: int = 0,
) -> dict[str, Any]:
    """A POST /payment-notices body of ``lines`` ``(item_code, fee_name, fen)``."""
    lines = lines or [("GA-001", "工本费", 2000), ("GA-002", "快递费", 1550)]
    total = sum(fen for _c, _n, fen in lines) - waiver_fen
    body: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "notice_no": notice_no(window),
        "window_code": window,
        "payer": {"name": "张三", "id_type": "resident_id", "id_number": "110105194912310021"},
        "lines": [
            {"item_code": c, "fee_name": n, "amount_fen": fen, "basis": "冀价行费〔2026〕1号"}
            for c, n, fen in lines
        ],
        "total_fen": total,
        "clerk": "demo-clerk",
        "issued_at": "2026-11-28T09:40:00+08:00",
    }
    if waiver_fen:
        body["lines"][0]["waivable"] = True
        body["waiver"] = {"reason_code": "subsistence", "amount_fen": waiver_fen, "note": ""}
    return body


def payment_body(
    notice: str,
    amount_fen: int,
    *,
    method: str = "cash",
    received_fen: int | None = None,
    reference: str = "",
    receipt: dict[str, Any] | None = None,
    paid_at: str = "2026-11-28T10:05:00+08:00",
    cashier: str = "demo-cashier",
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "notice": notice,
        "method": method,
        "amount_fen": amount_fen,
        "reference": reference,
        "cashier": cashier,
        "paid_at": paid_at,
        "receipt": receipt or {"kind": "electronic"},
    }
    if received_fen is not None:
        body["received_fen"] = received_fen
    return body


def write(
    service: RunningService, path: str, token: str, body: dict[str, Any], key: str | None = None
) -> requests.Response:
    """A keyed POST (the key: ``key``, else the body's ``id``)."""
    headers = {**auth(token), "Idempotency-Key": key or body["id"]}
    return requests.post(service.url(path), json=body, headers=headers, timeout=TIMEOUT)


def get(service: RunningService, path: str, token: str, **params: Any) -> requests.Response:
    return requests.get(service.url(path), headers=auth(token), params=params, timeout=TIMEOUT)


def clerk(service: RunningService) -> str:
    return token_for(service, "demo-clerk", window_code="W01")


def cashier(service: RunningService) -> str:
    return token_for(service, "demo-cashier", window_code="S01")


def finance(service: RunningService) -> str:
    return token_for(service, "demo-finance", window_code=None)


def issued(service: RunningService, token: str, body: dict[str, Any] | None = None) -> dict:
    """A notice issued at W01 (its answer's ``notice``)."""
    answer = write(service, "/payment-notices", token, body or notice_body())
    assert answer.status_code == 201, answer.text
    return answer.json()["notice"]


def paid(service: RunningService, token: str, notice: dict, **kwargs: Any) -> dict:
    """``notice`` paid in full (cash, electronic receipt unless ``kwargs`` say otherwise)."""
    body = payment_body(notice["notice_no"], notice["total_fen"], **kwargs)
    answer = write(service, "/payments", token, body)
    assert answer.status_code == 201, answer.text
    return answer.json()["payment"]
