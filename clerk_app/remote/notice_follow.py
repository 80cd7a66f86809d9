"""After a pull: the department window's payment notices follow the center (issue 17).

A payment, refund or cancellation at the settlement center writes a ``note`` event on the
notice's case, so the case comes down ``GET /changes`` (``LinkKeeper.pull_changes``). For
each pulled case with a notice kept here that the center may still change (issued, paid),
:func:`follow_notices` reads the notice again (``GET /payment-notices/{no}``) and keeps its
status and payment code (``store.fees.take_center_state``); a paid one also brings its
payment with the fiscal receipt's electronic data (``GET /payment-notices/{no}/payment``,
``store.fees.take_payment``), so the case detail shows 已缴费 and reprints the receipt.

Runs on the sync worker thread; the writes go to the store's writer.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from clerk_app.remote.api import ApiClient, ApiError
from clerk_app.remote.wire import WireError, notice_from_wire
from clerk_app.store import fees as fee_store
from clerk_app.store.local import LocalStore

log = logging.getLogger("clerk.sync")

#: Statuses whose payment this desk keeps (the receipt of the case).
_PAID = frozenset({"paid", "refunded"})


def follow_notices(store: LocalStore, api: ApiClient, token: str, case_nos: Iterable[str]) -> int:
    """Read again the notices of ``case_nos`` the center may have changed; returns how many
    changed here (status, payment code or payment kept).

    A notice the center does not have yet (its outbox row still waiting, 404) is skipped.

    Raises:
        NetworkError: the service cannot be reached (tried again on the next pull).
        ApiError: another refusal (logged by the caller).
    """
    changed = 0
    for notice_no in fee_store.notices_to_follow(store, tuple(dict.fromkeys(case_nos))):
        try:
            center = notice_from_wire(api.get_payment_notice(token, notice_no))
        except ApiError as exc:
            if exc.status == 404:
                continue
            raise
        except WireError as exc:
            log.error("payment notice %s: the center's answer is unreadable: %s", notice_no, exc)
            continue
        before = fee_store.get_notice(store, notice_no)
        fee_store.take_center_state(store, notice_no, center.status, center.payment_code)
        after = fee_store.get_notice(store, notice_no)
        if before != after:
            changed += 1
        if center.status in _PAID and keep_payment(store, api, token, notice_no):
            changed += 1
    if changed:
        log.info("payment notices: %d changed at the center", changed)
    return changed


def keep_payment(store: LocalStore, api: ApiClient, token: str, notice_no: str) -> bool:
    """Keep the payment of a paid notice (once; again when it was refunded since)."""
    kept = fee_store.kept_payment(store, notice_no)
    try:
        answer = api.get_notice_payment(token, notice_no)
    except ApiError as exc:
        if exc.status in (403, 404):  # no payment in this desk's reach (yet)
            log.info("payment of %s not readable here (%s)", notice_no, exc.status)
            return False
        raise
    payment = answer["payment"]
    if kept == payment:
        return False
    return fee_store.take_payment(store, notice_no, payment)
