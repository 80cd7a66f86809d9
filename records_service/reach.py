"""Who may use which route, and which records each caller reaches — defined once, here.

Two answers, never mixed (issue 14, SECURITY.md "Credentials and roles"):

- a caller whose credential or role may never use a route gets **403** (checked for every
  signed-in route in :func:`require_route`, called by ``deps.current_principal``; a route
  missing from :data:`ROUTES` is refused to everyone);
- a record outside the caller's reach answers **404**, exactly like an unknown number
  (:func:`case_reach`, :func:`reaches_case`, :func:`not_found`).

A caller is named by what it holds: a user token by its roles (``clerk``, ``cashier``,
``finance``, ``lead``, ``admin``, ``auditor``, ``supervisor`` — 督查, the complaints and
supervision desk (issue 19) —, ``display``), an enrolled credential by its kind
(``desk``, ``screen`` — the display credential of a hall or window screen —, ``kiosk``,
``integration``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, and_, false, or_, select
from sqlalchemy.orm import Session

from records_service.models import Case, Center, User, Window
from records_service.problems import ProblemError

if TYPE_CHECKING:
    from records_service.deps import Principal

#: The roles a person's account may hold.
USER_ROLES = (
    "clerk",
    "cashier",
    "finance",
    "lead",
    "admin",
    "auditor",
    "supervisor",
    "display",
)
#: The credentials handed to a machine, by enrolment (and a desk's also at sign-in).
CREDENTIAL_KINDS = ("desk", "screen", "kiosk", "integration")
#: ``tokens.kind`` of each credential (a desk's is ``device`` since the first release).
TOKEN_KIND = {"desk": "device", "screen": "display", "kiosk": "kiosk", "integration": "integration"}
#: Every name of the matrix, in the order SECURITY.md's table lists them.
CALLERS = USER_ROLES + CREDENTIAL_KINDS

_EVERYONE = frozenset(CALLERS)
_PEOPLE = frozenset(USER_ROLES)
_STAFF = frozenset({"clerk", "cashier", "finance", "lead", "admin", "auditor", "desk"})
_CASE_READERS = frozenset({"clerk", "lead", "admin", "desk"})
_WINDOW = frozenset({"clerk", "desk"})
_LEADS = frozenset({"lead", "admin"})
_SUPERVISOR = frozenset({"supervisor"})
_COMPLAINT_READERS = frozenset({"supervisor", "lead", "clerk"})

#: operation id → who may use the route (the rest get 403). Public routes (no token) are
#: not listed: ``health``, ``login``, ``get_progress``, ``redeem_enrolment``,
#: ``check_window``.
ROUTES: dict[str, frozenset[str]] = {
    "logout": _EVERYONE,
    "change_password": _PEOPLE,
    "get_catalog": _STAFF,
    "get_calendar": _STAFF,
    # Centers and 事项同源 (issue 20): the centers in reach; an admin publishes their
    # center's (or one below's) implementation of a base item.
    "list_centers": _STAFF | _SUPERVISOR,
    "adopt_catalog_item": frozenset({"admin"}),
    "create_case": _WINDOW,
    "list_cases": _CASE_READERS,
    "get_case": _CASE_READERS,
    "append_case_event": frozenset({"clerk", "lead", "desk"}),
    "get_changes": _CASE_READERS,
    "record_case_document": _WINDOW,
    # The files of a case's materials (issue 22): the window declares and uploads them;
    # whoever reaches the case lists and reads them (never the public query).
    # the website sends an online pre-submission's files (its integration credential)
    "create_attachment": _WINDOW | {"integration"},
    "upload_attachment_chunk": _WINDOW | {"integration"},
    "list_case_attachments": _CASE_READERS,
    "get_attachment": _CASE_READERS,
    "rate_case": _WINDOW,
    "list_bad_ratings": _LEADS | _SUPERVISOR,
    "follow_up_rating": frozenset({"lead"}),
    "unlock_user": _LEADS,
    "list_users": _LEADS,
    "list_audit": frozenset({"auditor", "admin"}),
    "revoke_device": frozenset({"admin"}),
    "report_device_status": _WINDOW,
    "record_client_events": _WINDOW,
    "list_windows": _LEADS,
    "get_workload": _LEADS,
    "list_workload_cases": _LEADS,
    "get_joint_workload": _LEADS,
    "get_board": frozenset({"display", "screen", "lead", "admin"}),
    "create_enrolment": frozenset({"admin"}),
    "list_credentials": frozenset({"admin"}),
    "revoke_credential": frozenset({"admin"}),
    "renew_credential": frozenset({"desk", "screen", "kiosk"}),
    "create_joint_case": _WINDOW,
    "get_joint_case": _CASE_READERS,
    "open_joint_stage": frozenset({"clerk", "lead", "desk"}),
    # Fees (issue 17): departments assess, the settlement center collects, finance decides.
    # A desk records payments only at a settlement window (checked in the route).
    "create_payment_notice": _WINDOW,
    "get_payment_notice": frozenset({"clerk", "desk", "cashier", "lead", "finance"}),
    "list_payment_notices": frozenset({"clerk", "desk", "cashier", "lead", "finance"}),
    "cancel_payment_notice": frozenset({"clerk", "desk", "lead"}),
    "record_payment": frozenset({"cashier", "desk"}),
    "request_refund": frozenset({"lead"}),
    "approve_refund": frozenset({"finance"}),
    "reject_refund": frozenset({"finance"}),
    "get_notice_payment": frozenset({"clerk", "desk", "cashier", "lead", "finance"}),
    "list_refund_requests": frozenset({"lead", "finance"}),
    "void_receipt": frozenset({"cashier", "desk"}),
    "create_receipt_range": frozenset({"admin"}),
    "get_cashier_day": frozenset({"cashier", "finance"}),
    "close_cashier_day": frozenset({"cashier"}),
    "get_fees_report": frozenset({"finance"}),
    "reconcile_fees": frozenset({"finance"}),
    # The hall's queue (issue 18): the kiosk issues tickets; a window's clerk or desk calls
    # its own window's (the window and its categories are checked in the route); the hall
    # screens read the calls; the ticket's own query is public (``get_queue_ticket``).
    "list_queue_categories": frozenset({"kiosk", "clerk", "desk", "lead", "screen", "display"}),
    "issue_queue_ticket": frozenset({"kiosk"}),
    "call_next_ticket": _WINDOW,
    "recall_queue_ticket": _WINDOW,
    "no_show_queue_ticket": _WINDOW,
    "transfer_queue_ticket": _WINDOW,
    "finish_queue_ticket": _WINDOW,
    "list_queue_calls": frozenset({"screen", "display"}),
    # The hall's queue (issue 18): a window pauses itself; the website and 12345 (their
    # integration credential) or a window book appointments, the kiosk checks them in;
    # the visit's one rating comes from the window; leads watch the queue's figures.
    "pause_window": _WINDOW,
    "resume_window": _WINDOW,
    "create_appointment": frozenset({"integration", "clerk", "desk"}),
    "check_in_appointment": frozenset({"kiosk"}),
    # the integration that booked it, or a window for the applicant (their ID card shown)
    "cancel_appointment": frozenset({"integration", "clerk", "desk"}),
    "rate_visit": _WINDOW,
    "get_queue_workload": _LEADS,
    # 12345 work orders (issue 19): the hotline (its integration credential) posts orders,
    # sends them back to be redone and pulls their status; the supervisor signs, assigns
    # and returns them; the assigned department's clerk or lead answers; the supervisor or
    # the department's lead extends (``hotline.order_reach``).
    "create_hotline_order": frozenset({"integration"}),
    "sign_hotline_order": frozenset({"supervisor"}),
    "assign_hotline_order": frozenset({"supervisor"}),
    "answer_hotline_order": frozenset({"clerk", "lead"}),
    "return_hotline_order": frozenset({"supervisor"}),
    "extend_hotline_order": frozenset({"supervisor", "lead"}),
    "redo_hotline_order": frozenset({"integration"}),
    "list_hotline_orders": frozenset({"integration", "supervisor", "lead", "clerk"}),
    # Complaints and supervision (issue 19): the supervisor (督查) takes complaints in,
    # assigns, calls back, closes and reopens them, issues cards and names model windows;
    # the assigned department's lead or clerks answer (``complaints.complaint_reach``:
    # never one about themselves).
    "create_complaint": _SUPERVISOR,
    "list_complaints": _COMPLAINT_READERS,
    "get_complaint": _COMPLAINT_READERS,
    "assign_complaint": _SUPERVISOR,
    "answer_complaint": frozenset({"lead", "clerk"}),
    "call_back_complaint": _SUPERVISOR,
    "close_complaint": _SUPERVISOR,
    "reopen_complaint": _SUPERVISOR,
    "issue_card": _SUPERVISOR,
    "list_cards": _SUPERVISOR,
    "designate_model_window": _SUPERVISOR,
    "list_model_windows": _SUPERVISOR,
    # The weekly and monthly bulletin (通报, issue 19): the supervisor and admins their
    # centers', a lead their department's (``reach.window_scope``).
    "get_bulletin": _LEADS | _SUPERVISOR,
    # Online pre-submission (issue 19): the website (its integration credential) posts;
    # the item's department's clerks and leads see the 网上待接件, its clerks pre-review
    # and take in (``presubmissions.presubmission_reach``).
    "create_presubmission": frozenset({"integration"}),
    "list_presubmissions": frozenset({"clerk", "lead"}),
    "review_presubmission": frozenset({"clerk"}),
    "take_in_presubmission": frozenset({"clerk"}),
}
#: Routes that need no token at all.
PUBLIC_ROUTES = frozenset(
    {"health", "login", "get_progress", "redeem_enrolment", "check_window", "get_queue_ticket"}
)
#: What a user who must change their password may still do.
PASSWORD_CHANGE_ROUTES = frozenset({"change_password", "logout"})


def callers(principal: Principal) -> frozenset[str]:
    """The names :data:`ROUTES` knows ``principal`` by."""
    if principal.kind == "user":
        return frozenset(principal.roles) & _PEOPLE
    kind = {v: k for k, v in TOKEN_KIND.items()}.get(principal.kind)
    return frozenset({kind}) if kind else frozenset()


def may_use(principal: Principal, operation_id: str | None) -> bool:
    """Whether ``principal`` may ever use the route ``operation_id``."""
    allowed = ROUTES.get(operation_id or "", frozenset())
    return bool(callers(principal) & allowed)


def require_route(principal: Principal, operation_id: str | None) -> None:
    """403 unless ``principal`` may use the route (and, with a password to change, only
    the routes that change it or sign out)."""
    if not may_use(principal, operation_id):
        raise ProblemError(403, "forbidden", "This sign-in may not use this route.")
    if principal.must_change_password and operation_id not in PASSWORD_CHANGE_ROUTES:
        raise ProblemError(
            403,
            "password-change-required",
            "Change your password first (POST /auth/password).",
            title="Password change required",
        )


def not_found(what: str) -> ProblemError:
    """The one answer for an unknown record and a record outside the caller's reach."""
    return ProblemError(404, "not-found", f"No {what}.")


