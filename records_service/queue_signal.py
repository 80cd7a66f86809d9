"""Wakes the hall screens' long-polls (``GET /queue/calls?wait=``) when a call is made.

A waiting screen must not hold one of the service's worker threads (the threadpool runs the
sync routes: forty threads by default, and a hall may have more screens than that). So the
long-poll is an ``async`` route that awaits a :class:`CallSignal` between short reads made
in the threadpool. ``POST /queue/next`` and ``…/recall`` notify the signal once their call
is committed: a screen of this process answers at once. A call made by another worker
process (``records-service serve --workers``) is seen at the next look, within
``FALLBACK_EVERY`` seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Iterator

#: How often a waiting long-poll looks for calls it was not told of (another process's).
FALLBACK_EVERY = 1.0


class Waiter:
    """One long-poll's registration: set when a call is made after it was taken."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.event = asyncio.Event()

    async def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds; whether a call was made meanwhile."""
        try:
            await asyncio.wait_for(self.event.wait(), max(0.0, timeout))
        except TimeoutError:
            return False
        return True


class CallSignal:
    """Thread-safe: :meth:`notify` from any thread (a sync route in the threadpool) wakes
    every :class:`Waiter` listening on any event loop."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiters: set[Waiter] = set()

    @contextlib.contextmanager
    def listening(self) -> Iterator[Waiter]:
        """Register before reading the calls, so a call committed between the read and
        the wait is not missed."""
        waiter = Waiter(asyncio.get_running_loop())
        with self._lock:
            self._waiters.add(waiter)
        try:
            yield waiter
        finally:
            with self._lock:
                self._waiters.discard(waiter)

    def notify(self) -> None:
        """A call was made (committed): wake every waiting long-poll."""
        with self._lock:
            waiters = list(self._waiters)
        for waiter in waiters:
            with contextlib.suppress(RuntimeError):  # its loop has closed meanwhile
                waiter.loop.call_soon_threadsafe(waiter.event.set)

    @property
    def listeners(self) -> int:
        """How many long-polls are waiting now (for tests and diagnostics)."""
        with self._lock:
            return len(self._waiters)


#: The process's signal: the routes that make calls notify it.
CALLS = CallSignal()
