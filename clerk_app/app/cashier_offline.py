"""The cashier window with the link down (issue 17): cash only, on paper receipts.

While the link is up, :func:`pull_offline_data` keeps on the desk what cash needs later:
the center's unpaid notices and the signed-in cashier's paper receipt stock (the ranges an
admin allotted, each with its next blank form). With the link down:

- the notice comes from that pulled list (:func:`find_offline`), or, when the payer brings
  one the desk never saw, from its notice number, the item and the amount, checked against
  the catalog's fee standard and marked "to confirm" (:func:`notice_to_confirm`);
- :func:`take_cash_offline` writes the payment, takes the next paper form of the cashier's
  stock and queues ``POST /payments`` (Idempotency-Key = the payment id) in ONE local
  transaction (``store.cashier``); the sync engine sends it exactly once when the link is
  back, and the center's answer (the payment code the fiscal platform assigned) is kept
  with it (:func:`paper_payments`);
- card and QR wait for the link (:func:`refuse_without_link`): they need the platform.

The screen tries the link with :func:`pull_and_send` on a worker, never on the GUI thread;
the desk's sync worker sends the outbox. A payment goes on the desk's device token, or,
while the desk holds none, only on its own cashier's sign-in: another cashier's waits for
that cashier (:func:`waiting_for_others`; ``remote.sync.SENT_AS_AUTHOR``). The day is not
closed while its paper payments wait (:func:`waiting_on_day`, ``app.cashier_close``).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from clerk_app.app.cashier import CashierRefused, TakenPayment, notice_from_wire
from clerk_app.app.session import has_device_token
from clerk_app.core import fees
from clerk_app.core.catalog import Catalog
from clerk_app.core.clock import CENTER_TZ
from clerk_app.remote import cashier_api, finance_api
from clerk_app.remote.api import NetworkError
from clerk_app.remote.wire import notice_to_wire
from clerk_app.store import cashier as store_cashier
from clerk_app.store.cashier import NoPaperStock, PaidHereAlready, PaperPayment, StockRange

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext
    from clerk_app.app.session import Session

__all__ = [
    "NoPaperStock",
    "OfflineReady",
    "PaperPayment",
    "find_offline",
    "forms_left",
    "link_down",
    "notice_to_confirm",
    "paper_payments",
    "pull_and_send",
    "pull_offline_data",
    "refuse_without_link",
    "refused_payments",
    "send_waiting",
    "take_cash_offline",
    "waiting_count",
    "waiting_for_others",
    "waiting_on_day",
]


@dataclass(frozen=True)
class OfflineReady:
    """What a pull left on the desk: unpaid notices, blank paper forms of the cashier."""

    notices: int
    forms_left: int


def _token(context: AppContext, session: Session) -> str:
    device = context.backend.tokens.get_device_token(
        context.provisioning.window_code, context.device_id
    )
    return session.access_token or device or ""


def _next_blank(sheet_range: dict[str, Any], numbers: list[str]) -> int:
    """The first form of a range after every one the center has seen used or voided: the
    count of used and voided from the range's start (forms go in order), and past the
    highest number of today's sheet in the range (a blank voided out of order)."""
    first, last = int(sheet_range["first"]), int(sheet_range["last"])
    counted = first + int(sheet_range["used"]) + int(sheet_range["voided"])
    mine = [int(n) for n in numbers if n.isdigit() and first <= int(n) <= last]
    return max([counted, *(n + 1 for n in mine)])


def pull_offline_data(context: AppContext, session: Session, day: date) -> OfflineReady:
    """Pull the center's unpaid notices and the cashier's paper stock onto the desk (run
    it while online, on a worker: the screen does at start and after each online payment).

    The stock needs the cashier's own sign-in with the service (an offline sign-in has no
    token for it): without one, the stock known here stays as it is.

    Raises:
        NetworkError, ApiError: the center could not be read; nothing changed here.
    """
    store = context.backend.store
    api = context.backend.api
    token = _token(context, session)
    notices = [
        store_cashier.PulledNotice(
            str(n["notice_no"]), str(n.get("payment_code") or ""), int(n["total_fen"]), n
        )
        for n in cashier_api.issued_notices(api, token)
    ]
    if session.access_token:
        sheet = finance_api.day_sheet(api, session.access_token, day)
        seen = [str(x) for x in [*sheet["receipts_used"], *sheet["receipts_voided"]]]
        ranges = []
        for r in sheet["ranges"]:
            code = str(r["code"])
            numbers = [x.split("/", 1)[1] for x in seen if x.startswith(code + "/")]
            ranges.append(
                StockRange(
                    code,
                    int(r["first"]),
                    int(r["last"]),
                    str(r["cashier"]),
                    _next_blank(r, numbers),
                )
            )
        store_cashier.keep_stock(store, ranges)
    kept = store_cashier.keep_notices(store, notices)
    return OfflineReady(kept, forms_left(context, session))


