"""A window's own small screen (窗口屏), above the counter: the window's number and name,
the clerk (masked, as the hall shows names), whether the window is serving, paused (暂停服务,
with the reason) or open, and the ticket being served.

Fed with :class:`~clerk_app.core.queue_calls.WindowState` records by
:meth:`WindowScreen.show_state`. Sized for a wide strip panel: every size is a share of
1280×400 (:meth:`WindowScreen.scale`), read from a few metres in front of the counter.
Esc leaves full screen, F11 toggles it, Ctrl+Q closes; the mouse cursor is hidden.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from clerk_app.core.queue_calls import PAUSED, SERVING, WindowState
from clerk_app.gui.hall.board import hall_name
from clerk_app.gui.hall.screen import BACKGROUND, DIM, GOLD, STALE, TEXT, TITLE_BAR

DESIGN_W, DESIGN_H = 1280, 400
SERVING_COLOUR = "#81c784"
STATUS_COLOURS = {SERVING: SERVING_COLOUR, PAUSED: STALE}
SIDE_BG = "#14335e"


class WindowScreen(QWidget):
    """The small screen of one window.

    Args:
        state: what to show first (the window with nobody at it, usually).
    """

    def __init__(self, state: WindowState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("windowScreen")
        self.state = state
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

    def _label(self, name: str, colour: str, background: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setStyleSheet(f"color: {colour}; background: {background};")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        return label

    def _build(self) -> None:
        self.side = QFrame(self)
        self.side.setObjectName("windowSide")
        self.side.setStyleSheet(f"#windowSide {{ background: {TITLE_BAR}; }}")
        self.number_label = self._label("windowNumber", TEXT, TITLE_BAR)
        self.name_label = self._label("windowName", TEXT, TITLE_BAR)
        self.name_label.setWordWrap(True)
        side = QVBoxLayout(self.side)
        side.addWidget(self.number_label, 3)
        side.addWidget(self.name_label, 2)

        self.main = QFrame(self)
        self.main.setObjectName("windowMain")
        self.status_label = self._label("windowStatus", TEXT, BACKGROUND)
        self.ticket_label = self._label("windowTicket", GOLD, BACKGROUND)
        self.reason_label = self._label("windowReason", TEXT, BACKGROUND)
        self.reason_label.setWordWrap(True)
        column = QVBoxLayout(self.main)
        column.addWidget(self.status_label, 2)
        column.addWidget(self.ticket_label, 4)
        column.addWidget(self.reason_label, 2)

        self.clerk_box = QFrame(self)
        self.clerk_box.setObjectName("windowClerk")
        self.clerk_box.setStyleSheet(f"#windowClerk {{ background: {SIDE_BG}; }}")
        self.clerk_title = self._label("windowClerkTitle", DIM, SIDE_BG)
        self.clerk_label = self._label("windowClerkName", TEXT, SIDE_BG)
        clerk = QVBoxLayout(self.clerk_box)
        clerk.addWidget(self.clerk_title, 1)
        clerk.addWidget(self.clerk_label, 2)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.side, 3)
        layout.addWidget(self.main, 6)
        layout.addWidget(self.clerk_box, 3)

    def scale(self) -> float:
        return max(0.2, min(self.height() / DESIGN_H, self.width() / DESIGN_W))

    def _font(self, px: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(8, round(px * self.scale())))
        font.setBold(bold)
        return font

    def _apply_scale(self) -> None:
        paused = self.state.status == PAUSED
        self.name_label.setFont(self._font(30, True))
        self.status_label.setFont(self._font(72 if paused else 48, True))
        self.reason_label.setFont(self._font(40 if paused else 32))
        self.clerk_title.setFont(self._font(28))
        self._fit(self.number_label, 96, self.side)
        self._fit(self.ticket_label, 120, self.main)
        self._fit(self.clerk_label, 52, self.clerk_box)

    def _fit(self, label: QLabel, px: float, column: QWidget) -> None:
        """The label's font at ``px`` design pixels, smaller (to half) until its text fits
        the width of its column (known before the layout has run)."""
        font = self._font(px, True)
        room = column.width() - 2 * round(12 * self.scale())
        floor = font.pixelSize() // 2
        while (
            room > 0
            and font.pixelSize() > floor
            and QFontMetrics(font).horizontalAdvance(label.text()) > room
        ):
            font.setPixelSize(font.pixelSize() - 2)
        label.setFont(font)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.layout().activate()  # type: ignore[union-attr]
        self._apply_scale()

    def show_state(self, state: WindowState) -> None:
        self.state = state
        self.render()

    def status_text(self) -> str:
        state = self.state
        if state.status == PAUSED:
            return self.tr("Service paused")
        if state.status == SERVING:
            return self.tr("Now serving")
        return self.tr("Open — please take a ticket")

    def clerk_text(self) -> str:
        """The clerk as the public sees the name (``王*``); "—" when nobody is signed in."""
        return hall_name(self.state.clerk_name) if self.state.clerk_name.strip() else "—"

    def render(self) -> None:
        state = self.state
        self.setWindowTitle(self.tr("Window %1").replace("%1", state.window_label))
        self.setAccessibleName(self.windowTitle())
        self.number_label.setText(self.tr("Window %1").replace("%1", state.window_label))
        self.name_label.setText(state.window_name)
        colour = STATUS_COLOURS.get(state.status, TEXT)
        self.status_label.setText(self.status_text())
        self.status_label.setStyleSheet(f"color: {colour}; background: {BACKGROUND};")
        serving = state.status == SERVING and bool(state.ticket)
        self.ticket_label.setText(state.ticket if serving else "")
        self.ticket_label.setVisible(serving)
        if state.status == PAUSED:
            reason = state.pause_reason.strip() or self.tr("Back soon")
            self.reason_label.setText(self.tr("Reason: %1").replace("%1", reason))
            self.reason_label.setStyleSheet(f"color: {STALE}; background: {BACKGROUND};")
        elif state.status == SERVING:
            self.reason_label.setText(self.tr("Please have your documents ready"))
            self.reason_label.setStyleSheet(f"color: {TEXT}; background: {BACKGROUND};")
        else:
            self.reason_label.setText("")
        self.reason_label.setVisible(bool(self.reason_label.text()))
        self.clerk_title.setText(self.tr("Clerk"))
        self.clerk_label.setText(self.clerk_text())
        self.clerk_box.setAccessibleName(self.tr("Clerk"))
        self._apply_scale()

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
