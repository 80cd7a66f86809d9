"""The hall's ticket kiosk (取号机, issue 18): ``clerk-app --kiosk`` on a PC enrolled with a
kiosk credential.

Like the hall screen's display credential (``app.enrolment``), the kiosk's credential is
kept in the machine's secret store (:data:`KIOSK_SECRET`), nobody signs in, and the kiosk
renews it itself when a third of its lifetime is left (:class:`KioskCredentialHolder`).

What a person does at the kiosk, as use cases:

- :func:`categories`: the hall's categories with their waiting counts (the last list
  fetched is kept, so a kiosk cut off from the service still offers them);
- :func:`read_id`: an ID card read by the keyboard-wedge reader (or typed): its age gives
  the 老年人 priority from the provisioned ``[queue] elderly_age``;
- :func:`take_ticket`: a ticket of a category, online (``POST /queue/tickets``, the id made
  here is the Idempotency-Key; the per-ID daily limit answers :class:`DailyLimitReached`)
  or, with the service unreachable, from the kiosk's offline block
  (``[queue] offline_block``), marked 人数待定 and kept with its outbox row
  (``store.kiosk``) so that it reaches the service exactly once when the link returns
  (:func:`send_waiting`);
- :func:`check_in`: an appointment checked in by its code or by the ID read (online only);
- :func:`ticket_document` / :func:`printed` / :func:`waiting_reprint`: the 80 mm ticket
  (kind ``queue_ticket``), and the tickets the printer did not print (out of paper) kept
  for their reprint.
"""

from __future__ import annotations

import json
import logging
import secrets as pysecrets
import threading
import uuid
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from clerk_app.app.enrolment import CredentialRevoked, EnrolmentProblem, MachineCredential
from clerk_app.core.errors import ConnectionProblem, Refused, UserError
from clerk_app.core.identity import check_resident_id, mask_id
from clerk_app.documents import DocumentTexts, RenderedDocument, template_dirs
from clerk_app.documents.queue_ticket import QueueTicketDoc, build_queue_ticket
from clerk_app.remote import queue_api
from clerk_app.remote.api import ApiError
from clerk_app.remote.queue_api import BY_ID, QueueCategory
from clerk_app.remote.sync import Backoff, PushResult, SyncEngine
from clerk_app.remote.tokens import TokenStore
from clerk_app.store import kiosk as kiosk_store
from clerk_app.store.kiosk import KioskTicket, OfflineBlockUsedUp

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext

__all__ = [
    "CategoryList",
    "CheckInRefused",
    "DailyLimitReached",
    "IdNotRead",
    "IdReading",
    "KioskCredentialHolder",
    "KioskTicket",
    "NoOfflineTickets",
    "QueueCategory",
    "categories",
    "check_in",
    "enrol_kiosk",
    "kiosk_credential",
    "printed",
    "read_id",
    "send_waiting",
    "take_ticket",
    "ticket_document",
    "waiting_reprint",
]

log = logging.getLogger("clerk.app")

#: The secret holding this PC's kiosk credential (JSON, see ``MachineCredential``).
KIOSK_SECRET = "kiosk-credential"  # noqa: S105 - the entry's name, not a secret
#: Local state: the categories last fetched (JSON), offered while the service is away.
CATEGORIES_STATE = "kiosk.categories"
#: The label on a ticket of the elderly (the service's class ``elderly``).
ELDERLY = "elderly"


class DailyLimitReached(UserError):
    """The ID holder took the category's tickets of the day (the center's limit)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"daily limit {limit} reached")
        self.limit = limit


class CheckInRefused(UserError):
    """An appointment that cannot be checked in here now.

    Attributes:
        reason: ``not-found``, ``checked-in``, ``missed`` (its half-day is over),
            ``not-today``, ``cancelled``, ``daily-limit``, ``needs-link`` (the service
            cannot be reached: take an ordinary ticket).
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NoOfflineTickets(UserError):
    """Cut off from the service and no ticket can be printed offline: ``reason``
    ``no-block`` (this kiosk has no ``[queue] offline_block``) or ``used-up``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class IdNotRead(UserError):
    """What the reader typed is not a resident ID number."""


# -- the kiosk's credential -------------------------------------------------------------------


def kiosk_credential(context: AppContext) -> MachineCredential | None:
    """This PC's kiosk credential, or None (not enrolled as a kiosk)."""
    store = context.backend.secrets
    text = store.get(KIOSK_SECRET) if store is not None else None
    return MachineCredential.from_json(text) if text else None


