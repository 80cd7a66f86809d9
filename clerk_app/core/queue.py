"""The hall's queue (排队叫号, issue 18): ticket numbers, offline blocks, who is called next.

- A ticket number is the category's prefix (one capital letter) and three digits:
  ``A012``. :func:`format_ticket` makes one, :func:`parse_ticket` reads what a clerk types
  at a window (``a12``, ``A 12``, ``Ａ０１２`` → ``A012``) and refuses anything else with
  a :class:`TicketNumberError` saying why.
- The records service numbers online tickets 001–799 per category per day. A kiosk cut
  off from the service numbers from its own block of 100 (provisioning
  ``queue.offline_block`` = 8 → 800–899, 9 → 900–999), so two kiosks of a hall can print
  offline and never clash with each other or with the service (:func:`offline_range`).
- :func:`pick_next` says which waiting ticket a window calls next (:func:`queue_order` is
  the whole order): (1) a checked-in appointment whose slot has begun; (2) a ticket that has
  waited longer than its category's wait limit, oldest first — nobody starves behind
  priority tickets; (3) the priority classes (老年人, 残疾人, 军人, any the center
  configures); (4) everyone else by issue time. Ties go by issue time, then number. A
  transferred ticket keeps its issue time, so it keeps its place.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

#: The highest sequence the service gives an online ticket.
ONLINE_MAX_SEQ = 799
#: The blocks a kiosk may print from while cut off (``queue.offline_block``).
OFFLINE_BLOCKS = (8, 9)
#: The highest sequence of a day (three digits).
MAX_SEQ = 999
#: The priority classes every center has; a center may configure more.
PRIORITY_CLASSES = ("elderly", "disabled", "military")
#: An ordinary ticket's wait limit unless its category says otherwise.
DEFAULT_WAIT_LIMIT = timedelta(minutes=30)

_PREFIX = re.compile(r"[A-Z]")
_TYPED = re.compile(r"([A-Za-z])\s*-?\s*([0-9]{1,3})")


class TicketNumberError(ValueError):
    """A ticket number that cannot be one. ``code`` says why (``empty``, ``shape``,
    ``zero``, ``prefix``, ``range``), ``text`` is what was given."""

    def __init__(self, code: str, text: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.text = text


class TicketNo(NamedTuple):
    """The parts of a ticket number."""

    prefix: str
    seq: int

    def __str__(self) -> str:
        return format_ticket(self.prefix, self.seq)


def format_ticket(prefix: str, seq: int) -> str:
    """``("A", 12)`` → ``"A012"``.

    Raises:
        TicketNumberError: the prefix is not one capital letter, or ``seq`` is not 1–999.
    """
    if not isinstance(prefix, str) or not _PREFIX.fullmatch(prefix):
        raise TicketNumberError("prefix", str(prefix), "the prefix must be one letter A–Z")
    if isinstance(seq, bool) or not isinstance(seq, int) or not 1 <= seq <= MAX_SEQ:
        raise TicketNumberError("range", str(seq), f"the number must be 1 to {MAX_SEQ}")
    return f"{prefix}{seq:03d}"


def parse_ticket(text: str) -> TicketNo:
    """Read a ticket number as typed at a window: one letter (either case) and one to
    three digits, spaces and a hyphen between them forgiven, full-width characters read
    as their ASCII twins. ``str()`` of the answer is the printed form (``"A012"``).

    Raises:
        TicketNumberError: anything else, with a message a clerk can act on.
    """
    cleaned = unicodedata.normalize("NFKC", text or "").strip()
    if not cleaned:
        raise TicketNumberError("empty", text, "type a ticket number, e.g. A012")
    match = _TYPED.fullmatch(cleaned)
    if match is None:
        raise TicketNumberError(
            "shape", text, f"{cleaned!r} is not a ticket number: one letter and up to 3 digits"
        )
    seq = int(match.group(2))
    if seq == 0:
        raise TicketNumberError("zero", text, "ticket numbers start at 001")
    return TicketNo(match.group(1).upper(), seq)


def offline_range(block: int) -> range:
    """The sequences a kiosk with ``queue.offline_block = block`` prints while cut off.

    Raises:
        ValueError: ``block`` is not one of :data:`OFFLINE_BLOCKS`.
    """
    if block not in OFFLINE_BLOCKS:
        raise ValueError(f"offline block must be one of {OFFLINE_BLOCKS}, not {block!r}")
    return range(block * 100, block * 100 + 100)


def offline_block_of(seq: int) -> int | None:
    """The offline block ``seq`` belongs to, or None for an online sequence."""
    block = seq // 100
    return block if block in OFFLINE_BLOCKS else None


def next_offline_seq(block: int, used: Iterable[int]) -> int:
    """The next sequence a cut-off kiosk prints: one past the highest of its block it has
    used today (``used`` may hold anything; only the block counts).

    Raises:
        ValueError: the block is spent (100 offline tickets in one category and day).
    """
    span = offline_range(block)
    mine = [s for s in used if s in span]
    seq = max(mine) + 1 if mine else span.start
    if seq not in span:
        raise ValueError(f"offline block {block} is used up for today")
    return seq


# --- who is called next -------------------------------------------------------------------


@dataclass(frozen=True)
class Waiting:
    """A waiting ticket as the priority rule sees it.

    Attributes:
        number: the printed number (``A012``); the last tie-break.
        category: the category's code (for its wait limit).
        issued_at: when it was issued (a transfer keeps the first ticket's time).
        priority_class: ``""`` for an ordinary ticket, else its class.
        appointment: whether it came from an appointment check-in (its slot from
            ``slot_of``).
    """

    number: str
    category: str
    issued_at: datetime
    priority_class: str = ""
    appointment: bool = False


#: The tiers of :func:`queue_order`, first called first.
TIER_APPOINTMENT, TIER_OVERDUE, TIER_PRIORITY, TIER_ORDINARY = range(4)

WaitLimit = timedelta | Mapping[str, timedelta] | Callable[[Waiting], timedelta]
SlotOf = Callable[[Waiting], datetime | None]


def _limit_of(ticket: Waiting, wait_limit: WaitLimit) -> timedelta:
    if isinstance(wait_limit, timedelta):
        return wait_limit
    if isinstance(wait_limit, Mapping):
        return wait_limit.get(ticket.category, DEFAULT_WAIT_LIMIT)
    return wait_limit(ticket)


def _no_slot(_ticket: Waiting) -> datetime | None:
    return None


def tier(
    ticket: Waiting,
    now: datetime,
    *,
    wait_limit: WaitLimit = DEFAULT_WAIT_LIMIT,
    slot_of: SlotOf = _no_slot,
) -> int:
    """Which of the four tiers ``ticket`` stands in at ``now`` (see the module doc).

    An appointment whose slot has not begun yet waits like any ticket of its class.
    """
    if ticket.appointment:
        slot = slot_of(ticket)
        if slot is not None and slot <= now:
            return TIER_APPOINTMENT
    if now - ticket.issued_at > _limit_of(ticket, wait_limit):
        return TIER_OVERDUE
    return TIER_PRIORITY if ticket.priority_class else TIER_ORDINARY


def queue_order(
    waiting: Iterable[Waiting],
    now: datetime,
    *,
    wait_limit: WaitLimit = DEFAULT_WAIT_LIMIT,
    slot_of: SlotOf = _no_slot,
) -> list[Waiting]:
    """Every waiting ticket, first to be called first."""

    def key(ticket: Waiting) -> tuple[int, datetime, str]:
        return (
            tier(ticket, now, wait_limit=wait_limit, slot_of=slot_of),
            ticket.issued_at,
            ticket.number,
        )

    return sorted(waiting, key=key)


def pick_next(
    waiting: Sequence[Waiting] | Iterable[Waiting],
    now: datetime,
    *,
    wait_limit: WaitLimit = DEFAULT_WAIT_LIMIT,
    slot_of: SlotOf = _no_slot,
) -> Waiting | None:
    """The ticket to call next at ``now``, or None when nobody waits."""
    order = queue_order(waiting, now, wait_limit=wait_limit, slot_of=slot_of)
    return order[0] if order else None
