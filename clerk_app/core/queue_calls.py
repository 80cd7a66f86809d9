"""The hall's view of the queue: calls as the big screen receives them, and a window's state
for its own small screen (窗口屏). Plain frozen records, fed to the widgets of
``clerk_app.gui.hall`` (the service's ``queue_calls`` rows, read by the app layer).

Window numbers. A window is known to the system by its code (``W03``, ``P01``); the hall
shows the number painted above it. :func:`window_label` gives that number from the code
when nothing better is configured: the main hall's windows ``W`` + digits are plain
numbers (``W03`` → ``3``), another hall's keep their letter (``P01`` → ``P1``, the 项目审批
hall's first window, so it never sounds like the main hall's 1 号窗口), a code of digits
is its number (``07`` → ``7``), and anything else is shown as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

#: A call's kinds, as the service's ``queue_calls.kind``.
CALL = "call"
RECALL = "recall"
CALL_KINDS = (CALL, RECALL)

#: A window's states on its own screen.
SERVING = "serving"  # a ticket called or being served
PAUSED = "paused"  # 暂停服务, with a reason
IDLE = "idle"  # open, nobody at the counter
WINDOW_STATUSES = (SERVING, PAUSED, IDLE)

#: The prefix of the main hall's windows, whose labels are bare numbers.
MAIN_HALL_PREFIX = "W"
_CODE = re.compile(r"^([A-Za-z]*)0*(\d+)$")


def window_label(code: str) -> str:
    """The number shown above window ``code`` (see the module's note): ``W03`` → ``3``,
    ``P01`` → ``P1``, ``12`` → ``12``, ``综合`` → ``综合``."""
    text = code.strip()
    match = _CODE.match(text)
    if match is None:
        return text
    letters, digits = match.group(1).upper(), match.group(2)
    if letters == MAIN_HALL_PREFIX:
        letters = ""
    return letters + digits


@dataclass(frozen=True)
class Call:
    """One call of a ticket to a window, as the hall screen shows and announces it.

    Attributes:
        number: the ticket, e.g. ``A012``.
        window_code: the window's code (``W03``).
        window_label: the number above the window (``3``; :func:`window_label` by default).
        called_at: when the window called (aware).
        kind: :data:`CALL` or :data:`RECALL` (the window called the same ticket again).
    """

    number: str
    window_code: str
    window_label: str
    called_at: datetime
    kind: str = CALL

    def __post_init__(self) -> None:
        if self.kind not in CALL_KINDS:
            raise ValueError(f"unknown call kind {self.kind!r}")
        if self.called_at.tzinfo is None:
            raise ValueError("called_at must be an aware datetime")

    @classmethod
    def of(cls, number: str, window_code: str, called_at: datetime, kind: str = CALL) -> Call:
        """A call whose window label is the code's default (:func:`window_label`)."""
        return cls(number, window_code, window_label(window_code), called_at, kind)

    @property
    def is_recall(self) -> bool:
        return self.kind == RECALL


def in_order(calls: Iterable[Call]) -> list[Call]:
    """Calls oldest first (by time; a recall after the call it repeats)."""
    return sorted(calls, key=lambda c: (c.called_at, c.kind == RECALL))


def recent_calls(calls: Iterable[Call], count: int = 5) -> list[Call]:
    """The last ``count`` calls, newest first; a recall does not add a second line for the
    same ticket at the same window (the line moves up instead)."""
    seen: set[tuple[str, str]] = set()
    out: list[Call] = []
    for call in reversed(in_order(calls)):
        key = (call.number, call.window_code)
        if key in seen:
            continue
        seen.add(key)
        out.append(call)
        if len(out) == count:
            break
    return out


def current_numbers(
    calls: Iterable[Call], windows: Sequence[tuple[str, str]] = ()
) -> list[tuple[str, str, str]]:
    """Each window's current number: ``(window_code, window_label, number)``, ``number``
    ``""`` for a window with no call yet. ``windows`` (code, label) fixes the order and
    lists windows with no call; windows seen only in ``calls`` follow, by label."""
    latest: dict[str, Call] = {}
    for call in in_order(calls):
        latest[call.window_code] = call
    rows = [(code, label, latest[code].number if code in latest else "") for code, label in windows]
    known = {code for code, _label in windows}
    extra = sorted(
        (c for c in latest.values() if c.window_code not in known),
        key=lambda c: (len(c.window_label), c.window_label),
    )
    rows += [(c.window_code, c.window_label, c.number) for c in extra]
    return rows


@dataclass(frozen=True)
class WindowState:
    """What a window's own small screen (窗口屏) shows.

    Attributes:
        window_code, window_label, window_name: the window (``W03``, ``3``, 企业登记窗口).
        clerk_name: the clerk at the window, as the public may see it (masked by the
            screen again: ``王*``); "" when nobody is signed in.
        status: :data:`SERVING`, :data:`PAUSED` or :data:`IDLE`.
        pause_reason: why the window is paused (shown with 暂停服务); "" otherwise.
        ticket: the ticket being called or served; "" when none.
    """

    window_code: str
    window_label: str
    window_name: str
    clerk_name: str = ""
    status: str = IDLE
    pause_reason: str = ""
    ticket: str = ""

    def __post_init__(self) -> None:
        if self.status not in WINDOW_STATUSES:
            raise ValueError(f"unknown window status {self.status!r}")
