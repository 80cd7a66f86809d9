"""Online pre-submission (issue 19), tried as the people would: the center's website (a
stand-in written against the documented API, tests/helpers/website_client.py) posts an
applicant's application; the department's clerk pre-reviews it with a one-time supplement
notice, the website reads it back and re-posts, the clerk accepts and takes it in; the case
carries the form and the materials and keeps the number; the applicant's progress query
answers throughout. Bad input: a withdrawn item, a second take-in, another department's.

A fresh demo database per backend, served in this process on a fixed clock, with a newer
catalog published in which 无犯罪记录证明 (DEMO-GA-008) needs no visit (全程网办) and
往来港澳通行证签发 (DEMO-GA-014) has been withdrawn.
"""

from __future__ import annotations

import copy
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import requests
from sqlalchemy import select

from records_service import catalog_store
from records_service.db import Database
from records_service.models import Notification
from tests.helpers.local_service import Clock, LocalService, local_service
from tests.helpers.service import TEST_NOW
from tests.helpers.service_api import assert_problem, demo_catalog, valid_resident_id
from tests.helpers.website_client import Application, WebsiteClient, uploaded

TIMEOUT = (5, 60)
ONLINE_ITEM = "DEMO-GA-008"
WITHDRAWN_ITEM = "DEMO-GA-014"
VERSION = "demo-2026.3-online"


def _catalog() -> dict[str, Any]:
    document = demo_catalog()
    document["version"] = VERSION
    document["items"] = [i for i in document["items"] if i["code"] != WITHDRAWN_ITEM]
    for item in document["items"]:
        if item["code"] == ONLINE_ITEM:
            item["visits"] = 0
    return document


@pytest.fixture(scope="module")
def running(demo_databases) -> Iterator[LocalService]:
    url = demo_databases.new()
    database = Database(url)
    try:
        with database.write() as session:
            catalog_store.publish(session, _catalog(), datetime.now(UTC))
    finally:
        database.dispose()
    with local_service(url, Clock(TEST_NOW)) as service:
        yield service


def _auth(token: str, key: str | None = None) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {token}"}
    if key is not None:
        headers["Idempotency-Key"] = key
    return headers


@pytest.fixture(scope="module")
def people(running: LocalService) -> dict[str, str]:
    admin = running.token("demo-admin", None)
    code = requests.post(
        running.url("/enrolments"),
        json={"kind": "integration", "label": "网上办事大厅"},
        headers=_auth(admin),
        timeout=TIMEOUT,
    )
    assert code.status_code == 201, code.text
    redeemed = requests.post(
        running.url("/enrolments/redeem"), json={"code": code.json()["code"]}, timeout=TIMEOUT
    )
    assert redeemed.status_code == 201, redeemed.text
    return {
        "website": redeemed.json()["token"],
        "clerk": running.token("demo-clerk", "W01"),  # 公安 (GA) at W01
        "other_clerk": running.token("demo-clerk-w03", "W03"),  # 市场监管 (SJ)
        "lead": running.token("demo-lead", None),  # GA's lead
    }


@pytest.fixture
def website(running: LocalService, people: dict[str, str]) -> WebsiteClient:
    return WebsiteClient(running.url(""), people["website"])


def application(item: str = "DEMO-GA-001", **extra: Any) -> Application:
    body = {
        "external_id": f"WEB-{uuid.uuid4().hex[:12]}",
        "item_code": item,
        "applicant": {
            "kind": "person",
            "name": "李四",
            "id_type": "resident_id",
            "id_number": valid_resident_id(),
            "phone": "13900139000",
        },
        "form_data": {"申请类型": "首次申领", "户籍地": "衡水市桃城区"},
        "materials": [
            uploaded("户口簿.pdf", b"hukou scan", "M1"),
            uploaded("照片.jpg", b"photo", "M2"),
        ],
        **extra,
    }
    return Application(body)


def review(
    running: LocalService, token: str, no: str | None, decision: str, **fields: Any
) -> requests.Response:
    return requests.post(
        running.url(f"/presubmissions/{no}/review"),
        json={"decision": decision, **fields},
        headers=_auth(token, str(uuid.uuid4())),
        timeout=TIMEOUT,
    )


