"""HTTP calls of the settlement center's back office (issue 17) on an :class:`ApiClient`:
voiding a spoilt receipt, the cashier's daily close, refunds (a department's lead requests,
finance decides), the period report and the bank reconciliation.

Each function takes the client and a bearer token and returns the answer's JSON object;
errors are the client's (:class:`ApiError`, :class:`NetworkError`, ...). Writes carry an
Idempotency-Key (the record's id, or the decision's own key).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import requests

from clerk_app.remote.api import API_PREFIX, ApiClient, BadResponseError, _expect_dict


def _q(value: str) -> str:
    return requests.utils.quote(value, safe="")


def _object(data: Any, key: str, status: int | None = None) -> dict[str, Any]:
    if not isinstance(data, dict) or not isinstance(data.get(key), dict):
        raise BadResponseError(f"answer without {key}", status=status)
    value: dict[str, Any] = data[key]
    return value


def void_receipt(
    api: ApiClient, token: str, code: str, number: str, body: dict[str, Any]
) -> dict[str, Any]:
    """``POST /receipts/{code}/{number}/void`` ``{id, reason}`` → the receipt, voided."""
    path = f"{API_PREFIX}/receipts/{_q(code)}/{_q(number)}/void"
    status, data = api.send("POST", path, token, body, str(body["id"]))
    return _object(data, "receipt", status)


def close_day(api: ApiClient, token: str, body: dict[str, Any]) -> dict[str, Any]:
    """``POST /cashier/day/close`` ``{id, date, counted_fen, deposit_ref}`` → the day."""
    status, data = api.send("POST", f"{API_PREFIX}/cashier/day/close", token, body, body["id"])
    return _object(data, "day", status)


def day_sheet(api: ApiClient, token: str, day: date, cashier: str | None = None) -> dict:
    """``GET /cashier/day?date=[&cashier=]`` → the whole day sheet."""
    params = {"date": day.isoformat(), **({"cashier": cashier} if cashier else {})}
    response = api.request("GET", f"{API_PREFIX}/cashier/day", token=token, params=params)
    return _object(_expect_dict(response), "day")


def notice_payment(api: ApiClient, token: str, notice_no: str) -> dict[str, Any]:
    """``GET /payment-notices/{no}/payment`` → ``{payment, notice}`` (404: not paid)."""
    path = f"{API_PREFIX}/payment-notices/{_q(notice_no)}/payment"
    data = _expect_dict(api.request("GET", path, token=token))
    _object(data, "payment")
    _object(data, "notice")
    return data


def request_refund(
    api: ApiClient, token: str, payment_id: str, body: dict[str, Any]
) -> dict[str, Any]:
    """``POST /payments/{id}/refund-requests`` ``{id, amount_fen, reason}`` → the refund."""
    path = f"{API_PREFIX}/payments/{_q(payment_id)}/refund-requests"
    status, data = api.send("POST", path, token, body, body["id"])
    return _object(data, "refund", status)


def refund_requests(
    api: ApiClient,
    token: str,
    status: str = "requested",
    period: tuple[date, date] | None = None,
    limit: int = 200,
) -> list[dict]:
    """``GET /refund-requests?status=[&from=&to=]`` → the requests, oldest first (with a
    period: those decided in it, by the decision's time)."""
    params: dict[str, Any] = {"status": status, "limit": limit}
    if period is not None:
        params["from"], params["to"] = period[0].isoformat(), period[1].isoformat()
    response = api.request("GET", f"{API_PREFIX}/refund-requests", token=token, params=params)
    items = _expect_dict(response).get("items")
    if not isinstance(items, list):
        raise BadResponseError("refund requests answer without items")
    return items


def decide_refund(
    api: ApiClient, token: str, refund_id: str, approve: bool, note: str, key: str
) -> dict[str, Any]:
    """``POST /refund-requests/{id}/approve|reject`` ``{note}`` → the refund decided."""
    verb = "approve" if approve else "reject"
    path = f"{API_PREFIX}/refund-requests/{_q(refund_id)}/{verb}"
    status, data = api.send("POST", path, token, {"note": note}, key)
    return _object(data, "refund", status)


def fees_report(api: ApiClient, token: str, first: date, last: date, group: str) -> dict:
    """``GET /fees/report?from=&to=&group=`` → rows and totals (JSON)."""
    params = {"from": first.isoformat(), "to": last.isoformat(), "group": group}
    data = _expect_dict(api.request("GET", f"{API_PREFIX}/fees/report", token=token, params=params))
    if not isinstance(data.get("rows"), list):
        raise BadResponseError("report answer without rows")
    return data


def reconcile(api: ApiClient, token: str, first: date, last: date, text: str) -> dict[str, Any]:
    """``POST /fees/reconcile`` ``{from, to, csv}`` → matched and the unmatched lines."""
    body = {"from": first.isoformat(), "to": last.isoformat(), "csv": text}
    response = api.request("POST", f"{API_PREFIX}/fees/reconcile", token=token, body=body)
    data = _expect_dict(response)
    if not isinstance(data.get("unmatched_bank"), list):
        raise BadResponseError("reconcile answer without its lists")
    return data