def enrol_kiosk(context: AppContext, code: str) -> MachineCredential:
    """Redeem a kiosk enrolment code (``clerk-records enrol --kind kiosk``) and keep it.

    Raises:
        EnrolmentProblem: unknown/used code (``unknown-code``), ``rate-limited``, or a
            code of another kind (``unsupported``; nothing kept).
        ConnectionProblem: no answer.
    """
    from clerk_app.app.enrolment import normalise_code

    try:
        issued = context.backend.api.redeem_enrolment(normalise_code(code), context.device_id)
    except Refused as exc:
        if exc.status == 429:
            raise EnrolmentProblem("rate-limited") from exc
        if exc.status in (404, 409, 422):
            raise EnrolmentProblem("unknown-code") from exc
        raise
    if issued.get("kind") != "kiosk":
        raise EnrolmentProblem("unsupported", kind=str(issued.get("kind")))
    credential = MachineCredential(
        token=str(issued["token"]),
        kind="kiosk",
        window_code=None,
        label=str(issued.get("label") or ""),
        expires_at=issued["expires_at"],
        obtained_at=context.clock.now(),
    )
    _keep(context, credential)
    log.info("enrolled as kiosk %s", credential.label)
    return credential


def _keep(context: AppContext, credential: MachineCredential) -> None:
    if context.backend.secrets is None:  # pragma: no cover - build_context always makes one
        raise EnrolmentProblem("unsupported")
    context.backend.secrets.set(KIOSK_SECRET, credential.to_json())


class KioskCredentialHolder:
    """The kiosk's credential; :meth:`token` renews it first when due (one at a time)."""

    def __init__(self, context: AppContext, credential: MachineCredential) -> None:
        self.context = context
        self.credential = credential
        self._lock = threading.Lock()

    @property
    def label(self) -> str:
        return self.credential.label

    def token(self) -> str:
        """The token to send; renewed first when a third of its lifetime is left.

        Raises:
            CredentialRevoked: the service refused it (IT enrols the kiosk again).
            ConnectionProblem: renewal due and no answer (the old one is still good).
        """
        with self._lock:
            now = self.context.clock.now()
            if not self.credential.renew_due(now):
                return self.credential.token
            try:
                issued = self.context.backend.api.renew_credential(self.credential.token, "kiosk")
            except Refused as exc:
                if exc.status == 401:
                    raise CredentialRevoked("kiosk credential refused") from exc
                raise
            self.credential = MachineCredential(
                token=str(issued["token"]),
                kind="kiosk",
                window_code=None,
                label=str(issued.get("label") or self.credential.label),
                expires_at=issued["expires_at"],
                obtained_at=now,
            )
            _keep(self.context, self.credential)
            log.info("kiosk credential renewed; valid until %s", self.credential.expires_at)
            return self.credential.token

    def current(self) -> str:
        """The token held now, renewed if due and possible (never raises for the link)."""
        try:
            return self.token()
        except (ConnectionProblem, Refused):
            return self.credential.token


# -- categories and the ID card ---------------------------------------------------------------


@dataclass(frozen=True)
class CategoryList:
    """The categories offered; ``online``: fetched now (else the last list kept here, and
    the waiting counts are as they were then)."""

    items: tuple[QueueCategory, ...]
    online: bool


def categories(context: AppContext, holder: KioskCredentialHolder) -> CategoryList:
    """The hall's categories: fetched, else the last list kept (empty if none ever was).

    Raises:
        CredentialRevoked: the service refused the kiosk's credential.
    """
    store = context.backend.store
    try:
        items = queue_api.queue_categories(context.backend.api, holder.token())
    except Refused as exc:
        if exc.status == 401:
            raise CredentialRevoked("kiosk credential refused") from exc
        if exc.status < 500:
            raise
        log.warning("queue categories: the service failed (%s); the kept list is shown", exc)
    except ConnectionProblem as exc:
        log.info("queue categories: no answer (%s); the kept list is shown", exc)
    else:
        kept = [item.__dict__ for item in items]
        store.set_state(CATEGORIES_STATE, json.dumps(kept, ensure_ascii=False))
        return CategoryList(tuple(items), online=True)
    text = store.get_state(CATEGORIES_STATE)
    kept_items = [QueueCategory(**row) for row in json.loads(text)] if text else []
    return CategoryList(tuple(kept_items), online=False)


@dataclass(frozen=True)
class IdReading:
    """An ID card read at the kiosk. ``number`` is sent once (hashed at the service for the
    daily limit), never kept on the kiosk; ``masked`` is what the screen shows."""

    number: str
    masked: str
    age: int
    elderly: bool


