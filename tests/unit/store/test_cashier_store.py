"""The offline cashier in the local file (issue 17, ``store.cashier``, schema step 11): a cash
payment, its paper receipt number and ONE outbox row in one transaction; numbers taken in
order from the cashier's stock, never twice, none skipped when a payment is refused; the
stock pulled again never goes back; the body is what the service's ``PaymentCreate``
accepts."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest

from clerk_app.core.clock import CENTER_TZ
from clerk_app.store import cashier as cashier_store
from clerk_app.store.cashier import NoPaperStock, PaidHereAlready, StockRange
from records_service.fee_schemas import PaymentCreate

PAID_AT = datetime(2026, 11, 28, 10, 5, tzinfo=CENTER_TZ)


def _take(store, notice_no: str, *, cashier: str = "demo-cashier", amount: int = 3550):
    payment_id = str(uuid.uuid4())
    body = {
        "id": payment_id,
        "notice": notice_no,
        "method": "cash",
        "amount_fen": amount,
        "received_fen": 5000,
        "reference": "",
        "cashier": cashier,
        "paid_at": PAID_AT.isoformat(),
    }
    return cashier_store.take_paper_payment(
        store,
        payment_id=payment_id,
        notice_no=notice_no,
        cashier=cashier,
        amount_fen=amount,
        received_fen=5000,
        paid_at=PAID_AT,
        to_confirm=False,
        notice={"notice_no": notice_no},
        outbox_body=body,
    )


def _payment_rows(store) -> list:
    return [r for r in store.outbox_rows() if r.kind == cashier_store.KIND_PAYMENT]


def test_forms_go_in_order_once_each_with_one_outbox_row(store) -> None:
    cashier_store.keep_stock(
        store,
        [
            StockRange("13010201", 1, 2, "demo-cashier", 1),
            StockRange("13010201", 101, 200, "demo-cashier", 101),
            StockRange("13010201", 201, 300, "other-cashier", 201),
        ],
    )
    taken = [_take(store, f"JK-W01-20261128-{n:06d}") for n in range(1, 4)]
    assert [(p.receipt_code, p.receipt_number) for p in taken] == [
        ("13010201", "00000001"),
        ("13010201", "00000002"),
        ("13010201", "00000101"),
    ]
    assert [p.change_fen for p in taken] == [1450] * 3
    rows = _payment_rows(store)
    assert len(rows) == 3 and {r.case_id for r in rows} == {None}
    assert [r.idempotency_key for r in rows] == [p.id for p in taken]
    sent = PaymentCreate.model_validate(rows[0].body)  # what the service accepts
    assert (sent.receipt.kind, sent.receipt.code, sent.receipt.number) == (
        "paper",
        "13010201",
        "00000001",
    )
    assert all(p.center == "waiting" for p in cashier_store.paper_payments(store))
    left = {(r.first, r.left) for r in cashier_store.stock(store, "demo-cashier")}
    assert left == {(1, 0), (101, 99)}


def test_a_refused_payment_takes_no_number_and_writes_nothing(store) -> None:
    cashier_store.keep_stock(store, [StockRange("13010201", 1, 1, "demo-cashier", 1)])
    first = _take(store, "JK-W01-20261128-000001")
    # The same notice again: refused, the blank form is not used up.
    cashier_store.keep_stock(store, [StockRange("13010201", 5, 9, "demo-cashier", 5)])
    with pytest.raises(PaidHereAlready):
        _take(store, "JK-W01-20261128-000001")
    assert _take(store, "JK-W01-20261128-000002").receipt_number == "00000005"
    # Another cashier's stock is not this one's; no stock left: refused, nothing written.
    with pytest.raises(NoPaperStock):
        _take(store, "JK-W01-20261128-000003", cashier="nobody")
    assert len(_payment_rows(store)) == 2
    assert [p.receipt_number for p in cashier_store.paper_payments(store)] == [
        first.receipt_number,
        "00000005",
    ]
    # The center says the form was sent and taken: its answer is kept with the payment.
    row = _payment_rows(store)[0]
    store.mark_sent(row.id, 201, {"notice": {"payment_code": "1301"}, "payment": {}})
    sent = cashier_store.paper_payment(store, first.id)
    assert sent is not None and sent.center == "sent"
    assert sent.answer is not None and sent.answer["notice"]["payment_code"] == "1301"


def test_a_pull_never_moves_the_next_form_back_nor_past_the_end(store) -> None:
    cashier_store.keep_stock(store, [StockRange("13010201", 1, 10, "demo-cashier", 1)])
    _take(store, "JK-W01-20261128-000001")
    _take(store, "JK-W01-20261128-000002")
    # A pull made before those reached the center still says form 1 is next.
    cashier_store.keep_stock(store, [StockRange("13010201", 1, 10, "demo-cashier", 1)])
    assert _take(store, "JK-W01-20261128-000003").receipt_number == "00000003"
    # The center saw forms up to 7 used or voided (another desk of the same cashier).
    cashier_store.keep_stock(store, [StockRange("13010201", 1, 10, "demo-cashier", 8)])
    assert _take(store, "JK-W01-20261128-000004").receipt_number == "00000008"
    cashier_store.keep_stock(store, [StockRange("13010201", 1, 10, "demo-cashier", 99)])
    assert cashier_store.stock(store, "demo-cashier")[0].left == 0


def test_pulled_notices_are_found_by_number_or_code_and_replaced_by_a_pull(store) -> None:
    one = cashier_store.PulledNotice("JK-W01-20261128-000001", "1301", 3550, {"x": 1})
    two = cashier_store.PulledNotice("JK-W01-20261128-000002", "", 100, {"x": 2})
    assert cashier_store.keep_notices(store, [one, two]) == 2
    assert cashier_store.pulled_notice(store, "1301") == one
    assert cashier_store.pulled_notice(store, "JK-W01-20261128-000002") == two
    assert cashier_store.pulled_notice(store, "") is None  # no code is not a match
    cashier_store.keep_notices(store, [two])  # one was paid elsewhere
    assert cashier_store.pulled_notice(store, "1301") is None
    assert cashier_store.pulled_at(store) is not None


def test_the_same_notice_is_refused_in_a_keyed_file_too(tmp_path) -> None:
    """The desk's file is SQLCipher's: its unique-notice error is sqlcipher3's, not the
    stdlib's, and still says the notice was paid here."""
    from clerk_app.core.clock import FixedClock
    from clerk_app.store import Database, LocalStore

    db = Database(tmp_path / "keyed.db", key="ab" * 32)
    store = LocalStore(db, FixedClock(PAID_AT))
    try:
        assert db.encrypted
        cashier_store.keep_stock(store, [StockRange("13010201", 1, 9, "demo-cashier", 1)])
        _take(store, "JK-W01-20261128-000001")
        with pytest.raises(PaidHereAlready):
            _take(store, "JK-W01-20261128-000001")
        assert len(_payment_rows(store)) == 1
    finally:
        db.close()
