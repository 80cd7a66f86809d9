"""上报 between levels (issue 20): a county's case forwarded to the city makes the city's
case exactly once — also when the reply to the forward is lost and the desk retries through
a fault proxy —, the county case shows the city's progress, and the applicant's one query
code answers at both numbers. A forward to a center that is not above the case's is refused
naming the field, with nothing written. On SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests

from tests.helpers.centers import (
    adoption,
    center_case_body,
    create,
    event,
    post_event,
    province_service,
    sql,
)
from tests.helpers.faultproxy import FaultProxy
from tests.helpers.local_service import LocalService
from tests.helpers.service_api import TIMEOUT, auth, demo_catalog, item_for_department

FORWARD = {"authority": "衡水市行政审批局", "reason": "属市级审批权限"}


@pytest.fixture(scope="module")
def province(demo_databases) -> Iterator[tuple[LocalService, dict[str, str]]]:
    with province_service(demo_databases) as service:
        tokens = {
            "jz-clerk": service.token("jz-clerk", "JZ01"),
            "demo-clerk": service.token("demo-clerk", "W01"),
            "jz-lead": service.token("jz-lead", None),
            "demo-lead": service.token("demo-lead", None),
        }
        yield service, tokens


def _county_case(service: LocalService, token: str, seq: int) -> dict[str, Any]:
    response = create(service, token, center_case_body("JZ01", "jz-clerk", seq))
    assert response.status_code == 201, response.text
    return response.json()["case"]


def _progress(service: LocalService, case_no: str, code: str) -> requests.Response:
    return requests.get(service.url(f"/progress/{case_no}"), params={"code": code}, timeout=30)


def _forwarded_from(service: LocalService, case_id: str) -> list[tuple]:
    return sql(
        service.database_url,
        "SELECT case_no, center_code, window_code, status FROM cases WHERE forwarded_from = :i",
        i=case_id,
    )


def test_a_forward_retried_after_a_lost_reply_makes_one_city_case(province) -> None:
    service, tokens = province
    county = _county_case(service, tokens["jz-clerk"], 1)
    forward = event("forward", data={**FORWARD, "center": "HS"})
    proxy = FaultProxy(("127.0.0.1", int(service.base_url.rsplit(":", 1)[1])))
    proxy.start()
    try:
        proxy.set_faults(lambda n: "lose_reply" if n == 1 else "pass")
        with pytest.raises(requests.ConnectionError):
            post_event(proxy.base_url, tokens["jz-clerk"], county["case_no"], forward)
        assert proxy.counts["lose_reply"] == 1  # the service applied it; the desk cannot know
        retry = post_event(proxy.base_url, tokens["jz-clerk"], county["case_no"], forward)
    finally:
        proxy.stop()
    assert retry.status_code == 201, retry.text
    assert retry.headers.get("Idempotency-Replayed") == "true"
    answer = retry.json()["case"]
    city_no = "HS-JZ01-20261128-000001"
    assert answer["status"] == "forwarded"
    assert answer["forwarded_to"]["case_no"] == city_no
    assert answer["forwarded_to"]["center_code"] == "HS"
    assert answer["forwarded_to"]["status"] == "received"
    # Exactly one city case, at the city's first window of the county window's department.
    assert _forwarded_from(service, county["id"]) == [(city_no, "HS", "W01", "received")]
    # Another forward of the forwarded case (a desk that lost its key): the lifecycle says no.
    again = post_event(
        service.base_url,
        tokens["jz-clerk"],
        county["case_no"],
        event("forward", data={**FORWARD, "center": "HS"}),
    )
    assert again.status_code == 409, again.text
    assert len(_forwarded_from(service, county["id"])) == 1

    # The city works it; the county sees the city's progress, in its case and its pull.
    cursor = service.get("/changes", tokens["jz-clerk"], after=0, limit=500).json()["next"]
    city = service.get(f"/cases/{city_no}", tokens["demo-clerk"])
    assert city.status_code == 200, city.text
    assert city.json()["case"]["forwarded_from"] == {
        "case_no": county["case_no"],
        "center_code": "JZ",
    }
    assert city.json()["case"]["query_code"] == county["query_code"]
    for kind in ("accept", "start", "complete_approved"):
        done = post_event(service.base_url, tokens["demo-clerk"], city_no, event(kind))
        assert done.status_code == 201, done.text
    seen = service.get(f"/cases/{county['case_no']}", tokens["jz-lead"]).json()["case"]
    assert seen["forwarded_to"]["status"] == "completed_approved"
    # The county case ended with the city's: one event, in the same transaction.
    assert seen["status"] == "completed_approved"
    assert seen["completed_at"] == seen["forwarded_to"]["completed_at"]
    settled = seen["events"][-1]
    assert (settled["type"], settled["data"]) == (
        "complete_approved",
        {"forwarded_to": city_no, "center": "HS", "status": "completed_approved"},
    )
    assert settled["note"] == f"上级中心 HS（{city_no}）办结：准予许可"
    assert seen["forwarded_to"]["hall_group"] == "办结"
    assert [e["type"] for e in seen["forwarded_to"]["events"]] == [
        "receive",
        "accept",
        "start",
        "complete_approved",
    ]
    pulled = service.get("/changes", tokens["jz-clerk"], after=cursor).json()["items"]
    assert [c["case_no"] for c in pulled] == [county["case_no"]]
    assert pulled[0]["forwarded_to"]["status"] == "completed_approved"
    # The county reads the city's progress, not the city's case; the city lead reads both.
    assert service.get(f"/cases/{city_no}", tokens["jz-lead"]).status_code == 404
    assert service.get(f"/cases/{county['case_no']}", tokens["demo-lead"]).status_code == 200

    # The applicant's one query code answers at both numbers.
    code = county["query_code"]
    at_county = _progress(service, county["case_no"], code)
    assert at_county.status_code == 200, at_county.text
    assert at_county.json()["status"] == "completed_approved"
    assert at_county.json()["hall_group"] == "办结"
    assert at_county.json()["forwarded_to"] == {
        "case_no": city_no,
        "status": "completed_approved",
        "hall_group": "办结",
        "completed_at": seen["forwarded_to"]["completed_at"],
    }
    at_city = _progress(service, city_no, code)
    assert at_city.status_code == 200, at_city.text
    assert at_city.json()["status"] == "completed_approved"
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    assert _progress(service, city_no, wrong).status_code == 404


def test_a_case_taken_in_as_forwarded_goes_up_with_its_intake(province) -> None:
    service, tokens = province
    body = center_case_body(
        "JZ01",
        "jz-clerk",
        2,
        disposition="forwarded",
        first_event="forward",
        data={**FORWARD, "center": "HS", "window": "W02"},
    )
    response = create(service, tokens["jz-clerk"], body)
    assert response.status_code == 201, response.text
    assert response.json()["case"]["forwarded_to"]["case_no"] == "HS-JZ01-20261128-000002"
    replay = create(service, tokens["jz-clerk"], body)
    assert replay.headers.get("Idempotency-Replayed") == "true"
    assert _forwarded_from(service, body["id"]) == [
        ("HS-JZ01-20261128-000002", "HS", "W02", "received")
    ]
    beside = center_case_body(
        "JZ01",
        "jz-clerk",
        3,
        disposition="forwarded",
        first_event="forward",
        data={**FORWARD, "center": "JG"},
    )
    refused = create(service, tokens["jz-clerk"], beside)
    assert refused.status_code == 422, refused.text
    assert [e["field"] for e in refused.json()["errors"]] == ["first_event.data.center"]
    assert sql(service.database_url, "SELECT id FROM cases WHERE id = :i", i=beside["id"]) == []


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"center": "JG"}, "data.center"),  # a sub-center beside the county
        ({"center": "JZ"}, "data.center"),  # its own center
        ({"center": "NOPE"}, "data.center"),
        ({"center": 7}, "data.center"),
        ({"center": "HS", "window": "JZ02"}, "data.window"),  # not one of the city's
    ],
)
def test_a_forward_to_a_center_not_above_is_refused_with_nothing_written(
    province, data: dict[str, Any], field: str
) -> None:
    service, tokens = province
    seq = 10 + len(sql(service.database_url, "SELECT id FROM cases WHERE window_code = 'JZ01'"))
    county = _county_case(service, tokens["jz-clerk"], seq)
    events_before = sql(
        service.database_url,
        "SELECT count(*) FROM case_events WHERE case_id = :i",
        i=county["id"],
    )
    response = post_event(
        service.base_url,
        tokens["jz-clerk"],
        county["case_no"],
        event("forward", data={**FORWARD, **data}),
    )
    assert response.status_code == 422, response.text
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert sql(service.database_url, "SELECT status FROM cases WHERE id = :i", i=county["id"]) == [
        ("accepted",)
    ]
    assert (
        sql(
            service.database_url,
            "SELECT count(*) FROM case_events WHERE case_id = :i",
            i=county["id"],
        )
        == events_before
    )
    assert _forwarded_from(service, county["id"]) == []


def test_the_city_cannot_forward_down_to_its_county(province) -> None:
    service, tokens = province
    response = create(service, tokens["demo-clerk"], center_case_body("W01", "demo-clerk", 1))
    assert response.status_code == 201, response.text
    city_case = response.json()["case"]
    refused = post_event(
        service.base_url,
        tokens["demo-clerk"],
        city_case["case_no"],
        event("forward", data={**FORWARD, "center": "JZ"}),
    )
    assert refused.status_code == 422, refused.text
    assert refused.json()["errors"][0]["field"] == "data.center"
    # Without a center: an authority outside the service, as before (no linked case).
    outside = post_event(
        service.base_url, tokens["demo-clerk"], city_case["case_no"], event("forward", data=FORWARD)
    )
    assert outside.status_code == 201, outside.text
    assert outside.json()["case"]["forwarded_to"] is None
    assert _forwarded_from(service, city_case["id"]) == []


def _forward_up(service: LocalService, token: str, case_no: str) -> dict[str, Any]:
    response = post_event(
        service.base_url, token, case_no, event("forward", data={**FORWARD, "center": "HS"})
    )
    assert response.status_code == 201, response.text
    return response.json()["case"]


def test_the_county_case_ends_with_the_citys_refusal_not_with_its_void(province) -> None:
    service, tokens = province
    refused, voided = (_county_case(service, tokens["jz-clerk"], seq) for seq in (30, 31))
    refused_up = _forward_up(service, tokens["jz-clerk"], refused["case_no"])["forwarded_to"]
    voided_up = _forward_up(service, tokens["jz-clerk"], voided["case_no"])["forwarded_to"]
    refusal = event("refuse", note="申请事项不属于本机关职权范围")
    no = post_event(service.base_url, tokens["demo-clerk"], refused_up["case_no"], refusal)
    assert no.status_code == 201, no.text
    county = service.get(f"/cases/{refused['case_no']}", tokens["jz-clerk"]).json()["case"]
    assert county["status"] == "completed_rejected"
    assert county["events"][-1]["note"] == (
        f"上级中心 HS（{refused_up['case_no']}）不予受理。申请事项不属于本机关职权范围"
    )
    # The city desk retries the refusal (its reply lost): the county case gets no second.
    again = post_event(service.base_url, tokens["demo-clerk"], refused_up["case_no"], refusal)
    assert again.headers.get("Idempotency-Replayed") == "true"
    after = service.get(f"/cases/{refused['case_no']}", tokens["jz-clerk"]).json()["case"]
    assert len(after["events"]) == len(county["events"])
    # A city case voided (taken in by mistake there) decides nothing: the county's stays.
    void = post_event(
        service.base_url,
        tokens["demo-clerk"],
        voided_up["case_no"],
        event("void", note="误录"),
    )
    assert void.status_code == 201, void.text
    kept = service.get(f"/cases/{voided['case_no']}", tokens["jz-clerk"]).json()["case"]
    assert kept["status"] == "forwarded"
    assert kept["forwarded_to"]["status"] == "voided"
    assert _progress(service, voided["case_no"], voided["query_code"]).json()["status"] == (
        "forwarded"
    )


def test_the_city_case_takes_the_citys_implementation_of_the_base_item(province) -> None:
    service, tokens = province
    city_item = item_for_department("GA")
    admin = service.token("demo-admin", None)
    adopted = requests.post(
        service.url("/catalog/adoptions"),
        json=adoption("BASE-" + city_item["code"], "JZ-GA-0001", "JZ-GA-HJ", center_code="JZ"),
        headers=auth(admin),
        timeout=TIMEOUT,
    )
    assert adopted.status_code == 200, adopted.text
    body = center_case_body("JZ01", "jz-clerk", 40)
    body.update(
        item_code="JZ-GA-HJ",
        catalog_version=adopted.json()["catalog_version"],
        materials=[{"code": "M1", "received": True, "deferred": False, "copies": 1}],
    )
    made = create(service, tokens["jz-clerk"], body)
    assert made.status_code == 201, made.text
    up = _forward_up(service, tokens["jz-clerk"], body["case_no"])["forwarded_to"]
    assert sql(
        service.database_url,
        "SELECT item_code, catalog_version FROM cases WHERE case_no = :n",
        n=up["case_no"],
    ) == [(city_item["code"], demo_catalog()["version"])]


def test_a_forward_of_an_item_the_city_has_not_published_is_refused(province) -> None:
    service, tokens = province
    # A GA item the demo city implements; remove its implementation, as if never published.
    item = [i for i in demo_catalog()["items"] if i["department"] == "GA"][1]
    sql(
        service.database_url,
        "DELETE FROM item_implementations WHERE center_code = 'HS' AND basic_code = :b",
        b="BASE-" + item["code"],
    )
    body = center_case_body("JZ01", "jz-clerk", 41)
    body.update(
        item_code=item["code"],
        materials=[
            {"code": m["code"], "received": True, "deferred": False, "copies": 1}
            for m in item["materials"]
        ],
    )
    assert create(service, tokens["jz-clerk"], body).status_code == 201
    refused = post_event(
        service.base_url,
        tokens["jz-clerk"],
        body["case_no"],
        event("forward", data={**FORWARD, "center": "HS"}),
    )
    assert refused.status_code == 422, refused.text
    assert [e["field"] for e in refused.json()["errors"]] == ["data.center"]
    assert "has not published" in refused.json()["errors"][0]["message"]
    assert sql(service.database_url, "SELECT status FROM cases WHERE id = :i", i=body["id"]) == [
        ("accepted",)
    ]
    assert _forwarded_from(service, body["id"]) == []