def centers_at_and_below(session: Session, center_code: str | None) -> set[str]:
    """``center_code`` and every center below it."""
    if not center_code:
        return set()
    children: dict[str | None, list[str]] = {}
    for code, parent in session.execute(select(Center.code, Center.parent_code)):
        children.setdefault(parent, []).append(code)
    found, todo = set(), [center_code]
    while todo:
        code = todo.pop()
        if code not in found:
            found.add(code)
            todo.extend(children.get(code, []))
    return found


def case_reach(session: Session, principal: Principal) -> ColumnElement[bool]:
    """The condition on :class:`Case` rows that ``principal`` reaches.

    A clerk (at their window) or a desk: that window's cases, and the parts of joint cases
    assigned to their department in their center; a lead: their department's cases and
    parts in their center and in every center below it (:func:`lead_centers`: a city-level
    lead's reach spans the counties and sub-centers below the city, a county lead's their
    county); an admin: the cases of every center *below* theirs (an admin runs the system,
    not the center's own applications: the admin of a single center reads no case, its
    figures only); anyone else: none.
    """
    who = callers(principal)
    if "lead" in who and principal.department_code:
        centers = lead_centers(session, principal)
        windows = select(Window.code).where(
            Window.department_code == principal.department_code,
            Window.center_code.in_(centers),
        )
        return or_(Case.window_code.in_(windows), _department_parts(principal, centers))
    if "admin" in who:
        below = centers_at_and_below(session, principal.center_code) - {principal.center_code}
        return Case.center_code.in_(below)
    if who & _WINDOW and principal.window_code:
        own = Case.window_code == principal.window_code
        if principal.department_code and principal.center_code:
            return or_(own, _department_parts(principal))
        return own
    return false()


