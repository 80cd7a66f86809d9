"""The supervisor's work at the desk (督查, issue 19), online: complaints (投诉) taken in,
assigned to a department, called back (回访) with the complainant's satisfaction, closed or
reopened once; warning cards (红牌/黄牌) and model windows (样板窗口); the weekly or monthly
bulletin (通报) exported as PDF and XLSX through :mod:`clerk_app.app.bulletins`.

Every function takes the context and the supervisor's session; a refusal of the service is
a :class:`SupervisionRefused` with a short code the screen words for the person.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk_app.app.bulletins import fetch_bulletin, write_bulletin_pdf, write_bulletin_xlsx
from clerk_app.app.cashier import today
from clerk_app.app.cashier_close import token
from clerk_app.core.identity import mask_text
from clerk_app.remote import supervision_api
from clerk_app.remote.api import ApiError
from clerk_app.remote.wire import optional_answer_time

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session

CHANNELS = ("in_person", "phone", "letter", "website", "hotline", "rating")
ABOUT_KINDS = ("window", "department", "clerk", "case", "hall")
CATEGORIES = ("attitude", "delay", "extra_materials", "fees", "misconduct", "other")
SATISFACTIONS = ("satisfied", "basically_satisfied", "dissatisfied")
#: The ``about_*`` field each kind of complaint names (the hall needs none).
ABOUT_FIELD = {
    "window": "about_window",
    "department": "about_department",
    "clerk": "about_clerk",
    "case": "about_case_no",
}


class SupervisionRefused(Exception):
    """The service refused, or the input was incomplete (nothing sent).

    Attributes:
        code: ``not_found``, ``forbidden``, ``invalid`` (``fields`` names what),
            ``complaint_closed``, ``complaint_state``, ``no_contact``, ``reopened_once``,
            ``already_model_window``, ``other``.
        fields: the request fields the service (or the check here) found wrong.
    """

    def __init__(self, code: str, detail: str, fields: tuple[str, ...] = ()) -> None:
        super().__init__(detail)
        self.code = code
        self.fields = fields


def _refused(error: ApiError) -> SupervisionRefused:
    slug = error.slug
    detail = str(error.problem.get("detail") or error)
    if error.status == 404:
        return SupervisionRefused("not_found", detail)
    if error.status == 403:
        return SupervisionRefused("forbidden", detail)
    if error.status == 409:
        return SupervisionRefused(slug.replace("-", "_"), detail)
    if error.status == 422:
        errors = error.problem.get("errors") or []
        fields = tuple(
            str(e.get("field") or "").split(".")[0] for e in errors if isinstance(e, dict)
        )
        return SupervisionRefused("invalid", detail, fields)
    return SupervisionRefused("other", detail)


@dataclass(frozen=True)
class Complaint:
    """A complaint as the supervisor's list shows it (contact masked in the list, in full
    when read alone)."""

    no: str
    channel: str
    anonymous: bool
    complainant_name: str
    complainant_contact: str
    about_kind: str
    about: str  # the window, department, clerk or case it names ("" for the hall)
    category: str
    account: str
    department_code: str
    due_date: date | None
    status: str
    reopened: bool
    answer: str
    satisfaction: str
    escalated: bool
    created_at: datetime | None

    @property
    def red(self) -> bool:
        """Overdue: shown first and in red."""
        return self.escalated


def complaint_from_wire(data: dict[str, Any]) -> Complaint:
    """One complaint of the service's answer."""
    kind = str(data["about_kind"])
    about = data.get(ABOUT_FIELD[kind]) if kind in ABOUT_FIELD else ""
    due = data.get("due_date")
    return Complaint(
        no=str(data["no"]),
        channel=str(data["channel"]),
        anonymous=bool(data.get("anonymous")),
        complainant_name=str(data.get("complainant_name") or ""),
        complainant_contact=str(data.get("complainant_contact") or ""),
        about_kind=kind,
        about=str(about or ""),
        category=str(data["category"]),
        account=str(data.get("account") or ""),
        department_code=str(data.get("department_code") or ""),
        due_date=date.fromisoformat(due) if due else None,
        status=str(data["status"]),
        reopened=bool(data.get("reopened")),
        answer=str(data.get("answer") or ""),
        satisfaction=str(data.get("satisfaction") or ""),
        escalated=bool(data.get("escalated")),
        created_at=optional_answer_time(data.get("created_at")),
    )


