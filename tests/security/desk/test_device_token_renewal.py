"""The desk renews its own device token (issue 14), against a real records service on
127.0.0.1 with desks on real files, on the desk's injected clock (nobody sleeps):

- an enrolled desk renews when a third of its token's lifetime is left, from its sync
  round, keeps the new token where the old one was (it survives a restart) and keeps
  sending; F8 says until when the token is valid;
- a renewal whose answer is lost keeps the old token, which keeps sending in the service's
  grace, and the next try a minute later mends it;
- a token of unknown age (re-issued at a clerk's sign-in) is renewed a day after the desk
  first sees it, which tells its expiry.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
import requests

from clerk_app.app.enrolment import enrol_here
from clerk_app.app.session import sign_in as app_sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.core.clock import CENTER_TZ
from clerk_app.gui.sync_status import ConnectionPanel
from clerk_app.gui.sync_worker import LinkDetails
from tests.helpers.faultproxy import FaultProxy
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.workload import demo_item, take_in

WINDOW = "W01"


def enrolment_code(service: Any) -> str:
    """A desk's enrolment code for W01, made by an admin as IT would."""
    login = requests.post(
        service.url("/auth/login"),
        json={"username": "demo-admin", "password": DEMO_PASSWORD},
        timeout=(5, 30),
    )
    assert login.status_code == 200, login.text
    made = requests.post(
        service.url("/enrolments"),
        json={"kind": "desk", "window_code": WINDOW, "label": "renewal desk"},
        headers={"Authorization": f"Bearer {login.json()['access_token']}"},
        timeout=(5, 30),
    )
    assert made.status_code == 201, made.text
    return str(made.json()["code"])


def device_token(context: Any) -> str | None:
    return context.backend.tokens.get_device_token(WINDOW, context.device_id)


def renewals(service: Any) -> int:
    return service.sql(
        "SELECT COUNT(*) FROM audit_records WHERE action = 'credential.renew' AND result = 'ok'"
    )[0][0]


def cases_at_center(service: Any, case_no: str) -> int:
    return service.sql("SELECT COUNT(*) FROM cases WHERE case_no = :n", n=case_no)[0][0]


def queue_case(context: Any) -> str:
    catalog, item = demo_item()
    return str(take_in(context, "demo-clerk", item, catalog.version, 1)["case_no"])


@pytest.fixture
def proxy(records_service) -> Iterator[FaultProxy]:
    port = int(records_service.base_url.rsplit(":", 1)[1])
    running = FaultProxy(("127.0.0.1", port)).start()
    yield running
    running.stop()


def test_the_desk_renews_on_its_clock_keeps_the_new_token_and_keeps_sending(
    make_desk, records_service, clock, qtbot
) -> None:
    url = records_service.base_url
    desk = make_desk(url)
    enrolled = enrol_here(desk, enrolment_code(records_service))
    first = device_token(desk)
    engine = sync_engine(desk, None)

    quiet = engine.push_once()
    assert device_token(desk) == first and renewals(records_service) == 0
    assert quiet.device_token_expires_at == enrolled.expires_at

    clock.advance(timedelta(days=250))  # less than a third of 365 days left
    case_no = queue_case(desk)
    result = engine.push_once()

    renewed = device_token(desk)
    assert renewed and renewed != first and renewals(records_service) == 1
    assert result.sent == 1 and result.stopped is None
    assert cases_at_center(records_service, case_no) == 1
    assert result.device_token_expires_at is not None
    assert result.device_token_expires_at > enrolled.expires_at
    assert engine.push_once().stopped is None and renewals(records_service) == 1  # once

    # Kept where the old one was: the same machine after a restart holds the new token
    # and knows its expiry.
    desk.close()
    again = make_desk(url)
    assert device_token(again) == renewed
    later = sync_engine(again, None).push_once()
    assert later.device_token_expires_at == result.device_token_expires_at

    # F8 says until when the token is valid.
    panel = ConnectionPanel()
    qtbot.addWidget(panel)
    panel.show_details(
        LinkDetails("online", 0, device_token_expires_at=later.device_token_expires_at)
    )
    day = later.device_token_expires_at.astimezone(CENTER_TZ).strftime("%Y-%m-%d")
    assert panel.token_label.text() == f"valid until {day} (renewed by itself before then)"


def test_a_lost_renewal_answer_keeps_the_old_token_and_the_next_try_mends_it(
    make_desk, records_service, proxy, clock
) -> None:
    desk = make_desk(proxy.base_url)
    enrol_here(desk, enrolment_code(records_service))
    old = device_token(desk)
    engine = sync_engine(desk, None)
    clock.advance(timedelta(days=250))
    case_no = queue_case(desk)

    lost = proxy.requests + 1  # the renewal is the round's first request
    proxy.set_faults(lambda n: "lose_reply" if n == lost else "pass")
    result = engine.push_once()

    assert renewals(records_service) == 1  # the service renewed; the desk never heard
    assert device_token(desk) == old
    assert result.sent == 1 and cases_at_center(records_service, case_no) == 1  # the grace
    engine.push_once()
    assert renewals(records_service) == 1  # not again within a minute

    clock.advance(timedelta(minutes=2))
    second = queue_case(desk)
    result = engine.push_once()

    assert renewals(records_service) == 2
    mended = device_token(desk)
    assert mended and mended != old
    assert result.sent == 1 and result.stopped is None
    assert cases_at_center(records_service, second) == 1
    assert result.device_token_expires_at is not None
    desk.close()  # its connections to the proxy end before the proxy stops


def test_a_token_of_unknown_age_is_renewed_a_day_after_the_desk_first_sees_it(
    make_desk, records_service, clock, qtbot
) -> None:
    desk = make_desk(records_service.base_url)
    app_sign_in(desk, "demo-clerk", DEMO_PASSWORD)  # the sign-in re-issues the desk's token
    issued = device_token(desk)
    engine = sync_engine(desk, None)

    unknown = engine.push_once()
    assert unknown.device_token_expires_at is None and device_token(desk) == issued
    panel = ConnectionPanel()
    qtbot.addWidget(panel)
    panel.show_details(LinkDetails("online", 0))
    assert panel.token_label.text() == "expiry not known yet (learnt at its next renewal)"

    clock.advance(timedelta(hours=23))
    assert engine.push_once().device_token_expires_at is None
    assert renewals(records_service) == 0

    clock.advance(timedelta(hours=2))
    known = engine.push_once()
    assert renewals(records_service) == 1 and device_token(desk) != issued
    assert known.device_token_expires_at is not None and known.stopped is None
