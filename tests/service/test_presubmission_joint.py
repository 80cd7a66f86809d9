"""A package's pre-submission (一件事 on the website, issue 19) taken in as a joint case, on
SQLite and PostgreSQL: the website posts an application for 企业开办 (the demo package
led by 市场监管, W03); W03's clerk accepts it and takes it in with the joint intake; the
joint case keeps the pre-submission's number and query code, its parts are numbered at the
window, the head part's first event carries the form and the uploaded materials; the same
request again gets the stored answer, another take-in is refused naming the joint case and
writes nothing; the applicant's progress query answers with the joint case's stages. Bad
input: the single case's take-in for a package, the joint intake for an item, a part
missing — refused whole, the pre-submission still waiting."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests.helpers.hall_queue import Hall, hall_service
from tests.helpers.joint_api import AT, OPENING, joint_body
from tests.helpers.service_api import (
    assert_problem,
    demo_catalog,
    error_fields,
    item_for_department,
    valid_resident_id,
)
from tests.helpers.website_client import Application, WebsiteClient, uploaded

COMPANY = {
    "kind": "organization",
    "name": "衡水网办示例贸易有限公司",
    "id_type": "credit_code",
    "id_number": "91131100MA0A1B2C3D",
    "legal_representative": "王五",
    "phone": "13700137000",
}


@pytest.fixture(scope="module")
def hall(demo_databases) -> Iterator[Hall]:
    with hall_service(demo_databases) as running:
        yield running


def _website(hall: Hall) -> WebsiteClient:
    return WebsiteClient(hall.service.url(""), hall.machine("integration", "网上办事大厅"))


def _accepted(hall: Hall, **body: Any) -> Application:
    """An application posted by the website and accepted by W03's clerk (its pre-review)."""
    application = Application(
        {
            "external_id": f"WEB-{uuid.uuid4().hex[:10]}",
            "applicant": COMPANY,
            "form_data": {"企业名称": "衡水网办示例贸易有限公司", "注册资本": "100万元"},
            "materials": [uploaded("章程.pdf", b"charter"), uploaded("住所证明.pdf", b"lease")],
            **body,
        }
    )
    assert _website(hall).submit(application).status_code == 201
    reviewed = hall.post(
        f"/presubmissions/{application.no}/review",
        hall.token("demo-clerk-w03", "W03"),
        {"decision": "accept"},
        key=str(uuid.uuid4()),
    )
    assert reviewed.status_code == 200, reviewed.text
    return application


def take_in_body(application: Application) -> dict[str, Any]:
    """The joint intake the desk sends: ``POST /joint-cases``'s body without the number,
    query code and package (the pre-submission's), the parts under its query code."""
    body = joint_body(OPENING, window="W03", clerk="demo-clerk-w03")
    for name in ("joint_no", "query_code", "package_code"):
        body.pop(name)
    for part in body["parts"]:
        part["query_code"] = "000000"  # the desk does not know it: the service sets it
    return body


def _take_in(hall: Hall, no: str, body: dict[str, Any], key: str | None = None):
    token = hall.token("demo-clerk-w03", "W03")
    return hall.post(f"/presubmissions/{no}/take-in", token, body, key=key or body["id"])


def _count(hall: Hall, table: str, where: str, **params: object) -> int:
    return int(hall.sql(f"SELECT count(*) FROM {table} WHERE {where}", **params)[0][0])


