"""Changing one's password (issue 14), against a real records service on 127.0.0.1 and a
desk on real files: the forced change after a password set by someone else, the service's
refusals as reasons the GUI can word, and the offline sign-in following the new password."""

from __future__ import annotations

import pytest

from clerk_app.app.password import PasswordChangeRefused, change_password
from clerk_app.app.session import sign_in
from clerk_app.remote.api import ApiError
from clerk_app.store.credentials import OfflineSignInError
from tests.helpers import security_desk
from tests.helpers.security_desk import UNREACHABLE
from tests.helpers.service import DEMO_PASSWORD

# The security suite's desk on real files, on a clock the tests move (fixtures).
clock = security_desk.clock
make_desk = security_desk.make_desk

USER = "demo-clerk"
NEW_PASSWORD = "violet-harbour-lantern-62"


def _must_change(service) -> None:
    """As ``reset-password`` leaves the user: the next sign-in must change it first."""
    service.sql("UPDATE users SET must_change_password = :t WHERE username = :u", t=True, u=USER)


def _refusal(ctx, session, current: str, new: str) -> tuple[str, str, int | None]:
    with pytest.raises(PasswordChangeRefused) as refused:
        change_password(ctx, session, current, new)
    return refused.value.reason, refused.value.field, refused.value.limit


def test_a_forced_change_opens_the_desk_to_the_new_password_only(records_service, make_desk):
    _must_change(records_service)
    online = make_desk(records_service.base_url)
    session = sign_in(online, USER, DEMO_PASSWORD)
    assert session.password_change_required and not session.offline
    # Until it is changed, the password someone else set opens nothing offline here.
    assert not online.backend.credentials.has("W01", USER)
    with pytest.raises(ApiError) as blocked:
        online.backend.api.catalog(session.access_token)
    assert blocked.value.status == 403

    changed = change_password(online, session, DEMO_PASSWORD, NEW_PASSWORD)

    assert not changed.password_change_required
    assert changed.access_token == session.access_token  # the sign-in goes on
    assert online.backend.api.catalog(changed.access_token).data is not None
    offline = make_desk(UNREACHABLE)  # the same PC, the service gone
    with pytest.raises(OfflineSignInError) as old:
        sign_in(offline, USER, DEMO_PASSWORD)
    assert old.value.reason == "wrong-password"
    assert sign_in(offline, USER, NEW_PASSWORD).offline
    again = sign_in(make_desk(records_service.base_url), USER, NEW_PASSWORD)
    assert not again.password_change_required


def test_a_chosen_change_replaces_the_offline_password(records_service, make_desk):
    online = make_desk(records_service.base_url)
    session = sign_in(online, USER, DEMO_PASSWORD)
    assert not session.password_change_required
    assert sign_in(make_desk(UNREACHABLE), USER, DEMO_PASSWORD).offline  # before: the old one

    change_password(online, session, DEMO_PASSWORD, NEW_PASSWORD)

    offline = make_desk(UNREACHABLE)
    with pytest.raises(OfflineSignInError):
        sign_in(offline, USER, DEMO_PASSWORD)
    assert sign_in(offline, USER, NEW_PASSWORD).offline
    with pytest.raises(ApiError) as gone:  # and at the service, the old one is gone too
        sign_in(make_desk(records_service.base_url), USER, DEMO_PASSWORD)
    assert gone.value.status == 401


def test_each_refusal_of_the_service_has_a_reason_and_changes_nothing(records_service, make_desk):
    online = make_desk(records_service.base_url)
    session = sign_in(online, USER, DEMO_PASSWORD)
    assert _refusal(online, session, "not-it", NEW_PASSWORD) == ("wrong-current", "current", None)
    assert _refusal(online, session, DEMO_PASSWORD, "short-1x") == ("too-short", "new", 10)
    assert _refusal(online, session, DEMO_PASSWORD, "my-demo-clerk-2026")[0] == "contains-username"
    assert _refusal(online, session, DEMO_PASSWORD, "ababababababab")[0] == "repeated"
    assert _refusal(online, session, DEMO_PASSWORD, "password1234")[0] == "guessable"
    assert _refusal(online, session, DEMO_PASSWORD, DEMO_PASSWORD)[0] == "same-as-current"
    assert _refusal(online, session, DEMO_PASSWORD, "x" * 300)[0] == "too-long"
    # Nothing changed: the old password still signs in, online and offline.
    assert sign_in(make_desk(UNREACHABLE), USER, DEMO_PASSWORD).offline
    assert not sign_in(make_desk(records_service.base_url), USER, DEMO_PASSWORD).offline


def test_signed_in_offline_the_password_cannot_be_changed(records_service, make_desk):
    sign_in(make_desk(records_service.base_url), USER, DEMO_PASSWORD)
    offline = make_desk(UNREACHABLE)
    session = sign_in(offline, USER, DEMO_PASSWORD)
    assert session.offline
    assert _refusal(offline, session, DEMO_PASSWORD, NEW_PASSWORD) == (
        "signed-in-offline",
        "",
        None,
    )
