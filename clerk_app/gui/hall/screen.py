"""The hall's big screen (大屏): today's cases page by page, the day's totals, no input.

Made for a 1920×1080 screen read from 10 metres: every size is a share of the window's
height (or width, whichever is tighter), so the same screen fits a 1366×768 or a 4K panel.
Pages rotate on ``page_timer``; the board is fetched again on ``refresh_timer`` in the
background (:class:`~clerk_app.gui.ops.Op`). When a fetch fails the last data stays on the
screen, marked with the time it is from. Esc leaves full screen, F11 toggles it, Ctrl+Q
closes (for the technician); the mouse cursor is hidden. A hall PC whose display credential
the service refuses stops fetching and says what IT must do (F2: a new enrolment code).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, QTimer, Signal
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

from clerk_app.app.enrolment import CredentialRevoked, EnrolmentProblem
from clerk_app.core.clock import CENTER_TZ
from clerk_app.core.errors import UserError
from clerk_app.core.records import Board
from clerk_app.gui.errors import error_message, is_refused
from clerk_app.gui.hall.board import BoardRow, BoardSnapshot
from clerk_app.gui.ops import Op

log = logging.getLogger("clerk.gui")

BACKGROUND = "#0b1f3a"
ROW_ALT = "#102a4c"
TITLE_BAR = "#9e1b1b"
GOLD = "#f5d67a"
TEXT = "#ffffff"
DIM = "#b8c7dc"
STALE = "#ffb74d"
# Colour of each hall word: 受理 blue, 在办 amber, 待办 orange, 办结 green.
GROUP_COLOURS = {"受理": "#4fc3f7", "在办": "#ffd54f", "待办": "#ff8a65", "办结": "#81c784"}

# Design size: proportions below are pixels on a 1920×1080 screen.
DESIGN_W, DESIGN_H = 1920, 1080
# Column stretch of window, applicant, item, status, time.
COLUMN_STRETCH = (11, 24, 46, 19, 12)


class _FetchFailed:
    """A fetch that raised, handed back to the GUI thread as a result."""

    def __init__(self, error: Exception) -> None:
        self.error = error


class HallScreen(QWidget):
    """The hall's big screen.

    Args:
        fetch: ``() -> Board`` (``app.hall.fetch_board``); runs on a worker thread.
        clock: the application clock (date and time in the title bar).
        center_name: shown in the title bar.
        rows_per_page: rows on one page.
        page_seconds, refresh_seconds: how long a page stays; how often the board is fetched.

    Signals:
        refreshed(object): a new :class:`BoardSnapshot` is on the screen.
        link_lost(str): a fetch failed (the reason, translated); the last data stays, marked.
        enrol_requested(): F2 on a screen whose credential was refused (IT has a new code).
    """

    refreshed = Signal(object)
    link_lost = Signal(str)
    enrol_requested = Signal()

    def __init__(
        self,
        fetch: Callable[[], Board],
        *,
        clock: Any,
        center_name: str,
        rows_per_page: int = 8,
        page_seconds: int = 10,
        refresh_seconds: int = 30,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("hallScreen")
        self._fetch = fetch
        self._clock = clock
        self.center_name = center_name
        self.rows_per_page = rows_per_page
        self.snapshot: BoardSnapshot | None = None
        self.stale = False
        self.stale_reason = ""
        self.signed_out = False
        #: The service refused this PC's display credential: fetching stopped, IT is told.
        self.revoked = False
        self.enrol_error = ""
        self.page = 0
        self._fetching = False
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(BACKGROUND))
        self.setPalette(palette)

        self.page_timer = QTimer(self)
        self.page_timer.setInterval(page_seconds * 1000)
        self.page_timer.timeout.connect(self.next_page)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(refresh_seconds * 1000)
        self.refresh_timer.timeout.connect(self.refresh)

        self._build()
        for keys, slot in (
            ("Esc", self.leave_full_screen),
            ("F11", self.toggle_full_screen),
            ("Ctrl+Q", self.close),
            ("F2", self._ask_enrolment),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)
        self.resize(DESIGN_W, DESIGN_H)
        self.render()

    # -- building ------------------------------------------------------------------------

    def _label(
        self, name: str, colour: str = TEXT, align: Any = None, *, cell: bool = False
    ) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setStyleSheet(f"color: {colour}; background: transparent;")
        label.setAlignment(align or (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter))
        if cell:
            # The layout gives each column its share; a long text is elided, never widens it.
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        return label

    def _build(self) -> None:
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        centre = Qt.AlignmentFlag.AlignCenter

        self.title_bar = QFrame(self)
        self.title_bar.setObjectName("hallTitleBar")
        self.title_bar.setStyleSheet(f"#hallTitleBar {{ background: {TITLE_BAR}; }}")
        self.title_label = self._label("hallTitle", TEXT, left, cell=True)
        self.title_label.setText(self.center_name)
        self.subtitle_label = self._label("hallSubtitle", GOLD, left)
        #: Title of the hall's big screen: the public list of today's cases (办件公示).
        self.clock_label = self._label("hallClock", TEXT, right)
        title_row = QHBoxLayout(self.title_bar)
        title_row.addWidget(self.title_label, 1)
        title_row.addWidget(self.subtitle_label)
        title_row.addWidget(self.clock_label)

        self.table = QWidget(self)
        self.grid = QGridLayout(self.table)
        self.grid.setSpacing(0)
        self.grid.setContentsMargins(0, 0, 0, 0)
        aligns = (centre, left, left, centre, centre)
        self.header_labels = []
        for col, align in enumerate(aligns):
            label = self._label(f"hallHeader{col}", GOLD, align, cell=True)
            label.setStyleSheet(
                f"color: {GOLD}; background: #14335e; border-bottom: 2px solid {GOLD};"
            )
            self.grid.addWidget(label, 0, col)
            self.header_labels.append(label)
            self.grid.setColumnStretch(col, COLUMN_STRETCH[col])
        self.row_labels: list[list[QLabel]] = []
        for row in range(self.rows_per_page):
            cells = []
            shade = ROW_ALT if row % 2 else BACKGROUND
            for col, align in enumerate(aligns):
                label = self._label(f"hallCell{row}x{col}", TEXT, align, cell=True)
                label.setStyleSheet(f"color: {TEXT}; background: {shade};")
                self.grid.addWidget(label, row + 1, col)
                cells.append(label)
            self.row_labels.append(cells)
        self.empty_label = self._label("hallEmpty", DIM, centre)
        self.grid.addWidget(self.empty_label, 1, 0, self.rows_per_page, len(aligns))
        # What IT must do when the service refuses this screen (over the rows).
        self.notice_label = self._label("hallNotice", STALE, centre)
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(f"color: {STALE}; background: {BACKGROUND};")
        self.notice_label.hide()
        self.grid.addWidget(self.notice_label, 1, 0, self.rows_per_page, len(aligns))

        self.totals_bar = QFrame(self)
        self.totals_bar.setObjectName("hallTotals")
        self.totals_bar.setStyleSheet(
            f"#hallTotals {{ background: #0f2d55; border-top: 3px solid {GOLD}; }}"
        )
        totals = QHBoxLayout(self.totals_bar)
        self.received_label = self._label("hallReceived", TEXT, centre, cell=True)
        self.completed_label = self._label("hallCompleted", TEXT, centre, cell=True)
        self.rate_label = self._label("hallRate", TEXT, centre, cell=True)
        for label in (self.received_label, self.completed_label, self.rate_label):
            label.setTextFormat(Qt.TextFormat.RichText)
            totals.addWidget(label, 1)

        self.footer = QWidget(self)
        footer = QHBoxLayout(self.footer)
        self.as_of_label = self._label("hallAsOf", DIM, left, cell=True)
        self.legend_label = self._label("hallLegend", DIM, centre, cell=True)
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.page_label = self._label("hallPage", DIM, right, cell=True)
        footer.addWidget(self.as_of_label, 3)
        footer.addWidget(self.legend_label, 4)
        footer.addWidget(self.page_label, 2)

        layout = QVBoxLayout(self)
        # The sizes follow the window (resizeEvent), never the other way round.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals_bar)
        layout.addWidget(self.footer)

    # -- sizes ---------------------------------------------------------------------------

    def scale(self) -> float:
        """Pixels per design pixel: the tighter of height and width against 1920×1080."""
        return max(0.2, min(self.height() / DESIGN_H, self.width() / DESIGN_W))

    def _apply_scale(self) -> None:
        s = self.scale()

        def font(px: float, bold: bool = False) -> QFont:
            f = QFont(self.font())
            f.setPixelSize(max(8, round(px * s)))
            f.setBold(bold)
            return f

        pad = round(36 * s)
        title_h, header_h, totals_h, footer_h = (round(v * s) for v in (120, 76, 128, 54))
        # The rows share what is left of the height (about 88 px each at 1080 and 8 rows).
        rows_h = self.height() - title_h - header_h - totals_h - footer_h
        row_h = max(8, rows_h // max(1, self.rows_per_page))
        self.title_bar.setFixedHeight(title_h)
        self.title_bar.layout().setContentsMargins(pad, 0, pad, 0)
        self.title_bar.layout().setSpacing(round(32 * s))
        self.title_label.setFont(font(58, True))
        self.subtitle_label.setFont(font(44, True))
        self.clock_label.setFont(font(40))
        self.grid.setContentsMargins(round(24 * s), 0, round(24 * s), 0)
        for label in self.header_labels:
            label.setFont(font(44, True))
            label.setProperty("basePx", label.font().pixelSize())
            label.setFixedHeight(header_h)
            label.setContentsMargins(round(16 * s), 0, round(16 * s), 0)
        for cells in self.row_labels:
            for col, label in enumerate(cells):
                label.setFont(font(52, col == 3))
                label.setProperty("basePx", label.font().pixelSize())
                label.setFixedHeight(row_h)
                label.setContentsMargins(round(16 * s), 0, round(16 * s), 0)
        self.empty_label.setFont(font(56))
        self.notice_label.setFont(font(48, True))
        self.totals_bar.setFixedHeight(totals_h)
        self.totals_bar.layout().setContentsMargins(pad, 0, pad, 0)
        for label in (self.received_label, self.completed_label, self.rate_label):
            label.setFont(font(46))
        self.footer.setFixedHeight(footer_h)
        self.footer.layout().setContentsMargins(pad, 0, pad, 0)
        for label in (self.as_of_label, self.legend_label, self.page_label):
            label.setFont(font(30))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._apply_scale()
        # Lay out with the new sizes now, so the texts are elided to the new widths.
        self.layout().activate()
        self.render()

    # -- running -------------------------------------------------------------------------

    def start(self) -> None:
        """Fetch now and keep fetching and turning pages."""
        self.refresh()
        self.page_timer.start()
        self.refresh_timer.start()

    def stop(self) -> None:
        self.page_timer.stop()
        self.refresh_timer.stop()

    def refresh(self) -> None:
        """Fetch the board in the background (one fetch at a time)."""
        if self._fetching:
            return
        self._fetching = True
        Op(self, self._fetch_quietly).success(self._fetched).run()

    def _fetch_quietly(self) -> Board | _FetchFailed:
        """The board, or the failure as a value: a lost link is expected on a hall screen
        and gets one log line with the reason (in :meth:`_fetch_failed`), not the chained
        tracebacks a failed background job logs."""
        try:
            return self._fetch()
        except Exception as exc:  # every failure is shown on the screen as a stale board
            return _FetchFailed(exc)

    def _fetched(self, board: Board | _FetchFailed) -> None:
        if isinstance(board, _FetchFailed):
            self._fetch_failed(board.error)
            return
        self.show_board(BoardSnapshot.from_board(board))

    def show_board(self, snapshot: BoardSnapshot) -> None:
        """Put a board on the screen; the page stays where it was if it still exists."""
        self._fetching = False
        self.snapshot = snapshot
        self.stale = False
        self.stale_reason = ""
        self.signed_out = False
        self.page %= snapshot.page_count(self.rows_per_page)
        self.render()
        self.refreshed.emit(snapshot)

    def _fetch_failed(self, exc: Exception) -> None:
        self._fetching = False
        self.stale = True
        if isinstance(exc, CredentialRevoked):
            # No retry mends a revoked credential: stop asking, tell IT (one log line).
            self.revoked = True
            self.refresh_timer.stop()
            log.warning("hall screen: the service refused this screen's display credential")
            self.render()
            self.link_lost.emit(self.notice_label.text())
            return
        # 401: the token ran out (8 h by default), which no retry mends; the rest may pass.
        self.signed_out = is_refused(exc, 401)
        self.stale_reason = error_message(exc)
        if isinstance(exc, UserError):  # expected (no link, refused): one line, the reason
            reason = " ".join(str(exc).split())[:300] or type(exc).__name__
            log.warning("hall screen: board not refreshed: %s", reason)
        else:  # a bug: keep its traceback
            log.warning("hall screen: board not refreshed", exc_info=exc)
        self.render()
        self.link_lost.emit(self.stale_reason)

    def _ask_enrolment(self) -> None:
        if self.revoked:
            self.enrol_requested.emit()

    def credential_restored(self) -> None:
        """A new enrolment code gave this screen a credential again: fetch and go on."""
        self.revoked = False
        self.enrol_error = ""
        self.start()

    def enrolment_failed(self, exc: Exception) -> None:
        """The code typed after F2 gave nothing: say so under the notice."""
        if isinstance(exc, EnrolmentProblem) and exc.reason == "unknown-code":
            self.enrol_error = self.tr("That code is unknown, used or expired.")
        elif isinstance(exc, EnrolmentProblem):
            self.enrol_error = self.tr("That code is not for a screen.")
        elif isinstance(exc, UserError):
            self.enrol_error = error_message(exc)
        else:
            log.error("hall screen: enrolment failed", exc_info=exc)
            self.enrol_error = self.tr("The code could not be used.")
        log.warning("hall screen: new enrolment code refused: %s", type(exc).__name__)
        self.render()

    def next_page(self) -> None:
        pages = self.snapshot.page_count(self.rows_per_page) if self.snapshot else 1
        self.page = (self.page + 1) % pages
        self.render()

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
        self.stop()
        super().closeEvent(event)

    # -- showing -------------------------------------------------------------------------

    def page_rows(self) -> tuple[BoardRow, ...]:
        if self.snapshot is None:
            return ()
        return self.snapshot.page(self.page, self.rows_per_page)

    def shown_rows(self) -> list[tuple[str, ...]]:
        """The full texts of the rows on the screen now (before eliding), for checks."""
        return [self._cells(row) for row in self.page_rows()]

    def _cells(self, row: BoardRow) -> tuple[str, ...]:
        return (row.window_code, row.applicant, self.item_text(row),
                self.group_word(row.hall_group), row.updated_hhmm)  # fmt: skip

    def item_text(self, row: BoardRow) -> str:
        """The item; a joint case's package with its current stage beside it."""
        if not row.stage:
            return row.item
        return self.tr("%1 · stage: %2").replace("%1", row.item).replace("%2", row.stage)

    def group_word(self, group: str) -> str:
        """The hall word in the screen's language (受理/在办/待办/办结 in Chinese)."""
        words = {
            "受理": self.tr("Accepted"),
            "在办": self.tr("In progress"),
            "待办": self.tr("Waiting"),
            "办结": self.tr("Completed"),
        }
        return words.get(group, group)

    def render(self) -> None:
        """Show the current page, totals, time of the data and the stale mark (in the
        language installed now)."""
        self.setWindowTitle(self.tr("Hall screen — %1").replace("%1", self.center_name))
        self.subtitle_label.setText(self.tr("Today's cases"))
        self.empty_label.setText(self.tr("No cases yet today"))
        now = self._clock.now().astimezone(CENTER_TZ)
        day = QLocale().toString(QDate(now.year, now.month, now.day), QLocale.FormatType.LongFormat)
        self.clock_label.setText(f"{day}  {now:%H:%M}")
        # The title gets what the subtitle and the clock leave (known before any layout).
        bar = self.title_bar.layout()
        room = (
            self.title_bar.width() - bar.contentsMargins().left() - bar.contentsMargins().right()
            - 2 * bar.spacing() - self.subtitle_label.sizeHint().width()
            - self.clock_label.sizeHint().width() - round(40 * self.scale())
        )  # fmt: skip
        if room > 0:
            if self.title_label.width() != room:
                self.title_label.setFixedWidth(room)
                bar.activate()
            self.title_label.setText(
                self.title_label.fontMetrics().elidedText(
                    self.center_name, Qt.TextElideMode.ElideRight, room
                )
            )
        else:
            self.title_label.setText(self.center_name)
        rows = self.page_rows()
        for index, cells in enumerate(self.row_labels):
            texts = self._cells(rows[index]) if index < len(rows) else ("",) * len(cells)
            group = rows[index].hall_group if index < len(rows) else ""
            for col, label in enumerate(cells):
                label.setProperty("fullText", texts[col])
                if col == 3:
                    self._fit(label, texts[col])
                label.setText(self._elide(label, texts[col]))
                if col == 3:
                    colour = GROUP_COLOURS.get(group, TEXT)
                    shade = ROW_ALT if index % 2 else BACKGROUND
                    label.setStyleSheet(f"color: {colour}; background: {shade};")
        headers = (
            self.tr("Window"),
            self.tr("Applicant"),
            self.tr("Service item"),
            self.tr("Status"),
            self.tr("Updated"),
        )
        for label, full in zip(self.header_labels, headers, strict=True):
            label.setProperty("fullText", full)
            self._fit(label, full)
            label.setText(self._elide(label, full))
        self.empty_label.setVisible(self.snapshot is not None and not rows and not self.revoked)
        self.notice_label.setVisible(self.revoked)
        if self.revoked:
            notice = self.tr(
                "This screen's credential has been revoked or has expired, so the board "
                "cannot be shown.\nIT: make a new enrolment code (clerk-records enrol --kind "
                "display) and press F2 here to type it in."
            )
            self.notice_label.setText(
                notice + (f"\n{self.enrol_error}" if self.enrol_error else "")
            )
        snap = self.snapshot
        figure = f"<span style='color:{GOLD}; font-weight:bold;'>%1</span>"
        self.received_label.setText(
            self.tr("Received today %1").replace("%1", figure.replace("%1", self._n(snap, "r")))
        )
        self.completed_label.setText(
            self.tr("Completed today %1").replace("%1", figure.replace("%1", self._n(snap, "c")))
        )
        self.rate_label.setText(
            self.tr("Completion rate %1").replace(
                "%1", figure.replace("%1", snap.rate_text() if snap else "—")
            )
        )
        self.legend_label.setText(
            "  ".join(
                f"<span style='color:{GROUP_COLOURS[g]};'>■</span> {self.group_word(g)}"
                for g in GROUP_COLOURS
            )
        )
        pages = snap.page_count(self.rows_per_page) if snap else 1
        self.page_label.setText(
            self.tr("Page %1 of %2").replace("%1", str(self.page + 1)).replace("%2", str(pages))
        )
        if snap is None:
            text = self.tr("Connecting to the center…")
            if self.stale:
                text = self.tr("The center cannot be reached; no data yet")
            self.as_of_label.setText(text)
        elif self.signed_out:
            self.as_of_label.setText(
                "⚠ " + self.tr("Sign in again · data as of %1").replace("%1", snap.as_of_hhmmss)
            )
        elif self.stale:
            self.as_of_label.setText(
                "⚠ " + self.tr("Link down · data as of %1").replace("%1", snap.as_of_hhmmss)
            )
        elif snap.behind_seconds is not None:  # the service's read replica lags (issue 20)
            self.as_of_label.setText(
                "⚠ "
                + self.tr("Data as of %1 · %2 s behind the latest")
                .replace("%1", snap.as_of_hhmmss)
                .replace("%2", str(snap.behind_seconds))
            )
        else:
            self.as_of_label.setText(self.tr("Data as of %1").replace("%1", snap.as_of_hhmmss))
        behind = snap is not None and snap.behind_seconds is not None
        colour = STALE if self.stale or behind else DIM
        weight = "bold" if self.stale or behind else "normal"
        self.as_of_label.setStyleSheet(f"color: {colour}; font-weight: {weight};")
        self.as_of_label.setToolTip(self.stale_reason)

    @staticmethod
    def _n(snap: BoardSnapshot | None, which: str) -> str:
        if snap is None:
            return "—"
        return str(snap.received if which == "r" else snap.completed)

    def _fit(self, label: QLabel, text: str) -> None:
        """Shrink a short text's font (to 70 % at most) until it fits its column."""
        base = label.property("basePx")
        margins = label.contentsMargins()
        width = label.width() - margins.left() - margins.right()
        if not base or width <= 0:
            return
        font = QFont(label.font())
        px = int(base)
        font.setPixelSize(px)
        while px > base * 0.7 and QFontMetrics(font).horizontalAdvance(text) > width:
            px -= 1
            font.setPixelSize(px)
        label.setFont(font)

    def _elide(self, label: QLabel, text: str) -> str:
        margins = label.contentsMargins()
        width = label.width() - margins.left() - margins.right()
        if width <= 0 or not text:
            return text
        return label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)
