"""Audit records made on the desk (client events): a clerk viewing a whole ID number, an
offline sign-in, an ID card read by the SDK reader (its number masked).

Each is a journal line and a ``POST /audit/client-events`` outbox row in one transaction,
so it survives a dead link and reaches the service's audit trail once. The record is a
:class:`~clerk_app.core.records.ClientEvent`; its body is made by
:func:`clerk_app.remote.wire.client_events_to_wire`. Call on the writer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk_app.core.idcard import IdCard
from clerk_app.core.identity import mask_id
from clerk_app.core.records import ClientEvent
from clerk_app.remote.wire import client_events_to_wire
from clerk_app.store.writes import add_client_event, client_event

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext

#: The client event of a whole ID number shown on screen.
ID_UNMASK = "id.unmask"
#: The client event of a sign-in checked on the desk while the service was out of reach.
OFFLINE_SIGNIN = "offline_signin"
#: The client event of an ID card read by the SDK card reader into the intake form.
ID_CARD_READ = "idcard.read"


def record_id_unmasked(context: AppContext, case_no: str, *, clerk: str) -> str:
    """Audit that ``clerk`` was shown the applicant's whole ID number of ``case_no``;
    the audit record's id."""
    return _record(
        context,
        client_event(
            ID_UNMASK,
            actor=clerk,
            at=context.clock.now(),
            target=case_no,
            detail={"field": "applicant.id_number", "device_id": context.device_id},
        ),
        f"full ID number of {case_no} shown to {clerk}",
    )


def record_offline_sign_in(context: AppContext, username: str, result: str) -> str:
    """Audit an offline sign-in of ``username`` at this window (``result``: ``ok`` or why
    it was refused); the audit record's id."""
    window = context.provisioning.window_code
    return _record(
        context,
        client_event(
            OFFLINE_SIGNIN,
            actor=username,
            at=context.clock.now(),
            target=window,
            result=result,
            detail={"device_id": context.device_id},
        ),
        f"offline sign-in of {username} at {window}: {result}",
    )


def record_card_read(context: AppContext, card: IdCard, *, clerk: str, role: str) -> str:
    """Audit that ``clerk`` read ``card`` into the intake form as its ``role`` (``applicant``
    or ``agent``); the number only masked, here and in the journal. The record's id."""
    masked = mask_id(card.id_number)
    return _record(
        context,
        client_event(
            ID_CARD_READ,
            actor=clerk,
            at=context.clock.now(),
            target=masked,
            detail={"role": role, "device_id": context.device_id},
        ),
        f"ID card {masked} read as {role} by {clerk}",
    )


def _record(context: AppContext, event: ClientEvent, message: str) -> str:
    """Journal line + outbox row of ``event`` (one transaction); its id."""
    body = client_events_to_wire(event)
    return add_client_event(context.backend.store, event, body=body, message=message).id
