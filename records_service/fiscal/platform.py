"""The adapter to the province's fiscal non-tax collection platform (财政非税收入收缴平台).

What the real platform does (and what any implementation of :class:`FiscalPlatform` must
do the same way):

- **Payment codes (缴款码).** The department window assesses a fee and the center issues a
  payment notice (缴款通知书) with its own notice number; the platform then registers the
  notice (payer, collecting unit = the department, items, total) and assigns it a payment
  code. Banks, POS terminals and QR payments check a payment against the platform by that
  code, so the window can never invent one. Registering the same notice number again
  answers the same code (the call is idempotent by notice number).
- **Confirmation and the electronic receipt (财政电子票据).** When the settlement window
  takes the money, it confirms the payment to the platform (code, amount in fen, method,
  the POS or bank reference). The platform refuses an amount other than the notice's and a
  second confirmation of a paid code, and issues the electronic fiscal receipt: the receipt
  code (票据代码, the kind and region of the stock), the receipt number (票据号码), a check
  code (校验码) and the address where anyone verifies it (the QR printed on the receipt).
  Confirming the same payment again (same code, amount and reference) answers the same
  receipt.
- **Lookup.** The state of a code: unknown, issued (unpaid), paid (with its receipt) or
  cancelled.
- **Cancellation.** An unpaid code can be cancelled (作废) with its notice; a paid one not.

Money is integer fen everywhere. Every call may fail with :class:`PlatformError` when the
platform is unreachable or refuses; the service then answers without the platform's part
(a notice without its code, a cash payment with a paper receipt) and never invents it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

PaymentMethod = Literal["cash", "card", "qr"]
CodeState = Literal["unknown", "issued", "paid", "cancelled"]


class PlatformError(Exception):
    """The platform could not be reached or refused the call (``reason`` says which)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason  # "unreachable" | "amount" | "paid" | "unknown" | "cancelled"


@dataclass(frozen=True)
class NoticeForPlatform:
    """What the platform registers of a payment notice."""

    notice_no: str
    department_code: str  # the collecting unit (执收单位)
    payer_name: str
    total_fen: int
    items: tuple[tuple[str, int], ...]  # (fee name, amount in fen)


@dataclass(frozen=True)
class ElectronicReceipt:
    """A fiscal electronic receipt (财政电子票据) as the platform issued it."""

    code: str  # 票据代码
    number: str  # 票据号码
    check_code: str  # 校验码
    verify_url: str  # where the QR on the receipt points


@dataclass(frozen=True)
class CodeStatus:
    """What :meth:`FiscalPlatform.lookup` answers."""

    state: CodeState
    notice_no: str = ""
    total_fen: int = 0
    receipt: ElectronicReceipt | None = None


@runtime_checkable
class FiscalPlatform(Protocol):
    """The calls the records service makes to the fiscal platform."""

    def assign_code(self, notice: NoticeForPlatform) -> str:
        """Register ``notice`` and answer its payment code (the same code again for the
        same notice number)."""

    def confirm(
        self, code: str, amount_fen: int, method: PaymentMethod, reference: str
    ) -> ElectronicReceipt:
        """Confirm the payment of ``code`` and issue its electronic receipt.

        Raises:
            PlatformError: ``unknown`` code, ``cancelled``, ``paid`` already (with another
                reference), ``amount`` not equal to the notice's total, ``unreachable``.
        """

    def lookup(self, code: str) -> CodeStatus:
        """The state of ``code`` (``unknown`` when the platform never assigned it)."""

    def cancel(self, code: str) -> None:
        """Cancel an unpaid code (``PlatformError("paid", …)`` after payment)."""

    def verify(self, code: str, number: str, check_code: str) -> bool:
        """Whether an electronic receipt with these code, number and check code was issued
        (what the verify address answers a payer who scans the QR)."""


def platform_for(name: str) -> FiscalPlatform:
    """The platform a setting names (``fiscal_platform``): ``standin``, the in-process
    stand-in of :mod:`records_service.fiscal.standin` (tests and the demo), or
    ``standin-offline``, the same stand-in unreachable (to try the link to the platform
    down)."""
    if name in ("standin", "standin-offline"):
        from records_service.fiscal.standin import StandInPlatform

        platform = StandInPlatform()
        platform.offline = name == "standin-offline"
        return platform
    raise ValueError(f"unknown fiscal platform {name!r}")
