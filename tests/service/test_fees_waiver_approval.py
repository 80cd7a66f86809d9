"""A lead's approval of a large waiver (issue 17) is an event on the case and an audit
record, written with the notice; a large waiver with no lead leaves nothing behind. Run on
SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from tests.helpers.fees_api import clerk, get, notice_body, write
from tests.helpers.service_api import assert_problem, case_body, post_case, token_for


@pytest.fixture(scope="module")
def tokens(package_service) -> dict[str, str]:
    return {
        "clerk": clerk(package_service),
        "auditor": token_for(package_service, "demo-auditor", window_code=None),
    }


def _case_events(service, token: str, case_no: str) -> list[dict]:
    answer = get(service, f"/cases/{case_no}", token)
    assert answer.status_code == 200, answer.text
    return answer.json()["case"]["events"]


def _audit(service, token: str, action: str) -> list[dict]:
    answer = get(service, "/audit", token, action=action, limit=50)
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]


def test_a_large_waiver_records_the_leads_approval_on_the_case(service, tokens) -> None:
    case = case_body()
    assert post_case(service, tokens["clerk"], case).status_code == 201
    body = notice_body([("GA-001", "工本费", 30000)], waiver_fen=20000)
    body["case_no"] = case["case_no"]
    before = _case_events(service, tokens["clerk"], case["case_no"])

    # No lead: refused, and neither the notice, an event nor an audit record is written.
    problem = assert_problem(write(service, "/payment-notices", tokens["clerk"], body), 422)
    assert "approval_needed" in problem["errors"][0]["field"]
    assert get(service, f"/payment-notices/{body['notice_no']}", tokens["clerk"]).status_code == 404
    assert _case_events(service, tokens["clerk"], case["case_no"]) == before
    targets = {r["target"] for r in _audit(service, tokens["auditor"], "fee.notice")}
    assert body["notice_no"] not in targets

    body["waiver"]["approved_by"] = "demo-lead"
    answer = write(service, "/payment-notices", tokens["clerk"], body)
    assert answer.status_code == 201, answer.text
    again = write(service, "/payment-notices", tokens["clerk"], body)  # a retry: no second event
    assert again.status_code == 201, again.text
    events = _case_events(service, tokens["clerk"], case["case_no"])
    approvals = [e for e in events if (e.get("data") or {}).get("kind") == "waiver_approved"]
    assert len(approvals) == 1
    event = approvals[0]
    assert event["type"] == "note"
    assert event["actor"] == "demo-lead"
    assert event["data"] == {
        "kind": "waiver_approved",
        "notice_no": body["notice_no"],
        "lead": "demo-lead",
        "amount_fen": 20000,
        "reason_code": "subsistence",
    }
    assert event["note"] == (
        f"减免已批准：缴款通知书 {body['notice_no']}，减免 ¥200.00（贰佰元整），"
        "事由 低保，批准人 demo-lead"
    )
    audited = [
        r
        for r in _audit(service, tokens["auditor"], "fee.waiver_approved")
        if r["target"] == body["notice_no"]
    ]
    assert len(audited) == 1
    assert audited[0]["actor"] == "demo-clerk"
    assert audited[0]["detail"]["lead"] == "demo-lead"
    assert audited[0]["detail"]["amount_fen"] == 20000
    assert audited[0]["detail"]["case_no"] == case["case_no"]


def test_a_small_waiver_records_no_approval(service, tokens) -> None:
    case = case_body()
    assert post_case(service, tokens["clerk"], case).status_code == 201
    body = notice_body(waiver_fen=500)
    body["case_no"] = case["case_no"]
    assert write(service, "/payment-notices", tokens["clerk"], body).status_code == 201
    events = _case_events(service, tokens["clerk"], case["case_no"])
    assert not [e for e in events if e["type"] == "note"]
    targets = {r["target"] for r in _audit(service, tokens["auditor"], "fee.waiver_approved")}
    assert body["notice_no"] not in targets
