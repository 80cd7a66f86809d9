"""Calling at the window (issue 18, app.queue_window) and the hall's calls (app.hall_calls)
against the real records service: W01's clerk calls B tickets from the kiosk, recalls one,
finishes the visit with the case taken in meanwhile, and the visit's one rating reaches the
center through the outbox for the ticket and the case; a mistyped number, a ticket of a
category the window does not serve, a transfer to a closed window and a paused window are
plain refusals; a number a kiosk printed offline is called by typing it. The hall screen's
feed reads the calls and the recall, and backs off while the service is away."""

from __future__ import annotations

import json

import pytest

from clerk_app.app import hall_calls
from clerk_app.app import queue_window as qw
from clerk_app.app.joint import take_in_joint
from clerk_app.app.session import sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.app.take_in import take_in_case
from clerk_app.core.queue_calls import PAUSED, SERVING
from tests.helpers.calling import case_ratings, display_token, issue, kiosk_token, ticket_row
from tests.helpers.joint_desk import complete_draft, opening_desk
from tests.helpers.offline import clock, make_context  # noqa: F401 - fixtures
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.workload import demo_item, draft_for

pytestmark = pytest.mark.usefixtures("qapp")


def _refused(reason: str, call, *args, **kwargs) -> qw.QueueRefused:
    with pytest.raises(qw.QueueRefused) as caught:
        call(*args, **kwargs)
    assert caught.value.reason == reason, caught.value.detail
    return caught.value


def _push_all(ctx, session) -> None:
    engine = sync_engine(ctx, session)
    for _ in range(10):
        if engine.push_once().waiting == 0:
            break
    rows = ctx.backend.store.outbox_rows()
    assert rows and all(r.state == "sent" for r in rows), [(r.kind, r.state) for r in rows]


def test_a_visit_called_recalled_and_finished_is_rated_once_with_its_case(
    records_service,
    make_context,  # noqa: F811
) -> None:
    ctx = make_context(records_service.base_url, home="w01")
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    kiosk = kiosk_token(records_service)
    _refused("none-waiting", qw.call_next, ctx, session)
    first, second = issue(records_service, kiosk), issue(records_service, kiosk)
    assert (first, second) == ("B001", "B002")
    issue(records_service, kiosk, "ZH")  # A001, for windows W04–W06

    # Typed numbers: mistyped, another category's, then the window's own.
    assert _refused("wrong-number", qw.call_next, ctx, session, "12A").number == "12A"
    _refused("not-served", qw.call_next, ctx, session, "a1")

    ticket = qw.call_next(ctx, session)
    assert (ticket.number, ticket.status, ticket.window_code) == ("B001", "called", "W01")
    visit = qw.Visit()
    visit.serve(ticket)
    assert qw.window_state(ctx, session, visit).status == SERVING
    assert qw.window_state(ctx, session, visit).ticket == "B001"
    assert _refused("still-serving", qw.call_next, ctx, session).number == "B001"
    assert qw.recall(ctx, session, "B001").recalls == 1

    # The hall screen reads the call and the recall.
    calls, cursor = hall_calls.fetch_calls(ctx, display_token(records_service), after=0)
    assert [(c.number, c.window_label, c.kind) for c in calls] == [
        ("B001", "1", "call"),
        ("B001", "1", "recall"),
    ]
    assert hall_calls.fetch_calls(ctx, display_token(records_service), after=cursor)[0] == []

    # A case taken in meanwhile belongs to the visit; Finish names it.
    _, item = demo_item()
    taken = take_in_case(ctx, session, draft_for(item, 1), item, catalog_version="v1")
    assert visit.add_case(taken.case_no) and visit.case_nos == [taken.case_no]
    done = qw.finish(ctx, session, "B001", visit.case_nos)
    assert (done.status, done.case_nos) == ("done", (taken.case_no,))
    rating_id = qw.rate_visit(
        ctx, session, ticket="B001", case_nos=[taken.case_no], score=5, comment="很快"
    )
    [row] = [r for r in ctx.backend.store.outbox_rows() if r.kind == qw.KIND_VISIT_RATING]
    assert row.idempotency_key == rating_id and row.body["ticket"] == "B001"
    _push_all(ctx, session)
    assert case_ratings(records_service, taken.case_no) == [(5, "accept")]
    status, case_nos, rated, window = ticket_row(records_service, "B001")
    assert (status, json.loads(case_nos), rated, window) == ("done", [taken.case_no], True, "W01")

    # A ticket served with no case is rated too (the ticket alone).
    assert qw.call_next(ctx, session).number == "B002"
    qw.finish(ctx, session, "B002", [])
    qw.rate_visit(ctx, session, ticket="B002", case_nos=[], score=4)
    _push_all(ctx, session)
    assert ticket_row(records_service, "B002")[2] is True


