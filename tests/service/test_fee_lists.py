"""What the desks read to act on fees (issue 17): a department's lead finds the payment of
a paid notice by its number (to request its refund), finance lists the refund requests
waiting for a decision; another window's clerk reads neither. SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest

from clerk_app.core.clock import CENTER_TZ
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


def test_finance_lists_the_decided_refunds_of_a_period(service, tokens) -> None:
    """The history: ``status=decided`` with ``from``/``to`` (business days of the decision)
    lists the approved and the rejected, not the waiting; another period lists neither."""
    ids = {}
    for verb in ("approve", "reject", None):
        payment = paid(service, tokens["cashier"], issued(service, tokens["clerk"]))
        body = {"id": str(uuid.uuid4()), "amount_fen": 500, "reason": "多缴"}
        made = write(service, f"/payments/{payment['id']}/refund-requests", tokens["lead"], body)
        assert made.status_code == 201, made.text
        if verb:
            decided = write(
                service,
                f"/refund-requests/{body['id']}/{verb}",
                tokens["finance"],
                {"note": "核实"},
                key=str(uuid.uuid4()),
            )
            assert decided.status_code == 201, decided.text
            at = datetime.fromisoformat(
                decided.json()["refund"]["decided_at"].replace("Z", "+00:00")
            )
        ids[verb] = body["id"]
    today = at.astimezone(CENTER_TZ).date()  # the service's test clock
    history = get(
        service,
        "/refund-requests",
        tokens["finance"],
        status="decided",
        **{"from": (today - timedelta(days=1)).isoformat(), "to": today.isoformat()},
    )
    assert history.status_code == 200, history.text
    states = {r["id"]: r["status"] for r in history.json()["items"]}
    assert states.get(ids["approve"]) == "approved" and states.get(ids["reject"]) == "rejected"
    assert ids[None] not in states
    before = get(
        service,
        "/refund-requests",
        tokens["finance"],
        status="decided",
        **{"from": "2026-01-01", "to": (today - timedelta(days=2)).isoformat()},
    )
    assert set(ids.values()).isdisjoint(r["id"] for r in before.json()["items"])
    # A period is whole and forward; the lead sees the department's history too.
    reversed_ = get(
        service, "/refund-requests", tokens["finance"], status="decided", to="2026-01-01",
        **{"from": "2026-02-01"},
    )  # fmt: skip
    assert_problem(reversed_, 422)
    assert_problem(get(service, "/refund-requests", tokens["finance"], to="2026-01-01"), 422)
    period = {"from": today.isoformat(), "to": today.isoformat()}
    lead = get(service, "/refund-requests", tokens["lead"], status="decided", **period)
    lead = lead.json()["items"]
    assert {ids["approve"], ids["reject"]} <= {r["id"] for r in lead}
