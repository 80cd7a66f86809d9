"""Supervision (督查, issue 19): warning cards (红牌/黄牌) to a window or a department with
the cases, complaints and ratings behind them, and model windows (样板窗口) per month.

Both belong to the supervisor's center; a card's ``month`` is the center's month it was
issued in (for the bulletins). Everything a card links to must exist in the center, and its
target too (422 naming the field otherwise); a window is a month's model window once (409).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clerk_app.core.clock import CENTER_TZ
from records_service.case_views import iso
from records_service.complaint_schemas import CardCreate, ModelWindowCreate
from records_service.models import (
    Case,
    Complaint,
    Department,
    ModelWindow,
    Rating,
    SupervisionCard,
    Window,
)
from records_service.problems import ProblemError, invalid_fields


def month_of(now: datetime) -> str:
    return now.astimezone(CENTER_TZ).strftime("%Y-%m")


def _window_error(session: Session, field: str, code: str, center: str) -> dict[str, str] | None:
    window = session.get(Window, code)
    if window is None or window.center_code != center:
        return {"field": field, "message": f"no window {code}"}
    return None


def issue_card(
    session: Session, body: CardCreate, center: str, by: str, now: datetime
) -> SupervisionCard:
    """A new card; 422 naming every unknown target or link."""
    errors: list[dict[str, str]] = []
    if body.target_kind == "window":
        error = _window_error(session, "target_code", body.target_code, center)
        if error:
            errors.append(error)
    elif session.get(Department, body.target_code) is None:
        errors.append({"field": "target_code", "message": f"no department {body.target_code}"})
    checks: list[tuple[str, list[str], Any, Any]] = [
        ("cases", body.links.cases, Case.case_no, Case.center_code),
        ("complaints", body.links.complaints, Complaint.no, Complaint.center_code),
        ("ratings", body.links.ratings, Rating.id, Rating.center_code),
    ]
    for name, wanted, column, center_column in checks:
        if not wanted:
            continue
        found = set(
            session.scalars(select(column).where(column.in_(wanted), center_column == center))
        )
        for index, value in enumerate(wanted):
            if value not in found:
                errors.append(
                    {"field": f"links.{name}[{index}]", "message": f"no such {name[:-1]} {value}"}
                )
    if errors:
        raise invalid_fields(errors)
    card = SupervisionCard(
        center_code=center,
        colour=body.colour,
        target_kind=body.target_kind,
        target_code=body.target_code,
        reason=body.reason,
        links={
            "cases": list(body.links.cases),
            "complaints": list(body.links.complaints),
            "ratings": list(body.links.ratings),
        },
        issued_at=now,
        by_user=by,
        month=month_of(now),
    )
    session.add(card)
    session.flush()
    return card


def card_public(card: SupervisionCard) -> dict[str, Any]:
    links = card.links or {}
    return {
        "id": card.id,
        "colour": card.colour,
        "target_kind": card.target_kind,
        "target_code": card.target_code,
        "reason": card.reason,
        "links": {k: list(links.get(k, [])) for k in ("cases", "complaints", "ratings")},
        "issued_at": iso(card.issued_at),
        "by": card.by_user,
        "month": card.month,
    }


def designate(
    session: Session, body: ModelWindowCreate, center: str, by: str, now: datetime
) -> ModelWindow:
    """A model window of a month; 422 for an unknown window, 409 when it is already."""
    error = _window_error(session, "window_code", body.window_code, center)
    if error:
        raise invalid_fields([error])
    row = ModelWindow(
        center_code=center,
        month=body.month,
        window_code=body.window_code,
        reason=body.reason,
        by_user=by,
        at=now,
    )
    session.add(row)
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise ProblemError(
            409,
            "already-model-window",
            f"Window {body.window_code} is a model window of {body.month} already.",
            title="Model window already",
        ) from None
    return row


def model_window_public(row: ModelWindow) -> dict[str, Any]:
    return {
        "id": row.id,
        "month": row.month,
        "window_code": row.window_code,
        "reason": row.reason,
        "by": row.by_user,
        "at": iso(row.at),
    }