def lead_centers(session: Session, principal: Principal) -> set[str]:
    """The centers where a lead watches their department: their own and every center below
    it. A city-level lead is one whose center has centers below it (counties, districts,
    sub-centers); a lead of a center with none below reaches their center alone."""
    return centers_at_and_below(session, principal.center_code)


def _department_parts(principal: Principal, centers: set[str] | None = None) -> ColumnElement[bool]:
    """The parts of joint cases assigned to ``principal``'s department in their center (or
    in ``centers``)."""
    return and_(
        Case.joint_case_no.is_not(None),
        Case.department_code == principal.department_code,
        Case.center_code.in_(centers if centers is not None else {principal.center_code}),
    )


def reaches_case(session: Session, principal: Principal, case: Case) -> bool:
    """Whether ``case`` is within ``principal``'s reach (see :func:`case_reach`)."""
    found = session.scalar(
        select(Case.id).where(Case.id == case.id).where(case_reach(session, principal))
    )
    return found is not None


def case_in_reach(session: Session, principal: Principal, case_no: str) -> Case:
    """The case numbered ``case_no`` if ``principal`` reaches it; else 404."""
    case = session.scalars(
        select(Case).where(Case.case_no == case_no).where(case_reach(session, principal))
    ).first()
    if case is None:
        raise not_found(f"case {case_no}")
    return case


