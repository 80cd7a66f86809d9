"""事项同源 on one service with a city, a sub-center and a county (issue 20): the province's
base items, each center's implementation (实施清单) as what its windows see in
``GET /catalog``, ``GET /centers`` by reach, and the bad input — a case number carrying
another center's code, an adoption of an item the center above has not published —
refused naming the field with nothing written. On SQLite and on PostgreSQL."""

from __future__ import annotations

import functools
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from records_service.base_items import BaseCatalogError, load_base_catalog
from records_service.db import Database
from records_service.demo import upsert_user
from records_service.models import Center, Window
from tests.helpers.centers import adoption
from tests.helpers.service import RunningService, run_cli
from tests.helpers.service_api import (
    TIMEOUT,
    assert_problem,
    auth,
    case_body,
    error_fields,
    item_for_department,
    post_case,
    token_for,
)

PASSWORD = "a-long-pass-2026"
#: Two base items of the (demo) basic catalogue.
BASE = {
    "items": [
        {
            "basic_code": "000105001000",
            "name": "居民身份证换领",
            "type": "行政确认",
            "legal_basis": ["《中华人民共和国居民身份证法》"],
        },
        {
            "basic_code": "000105002000",
            "name": "居民身份证挂失",
            "type": "公共服务",
            "legal_basis": ["《中华人民共和国居民身份证法》"],
        },
    ]
}


@pytest.fixture
def centers(service_factory, backend: str, tmp_path: Path) -> RunningService:
    """The demo service (city HS) with a sub-center JG (window G01, clerk ``jg-clerk``), a
    county JX (window X01, clerk ``jx-clerk``, admin ``jx-admin``) and the base items."""
    service = service_factory(backend=backend)
    for code, name, level, windows in (
        ("JG", "交警车管分中心", "sub-center", [("G01", "jg-clerk")]),
        ("JX", "景县政务服务中心", "county", [("X01", "jx-clerk")]),
    ):
        db = Database(service.database_url, "HS")
        try:
            with db.write() as session:
                session.add(Center(code=code, name=name, level=level, parent_code="HS"))
                session.flush()
                for window, clerk in windows:
                    session.add(
                        Window(code=window, name="窗口", department_code="GA", center_code=code)
                    )
                    session.flush()
                    upsert_user(
                        session,
                        username=clerk,
                        password=PASSWORD,
                        display_name=clerk,
                        roles=["clerk"],
                        department_code="GA",
                        window_code=window,
                        must_change_password=False,
                    )
        finally:
            db.dispose()
    db = Database(service.database_url, "JX")
    try:
        with db.write() as session:
            upsert_user(
                session,
                username="jx-admin",
                password=PASSWORD,
                display_name="景县管理员",
                roles=["admin"],
                department_code=None,
                window_code=None,
                must_change_password=False,
            )
    finally:
        db.dispose()
    path = tmp_path / "base.json"
    path.write_text(json.dumps(BASE, ensure_ascii=False), encoding="utf-8")
    assert "2 new base items" in run_cli(["load-base-catalog", str(path)], service.database_url)
    return service


def _token(service: RunningService, username: str, window: str | None = None) -> str:
    password = PASSWORD if username.startswith(("jg-", "jx-")) else None
    extra = {"password": password} if password else {}
    return token_for(service, username, window_code=window, **extra)


def _adopt(service: RunningService, token: str, body: dict[str, Any]) -> requests.Response:
    return requests.post(
        service.url("/catalog/adoptions"), json=body, headers=auth(token), timeout=TIMEOUT
    )


def _catalog(service: RunningService, token: str) -> requests.Response:
    return requests.get(service.url("/catalog"), headers=auth(token), timeout=TIMEOUT)


def _centers(service: RunningService, token: str) -> list[tuple[str, str, str | None]]:
    answer = requests.get(service.url("/centers"), headers=auth(token), timeout=TIMEOUT)
    assert answer.status_code == 200, answer.text
    return [(c["code"], c["level"], c["parent"]) for c in answer.json()["centers"]]


def _counts(service: RunningService) -> tuple[int, ...]:
    return tuple(
        service.sql(f"SELECT count(*) FROM {table}")[0][0]
        for table in (
            "catalog_versions",
            "item_implementations",
            "audit_records",
            "cases",
            "idempotency_keys",
        )
    )


