"""The province's fiscal non-tax collection platform (财政非税收入收缴平台), behind an
adapter (:mod:`.platform`); :func:`platform_for` picks the implementation a setting names."""

from __future__ import annotations

from records_service.fiscal.platform import (
    ElectronicReceipt,
    FiscalPlatform,
    NoticeForPlatform,
    PlatformError,
    platform_for,
)

__all__ = [
    "ElectronicReceipt",
    "FiscalPlatform",
    "NoticeForPlatform",
    "PlatformError",
    "platform_for",
]
