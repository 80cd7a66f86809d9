"""The worklist's queries: this window's cases, filtered, searched and read one page at a time.

Pages are read by keyset (newest received first, then case number), so the 1,000th page of
100,000 cases costs what the first does; nothing reads more rows than it shows. The search
columns (applicant name, last 4 of the ID number, phone) are kept by triggers of the
worklist migration, so every case is searchable however it came in (intake or the change
feed).

The colours follow working days: a case is ``overdue`` (red) when its countdown is below
zero and ``soon`` (yellow) when it is due within the setting
``worklist.due_soon_working_days``. Closed cases have no colour, and a suspended case's
clock stands still (it gets no colour either).

A department's clerk sees the parts of joint cases assigned to the department
(``WorklistFilter.department``, 待本部门办理) whichever window took them in: parts arrive
through the change feed with their joint number, stage and department. A part whose stage
has not opened yet is ``waiting`` (received, no due date: the service gives a part its due
date when its stage opens), listed but not workable.

A case accepted under 容缺 whose material is still awaited on or after the day the
applicant promised it (the 容缺 decision's ``supply_by``) is flagged ``material_due``
(``"today"`` or ``"overdue"``), whatever its own due date says.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from clerk_app.core import lifecycle
from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.identity import mask_id
from clerk_app.core.records import ServerState
from clerk_app.store.db import Database

#: Rows read per page (what ``fetchMore`` asks for).
PAGE_SIZE = 200

DUE_ANY = ""
DUE_SOON = "soon"
DUE_OVERDUE = "overdue"

URGENCY_OVERDUE = "overdue"
URGENCY_SOON = "soon"

MATERIAL_DUE_TODAY = "today"
MATERIAL_OVERDUE = "overdue"

#: Statuses whose clock runs (colour and due filters apply to these).
RUNNING: frozenset[str] = frozenset(
    s.value
    for s in lifecycle.Status
    if not lifecycle.is_terminal(s) and s is not lifecycle.Status.SUSPENDED
)

_COLUMNS = (
    "case_no, applicant_name, json_extract(applicant_json, '$.id_number') AS idn, item_code,"
    " status, received_at, due_date, due_provisional, server_state, joint_case_no, stage,"
    # 容缺: the day the material was promised for, unless it came (or lapsed) since; read
    # for the page's rows only, on the case_events (case_id, at) index.
    " (SELECT CASE WHEN d.type = 'accept_deferred'"
    " THEN json_extract(d.data_json, '$.supply_by') END FROM case_events d"
    " WHERE d.case_id = cases.id AND d.type IN"
    " ('accept_deferred', 'deferred_supplied', 'deferred_lapsed')"
    " ORDER BY d.at DESC LIMIT 1) AS supply_by,"
    # The fee state of its latest payment notice not cancelled (issue 17), if any; on the
    # payment_notices (case_no, notice_no) index.
    " (SELECT CASE WHEN n.status IN ('paid', 'refunded') THEN n.status"
    " WHEN n.total_fen = 0 THEN 'waived' ELSE 'unpaid' END FROM payment_notices n"
    " WHERE n.case_no = cases.case_no AND n.status <> 'cancelled'"
    " ORDER BY n.notice_no DESC LIMIT 1) AS fee_state"
)
_ORDER = "received_at DESC, case_no DESC"
_PHONE = re.compile(r"^\+?\d{5,11}$")
_LAST4 = re.compile(r"^\d{3}[\dXx]$")


@dataclass(frozen=True)
class WorklistFilter:
    """What the clerk narrowed the list to. Empty fields mean "everything"."""

    statuses: frozenset[str] = field(default_factory=frozenset)
    due: str = DUE_ANY
    received_today: bool = False
    search: str = ""
    #: 待本部门办理: the parts of joint cases assigned to this department (its code),
    #: whichever window took them in, instead of this window's cases.
    department: str = ""


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where the next page starts (the last row of the page before), as the database
    orders it: take it from :attr:`WorklistRow.cursor`."""

    received_at: str
    case_no: str


@dataclass(frozen=True, slots=True)
class WorklistRow:
    """One line of the worklist (ID number already masked).

    Kept compact (issue 21: the model holds a few pages of them): slots, no per-row
    datetime or cursor (made from :attr:`received` when asked for), one object for each
    due date and item code a page repeats.
    """

    case_no: str
    applicant_name: str
    id_masked: str
    item_code: str
    status: lifecycle.Status
    #: When it was received, as the database keeps and orders it (ISO 8601 text).
    received: str
    due_date: date | None
    due_provisional: bool
    server_state: ServerState
    #: Working days left (0 on the due day, negative when overdue); None without a due date.
    countdown: int | None
    #: ``"overdue"``, ``"soon"`` or None.
    urgency: str | None
    #: 容缺: the day the awaited material was promised for (None: nothing awaited).
    supply_by: date | None = None
    #: ``"today"`` / ``"overdue"`` when that day has come and the material has not.
    material_due: str | None = None
    #: A part of a joint case: its joint number and stage ("" for an ordinary case).
    joint_case_no: str = ""
    stage: str = ""
    #: A part whose stage has not opened yet: listed, not workable.
    waiting: bool = False
    #: By its latest payment notice (issue 17): ``unpaid``, ``paid``, ``waived``,
    #: ``refunded``; "" without one.
    fee_state: str = ""

    @property
    def received_at(self) -> datetime:
        """When it was received."""
        return datetime.fromisoformat(self.received)

    @property
    def cursor(self) -> Cursor:
        """Where the page after this row starts."""
        return Cursor(self.received, self.case_no)


