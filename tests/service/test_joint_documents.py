"""A joint case's documents by its joint number (issue 16): recorded under its first part
as the desk archives them, they carry the joint number (sent by the desk, or following
from a joint kind), and ``GET /joint-cases/{joint_no}`` lists them, reprints marked, to
every department reaching a part; a part's own notice is not one of them, and a joint
number that is not the part's is refused. Run on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import uuid

import requests

from clerk_app.core.numbering import format_document_no
from tests.helpers.joint_api import get_joint, joint_body, post_joint
from tests.helpers.service import TEST_NOW
from tests.helpers.service_api import TIMEOUT, assert_problem, auth, error_fields, token_for


def _document(kind: str, number: str, *, reprint: bool = False, **extra) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "kind": kind,
        "document_no": number,
        "sha256": hashlib.sha256(f"{number}{reprint}".encode()).hexdigest(),
        "issued_at": "2026-11-28T09:40:00+08:00",
        "reprint": reprint,
        "clerk": "demo-clerk-w05",
        **extra,
    }


def _record(service, token: str, case_no: str, body: dict) -> requests.Response:
    return requests.post(
        service.url(f"/cases/{case_no}/documents"),
        json=body,
        headers={**auth(token), "Idempotency-Key": body["id"]},
        timeout=TIMEOUT,
    )


def test_joint_documents_are_listed_with_the_joint_case_by_its_number(service) -> None:
    body = joint_body()
    w05 = token_for(service, "demo-clerk-w05", window_code="W05")
    assert post_joint(service, w05, body).status_code == 201
    joint_no, first = body["joint_no"], body["parts"][0]["case_no"]
    year = TEST_NOW.year
    receipt_no = format_document_no("衡政服", "联受", year, "W05", 901)
    notice_no = format_document_no("衡政服", "联补", year, "W05", 902)

    receipt = _document("joint_acceptance", receipt_no, joint_no=joint_no)
    sent = _record(service, w05, first, receipt)
    assert sent.status_code == 201, sent.text
    assert sent.json()["document"]["joint_no"] == joint_no
    # From a desk that does not send it yet: a joint kind belongs to the part's joint case.
    older = _record(service, w05, first, _document("joint_supplement", notice_no))
    assert older.status_code == 201, older.text
    assert older.json()["document"]["joint_no"] == joint_no
    reprint = _record(
        service,
        w05,
        first,
        _document("joint_acceptance", receipt_no, reprint=True, joint_no=joint_no.lower()),
    )
    assert reprint.status_code == 201, reprint.text
    # The part's own notice stays the part's.
    own_no = format_document_no("衡政服", "结", year, "W05", 903)
    own = _record(service, w05, first, _document("completion", own_no))
    assert own.status_code == 201 and own.json()["document"]["joint_no"] is None

    # A department reaching one part reads the joint case with its documents.
    fg = token_for(service, "demo-clerk-p01", window_code="P01")
    answer = get_joint(service, fg, joint_no)
    assert answer.status_code == 200, answer.text
    listed = answer.json()["joint_case"]["documents"]
    assert [(d["kind"], d["document_no"], d["reprint"]) for d in listed] == [
        ("joint_acceptance", receipt_no, False),
        ("joint_supplement", notice_no, False),
        ("joint_acceptance", receipt_no, True),
    ]
    assert {(d["case_no"], d["joint_no"], d["window_code"]) for d in listed} == {
        (first, joint_no, "W05")
    }


def test_a_joint_number_not_the_parts_is_refused_and_nothing_recorded(service) -> None:
    w05 = token_for(service, "demo-clerk-w05", window_code="W05")
    one, other = joint_body(), joint_body()
    for body in (one, other):
        assert post_joint(service, w05, body).status_code == 201
    number = format_document_no("衡政服", "联受", TEST_NOW.year, "W05", 904)
    wrong = _document("joint_acceptance", number, joint_no=other["joint_no"])
    answer = _record(service, w05, one["parts"][0]["case_no"], wrong)
    assert_problem(answer, 422)
    assert "joint_no" in error_fields(answer.json())
    fg = token_for(service, "demo-clerk-p01", window_code="P01")
    for body in (one, other):
        listed = get_joint(service, fg, body["joint_no"]).json()["joint_case"]["documents"]
        assert listed == []