def age_on(birth: date, day: date) -> int:
    """Full years of age on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def read_id(context: AppContext, text: str) -> IdReading:
    """The ID number the card reader typed (or a person typed), with the holder's age.

    Raises:
        IdNotRead: not a valid resident ID number.
    """
    today = context.clock.today()
    check = check_resident_id(text, today)
    if not check.ok or check.birth_date is None:
        raise IdNotRead(text[:40])
    age = age_on(check.birth_date, today)
    elderly = age >= context.provisioning.queue_elderly_age
    return IdReading(check.value, mask_id(check.value), age, elderly)


# -- tickets ----------------------------------------------------------------------------------


def take_ticket(
    context: AppContext,
    holder: KioskCredentialHolder,
    category: QueueCategory,
    *,
    reading: IdReading | None = None,
) -> KioskTicket:
    """A ticket of ``category`` for the person at the kiosk (priority from ``reading``),
    kept here before it is printed.

    Online first; when the service cannot be reached (no answer twice, or it fails), the
    ticket is numbered from the kiosk's offline block and queued for the service. An
    offline ticket carries the elderly priority but not the ID number: the per-ID daily
    limit cannot be checked without the service, and a ticket already printed must not be
    refused when it arrives. A reply lost on the online request leaves that ticket at the
    service unheld (it is called and marked not come); the person holds the offline one.

    Raises:
        DailyLimitReached: the ID's tickets of this category are used up today (409).
        NoOfflineTickets: cut off, and this kiosk prints none offline (or its block is
            used up for the category today).
        CredentialRevoked: the service refused the kiosk's credential.
        Refused: another refusal (e.g. 404: the category was closed).
    """
    priority = ELDERLY if reading is not None and reading.elderly else ""
    body: dict[str, Any] = {"id": str(uuid.uuid4()), "category": category.code}
    if priority:
        body["priority_class"] = priority
    if reading is not None:
        body["id_number"] = reading.number
    issued = None
    for attempt in (1, 2):  # the same id again: a lost answer still gives one ticket
        try:
            issued = queue_api.issue_ticket(context.backend.api, holder.token(), body)
            break
        except ApiError as exc:
            if exc.status == 401:
                raise CredentialRevoked("kiosk credential refused") from exc
            if exc.status == 409 and exc.slug == "daily-limit":
                raise DailyLimitReached(category.daily_limit_per_id) from exc
            if exc.status < 500:
                raise
            log.warning("ticket of %s: the service failed (%s)", category.code, exc)
            break
        except ConnectionProblem as exc:
            log.info("ticket of %s: no answer (attempt %d): %s", category.code, attempt, exc)
    store = context.backend.store
    if issued is not None:
        return kiosk_store.keep_online_ticket(
            store,
            KioskTicket(
                id=issued.id,
                day=context.clock.today(),
                category=issued.category,
                category_name=issued.category_name or category.name,
                number=issued.number,
                offline=False,
                priority_class=issued.priority_class,
                appointment_code=issued.appointment_code,
                people_ahead=issued.people_ahead,
                query_code=issued.query_code,
                issued_at=context.clock.now(),
                printed_at=None,
                prints=0,
            ),
        )
    return _offline_ticket(context, category, priority)


def _offline_ticket(context: AppContext, category: QueueCategory, priority: str) -> KioskTicket:
    block = context.provisioning.queue_offline_block
    if block is None:
        raise NoOfflineTickets("no-block")
    now = context.clock.now()
    ticket_id = str(uuid.uuid4())
    query_code = f"{pysecrets.randbelow(10**6):06d}"
    body: dict[str, Any] = {
        "id": ticket_id,
        "category": category.code,
        "issued_at": now.isoformat(),
        "query_code": query_code,
    }
    if priority:
        body["priority_class"] = priority
    try:
        return kiosk_store.take_offline_ticket(
            context.backend.store,
            ticket_id=ticket_id,
            day=context.clock.today(),
            category=category.code,
            category_name=category.name,
            prefix=category.prefix,
            block=block,
            issued_at=now,
            query_code=query_code,
            priority_class=priority,
            outbox_body=body,
        )
    except OfflineBlockUsedUp as exc:
        raise NoOfflineTickets("used-up") from exc


_CHECK_IN_REASONS = ("checked-in", "missed", "not-today", "cancelled", "daily-limit")


def check_in(
    context: AppContext,
    holder: KioskCredentialHolder,
    *,
    code: str | None = None,
    reading: IdReading | None = None,
) -> KioskTicket:
    """Check in today's appointment by its ``code`` or by the ID ``reading``; its ticket
    is kept here before it is printed.

    Raises:
        CheckInRefused: see its reasons (``needs-link`` when the service is away).
        CredentialRevoked: the service refused the kiosk's credential.
    """
    body: dict[str, Any] = {"id": str(uuid.uuid4())}
    path_code = (code or "").strip().upper()
    if not path_code:
        if reading is None:
            raise CheckInRefused("not-found")
        path_code, body["id_number"] = BY_ID, reading.number
    issued = None
    for attempt in (1, 2):
        try:
            issued = queue_api.check_in(context.backend.api, holder.token(), path_code, body)
            break
        except ApiError as exc:
            if exc.status == 401:
                raise CredentialRevoked("kiosk credential refused") from exc
            if exc.status in (404, 422):
                raise CheckInRefused("not-found") from exc
            kind = exc.slug
            if exc.status == 409 and kind in _CHECK_IN_REASONS:
                raise CheckInRefused(kind) from exc
            if exc.status < 500:
                raise
            raise CheckInRefused("needs-link") from exc
        except ConnectionProblem as exc:
            log.info("check-in: no answer (attempt %d): %s", attempt, exc)
    if issued is None:
        raise CheckInRefused("needs-link")
    return kiosk_store.keep_online_ticket(
        context.backend.store,
        KioskTicket(
            id=issued.id,
            day=context.clock.today(),
            category=issued.category,
            category_name=issued.category_name,
            number=issued.number,
            offline=False,
            priority_class=issued.priority_class,
            appointment_code=issued.appointment_code,
            people_ahead=issued.people_ahead,
            query_code=issued.query_code,
            issued_at=context.clock.now(),
            printed_at=None,
            prints=0,
        ),
    )


def ticket_document(
    context: AppContext, ticket: KioskTicket, *, reprint: bool = False
) -> RenderedDocument:
    """The 80 mm ticket (kind ``queue_ticket``) of ``ticket``."""
    texts = DocumentTexts.load(template_dirs(context.paths.config_dir))
    return build_queue_ticket(
        QueueTicketDoc(
            center_name=context.provisioning.center_name,
            number=ticket.number,
            category_name=ticket.category_name,
            people_ahead=ticket.people_ahead,
            issued_at=ticket.issued_at,
            public_url=context.provisioning.api_base,
            query_code=ticket.query_code,
            priority_label="老年人优先" if ticket.priority_class == ELDERLY else "",
            appointment_code=ticket.appointment_code,
            reprint=reprint,
        ),
        texts,
    )


def printed(context: AppContext, ticket: KioskTicket) -> None:
    """The ticket is on paper."""
    kiosk_store.mark_printed(context.backend.store, ticket.id, context.clock.now())


def waiting_reprint(context: AppContext) -> list[KioskTicket]:
    """Tickets issued today that never reached paper (oldest first)."""
    today = context.clock.today()
    return [t for t in kiosk_store.unprinted(context.backend.store) if t.day == today]


def tickets_today(context: AppContext) -> list[KioskTicket]:
    """Every ticket this kiosk issued today (with where each stands at the service)."""
    return kiosk_store.tickets_of(context.backend.store, context.clock.today())


def waiting_to_send(context: AppContext) -> int:
    """Tickets printed offline that have not reached the service yet."""
    return kiosk_store.waiting_to_send(context.backend.store)


# -- sending the tickets printed offline ------------------------------------------------------


class _KioskTokens(TokenStore):
    """The sync engine's token source on a kiosk: its credential, as a device token."""

    def __init__(self, holder: KioskCredentialHolder) -> None:  # no keyring: nothing kept
        self._holder = holder

    def get_device_token(self, window_code: str, device_id: str) -> str | None:
        return self._holder.current()


def sync_engine(context: AppContext, holder: KioskCredentialHolder) -> SyncEngine:
    """The outbox sender of the kiosk (tickets printed offline), with its credential."""
    return SyncEngine(
        context.backend.store,
        context.backend.api,
        _KioskTokens(holder),
        context.clock,
        Backoff(cap=float(context.settings["sync.max_backoff_seconds"])),
        window_code=context.provisioning.window_code,
        device_id=context.device_id,
    )


def send_waiting(context: AppContext, engine: SyncEngine) -> PushResult:
    """Send the tickets printed offline that are due (one round; never sleeps)."""
    return engine.push_once()
