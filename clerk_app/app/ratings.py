"""The applicant's rating of a case (好差评), given on the applicant screen.

Kept locally with its outbox row in one transaction (so it survives a dead link) and sent
as ``POST /cases/{no}/rating`` by the sync engine. Call on the database writer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk_app.store.writes import add_rating

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext


def rate_case(
    context: AppContext, case_no: str, score: int, *, clerk: str, comment: str = ""
) -> str:
    """Record the applicant's score (1..5) and comment for ``case_no``; the rating's id.

    Raises:
        ValueError: the score is not 1..5.
        KeyError: no such case on this desk.
    """
    written = add_rating(
        context.backend.store, case_no, score, clerk=clerk, at=context.clock.now(), comment=comment
    )
    return written.id
