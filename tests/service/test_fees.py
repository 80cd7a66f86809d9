"""The fee settlement center on the records service (issue 17): a department window issues
a payment notice, the settlement window takes the money and issues the fiscal receipt,
refunds go through a lead and finance, spoilt receipts keep their numbers, the cashier's day
closes. Run on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from urllib.parse import parse_qs, urlsplit

import pytest

from records_service.fiscal.standin import StandInPlatform, payment_code
from tests.helpers.fees_api import (
    cashier,
    clerk,
    finance,
    get,
    issued,
    notice_body,
    paid,
    payment_body,
    write,
)
from tests.helpers.service_api import assert_problem, token_for


@pytest.fixture(scope="module")
def tokens(package_service) -> dict[str, str]:
    service = package_service
    return {
        "clerk": clerk(service),
        "cashier": cashier(service),
        "finance": finance(service),
        "lead": token_for(service, "demo-lead", window_code=None),
        "admin": token_for(service, "demo-admin", window_code=None),
    }


def test_notice_paid_in_cash_with_change_gets_an_electronic_receipt(service, tokens) -> None:
    notice = issued(service, tokens["clerk"])
    assert notice["status"] == "issued"
    assert notice["total_fen"] == 3550
    assert notice["department_code"] == "GA"
    # The platform, not the window, assigns the payment code.
    assert notice["payment_code"] == payment_code(notice["notice_no"])
    # The cashier scans the code and sees the notice with its items.
    scanned = get(service, f"/payment-notices/{notice['payment_code']}", tokens["cashier"])
    assert scanned.status_code == 200, scanned.text
    assert [line["amount_fen"] for line in scanned.json()["notice"]["lines"]] == [2000, 1550]

    body = payment_body(notice["payment_code"], 3550, received_fen=5000)
    answer = write(service, "/payments", tokens["cashier"], body)
    assert answer.status_code == 201, answer.text
    payment = answer.json()["payment"]
    assert (payment["received_fen"], payment["change_fen"]) == (5000, 1450)
    assert payment["cashier"] == "demo-cashier"
    receipt = payment["receipt"]
    assert receipt["kind"] == "electronic" and receipt["status"] == "used"
    # The QR's address verifies the receipt at the (stand-in) platform.
    query = {k: v[0] for k, v in parse_qs(urlsplit(receipt["verify_url"]).query).items()}
    assert query == {
        "code": receipt["code"],
        "number": receipt["number"],
        "check": receipt["check_code"],
    }
    assert StandInPlatform().verify(query["code"], query["number"], query["check"])
    assert not StandInPlatform().verify(query["code"], query["number"], "000000")
    # The department window sees it paid.
    seen = get(service, f"/payment-notices/{notice['notice_no']}", tokens["clerk"])
    assert seen.json()["notice"]["status"] == "paid"
    # The same request again is the stored answer, not a second payment.
    again = write(service, "/payments", tokens["cashier"], body)
    assert again.status_code == 201 and again.headers["Idempotency-Replayed"] == "true"
    assert again.json()["payment"] == payment


def test_a_second_payment_and_a_wrong_amount_are_refused(service, tokens) -> None:
    notice = issued(service, tokens["clerk"])
    short = write(service, "/payments", tokens["cashier"], payment_body(notice["notice_no"], 3549))
    assert_problem(short, 422, "amount-mismatch")
    more = write(service, "/payments", tokens["cashier"], payment_body(notice["notice_no"], 3551))
    assert_problem(more, 422, "amount-mismatch")
    too_little_cash = payment_body(notice["notice_no"], 3550, received_fen=3000)
    assert_problem(write(service, "/payments", tokens["cashier"], too_little_cash), 422)
    # Nothing was written: the notice is still unpaid and can be paid once.
    seen = get(service, f"/payment-notices/{notice['notice_no']}", tokens["cashier"])
    assert seen.json()["notice"]["status"] == "issued"
    paid(service, tokens["cashier"], notice)
    second = write(service, "/payments", tokens["cashier"], payment_body(notice["notice_no"], 3550))
    assert_problem(second, 409, "already-paid")
    unknown = write(
        service, "/payments", tokens["cashier"], payment_body("JK-W01-20261128-999999", 1)
    )
    assert_problem(unknown, 404)


def test_a_waiver_follows_the_rules_and_a_large_one_names_its_lead(service, tokens) -> None:
    small = notice_body(waiver_fen=500)
    answer = write(service, "/payment-notices", tokens["clerk"], small)
    assert answer.status_code == 201, answer.text
    assert answer.json()["notice"]["total_fen"] == 3050
    assert answer.json()["notice"]["waiver"]["reason_code"] == "subsistence"
    not_waivable = notice_body(waiver_fen=500)
    not_waivable["lines"][0]["waivable"] = False
    problem = assert_problem(write(service, "/payment-notices", tokens["clerk"], not_waivable), 422)
    assert "not_waivable" in problem["errors"][0]["field"]
    # Above the provisioned ¥100: a lead of the department approved it, by name.
    large = notice_body([("GA-001", "工本费", 30000)], waiver_fen=20000)
    problem = assert_problem(write(service, "/payment-notices", tokens["clerk"], large), 422)
    assert "approval_needed" in problem["errors"][0]["field"]
    large["waiver"]["approved_by"] = "demo-clerk"
    assert_problem(write(service, "/payment-notices", tokens["clerk"], large), 422)
    large["waiver"]["approved_by"] = "demo-lead"
    answer = write(service, "/payment-notices", tokens["clerk"], large)
    assert answer.status_code == 201, answer.text
    assert answer.json()["notice"]["total_fen"] == 10000
    wrong_total = {**notice_body(), "total_fen": 1}
    assert_problem(write(service, "/payment-notices", tokens["clerk"], wrong_total), 422)
    no_such_day = {**notice_body(), "notice_no": "JK-W01-20261399-000001"}
    assert_problem(write(service, "/payment-notices", tokens["clerk"], no_such_day), 422)
    fraction = {**notice_body(), "total_fen": 3550.0}  # money is whole fen, never a float
    assert_problem(write(service, "/payment-notices", tokens["clerk"], fraction), 422)


def test_a_notice_is_cancelled_before_payment_never_after(service, tokens) -> None:
    open_notice = issued(service, tokens["clerk"])
    path = f"/payment-notices/{open_notice['notice_no']}/cancel"
    cancel = {"id": str(uuid.uuid4()), "reason": "申请人放弃办理"}
    answer = write(service, path, tokens["clerk"], cancel)
    assert answer.status_code == 201, answer.text
    assert answer.json()["notice"]["status"] == "cancelled"
    by_code = payment_body(open_notice["payment_code"], open_notice["total_fen"])
    assert_problem(write(service, "/payments", tokens["cashier"], by_code), 409, "cancelled")

    paid_notice = issued(service, tokens["clerk"])
    paid(service, tokens["cashier"], paid_notice)
    late = {"id": str(uuid.uuid4()), "reason": "录入错误"}
    path = f"/payment-notices/{paid_notice['notice_no']}/cancel"
    assert_problem(write(service, path, tokens["clerk"], late), 409, "paid")


def _range(service, tokens, code: str, first: int, last: int):
    body = {"id": str(uuid.uuid4()), "code": code, "first": first, "last": last}
    body["cashier"] = "demo-cashier"
    return write(service, "/receipt-ranges", tokens["admin"], body)


def test_paper_receipts_come_from_the_cashiers_range_and_keep_voided_numbers(
    service, tokens
) -> None:
    code = f"{uuid.uuid4().int % 10**8:08d}"
    assert _range(service, tokens, code, 100, 109).status_code == 201
    not_a_cashier = {"id": str(uuid.uuid4()), "code": code, "first": 500, "last": 599}
    not_a_cashier["cashier"] = "demo-clerk"
    assert_problem(write(service, "/receipt-ranges", tokens["admin"], not_a_cashier), 422)
    overlap = _range(service, tokens, code, 105, 120)
    assert_problem(overlap, 409, "overlap")
    assert _range(service, tokens, code, 110, 119).status_code == 201  # next to it: fine

    notice = issued(service, tokens["clerk"])
    for number in ("00000200", "9" * 20):
        outside = {"kind": "paper", "code": code, "number": number}
        body = payment_body(notice["notice_no"], 3550, receipt=outside)
        answer = write(service, "/payments", tokens["cashier"], body)
        assert_problem(answer, 422, "not-your-stock")
    paper = {"kind": "paper", "code": code, "number": "00000101"}
    payment = paid(service, tokens["cashier"], notice, receipt=paper)
    assert payment["receipt"] == {
        "kind": "paper",
        "code": code,
        "number": "00000101",
        "check_code": "",
        "verify_url": "",
        "status": "used",
    }
    reuse = payment_body(issued(service, tokens["clerk"])["notice_no"], 3550, receipt=paper)
    assert_problem(write(service, "/payments", tokens["cashier"], reuse), 409, "receipt-used")

    # A form spoilt in the printer: voided, its number kept and never used again.
    spoilt = {"id": str(uuid.uuid4()), "reason": "打印卡纸"}
    voided = write(service, f"/receipts/{code}/00000102/void", tokens["cashier"], spoilt)
    assert voided.status_code == 201, voided.text
    assert voided.json()["receipt"]["status"] == "voided"
    # A department window's desk voids nothing.
    from tests.helpers.service_api import login

    w01_desk = login(service, device_id=f"fees-{uuid.uuid4().hex[:8]}").json()["device_token"]
    blank = {"id": str(uuid.uuid4()), "reason": "打印卡纸", "cashier": "demo-cashier"}
    assert_problem(write(service, f"/receipts/{code}/00000103/void", w01_desk, blank), 403)
    again = {"id": str(uuid.uuid4()), "reason": "打印卡纸"}
    assert_problem(
        write(service, f"/receipts/{code}/00000102/void", tokens["cashier"], again), 409, "voided"
    )
    on_voided = payment_body(
        issued(service, tokens["clerk"])["notice_no"],
        3550,
        receipt={"kind": "paper", "code": code, "number": "00000102"},
    )
    assert_problem(write(service, "/payments", tokens["cashier"], on_voided), 409, "receipt-used")
    # Every number of the range is accounted for.
    day = get(service, "/cashier/day", tokens["cashier"], date="2026-11-28").json()["day"]
    first = next(r for r in day["ranges"] if r["code"] == code and r["first"] == 100)
    assert (first["used"], first["voided"], first["unused"]) == (1, 1, 8)
    assert f"{code}/00000102" in day["receipts_voided"]


def test_a_refund_is_requested_by_the_lead_and_approved_by_finance(service, tokens) -> None:
    payment = paid(service, tokens["cashier"], issued(service, tokens["clerk"]))
    path = f"/payments/{payment['id']}/refund-requests"
    too_much = {"id": str(uuid.uuid4()), "amount_fen": 3551, "reason": "多收"}
    assert_problem(write(service, path, tokens["lead"], too_much), 422, "refund-too-large")
    body = {"id": str(uuid.uuid4()), "amount_fen": 1550, "reason": "未发生快递"}
    assert_problem(write(service, path, tokens["clerk"], body), 403)
    requested = write(service, path, tokens["lead"], body)
    assert requested.status_code == 201, requested.text
    refund = requested.json()["refund"]
    assert refund["status"] == "requested"
    # What is requested counts: another 2001 fen would be more than paid.
    more = {"id": str(uuid.uuid4()), "amount_fen": 2001, "reason": "多收"}
    assert_problem(write(service, path, tokens["lead"], more), 422, "refund-too-large")

    approve = f"/refund-requests/{refund['id']}/approve"
    assert_problem(write(service, approve, tokens["lead"], {"note": ""}, key="k1"), 403)
    decided = write(service, approve, tokens["finance"], {"note": "同意"}, key=str(uuid.uuid4()))
    assert decided.status_code == 201, decided.text
    assert decided.json()["refund"]["status"] == "approved"
    assert decided.json()["refund"]["voucher_no"].startswith("TF-")
    twice = write(service, approve, tokens["finance"], {"note": ""}, key=str(uuid.uuid4()))
    assert_problem(twice, 409, "decided")
    # A rejected request leaves its amount refundable again; nothing past what is left.
    rest = {"id": str(uuid.uuid4()), "amount_fen": 2000, "reason": "多收"}
    asked = write(service, path, tokens["lead"], rest).json()["refund"]
    reject = f"/refund-requests/{asked['id']}/reject"
    rejected = write(service, reject, tokens["finance"], {"note": "不符合退付条件"}, key="r1")
    assert rejected.json()["refund"]["status"] == "rejected"
    assert rejected.json()["refund"]["voucher_no"] is None
    again = {**rest, "id": str(uuid.uuid4())}
    assert write(service, path, tokens["lead"], again).status_code == 201
    over = {"id": str(uuid.uuid4()), "amount_fen": 1, "reason": "多收"}
    assert_problem(write(service, path, tokens["lead"], over), 422, "refund-too-large")


def test_daily_close_records_a_shortfall_and_freezes_the_day(service, tokens) -> None:
    day, at = "2026-11-21", "2026-11-21T15:00:00+08:00"
    cash = [12000, 3550]
    for fen in cash:
        notice = issued(service, tokens["clerk"], notice_body([("GA-001", "工本费", fen)]))
        paid(service, tokens["cashier"], notice, paid_at=at, received_fen=fen + 50)
    card = issued(service, tokens["clerk"], notice_body([("GA-003", "证照费", 5000)]))
    paid(service, tokens["cashier"], card, method="card", reference="POS-1121-1", paid_at=at)
    sheet = get(service, "/cashier/day", tokens["cashier"], date=day).json()["day"]
    assert sheet["expected_cash_fen"] == 15550 and sheet["total_fen"] == 20550
    assert {t["key"]: t["amount_fen"] for t in sheet["by_method"]} == {"cash": 15550, "card": 5000}
    assert sheet["by_department"] == [{"key": "GA", "count": 3, "amount_fen": 20550}]
    assert {t["key"]: t["amount_fen"] for t in sheet["by_item"]} == {
        "GA-001": 15550,
        "GA-003": 5000,
    }
    assert len(sheet["receipts_used"]) == 3
    # An electronic receipt is reversed by a refund, never voided.
    code, number = sheet["receipts_used"][0].split("/")
    spoil = {"id": str(uuid.uuid4()), "reason": "打印错误"}
    voiding = write(service, f"/receipts/{code}/{number}/void", tokens["cashier"], spoil)
    assert_problem(voiding, 409, "electronic")
    assert not sheet["closed"]

    close = {"id": str(uuid.uuid4()), "date": day, "counted_fen": 15500, "deposit_ref": "JJ-1121"}
    closed = write(service, "/cashier/day/close", tokens["cashier"], close)
    assert closed.status_code == 201, closed.text
    result = closed.json()["day"]
    assert result["closed"] and result["difference_fen"] == -50  # ¥0.50 short (短款)
    assert result["deposit_ref"] == "JJ-1121"
    # Finance sees the same sheet.
    seen = get(service, "/cashier/day", tokens["finance"], date=day, cashier="demo-cashier")
    assert seen.json()["day"]["difference_fen"] == -50
    # The day is frozen: no payment dated that day, no second close.
    late = issued(service, tokens["clerk"])
    frozen = payment_body(late["notice_no"], late["total_fen"], paid_at=at)
    assert_problem(write(service, "/payments", tokens["cashier"], frozen), 409, "day-closed")
    again = {**close, "id": str(uuid.uuid4())}
    assert_problem(
        write(service, "/cashier/day/close", tokens["cashier"], again), 409, "day-closed"
    )


def test_a_bank_file_lists_what_is_unmatched_on_both_sides(service, tokens) -> None:
    at = "2026-11-14T11:00:00+08:00"
    tag = uuid.uuid4().hex[:6]
    refs = []
    for i, fen in enumerate([5000, 7250, 1200, 990, 30000]):
        notice = issued(service, tokens["clerk"], notice_body([("GA-003", "证照费", fen)]))
        ref = f"POS-{tag}-{i}"
        method = "qr" if i % 2 else "card"
        paid(service, tokens["cashier"], notice, method=method, reference=ref, paid_at=at)
        refs.append((ref, fen))
    # The bank has the first two as recorded, the third with another amount, and two
    # transactions nobody recorded; the cashier's last two are not in the file.
    bank = [
        "date,reference,amount,counterparty",
        f"2026-11-14,{refs[0][0]},50.00,张三",
        f"2026-11-14,{refs[1][0]},72.5,李四",
        f"2026-11-14,{refs[2][0]},12.01,王五",
        f"2026-11-14,BANK-{tag}-X,8.00,赵六",
        f'2026-11-14,BANK-{tag}-Y,"1,000.00",钱七',
    ]
    body = {"from": "2026-11-14", "to": "2026-11-14", "csv": "\n".join(bank) + "\n"}
    answer = get_reconcile(service, tokens["finance"], body)
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["matched"] == 2
    assert {(b["reference"], b["amount_fen"]) for b in result["unmatched_bank"]} == {
        (refs[2][0], 1201),
        (f"BANK-{tag}-X", 800),
        (f"BANK-{tag}-Y", 100000),
    }
    assert {(p["reference"], p["amount_fen"]) for p in result["unmatched_payments"]} == set(
        refs[2:]
    )
    bad = {**body, "csv": "reference,amount\nX,12.345\n"}
    assert_problem(get_reconcile(service, tokens["finance"], bad), 422)


def get_reconcile(service, token: str, body: dict):
    import requests

    from tests.helpers.service_api import TIMEOUT, auth

    return requests.post(
        service.url("/fees/reconcile"), json=body, headers=auth(token), timeout=TIMEOUT
    )


def test_roles_a_cashier_reads_no_cases_and_a_clerk_records_no_payments(service, tokens) -> None:
    assert_problem(get(service, "/cases", tokens["cashier"]), 403)
    notice = issued(service, tokens["clerk"])
    body = payment_body(notice["notice_no"], notice["total_fen"], cashier="demo-clerk")
    assert_problem(write(service, "/payments", tokens["clerk"], body), 403)
    assert_problem(write(service, "/payments", tokens["finance"], body), 403)
    # The clerk's desk (a department window's device) records no payment either.
    from tests.helpers.service_api import login

    desk = login(service, device_id=f"fees-desk-{uuid.uuid4().hex[:8]}").json()["device_token"]
    assert_problem(write(service, "/payments", desk, body), 403)
    # A cashier issues no notices; only finance reads the report.
    assert_problem(write(service, "/payment-notices", tokens["cashier"], notice_body()), 403)
    report = {"from": "2026-11-01", "to": "2026-11-30"}
    assert_problem(get(service, "/fees/report", tokens["cashier"], **report), 403)
    assert get(service, "/fees/report", tokens["finance"], **report).status_code == 200
    # Another window's notice number is refused at this window.
    other = notice_body(window="W03")
    assert_problem(write(service, "/payment-notices", tokens["clerk"], other), 403, "wrong-window")


def test_the_settlement_desk_sends_a_paper_payment_once(service, tokens) -> None:
    """The cashier's desk at S01 sends its outbox on its device token: a cash payment on a
    paper receipt taken while the link was down arrives once, however often it is sent."""
    from tests.helpers.service_api import login

    signed = login(
        service, "demo-cashier", window_code="S01", device_id=f"s01-{uuid.uuid4().hex[:8]}"
    )
    desk = signed.json()["device_token"]
    code = f"{uuid.uuid4().int % 10**8:08d}"
    assert _range(service, tokens, code, 1, 50).status_code == 201
    notice = issued(service, tokens["clerk"])
    paper = {"kind": "paper", "code": code, "number": "00000001"}
    body = payment_body(notice["notice_no"], notice["total_fen"], receipt=paper)
    first = write(service, "/payments", desk, body)
    assert first.status_code == 201, first.text
    for _ in range(2):  # the outbox sends again after a lost answer
        again = write(service, "/payments", desk, body)
        assert again.status_code == 201 and again.headers["Idempotency-Replayed"] == "true"
        assert again.json() == first.json()
    # The cashier's own sign-in at the same window shares the desk's keys.
    assert write(service, "/payments", tokens["cashier"], body).json() == first.json()
    # The desk voids a blank form of its cashier's stock, named in the request.
    spoilt = {"id": str(uuid.uuid4()), "reason": "打印卡纸", "cashier": "demo-cashier"}
    assert write(service, f"/receipts/{code}/00000002/void", desk, spoilt).status_code == 201
    sheet = get(service, "/cashier/day", tokens["cashier"], date="2026-11-28").json()["day"]
    assert sheet["receipts_used"].count(f"{code}/00000001") == 1
    assert f"{code}/00000002" in sheet["receipts_voided"]


def test_the_department_window_sees_the_payment_and_the_refund_on_its_case(service, tokens) -> None:
    from tests.helpers.service_api import case_body, post_case

    case = case_body()
    assert post_case(service, tokens["clerk"], case).status_code == 201
    body = notice_body()
    body["case_no"] = case["case_no"]
    notice = issued(service, tokens["clerk"], body)
    assert notice["case_no"] == case["case_no"]
    payment = paid(service, tokens["cashier"], notice)
    path = f"/payments/{payment['id']}/refund-requests"
    ask = {"id": str(uuid.uuid4()), "amount_fen": 1550, "reason": "未发生快递"}
    refund = write(service, path, tokens["lead"], ask).json()["refund"]
    approve = f"/refund-requests/{refund['id']}/approve"
    assert write(service, approve, tokens["finance"], {}, key=str(uuid.uuid4())).status_code == 201
    events = get(service, f"/cases/{case['case_no']}", tokens["clerk"]).json()["case"]["events"]
    notes = [e["note"] for e in events if e["type"] == "note"]
    receipt = payment["receipt"]
    assert notes == [
        f"已缴费：缴款通知书 {notice['notice_no']}，¥35.50（叁拾伍元伍角整），"
        f"票据 {receipt['code']}/{receipt['number']}",
        f"已退付：缴款通知书 {notice['notice_no']}，¥15.50（壹拾伍元伍角整），"
        f"退付凭证 TF-{uuid.UUID(refund['id']).hex[:12].upper()}",
    ]
    # A notice for a case out of the window's reach is refused like an unknown case.
    stray = notice_body()
    stray["case_no"] = "HS-W03-20261128-000001"
    assert_problem(write(service, "/payment-notices", tokens["clerk"], stray), 404)


def test_the_settlement_desk_pulls_the_centers_unpaid_notices(service, tokens) -> None:
    from tests.helpers.service_api import login

    signed = login(
        service, "demo-cashier", window_code="S01", device_id=f"s01-{uuid.uuid4().hex[:8]}"
    )
    desk = signed.json()["device_token"]
    mine = [issued(service, tokens["clerk"]) for _ in range(3)]
    paid(service, tokens["cashier"], mine[0])
    seen, cursor, pages = [], mine[0]["notice_no"], 0  # from just before this test's notices
    while True:
        params = {"status": "issued", "limit": 1, "cursor": cursor}
        page = get(service, "/payment-notices", desk, **params).json()
        seen += [n["notice_no"] for n in page["items"]]
        pages += 1
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == [n["notice_no"] for n in mine[1:]] and pages == 2
    assert mine[0]["notice_no"] not in seen  # paid: nothing left to take
    # The settlement desk reads any notice of its center by code; W03's clerk not W01's.
    by_code = get(service, f"/payment-notices/{mine[1]['payment_code']}", desk)
    assert by_code.status_code == 200
    w03 = token_for(service, "demo-clerk-w03", window_code="W03")
    assert_problem(get(service, f"/payment-notices/{mine[1]['notice_no']}", w03), 404)
    listed = get(service, "/payment-notices", w03, status="issued").json()["items"]
    assert all(n["window_code"] == "W03" for n in listed)


def test_concurrent_payments_of_one_notice_make_one_payment(service, tokens) -> None:
    from concurrent.futures import ThreadPoolExecutor

    notice = issued(service, tokens["clerk"])
    bodies = [payment_body(notice["notice_no"], notice["total_fen"]) for _ in range(6)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(
            pool.map(lambda b: write(service, "/payments", tokens["cashier"], b), bodies)
        )
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [201, 409, 409, 409, 409, 409], [a.text for a in answers]
    day = get(service, "/cashier/day", tokens["cashier"], date="2026-11-28").json()["day"]
    winner = next(a for a in answers if a.status_code == 201).json()["payment"]
    receipt = f"{winner['receipt']['code']}/{winner['receipt']['number']}"
    assert day["receipts_used"].count(receipt) == 1
