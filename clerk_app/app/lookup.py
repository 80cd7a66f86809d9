"""The progress lookup (办件查询) as the applicant would do it: case number and query code.

The center's answer first (``GET /progress``, no sign-in); when the center cannot be
reached, this desk's own record of the case, if it has one with that query code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.core.records import Case


def progress_at_center(context: AppContext, case_no: str, code: str) -> dict[str, Any]:
    """The center's public view of the case (worker thread).

    Raises:
        Refused (``core.errors``): 404 no such case and code, 429 too many lookups.
        ConnectionProblem: the center cannot be reached.
    """
    return context.backend.api.progress(case_no, code)


def case_for_query(context: AppContext, case_no: str, code: str) -> Case | None:
    """This desk's record of ``case_no`` when its query code is ``code``; else None."""
    case = context.backend.store.get_case(case_no)
    if case is None or case.query_code != code:
        return None
    return case