def test_transfer_no_show_pause_and_an_offline_number(
    records_service,
    make_context,  # noqa: F811
) -> None:
    ctx = make_context(records_service.base_url, home="w01b")
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    kiosk = kiosk_token(records_service)
    for _ in range(3):
        issue(records_service, kiosk)

    assert qw.call_next(ctx, session).number == "B001"
    # P01 serves no category: closed; W03 serves 企业开办 (QY) only.
    _refused("window-closed", qw.transfer, ctx, session, "B001", window="p01")
    moved = qw.transfer(ctx, session, "B001", category="QY")
    assert moved.number.startswith("D") and moved.transferred_from == "B001"
    assert ticket_row(records_service, "B001")[0] == "transferred"
    _refused("not-at-window", qw.recall, ctx, session, "B001")

    assert qw.call_next(ctx, session).number == "B002"
    assert qw.no_show(ctx, session, "B002").status == "no_show"

    # Paused with a reason: nothing is called until the window resumes.
    assert qw.pause(ctx, session, "  午休  ") == "午休"
    visit = qw.Visit(paused=True, pause_reason="午休")
    state = qw.window_state(ctx, session, visit)
    assert (state.status, state.pause_reason, state.window_label) == (PAUSED, "午休", "1")
    _refused("window-paused", qw.call_next, ctx, session)
    _refused("already-paused", qw.pause, ctx, session, "会议")
    with pytest.raises(ValueError):
        qw.pause(ctx, session, "   ")
    qw.resume(ctx, session)
    _refused("not-paused", qw.resume, ctx, session)

    # A ticket a cut-off kiosk printed from its block is called by its number.
    offline = qw.call_next(ctx, session, "b812")
    assert (offline.number, offline.status) == ("B812", "called")
    qw.finish(ctx, session, "B812", [])
    assert qw.call_next(ctx, session).number == "B003"


def test_the_hall_feed_backs_off_while_the_service_is_away_and_comes_back(
    records_service,
    make_context,  # noqa: F811
) -> None:
    ctx = make_context("http://127.0.0.1:9", home="hall")
    token = display_token(records_service)
    seen: list[list] = []
    links: list[tuple[bool, bool]] = []
    feed = hall_calls.CallFeed(
        ctx,
        lambda: token,
        on_calls=seen.append,
        on_link=lambda ok, error: links.append((ok, error is None)),
        wait=0,
        max_backoff=8,
    )
    assert [feed.poll_once() for _ in range(5)] == [1, 2, 4, 8, 8]
    assert links == [(False, False)] * 5 and feed.cursor is None

    ctx.backend.api.base_url = records_service.base_url
    assert feed.poll_once() == hall_calls.MIN_INTERVAL  # no call yet today
    assert links[-1] == (True, True) and feed.failures == 0 and seen == []
    kiosk = kiosk_token(records_service)
    issue(records_service, kiosk)
    desk = make_context(records_service.base_url, home="w01c")
    qw.call_next(desk, sign_in(desk, "demo-clerk", DEMO_PASSWORD))
    assert feed.poll_once() == 0
    [[call]] = seen
    assert (call.number, call.window_code, call.window_label, call.kind) == (
        "B001",
        "W01",
        "1",
        "call",
    )
    assert feed.poll_once() == hall_calls.MIN_INTERVAL and len(seen) == 1


def test_a_joint_intake_served_on_a_ticket_is_rated_once_for_every_part(
    records_service,
    make_context,  # noqa: F811
) -> None:
    ctx, session, catalog = opening_desk(make_context, records_service.base_url)
    issue(records_service, kiosk_token(records_service), "QY")  # 企业开办, served at W03
    ticket = qw.call_next(ctx, session)
    assert (ticket.number, ticket.window_code) == ("D001", "W03")
    joint = take_in_joint(ctx, session, complete_draft(catalog)).joint
    visit = qw.Visit()
    visit.serve(ticket)
    for part in joint.parts:
        visit.add_case(part.case_no)
    qw.finish(ctx, session, "D001", visit.case_nos)
    qw.rate_visit(ctx, session, ticket="D001", case_nos=visit.case_nos, score=5)
    _push_all(ctx, session)
    assert len(joint.parts) > 1
    for part in joint.parts:
        assert case_ratings(records_service, part.case_no) == [(5, "accept")], part.case_no
    assert ticket_row(records_service, "D001")[2] is True
