"""The progress lookup (办件查询) as the applicant would do it: case number and query code.

The center's answer first (``GET /progress``, no sign-in); when the center cannot be
reached, this desk's own record of the case, if it has one with that query code. Both come
as a :class:`~clerk_app.core.records.Progress`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk_app.app.case_actions import case_item
from clerk_app.core.identity import public_name
from clerk_app.core.lifecycle import EventType
from clerk_app.core.records import Case, Progress
from clerk_app.remote.wire import progress_from_wire

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext


def progress_at_center(context: AppContext, case_no: str, code: str) -> Progress:
    """The center's public view of the case (worker thread).

    Raises:
        Refused (``core.errors``): 404 no such case and code, 429 too many lookups.
        ConnectionProblem: the center cannot be reached.
    """
    return progress_from_wire(context.backend.api.progress(case_no, code))


def case_for_query(context: AppContext, case_no: str, code: str) -> Case | None:
    """This desk's record of ``case_no`` when its query code is ``code``; else None."""
    case = context.backend.store.get_case(case_no)
    if case is None or case.query_code != code:
        return None
    return case


def progress_on_desk(context: AppContext, case_no: str, code: str) -> Progress | None:
    """What this desk's own record of the case shows the applicant (the center unreachable):
    the same public view as the center's, or None without a case of that number and code."""
    case = case_for_query(context, case_no, code)
    if case is None:
        return None
    completed = case.last_event(EventType.COMPLETE_APPROVED, EventType.COMPLETE_REJECTED)
    applicant = case.applicant
    return Progress(
        case_no=case.case_no,
        status=case.status,
        item_code=case.item_code,
        item_name=case_item(context, case.item_code).name,
        applicant=public_name(applicant.name, organization=applicant.is_organization),
        received_at=case.received_at,
        due_date=case.due_date,
        completed_at=completed.at if completed is not None else None,
    )
