"""A joint case's next stage opens when its stage's last parts complete at the same time
(PostgreSQL: event writers overlap, no shared writer lock since migration 0021).

Two departments complete the last two parts of stage one while both requests are held
just before their commit (another connection holds a SHARE lock of the audit trail, whose
record each writes last): each must see the other's completion, so the stage closes and
stage two opens with its due dates. SQLite serializes its writers, so it needs no such test.
"""

from __future__ import annotations

import threading
import time

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.helpers.joint_api import get_joint, joint_body, part_event, part_of, post_joint
from tests.helpers.service_api import token_for

pytestmark = pytest.mark.postgres


def _waiting_on_locks(conn, own_pid: int) -> int:
    """How many other sessions wait for a lock, but a service's audit chainer (a
    transaction of its own each time: pg_stat_activity is read once per transaction)."""
    try:
        return int(
            conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock' AND pid <> :pid "
                    "AND query NOT LIKE 'UPDATE audit_records SET prev_hash%'"
                ),
                {"pid": own_pid},
            ).scalar_one()
        )
    finally:
        conn.rollback()


def test_the_last_parts_of_a_stage_completing_at_once_open_the_next_stage(service) -> None:
    if service.backend != "postgresql":
        pytest.skip("SQLite writers cannot overlap (BEGIN IMMEDIATE)")
    w05 = token_for(service, "demo-clerk-w05", window_code="W05")
    taken = post_joint(service, w05, joint_body())
    assert taken.status_code == 201, taken.text
    joint = taken.json()["joint_case"]
    workers = {
        "DEMO-FG-004": token_for(service, "demo-clerk-p01", window_code="P01"),
        "DEMO-ZR-004": token_for(service, "demo-clerk-p02", window_code="P02"),
        "DEMO-WL-001": token_for(service, "demo-clerk-p08", window_code="P08"),
    }
    fg = part_of(joint, "DEMO-FG-004")["case_no"]
    done = part_event(service, workers["DEMO-FG-004"], fg, "complete_approved")
    assert done.status_code == 201, done.text

    answers: dict[str, requests.Response] = {}

    def complete(item: str) -> None:
        no = part_of(joint, item)["case_no"]
        answers[item] = part_event(service, workers[item], no, "complete_approved")

    engine = create_engine(service.database_url)
    try:
        with engine.connect() as holder:
            own_pid = holder.execute(text("SELECT pg_backend_pid()")).scalar_one()
            # Writers of audit records wait (no advisory lock of theirs since migration 0025).
            holder.execute(text("LOCK TABLE audit_records IN SHARE MODE"))
            threads = [
                threading.Thread(target=complete, args=(item,))
                for item in ("DEMO-ZR-004", "DEMO-WL-001")
            ]
            for thread in threads:
                thread.start()
            with engine.connect() as watcher:
                deadline = time.monotonic() + 30
                while _waiting_on_locks(watcher, own_pid) < 2:  # both in, neither committed
                    assert time.monotonic() < deadline, "the two writers never overlapped"
                    time.sleep(0.05)
            holder.rollback()  # both go on and commit
            for thread in threads:
                thread.join(timeout=60)
    finally:
        engine.dispose()
    assert {item: a.status_code for item, a in answers.items()} == {
        "DEMO-ZR-004": 201,
        "DEMO-WL-001": 201,
    }, {item: a.text for item, a in answers.items()}

    after = get_joint(service, w05, joint["joint_no"]).json()["joint_case"]
    stages = {s["code"]: s for s in after["stages"]}
    assert stages["S1"]["state"] == "complete" and stages["S1"]["completed_at"]
    assert stages["S2"]["state"] == "open" and stages["S2"]["opened_at"]
    assert stages["S2"]["due_date"]
    # Its parts got the stage's due date, so their departments' desks may work them.
    assert part_of(after, "DEMO-ZR-005")["due_date"] == stages["S2"]["due_date"]
    later = part_of(after, "DEMO-ZR-005")["case_no"]
    assert part_event(service, workers["DEMO-ZR-004"], later, "accept").status_code == 201
