"""Documents issued for a case, and the document number high-water mark at sign-in."""

from __future__ import annotations

import hashlib
import uuid

import requests

from clerk_app.core.numbering import format_document_no
from tests.helpers.service import TEST_NOW
from tests.helpers.service_api import (
    TIMEOUT,
    assert_problem,
    auth,
    case_body,
    error_fields,
    login,
    post_case,
)


def new_case_no(service, token) -> str:
    body = case_body()
    assert post_case(service, token, body).status_code == 201
    return body["case_no"]


def document(document_no: str, **extra) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "kind": "acceptance_notice",
        "document_no": document_no,
        "sha256": hashlib.sha256(document_no.encode()).hexdigest(),
        "issued_at": "2026-11-28T09:35:00+08:00",
        "clerk": "demo-clerk",
        **extra,
    }


def post_document(service, token, case_no, body, key="from-body") -> requests.Response:
    headers = auth(token)
    headers["Idempotency-Key"] = body["id"] if key == "from-body" else key
    return requests.post(
        service.url(f"/cases/{case_no}/documents"), json=body, headers=headers, timeout=TIMEOUT
    )


def this_year() -> int:
    """The year of the services' test clock (the year document numbers carry)."""
    return TEST_NOW.year


def test_issued_documents_raise_the_windows_document_high_water(service, clerk_token) -> None:
    before = login(service).json()["sequence_high_water"]["document"]
    case_no = new_case_no(service, clerk_token)
    for seq in (before + 3, before + 8, before + 5):
        number = format_document_no("衡政服", "受", this_year(), "W01", seq)
        response = post_document(service, clerk_token, case_no, document(number))
        assert response.status_code == 201, response.text
        assert response.json()["document"]["document_no"] == number
    assert login(service).json()["sequence_high_water"]["document"] == before + 8


def test_retried_document_is_recorded_once(service, clerk_token) -> None:
    case_no = new_case_no(service, clerk_token)
    body = document(format_document_no("衡政服", "受", this_year(), "W01", 1))
    first = post_document(service, clerk_token, case_no, body)
    again = post_document(service, clerk_token, case_no, body)
    assert first.status_code == again.status_code == 201
    assert again.content == first.content


def test_document_number_of_another_window_is_422(service, clerk_token) -> None:
    case_no = new_case_no(service, clerk_token)
    body = document(format_document_no("衡政服", "受", this_year(), "W03", 2))
    problem = assert_problem(post_document(service, clerk_token, case_no, body), 422)
    assert error_fields(problem) == {"document_no"}


def test_document_with_a_malformed_hash_or_number_is_422(service, clerk_token) -> None:
    case_no = new_case_no(service, clerk_token)
    body = document("not a number", sha256="XYZ")
    problem = assert_problem(post_document(service, clerk_token, case_no, body), 422)
    assert "sha256" in error_fields(problem)
