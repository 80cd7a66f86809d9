"""12345 work orders (issue 19): a complaint order becomes a complaint (channel
``hotline``) when the center signs for it, and is assigned with it. On SQLite and
PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers.hall_queue import MONDAY, Hall, hall_service
from tests.helpers.hotline_client import HotlineClient


@pytest.fixture(scope="module")
def hall(demo_databases) -> Iterator[Hall]:
    with hall_service(demo_databases) as running:
        yield running


def step(hall: Hall, token: str, no: str, action: str, body: dict | None = None):
    return hall.post(f"/hotline/orders/{no}/{action}", token, body)


def test_a_complaint_order_becomes_a_complaint_when_signed(hall: Hall) -> None:
    hall.set_time(MONDAY)
    hotline = HotlineClient(hall.service.url(""), hall.machine("integration", "12345热线"))
    supervisor = hall.token("demo-supervisor")
    hotline.dispatch(
        "RX-300", "complaint", title="窗口态度差", content="办理户籍时工作人员态度恶劣。"
    )
    signed = step(hall, supervisor, "RX-300", "sign").json()
    complaint_no = signed["complaint_no"]
    assert complaint_no and complaint_no.startswith("TS-")
    rows = hall.sql(
        "SELECT channel, hotline_order_no, complainant_name, status FROM complaints WHERE no = :no",
        no=complaint_no,
    )
    assert rows == [("hotline", "RX-300", "李四", "open")]
    step(hall, supervisor, "RX-300", "assign", {"department_code": "GA"})
    assert hall.sql(
        "SELECT status, department_code FROM complaints WHERE no = :no", no=complaint_no
    ) == [("assigned", "GA")]
    # The department answers the order: its complaint is answered with it, and the
    # caller is told once through the notification outbox.
    clerk = hall.token("demo-clerk", "W01")
    answered = step(hall, clerk, "RX-300", "answer", {"answer": "已约谈当事窗口人员并致歉。"})
    assert answered.status_code == 200, answered.text
    assert hall.sql("SELECT status, answer FROM complaints WHERE no = :no", no=complaint_no) == [
        ("answered", "已约谈当事窗口人员并致歉。")
    ]
    told = hall.sql(
        "SELECT kind, recipient FROM notifications WHERE related_no = :no", no=complaint_no
    )
    assert told == [("complaint_answered", "13912345678")]
