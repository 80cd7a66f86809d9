"""The rules the service shares with the client, taken from ``clerk_app.core``.

The service never words rules of its own: identity checks, the lifecycle and the
working-day calendar come from ``clerk_app.core`` so that the two sides cannot disagree.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


class UnknownIdType(ValueError):
    """The document type is not one ``clerk_app.core.identity.IdType`` knows."""


def identity_errors(id_type: str, value: str) -> list[str]:
    """English sentences for the blocking problems of an identity document number.

    Raises:
        UnknownIdType: ``id_type`` is not a known document type.
    """
    from clerk_app.core import identity

    try:
        kind = identity.IdType(id_type)
    except ValueError as exc:
        raise UnknownIdType(id_type) from exc
    check = identity.check_document(kind, value)
    return [identity.describe(issue, "en") for issue in check.errors]


def initial_status(disposition: str) -> str:
    """The status a new case starts in for its intake ``disposition``."""
    try:
        from clerk_app.core import lifecycle
    except ImportError:  # TODO: remove once clerk_app.core.lifecycle has landed.
        return _INTERIM_INITIAL_STATUS[disposition]
    status = lifecycle.initial_status(lifecycle.Disposition(disposition))
    return str(getattr(status, "value", status))


_INTERIM_INITIAL_STATUS = {
    "immediate": "accepted",
    "promised": "accepted",
    "deferred_materials": "accepted",
    "supplement": "supplement_requested",
    "refused": "refused",
    "forwarded": "forwarded",
}


@lru_cache(maxsize=1)
def _builtin_calendar() -> Any:
    from clerk_app.core.calendar import WorkCalendar

    return WorkCalendar.builtin()


def published_calendar(year: int) -> dict[str, Any]:
    """The ``GET /calendar`` payload for ``year``."""
    return _builtin_calendar().to_published(year)
