"""Offline sign-in: allowed after an online one, for a while; audited; said in the GUI."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from clerk_app.app.session import sign_in
from clerk_app.store.credentials import OfflineSignInError
from tests.helpers.offline import UNREACHABLE
from tests.helpers.service import DEMO_PASSWORD


def _audit_actions(service) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(service.database_path)
    try:
        return [
            tuple(r)
            for r in conn.execute(
                "SELECT action, actor, result FROM audit_records WHERE action LIKE 'client.%'"
            )
        ]
    finally:
        conn.close()


def test_offline_sign_in_after_an_online_one_is_audited_on_the_service(
    records_service, make_context, clock
):
    online = make_context(records_service.base_url)
    first = sign_in(online, "demo-clerk", DEMO_PASSWORD)
    assert not first.offline
    online.close()

    # Same desk, the service unreachable: the clerk still gets in, marked offline.
    offline = make_context(UNREACHABLE)
    clock.advance(timedelta(hours=71))
    session = sign_in(offline, "demo-clerk", DEMO_PASSWORD)
    assert session.offline
    assert session.display_name == first.display_name
    assert session.access_token is None
    assert any("offline sign-in" in m for _, _, m in offline.backend.store.journal_entries())
    audit_rows = [
        r for r in offline.backend.store.outbox_rows("pending") if r.kind == "client_event"
    ]
    assert len(audit_rows) == 1
    offline.close()

    # Back online: the device token (kept in the keyring) sends the audit record once.
    again = make_context(records_service.base_url)
    from clerk_app.app.sync import sync_engine

    result = sync_engine(again, session).push_once()
    assert result.sent == 1 and result.waiting == 0
    assert _audit_actions(records_service) == [("client.offline_signin", "demo-clerk", "ok")]


def test_offline_sign_in_is_refused_when_never_online_too_old_or_wrong(
    records_service, make_context, clock
):
    never = make_context(UNREACHABLE, home="never")
    with pytest.raises(OfflineSignInError) as exc:
        sign_in(never, "demo-clerk", DEMO_PASSWORD)
    assert exc.value.reason == "never-online"

    online = make_context(records_service.base_url)
    sign_in(online, "demo-clerk", DEMO_PASSWORD)
    online.close()
    offline = make_context(UNREACHABLE)
    with pytest.raises(OfflineSignInError) as wrong:
        sign_in(offline, "demo-clerk", "not-the-password")
    assert wrong.value.reason == "wrong-password"
    clock.advance(timedelta(hours=72, seconds=1))
    with pytest.raises(OfflineSignInError) as old:
        sign_in(offline, "demo-clerk", DEMO_PASSWORD)
    assert old.value.reason == "expired"
    # Refusals are audited too.
    refused = [r for r in offline.backend.store.outbox_rows("pending") if r.kind == "client_event"]
    assert [r.body["events"][0]["result"] for r in refused] == [
        "refused:wrong-password",
        "refused:expired",
    ]


def test_a_wrong_password_online_is_not_turned_into_an_offline_attempt(
    records_service, make_context
):
    ctx = make_context(records_service.base_url)
    from clerk_app.remote.api import ApiError

    with pytest.raises(ApiError) as exc:
        sign_in(ctx, "demo-clerk", "wrong")
    assert exc.value.status == 401
    assert ctx.backend.store.outbox_rows() == []
