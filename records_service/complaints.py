"""Complaints (投诉, issue 19): taken in at the complaints desk by a supervisor (督查),
assigned to a department with a deadline in working days per category, answered by the
department, called back (回访), closed, or reopened once.

Life: ``open`` → ``assigned`` → ``answered`` → ``called_back`` → ``closed``; a supervisor
may re-assign an ``open``/``assigned``/``reopened`` one, close an ``answered`` one without
a call-back (an anonymous complainant left no contact), and reopen a ``called_back`` or
``closed`` one once (``reopened``: assigned again to its department with a new deadline).
Every step is a :class:`ComplaintEvent` and an audit record (never with the complainant's
name or contact, nor the account).

Who reaches a complaint (:func:`complaint_reach`; outside it: 404, like an unknown number):
a supervisor, every complaint of their center and the centers below; a lead or clerk, the
complaints assigned to their department in their center. Nobody reaches a complaint about
themselves (``about_clerk``): the clerk complained about neither finds it nor sees it listed.

Overdue: an assigned or reopened complaint not answered by its ``due_date`` (the center's
day), or answered after it. :func:`escalate_overdue` (called by the list, on the service's
injected clock) marks each overdue one once (``escalated_at``, an ``escalated`` event, an
audit record); an answer given late escalates its complaint at once. Escalated ones lead the
supervisor's list, flagged red.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, or_, select
from sqlalchemy.orm import Session

from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.identity import mask_name, mask_phone
from records_service import audit, locks, notifications, reach, rules
from records_service.case_views import iso
from records_service.complaint_schemas import ComplaintCreate
from records_service.deps import Principal
from records_service.models import (
    Case,
    Complaint,
    ComplaintEvent,
    Department,
    Rating,
    User,
    Window,
    writer_center,
)
from records_service.problems import ProblemError, invalid_field, invalid_fields
from records_service.settings import COMPLAINT_ANSWER_DAYS, Settings

#: Statuses a department answers in.
ANSWERABLE = ("assigned", "reopened")
#: Statuses whose deadline runs (not yet answered).
RUNNING = ANSWERABLE


def today_of(now: datetime) -> date:
    return now.astimezone(CENTER_TZ).date()


def complaint_reach(session: Session, principal: Principal) -> ColumnElement[bool]:
    """The condition on :class:`Complaint` rows ``principal`` reaches (module doc)."""
    who = reach.callers(principal)
    not_about_me = or_(Complaint.about_clerk.is_(None), Complaint.about_clerk != principal.username)
    if "supervisor" in who:
        centers = reach.centers_at_and_below(session, principal.center_code)
        return and_(Complaint.center_code.in_(centers), not_about_me)
    if who & {"lead", "clerk"} and principal.department_code:
        return and_(
            Complaint.department_code == principal.department_code,
            Complaint.center_code == principal.center_code,
            not_about_me,
        )
    return false()


def complaint_in_reach(session: Session, principal: Principal, no: str) -> Complaint:
    """The complaint ``no`` if ``principal`` reaches it (locked for the write on
    PostgreSQL); else 404."""
    query = select(Complaint).where(Complaint.no == no, complaint_reach(session, principal))
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    found = session.scalars(query).first()
    if found is None:
        raise reach.not_found(f"complaint {no}")
    return found


def conflict(slug: str, detail: str, title: str) -> ProblemError:
    return ProblemError(409, slug, detail, title=title)


def _status_conflict(complaint: Complaint, doing: str) -> ProblemError:
    if complaint.status == "closed":
        return conflict(
            "complaint-closed",
            f"Complaint {complaint.no} is closed: it cannot be {doing}.",
            "Complaint closed",
        )
    return conflict(
        "complaint-state",
        f"Complaint {complaint.no} is {complaint.status}: it cannot be {doing} now.",
        "Not at this step",
    )


# --- taking a complaint in ----------------------------------------------------------------


def _about(session: Session, body: ComplaintCreate, center: str) -> dict[str, Any]:
    """What the complaint is about, checked (422 naming every unknown or missing field)
    and completed: a window's department, a case's window, a clerk's window, a rating's
    case, window and clerk."""
    errors: list[dict[str, str]] = []
    about: dict[str, Any] = {
        "about_window": body.about_window,
        "about_department": body.about_department,
        "about_clerk": body.about_clerk,
        "about_case_no": body.about_case_no,
    }
    if body.rating_id is not None:
        rating = session.get(Rating, body.rating_id)
        # a queue ticket served with no case is rated without one (migration 0016)
        case = session.get(Case, rating.case_id) if rating and rating.case_id else None
        if rating is None or rating.center_code != center:
            errors.append({"field": "rating_id", "message": f"no rating {body.rating_id}"})
        elif not rating.bad:
            errors.append(
                {"field": "rating_id", "message": f"rating {body.rating_id} is not a bad one"}
            )
        else:
            about["about_case_no"] = about["about_case_no"] or (case.case_no if case else None)
            about["about_window"] = about["about_window"] or rating.window_code
            about["about_clerk"] = about["about_clerk"] or rating.clerk
    if (body.channel == "rating") != (body.rating_id is not None):
        errors.append(
            {"field": "rating_id", "message": "a complaint from a rating has channel rating"}
        )
    needed = {
        "window": "about_window",
        "department": "about_department",
        "clerk": "about_clerk",
        "case": "about_case_no",
    }.get(body.about_kind)
    if needed and not about[needed]:
        errors.append({"field": needed, "message": f"say which {body.about_kind} it is about"})
    if about["about_case_no"]:
        case = session.scalars(
            select(Case).where(Case.case_no == about["about_case_no"], Case.center_code == center)
        ).first()
        if case is None:
            errors.append(
                {"field": "about_case_no", "message": f"no case {about['about_case_no']}"}
            )
        else:
            about["about_window"] = about["about_window"] or case.window_code
    if about["about_clerk"]:
        user = session.scalars(
            select(User).where(User.username == about["about_clerk"], User.center_code == center)
        ).first()
        if user is None:
            errors.append({"field": "about_clerk", "message": f"no clerk {about['about_clerk']}"})
        else:
            about["about_window"] = about["about_window"] or user.window_code
            about["about_department"] = about["about_department"] or user.department_code
    if about["about_window"]:
        window = session.get(Window, about["about_window"])
        if window is None or window.center_code != center:
            errors.append(
                {"field": "about_window", "message": f"no window {about['about_window']}"}
            )
        else:
            about["about_department"] = about["about_department"] or window.department_code
    if about["about_department"] and session.get(Department, about["about_department"]) is None:
        errors.append(
            {"field": "about_department", "message": f"no department {about['about_department']}"}
        )
    if body.anonymous and body.complainant_name.strip():
        errors.append(
            {"field": "complainant_name", "message": "an anonymous complaint has no name"}
        )
    if not body.anonymous and not body.complainant_name.strip():
        errors.append(
            {"field": "complainant_name", "message": "give the complainant's name or anonymous"}
        )
    if errors:
        raise invalid_fields(errors)
    return about


def next_no(session: Session, center: str, day: date) -> str:
    """``TS-{center}-{yyyymmdd}-{seq:04d}``: the day's next number. Takes the lock of the
    number's prefix (``locks.COMPLAINT_NO``, held until the commit), so two complaints of
    the center's day never draw the same one; other centers and days do not wait."""
    prefix = f"TS-{center}-{day:%Y%m%d}-"
    locks.hold(session, locks.COMPLAINT_NO, prefix)
    taken = session.scalar(
        select(func.count()).select_from(Complaint).where(Complaint.no.like(prefix + "%"))
    )
    return f"{prefix}{int(taken or 0) + 1:04d}"


