"""Payment notices in the local file (issue 17, ``store.fees``): the notice and ONE outbox
row in one transaction, nothing without its case, a cancellation refused once the center
says paid, and the center's state kept; the body is what the service's ``NoticeCreate``
accepts."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import datetime

import pytest

from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.fees import FeeRuleError, NoticeLine, PaymentNotice, Waiver
from clerk_app.remote.wire import notice_from_wire, notice_to_wire
from clerk_app.store import fees as fee_store
from records_service.fee_schemas import NoticeCreate
from tests.helpers.store import add_case, make_payload


def a_notice(case_no: str, seq: int = 1, *, waiver: Waiver | None = None) -> PaymentNotice:
    lines = (
        NoticeLine("DEMO-GA-009", "机动车号牌工本费", 10000, "冀价行费〔2026〕1号", True),
        NoticeLine("DEMO-GA-009", "机动车行驶证工本费", 1000),
    )
    return PaymentNotice(
        id=str(uuid.uuid4()),
        notice_no=f"JK-W01-20261128-{seq:06d}",
        case_no=case_no,
        window_code="W01",
        department_code="GA",
        payer_name="张三",
        payer_id_type="resident_id",
        payer_id_number="110105194912310021",
        lines=lines,
        waiver=waiver,
        total_fen=11000 - (waiver.amount_fen if waiver else 0),
        issued_at=datetime(2026, 11, 28, 9, 40, tzinfo=CENTER_TZ),
        clerk="demo-clerk",
    )


def _notice_rows(store) -> list:
    return [r for r in store.outbox_rows() if r.kind.startswith("payment_notice")]


def test_a_notice_is_kept_with_one_outbox_row_behind_its_case(store) -> None:
    case = add_case(store, make_payload(1, item_code="DEMO-GA-009"))
    notice = a_notice(case.case_no, waiver=Waiver("subsistence", 2000))
    fee_store.save_notice(store, notice, outbox_body=notice_to_wire(notice))
    assert fee_store.get_notice(store, notice.notice_no) == notice
    assert fee_store.case_notices(store, case.case_no) == [notice]
    [row] = _notice_rows(store)
    assert (row.case_id, row.idempotency_key) == (case.id, notice.id)
    # The body is the service's NoticeCreate, and the codec reads a notice back.
    body = NoticeCreate.model_validate(row.body)
    assert body.total_fen == 9000 and body.waiver is not None
    assert notice_from_wire({**row.body, "department_code": "GA", "status": "issued"}) == notice

    with pytest.raises(sqlite3.IntegrityError):  # the same number twice: nothing written
        fee_store.save_notice(store, notice, outbox_body=notice_to_wire(notice))
    with pytest.raises(KeyError):  # no case here: nothing written
        other = a_notice("HS-W01-20261128-999999", 2)
        fee_store.save_notice(store, other, outbox_body=notice_to_wire(other))
    assert len(_notice_rows(store)) == 1
    assert fee_store.get_notice(store, "JK-W01-20261128-000002") is None


def test_a_paid_notice_cannot_be_cancelled_and_a_cancelled_one_stays_so(store) -> None:
    case = add_case(store, make_payload(1, item_code="DEMO-GA-009"))
    paid, issued = a_notice(case.case_no, 1), a_notice(case.case_no, 2)
    for notice in (paid, issued):
        fee_store.save_notice(store, notice, outbox_body=notice_to_wire(notice))
    assert fee_store.take_center_state(store, paid.notice_no, "paid", "13110026000001")
    assert not fee_store.take_center_state(store, "JK-W01-20261128-000009", "paid", "")
    kept = fee_store.get_notice(store, paid.notice_no)
    assert (kept.status, kept.payment_code) == ("paid", "13110026000001")
    with pytest.raises(FeeRuleError) as refused:
        fee_store.cancel_notice(store, paid.notice_no, cancel_id="x", outbox_body={})
    assert refused.value.code == "not_issued" and len(_notice_rows(store)) == 2

    key = str(uuid.uuid4())
    cancelled = fee_store.cancel_notice(
        store, issued.notice_no, cancel_id=key, outbox_body={"id": key, "reason": "开错了"}
    )
    assert cancelled.status == "cancelled"
    cancel_row = _notice_rows(store)[-1]
    assert cancel_row.path == f"/api/v1/payment-notices/{issued.notice_no}/cancel"
    assert cancel_row.idempotency_key == key and cancel_row.case_id == case.id
    # A pull before the cancellation reached the center does not undo it here.
    fee_store.take_center_state(store, issued.notice_no, "issued", "13110026000002")
    assert fee_store.get_notice(store, issued.notice_no).status == "cancelled"
