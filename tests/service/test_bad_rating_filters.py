"""The supervisor's bad ratings (差评) narrowed (issue 19): ``GET /ratings/bad`` by the
days rated (the center's days, both ends included), the rated window's department and
whether it was followed up; a range backwards or a day that is not a day is refused with
the field named. On SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, datetime

import pytest

from records_service.models import Rating
from tests.helpers.hall_queue import CST, MONDAY, Hall, hall_service
from tests.helpers.service_api import case_body, error_fields, post_case


@pytest.fixture(scope="module")
def hall(demo_databases) -> Iterator[Hall]:
    with hall_service(demo_databases) as running:
        center = running.sql("SELECT center_code FROM windows WHERE code = 'W01'")[0][0]
        body = case_body()  # the case the rows rate (the window is the rating's own)
        made = post_case(running.service, running.token("demo-clerk", "W01"), body)
        assert made.status_code == 201, made.text
        rows = [
            # window, rated at (the center's time), followed up
            ("W01", datetime(2026, 11, 26, 23, 59, tzinfo=CST), False),  # GA, Thursday late
            ("W01", datetime(2026, 11, 27, 0, 0, tzinfo=CST), True),  # GA, Friday at midnight
            ("W03", datetime(2026, 11, 27, 15, 0, tzinfo=CST), False),  # SJ, Friday
            ("W02", datetime(2026, 11, 28, 9, 0, tzinfo=CST), False),  # GA, Saturday
        ]
        running.add(
            *[
                Rating(
                    id=f"00000000-0000-4000-8000-00000000000{n}",
                    case_id=body["id"],
                    center_code=center,
                    score=1,
                    comment=f"差评{n}",
                    rated_at=at,
                    clerk="demo-clerk",
                    window_code=window,
                    bad=True,
                    follow_up_due=date(2026, 12, 1),
                    followed_up_at=MONDAY if followed else None,
                    follow_up_by="demo-lead" if followed else None,
                    follow_up_note="已回访" if followed else None,
                    event_id=str(uuid.uuid4()),
                )
                for n, (window, at, followed) in enumerate(rows, start=1)
            ]
        )
        yield running


def _comments(hall: Hall, **params: object) -> list[str]:
    answer = hall.get("/ratings/bad", hall.token("demo-supervisor"), **params)
    assert answer.status_code == 200, answer.text
    return sorted(item["comment"] for item in answer.json()["items"])


def test_bad_ratings_narrowed_by_day_department_and_follow_up(hall: Hall) -> None:
    assert _comments(hall) == ["差评1", "差评2", "差评3", "差评4"]
    # Friday only: midnight counts, the minute before does not.
    friday = "2026-11-27"
    assert _comments(hall, rated_from=friday, rated_to=friday) == ["差评2", "差评3"]
    assert _comments(hall, rated_to="2026-11-26") == ["差评1"]
    assert _comments(hall, rated_from="2026-11-28") == ["差评4"]
    assert _comments(hall, department="GA") == ["差评1", "差评2", "差评4"]
    assert _comments(hall, department="SJ", rated_from=friday) == ["差评3"]
    assert _comments(hall, department="GA", followed_up="false") == ["差评1", "差评4"]
    assert _comments(hall, followed_up="true") == ["差评2"]
    assert _comments(hall, department="XX") == []  # no window of it in reach
    # A lead sees their department's only, whatever they ask for.
    lead = hall.get("/ratings/bad", hall.token("demo-lead"), department="SJ")
    assert lead.status_code == 200 and lead.json()["items"] == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"rated_from": "2026-11-28", "rated_to": "2026-11-27"}, "rated_from"),
        ({"rated_from": "2026-13-01"}, "rated_from"),
        ({"rated_to": "yesterday"}, "rated_to"),
        ({"department": "G A"}, "department"),
    ],
)
def test_a_bad_filter_is_refused_naming_the_field(
    hall: Hall, params: dict[str, str], field: str
) -> None:
    answer = hall.get("/ratings/bad", hall.token("demo-supervisor"), **params)
    assert answer.status_code == 422, answer.text
    assert field in error_fields(answer.json())
