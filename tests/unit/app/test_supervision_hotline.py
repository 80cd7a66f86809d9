"""The supervisor's 12345 use cases without a service (``clerk_app.app.supervision_hotline``):
the deadline typed for an extension, input refused before anything is sent, the order read
from the wire (content masked, the deadline it works to, late or not); the whole flow
against a real service: tests/gui/supervision/test_supervision_hotline.py."""

from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest

from clerk_app.app import supervision_hotline as hotline
from clerk_app.app.supervision import SupervisionRefused
from clerk_app.core.clock import CENTER_TZ, FixedClock

NOW = datetime(2026, 11, 30, 9, 30, tzinfo=CENTER_TZ)
#: Nothing may be sent: any use of the backend fails the test.
NO_BACKEND = SimpleNamespace(clock=FixedClock(NOW))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-01 18:00", datetime(2026, 12, 1, 18, 0, tzinfo=CENTER_TZ)),
        (" 2026-12-01T08:05 ", datetime(2026, 12, 1, 8, 5, tzinfo=CENTER_TZ)),
        ("2026-12-01", datetime(2026, 12, 1, 23, 59, tzinfo=CENTER_TZ)),
        ("2026-12-32", None),
        ("tomorrow", None),
        ("", None),
    ],
)
def test_the_deadline_typed_for_an_extension(typed: str, expected: datetime | None) -> None:
    assert hotline.parse_deadline(typed) == expected


@pytest.mark.parametrize(
    ("reason", "deadline", "fields"),
    [
        ("", "2026-12-01 18:00", ("reason",)),
        ("waiting for the power company", "2026-11-30 09:00", ("answer_due_at",)),
        (" ", "soon", ("reason", "answer_due_at")),
    ],
)
def test_an_incomplete_extension_is_refused_before_anything_is_sent(
    reason: str, deadline: str, fields: tuple[str, ...]
) -> None:
    with pytest.raises(SupervisionRefused) as refused:
        hotline.extend(NO_BACKEND, None, "RX-1", reason, deadline)  # type: ignore[arg-type]
    assert (refused.value.code, refused.value.fields) == ("invalid", fields)


def test_a_return_without_a_reason_or_an_assignment_without_a_department_sends_nothing() -> None:
    with pytest.raises(SupervisionRefused) as refused:
        hotline.return_order(NO_BACKEND, None, "RX-1", "  ")  # type: ignore[arg-type]
    assert refused.value.fields == ("reason",)
    with pytest.raises(SupervisionRefused) as refused:
        hotline.assign(NO_BACKEND, None, "RX-1", " ")  # type: ignore[arg-type]
    assert refused.value.fields == ("department_code",)


def _wire(**change: object) -> dict:
    return {
        "no": "RX-1",
        "kind": "help",
        "title": "路灯不亮",
        "content": "请回电13912345678，身份证110105194912310029",
        "caller": "李* 139****5678",
        "status": "received",
        "department_code": None,
        "sign_due_at": "2026-11-30T10:30:00+08:00",
        "answer_due_at": "2026-11-30T13:30:00+08:00",
        "sign_late": False,
        "overdue": False,
        "extension": None,
        "complaint_no": None,
        **change,
    }


def test_an_order_from_the_wire_masks_its_content_and_works_to_the_right_deadline() -> None:
    received = hotline.order_from_wire(_wire())
    assert "13912345678" not in received.content and "139****5678" in received.content
    assert "110105194912310029" not in received.content
    assert received.due == datetime(2026, 11, 30, 10, 30, tzinfo=CENTER_TZ)  # to sign
    assert received.time_left(NOW) == timedelta(hours=1) and not received.is_late(NOW)
    assert received.is_late(NOW + timedelta(hours=1, minutes=1))

    assigned = hotline.order_from_wire(_wire(status="assigned", department_code="GA"))
    assert assigned.due == datetime(2026, 11, 30, 13, 30, tzinfo=CENTER_TZ)  # to answer
    assert not assigned.is_late(NOW + timedelta(hours=2))  # past signing, not answering
    assert hotline.order_from_wire(_wire(status="assigned", overdue=True)).is_late(NOW)
    with pytest.raises(Exception, match="not a work order"):
        hotline.order_from_wire(_wire(status=None) | {"no": None} | {"sign_due_at": "x"})


def test_a_sent_back_order_from_the_wire_says_why_with_numbers_masked() -> None:
    redo = {"reason": "来电人13912345678仍不满意", "at": "2026-11-30T15:30:00+08:00"}
    order = hotline.order_from_wire(_wire(status="redo", redo=redo | {"previous_answer": "x"}))
    assert order.redo_reason == "来电人139****5678仍不满意"
    assert hotline.order_from_wire(_wire(redo=None)).redo_reason == ""
