"""HTTP calls of the supervisor's desk (督查, issue 19) on an :class:`ApiClient`: complaints
(take in, assign, call back, close, reopen, list, read), warning cards and model windows.

Each function takes the client and a bearer token and returns the answer's JSON object (or
its list of items); errors are the client's (:class:`ApiError`, :class:`NetworkError`,
:class:`BadResponseError`). The bulletin is fetched by ``clerk_app.app.bulletins``.
"""

from __future__ import annotations

from typing import Any

import requests

from clerk_app.remote.api import API_PREFIX, ApiClient, BadResponseError, _expect_dict

#: The steps of a complaint after it is taken in (``POST /complaints/{no}/{step}``).
STEPS = ("assign", "answer", "callback", "close", "reopen")


def _q(value: str) -> str:
    return requests.utils.quote(value, safe="")


def _object(data: Any, key: str) -> dict[str, Any]:
    if not isinstance(data, dict) or not isinstance(data.get(key), dict):
        raise BadResponseError(f"answer without {key}")
    value: dict[str, Any] = data[key]
    return value


def _items(data: Any, what: str) -> list[dict[str, Any]]:
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise BadResponseError(f"{what} answer without items")
    return items


def create_complaint(api: ApiClient, token: str, body: dict[str, Any], key: str) -> dict:
    """``POST /complaints`` → the complaint taken in (its number drawn by the service)."""
    response = api.request(
        "POST", f"{API_PREFIX}/complaints", token=token, body=body, idempotency_key=key
    )
    return _object(_expect_dict(response), "complaint")


def complaint_step(
    api: ApiClient, token: str, no: str, step: str, body: dict[str, Any]
) -> dict[str, Any]:
    """``POST /complaints/{no}/{step}`` (one of :data:`STEPS`) → the complaint after it."""
    if step not in STEPS:
        raise ValueError(f"no complaint step {step!r}")
    path = f"{API_PREFIX}/complaints/{_q(no)}/{step}"
    return _object(_expect_dict(api.request("POST", path, token=token, body=body)), "complaint")


def list_complaints(
    api: ApiClient, token: str, status: str | None = None, department: str | None = None
) -> tuple[str, list[dict[str, Any]]]:
    """``GET /complaints?status=&department=`` → ``(today, items)``, escalated first."""
    params = {
        k: v for k, v in (("status", status), ("department", department), ("limit", "500")) if v
    }
    data = _expect_dict(api.request("GET", f"{API_PREFIX}/complaints", token=token, params=params))
    return str(data.get("today") or ""), _items(data, "complaints")


def get_complaint(api: ApiClient, token: str, no: str) -> dict[str, Any]:
    """``GET /complaints/{no}`` → the complaint with its events (contact unmasked for the
    supervisor)."""
    path = f"{API_PREFIX}/complaints/{_q(no)}"
    return _object(_expect_dict(api.request("GET", path, token=token)), "complaint")


def issue_card(api: ApiClient, token: str, body: dict[str, Any]) -> dict[str, Any]:
    """``POST /cards`` ``{colour, target_kind, target_code, reason, links}`` → the card."""
    response = api.request("POST", f"{API_PREFIX}/cards", token=token, body=body)
    return _object(_expect_dict(response), "card")


def list_cards(api: ApiClient, token: str, month: str | None = None) -> list[dict[str, Any]]:
    """``GET /cards?month=`` → the center's cards, newest first."""
    params = {"month": month} if month else None
    response = api.request("GET", f"{API_PREFIX}/cards", token=token, params=params)
    return _items(_expect_dict(response), "cards")


def designate_model_window(api: ApiClient, token: str, body: dict[str, Any]) -> dict[str, Any]:
    """``POST /model-windows`` ``{month, window_code, reason}`` → the designation."""
    response = api.request("POST", f"{API_PREFIX}/model-windows", token=token, body=body)
    return _object(_expect_dict(response), "model_window")


def list_model_windows(
    api: ApiClient, token: str, month: str | None = None
) -> list[dict[str, Any]]:
    """``GET /model-windows?month=`` → the center's model windows, latest month first."""
    params = {"month": month} if month else None
    response = api.request("GET", f"{API_PREFIX}/model-windows", token=token, params=params)
    return _items(_expect_dict(response), "model windows")


#: The center's steps of a 12345 work order (``POST /hotline/orders/{no}/{step}``).
ORDER_STEPS = ("sign", "assign", "return", "extend")


def list_orders(api: ApiClient, token: str) -> list[dict[str, Any]]:
    """``GET /hotline/orders`` page by page from the first change → every work order of
    the supervisor's center in its latest state (oldest change first)."""
    found: dict[str, dict[str, Any]] = {}
    cursor: str | None = None
    for _ in range(1000):  # a bound: 500 a page
        params: dict[str, Any] = {"limit": "500"}
        if cursor:
            params["updated_after"] = cursor
        data = _expect_dict(
            api.request("GET", f"{API_PREFIX}/hotline/orders", token=token, params=params)
        )
        for item in _items(data, "work orders"):
            found[str(item.get("no"))] = item
        cursor = data.get("next")
        if not data.get("more") or not cursor:
            break
    return list(found.values())


def order_step(
    api: ApiClient, token: str, no: str, step: str, body: dict[str, Any] | None = None
) -> dict[str, Any]:
    """``POST /hotline/orders/{no}/{step}`` (one of :data:`ORDER_STEPS`) → the order after
    it."""
    if step not in ORDER_STEPS:
        raise ValueError(f"no work order step {step!r}")
    path = f"{API_PREFIX}/hotline/orders/{_q(no)}/{step}"
    data = _expect_dict(api.request("POST", path, token=token, body=body or {}))
    if not isinstance(data.get("no"), str):
        raise BadResponseError("work order answer without no")
    return data


def bad_ratings(
    api: ApiClient, token: str, params: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """``GET /ratings/bad`` → the center's bad ratings (差评), earliest follow-up first;
    ``params``: ``rated_from``, ``rated_to`` (YYYY-MM-DD), ``department``, ``followed_up``
    (``"true"``/``"false"``)."""
    response = api.request("GET", f"{API_PREFIX}/ratings/bad", token=token, params=params or {})
    return _items(_expect_dict(response), "bad ratings")