def link_down(error: BaseException) -> bool:
    """Whether ``error`` means the service could not be reached (the screen then works
    offline): no answer, a timeout, a refused connection."""
    return isinstance(error, NetworkError)


def forms_left(context: AppContext, session: Session) -> int:
    """Blank paper forms of the signed-in cashier known on this desk."""
    return sum(r.left for r in store_cashier.stock(context.backend.store, session.username))


def refuse_without_link(method: fees.PaymentMethod) -> None:
    """Card and QR need the fiscal platform: refused with the link down.

    Raises:
        CashierRefused: ``needs_link`` for card and QR.
    """
    if method != "cash":
        raise CashierRefused("needs_link", f"{method} needs the fiscal platform")


def find_offline(context: AppContext, ref: str) -> fees.PaymentNotice | None:
    """The notice by payment code or number from the pulled list; None when the desk never
    saw it (then :func:`notice_to_confirm`).

    Raises:
        CashierRefused: ``already_paid`` — this desk took its payment already.
    """
    key = ref.strip().upper()
    store = context.backend.store
    pulled = store_cashier.pulled_notice(store, key)
    number = pulled.notice_no if pulled is not None else key
    if store_cashier.paid_here(store, number):
        raise CashierRefused("already_paid", f"{number} was paid at this desk")
    return None if pulled is None else notice_from_wire(pulled.data)


def notice_to_confirm(
    context: AppContext, notice_no: str, item_code: str, amount_fen: int
) -> fees.PaymentNotice:
    """A notice the desk never pulled, from what the payer's paper notice says: its number
    (a JK- number of a window), the item and the amount, which must be the catalog's fee
    standard for the item (a waived notice waits for the link).

    Raises:
        CashierRefused: ``bad_number`` (not a notice number), ``already_paid`` (paid
            here), ``unknown_item`` (not in the catalog, or no fee), ``not_standard`` (the
            amount is not the item's fees), ``no_catalog``.
    """
    number = notice_no.strip().upper()
    try:
        parsed = fees.parse_notice_no(number)
    except ValueError:
        raise CashierRefused("bad_number", f"{notice_no!r} is not a notice number") from None
    if store_cashier.paid_here(context.backend.store, number):
        raise CashierRefused("already_paid", f"{number} was paid at this desk")
    cached = context.backend.store.load_catalog()
    if cached is None:
        raise CashierRefused("no_catalog", "no catalog on this desk")
    item = Catalog.from_dict(json.loads(cached.json_text)).get_item(item_code.strip().upper())
    if item is None:
        raise CashierRefused("unknown_item", f"no item {item_code!r}")
    try:
        lines = fees.assess(item)
    except fees.FeeRuleError:
        raise CashierRefused("unknown_item", f"item {item.code} charges no fee") from None
    standard = fees.notice_total(lines)
    if amount_fen != standard:
        raise CashierRefused(
            "not_standard", f"{amount_fen} fen is not the fee standard of {item.code} ({standard})"
        )
    return fees.PaymentNotice(
        id="",
        notice_no=number,
        case_no="",
        window_code=parsed.window,
        department_code=item.department,
        payer_name="",
        payer_id_type="",
        payer_id_number="",
        lines=lines,
        total_fen=standard,
        issued_at=context.clock.now(),
        clerk="",
    )


