"""Append-only audit trail: who, when, what, from where, result."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from records_service.models import AuditRecord


def record(
    session: Session,
    *,
    at: datetime,
    action: str,
    result: str,
    actor: str | None = None,
    device_id: str | None = None,
    target: str | None = None,
    client_ip: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Add one audit record to ``session`` (committed with the write it describes)."""
    session.add(
        AuditRecord(
            at=at,
            actor=actor[:64] if actor else None,
            device_id=device_id[:64] if device_id else None,
            action=action,
            target=target[:100] if target else None,
            client_ip=client_ip,
            result=result,
            detail=detail,
        )
    )