def _call(run: Any) -> Any:
    try:
        return run()
    except ApiError as error:
        raise _refused(error) from None


# -- complaints -----------------------------------------------------------------------------


def complaints(context: AppContext, session: Session, status: str | None = None) -> list:
    """The complaints the supervisor sees, overdue (red) ones first.

    Raises:
        SupervisionRefused, NetworkError.
    """
    api, bearer = context.backend.api, token(context, session)
    _today, items = _call(lambda: supervision_api.list_complaints(api, bearer, status))
    found = [complaint_from_wire(i) for i in items]
    return sorted(found, key=lambda c: not c.escalated)  # stable: the service's order within


def read_complaint(context: AppContext, session: Session, no: str) -> Complaint:
    """The complaint alone (the complainant's contact in full, to call back)."""
    api, bearer = context.backend.api, token(context, session)
    return complaint_from_wire(_call(lambda: supervision_api.get_complaint(api, bearer, no)))


@dataclass(frozen=True)
class NewComplaint:
    """What the complaints desk takes in (``about`` is the code or number of what the
    complaint is about; empty for the hall)."""

    channel: str
    anonymous: bool
    complainant_name: str
    complainant_contact: str
    about_kind: str
    about: str
    category: str
    account: str
    #: Raised from a bad rating (channel ``rating``): the rating's id; the service takes
    #: the case, window and clerk from it.
    rating_id: str = ""
    #: The Idempotency-Key: the same for a retry of the same complaint (empty: a new one).
    key: str = ""


def take_complaint(context: AppContext, session: Session, new: NewComplaint) -> Complaint:
    """Take in a complaint; the service draws its number.

    Raises:
        SupervisionRefused: ``invalid`` with ``fields`` (checked here first: a name or
            anonymous, what it is about, the account; nothing sent), or as the service
            found them (an unknown window, department, clerk or case).
        NetworkError.
    """
    missing = []
    if not new.anonymous and not new.complainant_name.strip():
        missing.append("complainant_name")
    if new.about_kind in ABOUT_FIELD and not new.about.strip():
        missing.append(ABOUT_FIELD[new.about_kind])
    if not new.account.strip():
        missing.append("account")
    if missing:
        raise SupervisionRefused("invalid", "incomplete complaint", tuple(missing))
    body: dict[str, Any] = {
        "channel": new.channel,
        "anonymous": new.anonymous,
        "complainant_name": "" if new.anonymous else new.complainant_name.strip(),
        "complainant_contact": new.complainant_contact.strip(),
        "about_kind": new.about_kind,
        "category": new.category,
        "account": new.account.strip(),
    }
    if new.channel == "rating" and new.rating_id:
        body["rating_id"] = new.rating_id
    if new.about_kind in ABOUT_FIELD:
        about = new.about.strip()
        body[ABOUT_FIELD[new.about_kind]] = about if new.about_kind == "case" else about.upper()
    api, bearer = context.backend.api, token(context, session)
    key = new.key or str(uuid.uuid4())
    return complaint_from_wire(
        _call(lambda: supervision_api.create_complaint(api, bearer, body, key))
    )


def _step(
    context: AppContext, session: Session, no: str, step: str, body: dict[str, Any]
) -> Complaint:
    api, bearer = context.backend.api, token(context, session)
    return complaint_from_wire(
        _call(lambda: supervision_api.complaint_step(api, bearer, no, step, body))
    )


def assign(
    context: AppContext, session: Session, no: str, department_code: str, note: str = ""
) -> Complaint:
    """Assign ``no`` to a department; the deadline runs from today in working days."""
    code = department_code.strip().upper()
    if not code:
        raise SupervisionRefused("invalid", "no department", ("department_code",))
    return _step(context, session, no, "assign", {"department_code": code, "note": note.strip()})