def take(session: Session, body: ComplaintCreate, principal: Principal, now: datetime) -> Complaint:
    """A new complaint (``open``) with its ``taken`` event; 422 naming every bad field."""
    center = principal.center_code or writer_center(session)
    about = _about(session, body, center)
    complaint = Complaint(
        no=next_no(session, center, today_of(now)),
        center_code=center,
        channel=body.channel,
        complainant_name=body.complainant_name.strip(),
        complainant_contact=body.complainant_contact.strip(),
        anonymous=body.anonymous,
        about_kind=body.about_kind,
        category=body.category,
        account=body.account,
        status="open",
        reopened=False,
        rating_id=body.rating_id,
        hotline_order_no=body.hotline_order_no,
        created_by=principal.actor,
        created_at=now,
        updated_at=now,
        version=0,  # 1 with its first event
        **about,
    )
    session.add(complaint)
    session.flush()
    data = {"channel": body.channel, "category": body.category, "about_kind": body.about_kind}
    step(session, complaint, "taken", principal, now, data)
    return complaint


# --- the steps -----------------------------------------------------------------------------


def step(
    session: Session,
    complaint: Complaint,
    kind: str,
    principal: Principal | None,
    now: datetime,
    data: dict[str, Any] | None = None,
    client_ip: str | None = None,
) -> None:
    """Record one step: the complaint's event and its audit record (``complaint.{kind}``)."""
    by = principal.actor if principal is not None else "service"
    session.add(
        ComplaintEvent(complaint_no=complaint.no, kind=kind, at=now, by_user=by, data=data or {})
    )
    complaint.updated_at = now
    complaint.version = (complaint.version or 0) + 1
    audit.record(
        session,
        at=now,
        action=f"complaint.{kind}",
        result="ok",
        actor=by,
        target=complaint.no,
        client_ip=client_ip,
        detail=data or None,
        center_code=complaint.center_code,
    )


