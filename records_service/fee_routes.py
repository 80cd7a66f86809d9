"""What the fee routers (``routers.fees``, ``routers.cashier``) share: the answer
documentation of their idempotent writes, the fiscal platform of the app, their audit
records."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import Request
from sqlalchemy.orm import Session

from records_service import audit
from records_service.deps import Principal, client_ip
from records_service.fiscal import FiscalPlatform, NoticeForPlatform, PlatformError
from records_service.idempotency import REPLAY_HEADERS
from records_service.models import PaymentNotice
from records_service.problems import ProblemError

#: The problems every idempotent write of the fee routes may answer.
KEYED = (400, 401, 403, 409, 413, 422)


def created(description: str = "created, or the stored answer to a repeated request") -> dict:
    """The 201 answer of an idempotent write, with its replay header."""
    return {"description": description, "headers": REPLAY_HEADERS}


def platform(request: Request) -> FiscalPlatform:
    """The app's fiscal platform (``Settings.fiscal_platform``)."""
    return request.app.state.fiscal


def record(
    session: Session,
    request: Request,
    principal: Principal,
    now: datetime,
    action: str,
    target: str,
    detail: dict[str, Any],
) -> None:
    """An audit record of a fee write, committed with it."""
    audit.record(
        session,
        at=now,
        action=action,
        result="ok",
        actor=principal.actor,
        device_id=principal.device_id,
        target=target,
        client_ip=client_ip(request),
        detail=detail,
    )


def fiscal_unavailable(error: PlatformError) -> ProblemError:
    """503 ``fiscal-unavailable``: the platform did not answer a call a write needs."""
    return ProblemError(
        503,
        "fiscal-unavailable",
        f"The fiscal platform did not answer ({error}); take cash on a paper receipt, or retry.",
        title="Fiscal platform unavailable",
    )


def platform_notice(notice: PaymentNotice) -> NoticeForPlatform:
    """What the platform registers of ``notice``."""
    return NoticeForPlatform(
        notice.notice_no,
        notice.department_code,
        str(notice.payer.get("name", "")),
        notice.total_fen,
        tuple((str(x["fee_name"]), int(x["amount_fen"])) for x in notice.lines),
    )


def attach_payment_code(fiscal: FiscalPlatform, notice: PaymentNotice) -> None:
    """Ask the platform for the payment code of a notice that has none (issued while the
    platform was down), when cash on paper needs no platform: a paper payment taken with
    the link down brings the code in when it arrives. The platform still down: the notice
    stays without one (the payment is taken all the same)."""
    if notice.payment_code:
        return
    try:
        notice.payment_code = fiscal.assign_code(platform_notice(notice))
    except PlatformError:
        return