def take_in_body(item: str = "DEMO-GA-001", clerk: str = "demo-clerk") -> dict[str, Any]:
    materials = next(i for i in _catalog()["items"] if i["code"] == item)["materials"]
    return {
        "id": str(uuid.uuid4()),
        "window_code": "W01",
        "catalog_version": VERSION,
        "materials": [{"code": m["code"], "received": True} for m in materials],
        "disposition": "promised",
        "received_at": "2026-11-28T10:05:00+08:00",
        "due_date": "2026-12-08",
        "clerk": clerk,
        "first_event": {
            "id": str(uuid.uuid4()),
            "type": "accept",
            "at": "2026-11-28T10:05:00+08:00",
        },
    }


def take_in(
    running: LocalService, token: str, no: str | None, body: dict[str, Any]
) -> requests.Response:
    return requests.post(
        running.url(f"/presubmissions/{no}/take-in"),
        json=body,
        headers=_auth(token, body["id"]),
        timeout=TIMEOUT,
    )


def told(running: LocalService, no: str | None) -> list[tuple[str, str, str]]:
    """What the notification outbox holds for ``no``: (kind, masked phone, text)."""
    database = Database(running.database_url)
    try:
        with database.read() as session:
            rows = session.scalars(
                select(Notification)
                .where(Notification.related_no == no)
                .order_by(Notification.created_at, Notification.kind)
            ).all()
            return [(n.kind, n.recipient_masked, n.text) for n in rows]
    finally:
        database.dispose()


def open_list(running: LocalService, token: str) -> list[dict[str, Any]]:
    answer = running.get("/presubmissions", token, status="open", limit=200)
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]


def test_posted_supplemented_reposted_accepted_and_taken_in(
    running: LocalService, people: dict[str, str], website: WebsiteClient
) -> None:
    app = application()
    posted = website.submit(app)
    assert posted.status_code == 201, posted.text
    assert re.fullmatch(r"YS-HS-20261128-[0-9]{6}", app.no or "")
    assert re.fullmatch(r"[0-9]{6}", app.query_code or "")
    first = posted.json()["presubmission"]
    assert first["status"] == "submitted" and first["department_code"] == "GA"
    assert first["applicant"] is None and first["applicant_masked"] == "李*"  # the website's
    # The same post again (a retry): the same pre-submission, nothing new.
    assert website.status(app)["no"] == app.no

    # The GA clerk's 网上待接件 shows it in full; the SJ clerk's does not, and cannot touch it.
    mine = {p["no"]: p for p in open_list(running, people["clerk"])}
    assert mine[app.no]["applicant"]["name"] == "李四"
    assert mine[app.no]["form_data"] == app.body["form_data"]
    assert app.no not in {p["no"] for p in open_list(running, people["other_clerk"])}
    assert_problem(review(running, people["other_clerk"], app.no, "accept"), 404)

    progress = website.progress(app)
    assert progress.status_code == 200, progress.text
    assert progress.json()["presubmission_no"] == app.no
    assert progress.json()["status"] == "submitted"
    assert progress.json()["applicant"] == "李*"

    # The one-time supplement notice goes back through the status.
    notice = "请补充上传近期免冠照片原件扫描件（白底）。"
    reviewed = review(running, people["clerk"], app.no, "supplement", supplement_text=notice)
    assert reviewed.status_code == 200, reviewed.text
    read_back = website.status(app)
    assert (read_back["status"], read_back["supplement_text"]) == ("supplement", notice)
    assert website.progress(app).json()["supplement_text"] == notice
    [(kind, phone, text)] = told(running, app.no)  # the applicant's SMS, in the outbox
    assert (kind, phone) == ("supplement", "139****9000") and notice in text
    assert app.no not in {p["no"] for p in open_list(running, people["clerk"])}
    assert_problem(
        take_in(running, people["clerk"], app.no, take_in_body()), 409, "awaiting-supplement"
    )

    reposted = website.supplement(app, [uploaded("照片-白底.jpg", b"white photo", "M3")])
    assert reposted.status_code == 200, reposted.text
    again = reposted.json()["presubmission"]
    assert again["no"] == app.no and again["status"] == "submitted"
    assert [m["name"] for m in again["materials"]][-1] == "照片-白底.jpg"

    # 一次性告知: no second notice; 全程网办 is not for an item that needs a visit.
    assert_problem(
        review(running, people["clerk"], app.no, "supplement", supplement_text="再补"),
        409,
        "supplement-used",
    )
    online = assert_problem(review(running, people["clerk"], app.no, "accept_online"), 422)
    assert online["errors"][0]["field"] == "decision"
    accepted = review(running, people["clerk"], app.no, "accept", note="原件现场核验")
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["presubmission"]["status"] == "accepted"
    assert sorted(k for k, _p, _t in told(running, app.no)) == ["prereview", "supplement"]
    assert_problem(
        review(running, people["clerk"], app.no, "reject", note="x"), 409, "not-reviewable"
    )

    # The applicant comes: taken in, the case keeps the number and the code.
    body = take_in_body()
    taken = take_in(running, people["clerk"], app.no, body)
    assert taken.status_code == 201, taken.text
    case = taken.json()["case"]
    assert (case["case_no"], case["query_code"]) == (app.no, app.query_code)
    assert case["item_code"] == "DEMO-GA-001" and case["window_code"] == "W01"
    assert case["applicant"] == app.body["applicant"]
    assert [m["code"] for m in case["materials"]] == ["M1", "M2", "M3"]
    carried = case["events"][0]["data"]["presubmission"]
    assert carried["form_data"] == app.body["form_data"]
    assert carried["materials"] == app.body["materials"]
    assert taken.json()["presubmission"]["status"] == "taken_in"
    stored = running.get(f"/cases/{app.no}", people["clerk"])
    assert (
        stored.status_code == 200
        and stored.json()["case"]["events"][0]["data"] == case["events"][0]["data"]
    )

    # A retry of the same take-in is answered again; a second take-in is refused, naming it.
    replay = take_in(running, people["clerk"], app.no, body)
    assert replay.status_code == 201 and replay.headers["Idempotency-Replayed"] == "true"
    second = assert_problem(
        take_in(running, people["clerk"], app.no, take_in_body()), 409, "taken-in"
    )
    assert app.no in second["detail"]

    # The applicant's query now answers with the case; the website reads it as taken in.
    progress = website.progress(app)
    assert progress.status_code == 200, progress.text
    assert progress.json()["case_no"] == app.no and progress.json()["status"] == "accepted"
    assert website.status(app)["case_no"] == app.no
    wrong = requests.get(
        running.url(f"/progress/{app.no}"), params={"code": "000000"}, timeout=TIMEOUT
    )
    assert_problem(wrong, 404)


