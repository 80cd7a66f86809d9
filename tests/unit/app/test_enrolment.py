"""The hall PC's credential bookkeeping: when it renews, how it is kept, what IT types."""

from __future__ import annotations

from datetime import datetime, timedelta

from clerk_app.app.enrolment import MachineCredential, normalise_code
from clerk_app.core.clock import CENTER_TZ

OBTAINED = datetime(2026, 12, 6, 9, 0, tzinfo=CENTER_TZ)


def credential(days: int = 365) -> MachineCredential:
    return MachineCredential(
        token="t" * 43,
        kind="display",
        window_code=None,
        label="大厅一号屏",
        expires_at=OBTAINED + timedelta(days=days),
        obtained_at=OBTAINED,
    )


def test_renewal_is_due_when_a_third_of_the_lifetime_is_left() -> None:
    held = credential(300)
    assert not held.renew_due(OBTAINED)
    assert not held.renew_due(OBTAINED + timedelta(days=199, hours=23))
    assert held.renew_due(OBTAINED + timedelta(days=200))
    assert held.renew_due(OBTAINED + timedelta(days=400))  # expired: still tried (→ 401)


def test_a_kept_credential_reads_back_and_a_damaged_one_is_none() -> None:
    held = credential()
    assert MachineCredential.from_json(held.to_json()) == held
    assert MachineCredential.from_json("{not json") is None
    assert MachineCredential.from_json('{"token": "x"}') is None


def test_what_it_types_becomes_the_service_s_code() -> None:
    assert normalise_code(" abcd efgh-ijkl ") == "ABCD-EFGH-IJKL"
    assert normalise_code("ABCDEFGHIJKL") == "ABCD-EFGH-IJKL"
    assert normalise_code("abc") == "ABC"  # the service says it is unknown