def take_cash_offline(
    context: AppContext,
    session: Session,
    notice: fees.PaymentNotice,
    received_fen: int,
    *,
    to_confirm: bool = False,
) -> TakenPayment:
    """Take the cash for ``notice`` on the next paper form of the cashier's stock, kept on
    the desk and queued for the center (see the module docstring); print its receipt with
    :func:`clerk_app.app.cashier.issue_receipt`.

    Raises:
        FeeRuleError: a rule is broken (less than due; nothing written).
        CashierRefused: ``already_paid`` (paid here before), ``no_stock`` (no blank form
            left: pull the stock while online, or ask an admin for a range).
    """
    payment_id = str(uuid.uuid4())
    paid_at = context.clock.now().astimezone(CENTER_TZ).replace(microsecond=0)
    paid, local = fees.take_payment(
        notice,
        payment_id=payment_id,
        method="cash",
        received_fen=received_fen,
        cashier=session.username,
        paid_at=paid_at,
    )
    body = {
        "id": payment_id,
        "notice": notice.notice_no,
        "method": "cash",
        "amount_fen": local.amount_fen,
        "received_fen": local.received_fen,
        "reference": "",
        "cashier": session.username,
        "paid_at": paid_at.isoformat(),
    }
    kept = {
        **notice_to_wire(notice),
        "department_code": notice.department_code,
        "status": notice.status,
        "payment_code": notice.payment_code or None,
        "to_confirm": to_confirm,
    }
    try:
        saved = store_cashier.take_paper_payment(
            context.backend.store,
            payment_id=payment_id,
            notice_no=notice.notice_no,
            cashier=session.username,
            amount_fen=local.amount_fen,
            received_fen=local.received_fen,
            paid_at=paid_at,
            to_confirm=to_confirm,
            notice=kept,
            outbox_body=body,
        )
    except PaidHereAlready as error:
        raise CashierRefused("already_paid", str(error)) from None
    except NoPaperStock as error:
        raise CashierRefused("no_stock", str(error)) from None
    receipt = fees.Receipt("paper", saved.receipt_code, saved.receipt_number)
    return TakenPayment(paid, replace(local, receipt=receipt))


def paper_payments(context: AppContext, session: Session | None = None) -> list[PaperPayment]:
    """The cash taken on paper at this desk (the cashier's, or everyone's), each with where
    it stands at the center (``waiting``, ``sent`` with the center's answer, ``refused``)."""
    who = None if session is None else session.username
    return store_cashier.paper_payments(context.backend.store, who)


def pull_and_send(
    context: AppContext, session: Session, day: date, *, send: bool, now: bool = False
) -> Exception | None:
    """One try of the link for the cashier screen (run it on a worker, never on the GUI
    thread): pull (:func:`pull_offline_data`), then, with ``now``, make every waiting row
    due at once (F5, the screen opening), and with ``send`` send the outbox here (a screen
    without the desk's sync worker; the worker sends otherwise).

    Returns:
        The service's refusal of the pull, if it refused (the link is up all the same).

    Raises:
        NetworkError: the link is down (nothing sent).
    """
    refused: Exception | None = None
    try:
        pull_offline_data(context, session, day)
    except Exception as exc:
        if link_down(exc):
            raise
        refused = exc
    if send:
        send_waiting(context, session, now=now)
    elif now:
        context.backend.store.retry_now(refused=False)
    return refused


def send_waiting(context: AppContext, session: Session, *, now: bool = False) -> int:
    """Send the desk's outbox at once, here (a screen without the desk's sync worker; on a
    worker thread): a few rounds of the sync engine; ``now`` makes every waiting row due
    first (F5: "try the link"). Returns the cashier's payments still waiting.

    Never raises for the network: a row that cannot go waits for its next try.
    """
    from clerk_app.app.sync import sync_engine  # the engine of the window's outbox

    if now:
        context.backend.store.retry_now(refused=False)
    engine = sync_engine(context, session)
    for _ in range(5):
        result = engine.push_once()
        if not result.sent or not result.online or not result.waiting:
            break
    return waiting_count(context, session)


def waiting_count(context: AppContext, session: Session) -> int:
    """The cashier's paper payments not yet at the center."""
    return sum(p.center == "waiting" for p in paper_payments(context, session))


def waiting_on_day(context: AppContext, session: Session, day: date) -> int:
    """The cashier's paper payments of ``day`` (the center's business day) not yet at the
    center."""
    return sum(
        p.center == "waiting" and p.paid_at.astimezone(CENTER_TZ).date() == day
        for p in paper_payments(context, session)
    )


def waiting_for_others(context: AppContext, session: Session) -> int:
    """Paper payments of other cashiers waiting on this desk that cannot go while it holds
    no device token: each goes only on its own cashier's sign-in (0 with a device token)."""
    if has_device_token(context):
        return 0
    return sum(
        p.center == "waiting" and p.cashier != session.username
        for p in paper_payments(context, None)
    )


def refused_payments(context: AppContext, session: Session) -> list[PaperPayment]:
    """The cashier's paper payments the center refused (``error``: its reason): the cash
    was taken, so finance must settle each one (a notice cancelled meanwhile, a number used
    by another desk, the day closed)."""
    return [p for p in paper_payments(context, session) if p.center == "refused"]
