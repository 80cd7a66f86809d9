"""A stand-in for the 12345 hotline's system, written against the documented API only
(``POST /hotline/orders``, ``POST /hotline/orders/{no}/redo``, ``GET /hotline/orders?
updated_after=``; the OpenAPI of ``records_service.routers.hotline``): plain HTTP with its
integration credential, no import of the service.

It dispatches work orders (the order number is the Idempotency-Key), sends answered ones
back to be redone, and pulls what changed since its cursor, keeping the latest state of
every order it has seen, as the hotline does before its own call-back (回访).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import requests

TIMEOUT = (5, 60)


@dataclass
class HotlineClient:
    """The hotline's side: ``base_url`` ends in ``/api/v1``; ``token`` is its integration
    credential."""

    base_url: str
    token: str
    #: The ``next`` of the last pull (``None``: from the first).
    cursor: str | None = None
    #: The latest state of each order pulled, by number.
    orders: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: How many orders each pull brought back.
    pulls: list[int] = field(default_factory=list)

    def _headers(self, key: str | None = None) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token}"}
        if key is not None:
            headers["Idempotency-Key"] = key
        return headers

    def dispatch_body(
        self,
        no: str,
        kind: str = "help",
        *,
        title: str = "路灯不亮",
        content: str = "小区门口路灯连续三晚不亮，请尽快处理。",
        caller_name: str = "李四",
        caller_phone: str = "13912345678",
        sign_within: tuple[int, str] = (1, "hours"),
        answer_within: tuple[int, str] = (4, "hours"),
    ) -> dict[str, Any]:
        return {
            "no": no,
            "kind": kind,
            "title": title,
            "content": content,
            "caller_name": caller_name,
            "caller_phone": caller_phone,
            "sign_within": {"value": sign_within[0], "unit": sign_within[1]},
            "answer_within": {"value": answer_within[0], "unit": answer_within[1]},
        }

    def post_order(self, body: dict[str, Any]) -> requests.Response:
        return requests.post(
            f"{self.base_url}/hotline/orders",
            json=body,
            headers=self._headers(key=body["no"]),
            timeout=TIMEOUT,
        )

    def dispatch(self, no: str, kind: str = "help", **fields: Any) -> dict[str, Any]:
        """Dispatch an order to the center; its answer (the order as received)."""
        answer = self.post_order(self.dispatch_body(no, kind, **fields))
        assert answer.status_code in (200, 201), answer.text
        return answer.json()

    def send_back(
        self, no: str, reason: str, answer_within: tuple[int, str] | None = None
    ) -> requests.Response:
        """重办: send an answered or returned order back to be redone."""
        body: dict[str, Any] = {"reason": reason}
        if answer_within is not None:
            body["answer_within"] = {"value": answer_within[0], "unit": answer_within[1]}
        return requests.post(
            f"{self.base_url}/hotline/orders/{no}/redo",
            json=body,
            headers=self._headers(),
            timeout=TIMEOUT,
        )

    def pull(self, limit: int = 100) -> list[dict[str, Any]]:
        """Everything changed since the cursor (page by page); the cursor moves on."""
        changed: list[dict[str, Any]] = []
        while True:
            params: dict[str, Any] = {"limit": limit}
            if self.cursor is not None:
                params["updated_after"] = self.cursor
            answer = requests.get(
                f"{self.base_url}/hotline/orders",
                params=params,
                headers=self._headers(),
                timeout=TIMEOUT,
            )
            assert answer.status_code == 200, answer.text
            page = answer.json()
            changed.extend(page["items"])
            for order in page["items"]:
                self.orders[order["no"]] = order
            if page["next"] is not None:
                self.cursor = page["next"]
            if not page["more"]:
                break
        self.pulls.append(len(changed))
        return changed


def enrol_hotline(service: Any) -> HotlineClient:
    """The hotline's integration credential, enrolled by the demo admin on a running
    service (``service.url(path)``), as a :class:`HotlineClient`."""
    from tests.helpers.service import DEMO_PASSWORD

    admin = requests.post(
        service.url("/auth/login"),
        json={"username": "demo-admin", "password": DEMO_PASSWORD},
        timeout=TIMEOUT,
    ).json()["access_token"]
    code = requests.post(
        service.url("/enrolments"),
        json={"kind": "integration", "label": "12345热线"},
        headers={"Authorization": f"Bearer {admin}"},
        timeout=TIMEOUT,
    )
    assert code.status_code == 201, code.text
    redeemed = requests.post(
        service.url("/enrolments/redeem"), json={"code": code.json()["code"]}, timeout=TIMEOUT
    )
    assert redeemed.status_code == 201, redeemed.text
    return HotlineClient(service.url(""), redeemed.json()["token"])