def test_fully_online_only_where_the_item_needs_no_visit(
    running: LocalService, people: dict[str, str], website: WebsiteClient
) -> None:
    app = application(ONLINE_ITEM)
    assert website.submit(app).status_code == 201
    answer = review(running, people["clerk"], app.no or "", "accept_online")
    assert answer.status_code == 200, answer.text
    assert website.status(app)["status"] == "online_accepted"
    taken = take_in(running, people["clerk"], app.no or "", take_in_body(ONLINE_ITEM))
    assert taken.status_code == 201, taken.text


def test_a_withdrawn_item_is_refused_naming_it_and_nothing_is_written(
    running: LocalService, people: dict[str, str], website: WebsiteClient
) -> None:
    before = open_list(running, people["clerk"])
    app = application(WITHDRAWN_ITEM)
    problem = assert_problem(website.submit(app), 422)
    assert problem["errors"][0]["field"] == "item_code"
    assert WITHDRAWN_ITEM in problem["errors"][0]["message"]
    both = application(package_code="DEMO-PKG-QYKB")
    assert_problem(website.submit(both), 422)
    broken = requests.post(
        running.url("/presubmissions"),
        data=b'{"external_id": "WEB-',
        headers={**_auth(people["website"]), "Content-Type": "application/json"},
        timeout=TIMEOUT,
    )
    assert_problem(broken, 400, "malformed-json")
    assert open_list(running, people["clerk"]) == before
    # The website may post; a clerk may not (and the website may not review).
    assert_problem(WebsiteClient(running.url(""), people["clerk"]).submit(application()), 403)
    assert_problem(review(running, people["website"], "YS-HS-20261128-000001", "accept"), 403)


def test_a_changed_post_under_review_is_refused_and_the_lead_sees_the_list(
    running: LocalService, people: dict[str, str], website: WebsiteClient
) -> None:
    app = application()
    assert website.submit(app).status_code == 201
    changed = copy.deepcopy(app)
    changed.body["form_data"] = {"申请类型": "换领"}
    assert_problem(website.submit(changed), 409, "already-submitted")
    assert website.status(app)["form_data"] == app.body["form_data"]
    assert app.no in {p["no"] for p in open_list(running, people["lead"])}
    rejected = review(running, people["clerk"], app.no or "", "reject", note="非本中心受理事项")
    assert rejected.json()["presubmission"]["status"] == "rejected"
    assert_problem(take_in(running, people["clerk"], app.no or "", take_in_body()), 409, "rejected")
