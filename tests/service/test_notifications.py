"""The notification outbox (issue 19): a case completed at the window writes its
notification with the event; ``notifications.deliver`` (``clerk-records notify``) hands
each to the sender once: a sender failing twice loses nothing and doubles nothing, a
failed one waits its backoff and is given up after ``MAX_ATTEMPTS`` (named by ``notify``,
exit 2), two runs at once send nothing twice. The default sender's files in the SMS
gateway's folder. On SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
import json
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest

from records_service import notifications
from records_service.db import Database
from tests.helpers.hall_queue import MONDAY, Hall, hall_service
from tests.helpers.service_api import case_body


@pytest.fixture
def hall(demo_databases) -> Iterator[Hall]:
    with hall_service(demo_databases) as running:
        yield running


@pytest.fixture
def database(hall: Hall) -> Iterator[Database]:
    db = Database(hall.service.database_url)
    try:
        yield db
    finally:
        db.dispose()


class FlakySender:
    """The gateway's folder sender, unreachable for its first ``failures`` calls."""

    def __init__(self, folder: Path, failures: int) -> None:
        self.inner = notifications.FolderSender(folder)
        self.failures = failures
        self.calls = 0
        self.sent: Counter[str] = Counter()

    def send(self, message: notifications.Message) -> None:
        self.calls += 1
        if self.calls <= self.failures:
            raise OSError("gateway share not mounted")
        self.inner.send(message)
        self.sent[message.id] += 1


def complete_a_case(hall: Hall) -> str:
    clerk = hall.token("demo-clerk", "W01")
    body = case_body(seq=int(uuid.uuid4().int % 900000) + 1)
    created = hall.post("/cases", clerk, body, key=body["id"])
    assert created.status_code == 201, created.text
    event = {
        "id": str(uuid.uuid4()),
        "type": "complete_approved",
        "at": "2026-11-30T09:40:00+08:00",
        "note": "",
    }
    done = hall.post(f"/cases/{body['case_no']}/events", clerk, event, key=event["id"])
    assert done.status_code == 201, done.text
    return body["case_no"]


def test_a_completed_case_tells_its_applicant_once(hall: Hall, database, tmp_path) -> None:
    hall.set_time(MONDAY)
    case_no = complete_a_case(hall)
    rows = hall.sql(
        "SELECT kind, recipient_masked, recipient, attempts, sent_at FROM notifications "
        "WHERE related_no = :no",
        no=case_no,
    )
    assert rows == [("completed", "138****8000", "13800138000", 0, None)]
    folder = tmp_path / "sms"
    done = notifications.deliver(database, notifications.FolderSender(folder), hall.clock)
    assert (done.sent, done.failed) == (1, 0)
    [file] = list(folder.glob("*.json"))
    message = json.loads(file.read_text(encoding="utf-8"))
    assert (message["format"], message["kind"], message["to"]) == (1, "completed", "13800138000")
    assert case_no in message["text"] and "已办结" in message["text"]
    assert message["related_no"] == case_no
    assert file.name == f"{message['id']}.json"
    assert not list(folder.glob(".*"))  # no half-written file left for the gateway
    again = notifications.deliver(database, notifications.FolderSender(folder), hall.clock)
    assert (again.sent, again.failed) == (0, 0)
    assert len(list(folder.glob("*.json"))) == 1


def test_a_sender_failing_twice_loses_nothing_and_doubles_nothing(
    hall: Hall, database, tmp_path
) -> None:
    hall.set_time(MONDAY)
    with database.write() as session:
        for n, kind in enumerate(("prereview", "supplement", "complaint_answered")):
            notifications.enqueue(
                session,
                kind=kind,
                recipient=f"1390000000{n}",
                text=f"通知{n}",
                related_no=f"X-{n}",
                now=MONDAY,
            )
        assert (
            notifications.enqueue(
                session, kind="completed", recipient=" ", text="x", related_no=None, now=MONDAY
            )
            is None
        )  # nobody to tell: nothing written
    folder = tmp_path / "sms"
    sender = FlakySender(folder, failures=6)  # the first two runs fail for all three
    for run, minute in ((1, 1), (2, 2)):  # due again 1 minute after the first failure
        hall.set_time(MONDAY + timedelta(minutes=minute))
        done = notifications.deliver(database, sender, hall.clock)
        assert (done.sent, done.failed) == (0, 3)
        rows = hall.sql("SELECT attempts, last_error, sent_at FROM notifications")
        assert rows == [(run, "OSError: gateway share not mounted", None)] * 3
    assert not list(folder.glob("*.json"))
    # 2 minutes after the second failure: a run before then tries nothing.
    hall.set_time(MONDAY + timedelta(minutes=3))
    assert notifications.deliver(database, sender, hall.clock) == notifications.Delivery()
    assert sender.calls == 6
    hall.set_time(MONDAY + timedelta(minutes=4))
    done = notifications.deliver(database, sender, hall.clock)
    assert (done.sent, done.failed) == (3, 0)
    assert notifications.deliver(database, sender, hall.clock).sent == 0
    assert sorted(sender.sent.values()) == [1, 1, 1]
    files = {json.loads(p.read_text(encoding="utf-8"))["text"] for p in folder.glob("*.json")}
    assert files == {"通知0", "通知1", "通知2"}
    rows = hall.sql("SELECT attempts, last_error FROM notifications ORDER BY related_no")
    assert rows == [(3, None)] * 3
    sent_at = hall.sql("SELECT DISTINCT sent_at FROM notifications")
    assert len(sent_at) == 1 and sent_at[0][0] is not None


