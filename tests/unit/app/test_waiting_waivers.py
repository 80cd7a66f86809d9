"""The waiver entered for a case's next notice is kept at the desk (issue 17): read back
as entered, without the lead's approval; forgotten on request; what cannot be read is
dropped rather than shown wrong."""

from __future__ import annotations

from clerk_app.app.waiting_waivers import STATE_PREFIX, keep_waiver, kept_waiver
from clerk_app.core.fees import Waiver
from tests.helpers.store import clock, store  # noqa: F401 - fixtures
from tests.helpers.worklist import desk_context

CASE = "HS-W01-20261128-000044"


def test_a_kept_waiver_comes_back_without_its_approval(
    store,  # noqa: F811
    clock,  # noqa: F811
    tmp_path,
) -> None:
    context = desk_context(store, clock, tmp_path)
    assert kept_waiver(context, CASE) is None
    keep_waiver(context, CASE, Waiver("other", 30000, "县令第3号", approved_by="demo-lead"))
    assert kept_waiver(context, CASE) == Waiver("other", 30000, "县令第3号")
    assert kept_waiver(context, "HS-W01-20261128-000045") is None  # per case
    keep_waiver(context, CASE, None)
    assert kept_waiver(context, CASE) is None


def test_an_unreadable_kept_waiver_is_dropped(
    store,  # noqa: F811
    clock,  # noqa: F811
    tmp_path,
) -> None:
    context = desk_context(store, clock, tmp_path)
    for text in ("{", '{"reason_code": "subsistence", "amount_fen": 3.5}', '{"note": ""}'):
        store.set_state(STATE_PREFIX + CASE, text)
        assert kept_waiver(context, CASE) is None
