"""The hall's call panel (叫号屏): the call being made, the last five calls, and the number
each window is serving, with the call spoken in Mandarin.

Fed with call records (:class:`~clerk_app.core.queue_calls.Call`) by :meth:`CallPanel.
show_calls`: all of today's calls or only the new ones, both work — a call already seen is
neither added twice nor spoken again. Each new call is spoken once (a recall, a new
record, is spoken again with 再次呼叫 first), through the :class:`~clerk_app.gui.hall.voice.
Announcer`; a call older than ``speak_within_seconds`` when it arrives (the screen started
late in the day, or the link was down) is shown but not spoken, so the hall never hears a
backlog. Calls of an earlier day are dropped.

Sized like the hall screen: every size a share of 1920×1080 (:meth:`CallPanel.scale`).
Esc leaves full screen, F11 toggles it, Ctrl+Q closes; the mouse cursor is hidden.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from clerk_app.core.announce import call_announcement
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.queue_calls import Call, current_numbers, in_order, recent_calls
from clerk_app.gui.hall.screen import BACKGROUND, DIM, GOLD, ROW_ALT, STALE, TEXT, TITLE_BAR
from clerk_app.gui.hall.voice import Announcer

DESIGN_W, DESIGN_H = 1920, 1080
RECENT = 5
#: The headline's panel and the tiles of the windows.
HEADLINE_BG = "#07162b"
TILE_BG = "#14335e"
CALLED = "#81c784"  # the window that called last: green, as 办结 on the hall screen


class CallPanel(QWidget):
    """The call panel of the hall.

    Args:
        announcer: speaks the calls (None: shown only).
        clock: the application clock (today's calls, the time in the title bar).
        center_name: shown in the title bar.
        windows: ``(code, label)`` of the hall's windows, in the order to show them;
            windows seen only in calls are added after them.
        speak_within_seconds: a call older than this when it arrives is not spoken.

    Signals:
        called(object): a new :class:`Call` is on the screen (spoken or not).
    """

    called = Signal(object)

    def __init__(
        self,
        announcer: Announcer | None,
        *,
        clock: Any,
        center_name: str,
        windows: Sequence[tuple[str, str]] = (),
        speak_within_seconds: int = 120,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callPanel")
        self.announcer = announcer
        self._clock = clock
        self.center_name = center_name
        self.windows = tuple(windows)
        self.speak_within_seconds = speak_within_seconds
        #: Today's calls, oldest first.
        self.calls: list[Call] = []
        self._seen: set[Call] = set()
        #: The calls handed to the voice, in order (what the hall heard).
        self.spoken: list[Call] = []
        self.link_ok = True
        self.link_reason = ""
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(BACKGROUND))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
        self.setPalette(palette)
        self._build()
        for keys, slot in (
            ("Esc", self.leave_full_screen),
            ("F11", self.toggle_full_screen),
            ("Ctrl+Q", self.close),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        self.resize(DESIGN_W, DESIGN_H)
        self.render()

    # -- building ------------------------------------------------------------------------

    def _label(self, name: str, colour: str, background: str = "transparent") -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setStyleSheet(f"color: {colour}; background: {background};")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        return label

    def _build(self) -> None:
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

        self.title_bar = QFrame(self)
        self.title_bar.setObjectName("callTitleBar")
        self.title_bar.setStyleSheet(f"#callTitleBar {{ background: {TITLE_BAR}; }}")
        self.title_label = self._label("callTitle", TEXT, TITLE_BAR)
        self.title_label.setAlignment(left)
        self.subtitle_label = self._label("callSubtitle", TEXT, TITLE_BAR)
        self.clock_label = self._label("callClock", TEXT, TITLE_BAR)
        self.clock_label.setAlignment(right)
        bar = QHBoxLayout(self.title_bar)
        bar.addWidget(self.title_label, 3)
        bar.addWidget(self.subtitle_label, 2)
        bar.addWidget(self.clock_label, 2)

        self.headline = QFrame(self)
        self.headline.setObjectName("callHeadline")
        self.headline.setStyleSheet(
            f"#callHeadline {{ background: {HEADLINE_BG}; border-bottom: 4px solid {GOLD}; }}"
        )
        self.headline_label = self._label("callHeadlineText", GOLD, HEADLINE_BG)
        self.recall_label = self._label("callRecallMark", STALE, HEADLINE_BG)
        column = QVBoxLayout(self.headline)
        column.addWidget(self.recall_label)
        column.addWidget(self.headline_label, 1)

        self.recent_box = QFrame(self)
        self.recent_box.setObjectName("callRecent")
        self.recent_title = self._label("callRecentTitle", GOLD, TILE_BG)
        self.recent_rows: list[tuple[QLabel, QLabel]] = []
        recent = QGridLayout(self.recent_box)
        recent.setSpacing(0)
        recent.addWidget(self.recent_title, 0, 0, 1, 2)
        for row in range(RECENT):
            shade = ROW_ALT if row % 2 else BACKGROUND
            number = self._label(f"callRecentNumber{row}", TEXT, shade)
            window = self._label(f"callRecentWindow{row}", TEXT, shade)
            recent.addWidget(number, row + 1, 0)
            recent.addWidget(window, row + 1, 1)
            self.recent_rows.append((number, window))
        recent.setColumnStretch(0, 1)
        recent.setColumnStretch(1, 1)

        self.windows_box = QFrame(self)
        self.windows_box.setObjectName("callWindows")
        self.windows_title = self._label("callWindowsTitle", GOLD, TILE_BG)
        self.tiles_widget = QWidget(self.windows_box)
        self.tiles = QGridLayout(self.tiles_widget)
        self.tile_labels: dict[str, tuple[QLabel, QLabel]] = {}
        box = QVBoxLayout(self.windows_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.windows_title)
        box.addWidget(self.tiles_widget, 1)

        middle = QHBoxLayout()
        middle.setSpacing(0)
        middle.addWidget(self.recent_box, 2)
        middle.addWidget(self.windows_box, 3)

        self.footer_label = self._label("callFooter", DIM)
        self.footer_label.setAlignment(left)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title_bar)
        layout.addWidget(self.headline)
        layout.addLayout(middle, 1)
        layout.addWidget(self.footer_label)

    def _tile(self, code: str, label: str) -> tuple[QLabel, QLabel]:
        """The tile of one window (made the first time the window is seen)."""
        if code not in self.tile_labels:
            tile = QFrame(self.tiles_widget)
            tile.setObjectName(f"callTile_{code}")
            tile.setStyleSheet(f"#callTile_{code} {{ background: {TILE_BG}; }}")
            window = self._label(f"callTileWindow_{code}", DIM, TILE_BG)
            number = self._label(f"callTileNumber_{code}", TEXT, TILE_BG)
            column = QVBoxLayout(tile)
            column.setSpacing(0)
            column.addWidget(window)
            column.addWidget(number, 1)
            index = len(self.tile_labels)
            self.tile_labels[code] = (window, number)
            self._place_tiles(extra=(tile, index))
        return self.tile_labels[code]

    def _columns(self, count: int) -> int:
        return 3 if count <= 6 else 4 if count <= 12 else max(5, math.ceil(math.sqrt(count * 1.4)))

    def _place_tiles(self, extra: tuple[QFrame, int] | None = None) -> None:
        frames = [self.tiles.itemAt(i).widget() for i in range(self.tiles.count())]
        for frame in frames:
            self.tiles.removeWidget(frame)
        if extra is not None:
            frames.append(extra[0])
        columns = self._columns(len(frames))
        for index, frame in enumerate(frames):
            self.tiles.addWidget(frame, index // columns, index % columns)
        self._apply_scale()

    # -- sizes ---------------------------------------------------------------------------

    def scale(self) -> float:
        """Pixels per design pixel: the tighter of height and width against 1920×1080."""
        return max(0.2, min(self.height() / DESIGN_H, self.width() / DESIGN_W))

    def _font(self, px: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(8, round(px * self.scale())))
        font.setBold(bold)
        return font

    def _apply_scale(self) -> None:
        s = self.scale()
        pad = round(36 * s)
        self.title_bar.setFixedHeight(round(110 * s))
        self.title_bar.layout().setContentsMargins(pad, 0, pad, 0)  # type: ignore[union-attr]
        self.title_label.setFont(self._font(54, True))
        self.subtitle_label.setFont(self._font(44, True))
        self.clock_label.setFont(self._font(40))
        self.headline.setFixedHeight(round(330 * s))
        self.recall_label.setFont(self._font(48, True))
        self.recall_label.setFixedHeight(round(70 * s))
        self.recent_title.setFont(self._font(44, True))
        self.recent_title.setFixedHeight(round(76 * s))
        self.windows_title.setFont(self._font(44, True))
        self.windows_title.setFixedHeight(round(76 * s))
        for number, window in self.recent_rows:
            number.setFont(self._font(64, True))
            window.setFont(self._font(56))
        count = max(1, len(self.tile_labels))
        rows = math.ceil(count / self._columns(count))
        shrink = min(1.0, 3 / max(rows, 1))
        self.tiles.setSpacing(round(12 * s))
        self.tiles.setContentsMargins(pad // 2, pad // 2, pad // 2, pad // 2)
        for window, number in self.tile_labels.values():
            window.setFont(self._font(40 * shrink))
            number.setFont(self._font(84 * shrink, True))
        self.footer_label.setFont(self._font(30))
        self.footer_label.setFixedHeight(round(54 * s))
        self.footer_label.setContentsMargins(pad, 0, pad, 0)

    def _fit_headline(self, px: float) -> None:
        """The headline at ``px`` design pixels, smaller (to half) until it fits the width."""
        font = self._font(px, True)
        room = self.width() - 2 * round(48 * self.scale())
        floor = font.pixelSize() // 2
        text = self.headline_label.text()
        while font.pixelSize() > floor and QFontMetrics(font).horizontalAdvance(text) > room:
            font.setPixelSize(font.pixelSize() - 2)
        self.headline_label.setFont(font)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._apply_scale()
        self.render()

    # -- feeding ---------------------------------------------------------------------------

    def show_calls(self, calls: Iterable[Call]) -> list[Call]:
        """Add the calls not seen yet (today's only), speak the fresh ones; returns the
        calls that were new, oldest first."""
        today = self._clock.now().astimezone(CENTER_TZ).date()
        new = [
            c
            for c in in_order(calls)
            if c not in self._seen and c.called_at.astimezone(CENTER_TZ).date() == today
        ]
        if self.calls and self.calls[0].called_at.astimezone(CENTER_TZ).date() != today:
            self.calls = []  # a new day
            self._seen = set()
        for call in new:
            self._seen.add(call)
            self.calls.append(call)
        self.calls = in_order(self.calls)
        for call in new:
            self._speak(call)
        self.render()
        for call in new:
            self.called.emit(call)
        return new

    def _speak(self, call: Call) -> None:
        age = (self._clock.now() - call.called_at).total_seconds()
        if age > self.speak_within_seconds:
            return
        self.spoken.append(call)
        if self.announcer is not None:
            self.announcer.announce(call_announcement(call))

    def set_link(self, ok: bool, reason: str = "") -> None:
        """Say on the screen whether calls are arriving (the last ones stay)."""
        self.link_ok = ok
        self.link_reason = reason
        self.render()

    # -- showing ---------------------------------------------------------------------------

    def latest(self) -> Call | None:
        return self.calls[-1] if self.calls else None

    def headline_text(self, call: Call) -> str:
        """``请 A012 号到 3 号窗口`` (in the screen's language)."""
        return (
            self.tr("Number %1, please go to window %2")
            .replace("%1", call.number)
            .replace("%2", call.window_label)
        )

    def window_name(self, label: str) -> str:
        return self.tr("Window %1").replace("%1", label)

    def shown_recent(self) -> list[tuple[str, str]]:
        """The recent calls on the screen now: (number, window text), newest first."""
        return [(n.text(), w.text()) for n, w in self.recent_rows if n.text()]

    def shown_windows(self) -> dict[str, str]:
        """Each window's tile: label text → number text ("—" for none yet)."""
        return {w.text(): n.text() for w, n in self.tile_labels.values()}

    def render(self) -> None:
        """Show the calls in the language installed now."""
        self.setWindowTitle(self.tr("Call panel — %1").replace("%1", self.center_name))
        self.setAccessibleName(self.windowTitle())
        self.title_label.setText(self.center_name)
        self.subtitle_label.setText(self.tr("Now calling"))
        now = self._clock.now().astimezone(CENTER_TZ)
        self.clock_label.setText(f"{now:%Y-%m-%d  %H:%M}")
        latest = self.latest()
        if latest is None:
            self.headline_label.setText(self.tr("Please wait for your number to be called"))
            self._fit_headline(84)
        else:
            self.headline_label.setText(self.headline_text(latest))
            self._fit_headline(150)
        self.recall_label.setText(
            self.tr("Called again") if latest is not None and latest.is_recall else ""
        )
        self.headline.setAccessibleName(self.tr("Current call"))
        self.recent_title.setText(self.tr("Recent calls"))
        self.recent_box.setAccessibleName(self.tr("Recent calls"))
        recent = recent_calls(self.calls, RECENT)
        for index, (number, window) in enumerate(self.recent_rows):
            call = recent[index] if index < len(recent) else None
            number.setText(call.number if call else "")
            window.setText(self.window_name(call.window_label) if call else "")
            colour = GOLD if index == 0 and call is not None else TEXT
            shade = ROW_ALT if index % 2 else BACKGROUND
            number.setStyleSheet(f"color: {colour}; background: {shade};")
            window.setStyleSheet(f"color: {colour}; background: {shade};")
        self.windows_title.setText(self.tr("Now serving at each window"))
        self.windows_box.setAccessibleName(self.tr("Now serving at each window"))
        last_window = latest.window_code if latest else ""
        for code, label, number in current_numbers(self.calls, self.windows):
            window_label, number_label = self._tile(code, label)
            window_label.setText(self.window_name(label))
            number_label.setText(number or "—")
            colour = CALLED if code == last_window else TEXT
            number_label.setStyleSheet(f"color: {colour}; background: {TILE_BG};")
        if self.link_ok:
            footer = self.tr("Listen for your number, or watch this screen.")
            self.footer_label.setStyleSheet(f"color: {DIM}; background: {BACKGROUND};")
        else:
            footer = "⚠ " + self.tr("Calls are not arriving: %1").replace("%1", self.link_reason)
            self.footer_label.setStyleSheet(f"color: {STALE}; background: {BACKGROUND};")
        self.footer_label.setText(footer)

    # -- window --------------------------------------------------------------------------

    def leave_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.render()
        super().changeEvent(event)

    def closeEvent(self, event: Any) -> None:
        if self.announcer is not None:
            self.announcer.stop()
        super().closeEvent(event)