def test_each_window_sees_its_centers_implementation_of_the_base_item(centers) -> None:
    admin = _token(centers, "demo-admin")
    city_clerk = _token(centers, "demo-clerk", "W01")
    before = _catalog(centers, city_clerk)
    city = adoption("000105001000", "HS-GA-0001", "HS-GA-SFZ", phone="0318-1111111")
    city["name"] = "改了名字"
    assert error_fields(_adopt(centers, admin, city).json()) == {"name"}  # 四级四同
    del city["name"]
    answer = _adopt(centers, admin, city)
    assert answer.status_code == 200, answer.text
    assert answer.json()["published"] is True and answer.json()["center_code"] == "HS"
    county = adoption(
        "000105001000", "JX-GA-0001", "HS-GA-SFZ", center_code="JX", phone="0318-4222222"
    )
    assert _adopt(centers, _token(centers, "jx-admin"), county).status_code == 200

    seen = _catalog(centers, city_clerk).json()
    assert len(seen["items"]) == len(before.json()["items"]) + 1
    item = next(i for i in seen["items"] if i["code"] == "HS-GA-SFZ")
    assert (item["name"], item["type"], item["legal_basis"]) == (
        "居民身份证换领",
        "行政确认",
        ["《中华人民共和国居民身份证法》"],
    )
    assert (item["basic_code"], item["implementation_code"], item["phone"]) == (
        "000105001000",
        "HS-GA-0001",
        "0318-1111111",
    )
    county_catalog = _catalog(centers, _token(centers, "jx-clerk", "X01"))
    county_items = county_catalog.json()["items"]
    assert [(i["code"], i["implementation_code"], i["phone"]) for i in county_items] == [
        ("HS-GA-SFZ", "JX-GA-0001", "0318-4222222")
    ]
    assert county_items[0]["name"] == "居民身份证换领"
    # The demo city implements every demo item as a base item's (BASE- + code): the
    # county adopts one of them too, under the demo item's code.
    demo_item = item_for_department("GA")
    demo = adoption("BASE-" + demo_item["code"], "JX-GA-0002", demo_item["code"], center_code="JX")
    assert _adopt(centers, admin, demo).json()["published"] is True
    county_items = _catalog(centers, _token(centers, "jx-clerk", "X01")).json()["items"]
    assert [(i["code"], i["name"]) for i in county_items][1] == (
        demo_item["code"],
        demo_item["name"],
    )
    # The sub-center has published nothing of its own: its windows see the city's.
    sub = _catalog(centers, _token(centers, "jg-clerk", "G01"))
    assert sub.headers["ETag"] == _catalog(centers, city_clerk).headers["ETag"]
    # The same implementation again publishes nothing new.
    counts = _counts(centers)
    again = _adopt(centers, admin, city)
    assert again.status_code == 200 and again.json()["published"] is False
    assert _counts(centers) == counts
    # A county window takes a case in on its own catalog, numbered with its center.
    body = case_body(window_code="X01", clerk="jx-clerk")
    body.update(
        case_no=body["case_no"].replace("HS-", "JX-", 1),
        item_code="HS-GA-SFZ",
        catalog_version=county_catalog.json()["version"],
        materials=[{"code": "M1", "received": True, "deferred": False, "copies": 1}],
    )
    created = post_case(centers, _token(centers, "jx-clerk", "X01"), body)
    assert created.status_code == 201, created.text
    assert centers.sql("SELECT center_code FROM cases WHERE case_no = :n", n=body["case_no"]) == [
        ("JX",)
    ]
    # GET /centers: the centers in the caller's reach, top down.
    listed = functools.partial(_centers, centers)
    assert listed(admin) == [
        ("HS", "city", None),
        ("JG", "sub-center", "HS"),
        ("JX", "county", "HS"),
    ]
    assert listed(_token(centers, "jx-admin")) == [("JX", "county", "HS")]
    assert listed(_token(centers, "jg-clerk", "G01")) == [("JG", "sub-center", "HS")]
    answer = requests.get(centers.url("/centers"), timeout=TIMEOUT)
    assert_problem(answer, 401)


def test_bad_input_names_the_field_and_writes_nothing(centers) -> None:
    admin = _token(centers, "demo-admin")
    assert _adopt(centers, admin, adoption("000105001000", "HS-1", "HS-GA-SFZ")).status_code == 200
    jx_admin = _token(centers, "jx-admin")
    jx_clerk = _token(centers, "jx-clerk", "X01")
    clerk = _token(centers, "jg-clerk", "G01")
    before = _counts(centers)

    # The county adopts an item the city has not published.
    answer = _adopt(centers, jx_admin, adoption("000105002000", "JX-2", "JX-GA-GS"))
    assert_problem(answer, 422, "validation")
    assert error_fields(answer.json()) == {"basic_code"}
    assert "has not published" in answer.json()["errors"][0]["message"]
    bad = {
        "basic_code": adoption("999999999999", "JX-3", "JX-X"),
        "implementation_code": adoption("000105001000", "HS-1", "JX-X"),
        "department": adoption("000105001000", "JX-4", "JX-X", department="XX"),
        "center_code": adoption("000105001000", "JX-5", "JX-X", center_code="HS"),
    }
    for field, body in bad.items():
        answer = _adopt(centers, jx_admin, body)
        assert_problem(answer, 422, "validation")
        assert error_fields(answer.json()) == {field}, (field, answer.text)

    # A window of the sub-center writes a case numbered with the city's code.
    body = case_body(window_code="G01", clerk="jg-clerk")
    assert body["case_no"].startswith("HS-G01-")
    answer = post_case(centers, clerk, body)
    assert_problem(answer, 422, "validation")
    assert error_fields(answer.json()) == {"case_no"}
    assert "JG" in answer.json()["errors"][0]["message"]
    assert _counts(centers) == before
    assert centers.sql("SELECT count(*) FROM cases WHERE id = :i", i=body["id"]) == [(0,)]
    # A base item is the same at every level: a changed one is refused, nothing stored.
    changed = {"items": [BASE["items"][1], {**BASE["items"][0], "name": "另一个名字"}]}
    db = Database(centers.database_url, "HS")
    try:
        with pytest.raises(BaseCatalogError, match="other fields"), db.write() as session:
            load_base_catalog(session, changed, datetime.now(UTC))
    finally:
        db.dispose()
    assert centers.sql("SELECT name FROM base_items WHERE basic_code = '000105001000'") == [
        ("居民身份证换领",)
    ]
    # Only an admin adopts (a refused call is audited).
    assert_problem(_adopt(centers, jx_clerk, bad["basic_code"]), 403)
    # Numbered with its own center, the same case is taken.
    body.update(id=str(uuid.uuid4()), case_no=body["case_no"].replace("HS-", "JG-", 1))
    body["first_event"]["id"] = str(uuid.uuid4())
    assert post_case(centers, clerk, body).status_code == 201