def call_back(
    context: AppContext, session: Session, no: str, satisfaction: str, note: str = ""
) -> Complaint:
    """The call-back (回访) with the complainant's ``satisfaction`` (one of
    :data:`SATISFACTIONS`)."""
    body = {"satisfaction": satisfaction, "note": note.strip()}
    return _step(context, session, no, "callback", body)


def close(context: AppContext, session: Session, no: str, note: str = "") -> Complaint:
    """Close an answered or called-back complaint."""
    return _step(context, session, no, "close", {"note": note.strip()})


def reopen(context: AppContext, session: Session, no: str, note: str) -> Complaint:
    """Reopen a called-back or closed complaint, once, saying why (``note``)."""
    if not note.strip():
        raise SupervisionRefused("invalid", "say why", ("note",))
    return _step(context, session, no, "reopen", {"note": note.strip()})


@dataclass(frozen=True)
class BadRating:
    """A bad rating (差评) of one of the center's windows, a complaint may be raised from.

    ``comment`` has ID and mobile numbers masked."""

    id: str
    score: int
    comment: str
    rated_at: datetime | None
    window_code: str
    clerk: str
    case_no: str
    followed_up: bool


@dataclass(frozen=True)
class RatingFilter:
    """What the bad ratings are narrowed to (None or "": any).

    Attributes:
        rated_from, rated_to: the first and last day rated (the center's days, included).
        department: the rated window's department code.
        followed_up: True followed up only, False still to follow up.
    """

    rated_from: date | None = None
    rated_to: date | None = None
    department: str = ""
    followed_up: bool | None = None

    def params(self) -> dict[str, str]:
        """The query of ``GET /ratings/bad``."""
        params: dict[str, str] = {}
        if self.rated_from is not None:
            params["rated_from"] = self.rated_from.isoformat()
        if self.rated_to is not None:
            params["rated_to"] = self.rated_to.isoformat()
        if self.department:
            params["department"] = self.department
        if self.followed_up is not None:
            params["followed_up"] = "true" if self.followed_up else "false"
        return params


def rating_filter(
    rated_from: str, rated_to: str, department: str, followed_up: bool | None
) -> RatingFilter:
    """The filter as typed (days ``YYYY-MM-DD``, blank for any; the department's code).

    Raises:
        SupervisionRefused: ``invalid`` naming the days not understood or out of order
            (nothing is sent).
    """
    days: dict[str, date | None] = {}
    bad: list[str] = []
    for name, text in (("rated_from", rated_from), ("rated_to", rated_to)):
        try:
            days[name] = date.fromisoformat(text.strip()) if text.strip() else None
        except ValueError:
            bad.append(name)
    code = department.strip().upper()
    if code and not re.fullmatch(r"[A-Z0-9_-]{1,32}", code):
        bad.append("department")
    first, last = days.get("rated_from"), days.get("rated_to")
    if not bad and first is not None and last is not None and first > last:
        bad.append("rated_from")
    if bad:
        raise SupervisionRefused("invalid", "the filter is not understood", tuple(bad))
    return RatingFilter(first, last, code, followed_up)


def bad_ratings(
    context: AppContext, session: Session, wanted: RatingFilter | None = None
) -> list[BadRating]:
    """The center's bad ratings (``GET /ratings/bad``) narrowed to ``wanted``, the newest
    first."""
    api, bearer = context.backend.api, token(context, session)
    params = (wanted or RatingFilter()).params()
    items = _call(lambda: supervision_api.bad_ratings(api, bearer, params))
    found = [
        BadRating(
            id=str(i["id"]),
            score=int(i.get("score") or 0),
            comment=mask_text(str(i.get("comment") or "")),
            rated_at=optional_answer_time(i.get("rated_at")),
            window_code=str(i.get("window_code") or ""),
            clerk=str(i.get("clerk") or ""),
            case_no=str(i.get("case_no") or ""),
            followed_up=i.get("followed_up_at") is not None,
        )
        for i in items
    ]
    oldest = datetime.min.replace(tzinfo=UTC)
    return sorted(found, key=lambda r: r.rated_at or oldest, reverse=True)


