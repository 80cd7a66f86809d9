"""Offline sign-in as an attacker at a window PC would try it (issue 14): guessing, setting
the clock back, a password the center no longer accepts, a certificate that is not trusted,
a validity only IT sets."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import trustme

from clerk_app.app.session import sign_in
from clerk_app.core.provisioning import (
    MACHINE_DIR_ENV,
    ProvisioningError,
    locate_provisioning,
    parse_provisioning,
)
from clerk_app.core.settings import Settings
from clerk_app.remote.api import ApiError, TlsError
from clerk_app.store.credentials import MAX_OFFLINE_TRIES, OfflineSignInError
from tests.helpers.security_desk import DEMO_PROVISIONING, UNREACHABLE
from tests.helpers.service import DEMO_PASSWORD, RunningService, ServiceFactory

USER = "demo-clerk"


def _audited(ctx) -> list[str]:
    rows = ctx.backend.store.outbox_rows("pending")
    return [r.body["events"][0]["result"] for r in rows if r.kind == "client_event"]


def _refused(ctx, password: str) -> str:
    with pytest.raises(OfflineSignInError) as refused:
        sign_in(ctx, USER, password)
    return refused.value.reason


def test_five_wrong_passwords_lock_offline_sign_in_until_an_online_one(records_service, make_desk):
    sign_in(make_desk(records_service.base_url), USER, DEMO_PASSWORD)
    offline = make_desk(UNREACHABLE)
    reasons = [_refused(offline, f"guess-{n}") for n in range(MAX_OFFLINE_TRIES)]
    assert reasons == ["wrong-password"] * (MAX_OFFLINE_TRIES - 1) + ["locked"]
    # The right password does not open it any more, however often it is tried.
    assert _refused(offline, DEMO_PASSWORD) == "locked"
    assert _audited(offline)[-2:] == ["refused:locked", "refused:locked"]
    # An online sign-in (the center checked the password) opens it again.
    assert not sign_in(make_desk(records_service.base_url), USER, DEMO_PASSWORD).offline
    assert sign_in(make_desk(UNREACHABLE), USER, DEMO_PASSWORD).offline


def test_a_clock_set_back_before_the_services_last_time_is_refused(
    records_service, make_desk, clock
):
    online = make_desk(records_service.base_url)
    sign_in(online, USER, DEMO_PASSWORD)
    told = online.backend.sync_state.load().last_server_date
    assert told is not None  # the service's Date at the sign-in
    offline = make_desk(UNREACHABLE)
    clock.advance(timedelta(hours=-2))  # someone sets the PC's clock back
    assert _refused(offline, DEMO_PASSWORD) == "clock"
    clock.advance(timedelta(hours=3))  # the right time again
    assert sign_in(offline, USER, DEMO_PASSWORD).offline


def test_a_401_from_the_service_forgets_the_offline_credential(records_service, make_desk):
    ctx = make_desk(records_service.base_url)
    sign_in(ctx, USER, DEMO_PASSWORD)
    assert ctx.backend.credentials.has("W01", USER)
    # The password was changed at the center (here: this one is wrong there): 401.
    with pytest.raises(ApiError) as refused:
        sign_in(ctx, USER, "the-old-password")
    assert refused.value.status == 401
    assert not ctx.backend.credentials.has("W01", USER)
    # So the old password no longer opens this desk offline.
    assert _refused(make_desk(UNREACHABLE), DEMO_PASSWORD) == "never-online"


@pytest.fixture
def tls_service(service_factory: ServiceFactory, tmp_path: Path) -> RunningService:
    cert = trustme.CA().issue_cert("127.0.0.1", "localhost")  # a CA the desk does not know
    cert_file, key_file = tmp_path / "server.pem", tmp_path / "server.key"
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    for extra in cert.cert_chain_pems[1:]:
        extra.write_to_path(str(cert_file), append=True)
    cert.private_key_pem.write_to_path(str(key_file))
    return service_factory(tls=(cert_file, key_file))


def test_an_untrusted_certificate_is_an_error_never_an_offline_sign_in(
    records_service, tls_service, make_desk
):
    sign_in(make_desk(records_service.base_url), USER, DEMO_PASSWORD)  # may sign in offline
    # A man in the middle (or a wrong CA bundle): the same desk reaches a service whose
    # certificate it does not trust.
    ctx = make_desk(tls_service.base_url)
    with pytest.raises(TlsError):
        sign_in(ctx, USER, DEMO_PASSWORD)
    assert _audited(ctx) == []  # no offline attempt was made


def test_validity_comes_only_from_the_machines_provisioning_and_never_exceeds_72_hours(
    records_service, make_desk, clock, tmp_path
):
    text = DEMO_PROVISIONING.read_text("utf-8")
    prov = parse_provisioning(text + "\n[security]\noffline_signin_hours = 8\n")
    assert prov.offline_signin_hours == 8
    with pytest.raises(ProvisioningError) as wrong:
        parse_provisioning(text + "\n[security]\noffline_signin_hours = 73\n")
    assert wrong.value.problems[0].field == "security.offline_signin_hours"
    # A clerk's settings file can no longer lengthen it.
    settings_file = tmp_path / "settings.json"
    settings_file.write_text('{"offline.signin_hours": 720}', "utf-8")
    loaded = Settings.load(settings_file)
    assert any("offline.signin_hours" in note for note in loaded.ignored)

    sign_in(make_desk(records_service.base_url, offline_signin_hours=8), USER, DEMO_PASSWORD)
    offline = make_desk(UNREACHABLE, offline_signin_hours=8)
    clock.advance(timedelta(hours=8, minutes=1))
    assert _refused(offline, DEMO_PASSWORD) == "expired"


def test_a_provisioning_file_in_the_users_folder_cannot_loosen_the_rules(tmp_path, monkeypatch):
    monkeypatch.setenv(MACHINE_DIR_ENV, str(tmp_path / "no-machine-file"))
    user = tmp_path / "config"
    user.mkdir()
    loose = "\n[security]\nidle_lock_minutes = 120\nretention_days = 3650\n"
    (user / "provisioning.toml").write_text(DEMO_PROVISIONING.read_text("utf-8") + loose, "utf-8")
    prov = locate_provisioning(user)
    assert (prov.idle_lock_minutes, prov.retention_days) == (10, 180)
    machine = tmp_path / "machine"
    machine.mkdir()
    (machine / "provisioning.toml").write_text(
        DEMO_PROVISIONING.read_text("utf-8") + loose, "utf-8"
    )
    monkeypatch.setenv(MACHINE_DIR_ENV, str(machine))
    assert locate_provisioning(user).idle_lock_minutes == 120  # IT's own file decides
