"""What the desks read to act on fees (issue 17): a department's lead finds the payment of
a paid notice by its number (to request its refund), finance lists the refund requests
waiting for a decision; another window's clerk reads neither. SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import pytest

from tests.helpers.fees_api import cashier, clerk, finance, get, issued, paid, write
from tests.helpers.service_api import assert_problem, token_for


@pytest.fixture(scope="module")
def tokens(package_service) -> dict[str, str]:
    service = package_service
    return {
        "clerk": clerk(service),
        "cashier": cashier(service),
        "finance": finance(service),
        "lead": token_for(service, "demo-lead", window_code=None),
        "other_clerk": token_for(service, "demo-clerk-w03", window_code="W03"),
    }


def test_the_lead_finds_the_payment_and_finance_lists_the_waiting_refund(service, tokens) -> None:
    notice = issued(service, tokens["clerk"])
    path = f"/payment-notices/{notice['notice_no']}/payment"
    assert_problem(get(service, path, tokens["lead"]), 404)  # not paid yet
    payment = paid(service, tokens["cashier"], notice)

    found = get(service, path, tokens["lead"])
    assert found.status_code == 200, found.text
    assert found.json()["payment"]["id"] == payment["id"]
    assert found.json()["payment"]["receipt"]["number"] == payment["receipt"]["number"]
    assert found.json()["notice"]["status"] == "paid"
    # The issuing window reads it too (its case shows the receipt); another window does not.
    assert get(service, path, tokens["clerk"]).status_code == 200
    assert_problem(get(service, path, tokens["other_clerk"]), 404)

    body = {"id": str(uuid.uuid4()), "amount_fen": 1000, "reason": "重复缴费"}
    answer = write(service, f"/payments/{payment['id']}/refund-requests", tokens["lead"], body)
    assert answer.status_code == 201, answer.text
    waiting = get(service, "/refund-requests", tokens["finance"])
    assert waiting.status_code == 200, waiting.text
    mine = [r for r in waiting.json()["items"] if r["id"] == body["id"]]
    assert [(r["notice_no"], r["amount_fen"], r["status"]) for r in mine] == [
        (notice["notice_no"], 1000, "requested")
    ]
    lead_sees = get(service, "/refund-requests", tokens["lead"]).json()["items"]
    assert body["id"] in {r["id"] for r in lead_sees}
    assert get(service, "/refund-requests", tokens["clerk"]).status_code == 403

    decided = write(
        service,
        f"/refund-requests/{body['id']}/approve",
        tokens["finance"],
        {"note": ""},
        key=str(uuid.uuid4()),
    )
    assert decided.status_code == 201, decided.text
    still = get(service, "/refund-requests", tokens["finance"]).json()["items"]
    assert body["id"] not in {r["id"] for r in still}
    approved = get(service, "/refund-requests", tokens["finance"], status="approved").json()
    assert body["id"] in {r["id"] for r in approved["items"]}
