"""The hall's calls (叫号屏, issue 18): ``GET /queue/calls`` read as
:class:`~clerk_app.core.queue_calls.Call` records, and the long-poll loop that feeds the
call panel.

:class:`CallFeed` runs on its own thread (never the GUI's): it asks for the calls after its
cursor, waiting up to ``wait`` seconds at the service for one to come, hands each batch to
``on_calls`` and says whether the link works through ``on_link``. A failed poll is retried
after a growing pause (1 s, 2 s, 4 s ... up to ``max_backoff``), like the sync engine's;
the first answer after it says the link is back. The first poll (no cursor) brings today's
latest calls, so a screen started late shows them (the panel does not speak old ones).
A center with several halls gives each hall PC its windows (setting ``hall.windows``,
:func:`parse_windows`): its feed then asks for those windows' calls only.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from clerk_app.core.queue_calls import Call, window_label
from clerk_app.remote import queue_window_api as api

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext

log = logging.getLogger("clerk.hall")

#: Seconds a poll waits at the service for a call (the service allows up to 30).
LONG_POLL_SECONDS = 25.0
#: The first pause after a failed poll, and the longest (seconds).
FIRST_BACKOFF = 1.0
MAX_BACKOFF = 60.0
#: The pause between two polls that asked not to wait (``wait`` 0).
MIN_INTERVAL = 1.0


def calls_from_page(page: api.CallPage, labels: dict[str, str] | None = None) -> list[Call]:
    """The page's calls as records (oldest first); ``labels`` maps a window code to the
    number painted above it (default :func:`~clerk_app.core.queue_calls.window_label`)."""
    labels = labels or {}
    return [
        Call(
            number=c.number,
            window_code=c.window_code,
            window_label=labels.get(c.window_code) or window_label(c.window_code),
            called_at=c.called_at,
            kind=c.kind if c.kind in ("call", "recall") else "call",
        )
        for c in page.items
    ]


def parse_windows(text: str) -> tuple[str, ...]:
    """The window codes of the setting ``hall.windows`` (``"W01, W02"`` → ``("W01",
    "W02")``, upper-cased, each once); empty for all the center's windows."""
    codes = (c.strip().upper() for c in text.split(","))
    return tuple(dict.fromkeys(c for c in codes if c))


def fetch_calls(
    context: AppContext,
    token: str,
    *,
    after: int | None,
    wait: float = 0.0,
    windows: Sequence[str] = (),
) -> tuple[list[Call], int]:
    """One ``GET /queue/calls``: the calls after ``after`` and the next cursor; with
    ``windows``, only the calls to those windows.

    Raises:
        ConnectionProblem / Refused (``core.errors``): no answer, or the service said no.
    """
    page = api.list_calls(context.backend.api, token, after=after, wait=wait, windows=windows)
    return calls_from_page(page), page.next


def hall_windows(
    context: AppContext, token: str, only: Sequence[str] = ()
) -> list[tuple[str, str]]:
    """The hall's windows that serve a queue category (of ``only`` when given), as
    ``(code, label)`` in the order of their labels (the main hall's numbers first, by
    number).

    Raises:
        ConnectionProblem / Refused (``core.errors``).
    """
    codes = {w for c in api.hall_categories(context.backend.api, token) for w in c.windows}
    if only:
        codes &= set(only)
    labelled = [(code, window_label(code)) for code in codes]
    return sorted(labelled, key=lambda w: (not w[1].isdigit(), len(w[1]), w[1]))


def backoff(failures: int, *, first: float = FIRST_BACKOFF, longest: float = MAX_BACKOFF) -> float:
    """Seconds to wait after ``failures`` failed polls in a row (0 for none)."""
    if failures <= 0:
        return 0.0
    return float(min(longest, first * 2 ** (failures - 1)))


class CallFeed:
    """The long-poll loop of one hall screen.

    Args:
        context: the hall PC's context (its ``backend.api``).
        token: gives the screen's token for each poll (renewing a machine credential when
            due); may raise, which counts as a failed poll.
        on_calls: called (on the feed's thread) with each non-empty batch of calls.
        on_link: called with ``(True, None)`` when a poll succeeds after a failure (and the
            first time), ``(False, error)`` when one fails.
        wait: seconds each poll waits at the service.
        max_backoff: the longest pause between failed polls.
        on_windows: called once with the hall's windows ``(code, label)`` (those serving a
            category), read after the first answer, so the screen lists every window.
        windows: the hall's window codes (setting ``hall.windows``): only their calls and
            tiles; empty for the whole center.
    """

    def __init__(
        self,
        context: AppContext,
        token: Callable[[], str],
        *,
        on_calls: Callable[[list[Call]], None],
        on_link: Callable[[bool, Exception | None], None],
        wait: float = LONG_POLL_SECONDS,
        max_backoff: float = MAX_BACKOFF,
        on_windows: Callable[[list[tuple[str, str]]], None] | None = None,
        windows: Sequence[str] = (),
    ) -> None:
        self.context = context
        self.only = tuple(windows)
        self.on_windows = on_windows
        self.windows: list[tuple[str, str]] | None = None
        self._token = token
        self.on_calls = on_calls
        self.on_link = on_link
        self.wait = wait
        self.max_backoff = max_backoff
        self.cursor: int | None = None
        self.failures = 0
        self.link_ok: bool | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def poll_once(self) -> float:
        """One poll; the seconds to pause before the next."""
        try:
            calls, cursor = fetch_calls(
                self.context, self._token(), after=self.cursor, wait=self.wait, windows=self.only
            )
        except Exception as exc:  # every failure is a lost link for the screen
            self.failures += 1
            if self.link_ok is not False:
                log.warning("hall calls: poll failed: %s", " ".join(str(exc).split())[:300])
            self.link_ok = False
            self.on_link(False, exc)
            return backoff(self.failures, longest=self.max_backoff)
        self.cursor = cursor
        self.failures = 0
        if self.windows is None and self.on_windows is not None:
            self._read_windows()
        if self.link_ok is not True:
            self.link_ok = True
            self.on_link(True, None)
        if calls:
            self.on_calls(calls)
            return 0.0
        return MIN_INTERVAL if self.wait <= 0 else 0.0

    def _read_windows(self) -> None:
        """The hall's windows, once the link works (a failure is tried again next poll)."""
        try:
            self.windows = hall_windows(self.context, self._token(), self.only)
        except Exception as exc:  # the tiles then come with the calls
            log.warning("hall calls: windows not read: %s", " ".join(str(exc).split())[:200])
            return
        if self.on_windows is not None:
            self.on_windows(self.windows)

    def run(self) -> None:
        """Poll until :meth:`stop`."""
        while not self._stop.is_set():
            pause = self.poll_once()
            if pause and self._stop.wait(pause):
                break

    def start(self) -> None:
        """Run the loop on its own (daemon) thread."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self.run, name="hall-calls", daemon=True)
        self._thread.start()

    def stop(self, timeout: float | None = None) -> None:
        """Stop after the poll in flight (a long-poll ends within ``wait`` seconds)."""
        self._stop.set()
        if self._thread is not None and timeout is not None:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()
