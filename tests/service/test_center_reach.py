"""Many centers on one service (issue 20): the city ``HS`` with a sub-center ``JG`` and a
county ``JZ``. A lead sees their department in their center; the city's lead (a center
with centers below it) their department in all three; admins the centers below theirs;
``/workload`` and ``/board`` take ``center=`` (outside the caller's reach: 404); the
figures roll up window → department → center → city to a plain count of the cases made
here. On SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from tests.helpers.centers import (
    CENTER_OF,
    DEPARTMENT_OF,
    center_case_body,
    create,
    event,
    post_event,
    province_service,
)
from tests.helpers.local_service import LocalService

DAY = {"from": "2026-11-28", "to": "2026-11-28"}
#: (window, clerk, disposition, events after intake) of the cases made here.
PLAN = (
    ("W01", "demo-clerk", "promised", ()),
    ("W01", "demo-clerk", "immediate", ("complete_approved",)),
    ("W01", "demo-clerk", "refused", ()),
    ("W03", "demo-clerk-w03", "promised", ()),
    ("JZ01", "jz-clerk", "promised", ("start",)),
    ("JZ01", "jz-clerk", "immediate", ("complete_approved",)),
    ("JZ02", "jz-clerk-sj", "refused", ()),
    ("JG01", "jg-clerk", "promised", ()),
    ("JG01", "jg-clerk", "promised", ("start", "complete_approved")),
)
FIRST_EVENT = {"promised": "accept", "immediate": "accept", "refused": "refuse"}


@pytest.fixture(scope="module")
def province(demo_databases) -> Iterator[tuple[LocalService, list[dict[str, Any]]]]:
    """The service and the cases made at the windows of the three centers (final state)."""
    with province_service(demo_databases) as service:
        tokens: dict[str, str] = {}
        seqs: Counter[str] = Counter()
        cases = []
        for window, clerk, disposition, after in PLAN:
            if clerk not in tokens:
                tokens[clerk] = service.token(clerk, window)
            seqs[window] += 1
            note = "不属于本中心受理范围" if disposition == "refused" else ""
            body = center_case_body(
                window,
                clerk,
                seqs[window],
                disposition=disposition,
                first_event=FIRST_EVENT[disposition],
                note=note,
            )
            response = create(service, tokens[clerk], body)
            assert response.status_code == 201, response.text
            case = response.json()["case"]
            for kind in after:
                response = post_event(service.base_url, tokens[clerk], case["case_no"], event(kind))
                assert response.status_code == 201, response.text
                case = response.json()["case"]
            cases.append(case)
        yield service, cases


def _numbers(cases: list[dict[str, Any]], *windows: str) -> set[str]:
    return {c["case_no"] for c in cases if c["window_code"] in windows}


def _listed(service: LocalService, token: str, **params: object) -> set[str]:
    response = service.get("/cases", token, limit=200, **params)
    assert response.status_code == 200, response.text
    return {c["case_no"] for c in response.json()["items"]}


def test_a_lead_sees_their_department_in_their_center_and_the_city_lead_below_it(
    province,
) -> None:
    service, cases = province
    county_lead = service.token("jz-lead", None)
    city_lead = service.token("demo-lead", None)
    admin = service.token("demo-admin", None)

    assert _listed(service, county_lead) == _numbers(cases, "JZ01")
    assert _listed(service, city_lead) == _numbers(cases, "W01", "JZ01", "JG01")
    # An admin runs the system: the cases of the centers below the city, not the city's.
    assert _listed(service, admin) == _numbers(cases, "JZ01", "JZ02", "JG01")
    for case in cases:
        seen = service.get(f"/cases/{case['case_no']}", county_lead).status_code
        assert seen == (200 if case["window_code"] == "JZ01" else 404), case["case_no"]
    sj_case = next(c for c in cases if c["window_code"] == "JZ02")
    assert service.get(f"/cases/{sj_case['case_no']}", city_lead).status_code == 404
    assert service.get(f"/cases/{sj_case['case_no']}", service.token("jz-lead-sj", None)).ok


def test_workload_and_board_take_a_center_within_reach(province) -> None:
    service, cases = province
    county_lead = service.token("jz-lead", None)
    city_lead = service.token("demo-lead", None)

    def windows(token: str, **params: object) -> set[str]:
        response = service.get("/workload", token, **DAY, **params)
        assert response.status_code == 200, response.text
        return {item["group"] for item in response.json()["items"]}

    assert windows(county_lead) == {"JZ01"}
    assert windows(city_lead) == {"W01", "W02", "JZ01", "JG01"}
    assert windows(city_lead, center="JZ") == {"JZ01"}
    assert windows(city_lead, center="HS") == {"W01", "W02", "JZ01", "JG01"}
    assert windows(county_lead, center="JZ") == {"JZ01"}
    for center in ("HS", "JG", "NOPE"):  # above, beside, unknown: the same answer
        for path in ("/workload", "/board"):
            response = service.get(path, county_lead, center=center)
            assert response.status_code == 404, (path, center, response.text)
            assert response.json()["type"].endswith("/not-found")

    def board(token: str, **params: object) -> set[str]:
        response = service.get("/board", token, **params)
        assert response.status_code == 200, response.text
        return {row["case_no"] for row in response.json()["items"]}

    assert board(county_lead) == _numbers(cases, "JZ01")
    assert board(city_lead) == _numbers(cases, "W01", "JZ01", "JG01")
    assert board(city_lead, center="JG") == _numbers(cases, "JG01")
    display = service.token("demo-display", None)
    assert board(display, center="JZ") == _numbers(cases, "JZ01", "JZ02")


ADDITIVE = (
    "received",
    "accepted",
    "completed",
    "in_progress",
    "waiting",
    "overdue",
    "due_soon",
    "refused",
    "immediate",
    "promised",
)


def _plain_count(cases: list[dict[str, Any]], key: Any) -> dict[str, dict[str, int]]:
    """received / completed / refused / in progress per group, counted case by case."""
    counts: dict[str, Counter[str]] = {}
    for case in cases:
        group = counts.setdefault(key(case), Counter())
        group["received"] += 1
        group["completed"] += case["status"].startswith("completed_")
        group["refused"] += case["status"] == "refused"
        group["immediate"] += case["disposition"] == "immediate"
        group["promised"] += case["disposition"] == "promised"
    return {g: dict(c) for g, c in counts.items()}


def test_the_figures_roll_up_from_window_to_city_as_a_plain_count(province) -> None:
    service, cases = province
    admin = service.token("demo-admin", None)
    answers = {}
    for group in ("window", "department", "center"):
        response = service.get("/workload", admin, **DAY, group=group)
        assert response.status_code == 200, response.text
        answers[group] = response.json()
    keys = {
        "window": lambda c: c["window_code"],
        "department": lambda c: DEPARTMENT_OF[c["window_code"]],
        "center": lambda c: CENTER_OF[c["window_code"]],
    }
    for group, answer in answers.items():
        expected = _plain_count(cases, keys[group])
        items = {item["group"]: item for item in answer["items"] if item["received"]}
        assert set(items) == set(expected), group
        for code, counts in expected.items():
            for field in ("received", "completed", "refused", "immediate", "promised"):
                assert items[code][field] == counts[field], (group, code, field)
        # Every level adds up to the same city total.
        for field in ADDITIVE:
            assert sum(item[field] for item in answer["items"]) == answer["total"][field], field
        assert answer["total"] == answers["window"]["total"]
    assert answers["window"]["total"]["received"] == len(cases)
    centers = {item["group"]: item for item in answers["center"]["items"]}
    assert {code: centers[code]["name"] for code in centers} == {
        "HS": centers["HS"]["name"],
        "JG": "交警车管分中心",
        "JZ": "冀州区政务服务中心",
    }
    # The county's own view is the county's row of the city's.
    county = service.get("/workload", admin, **DAY, group="center", center="JZ").json()
    assert [item["group"] for item in county["items"]] == ["JZ"]
    assert {k: v for k, v in county["total"].items() if k != "group"} == {
        k: v for k, v in centers["JZ"].items() if k in county["total"] and k != "group"
    }
