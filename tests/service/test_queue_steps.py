"""A window's steps with its ticket against a real records service (issue 18,
``routers.queue_steps``), on SQLite and PostgreSQL: recall, no-show, transfer and finish
are idempotent — a step whose answer was lost, sent again with its key, gets the first
answer and is not applied twice; a key sent again for another ticket or body is refused; a
desk restarted during a visit reads the ticket at its window (and its pause) from
``GET /queue/categories``."""

from __future__ import annotations

import uuid

import pytest

from tests.helpers.queue_api import (
    MORNING,
    Category,
    QueueHall,
    queue_hall,
    reset_queue,
    set_categories,
)
from tests.helpers.service_api import assert_problem

OPEN = MORNING.replace(hour=9, minute=0)


@pytest.fixture(scope="module")
def running(demo_databases):
    with queue_hall(demo_databases, OPEN) as hall:
        yield hall


@pytest.fixture
def hall(running: QueueHall) -> QueueHall:
    reset_queue(running, OPEN)
    set_categories(running, [Category("QX", "X", ("W01", "W02")), Category("QY", "Y", ("W03",))])
    return running


def _called(hall: QueueHall, window: str, count: int = 1) -> list[str]:
    """``count`` tickets issued at the kiosk; the first called to ``window``."""
    kiosk = hall.enrol("kiosk", "自助机1")
    numbers = [hall.issued(kiosk, "QX")["ticket"]["number"] for _ in range(count)]
    answer = hall.next(window)
    assert answer.status_code == 200, answer.text
    return numbers


def _calls(hall: QueueHall) -> list[tuple[str, str]]:
    screen = hall.enrol("display", "大厅屏")
    items = hall.get("/queue/calls", screen, after=0).json()["items"]
    return [(c["number"], c["kind"]) for c in items]


def _replayed(first, again) -> None:
    """``again`` is the stored answer to ``first``."""
    assert first.status_code == 200, first.text
    assert again.status_code == 200, again.text
    assert again.headers.get("Idempotency-Replayed") == "true"
    assert "Idempotency-Replayed" not in first.headers
    assert again.json() == first.json()


def test_a_step_sent_again_after_a_lost_answer_is_applied_once(hall: QueueHall) -> None:
    first, second = _called(hall, "W01", 2)

    # Recall: the answer is lost, the desk sends it again with its key: one recall.
    key = str(uuid.uuid4())
    recalled = hall.act("W01", first, "recall", key=key)
    again = hall.act("W01", first, "recall", key=key)
    _replayed(recalled, again)
    assert again.json()["ticket"]["recalls"] == 1
    assert _calls(hall) == [(first, "call"), (first, "recall")]
    # A recall the clerk asks for again is a new step: a new key.
    assert hall.act("W01", first, "recall").json()["ticket"]["recalls"] == 2

    # Finish: sent again, the visit stays finished once (not "not at the window").
    key = str(uuid.uuid4())
    body = {"case_nos": ["HS-W01-20261130-000001"]}
    finished = hall.act("W01", first, "finish", body, key=key)
    _replayed(finished, hall.act("W01", first, "finish", body, key=key))
    assert finished.json()["ticket"]["status"] == "done"

    # No-show: the same.
    assert hall.next("W01").json()["ticket"]["number"] == second
    key = str(uuid.uuid4())
    gone = hall.act("W01", second, "no-show", key=key)
    _replayed(gone, hall.act("W01", second, "no-show", key=key))
    assert gone.json()["ticket"]["status"] == "no_show"


def test_a_transfer_sent_again_makes_one_successor(hall: QueueHall) -> None:
    [number] = _called(hall, "W01")
    key = str(uuid.uuid4())
    moved = hall.act("W01", number, "transfer", {"category": "QY"}, key=key)
    again = hall.act("W01", number, "transfer", {"category": "QY"}, key=key)
    _replayed(moved, again)
    assert moved.json()["ticket"]["number"] == "Y001"
    kiosk = hall.enrol("kiosk", "自助机1")
    waiting = {
        c["code"]: c["waiting"] for c in hall.get("/queue/categories", kiosk).json()["items"]
    }
    assert waiting == {"QX": 0, "QY": 1}
    assert hall.sql("SELECT COUNT(*) FROM queue_tickets WHERE transferred_from = :n", n=number) == [
        (1,)
    ]


def test_a_key_is_for_one_ticket_and_body_and_required(hall: QueueHall) -> None:
    first, _second = _called(hall, "W01", 2)
    key = str(uuid.uuid4())
    assert hall.act("W01", first, "recall", key=key).status_code == 200
    # The same key for another ticket, or another body: refused, nothing done.
    assert_problem(hall.act("W01", "X002", "recall", key=key), 422, "idempotency-mismatch")
    assert_problem(
        hall.act("W01", first, "recall", {"note": "x"}, key=key), 422, "idempotency-mismatch"
    )
    # The number typed in lower case is the same ticket: the stored answer.
    assert hall.act("W01", first.lower(), "recall", key=key).headers["Idempotency-Replayed"]
    transfer_key = str(uuid.uuid4())
    unknown = hall.act("W01", first, "transfer", {"category": "QZZ"}, key=transfer_key)
    assert_problem(unknown, 404, "not-found")
    assert_problem(
        hall.act("W01", first, "transfer", {"category": "QX", "window": "W03"}, key=transfer_key),
        409,
        "not-served",
    )  # a refusal stores nothing: the same key with a corrected body is applied
    moved = hall.act("W01", first, "transfer", {"category": "QY"}, key=transfer_key)
    assert moved.status_code == 200 and moved.json()["ticket"]["number"] == "Y001"
    assert_problem(
        hall.act("W01", first, "transfer", {"category": "QX"}, key=transfer_key),
        422,
        "idempotency-mismatch",
    )
    # Without a key: 400, and the ticket is untouched.
    assert hall.next("W01").status_code == 200
    plain = hall.post("/queue/tickets/X002/no-show", hall.desk("W01"), None)
    assert_problem(plain, 400, "idempotency-key-required")
    # Another window cannot replay W01's key (keys are the window's).
    assert_problem(hall.act("W02", "X002", "no-show", key=key), 409, "not-at-window")


def test_a_restarted_desk_reads_the_ticket_at_its_window(hall: QueueHall) -> None:
    desk = hall.desk("W01")
    idle = hall.get("/queue/categories", desk).json()["window"]
    assert idle == {"window_code": "W01", "serving": None, "paused": False, "pause_reason": None}
    [number] = _called(hall, "W01")
    hall.act("W01", number, "recall")
    now = hall.get("/queue/categories", desk).json()["window"]
    assert (now["serving"]["number"], now["serving"]["status"]) == (number, "called")
    assert now["serving"]["recalls"] == 1 and now["serving"]["window_code"] == "W01"
    # A clerk signed in at the window sees it too; the kiosk and W02's desk do not.
    clerk = hall.service.token("demo-clerk", "W01")
    assert hall.get("/queue/categories", clerk).json()["window"]["serving"]["number"] == number
    assert hall.get("/queue/categories", hall.enrol("kiosk", "自助机1")).json()["window"] is None
    assert hall.get("/queue/categories", hall.desk("W02")).json()["window"]["serving"] is None

    hall.act("W01", number, "finish", {"case_nos": []})
    paused = hall.post("/windows/W01/pause", desk, {"reason": "系统故障"})
    assert paused.status_code == 201, paused.text
    now = hall.get("/queue/categories", desk).json()["window"]
    assert now == {
        "window_code": "W01",
        "serving": None,
        "paused": True,
        "pause_reason": "系统故障",
    }
