"""The ticket kiosk's use cases (issue 18, app.kiosk) against the real records service: a
PC enrolled with a kiosk credential lists the hall's categories with their waiting counts,
issues tickets (an elderly ID holder gets the priority, the center's per-ID daily limit is
a plain refusal), checks in an appointment by code; cut off from the service it prints
from its offline block (人数待定), kept with an outbox row, and back online each such
ticket reaches the service once."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from clerk_app.app import kiosk
from clerk_app.core.provisioning import ProvisioningError, parse_provisioning
from tests.helpers.kiosk import enrolled_kiosk, resident_id
from tests.helpers.offline import clock, make_context  # noqa: F401 - fixtures

pytestmark = pytest.mark.usefixtures("qapp")


def _category(items, code: str):
    (found,) = [c for c in items if c.code == code]
    return found


def test_kiosk_issues_tickets_with_priority_and_the_daily_limit(
    records_service,
    make_context,  # noqa: F811
) -> None:
    ctx = make_context(records_service.base_url, home="k1")
    holder = enrolled_kiosk(records_service, ctx, elderly_age=60)
    assert kiosk.kiosk_credential(ctx).token == holder.credential.token

    listed = kiosk.categories(ctx, holder)
    assert listed.online and [c.prefix for c in listed.items][:2] == ["A", "B"]
    a = _category(listed.items, listed.items[0].code)
    assert a.waiting == 0

    first = kiosk.take_ticket(ctx, holder, a)
    assert (first.number, first.people_ahead, first.offline) == ("A001", 0, False)
    assert len(first.query_code) == 6
    today = ctx.clock.today()
    old = kiosk.read_id(ctx, resident_id(date(today.year - 70, 1, 2)))
    assert old.elderly and old.age >= 69 and "*" in old.masked
    young = kiosk.read_id(ctx, resident_id(date(today.year - 30, 1, 2), serial=456))
    assert not young.elderly
    with pytest.raises(kiosk.IdNotRead):
        kiosk.read_id(ctx, "110105199001011234")  # wrong check digit

    elderly = kiosk.take_ticket(ctx, holder, a, reading=old)
    assert (elderly.number, elderly.priority_class) == ("A002", "elderly")
    # The elderly ticket is called before the ordinary one issued before it.
    assert elderly.people_ahead == 0
    assert kiosk.categories(ctx, holder).items[0].waiting == 2

    # The center's limit per ID and day (demo: 3): the fourth is refused in words.
    for _ in range(2):
        kiosk.take_ticket(ctx, holder, a, reading=old)
    with pytest.raises(kiosk.DailyLimitReached):
        kiosk.take_ticket(ctx, holder, a, reading=old)
    numbers = [t.number for t in kiosk.tickets_today(ctx)]
    assert numbers == ["A001", "A002", "A003", "A004"]
    assert kiosk.waiting_reprint(ctx)[0].number == "A001"  # none printed yet
    kiosk.printed(ctx, first)
    assert "A001" not in [t.number for t in kiosk.waiting_reprint(ctx)]
    document = kiosk.ticket_document(ctx, elderly)
    assert "A002" in document.html and "老年人优先" in document.html
    assert document.page == "roll80" and document.resources  # the QR code

    # Two thirds of its lifetime later (on the kiosk's clock) the kiosk renews its
    # credential itself, keeps the successor, and goes on with it.
    first_token = holder.credential.token
    ctx.clock.advance(timedelta(days=250))
    assert kiosk.categories(ctx, holder).online
    renewed = kiosk.kiosk_credential(ctx)
    assert renewed.token == holder.credential.token != first_token
    assert renewed.obtained_at == ctx.clock.now() and renewed.kind == "kiosk"


def test_cut_off_kiosk_prints_from_its_block_and_sends_each_once(
    records_service,
    make_context,  # noqa: F811
) -> None:
    ctx = make_context(records_service.base_url, home="k2")
    holder = enrolled_kiosk(records_service, ctx, block=9)
    listed = kiosk.categories(ctx, holder)
    a, b = listed.items[0], listed.items[1]
    online = kiosk.take_ticket(ctx, holder, a)
    assert online.number == "A001"

    ctx.backend.api.base_url = "http://127.0.0.1:9"  # the link is down
    kept = kiosk.categories(ctx, holder)
    assert not kept.online and [c.code for c in kept.items] == [c.code for c in listed.items]
    offline = [kiosk.take_ticket(ctx, holder, a) for _ in range(2)]
    offline.append(kiosk.take_ticket(ctx, holder, b))
    assert [t.number for t in offline] == ["A900", "A901", "B900"]
    assert all(t.offline and t.people_ahead is None for t in offline)
    assert kiosk.waiting_to_send(ctx) == 3
    assert "人数待定" in kiosk.ticket_document(ctx, offline[0]).html
    with pytest.raises(kiosk.CheckInRefused) as refused:
        kiosk.check_in(ctx, holder, code="YY12345678")
    assert refused.value.reason == "needs-link"

    ctx.backend.api.base_url = records_service.base_url
    engine = kiosk.sync_engine(ctx, holder)
    assert kiosk.send_waiting(ctx, engine).sent == 3
    assert kiosk.send_waiting(ctx, engine).sent == 0
    assert kiosk.waiting_to_send(ctx) == 0
    rows = records_service.sql(
        "SELECT number, offline FROM queue_tickets ORDER BY category_code, number"
    )
    assert sorted(rows) == [("A001", 0), ("A900", 1), ("A901", 1), ("B900", 1)]
    assert {t.center for t in kiosk.tickets_today(ctx)} == {"sent"}
    # Online again: the service numbers the next ticket.
    assert kiosk.take_ticket(ctx, holder, a).number == "A002"


def test_a_kiosk_without_a_block_says_it_cannot_print_offline(
    records_service,
    make_context,  # noqa: F811
) -> None:
    ctx = make_context(records_service.base_url, home="k3")
    holder = enrolled_kiosk(records_service, ctx, label="kiosk 3", block=None)
    a = kiosk.categories(ctx, holder).items[0]
    ctx.backend.api.base_url = "http://127.0.0.1:9"
    with pytest.raises(kiosk.NoOfflineTickets) as refused:
        kiosk.take_ticket(ctx, holder, a)
    assert refused.value.reason == "no-block"
    assert kiosk.tickets_today(ctx) == []


BASE = """
[service]
url = "https://records.example"
[center]
code = "HS"
name = "Hall"
[window]
code = "K1"
department = "hall"
"""


def test_provisioning_names_the_offline_block_and_the_elderly_age() -> None:
    plain = parse_provisioning(BASE)
    assert (plain.queue_offline_block, plain.queue_elderly_age) == (None, 60)
    kiosk_pc = parse_provisioning(BASE + "[queue]\noffline_block = 9\nelderly_age = 65\n")
    assert (kiosk_pc.queue_offline_block, kiosk_pc.queue_elderly_age) == (9, 65)
    with pytest.raises(ProvisioningError) as bad:
        parse_provisioning(BASE + "[queue]\noffline_block = 7\nelderly_age = 30\nx = 1\n")
    fields = {p.field for p in bad.value.problems}
    assert {"queue.offline_block", "queue.elderly_age"} <= fields