def _attempts(hall: Hall) -> tuple:
    return hall.sql(
        "SELECT attempts, next_attempt_at IS NULL, failed_at IS NULL FROM notifications"
    )[0]


def test_a_notification_failing_every_time_backs_off_and_is_given_up_and_named(
    hall: Hall, database, tmp_path, capsys
) -> None:
    from records_service.cli import main

    hall.set_time(MONDAY)
    with database.write() as session:
        notifications.enqueue(
            session,
            kind="supplement",
            recipient="13900000009",
            text="请补正材料",
            related_no="YS-X-1",
            now=MONDAY,
        )
    sender = FlakySender(tmp_path / "sms", failures=10**6)  # the gateway never answers
    now, runs, waits = MONDAY, 0, []
    while True:  # a run every minute, as cron would, for five hours
        runs += 1
        hall.set_time(now)
        before = sender.calls
        done = notifications.deliver(database, sender, hall.clock)
        if sender.calls > before:
            waits.append(now)
        if done.given_up:
            break
        now += timedelta(minutes=1)
        assert now < MONDAY + timedelta(hours=5), "never given up"
    assert len(waits) == notifications.MAX_ATTEMPTS
    gaps = [(b - a) // timedelta(minutes=1) for a, b in itertools.pairwise(waits)]
    assert gaps == [1, 2, 4, 8, 16, 32, 60, 60, 60]  # doubling, at most an hour
    assert runs > notifications.MAX_ATTEMPTS * 10  # most runs passed it over
    assert _attempts(hall) == (notifications.MAX_ATTEMPTS, True, False)
    # Never tried again, however many runs follow; nothing lost: it is still in the table.
    hall.set_time(now + timedelta(days=1))
    assert notifications.deliver(database, sender, hall.clock) == notifications.Delivery()
    assert sender.calls == notifications.MAX_ATTEMPTS
    # clerk-records notify names it (masked, no phone number) and exits 2, on every run.
    folder = tmp_path / "gateway"
    argv = ["--database-url", hall.service.database_url, "notify", "--folder", str(folder)]
    capsys.readouterr()
    assert main(argv) == 2
    out = capsys.readouterr().out
    assert "0 sent, 0 failed (tried again later), 1 given up after 10 attempts" in out
    [line] = [x for x in out.splitlines() if x.startswith("given up:")]
    assert "supplement to 139****0009 about YS-X-1 after 10 attempts" in line
    assert "OSError: gateway share not mounted" in line and "13900000009" not in out
    assert main(argv) == 2
    # Mended: --retry-failed makes it due again, and the real folder sender delivers it.
    assert main([*argv, "--retry-failed"]) == 0
    assert "1 given-up notifications due again" in capsys.readouterr().out
    [file] = folder.glob("*.json")
    assert json.loads(file.read_text(encoding="utf-8"))["text"] == "请补正材料"
    assert hall.sql("SELECT sent_at IS NOT NULL, failed_at FROM notifications") == [(1, None)]


def test_two_runs_at_once_send_each_notification_once(hall: Hall, database, tmp_path) -> None:
    hall.set_time(MONDAY)
    with database.write() as session:
        for n in range(20):
            notifications.enqueue(
                session,
                kind="supplement",
                recipient=f"138{n:08d}",
                text=f"补正{n}",
                related_no=None,
                now=MONDAY,
            )
    sender = FlakySender(tmp_path / "sms", failures=0)
    with ThreadPoolExecutor(2) as pool:
        runs = list(
            pool.map(lambda _: notifications.deliver(database, sender, hall.clock), range(2))
        )
    assert sum(r.sent for r in runs) == 20 and sum(r.failed for r in runs) == 0
    assert len(sender.sent) == 20 and set(sender.sent.values()) == {1}
    assert hall.sql("SELECT count(*) FROM notifications WHERE sent_at IS NULL") == [(0,)]


def test_clerk_records_notify_writes_the_gateway_files(hall: Hall, database, tmp_path) -> None:
    from records_service.cli import main

    with database.write() as session:
        notifications.enqueue(
            session,
            kind="prereview",
            recipient="13700000001",
            text="预审通过",
            related_no=None,
            now=MONDAY,
        )
    folder = tmp_path / "gateway"
    argv = ["--database-url", hall.service.database_url, "notify", "--folder", str(folder)]
    assert main(argv) == 0
    [file] = folder.glob("*.json")
    assert json.loads(file.read_text(encoding="utf-8"))["text"] == "预审通过"
    assert main(argv) == 0 and len(list(folder.glob("*.json"))) == 1
