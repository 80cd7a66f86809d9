"""The hall screen's data: the board (``core.records.Board``) as the hall shows it, and
pages of it.

Nothing here touches a widget; :class:`~clerk_app.gui.hall.screen.HallScreen` shows what
:class:`BoardSnapshot` holds.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime

from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.identity import mask_text
from clerk_app.core.records import Board

#: The hall words of DOMAIN.md, in the order the screen explains them.
HALL_WORDS = ("受理", "在办", "待办", "办结")

_CJK = re.compile(r"^[\u3400-\u9fff·]{1,4}$")


def hall_name(name: str) -> str:
    """The applicant as the hall may show it.

    The service masks a person's name (``张*``) and leaves an organization's (public). As a
    second line of defence, a short all-Chinese name that arrives unmasked is masked here
    (``张*``, ``张*三``), and any ID or mobile number inside the text is masked.
    """
    text = mask_text(str(name or "").strip())
    if "*" in text or not _CJK.match(text):
        return text
    if len(text) <= 2:
        return text[:1] + "*"
    return text[:1] + "*" * (len(text) - 2) + text[-1:]


@dataclass(frozen=True)
class BoardRow:
    """One case on the hall screen; a joint case is one row, ``stage`` its current stage
    ("" for a single case, or a joint case whose stages are all done)."""

    case_no: str
    window_code: str
    item: str
    applicant: str
    hall_group: str
    updated_at: datetime | None
    stage: str = ""

    @property
    def updated_hhmm(self) -> str:
        if self.updated_at is None:
            return ""
        return self.updated_at.astimezone(CENTER_TZ).strftime("%H:%M")


@dataclass(frozen=True)
class BoardSnapshot:
    """What one ``GET /board`` answered.

    Attributes:
        as_of: the service's time of the answer.
        rows: today's cases, newest change first (voided and revoked ones are not sent).
        received, completed: today's totals; ``completion_rate`` in 0..1, None with no case.
        behind_seconds: how far the service's read replica is behind, when past its limit
            (issue 20); None otherwise.
    """

    as_of: datetime
    rows: tuple[BoardRow, ...] = field(default_factory=tuple)
    received: int = 0
    completed: int = 0
    completion_rate: float | None = None
    behind_seconds: int | None = None

    @classmethod
    def from_board(cls, board: Board) -> BoardSnapshot:
        """The board as the hall shows it: names masked once more (:func:`hall_name`), the
        item by its name (its code when it has none)."""
        return cls(
            as_of=board.as_of,
            rows=tuple(
                BoardRow(
                    case_no=e.case_no,
                    window_code=e.window_code,
                    item=e.item_name or e.item_code,
                    applicant=hall_name(e.applicant),
                    hall_group=e.hall_group,
                    updated_at=e.updated_at,
                    stage=e.stage_name if e.joint else "",
                )
                for e in board.entries
            ),
            received=board.received,
            completed=board.completed,
            completion_rate=board.completion_rate,
            behind_seconds=board.behind_seconds,
        )

    @property
    def as_of_hhmmss(self) -> str:
        """The "数据截至" time (issue 20: to the second, a replica may be seconds behind)."""
        return self.as_of.astimezone(CENTER_TZ).strftime("%H:%M:%S")

    def page_count(self, rows_per_page: int) -> int:
        """At least one page (an empty board is one empty page)."""
        return max(1, math.ceil(len(self.rows) / rows_per_page))

    def page(self, index: int, rows_per_page: int) -> tuple[BoardRow, ...]:
        start = (index % self.page_count(rows_per_page)) * rows_per_page
        return self.rows[start : start + rows_per_page]

    def rate_text(self) -> str:
        """``79.7%``, or ``—`` before the day's first case."""
        if self.completion_rate is None:
            return "—"
        return f"{self.completion_rate * 100:.1f}%"
