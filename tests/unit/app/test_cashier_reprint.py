"""Duplicates (副本) of the settlement center's documents from the desk's archive (issue 17,
app.cashier_reprint): a receipt, a daily-close sheet and a refund voucher issued on a desk
whose link is down are listed by day and kind, printed again marked 副本 / DUPLICATE with
the original's number and date, and each print is recorded (journal and audit outbox row,
who and when). A damaged kept file is said, not crashed on."""

from __future__ import annotations

from datetime import timedelta

import pytest

from clerk_app.app import cashier, cashier_close, cashier_reprint
from clerk_app.documents.render import format_date_zh
from tests.helpers import fee_duplicates as fd
from tests.helpers.documents import flat, pdf_text
from tests.helpers.offline import clock, make_context  # noqa: F401 - fixtures

pytestmark = pytest.mark.usefixtures("qapp")
#: Nothing listens here: the desk is offline throughout.
NO_SERVICE = "http://127.0.0.1:9"


def test_a_receipt_is_printed_again_as_a_duplicate_with_its_number_and_date(
    make_context,  # noqa: F811
    clock,  # noqa: F811
) -> None:
    ctx = make_context(NO_SERVICE, home="s01", window_code="S01")
    session = fd.cashier_session()
    paid_at = clock.now()
    original = cashier.issue_receipt(ctx, session, fd.taken_payment(paid_at), paper="roll80")
    assert "副本" not in pdf_text(original.path)
    day = fd.center_day(paid_at)

    clock.advance(timedelta(days=3, hours=2))  # asked for days later, by another cashier
    found, unreadable = cashier_reprint.archived(ctx, day - timedelta(days=1), day)
    assert unreadable == 0
    assert [(d.kind, d.number, d.amount_fen, d.duplicates) for d in found] == [
        ("receipt", "13010126 0012345678", 3550, 0)
    ]
    other = fd.cashier_session("demo-cashier-2")
    duplicate = cashier_reprint.print_duplicate(ctx, other, found[0])

    text = flat(pdf_text(duplicate.path))
    assert "副本/DUPLICATE" in text
    assert "0012345678" in text and "13010126" in text and "叁拾伍元伍角" in text
    assert format_date_zh(day) in text  # the original's date, not the reprint's
    assert format_date_zh(fd.center_day(clock.now())) not in text
    assert duplicate.rendered.page == "roll80"  # on the paper it was issued on
    assert duplicate.path.exists() and duplicate.path != original.path

    [row] = [r for r in ctx.backend.store.outbox_rows("pending") if r.id and _duplicate(r)]
    [event] = row.body["events"]
    assert (event["action"], event["actor"], event["target"]) == (
        "fee.duplicate",
        "demo-cashier-2",
        "receipt 13010126 0012345678",
    )
    assert event["detail"]["issued_at"] == paid_at.isoformat()
    assert any("duplicate of receipt" in m for _, _, m in ctx.backend.store.journal_entries())
    again, _ = cashier_reprint.archived(ctx, day, day)
    assert again[0].duplicates == 1 and duplicate.document.duplicates == 1


def _duplicate(row) -> bool:
    return any(e.get("action") == "fee.duplicate" for e in row.body.get("events", []))


def test_a_close_sheet_and_a_refund_voucher_are_listed_by_kind_and_duplicated(
    make_context,  # noqa: F811
    clock,  # noqa: F811
) -> None:
    ctx = make_context(NO_SERVICE, home="s01", window_code="S01")
    session = fd.cashier_session()
    now = clock.now()
    day = fd.center_day(now)
    cashier_close.close_document(ctx, session, fd.closed_sheet(day, now))
    cashier_reprint.keep_for_duplicate(ctx, fd.refund_voucher(now))
    cashier.issue_receipt(ctx, session, fd.taken_payment(now))

    everything, _ = cashier_reprint.archived(ctx, day, day)
    assert sorted(d.kind for d in everything) == ["close", "receipt", "refund"]
    [close] = cashier_reprint.archived(ctx, day, day, ("close",))[0]
    text = flat(pdf_text(cashier_reprint.print_duplicate(ctx, session, close).path))
    assert "副本/DUPLICATE" in text and "日结单" in text and "DEP-20261206-01" in text
    assert "短款¥0.50" in text
    [refund] = cashier_reprint.archived(ctx, day, day, ("refund",))[0]
    assert refund.number == fd.VOUCHER_NO
    text = flat(pdf_text(cashier_reprint.print_duplicate(ctx, session, refund).path))
    assert "副本/DUPLICATE" in text and fd.VOUCHER_NO in text and "重复缴费" in text


def test_a_damaged_kept_file_is_left_out_and_refused_in_words(
    make_context,  # noqa: F811
    clock,  # noqa: F811
) -> None:
    ctx = make_context(NO_SERVICE, home="s01", window_code="S01")
    now = clock.now()
    day = fd.center_day(now)
    cashier.issue_receipt(ctx, fd.cashier_session(), fd.taken_payment(now))
    [entry], _ = cashier_reprint.archived(ctx, day, day)
    entry.path.write_bytes(b"not a sealed document")
    found, unreadable = cashier_reprint.archived(ctx, day, day)
    assert (found, unreadable) == ([], 1)
    with pytest.raises(cashier_reprint.DuplicateRefused) as refused:
        cashier_reprint.print_duplicate(ctx, fd.cashier_session(), entry)
    assert refused.value.code == "unreadable"
    assert not list(entry.path.parent.glob("*-duplicate-*.pdf"))  # nothing printed
    with pytest.raises(cashier_reprint.DuplicateRefused) as backwards:
        cashier_reprint.archived(ctx, day, day - timedelta(days=1))
    assert backwards.value.code == "range"