class WorklistQuery:
    """The worklist of one window as of ``today``.

    Args:
        db: the local database (read only here).
        window_code: this window.
        calendar: working days for countdowns and the "due soon" limit.
        today: the center's date (from the injected clock).
        soon_days: the setting ``worklist.due_soon_working_days``.
    """

    def __init__(
        self,
        db: Database,
        window_code: str,
        calendar: WorkCalendar,
        today: date,
        soon_days: int,
    ) -> None:
        self.db = db
        self.window_code = window_code
        self.calendar = calendar
        self.today = today
        self.soon_days = soon_days
        #: The last due date that still counts as "soon".
        self.soon_limit = calendar.add_working_days(today, soon_days).date
        #: Rows read from the database by this query (tests check it stays bounded).
        self.rows_read = 0
        self._countdowns: dict[date, int] = {}
        #: Due dates as read (ISO text) → one object each, shared by the rows that repeat
        #: them (texts the rows repeat are interned: ``sys.intern``).
        self._dates: dict[str, date] = {}

    def countdown(self, due: date) -> int:
        """Working days from today to ``due`` (many cases share a due date: kept once)."""
        days = self._countdowns.get(due)
        if days is None:
            days = self._countdowns[due] = self.calendar.working_days_between(self.today, due)
        return days

    # -- SQL -------------------------------------------------------------------------------

    def _where(self, flt: WorklistFilter) -> tuple[str, list[Any]]:
        if flt.department:
            clauses = ["joint_case_no <> ''", "department_code = ?"]
            params: list[Any] = [flt.department]
        else:
            clauses = ["window_code = ?"]
            params = [self.window_code]
        if flt.statuses:
            clauses.append(f"status IN ({', '.join('?' * len(flt.statuses))})")
            params.extend(sorted(flt.statuses))
        if flt.due in (DUE_SOON, DUE_OVERDUE):
            clauses.append(f"status IN ({', '.join('?' * len(RUNNING))})")
            params.extend(sorted(RUNNING))
            if flt.due == DUE_OVERDUE:
                clauses.append("due_date < ?")
                params.append(self.today.isoformat())
            else:
                clauses.append("due_date BETWEEN ? AND ?")
                params.extend([self.today.isoformat(), self.soon_limit.isoformat()])
        if flt.received_today:
            start = datetime.combine(self.today, datetime.min.time(), CENTER_TZ)
            clauses.append("received_at >= ? AND received_at < ?")
            params.extend([start.isoformat(), (start + timedelta(days=1)).isoformat()])
        search = flt.search.strip()
        if search:
            text, more = search_clause(search)
            clauses.append(text)
            params.extend(more)
        return " AND ".join(clauses), params

    def count(self, flt: WorklistFilter) -> int:
        """How many cases match (for the "N cases" label)."""
        where, params = self._where(flt)
        row = self.db.query_one(f"SELECT count(*) FROM cases WHERE {where}", params)  # noqa: S608
        return 0 if row is None else int(row[0])

    def page(
        self, flt: WorklistFilter, after: Cursor | None = None, limit: int = PAGE_SIZE
    ) -> list[WorklistRow]:
        """The next ``limit`` cases after ``after``, newest received first."""
        where, params = self._where(flt)
        if after is not None:
            where += " AND (received_at < ? OR (received_at = ? AND case_no < ?))"
            params.extend([after.received_at, after.received_at, after.case_no])
        # Only fixed column names and placeholders are put together; values are parameters.
        sql = f"SELECT {_COLUMNS} FROM cases WHERE {where} ORDER BY {_ORDER} LIMIT ?"  # noqa: S608
        rows = self.db.query(sql, [*params, int(limit)])
        self.rows_read += len(rows)
        return [self._row(r) for r in rows]

    def position(self, flt: WorklistFilter, case_no: str) -> int | None:
        """The row of ``case_no`` in the list ``flt`` gives (0 the newest), or None when it is
        not listed: how many matching cases come before it, on the keyset index."""
        where, params = self._where(flt)
        found = self.db.query_one(
            f"SELECT received_at FROM cases WHERE case_no = ? AND {where}",  # noqa: S608
            [case_no, *params],
        )
        if found is None:
            return None
        received = found[0]
        row = self.db.query_one(
            f"SELECT count(*) FROM cases WHERE {where}"  # noqa: S608
            " AND (received_at > ? OR (received_at = ? AND case_no > ?))",
            [*params, received, received, case_no],
        )
        return 0 if row is None else int(row[0])

    @property
    def closed(self) -> bool:
        """True once the database is closed (the desk is shutting down)."""
        return bool(self.db.closed)

    def _date(self, text: str | None) -> date | None:
        """The date of ISO ``text`` (None for none), one object per day."""
        if not text:
            return None
        day = self._dates.get(text)
        if day is None:
            day = self._dates[text] = date.fromisoformat(text)
        return day

    def _row(self, r: Any) -> WorklistRow:
        due = self._date(r["due_date"])
        countdown = None if due is None else self.countdown(due)
        supply_by = self._date(r["supply_by"])
        waiting = part_waiting(r["joint_case_no"], r["status"], due)
        return WorklistRow(
            case_no=r["case_no"],
            applicant_name=r["applicant_name"],
            id_masked=mask_id(str(r["idn"] or "")) if r["idn"] else "",
            item_code=sys.intern(r["item_code"]),
            status=lifecycle.Status(r["status"]),
            received=r["received_at"],
            due_date=due,
            due_provisional=bool(r["due_provisional"]),
            server_state=ServerState(r["server_state"]),
            countdown=countdown,
            urgency=None if waiting else urgency(r["status"], countdown, self.soon_days),
            supply_by=supply_by,
            material_due=material_due(r["status"], supply_by, self.today),
            joint_case_no=r["joint_case_no"] or "",
            stage=sys.intern(r["stage"] or ""),
            waiting=waiting,
            fee_state=sys.intern(r["fee_state"] or ""),
        )


