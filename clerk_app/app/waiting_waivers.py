"""The waiver (减免) a clerk entered for a case's next payment notice, kept at the desk
(issue 17), so one that waits for a lead's approval survives closing the case detail and
the desk: it is shown again, still waiting, when the case is opened next.

Kept as JSON in the local ``state`` table under ``fees.waiver:<case_no>`` (reason code,
amount in fen, note). A lead's approval is never kept: the lead signs in at the window when
the notice goes out, so a reopened waiver above the provisioned amount waits again. The
entry is dropped when the notice carrying the waiver is issued.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from clerk_app.core.fees import Waiver
from clerk_app.logs import logger

if TYPE_CHECKING:  # pragma: no cover
    from clerk_app.app.context import AppContext

log = logger("app")

#: The ``state`` key of a case's waiting waiver (the case number follows).
STATE_PREFIX = "fees.waiver:"


def keep_waiver(context: AppContext, case_no: str, waiver: Waiver | None) -> None:
    """Keep ``waiver`` as the one entered for ``case_no``'s next notice (None: forget it);
    its approval is left out. Runs on the writer."""
    value = None
    if waiver is not None:
        kept = {
            "reason_code": waiver.reason_code,
            "amount_fen": waiver.amount_fen,
            "note": waiver.note,
        }
        value = json.dumps(kept, ensure_ascii=False, sort_keys=True)
    context.backend.store.set_state(STATE_PREFIX + case_no, value)


def kept_waiver(context: AppContext, case_no: str) -> Waiver | None:
    """The waiver kept for ``case_no``'s next notice, not approved; None when there is none
    (or what is kept cannot be read: logged, and the clerk enters it again)."""
    text = context.backend.store.get_state(STATE_PREFIX + case_no)
    if not text:
        return None
    try:
        raw = json.loads(text)
        return Waiver(  # whole fen only: a float or a bool is refused by the record
            reason_code=str(raw["reason_code"]),
            amount_fen=raw["amount_fen"],
            note=str(raw.get("note", "")),
        )
    except (ValueError, KeyError, TypeError):  # FeeRuleError is a ValueError
        log.warning("kept waiver of %s unreadable; dropped from view", case_no)
        return None