def answer_days(settings: Settings, category: str) -> int:
    """Working days a department has to answer a complaint of ``category``."""
    for given in (settings.complaint_answer_days, COMPLAINT_ANSWER_DAYS):
        days = given.get(category)  # type: ignore[call-overload]
        if days is not None:
            return int(days)
    return 5


def assign(
    session: Session,
    complaint: Complaint,
    department_code: str,
    days: int,
    principal: Principal,
    now: datetime,
    note: str,
    client_ip: str | None,
) -> None:
    """Assign to ``department_code`` with a deadline ``days`` working days from today."""
    if complaint.status not in ("open", "assigned", "reopened"):
        raise _status_conflict(complaint, "assigned")
    if session.get(Department, department_code) is None:
        raise invalid_field("department_code", f"no department {department_code}")
    complaint.department_code = department_code
    complaint.due_date = rules.add_working_days(today_of(now), days, session)
    if complaint.status == "open":
        complaint.status = "assigned"
    data = {"department_code": department_code, "due_date": complaint.due_date.isoformat()}
    if note:
        data["note"] = note
    step(session, complaint, "assigned", principal, now, data, client_ip)


def answer(
    session: Session,
    complaint: Complaint,
    text: str,
    principal: Principal,
    now: datetime,
    client_ip: str | None,
) -> None:
    """The department's answer; given after the deadline it escalates the complaint. The
    complainant's contact gets a ``complaint_answered`` notification (none without one)."""
    if complaint.status not in ANSWERABLE:
        raise _status_conflict(complaint, "answered")
    late = is_overdue(complaint, today_of(now))
    complaint.answer = text
    complaint.answered_at = now
    complaint.answered_by = principal.actor
    complaint.status = "answered"
    step(session, complaint, "answered", principal, now, {"late": late}, client_ip)
    if late and complaint.escalated_at is None:
        _escalate(session, complaint, now)
    # The complainant is told (SMS outbox) that the answer is there and a call-back follows.
    notifications.complaint_answered(
        session, complaint.no, complaint.complainant_contact, complaint.center_code, now
    )


def callback(
    session: Session,
    complaint: Complaint,
    satisfaction: str,
    note: str,
    principal: Principal,
    now: datetime,
    client_ip: str | None,
) -> None:
    """The supervisor's call-back (回访) with the complainant's satisfaction."""
    if complaint.status != "answered":
        raise _status_conflict(complaint, "called back")
    if not complaint.complainant_contact:
        raise conflict(
            "no-contact",
            f"Complaint {complaint.no} left no contact to call back: close it instead.",
            "Nobody to call back",
        )
    complaint.satisfaction = satisfaction
    complaint.callback_note = note or None
    complaint.status = "called_back"
    step(
        session, complaint, "called_back", principal, now, {"satisfaction": satisfaction}, client_ip
    )


def close(
    session: Session,
    complaint: Complaint,
    note: str,
    principal: Principal,
    now: datetime,
    client_ip: str | None,
) -> None:
    """Close an answered (or called-back) complaint."""
    if complaint.status not in ("answered", "called_back"):
        raise _status_conflict(complaint, "closed")
    complaint.status = "closed"
    complaint.closed_at = now
    step(session, complaint, "closed", principal, now, {"note": note} if note else None, client_ip)