# -- cards and model windows ------------------------------------------------------------------


def _numbers(text: str) -> list[str]:
    return [p for p in (s.strip() for s in text.replace("，", ",").split(",")) if p]


def issue_card(
    context: AppContext,
    session: Session,
    *,
    colour: str,
    target_kind: str,
    target_code: str,
    reason: str,
    cases: str = "",
    complaints: str = "",
    ratings: str = "",
) -> dict[str, Any]:
    """A red or yellow card to a window or department; ``cases``/``complaints``/``ratings``
    are comma-separated numbers it links to. Returns the card as the service keeps it."""
    missing = [f for f, v in (("target_code", target_code), ("reason", reason)) if not v.strip()]
    if missing:
        raise SupervisionRefused("invalid", "incomplete card", tuple(missing))
    body = {
        "colour": colour,
        "target_kind": target_kind,
        "target_code": target_code.strip().upper(),
        "reason": reason.strip(),
        "links": {
            "cases": _numbers(cases),
            "complaints": _numbers(complaints),
            "ratings": _numbers(ratings),
        },
    }
    api, bearer = context.backend.api, token(context, session)
    result: dict[str, Any] = _call(lambda: supervision_api.issue_card(api, bearer, body))
    return result


def cards(context: AppContext, session: Session) -> list[dict[str, Any]]:
    """The center's cards, newest first."""
    api, bearer = context.backend.api, token(context, session)
    result: list[dict[str, Any]] = _call(lambda: supervision_api.list_cards(api, bearer))
    return result


def designate_model_window(
    context: AppContext, session: Session, month: str, window_code: str, reason: str
) -> dict[str, Any]:
    """Hold ``window_code`` up as the model window (样板窗口) of ``month`` (``YYYY-MM``)."""
    missing = [f for f, v in (("window_code", window_code), ("reason", reason)) if not v.strip()]
    if missing:
        raise SupervisionRefused("invalid", "incomplete designation", tuple(missing))
    body = {"month": month.strip(), "window_code": window_code.strip().upper(), "reason": reason}
    api, bearer = context.backend.api, token(context, session)
    result: dict[str, Any] = _call(
        lambda: supervision_api.designate_model_window(api, bearer, body)
    )
    return result


def model_windows(context: AppContext, session: Session) -> list[dict[str, Any]]:
    """The center's model windows, latest month first."""
    api, bearer = context.backend.api, token(context, session)
    result: list[dict[str, Any]] = _call(lambda: supervision_api.list_model_windows(api, bearer))
    return result


# -- the bulletin ------------------------------------------------------------------------------


def periods(context: AppContext) -> list[str]:
    """The periods offered, newest first: this and last month, this and last ISO week."""
    day = today(context)
    previous = date.fromordinal(day.replace(day=1).toordinal() - 1)
    last_month = previous.replace(day=1)
    week = day.isocalendar()
    last = date.fromordinal(day.toordinal() - 7).isocalendar()
    return [
        f"{day:%Y-%m}",
        f"{last_month:%Y-%m}",
        f"{week.year}-W{week.week:02d}",
        f"{last.year}-W{last.week:02d}",
    ]


def export_bulletin(
    context: AppContext, session: Session, period: str, folder: Path
) -> tuple[Path, Path]:
    """The bulletin of ``period`` (``2026-11`` or ``2026-W49``) written to ``folder`` as
    ``通报-{period}.pdf`` and ``.xlsx`` (both from the one answer).

    Raises:
        SupervisionRefused: ``invalid`` (not a week or month), ``forbidden``.
        NetworkError, BadResponseError; OSError and the PDF writer's errors (no file).
    """
    api, bearer = context.backend.api, token(context, session)
    center = context.provisioning.center_name
    doc = _call(lambda: fetch_bulletin(api, bearer, period.strip(), center))
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"通报-{period.strip()}"
    pdf = write_bulletin_pdf(doc, folder / f"{stem}.pdf", config_dir=context.paths.config_dir)
    xlsx = write_bulletin_xlsx(doc, folder / f"{stem}.xlsx")
    return pdf, xlsx