def window_scope(session: Session, principal: Principal) -> ColumnElement[bool]:
    """The condition on :class:`Window` rows whose figures ``principal`` sees (leads:
    their department in their center and the centers below it, :func:`lead_centers`;
    admins and supervisors: their centers)."""
    who = callers(principal)
    if who & {"admin", "supervisor"}:
        return Window.center_code.in_(centers_at_and_below(session, principal.center_code))
    if "lead" in who and principal.department_code:
        return and_(
            Window.department_code == principal.department_code,
            Window.center_code.in_(lead_centers(session, principal)),
        )
    return false()


def center_view(session: Session, principal: Principal, center: str | None) -> set[str] | None:
    """The centers a ``center=`` query (``/workload``, ``/board``) looks at: ``center`` and
    every center below it; None without one. A center that is not the caller's own or below
    it answers 404 exactly like an unknown code."""
    if center is None:
        return None
    if center not in centers_at_and_below(session, principal.center_code):
        raise not_found(f"center {center}")
    return centers_at_and_below(session, center)


def case_guard(principal: Principal, case_no: str) -> Callable[[Session], None]:
    """An idempotent write's guard (``idempotency.run_idempotent``): 404 unless the case
    is within ``principal``'s reach, for a first write and a replay alike."""

    def check(session: Session) -> None:
        case_in_reach(session, principal, case_no)

    return check


def user_reach(session: Session, principal: Principal) -> ColumnElement[bool]:
    """The condition on :class:`User` rows ``principal`` looks after (leads: their
    department in their center; admins: their centers)."""
    who = callers(principal)
    if "admin" in who:
        return User.center_code.in_(centers_at_and_below(session, principal.center_code))
    if "lead" in who and principal.department_code:
        return and_(
            User.department_code == principal.department_code,
            User.center_code == principal.center_code,
        )
    return false()
