"""告知承诺 in the local file: the cases whose written commitment still waits for the
department's verification (核查), soonest deadline first (the worklist's banner).

A case waits while its intake decision recorded a commitment (``data_json`` of its first
event has ``commitment``) and no ``commitment_verified`` / ``commitment_false`` event
followed, and it was not ended another way (a granted case still waits: verification comes
after the grant). Rows kept before the feature simply have no commitment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clerk_app.store.db import Database

#: Ended statuses verify nothing any more (a granted case, 办结 approved, still does).
_QUERY = (
    "SELECT c.case_no, c.applicant_name, c.item_code, c.status,"
    " json_extract(e.data_json, '$.commitment.verify_by') AS verify_by"
    " FROM case_events e JOIN cases c ON c.id = e.case_id"
    " WHERE e.type IN ('accept', 'accept_deferred')"
    " AND json_extract(e.data_json, '$.commitment') IS NOT NULL"
    " AND c.status NOT IN"
    " ('completed_rejected', 'refused', 'withdrawn', 'voided', 'revoked')"
    " AND NOT EXISTS (SELECT 1 FROM case_events v WHERE v.case_id = c.id"
    " AND v.type IN ('commitment_verified', 'commitment_false'))"
    " ORDER BY verify_by IS NULL, verify_by, c.case_no"
)


@dataclass(frozen=True, slots=True)
class VerificationRow:
    """A commitment waiting for its verification, and by when."""

    case_no: str
    applicant_name: str
    item_code: str
    status: str
    verify_by: date | None


def pending_verifications(db: Database) -> list[VerificationRow]:
    """Every case on this desk whose commitment is still to be verified, soonest first."""
    return [
        VerificationRow(
            case_no=r["case_no"],
            applicant_name=r["applicant_name"] or "",
            item_code=r["item_code"],
            status=r["status"],
            verify_by=date.fromisoformat(r["verify_by"]) if r["verify_by"] else None,
        )
        for r in db.query(_QUERY)
    ]