def part_waiting(joint_case_no: str | None, status: str, due: date | None) -> bool:
    """Whether a part of a joint case waits for its stage to open: it is only received and
    has no due date yet (the service dates a stage's parts when it opens)."""
    return bool(joint_case_no) and status == lifecycle.Status.RECEIVED.value and due is None


def urgency(status: str, countdown: int | None, soon_days: int) -> str | None:
    """``"overdue"`` (red), ``"soon"`` (yellow) or None for a case with this countdown."""
    if countdown is None or status not in RUNNING:
        return None
    if countdown < 0:
        return URGENCY_OVERDUE
    if countdown <= soon_days:
        return URGENCY_SOON
    return None


def material_due(status: str, supply_by: date | None, today: date) -> str | None:
    """``"today"`` / ``"overdue"`` for an open case whose 容缺 material was promised for
    ``supply_by`` and has not come; None otherwise."""
    if supply_by is None or lifecycle.is_terminal(status) or supply_by > today:
        return None
    return MATERIAL_DUE_TODAY if supply_by == today else MATERIAL_OVERDUE


def search_kinds(text: str) -> tuple[str, ...]:
    """Which columns a search text is matched against, by its shape.

    Digits only: the last 4 of an ID (4 characters, also ``…X``), a phone (5–11 digits) and
    the case number. Letters, dashes and digits: the case number. Anything else (Chinese): the
    applicant's name, from its start (the case number only for ASCII text).
    """
    s = text.strip()
    kinds = ["case_no"] if s.isascii() else []
    if _LAST4.match(s):
        kinds.append("id_last4")
    if _PHONE.match(s):
        kinds.append("phone")
    if not s.isascii() or not re.search(r"\d", s):
        kinds.append("applicant_name")
    return tuple(kinds)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_clause(text: str) -> tuple[str, list[Any]]:
    """The WHERE part (OR of the kinds of :func:`search_kinds`) and its parameters."""
    s = text.strip()
    parts: list[str] = []
    params: list[Any] = []
    for kind in search_kinds(s):
        if kind == "case_no":
            parts.append("case_no LIKE ? ESCAPE '\\'")
            params.append(_like(s.upper()))
        elif kind == "id_last4":
            parts.append("id_last4 = ?")
            params.append(s.upper())
        elif kind == "phone":
            digits = s.removeprefix("+86") if len(s) > 11 else s
            parts.append("phone LIKE ? ESCAPE '\\'")
            params.append(_like(digits))
        else:
            # A name is matched from its start (surname first), on the index: a range, not a
            # scan of every case.
            parts.append("(applicant_name >= ? AND applicant_name < ?)")
            params.extend([s, s + "\U0010ffff"])
    return "(" + " OR ".join(parts) + ")", params


def joint_part_numbers(db: Database, joint_no: str) -> list[str]:
    """The case numbers of the parts of ``joint_no`` on this desk, in number order."""
    rows = db.query(
        "SELECT case_no FROM cases WHERE joint_case_no = ? ORDER BY case_no", (joint_no,)
    )
    return [r["case_no"] for r in rows]


def open_joint_numbers(db: Database, window_code: str) -> list[str]:
    """The joint cases taken in at ``window_code`` with a part still open, newest first."""
    closed = json.dumps(sorted(s.value for s in lifecycle.TERMINAL))
    rows = db.query(
        "SELECT joint_case_no, max(received_at) AS at FROM cases"
        " WHERE joint_case_no <> '' AND window_code = ?"
        " AND status NOT IN (SELECT value FROM json_each(?))"
        " GROUP BY joint_case_no ORDER BY at DESC, joint_case_no DESC",
        (window_code, closed),
    )
    return [r["joint_case_no"] for r in rows]
