"""Paper payments on a settlement desk shared by cashiers (issue 17), against the real
records service:

- two cashiers take cash offline at one desk that holds no device token: each payment goes
  only on its own cashier's sign-in (another's token would be refused, 422): the second
  cashier's goes, the first's waits — said on the desk and in the outbox, never refused —
  and goes when the first cashier is back;
- the daily close (日结) is refused in words while paper payments of the day wait to be
  sent (the center would refuse them as of a closed day); once they are sent it closes.
"""

from __future__ import annotations

import uuid

import pytest

from clerk_app.app import cashier, cashier_close, cashier_offline
from clerk_app.app.catalog import load_catalog
from clerk_app.app.session import has_device_token, sign_in
from clerk_app.app.sync import WAITS_FOR_AUTHOR, sync_engine
from tests.helpers import fees_api
from tests.helpers.offline import clock, make_context  # noqa: F401 - fixtures
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.service_api import token_for

pytestmark = pytest.mark.usefixtures("qapp")

DOWN = "http://127.0.0.1:9"


def _stock(service, cashier_name: str) -> None:
    admin = token_for(service, "demo-admin", window_code=None)
    body = {"id": str(uuid.uuid4()), "code": f"{uuid.uuid4().int % 10**8:08d}"}
    body.update(first=1, last=5, cashier=cashier_name)
    assert fees_api.write(service, "/receipt-ranges", admin, body).status_code == 201


def _second_cashier(service) -> str:
    from records_service.db import Database
    from records_service.demo import upsert_user

    database = Database(service.database_url)
    try:
        with database.write() as session:
            upsert_user(
                session,
                username="cashier-two",
                password=DEMO_PASSWORD,
                display_name="收费员二",
                roles=["cashier"],
                department_code="JS",
                window_code="S01",
                must_change_password=False,
            )
    finally:
        database.dispose()
    return "cashier-two"


def _paid(service, notice_no: str) -> list[tuple]:
    return service.sql("SELECT cashier FROM payments WHERE notice_no = :n", n=notice_no)


def test_each_cashiers_paper_payment_goes_on_their_own_sign_in_without_a_device_token(
    records_service,
    make_context,  # noqa: F811
) -> None:
    ctx = make_context(records_service.base_url, home="s01", window_code="S01")
    two = _second_cashier(records_service)
    _stock(records_service, "demo-cashier")
    _stock(records_service, two)
    clerk = fees_api.clerk(records_service)
    first_notice, second_notice = (fees_api.issued(records_service, clerk) for _ in range(2))
    first = sign_in(ctx, "demo-cashier", DEMO_PASSWORD)
    second = sign_in(ctx, two, DEMO_PASSWORD)
    load_catalog(ctx, first)
    for session in (first, second):
        cashier_offline.pull_offline_data(ctx, session, cashier.today(ctx))
    prov = ctx.provisioning
    ctx.backend.tokens.delete_device_token(prov.window_code, ctx.device_id)  # lost
    assert not has_device_token(ctx)

    # The link down: each cashier takes cash for one notice on their own paper stock.
    ctx.backend.api.base_url = DOWN
    for session, issued in ((first, first_notice), (second, second_notice)):
        notice = cashier_offline.find_offline(ctx, issued["notice_no"])
        assert notice is not None
        cashier_offline.take_cash_offline(ctx, session, notice, 5000)

    # The link back with the second cashier signed in: theirs goes, the first's waits.
    ctx.backend.api.base_url = records_service.base_url
    result = sync_engine(ctx, second).push_once()
    assert (result.sent, result.rejected, result.waiting) == (1, 0, 1)
    assert _paid(records_service, second_notice["notice_no"]) == [(two,)]
    assert _paid(records_service, first_notice["notice_no"]) == []
    assert cashier_offline.waiting_for_others(ctx, second) == 1
    assert cashier_offline.waiting_count(ctx, second) == 0
    [waiting] = cashier_offline.paper_payments(ctx, first)
    assert waiting.center == "waiting"
    assert waiting.error == WAITS_FOR_AUTHOR + "demo-cashier"
    assert ctx.backend.store.outbox_counts() == {"pending": 1, "rejected": 0}

    # The first cashier is back at the desk: the screen opening sends theirs.
    refused = cashier_offline.pull_and_send(ctx, first, cashier.today(ctx), send=True, now=True)
    # What the desk says of each payment, should one not have gone (a flaky run in CI).
    story = [(p.center, p.error) for p in cashier_offline.paper_payments(ctx)], refused
    assert _paid(records_service, first_notice["notice_no"]) == [("demo-cashier",)], story
    assert ctx.backend.store.outbox_counts() == {"pending": 0, "rejected": 0}
    assert [p.center for p in cashier_offline.paper_payments(ctx)] == ["sent", "sent"]


def test_the_day_is_not_closed_while_its_paper_payments_wait(
    records_service,
    make_context,  # noqa: F811
) -> None:
    ctx = make_context(records_service.base_url, home="s01", window_code="S01")
    session = sign_in(ctx, "demo-cashier", DEMO_PASSWORD)
    load_catalog(ctx, session)
    _stock(records_service, "demo-cashier")
    issued = fees_api.issued(records_service, fees_api.clerk(records_service))
    day = cashier.today(ctx)
    cashier_offline.pull_offline_data(ctx, session, day)
    ctx.backend.api.base_url = DOWN
    notice = cashier_offline.find_offline(ctx, issued["notice_no"])
    assert notice is not None
    cashier_offline.take_cash_offline(ctx, session, notice, 3550)
    ctx.backend.api.base_url = records_service.base_url  # back, the payment not sent yet
    assert cashier_offline.waiting_on_day(ctx, session, day) == 1

    with pytest.raises(cashier_close.CloseRefused) as refused:
        cashier_close.close_day(ctx, session, day, 3550, "DEP-17")
    assert refused.value.code == "payments_waiting"
    assert not cashier_close.day_sheet(ctx, session, day).closed  # nothing closed

    assert cashier_offline.send_waiting(ctx, session) == 0
    sheet = cashier_close.close_day(ctx, session, day, 3550, "DEP-17")
    assert sheet.closed and sheet.payments == 1
    assert _paid(records_service, issued["notice_no"]) == [("demo-cashier",)]
