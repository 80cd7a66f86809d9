"""Audit records made on the desk (client events), e.g. a clerk viewing a whole ID number.

Each is a journal line and a ``POST /audit/client-events`` outbox row in one transaction,
so it survives a dead link and reaches the service's audit trail once. Call on the writer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk_app.store.writes import add_client_event

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext

#: The client event of a whole ID number shown on screen.
ID_UNMASK = "id.unmask"


def record_id_unmasked(context: AppContext, case_no: str, *, clerk: str) -> str:
    """Audit that ``clerk`` was shown the applicant's whole ID number of ``case_no``;
    the audit record's id."""
    written = add_client_event(
        context.backend.store,
        ID_UNMASK,
        actor=clerk,
        at=context.clock.now(),
        target=case_no,
        detail={"field": "applicant.id_number", "device_id": context.device_id},
        message=f"full ID number of {case_no} shown to {clerk}",
    )
    return written.id
