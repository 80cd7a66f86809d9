"""告知承诺 on the service (SQLite and PostgreSQL): a case taken in on a written commitment,
its verification, and a commitment found false revoking the case with a credit note."""

from __future__ import annotations

import json
import uuid
from typing import Any

import requests

from tests.helpers.service_api import (
    TIMEOUT,
    assert_problem,
    auth,
    case_body,
    demo_catalog,
    error_fields,
    post_case,
)

HOUSEHOLD = "DEMO-GA-006"  # 亲属关系证明 (M4) and 住所证明 (M5) may be replaced by commitment


def commitment_case(**commitment: Any) -> dict[str, Any]:
    """A POST /cases body of DEMO-GA-006 with M4 replaced by the applicant's commitment."""
    body = case_body()
    item = next(i for i in demo_catalog()["items"] if i["code"] == HOUSEHOLD)
    body["item_code"] = HOUSEHOLD
    body["materials"] = [
        {"code": m["code"], "received": m["code"] != "M4", "deferred": False, "copies": 1}
        | ({"by_commitment": True} if m["code"] == "M4" else {})
        for m in item["materials"]
        if m["required"]
    ]
    record = {
        "materials": [{"code": "M4", "name": "亲属关系证明", "requirement": "原件"}],
        "whole_item": False,
        "credit_checked": True,
        "verify_by": "2026-12-28",
        "verify_by_provisional": False,
    } | commitment
    body["first_event"]["data"] = {"fee_state": "unpaid", "commitment": record}
    return body


def event(kind: str, note: str = "", data: dict | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "type": kind,
        "at": "2026-12-01T10:00:00+08:00",
        "note": note,
    }
    if data is not None:
        out["data"] = data
    return out


def post_event(service, token: str, case_no: str, body: dict) -> requests.Response:
    return requests.post(
        service.url(f"/cases/{case_no}/events"),
        json=body,
        headers=auth(token) | {"Idempotency-Key": body["id"]},
        timeout=TIMEOUT,
    )


def created(service, token: str, body: dict) -> dict[str, Any]:
    response = post_case(service, token, body)
    assert response.status_code == 201, response.text
    return response.json()["case"]


def test_found_false_revokes_the_case_and_records_the_credit_note(service, clerk_token) -> None:
    case = created(service, clerk_token, commitment_case())
    assert [m.get("by_commitment", False) for m in case["materials"]][3] is True
    assert case["events"][0]["data"]["commitment"]["credit_checked"] is True
    finding = event(
        "commitment_false",
        "经核查，亲属关系与户籍档案不符",
        {"verified_on": "2026-12-01", "credit_note": "虚假承诺：亲属关系证明"},
    )
    response = post_event(service, clerk_token, case["case_no"], finding)
    assert response.status_code == 201, response.text
    after = response.json()["case"]
    assert after["status"] == "revoked"
    assert after["events"][-1]["data"]["credit_note"] == "虚假承诺：亲属关系证明"
    progress = requests.get(
        service.url(f"/progress/{case['case_no']}"),
        params={"code": case["query_code"]},
        timeout=TIMEOUT,
    )
    assert progress.json()["status"] == "revoked"
    rows = service.sql(
        "SELECT detail FROM audit_records WHERE action = 'case.event' AND target = :no",
        no=case["case_no"],
    )
    details = [r[0] if isinstance(r[0], dict) else json.loads(r[0]) for r in rows]
    credit = [d for d in details if d.get("type") == "commitment_false"]
    assert credit and credit[0]["credit_note"] == "虚假承诺：亲属关系证明"
    assert "*" in credit[0]["applicant_id"]  # masked, as everywhere in the audit trail


def test_verified_commitment_keeps_the_case_open(service, clerk_token) -> None:
    case = created(service, clerk_token, commitment_case())
    body = event("commitment_verified", "核查属实", {"verified_on": "2026-12-01"})
    response = post_event(service, clerk_token, case["case_no"], body)
    assert response.status_code == 201, response.text
    assert response.json()["case"]["status"] == "accepted"


def test_a_finding_needs_a_credit_note_and_a_case_on_commitment(service, clerk_token) -> None:
    case = created(service, clerk_token, commitment_case())
    bare = event("commitment_false", "不实", {"verified_on": "2026-12-01"})
    problem = assert_problem(post_event(service, clerk_token, case["case_no"], bare), 422)
    assert error_fields(problem) == {"data.credit_note"}
    plain = created(service, clerk_token, case_body())
    finding = event("commitment_verified", "", {"verified_on": "2026-12-01"})
    assert_problem(
        post_event(service, clerk_token, plain["case_no"], finding), 409, "no-commitment"
    )


def test_a_case_on_commitment_states_the_check_and_what_the_catalog_allows(
    service, clerk_token
) -> None:
    unchecked = commitment_case(credit_checked=False)
    problem = assert_problem(post_case(service, clerk_token, unchecked), 422, "validation")
    assert "first_event.data.commitment.credit_checked" in error_fields(problem)
    wrong = commitment_case()
    wrong["materials"][0]["by_commitment"] = True  # M1 申请表 is no certificate
    problem = assert_problem(post_case(service, clerk_token, wrong), 422, "validation")
    assert error_fields(problem) == {"materials.M1.by_commitment"}
    whole = commitment_case(whole_item=True)
    problem = assert_problem(post_case(service, clerk_token, whole), 422, "validation")
    assert error_fields(problem) == {"first_event.data.commitment.whole_item"}


def test_an_item_the_catalog_grants_wholesale_is_taken_on_a_commitment(
    service, clerk_token
) -> None:
    body = case_body()
    item = next(i for i in demo_catalog()["items"] if i["code"] == "DEMO-WJ-003")
    assert item["commitment_whole"] is True
    body["item_code"] = item["code"]
    body["materials"] = [
        {"code": m["code"], "received": True, "deferred": False, "copies": 1}
        for m in item["materials"]
        if m["required"]
    ]
    record = {"materials": [], "whole_item": True, "credit_checked": True}
    body["first_event"]["data"] = {"fee_state": "unpaid", "commitment": record}
    case = created(service, clerk_token, body)
    assert case["status"] == "accepted" and case["disposition"] == "promised"
    finding = event("commitment_verified", "核查属实", {"verified_on": "2026-12-01"})
    response = post_event(service, clerk_token, case["case_no"], finding)
    assert response.status_code == 201, response.text
