"""The hall PC's call panel (叫号屏, issue 18) fed from the records service.

A hall PC shows the call panel instead of the board when the setting ``hall.screen`` is
``calls``: :func:`open_call_panel` makes the :class:`~clerk_app.gui.hall.call_panel.
CallPanel` with the Mandarin voice (:func:`~clerk_app.gui.hall.voice.pick_voice`) and runs
an :class:`~clerk_app.app.hall_calls.CallFeed` on its own thread (long-poll ``GET
/queue/calls``, reconnecting with a growing pause); :class:`CallFeedBridge` hands each
batch and each change of the link to the GUI thread through queued signals, so the panel
is never blocked by the network. Closing the panel stops the feed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal

from clerk_app.app.hall_calls import LONG_POLL_SECONDS, CallFeed, parse_windows
from clerk_app.core.queue_calls import Call
from clerk_app.gui.errors import error_message
from clerk_app.gui.hall.call_panel import CallPanel

log = logging.getLogger("clerk.gui")


class CallFeedBridge(QObject):
    """Runs a :class:`CallFeed` for ``panel`` and brings its news to the GUI thread.

    Signals:
        calls_arrived(object): a list of :class:`Call` (queued to the GUI thread).
        link_changed(bool, str): the link works (True) or not, with the words why.
        windows_known(object): the hall's windows ``[(code, label)]`` (once).
    """

    calls_arrived = Signal(object)
    link_changed = Signal(bool, str)
    windows_known = Signal(object)

    def __init__(
        self,
        context: Any,
        token: Callable[[], str],
        panel: CallPanel,
        *,
        wait: float = LONG_POLL_SECONDS,
        windows: Sequence[str] = (),
    ) -> None:
        super().__init__(panel)
        self.panel = panel
        self.feed = CallFeed(
            context,
            token,
            on_calls=self.calls_arrived.emit,
            on_link=self._link,
            wait=wait,
            on_windows=self.windows_known.emit,
            windows=windows,
        )
        self.calls_arrived.connect(self._show)
        self.windows_known.connect(self._windows)
        self.link_changed.connect(panel.set_link)
        panel.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.panel and event.type() == QEvent.Type.Close:
            self.feed.stop()  # the thread ends after the poll in flight
        return False

    def _link(self, ok: bool, error: Exception | None) -> None:
        """On the feed's thread: word the failure (plain text), hand it over."""
        self.link_changed.emit(ok, "" if error is None else error_message(error))

    def _windows(self, windows: list[tuple[str, str]]) -> None:
        """Every window of the hall gets its tile, called yet or not."""
        self.panel.windows = tuple(windows)
        self.panel.render()

    def _show(self, calls: list[Call]) -> None:
        self.panel.show_calls(calls)

    def start(self) -> None:
        self.feed.start()

    def stop(self, timeout: float | None = None) -> None:
        self.feed.stop(timeout)


def open_call_panel(
    context: Any,
    token: Callable[[], str],
    *,
    show: bool = True,
    announcer: Any = "auto",
    wait: float = LONG_POLL_SECONDS,
) -> CallPanel:
    """The hall's call panel fed by the service with ``token()`` (a display account's or
    the PC's display credential's), full screen and polling unless ``show`` is False.

    ``announcer``: ``"auto"`` picks the voice (Qt TextToSpeech with a Chinese voice, else
    ``espeak-ng -v cmn``; None when neither); None keeps the panel silent. The panel has
    ``feed`` (its :class:`CallFeedBridge`), ``start()`` and ``stop()``.
    """
    if announcer == "auto":
        from clerk_app.gui.hall.voice import Announcer, pick_voice

        voice = pick_voice()
        announcer = Announcer(voice) if voice is not None else None
        if announcer is None:
            log.warning("hall calls: no voice for Mandarin here; the calls are shown only")
    panel = CallPanel(announcer, clock=context.clock, center_name=context.provisioning.center_name)
    # The panel gets its feed and the hall screen's start() and stop() (``Desk.shutdown``
    # stops the hall). Not a subclass: ``tr()`` looks texts up by the object's class name.
    # A hall of a center with several: only its windows' calls (setting ``hall.windows``).
    windows = parse_windows(str(context.settings["hall.windows"]))
    feed = CallFeedBridge(context, token, panel, wait=wait, windows=windows)
    panel.feed = feed  # type: ignore[attr-defined]
    panel.start = feed.start  # type: ignore[attr-defined]
    panel.stop = feed.stop  # type: ignore[attr-defined]
    if show:
        panel.showFullScreen()
        panel.start()
    return panel
