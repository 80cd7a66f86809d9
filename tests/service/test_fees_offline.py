"""The fiscal platform down (issue 17, ``CLERK_FISCAL_PLATFORM=standin-offline``): notices
are issued without a payment code, cash is taken on paper receipts, while card and QR
payments and electronic receipts wait for the platform (503, nothing written). Run on
SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import pytest

from tests.helpers.fees_api import (
    cashier,
    clerk,
    get,
    issued,
    payment_body,
    write,
)
from tests.helpers.service_api import assert_problem, token_for


@pytest.fixture
def offline(service_factory, backend):
    return service_factory(env={"CLERK_FISCAL_PLATFORM": "standin-offline"}, backend=backend)


def test_with_the_platform_down_cash_goes_on_paper_and_the_rest_waits(offline) -> None:
    window, desk = clerk(offline), cashier(offline)
    notice = issued(offline, window)
    assert notice["payment_code"] is None  # assigned when the platform answers again
    for method, receipt in [
        ("card", {"kind": "paper", "code": "1", "number": "1"}),
        ("cash", {"kind": "electronic"}),
    ]:
        body = payment_body(
            notice["notice_no"],
            notice["total_fen"],
            method=method,
            reference="POS-9",
            receipt=receipt,
        )
        assert_problem(write(offline, "/payments", desk, body), 503, "fiscal-unavailable")
    seen = get(offline, f"/payment-notices/{notice['notice_no']}", desk).json()["notice"]
    assert seen["status"] == "issued"  # nothing was written
    admin = token_for(offline, "demo-admin", window_code=None)
    stock = {"id": str(uuid.uuid4()), "code": "13010201", "first": 1, "last": 100}
    stock["cashier"] = "demo-cashier"
    assert write(offline, "/receipt-ranges", admin, stock).status_code == 201
    paper = {"kind": "paper", "code": "13010201", "number": "00000001"}
    body = payment_body(notice["notice_no"], notice["total_fen"], receipt=paper)
    answer = write(offline, "/payments", desk, body)
    assert answer.status_code == 201, answer.text
    assert answer.json()["payment"]["receipt"]["number"] == "00000001"
    assert answer.json()["notice"]["status"] == "paid"