def reopen(
    session: Session,
    complaint: Complaint,
    note: str,
    days: int,
    principal: Principal,
    now: datetime,
    client_ip: str | None,
) -> None:
    """Reopen a called-back or closed complaint, once: back to its department with a new
    deadline; the earlier answer stays in the events."""
    if complaint.reopened:
        raise conflict(
            "reopened-once",
            f"Complaint {complaint.no} has been reopened once already: it cannot be again.",
            "Reopened once already",
        )
    if complaint.status not in ("called_back", "closed"):
        raise _status_conflict(complaint, "reopened")
    if not note.strip():
        raise invalid_field("note", "say why the complaint is reopened")
    complaint.reopened = True
    complaint.status = "reopened"
    complaint.closed_at = None
    complaint.answer = None
    complaint.answered_at = None
    complaint.answered_by = None
    complaint.satisfaction = None
    complaint.callback_note = None
    complaint.escalated_at = None
    complaint.due_date = rules.add_working_days(today_of(now), days, session)
    data = {"note": note, "due_date": complaint.due_date.isoformat()}
    step(session, complaint, "reopened", principal, now, data, client_ip)


# --- overdue and escalation ------------------------------------------------------------------


def is_overdue(complaint: Complaint, today: date) -> bool:
    """Not answered by its due date (the center's day), or answered after it."""
    if complaint.due_date is None:
        return False
    if complaint.status in RUNNING:
        return today > complaint.due_date
    if complaint.answered_at is not None:
        return today_of(complaint.answered_at) > complaint.due_date
    return False


def _escalate(session: Session, complaint: Complaint, now: datetime) -> None:
    complaint.escalated_at = now
    data = {"due_date": complaint.due_date.isoformat() if complaint.due_date else None}
    step(session, complaint, "escalated", None, now, data)


def overdue_unmarked(centers: set[str], today: date) -> Any:
    """The query of running complaints past their deadline not yet escalated."""
    return select(Complaint).where(
        Complaint.center_code.in_(centers),
        Complaint.status.in_(RUNNING),
        Complaint.escalated_at.is_(None),
        Complaint.due_date < today,
    )


def escalate_overdue(session: Session, centers: set[str], now: datetime) -> int:
    """Escalate every running complaint of ``centers`` past its deadline on ``now``'s day
    (once each). Returns how many; the caller commits.

    Their rows are locked (PostgreSQL), in number order: a second escalation at the same
    time waits for them, then finds them escalated (``FOR UPDATE`` reads the row again).
    """
    query = overdue_unmarked(centers, today_of(now)).order_by(Complaint.no)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    found = list(session.scalars(query.execution_options(populate_existing=True)))
    for complaint in found:
        _escalate(session, complaint, now)
    return len(found)


# --- views -------------------------------------------------------------------------------------


def masked_contact(value: str) -> str:
    return mask_phone(value) if value else ""


def complaint_public(
    complaint: Complaint,
    today: date,
    *,
    full: bool = False,
    events: list[ComplaintEvent] | None = None,
) -> dict[str, Any]:
    """The answer's form of ``complaint``; the complainant masked unless ``full``."""
    name = complaint.complainant_name
    contact = complaint.complainant_contact
    escalated = complaint.escalated_at is not None or is_overdue(complaint, today)
    return {
        "no": complaint.no,
        "channel": complaint.channel,
        "anonymous": complaint.anonymous,
        "complainant_name": name if full or not name else mask_name(name),
        "complainant_contact": contact if full else masked_contact(contact),
        "about_kind": complaint.about_kind,
        "about_window": complaint.about_window,
        "about_department": complaint.about_department,
        "about_clerk": complaint.about_clerk,
        "about_case_no": complaint.about_case_no,
        "category": complaint.category,
        "account": complaint.account,
        "department_code": complaint.department_code,
        "due_date": complaint.due_date,
        "status": complaint.status,
        "reopened": complaint.reopened,
        "answer": complaint.answer,
        "answered_at": iso(complaint.answered_at),
        "answered_by": complaint.answered_by,
        "satisfaction": complaint.satisfaction,
        "callback_note": complaint.callback_note,
        "escalated": escalated,
        "flag": "red" if escalated else None,
        "closed_at": iso(complaint.closed_at),
        "rating_id": complaint.rating_id,
        "hotline_order_no": complaint.hotline_order_no,
        "created_by": complaint.created_by,
        "created_at": iso(complaint.created_at),
        "updated_at": iso(complaint.updated_at),
        "version": complaint.version,
        "events": (
            None
            if events is None
            else [
                {"kind": e.kind, "at": iso(e.at), "by": e.by_user, "data": e.data or {}}
                for e in events
            ]
        ),
    }


def events_of(session: Session, no: str) -> list[ComplaintEvent]:
    return list(
        session.scalars(
            select(ComplaintEvent)
            .where(ComplaintEvent.complaint_no == no)
            .order_by(ComplaintEvent.id)
        )
    )
