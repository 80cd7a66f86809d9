"""Every route of the app × every credential kind and role: what the running service does
equals the table in SECURITY.md ("Credentials and roles"), which equals the table
``records_service.access_matrix`` makes from the code. A caller may use a route when the
service answers anything but 403 (a 404, 409 or 422 is an answer about the request); a
route nobody listed is refused to everyone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import requests

from records_service import access_matrix, reach
from tests.helpers.security_api import (
    TIMEOUT,
    Secured,
    call,
    create_user,
    new_case,
    signed_in,
    token,
)

SECURITY_MD = Path(__file__).resolve().parents[2] / "SECURITY.md"
DESK = "matrix-desk"


def _machine(secured: Secured, admin: str, kind: str) -> str:
    body = {"kind": kind, "label": f"matrix {kind}"}
    code = call(secured, "POST", "/enrolments", admin, body).json()["code"]
    answer = call(secured, "POST", "/enrolments/redeem", None, {"code": code})
    assert answer.status_code == 201, answer.text
    return answer.json()["token"]


@pytest.fixture(scope="module")
def callers(shared: Secured) -> dict[str, str]:
    create_user(shared, "matrix-cashier", ["cashier"], "GA", "W01")
    create_user(shared, "matrix-finance", ["finance"], "GA", None)
    clerk = signed_in(shared, device_id=DESK)
    admin = token(shared, "demo-admin", window_code=None)
    tokens = {
        "clerk": clerk["access_token"],
        "cashier": token(shared, "matrix-cashier", window_code="W01"),
        "finance": token(shared, "matrix-finance", window_code=None),
        "lead": token(shared, "demo-lead", window_code=None),
        "admin": admin,
        "auditor": token(shared, "demo-auditor", window_code=None),
        "supervisor": token(shared, "demo-supervisor", window_code=None),
        "display": token(shared, "demo-display", window_code=None),
        "desk": clerk["device_token"],
        "screen": _machine(shared, admin, "display"),
        "kiosk": _machine(shared, admin, "kiosk"),
        "integration": _machine(shared, admin, "integration"),
    }
    assert set(tokens) == set(reach.CALLERS)
    return tokens


def _path(op: access_matrix.Operation, case_no: str) -> str:
    values = {
        "case_no": case_no,
        # Not a joint case: an allowed caller gets 404, never 403.
        "joint_no": case_no,
        "stage": "S1",
        "rating_id": "no-such-rating",
        "credential_id": "999999999",
        "username": "demo-clerk",
        "center_code": "HS",
        "window_code": "W01",
        # Fees (issue 17): records nobody has; an allowed caller gets 404 or 422.
        "notice_no": "JK-W01-20261128-000001",
        "payment_id": "no-such-payment",
        "refund_id": "no-such-refund",
        "code": "13010126",
        "number": "00000001",
        # The queue (issue 18): a ticket nobody has today; an allowed caller gets 404.
        "no": "A001",
        # Attachments (issue 22): a file nobody has; an allowed caller gets 404.
        "upload_id": "no-such-upload",
        "attachment_id": "no-such-attachment",
        # The desk's own id where the desk reports; a device nobody has where admins revoke.
        "device_id": "no-such-device" if op.operation_id == "revoke_device" else DESK,
    }
    return op.path.format(**values)


def _observe(
    secured: Secured, op: access_matrix.Operation, bearer: str | None, case_no: str
) -> requests.Response:
    body: Any = {} if op.method in ("POST", "PUT", "PATCH") else None
    return call(secured, op.method, _path(op, case_no), bearer, body)


def test_the_service_does_what_security_md_says(shared: Secured, callers: dict) -> None:
    openapi = requests.get(shared.service.base_url + "/openapi.json", timeout=TIMEOUT).json()
    ops = access_matrix.operations(openapi)
    documented = access_matrix.parse(SECURITY_MD.read_text(encoding="utf-8"))
    # SECURITY.md's table is the one the code makes, for exactly the app's routes.
    assert access_matrix.table(ops) in SECURITY_MD.read_text(encoding="utf-8"), (
        "regenerate the table: python -m records_service.access_matrix"
    )
    assert set(documented) == {(op.method, op.path) for op in ops}
    case_no = new_case(shared, callers["desk"])["case_no"]
    wrong = []
    for op in ops:
        row = documented[(op.method, op.path)]
        if op.public:
            answer = _observe(shared, op, None, case_no)
            if answer.status_code in (401, 403):
                wrong.append(f"{op.operation_id} anonymous: {answer.status_code}")
            continue
        anonymous = _observe(shared, op, None, case_no)
        if anonymous.status_code != 401:
            wrong.append(f"{op.operation_id} anonymous: {anonymous.status_code}")
        for caller in reach.CALLERS:
            if op.operation_id == "logout":
                continue  # would end the token; tried last, below
            answer = _observe(shared, op, callers[caller], case_no)
            if answer.status_code in (401, 500):
                wrong.append(f"{op.operation_id} {caller}: {answer.status_code} {answer.text}")
            seen = access_matrix.NO if answer.status_code == 403 else access_matrix.YES
            if seen != row[caller]:
                wrong.append(
                    f"{op.operation_id} {caller}: {answer.status_code}, table {row[caller]}"
                )
    assert not wrong, "\n".join(wrong)
    logout = documented[("POST", "/auth/logout")]
    for caller in reach.CALLERS:
        answer = call(shared, "POST", "/auth/logout", callers[caller])
        assert (answer.status_code == 204) == (logout[caller] == access_matrix.YES), caller
        assert call(shared, "GET", "/board", callers[caller]).status_code == 401, caller
