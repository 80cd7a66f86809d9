"""A window's steps with its ticket over a link that loses answers (issue 18,
app.queue_window over remote.queue_window_api), against the real records service behind a
fault proxy: the service applies a recall or a finish and the answer never comes back — the
desk's queue client sends the step again with its Idempotency-Key and gets the first answer,
so the hall announces the recall once; when both tries are lost the clerk's next press
(the same key) gets it. A desk started again during a visit reads the ticket at its window
and its pause (``window_now``)."""

from __future__ import annotations

import pytest
import requests

from clerk_app.app import queue_window as qw
from clerk_app.app.session import sign_in
from clerk_app.core.errors import ConnectionProblem
from tests.helpers.calling import display_token, issue, kiosk_token, ticket_row
from tests.helpers.hall_service_data import TIMEOUT, auth
from tests.helpers.offline import clock, fault_proxy, make_context  # noqa: F401 - fixtures
from tests.helpers.service import DEMO_PASSWORD

pytestmark = pytest.mark.usefixtures("qapp")


def _calls(service) -> list[tuple[str, str]]:
    answer = requests.get(
        service.url("/queue/calls"),
        params={"after": 0},
        headers=auth(display_token(service)),
        timeout=TIMEOUT,
    )
    assert answer.status_code == 200, answer.text
    return [(c["number"], c["kind"]) for c in answer.json()["items"]]


def _lose_next(proxy, count: int) -> None:
    """The next ``count`` requests are applied by the service; their answers are lost."""
    first = proxy.requests + 1
    proxy.set_faults(lambda n: "lose_reply" if first <= n < first + count else "pass")


def test_a_lost_answer_is_sent_again_with_its_key_and_applied_once(
    records_service,
    fault_proxy,  # noqa: F811
    make_context,  # noqa: F811
) -> None:
    ctx = make_context(fault_proxy.base_url, home="w01-lossy")
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    kiosk = kiosk_token(records_service)
    assert [issue(records_service, kiosk) for _ in range(2)] == ["B001", "B002"]
    assert qw.call_next(ctx, session).number == "B001"

    # The recall's answer is lost once: the client sends it again, the hall says it once.
    _lose_next(fault_proxy, 1)
    assert qw.recall(ctx, session, "B001").recalls == 1
    assert fault_proxy.counts["lose_reply"] == 1
    assert _calls(records_service) == [("B001", "call"), ("B001", "recall")]

    # Both tries lost: the clerk is told the link failed; pressed again (the bar keeps the
    # step's key until it is answered) the first answer comes, still one recall.
    key = qw.new_step_key()
    _lose_next(fault_proxy, 2)
    with pytest.raises(ConnectionProblem) as lost:
        qw.recall(ctx, session, "B001", key=key)
    assert qw.may_resend(lost.value)
    assert qw.recall(ctx, session, "B001", key=key).recalls == 2
    assert _calls(records_service).count(("B001", "recall")) == 2

    # Finish lost twice, then pressed again: finished once, not "not at this window".
    key = qw.new_step_key()
    _lose_next(fault_proxy, 2)
    with pytest.raises(ConnectionProblem):
        qw.finish(ctx, session, "B001", [], key=key)
    assert qw.finish(ctx, session, "B001", [], key=key).status == "done"
    assert ticket_row(records_service, "B001")[0] == "done"

    # A transfer whose answer is lost makes one successor.
    assert qw.call_next(ctx, session).number == "B002"
    _lose_next(fault_proxy, 1)
    moved = qw.transfer(ctx, session, "B002", category="QY")
    assert moved.number == "D001" and ticket_row(records_service, "B002")[0] == "transferred"
    waiting = {c.code: c.waiting for c in qw.categories(ctx, session)}
    assert (waiting["GA"], waiting["QY"]) == (0, 1)
    # A refusal is an answer: the step is not sent again with its key.
    with pytest.raises(qw.QueueRefused) as refused:
        qw.recall(ctx, session, "B002")
    assert refused.value.reason == "not-at-window" and not qw.may_resend(refused.value)


def test_a_desk_started_again_goes_on_with_the_ticket_at_its_window(
    records_service,
    make_context,  # noqa: F811
) -> None:
    before = make_context(records_service.base_url, home="w01-before")
    session = sign_in(before, "demo-clerk", DEMO_PASSWORD)
    assert qw.window_now(before, session) == qw.WindowNow("W01", None, False, "")
    issue(records_service, kiosk_token(records_service))
    qw.call_next(before, session)
    qw.recall(before, session, "B001")

    # The desk is started again (another home: nothing of the visit kept locally).
    after = make_context(records_service.base_url, home="w01-after")
    again = sign_in(after, "demo-clerk", DEMO_PASSWORD)
    now = qw.window_now(after, again)
    assert now is not None and now.serving is not None
    assert (now.serving.number, now.serving.status, now.serving.recalls) == ("B001", "called", 1)
    visit = qw.Visit()
    visit.restore(now)
    assert visit.number == "B001" and not visit.paused
    assert qw.finish(after, again, visit.number, []).status == "done"

    qw.pause(after, again, "午休")
    visit.restore(qw.window_now(after, again))
    assert (visit.number, visit.paused, visit.pause_reason) == ("", True, "午休")
