"""Fee rules: assessment from the catalog, notice numbers, waivers, payments in full with
change for cash, cancellation, refunds, the close's difference and paper receipt stock."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_app.core.catalog import Catalog, Item
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.fees import (
    WAIVER_REASONS,
    FeeRuleError,
    NoticeLine,
    NoticeNo,
    PaymentNotice,
    Receipt,
    ReceiptRange,
    Waiver,
    assess,
    cancel_notice,
    cash_difference,
    check_ranges,
    check_refund,
    check_waiver,
    format_notice_no,
    net_lines,
    notice_total,
    parse_notice_no,
    take_payment,
)

ROOT = Path(__file__).resolve().parents[3]
AT = datetime(2026, 12, 6, 9, 30, tzinfo=CENTER_TZ)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.from_dict(
        json.loads((ROOT / "resources/catalog/demo_catalog.json").read_text("utf-8"))
    )


def _item(catalog: Catalog, code: str) -> Item:
    item = catalog.item(code)
    assert item is not None
    return item


def _notice(lines, waiver=None, **changes) -> PaymentNotice:
    values = {
        "id": "0b6f3d1e-6c1a-4a53-9a43-2f5e4c7d9a10",
        "notice_no": "JK-W07-20261206-000001",
        "case_no": "HS-W07-20261206-000003",
        "window_code": "W07",
        "department_code": "ZR",
        "payer_name": "李四",
        "payer_id_type": "resident_id",
        "payer_id_number": "130102199001011234",
        "lines": lines,
        "waiver": waiver,
        "total_fen": notice_total(lines, waiver),
        "issued_at": AT,
        "clerk": "zhao",
    }
    values.update(changes)
    return PaymentNotice(**values)


# -- assessment ------------------------------------------------------------------------------


def test_assess_takes_every_fee_of_the_item_with_its_basis(catalog):
    lines = assess(_item(catalog, "DEMO-ZR-001"))
    assert [(line.fee_name, line.amount_fen, line.waivable) for line in lines] == [
        ("不动产登记费（非住宅，每件）", 55000, True),
        ("不动产权属证书工本费（第二本起每本）", 1000, False),
    ]
    assert all(line.item_code == "DEMO-ZR-001" for line in lines)
    assert "发改价格规〔2016〕2559号" in lines[0].basis
    assert notice_total(lines) == 56000


def test_assess_refuses_an_item_without_fees(catalog):
    free = next(item for item in catalog.items if not item.fees)
    with pytest.raises(FeeRuleError) as caught:
        assess(free)
    assert caught.value.code == "no_fees"


# -- notice numbers ----------------------------------------------------------------------------


def test_notice_number_reads_window_day_and_sequence():
    assert format_notice_no("W07", date(2026, 12, 6), 1) == "JK-W07-20261206-000001"
    assert parse_notice_no(" jk-w07-20261206-000001 ") == NoticeNo("W07", date(2026, 12, 6), 1)


@pytest.mark.parametrize(
    "text",
    [
        "HS-W07-20261206-000001",
        "JK-W07-20261306-000001",
        "JK-W07-20261206-000000",
        "JK-w 7-20261206-000001",
        "JK-W07-20261206-1",
        "",
    ],
)
def test_what_is_not_a_notice_number_is_refused(text):
    with pytest.raises(ValueError):
        parse_notice_no(text)


@pytest.mark.parametrize(("window", "seq"), [("w07", 1), ("W07", 0), ("W07", 1_000_000)])
def test_notice_number_parts_are_checked(window, seq):
    with pytest.raises(ValueError):
        format_notice_no(window, date(2026, 12, 6), seq)


@given(
    st.from_regex(r"[A-Z0-9]{1,8}", fullmatch=True),
    st.dates(min_value=date(2000, 1, 1), max_value=date(9999, 12, 31)),
    st.integers(min_value=1, max_value=999_999),
)
def test_notice_numbers_round_trip(window, day, seq):
    assert parse_notice_no(format_notice_no(window, day, seq)) == (window, day, seq)


# -- waivers -----------------------------------------------------------------------------------


def test_waiver_reasons_are_the_listed_five():
    assert set(WAIVER_REASONS.values()) == {"低保", "特困", "残疾", "优抚", "其他依规减免"}


def test_a_waiver_of_a_waivable_fee_lowers_the_total(catalog):
    lines = assess(_item(catalog, "DEMO-GA-001"))
    waiver = check_waiver(lines, Waiver("subsistence", 2000), approval_above_fen=5000)
    notice = _notice(lines, waiver)
    assert notice.gross_fen == 2000
    assert notice.total_fen == 0
    assert waiver.reason_text == "低保"


@pytest.mark.parametrize(
    ("code", "waiver", "rule"),
    [
        ("DEMO-GA-003", Waiver("disability", 100), "not_waivable"),
        ("DEMO-GA-001", Waiver("rich", 100), "unknown_reason"),
        ("DEMO-GA-001", Waiver("disability", 2001), "waiver_too_large"),
        ("DEMO-GA-001", Waiver("disability", 0), "waiver_too_large"),
        ("DEMO-ZR-001", Waiver("disability", 55001, approved_by="lead"), "waiver_too_large"),
        ("DEMO-GA-001", Waiver("other", 100, note=" "), "empty_note"),
        ("DEMO-ZR-001", Waiver("destitute", 5001), "approval_needed"),
    ],
)
def test_a_waiver_against_the_rules_is_refused(catalog, code, waiver, rule):
    with pytest.raises(FeeRuleError) as caught:
        check_waiver(assess(_item(catalog, code)), waiver, approval_above_fen=5000)
    assert caught.value.code == rule


def test_a_large_waiver_passes_with_a_leads_approval(catalog):
    lines = assess(_item(catalog, "DEMO-ZR-001"))
    waiver = Waiver("destitute", 55000, approved_by="lead.zhou")
    assert check_waiver(lines, waiver, approval_above_fen=5000) is waiver
    assert _notice(lines, waiver).total_fen == 1000


def test_the_waiver_comes_off_the_waivable_fees_only(catalog):
    lines = assess(_item(catalog, "DEMO-ZR-001"))
    nets = net_lines(lines, Waiver("entitled", 50000, approved_by="lead"))
    assert [net for _line, net in nets] == [5000, 1000]
    assert sum(net for _line, net in nets) == notice_total(lines, Waiver("entitled", 50000))


def test_a_notice_total_must_be_the_fees_less_the_waiver(catalog):
    lines = assess(_item(catalog, "DEMO-ZR-002"))
    with pytest.raises(FeeRuleError) as caught:
        _notice(lines, total_fen=8000)
    assert caught.value.code == "amount_mismatch"


def test_amounts_are_whole_fen_never_floats():
    with pytest.raises(TypeError):
        NoticeLine("X", "工本费", 20.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        NoticeLine("X", "工本费", -1)


# -- payments ----------------------------------------------------------------------------------


def test_cash_pays_in_full_and_gets_change(catalog):
    notice = _notice(assess(_item(catalog, "DEMO-ZR-001")))
    paid, payment = take_payment(
        notice,
        payment_id="p1",
        method="cash",
        received_fen=60000,
        cashier="qian",
        paid_at=AT,
        receipt=Receipt("paper", "冀财准印01", "0000000001"),
    )
    assert paid.status == "paid"
    assert (payment.amount_fen, payment.received_fen, payment.change_fen) == (56000, 60000, 4000)


def test_a_partial_payment_is_refused(catalog):
    notice = _notice(assess(_item(catalog, "DEMO-ZR-001")))
    with pytest.raises(FeeRuleError) as caught:
        take_payment(
            notice, payment_id="p", method="cash", received_fen=55999, cashier="q", paid_at=AT
        )
    assert caught.value.code == "partial_payment"


@pytest.mark.parametrize(
    ("method", "received", "reference", "rule"),
    [
        ("card", 56001, "POS-1", "change_not_cash"),
        ("qr", 56000, " ", "reference_needed"),
        ("cheque", 56000, "X", "unknown_method"),
    ],
)
def test_card_and_qr_take_exactly_the_amount_with_a_reference(
    catalog, method, received, reference, rule
):
    notice = _notice(assess(_item(catalog, "DEMO-ZR-001")))
    with pytest.raises(FeeRuleError) as caught:
        take_payment(
            notice,
            payment_id="p",
            method=method,
            received_fen=received,
            reference=reference,
            cashier="q",
            paid_at=AT,
        )
    assert caught.value.code == rule


def test_a_notice_is_paid_once_and_cancelled_only_before(catalog):
    notice = _notice(assess(_item(catalog, "DEMO-GA-003")))
    paid, payment = take_payment(
        notice,
        payment_id="p",
        method="qr",
        received_fen=4000,
        reference="WX-42",
        cashier="q",
        paid_at=AT,
    )
    for action in (
        lambda: take_payment(
            paid, payment_id="p2", method="cash", received_fen=4000, cashier="q", paid_at=AT
        ),
        lambda: cancel_notice(paid),
    ):
        with pytest.raises(FeeRuleError) as caught:
            action()
        assert caught.value.code == "not_issued"
    assert cancel_notice(notice).status == "cancelled"
    assert check_refund(payment, 4000) == 4000
    with pytest.raises(FeeRuleError) as caught:
        check_refund(payment, 1000, refunded_fen=3500)
    assert caught.value.code == "refund_too_large"


def test_an_electronic_receipt_has_its_check_code():
    with pytest.raises(ValueError):
        Receipt("electronic", "13010126", "0000123456")
    receipt = Receipt("electronic", "13010126", "0000123456", "a1b2c3", "https://verify")
    assert replace(receipt, kind="paper").check_code == "a1b2c3"


# -- the close and the paper stock -------------------------------------------------------------


def test_the_close_names_a_shortfall_and_an_overage():
    assert cash_difference(1234550, 1234500) == ("short", 50)
    assert cash_difference(1000, 1200) == ("over", 200)
    assert cash_difference(1000, 1000) == ("even", 0)


def test_paper_numbers_come_from_the_range_in_order_skipping_used_and_voided():
    stock = ReceiptRange("冀财准印01", 101, 103, width=8, used=frozenset({"00000101"}))
    assert list(stock.numbers()) == ["00000101", "00000102", "00000103"]
    assert stock.next_unused(taken=["102"]) == "00000103"
    assert "00000102" in stock and "00000104" not in stock
    with pytest.raises(FeeRuleError) as caught:
        stock.next_unused(taken=["00000102", "00000103"])
    assert caught.value.code == "range_exhausted"


def test_overlapping_ranges_of_one_code_are_refused():
    a = ReceiptRange("冀财准印01", 1, 100)
    check_ranges([a, ReceiptRange("冀财准印01", 101, 200), ReceiptRange("冀财准印02", 50, 60)])
    with pytest.raises(FeeRuleError) as caught:
        check_ranges([a, ReceiptRange("冀财准印01", 100, 150)])
    assert caught.value.code == "range_overlap"
