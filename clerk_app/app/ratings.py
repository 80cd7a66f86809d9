"""The applicant's rating of a case (好差评), given on the applicant screen.

Kept locally with its outbox row in one transaction (so it survives a dead link) and sent
as ``POST /cases/{no}/rating`` by the sync engine. Call on the database writer.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from clerk_app.core.lifecycle import EventType
from clerk_app.core.records import Rating
from clerk_app.remote.wire import rating_to_wire
from clerk_app.store.writes import add_rating

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext

#: Actions after which the applicant is at the window and is asked to rate the visit
#: (现场服务一次一评: bringing the material that was missing, collecting the result). The
#: intake decision is asked for on acceptance. The service rates each visit once (its
#: ``rules.VISIT_EVENTS``) and answers a second rating of one visit 409 ``already-rated``.
RATED_VISITS: frozenset[EventType] = frozenset(
    {
        EventType.SUPPLEMENT_RECEIVED,
        EventType.DEFERRED_SUPPLIED,
        EventType.COMPLETE_APPROVED,
        EventType.COMPLETE_REJECTED,
    }
)


def rate_case(
    context: AppContext, case_no: str, score: int, *, clerk: str, comment: str = ""
) -> str:
    """Record the applicant's score (1..5) and comment for ``case_no``; the rating's id.

    Raises:
        ValueError: the score is not 1..5.
        KeyError: no such case on this desk.
    """
    rating = Rating(
        id=str(uuid.uuid4()),
        case_no=case_no,
        score=score,
        rated_at=context.clock.now(),
        clerk=clerk,
        comment=comment,
    )
    return add_rating(context.backend.store, rating, body=rating_to_wire(rating)).id
