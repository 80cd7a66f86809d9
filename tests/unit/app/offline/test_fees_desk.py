"""The department window issues a payment notice (缴款通知书, issue 17, ``app.fees``) on
real files against a real service: with the link down, numbered from the window's own
sequence, saved with ONE outbox row and its PDF (amount in capitals); once the link is
back the center has exactly one notice (a lost reply resent), the payment code is pulled,
and a notice the center says is paid cannot be cancelled here."""

from __future__ import annotations

from datetime import timedelta

import pytest

from clerk_app.app import fees as fees_app
from clerk_app.app.catalog import load_catalog
from clerk_app.app.session import sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.app.take_in import save_intake
from clerk_app.core.fees import FeeRuleError, parse_notice_no
from clerk_app.remote.wire import notice_to_wire
from tests.helpers.documents import flat, pdf_text
from tests.helpers.fees_api import cashier, get, payment_body, write
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.workload import draft_for

#: 机动车号牌工本费 100.00 + 机动车行驶证工本费 10.00 (the demo catalog's fee standard).
pytestmark = pytest.mark.usefixtures("qapp")

ITEM = "DEMO-GA-009"


def _push_all(engine, clock) -> None:
    for _ in range(6):
        if engine.push_once().waiting == 0:
            return
        clock.advance(timedelta(minutes=10))
    raise AssertionError("the outbox did not empty")


def test_a_notice_issued_offline_reaches_the_center_once_and_gets_its_code(
    records_service, fault_proxy, make_context, clock
) -> None:
    ctx = make_context(fault_proxy.base_url)
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    catalog = load_catalog(ctx, session)
    item = catalog.get_item(ITEM)
    assert item is not None
    fault_proxy.set_faults("reset")  # the link is down from here

    case = save_intake(
        ctx, draft_for(item, 1), item, clerk=session.username, catalog_version=catalog.version
    )
    assert fees_app.has_fees(ctx, case.case_no)
    quote = fees_app.assess_case(ctx, case.case_no)
    assert (quote.total_fen, quote.figures, quote.capitals) == (11000, "110.00", "壹佰壹拾元整")

    issued = fees_app.issue_payment_notice(ctx, session, case.case_no)
    notice = issued.notice
    number = parse_notice_no(notice.notice_no)
    assert (number.window, number.day, number.seq) == ("W01", clock.today(), 1)
    assert [(ln.fee_name, ln.amount_fen) for ln in notice.lines] == [
        (f.name, f.amount_fen) for f in item.fees
    ]
    assert notice.total_fen == 11000 and notice.payer_name == case.applicant.name
    assert fees_app.case_notices(ctx, case.case_no) == [notice]
    # ONE outbox row for the notice: its wire body, keyed by the notice id, behind its case.
    store = ctx.backend.store
    [row] = [r for r in store.outbox_rows() if r.kind == "payment_notice"]
    assert (row.method, row.path, row.case_id) == ("POST", "/api/v1/payment-notices", case.id)
    assert row.idempotency_key == notice.id and row.body == notice_to_wire(notice)
    # The PDF: encrypted at rest, the amount in figures and capitals, the number.
    assert b"%PDF" not in issued.document.path.read_bytes()[:16]
    text = flat(pdf_text(issued.document.path))
    assert "壹佰壹拾元整" in text and "110.00" in text and notice.notice_no in text
    assert "机动车号牌工本费" in text

    engine = sync_engine(ctx, session)
    assert engine.push_once().sent == 0  # nothing goes while the link is down
    # The link returns but loses the answers once: the service applied what it got.
    fault_proxy.set_faults("lose_reply")
    clock.advance(timedelta(minutes=10))
    engine.push_once()
    fault_proxy.set_faults("pass")
    clock.advance(timedelta(minutes=10))
    _push_all(engine, clock)
    assert {r.state for r in store.outbox_rows()} == {"sent"}  # the PDF's record too

    token = session.access_token or ""
    listed = get(records_service, "/payment-notices", token, case_no=case.case_no).json()
    assert [n["notice_no"] for n in listed["items"]] == [notice.notice_no]
    assert listed["items"][0]["total_fen"] == 11000
    # The center's answer to the push brought the payment code the platform assigned; a
    # pull finds the same.
    answered = fees_app.load_notice(ctx, notice.notice_no).payment_code
    assert answered and answered == listed["items"][0]["payment_code"]
    pulled = fees_app.refresh_notice(ctx, session, notice.notice_no)
    assert pulled is not None and pulled.status == "issued" and pulled.payment_code == answered

    # Paid at the settlement window: the desk refuses to cancel it, writing nothing.
    paid = write(
        records_service,
        "/payments",
        cashier(records_service),
        payment_body(pulled.payment_code, 11000, received_fen=20000),
    )
    assert paid.status_code == 201, paid.text
    assert fees_app.refresh_notice(ctx, session, notice.notice_no).status == "paid"
    before = len(store.outbox_rows())
    with pytest.raises(FeeRuleError) as refused:
        fees_app.cancel_payment_notice(ctx, session, notice.notice_no, "开错了")
    assert refused.value.code == "not_issued"
    assert len(store.outbox_rows()) == before


def test_an_issued_notice_is_cancelled_offline_and_at_the_center(
    records_service, make_context, clock
) -> None:
    ctx = make_context(records_service.base_url)
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    catalog = load_catalog(ctx, session)
    item = catalog.get_item("DEMO-GA-003")
    assert item is not None
    case = save_intake(
        ctx, draft_for(item, 2), item, clerk=session.username, catalog_version=catalog.version
    )
    notice = fees_app.issue_payment_notice(ctx, session, case.case_no).notice
    assert "肆拾元整" in flat(pdf_text(_pdf(ctx, notice)))
    cancelled = fees_app.cancel_payment_notice(ctx, session, notice.notice_no, "开错了")
    assert cancelled.status == "cancelled"
    assert fees_app.load_notice(ctx, notice.notice_no).status == "cancelled"
    with pytest.raises(FeeRuleError):
        fees_app.cancel_payment_notice(ctx, session, notice.notice_no, "再次")
    _push_all(sync_engine(ctx, session), clock)
    token = session.access_token or ""
    center = get(records_service, f"/payment-notices/{notice.notice_no}", token).json()
    assert center["notice"]["status"] == "cancelled"


def _pdf(ctx, notice):
    folder = ctx.paths.documents_dir
    [path] = folder.glob(f"*{notice.notice_no}.pdf")
    return path
