"""The department window follows its payment notices at the center (issue 17): paid by
the cashier through the API, the desk's next pull (``GET /changes``) shows the notice paid,
the case's fee state 已缴费 (``paid``), and keeps the payment with the fiscal receipt's
electronic data; the receipt is printed at the department window from it, marked 副本, and
archived with the case. A notice cancelled at the center (by a lead) reads cancelled after
the pull. A lead approves a waiver at the window online, and with the link down on the
offline credential kept at this window; a clerk's account is not a lead's."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta

import pytest

from clerk_app.app import fees as fees_app
from clerk_app.app.catalog import load_catalog
from clerk_app.app.documents import case_archive
from clerk_app.app.session import sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.app.take_in import save_intake
from clerk_app.core.fees import FeeRuleError, Waiver
from clerk_app.remote.api import ApiError
from clerk_app.store.credentials import OfflineSignInError
from tests.helpers.documents import flat, pdf_text
from tests.helpers.fees_api import cashier, payment_body, write
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.service_api import token_for
from tests.helpers.workload import draft_for

pytestmark = pytest.mark.usefixtures("qapp")

ITEM = "DEMO-GA-009"  # 110.00: 机动车号牌工本费 100.00 + 机动车行驶证工本费 10.00


def _push_all(engine, clock) -> None:
    for _ in range(6):
        if engine.push_once().waiting == 0:
            return
        clock.advance(timedelta(minutes=10))
    raise AssertionError("the outbox did not empty")


def test_a_notice_paid_at_the_center_reads_paid_after_the_next_pull(
    records_service, make_context, clock
) -> None:
    ctx = make_context(records_service.base_url)
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    catalog = load_catalog(ctx, session)
    item = catalog.get_item(ITEM)
    case = save_intake(
        ctx, draft_for(item, 31), item, clerk=session.username, catalog_version=catalog.version
    )
    notice = fees_app.issue_payment_notice(ctx, session, case.case_no).notice
    assert fees_app.fee_state(ctx, case.case_no) == "unpaid"
    engine = sync_engine(ctx, session)
    _push_all(engine, clock)
    code = fees_app.load_notice(ctx, notice.notice_no).payment_code
    assert code

    paid = write(
        records_service,
        "/payments",
        cashier(records_service),
        payment_body(code, 11000, received_fen=20000),
    )
    assert paid.status_code == 201, paid.text
    receipt = paid.json()["payment"]["receipt"]
    assert fees_app.fee_state(ctx, case.case_no) == "unpaid"  # nothing pulled yet

    clock.advance(timedelta(minutes=5))
    engine.push_once()  # the round pulls GET /changes: the case's note of the payment

    assert fees_app.load_notice(ctx, notice.notice_no).status == "paid"
    assert fees_app.fee_state(ctx, case.case_no) == "paid"
    payment = fees_app.case_payment(ctx, notice.notice_no)
    assert payment is not None and payment.receipt is not None
    assert (payment.amount_fen, payment.received_fen, payment.change_fen) == (11000, 20000, 9000)
    assert (payment.receipt.code, payment.receipt.number) == (receipt["code"], receipt["number"])
    assert payment.receipt.check_code == receipt["check_code"]

    copy = fees_app.print_receipt_copy(ctx, session, notice.notice_no)
    text = flat(pdf_text(copy.path))
    assert receipt["number"] in text and "壹佰壹拾元整" in text
    assert "副本" in text
    again = fees_app.print_receipt_copy(ctx, session, notice.notice_no)
    archive = case_archive(ctx, case.case_no)
    receipts = [d for d in archive.originals if d.kind == fees_app.RECEIPT_KIND]
    assert [d.document_no for d in receipts] == [copy.document_no] == [again.document_no]
    assert archive.reprints[(fees_app.RECEIPT_KIND, copy.document_no)] == 1
    _push_all(engine, clock)  # the archive records reach the center
    assert {r.state for r in ctx.backend.store.outbox_rows()} == {"sent"}


def test_a_reprinted_notice_keeps_its_number_and_says_copy(
    records_service, make_context, clock
) -> None:
    ctx = make_context(records_service.base_url)
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    catalog = load_catalog(ctx, session)
    item = catalog.get_item(ITEM)
    case = save_intake(
        ctx, draft_for(item, 32), item, clerk=session.username, catalog_version=catalog.version
    )
    issued = fees_app.issue_payment_notice(ctx, session, case.case_no)
    copy = fees_app.reprint_notice(ctx, session, issued.notice.notice_no)
    assert copy.document_no == issued.document.document_no
    assert copy.path != issued.document.path
    text = flat(pdf_text(copy.path))
    assert "副本" in text and issued.notice.notice_no in text
    assert "副本" not in flat(pdf_text(issued.document.path))
    archive = case_archive(ctx, case.case_no)
    assert archive.reprints[(fees_app.NOTICE_KIND, copy.document_no)] == 1
    _push_all(sync_engine(ctx, session), clock)
    assert {r.state for r in ctx.backend.store.outbox_rows()} == {"sent"}


def test_a_notice_cancelled_at_the_center_reads_cancelled_after_the_pull(
    records_service, make_context, clock
) -> None:
    ctx = make_context(records_service.base_url)
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    catalog = load_catalog(ctx, session)
    item = catalog.get_item(ITEM)
    case = save_intake(
        ctx, draft_for(item, 33), item, clerk=session.username, catalog_version=catalog.version
    )
    notice = fees_app.issue_payment_notice(ctx, session, case.case_no).notice
    engine = sync_engine(ctx, session)
    _push_all(engine, clock)
    lead = token_for(records_service, "demo-lead", window_code=None)
    cancelled = write(
        records_service,
        f"/payment-notices/{notice.notice_no}/cancel",
        lead,
        {"id": str(uuid.uuid4()), "reason": "开错了"},
    )
    assert cancelled.status_code == 201, cancelled.text
    assert fees_app.load_notice(ctx, notice.notice_no).status == "issued"

    clock.advance(timedelta(minutes=5))
    engine.push_once()  # the round's pull brings the case's note of the cancellation

    assert fees_app.load_notice(ctx, notice.notice_no).status == "cancelled"
    # No live notice left: the intake decision's state (the fee is still owed).
    assert fees_app.fee_state(ctx, case.case_no) == "unpaid"
    assert [n.status for n in fees_app.case_notices(ctx, case.case_no)] == ["cancelled"]
    notes = [e.note for e in ctx.backend.store.get_case(case.case_no).events]
    assert any(notice.notice_no in n and "作废" in n for n in notes)


def test_a_lead_approves_a_waiver_here_online_and_with_the_link_down(
    records_service, fault_proxy, make_context, clock
) -> None:
    ctx = make_context(fault_proxy.base_url)
    sign_in(ctx, "demo-lead", DEMO_PASSWORD)  # the lead signed in at this window once
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    waiver = Waiver("disability", 30000, "残疾证")
    assert fees_app.needs_approval(waiver)

    online = fees_app.approve_waiver(ctx, session, "demo-lead", DEMO_PASSWORD, waiver)
    assert (online.username, online.offline) == ("demo-lead", False)
    with pytest.raises(FeeRuleError) as not_lead:
        fees_app.approve_waiver(ctx, session, "demo-clerk", DEMO_PASSWORD, waiver)
    assert not_lead.value.code == "not_a_lead"
    with pytest.raises(ApiError) as wrong:
        fees_app.approve_waiver(ctx, session, "demo-lead", "not-the-password", waiver)
    assert wrong.value.status == 401

    fault_proxy.set_faults("reset")  # the link is down: the lead's offline credential
    offline = fees_app.approve_waiver(ctx, session, "demo-lead", DEMO_PASSWORD, waiver)
    assert (offline.username, offline.offline) == ("demo-lead", True)
    with pytest.raises(OfflineSignInError):
        fees_app.approve_waiver(ctx, session, "demo-lead", "not-the-password", waiver)
    assert not fees_app.needs_approval(replace(waiver, approved_by=offline.username))
