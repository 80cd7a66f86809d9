"""Sign-in, tried as an attacker would: parallel guesses, spraying many names from one
address, keeping a clerk out from elsewhere; password rules and the forced change."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from tests.helpers.security_api import (
    StartService,
    call,
    later,
    login,
    problem_type,
    signed_in,
)

ATTACKER = "203.0.113.66"
CLERK_PC = "10.1.1.21"


def _twelve_parallel_guesses(secured) -> list[int]:
    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(
            pool.map(
                lambda n: login(secured, password=f"guess-{n}-wrong", address=ATTACKER),
                range(12),
            )
        )
    return sorted(a.status_code for a in answers)


def test_twelve_parallel_wrong_passwords_then_the_right_one_is_refused(
    start_service: StartService,
) -> None:
    secured = start_service()  # the defaults: delay after 3 failures, lock after 5
    statuses = _twelve_parallel_guesses(secured)
    tried = statuses.count(401)
    assert 1 <= tried <= 5 and statuses == [401] * tried + [429] * (12 - tried), statuses
    right = login(secured, address=ATTACKER)
    assert right.status_code == 429 and problem_type(right) == "too-many-attempts"
    assert int(right.headers["Retry-After"]) > 0


def test_parallel_wrong_passwords_count_each_and_lock_only_the_pair(
    start_service: StartService,
) -> None:
    secured = start_service(CLERK_LOGIN_DELAY_AFTER="100")  # the pair lock alone
    # Each attempt is written before its password is checked: exactly 5 were ever tried.
    assert _twelve_parallel_guesses(secured) == [401] * 5 + [429] * 7
    denied = [r for r in secured.audit("login") if r[2] == "denied"]
    assert denied == [("demo-clerk", "W01", "denied")] * 5
    secured.set_time(later(minutes=5))
    assert login(secured, address=ATTACKER).status_code == 429  # the right password too
    # ... but the clerk at their own PC signs in: nobody keeps a clerk out from elsewhere.
    assert login(secured, address=CLERK_PC).status_code == 200
    secured.set_time(later(minutes=21))  # the lock ends after login_lock_minutes
    assert login(secured, address=ATTACKER).status_code == 200


def test_spraying_fifty_names_from_one_address_answers_429(start_service: StartService) -> None:
    secured = start_service()
    statuses = [
        login(secured, f"user-{n:02d}", password="Spring2026!", address=ATTACKER).status_code
        for n in range(50)
    ]
    assert 429 in statuses
    first = statuses.index(429)
    assert set(statuses[:first]) == {401} and set(statuses[first:]) == {429}, statuses
    # Even the right password of a real user waits while the address is throttled ...
    assert login(secured, address=ATTACKER).status_code == 429
    # ... and past any delay the address stays locked: it spent its 30 failures.
    secured.set_time(later(minutes=1))
    locked = login(secured, address=ATTACKER)
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 60
    assert [r for r in secured.audit("login") if r[2] == "throttled"]
    assert login(secured, address=CLERK_PC).status_code == 200  # another address: unaffected
    secured.set_time(later(minutes=20))  # after login_lock_minutes the address may try again
    assert login(secured, address=ATTACKER).status_code == 200


def test_the_delay_per_user_grows_and_ends_on_the_service_clock(
    start_service: StartService,
) -> None:
    secured = start_service(CLERK_LOGIN_MAX_FAILURES="10")
    for n in range(3):  # three addresses: the pair lock plays no part
        assert login(secured, password="no", address=f"198.51.100.{n}").status_code == 401
    waiting = login(secured, address=CLERK_PC)
    assert waiting.status_code == 429
    wait_s = int(waiting.headers["Retry-After"])
    assert 1 <= wait_s <= 30
    secured.set_time(secured.latest_now() + timedelta(seconds=wait_s + 1))
    assert login(secured, address=CLERK_PC).status_code == 200


def test_ipv6_addresses_count_by_their_64(start_service: StartService) -> None:
    secured = start_service(CLERK_LOGIN_MAX_FAILURES="2", CLERK_LOGIN_DELAY_AFTER="100")
    for n in (1, 2):
        assert login(secured, password="no", address=f"2001:db8:1:2::{n}").status_code == 401
    # A third address of the same /64 is the same attacker: the pair is locked.
    assert login(secured, address="2001:db8:1:2::ffff").status_code == 429
    assert login(secured, address="2001:db8:1:3::1").status_code == 200


def test_a_password_set_by_someone_else_must_be_changed_first(
    start_service: StartService,
) -> None:
    secured = start_service()
    secured.sql("UPDATE users SET must_change_password = :t WHERE username = 'demo-clerk'", t=True)
    first = signed_in(secured, device_id="desk-first")
    assert first["password_change_required"] is True
    bearer = first["access_token"]
    refused = call(secured, "GET", "/catalog", bearer)
    assert refused.status_code == 403 and problem_type(refused) == "password-change-required"
    change = "/auth/password"
    for weak in ("password1234", "demo-clerk-2026-x", "aaaaaaaaaaaa", "short1"):
        answer = call(
            secured,
            "POST",
            change,
            bearer,
            {"current_password": "demo-pass-2026", "new_password": weak},
        )
        assert answer.status_code == 422 and problem_type(answer) == "weak-password", weak
    wrong = call(
        secured,
        "POST",
        change,
        bearer,
        {"current_password": "not-it", "new_password": "violet-harbour-lantern-62"},
    )
    assert wrong.status_code == 403 and problem_type(wrong) == "wrong-password"
    good = {"current_password": "demo-pass-2026", "new_password": "violet-harbour-lantern-62"}
    assert call(secured, "POST", change, bearer, good).status_code == 204
    assert call(secured, "GET", "/catalog", bearer).status_code == 200
    again = signed_in(secured, password="violet-harbour-lantern-62")
    assert again["password_change_required"] is False
    assert login(secured).status_code == 401  # the old password is gone
    assert ("demo-clerk", None, "ok") in secured.audit("password.change")


def test_an_expired_password_must_be_changed(start_service: StartService) -> None:
    secured = start_service(CLERK_PASSWORD_EXPIRY_DAYS="90")
    assert signed_in(secured)["password_change_required"] is False
    secured.set_time(later(days=400))  # the demo users were made when the test data was
    answer = signed_in(secured)
    assert answer["password_change_required"] is True
    assert call(secured, "GET", "/catalog", answer["access_token"]).status_code == 403
