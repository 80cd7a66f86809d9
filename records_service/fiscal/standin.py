"""An in-process stand-in for the province's fiscal platform, written against
:class:`~records_service.fiscal.platform.FiscalPlatform` (tests and the demo; chosen by
``CLERK_FISCAL_PLATFORM=standin``, the default).

Everything it answers is deterministic, so a restarted service (or a second process)
answers the same: a notice's payment code is derived from its notice number, an electronic
receipt's number and check code from the payment code. What it remembers (which codes are
paid or cancelled, their amounts) lives in memory; the records service's own tables stay
the record of what happened.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
from urllib.parse import urlencode

from records_service.fiscal.platform import (
    CodeStatus,
    ElectronicReceipt,
    NoticeForPlatform,
    PaymentMethod,
    PlatformError,
)

#: The stand-in's receipt code (票据代码): region 13 (Hebei), kind 01 (非税收入一般缴款书).
RECEIPT_CODE = "13010126"
#: Where the stand-in's receipts are verified (``.invalid``: no real address).
VERIFY_BASE = "https://fiscal-standin.invalid/verify"
_SECRET = b"clerk-fiscal-standin"


def _digits(text: str, count: int) -> str:
    digest = hmac.new(_SECRET, text.encode("utf-8"), hashlib.sha256).hexdigest()
    return str(int(digest, 16))[-count:].rjust(count, "0")


def payment_code(notice_no: str) -> str:
    """The 20-digit payment code the stand-in assigns ``notice_no`` (13 = Hebei)."""
    return "13" + _digits("code:" + notice_no, 18)


def receipt_for(code: str) -> ElectronicReceipt:
    """The electronic receipt the stand-in issues for the payment of ``code``."""
    number = _digits("number:" + code, 10)
    check = _digits(f"check:{RECEIPT_CODE}:{number}", 6)
    query = urlencode({"code": RECEIPT_CODE, "number": number, "check": check})
    return ElectronicReceipt(RECEIPT_CODE, number, check, f"{VERIFY_BASE}?{query}")


class StandInPlatform:
    """The stand-in platform (see the module docstring)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._notices: dict[str, NoticeForPlatform] = {}
        self._paid: dict[str, tuple[int, str]] = {}  # code → (amount, reference)
        self._cancelled: set[str] = set()
        #: Set to True to play a platform that cannot be reached.
        self.offline = False

    def _reachable(self) -> None:
        if self.offline:
            raise PlatformError("unreachable", "The fiscal platform cannot be reached.")

    def assign_code(self, notice: NoticeForPlatform) -> str:
        self._reachable()
        code = payment_code(notice.notice_no)
        with self._lock:
            self._notices[code] = notice
        return code

    def confirm(
        self, code: str, amount_fen: int, method: PaymentMethod, reference: str
    ) -> ElectronicReceipt:
        self._reachable()
        with self._lock:
            notice = self._notices.get(code)
            if code in self._cancelled:
                raise PlatformError("cancelled", f"Payment code {code} was cancelled.")
            if notice is not None and notice.total_fen != amount_fen:
                raise PlatformError("amount", f"Payment code {code} is not for {amount_fen} fen.")
            paid = self._paid.get(code)
            if paid is not None and paid != (amount_fen, reference):
                raise PlatformError("paid", f"Payment code {code} is paid already.")
            self._paid[code] = (amount_fen, reference)
        return receipt_for(code)

    def lookup(self, code: str) -> CodeStatus:
        self._reachable()
        with self._lock:
            notice = self._notices.get(code)
            if notice is None:
                return CodeStatus("unknown")
            if code in self._cancelled:
                return CodeStatus("cancelled", notice.notice_no, notice.total_fen)
            if code in self._paid:
                return CodeStatus("paid", notice.notice_no, notice.total_fen, receipt_for(code))
            return CodeStatus("issued", notice.notice_no, notice.total_fen)

    def cancel(self, code: str) -> None:
        self._reachable()
        with self._lock:
            if code in self._paid:
                raise PlatformError("paid", f"Payment code {code} is paid already.")
            self._cancelled.add(code)

    def verify(self, code: str, number: str, check_code: str) -> bool:
        """Whether the check code belongs to that code and number (the stand-in derives it,
        so a restarted stand-in verifies what an earlier one issued)."""
        if code != RECEIPT_CODE or not number.isdigit() or len(number) != 10:
            return False
        expected = _digits(f"check:{RECEIPT_CODE}:{number}", 6)
        return hmac.compare_digest(expected, check_code)


def method_name(method: PaymentMethod) -> str:
    """The method's Chinese name on a receipt."""
    return {"cash": "现金", "card": "银行卡", "qr": "扫码支付"}[method]
