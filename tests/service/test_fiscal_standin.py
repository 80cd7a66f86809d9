"""The stand-in fiscal platform (issue 17) keeps the adapter's promises
(``records_service.fiscal.platform``): codes and receipts are deterministic, a payment is
confirmed once for the notice's amount, a paid code is never cancelled, an unreachable
platform says so."""

from __future__ import annotations

import pytest

from records_service.fiscal import FiscalPlatform, NoticeForPlatform, PlatformError, platform_for
from records_service.fiscal.standin import StandInPlatform, payment_code

NOTICE = NoticeForPlatform("JK-W01-20261128-000007", "GA", "张三", 3550, (("工本费", 3550),))


def test_the_stand_in_is_a_fiscal_platform_chosen_by_its_setting() -> None:
    platform = platform_for("standin")
    assert isinstance(platform, FiscalPlatform) and isinstance(platform, StandInPlatform)
    with pytest.raises(ValueError):
        platform_for("province")
    with pytest.raises(PlatformError):
        platform_for("standin-offline").assign_code(NOTICE)


def test_codes_and_receipts_are_deterministic_and_verifiable() -> None:
    first, second = StandInPlatform(), StandInPlatform()
    code = first.assign_code(NOTICE)
    assert code == second.assign_code(NOTICE) == payment_code(NOTICE.notice_no)
    assert len(code) == 20 and code.isdigit()
    assert first.lookup(code).state == "issued"
    receipt = first.confirm(code, 3550, "cash", "")
    assert receipt == second.confirm(code, 3550, "cash", "")
    assert first.confirm(code, 3550, "cash", "") == receipt  # the same payment again
    assert first.lookup(code).state == "paid" and first.lookup(code).receipt == receipt
    assert second.verify(receipt.code, receipt.number, receipt.check_code)
    assert not second.verify(receipt.code, receipt.number, "123456")
    assert first.lookup("13" + "0" * 18).state == "unknown"


def test_wrong_amounts_second_payments_and_late_cancels_are_refused() -> None:
    platform = StandInPlatform()
    code = platform.assign_code(NOTICE)
    with pytest.raises(PlatformError) as wrong:
        platform.confirm(code, 3549, "cash", "")
    assert wrong.value.reason == "amount"
    platform.confirm(code, 3550, "card", "POS-1")
    with pytest.raises(PlatformError) as twice:
        platform.confirm(code, 3550, "card", "POS-2")
    assert twice.value.reason == "paid"
    with pytest.raises(PlatformError) as late:
        platform.cancel(code)
    assert late.value.reason == "paid"
    other = platform.assign_code(NoticeForPlatform("JK-W01-20261128-000008", "GA", "李四", 1, ()))
    platform.cancel(other)
    assert platform.lookup(other).state == "cancelled"
    with pytest.raises(PlatformError) as cancelled:
        platform.confirm(other, 1, "cash", "")
    assert cancelled.value.reason == "cancelled"
    platform.offline = True
    with pytest.raises(PlatformError) as down:
        platform.assign_code(NOTICE)
    assert down.value.reason == "unreachable"