def test_a_package_pre_submission_is_taken_in_once_as_a_joint_case(hall: Hall) -> None:
    application = _accepted(hall, package_code=OPENING)
    no = application.no or ""
    assert no.startswith("YS-")

    # The single case's take-in is refused for a package: the joint intake is wanted.
    single = {
        "id": str(uuid.uuid4()),
        "window_code": "W03",
        "catalog_version": demo_catalog()["version"],
        "materials": [],
        "disposition": "promised",
        "received_at": AT,
        "clerk": "demo-clerk-w03",
        "first_event": {"id": str(uuid.uuid4()), "type": "accept", "at": AT},
    }
    assert assert_problem(_take_in(hall, no, single), 409)["type"].endswith("/package")

    body = take_in_body(application)
    taken = _take_in(hall, no, body)
    assert taken.status_code == 201, taken.text
    answer = taken.json()
    joint = answer["joint_case"]
    assert (joint["joint_no"], joint["query_code"]) == (no, application.query_code)
    assert joint["package_code"] == OPENING and joint["id"] == body["id"]
    assert {p["case_no"] for p in joint["parts"]} == {p["case_no"] for p in body["parts"]}
    assert {p["query_code"] for p in joint["parts"]} == {application.query_code}
    assert {p["department_code"] for p in joint["parts"]} == {"SJ", "GA", "SW", "RS", "GJ"}
    assert (answer["presubmission"]["status"], answer["presubmission"]["case_no"]) == (
        "taken_in",
        no,
    )
    assert taken.headers["Location"].endswith(f"/joint-cases/{no}")
    head = body["parts"][0]["case_no"]
    data = hall.sql(
        "SELECT e.data FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.case_no = :no",
        no=head,
    )
    carried = str(data)
    assert "章程.pdf" in carried and "注册资本" in carried

    # The answer lost: the same request again gets the stored answer, nothing more.
    again = _take_in(hall, no, body)
    assert again.status_code == 201 and again.headers.get("Idempotency-Replayed") == "true"
    assert again.json()["joint_case"]["joint_no"] == no
    assert _count(hall, "joint_cases", "joint_no = :no", no=no) == 1

    # A second take-in (another intake) is refused naming the joint case; nothing written.
    parts = _count(hall, "cases", "joint_case_no = :no", no=no)
    second = take_in_body(application)
    refused = assert_problem(_take_in(hall, no, second), 409)
    assert refused["type"].endswith("/taken-in") and no in refused["detail"]
    assert _count(hall, "cases", "joint_case_no = :no", no=no) == parts
    assert _count(hall, "cases", "id = :id", id=second["parts"][0]["id"]) == 0

    # The applicant's progress query goes on, answered with the joint case.
    progress = _website(hall).progress(application)
    assert progress.status_code == 200, progress.text
    assert progress.json()["joint_no"] == no
    audit = hall.sql("SELECT action FROM audit_records WHERE target = :no ORDER BY id", no=no)
    assert [a for (a,) in audit][-2:] == ["joint_case.create", "presubmission.take_in"]


def test_bad_joint_take_ins_are_refused_whole(hall: Hall) -> None:
    package = _accepted(hall, package_code=OPENING)
    no = package.no or ""
    # A part missing: 422 naming the package, nothing written, still to take in.
    body = take_in_body(package)
    body["parts"] = body["parts"][1:]
    problem = assert_problem(_take_in(hall, no, body), 422)
    assert "parts" in " ".join(error_fields(problem)) or "package_code" in error_fields(problem)
    assert _count(hall, "joint_cases", "joint_no = :no", no=no) == 0
    status = hall.sql("SELECT status FROM presubmissions WHERE no = :no", no=no)
    assert status == [("accepted",)]

    # The joint intake for an item's pre-submission: 409 not-package.
    item = _accepted_item(hall)
    refused = assert_problem(_take_in(hall, item.no or "", take_in_body(item)), 409)
    assert refused["type"].endswith("/not-package")


def _accepted_item(hall: Hall) -> Application:
    """An item's pre-submission in 市场监管's list (an SJ item), accepted."""
    person = {
        "kind": "person",
        "name": "孙八",
        "id_type": "resident_id",
        "id_number": valid_resident_id("13110219800303123"),
        "phone": "13600136002",
    }
    return _accepted(hall, item_code=item_for_department("SJ")["code"], applicant=person)
