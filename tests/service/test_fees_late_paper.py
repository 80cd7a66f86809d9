"""A cash payment on a paper receipt taken with the link down reaches the center later
(issue 17, the offline cashier): the number from the cashier's stock is accepted once, a
number used twice is refused, a notice the center does not have yet is a 404 that stores
nothing (the desk sends again), and the payment code the fiscal platform assigns comes in
with the payment. Run on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest

from records_service.fiscal.standin import payment_code
from tests.helpers.fees_api import cashier, clerk, get, issued, notice_body, payment_body, write
from tests.helpers.service_api import assert_problem, token_for


@pytest.fixture
def offline(service_factory, backend):
    return service_factory(env={"CLERK_FISCAL_PLATFORM": "standin-offline"}, backend=backend)


def test_a_late_paper_payment_is_taken_once_and_brings_the_payment_code(
    offline, service_factory
) -> None:
    window = clerk(offline)
    # Issued while the platform was down: no payment code.
    notice = issued(offline, window)
    assert notice["payment_code"] is None
    admin = token_for(offline, "demo-admin", window_code=None)
    code = f"{uuid.uuid4().int % 10**8:08d}"
    stock = {"id": str(uuid.uuid4()), "code": code, "first": 501, "last": 520}
    stock["cashier"] = "demo-cashier"
    assert write(offline, "/receipt-ranges", admin, stock).status_code == 201
    offline.stop()
    # The platform answers again (the same database, the platform reachable).
    if offline.backend == "sqlite":
        center = service_factory(database_path=offline.database_path)
    else:
        center = service_factory(database_url=offline.database_url)
    desk = cashier(center)
    paper = {"kind": "paper", "code": code, "number": "00000501"}
    # Taken at 09:50, sent at 10:00 when the link came back.
    late = payment_body(
        notice["notice_no"],
        notice["total_fen"],
        received_fen=5000,
        receipt=paper,
        paid_at="2026-11-28T09:50:00+08:00",
    )
    answer = write(center, "/payments", desk, late)
    assert answer.status_code == 201, answer.text
    payment = answer.json()["payment"]
    taken_at = datetime.fromisoformat(payment["paid_at"].replace("Z", "+00:00"))
    assert taken_at == datetime.fromisoformat(late["paid_at"])  # kept as taken
    assert (payment["day"], payment["change_fen"]) == ("2026-11-28", 1450)
    assert (payment["receipt"]["kind"], payment["receipt"]["number"]) == ("paper", "00000501")
    assert answer.json()["notice"]["payment_code"] == payment_code(notice["notice_no"])
    # The lost answer: sent again, the stored answer, not a second payment.
    again = write(center, "/payments", desk, late)
    assert again.headers["Idempotency-Replayed"] == "true" and again.json() == answer.json()

    # The same number on another payment (another desk's mistake) is refused, nothing kept.
    other = issued(center, window)
    twice = payment_body(other["notice_no"], other["total_fen"], receipt=paper)
    assert_problem(write(center, "/payments", desk, twice), 409, "receipt-used")
    seen = get(center, f"/payment-notices/{other['notice_no']}", desk).json()["notice"]
    assert seen["status"] == "issued"
    outside = {"kind": "paper", "code": code, "number": "00000521"}
    beyond = payment_body(other["notice_no"], other["total_fen"], receipt=outside)
    assert_problem(write(center, "/payments", desk, beyond), 422, "not-your-stock")

    # Paid at the cashier before the department window's notice reached the center: 404,
    # nothing stored under the key; once the notice is there, the same request is taken.
    body = notice_body()
    early = payment_body(
        body["notice_no"],
        body["total_fen"],
        receipt={"kind": "paper", "code": code, "number": "00000502"},
        paid_at="2026-11-28T09:55:00+08:00",
    )
    assert_problem(write(center, "/payments", desk, early), 404)
    issued(center, window, body)
    taken = write(center, "/payments", desk, early)
    assert taken.status_code == 201, taken.text
    assert taken.headers.get("Idempotency-Replayed") != "true"
    sheet = get(center, "/cashier/day", desk, date="2026-11-28").json()["day"]
    assert [n for n in sheet["receipts_used"] if n.startswith(code)] == [
        f"{code}/00000501",
        f"{code}/00000502",
    ]
    (mine,) = [r for r in sheet["ranges"] if r["code"] == code]
    assert (mine["used"], mine["voided"], mine["unused"]) == (2, 0, 18)
