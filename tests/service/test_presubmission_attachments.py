"""An online pre-submission's files through the attachment uploads (issues 19 and 22), as
the website (tests/helpers/website_client.py, the documented API only) and the window do.

The website posts an application listing two files and sends them with its integration
credential: the first whole, the second cut off half way. Another integration, a window's
clerk, a file the application does not list: refused. The department's clerk reads the
files for the pre-review (another department: 404). The window takes the pre-submission
in; the files travel with the case (the second finished by the website after the take-in)
and the case's clerk lists and reads them byte for byte; the website may add no new file.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests

from records_service import catalog_store
from records_service.db import Database
from tests.helpers.joint_api import OPENING, joint_body
from tests.helpers.local_service import Clock, LocalService, local_service
from tests.helpers.service import TEST_NOW
from tests.helpers.service_api import assert_problem
from tests.helpers.website_client import Application, WebsiteClient, uploaded
from tests.service.test_presubmissions import (
    _auth,
    _catalog,
    application,
    review,
    take_in,
    take_in_body,
)

TIMEOUT = (5, 60)
CHUNK = 64 * 1024


@pytest.fixture(scope="module")
def files_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("presubmission-files")


@pytest.fixture(scope="module")
def running(demo_databases, files_dir: Path) -> Iterator[LocalService]:
    url = demo_databases.new()
    database = Database(url)
    try:
        with database.write() as session:
            catalog_store.publish(session, _catalog(), datetime.now(UTC))
    finally:
        database.dispose()
    with local_service(url, Clock(TEST_NOW), attachments_dir=str(files_dir)) as service:
        yield service


def _integration(running: LocalService, label: str) -> str:
    admin = running.token("demo-admin", None)
    code = requests.post(
        running.url("/enrolments"),
        json={"kind": "integration", "label": label},
        headers=_auth(admin),
        timeout=TIMEOUT,
    )
    assert code.status_code == 201, code.text
    redeemed = requests.post(
        running.url("/enrolments/redeem"), json={"code": code.json()["code"]}, timeout=TIMEOUT
    )
    assert redeemed.status_code == 201, redeemed.text
    return str(redeemed.json()["token"])


def test_the_websites_files_reach_the_case_it_becomes(running, files_dir) -> None:
    website = WebsiteClient(running.url(""), _integration(running, "网上办事大厅"))
    stranger = WebsiteClient(running.url(""), _integration(running, "另一个网站"))
    hukou = b"%PDF-1.7\n" + os.urandom(150_000)
    photo = b"\xff\xd8\xff\xe0" + os.urandom(90_000)
    app = application()
    app.body["materials"] = [uploaded("户口簿.pdf", hukou, "M1"), uploaded("照片.jpg", photo, "M2")]
    assert website.submit(app).status_code == 201

    # The first file whole, the second cut off half way.
    first = website.declare_file(app, hukou, "M1")
    assert first.status_code == 201, first.text
    first_id = first.json()["upload"]["id"]
    done = website.send_chunks(first_id, hukou, CHUNK)
    assert done.json()["upload"]["complete"] is True, done.text
    second = website.declare_file(app, photo, "M2")
    second_id = second.json()["upload"]["id"]
    half = website.send_chunks(second_id, photo, CHUNK, stop=CHUNK)
    assert half.json()["upload"]["received"] == CHUNK

    # Not its pre-submission, not a listed file, not the listed material, not a website.
    assert_problem(stranger.declare_file(app, hukou, "M1"), 404)
    assert_problem(stranger.send_chunks(second_id, photo, CHUNK, start=CHUNK), 404)
    unlisted = website.declare_file(app, b"%PDF-1.7\nsomething else", "M1")
    assert unlisted.status_code == 422 and "sha256" in unlisted.text
    wrong_code = website.declare_file(app, hukou, "M2")
    assert wrong_code.status_code == 422 and "material_code" in wrong_code.text
    clerk = running.token("demo-clerk", "W01")
    key = str(uuid.uuid4())
    as_clerk = requests.post(
        running.url(f"/cases/{app.no}/attachments"),
        json={
            "id": key,
            "material_code": "M1",
            "page": 1,
            "content_type": "application/pdf",
            "size": len(hukou),
            "sha256": hashlib.sha256(hukou).hexdigest(),
        },
        headers=_auth(clerk, key),
        timeout=TIMEOUT,
    )
    assert_problem(as_clerk, 404)  # a window's files are a case's: there is no case yet

    # Before the take-in the department reviews the files (another department: 404).
    before = running.get(f"/cases/{app.no}/attachments", clerk)
    assert before.status_code == 200, before.text
    assert {i["id"]: i["complete"] for i in before.json()["items"]} == {
        first_id: True,
        second_id: False,
    }
    assert running.get(f"/attachments/{first_id}", clerk).content == hukou
    assert running.get(f"/attachments/{second_id}", clerk).status_code == 404  # not whole
    w03 = running.token("demo-clerk-w03", "W03")
    assert running.get(f"/cases/{app.no}/attachments", w03).status_code == 404
    assert running.get(f"/attachments/{first_id}", w03).status_code == 404

    # The window accepts and takes it in: the files are the case's.
    assert review(running, clerk, app.no, "accept").status_code == 200
    taken = take_in(running, clerk, app.no, take_in_body())
    assert taken.status_code == 201, taken.text
    listed = running.get(f"/cases/{app.no}/attachments", clerk)
    assert listed.status_code == 200, listed.text
    items = {i["id"]: i for i in listed.json()["items"]}
    assert set(items) == {first_id, second_id}
    assert (items[first_id]["complete"], items[second_id]["complete"]) == (True, False)
    assert items[first_id]["case_no"] == app.no

    # The website finishes the file it had begun; it may add no new one.
    finished = website.send_chunks(second_id, photo, CHUNK, start=CHUNK)
    assert finished.json()["upload"]["complete"] is True, finished.text
    assert_problem(website.declare_file(app, hukou, "M1"), 404)
    for file_id, content in ((first_id, hukou), (second_id, photo)):
        read = running.get(f"/attachments/{file_id}", clerk)
        assert read.status_code == 200 and read.content == content
    # The other department's clerk does not reach the case's files.
    other = running.token("demo-clerk-w03", "W03")
    assert running.get(f"/attachments/{first_id}", other).status_code == 404
    kept = {p.name for p in (files_dir / "sha256").rglob("*") if p.is_file()}
    assert {hashlib.sha256(c).hexdigest() for c in (hukou, photo)} <= kept
    assert not (files_dir / "partial" / second_id).exists()


def test_a_website_file_over_the_limit_is_refused_and_the_pre_submission_unharmed(
    running,
) -> None:
    website = WebsiteClient(running.url(""), _integration(running, "网上办事大厅二"))
    big = b"%PDF-1.7\n" + b"\0" * 30_000_000
    app: Application = application()
    app.body["materials"] = [uploaded("大文件.pdf", big, "M1")]
    assert website.submit(app).status_code == 201
    refused = website.declare_file(app, big, "M1")
    assert_problem(refused, 413)
    assert "at most" in refused.json()["detail"]
    assert website.status(app)["status"] == "submitted"


def test_a_package_pre_submissions_shared_file_reaches_every_part(running) -> None:
    """企业开办 (W03, 市场监管): the website's file of combined material P2 goes with the
    first part that receives it (as its item material M1) and every part's clerk reads it."""
    website = WebsiteClient(running.url(""), _integration(running, "网上办事大厅三"))
    licence = b"%PDF-1.7\n" + os.urandom(80_000)
    app = Application(
        {
            "external_id": f"WEB-{uuid.uuid4().hex[:10]}",
            "package_code": OPENING,
            "applicant": {
                "kind": "organization",
                "name": "衡水网办示例贸易有限公司",
                "id_type": "credit_code",
                "id_number": "91131100MA0A1B2C3D",
                "legal_representative": "王五",
                "phone": "13700137000",
            },
            "form_data": {"企业名称": "衡水网办示例贸易有限公司"},
            "materials": [uploaded("营业执照.pdf", licence, "P2")],
        }
    )
    assert website.submit(app).status_code == 201
    declared = website.declare_file(app, licence, "P2")
    assert declared.status_code == 201, declared.text
    file_id = declared.json()["upload"]["id"]
    assert website.send_chunks(file_id, licence, CHUNK).json()["upload"]["complete"] is True

    w03 = running.token("demo-clerk-w03", "W03")
    assert review(running, w03, app.no, "accept").status_code == 200
    body = joint_body(OPENING, window="W03", clerk="demo-clerk-w03")
    for name in ("joint_no", "query_code", "package_code"):
        body.pop(name)
    for part in body["parts"]:
        part["query_code"] = "000000"
    taken = requests.post(
        running.url(f"/presubmissions/{app.no}/take-in"),
        json=body,
        headers=_auth(w03, body["id"]),
        timeout=TIMEOUT,
    )
    assert taken.status_code == 201, taken.text
    parts = {p["item_code"]: p["case_no"] for p in taken.json()["joint_case"]["parts"]}
    # Kept with the first part that receives P2 (公安 DEMO-GA-016 as its M1), and listed
    # with 市场监管's part too, whose item does not use it: a shared material.
    kept = running.get(f"/cases/{parts['DEMO-GA-016']}/attachments", w03).json()["items"]
    assert [(i["id"], i["material_code"], i["complete"]) for i in kept] == [(file_id, "M1", True)]
    sj = running.get(f"/cases/{parts['DEMO-SJ-001']}/attachments", w03).json()["items"]
    assert [(i["id"], i["case_no"]) for i in sj] == [(file_id, parts["DEMO-GA-016"])]
    ga = running.token("demo-clerk", "W01")  # 公安's clerk: reaches the GA part
    listed = running.get(f"/cases/{parts['DEMO-GA-016']}/attachments", ga)
    assert [i["id"] for i in listed.json()["items"]] == [file_id]
    read = running.get(f"/attachments/{file_id}", ga)
    assert read.status_code == 200 and read.content == licence
