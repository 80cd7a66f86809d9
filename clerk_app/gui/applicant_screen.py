"""The applicant screen: a second monitor facing the applicant (小屏确认, 好差评).

:class:`ApplicantScreen` is the window the applicant sees: idle (center name, welcome), the
case being entered for the applicant to confirm (ID and phone masked) with 确认无误 /
需要更正 and then, for a few seconds, what the press did (确认成功 / please tell the clerk), a
1–5 rating by touch or click with optional comment chips, and a thank-you. It never covers
the clerk's desk: it shows full screen on a monitor other than the desk's, and not at all
when there is only one (:func:`other_screen`, :func:`screen_note`). It only shows things and
emits signals; ``applicant_desk.ApplicantDesk`` connects it to the clerk's
``MainWindow``: the action "Ask applicant to confirm" (F9), the status-bar indicator, the
rating request after acceptance, and the rating written through the one ``DbWriter`` with
``app.ratings.rate_case`` (local row + outbox row in one transaction, so it is kept
offline and sent once).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QPalette,
    QScreen,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_app.core.identity import mask_id, mask_phone
from clerk_app.gui.item_text import ItemText

log = logging.getLogger("clerk.gui")

BACKGROUND = "#f4f6fa"
ACCENT = "#9e1b1b"
# Score → button colour, from 5 (非常满意) to 1 (非常不满意).
SCORE_COLOURS = {5: "#1b6e20", 4: "#2e7d32", 3: "#5d6d7e", 2: "#b35c00", 1: "#b3261e"}


@dataclass(frozen=True)
class DraftSummary:
    """What the applicant confirms: the case as entered, numbers masked."""

    item_name: str
    applicant_name: str
    id_masked: str
    phone_masked: str
    materials: tuple[str, ...]
    fee_fen: int

    @property
    def fee_yuan(self) -> str:
        return f"{self.fee_fen / 100:.2f}"


def summary_from_form(form: Any) -> DraftSummary:
    """Read the clerk's intake form into a :class:`DraftSummary` (masks ID and phone)."""
    item = form.item
    text = ItemText(item)
    applicant = form.applicant()
    received = {m["code"] for m in form.materials() if m.get("received")}
    return DraftSummary(
        item_name=text.name,
        applicant_name=str(applicant.get("name") or ""),
        id_masked=mask_id(str(applicant.get("id_number") or "")),
        phone_masked=mask_phone(str(applicant.get("phone") or "")),
        materials=tuple(m.name for m in text.materials if m.code in received),
        fee_fen=_fee_fen(form, text),
    )


def _fee_fen(form: Any, text: ItemText) -> int:
    """The fee the form says (when it can), else the item's fees added up."""
    own = getattr(form, "fee_fen", None)
    return int(own()) if callable(own) else text.fee_fen


def _font(widget: QWidget, px: int, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPixelSize(px)
    font.setBold(bold)
    return font


def other_screen(clerk_window: QWidget | None) -> QScreen | None:
    """A monitor other than the one the clerk's window is on; None when there is none."""
    clerk_screen = clerk_window.screen() if clerk_window is not None else None
    if clerk_screen is None:
        return None
    others = [s for s in QGuiApplication.screens() if s != clerk_screen]
    return others[0] if others else None


def screen_note(clerk_window: QWidget | None) -> str:
    """Why the applicant screen cannot show, in plain words; "" when it can."""
    if other_screen(clerk_window) is not None:
        return ""
    return QCoreApplication.translate(
        "ApplicantScreen",
        "Only one monitor is connected, so the applicant screen is not shown (it would cover "
        "your desk). It appears as soon as a second monitor is connected.",
    )


class ApplicantScreen(QWidget):
    """The window facing the applicant.

    Args:
        center_name: shown when idle.
        idle_seconds: how long the thank-you stays (an unanswered rating: three times as
            long) before the screen goes back to idle; ``idle_timer`` runs it.
        feedback_seconds: how long "confirmed" (or "tell the clerk") stays after the
            applicant pressed 确认无误 (需要更正), on the same ``idle_timer``.

    Signals:
        confirmed(): the applicant pressed 确认无误.
        correction_requested(): the applicant pressed 需要更正.
        rated(str, int, str): case number, score 1..5 and the comment (chips joined).
    """

    confirmed = Signal()
    correction_requested = Signal()
    rated = Signal(str, int, str)

    IDLE, CONFIRM, RATING, THANKS, FEEDBACK = range(5)

    def __init__(
        self,
        center_name: str,
        *,
        idle_seconds: int = 20,
        feedback_seconds: int = 6,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("applicantScreen")
        # (set text, make text): every fixed text, set again when the language changes.
        self._texts: list[tuple[Callable[[str], None], Callable[[], str]]] = []
        self._text(self.setWindowTitle, lambda: self.tr("Applicant screen"))
        self.center_name = center_name
        self.idle_seconds = idle_seconds
        self.feedback_seconds = feedback_seconds
        # What the feedback page says: "confirmed" or "correction" ("" when not shown).
        self.feedback = ""
        self.case_no = ""
        self.summary: DraftSummary | None = None
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(BACKGROUND))
        self.setPalette(palette)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.show_idle)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_idle())
        self.stack.addWidget(self._build_confirm())
        self.stack.addWidget(self._build_rating())
        self.stack.addWidget(self._build_thanks())
        self.stack.addWidget(self._build_feedback())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.addWidget(self.stack)
        self.resize(1280, 800)
        self.show_idle()

    # -- pages -----------------------------------------------------------------------------

    def _text(self, setter: Callable[[str], None], make: Callable[[], str]) -> None:
        setter(make())
        self._texts.append((setter, make))

    def retranslate(self) -> None:
        """Set every text again in the current language (and the page on show)."""
        for setter, make in self._texts:
            setter(make())
        if self.page() == self.CONFIRM and self.summary is not None:
            self.show_draft(self.summary)
        elif self.page() == self.RATING and self.case_no:
            self.rating_case.setText(self.tr("Case number %1").replace("%1", self.case_no))
        elif self.page() == self.FEEDBACK:
            self._show_feedback(self.feedback)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._fit_scores()
        super().changeEvent(event)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_scores()

    def _fit_scores(self) -> None:
        """One font size for the five score buttons, as large as fits (34 px down to 18); a
        word that does not fit on one line at 26 px goes on two (English)."""
        width = (self.width() - 96 - 4 * 20) // 5 - 60  # margins, spacing, padding
        words = self.score_words()

        def lines(text: str, px: int) -> tuple[str, bool]:
            metrics = QFontMetrics(_font(self, px, True))
            if metrics.horizontalAdvance(text) <= width or " " not in text or px > 26:
                return text, metrics.horizontalAdvance(text) <= width
            cut = text.rfind(" ", 0, len(text) // 2 + 1)
            cut = cut if cut > 0 else text.find(" ")
            two = text[:cut] + "\n" + text[cut + 1 :]
            return two, max(metrics.horizontalAdvance(x) for x in two.split("\n")) <= width

        px = 34
        while px > 18 and not all(lines(t, px)[1] for t in words.values()):
            px -= 1
        for score, button in self.score_buttons.items():
            button.setFont(_font(self, px, True))
            button.setText(lines(words[score], px)[0])

    def _title(self, text: str | Callable[[], str], px: int = 44) -> QLabel:
        label = QLabel(self)
        if callable(text):
            self._text(label.setText, text)
        else:
            label.setText(text)
        label.setFont(_font(self, px, True))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {ACCENT};")
        return label

    def _build_idle(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.idle_center = self._title(self.center_name, 56)
        self.idle_welcome = QLabel(page)
        self._text(self.idle_welcome.setText, lambda: self.tr("Welcome"))
        self.idle_welcome.setFont(_font(self, 72, True))
        self.idle_welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.idle_hint = QLabel(page)
        self._text(self.idle_hint.setText, lambda: self.tr("Please have your documents ready."))
        self.idle_hint.setFont(_font(self, 32))
        self.idle_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.idle_hint.setStyleSheet("color: #44546a;")
        layout.addStretch(2)
        layout.addWidget(self.idle_center)
        layout.addSpacing(40)
        layout.addWidget(self.idle_welcome)
        layout.addSpacing(24)
        layout.addWidget(self.idle_hint)
        layout.addStretch(3)
        return page

    def _build_confirm(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(self._title(lambda: self.tr("Please check your application")))
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(14)
        self.confirm_values: dict[str, QLabel] = {}
        rows = (
            ("item", lambda: self.tr("Service item")),
            ("name", lambda: self.tr("Applicant")),
            ("id", lambda: self.tr("ID number")),
            ("phone", lambda: self.tr("Mobile")),
            ("materials", lambda: self.tr("Materials received")),
            ("fee", lambda: self.tr("Fee")),
        )
        for row, (key, caption) in enumerate(rows):
            name = QLabel(page)
            self._text(name.setText, lambda c=caption: c() + self.tr(":"))
            name.setFont(_font(self, 30))
            name.setStyleSheet("color: #44546a;")
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value = QLabel(page)
            value.setObjectName(f"confirm_{key}")
            value.setFont(_font(self, 32, True))
            value.setWordWrap(True)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.confirm_values[key] = value
        grid.setColumnStretch(1, 1)
        layout.addSpacing(16)
        layout.addLayout(grid)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.setSpacing(48)
        self.correct_button = self._big_button(lambda: self.tr("Needs correcting"), "#b35c00")
        self.correct_button.setObjectName("correctionButton")
        self.confirm_button = self._big_button(lambda: self.tr("All correct"), "#1b6e20")
        self.confirm_button.setObjectName("confirmButton")
        self.correct_button.clicked.connect(self._correction)
        self.confirm_button.clicked.connect(self._confirm)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.confirm_button)
        layout.addLayout(buttons)
        return page

    def _big_button(self, text: Callable[[], str], colour: str, px: int = 40) -> QPushButton:
        button = QPushButton(self)
        self._text(button.setText, text)
        button.setFont(_font(self, px, True))
        button.setMinimumHeight(110)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setStyleSheet(
            f"QPushButton {{ color: white; background: {colour}; border-radius: 14px;"
            f" padding: 12px 28px; }} QPushButton:pressed {{ background: #222; }}"
        )
        return button

    def _build_rating(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(self._title(lambda: self.tr("How was our service today?")))
        self.rating_case = QLabel(page)
        self.rating_case.setFont(_font(self, 28))
        self.rating_case.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.rating_case)
        layout.addSpacing(16)
        chips_title = QLabel(page)
        self._text(
            chips_title.setText, lambda: self.tr("Anything to add? (optional, tap to choose)")
        )
        chips_title.setFont(_font(self, 26))
        chips_title.setStyleSheet("color: #44546a;")
        layout.addWidget(chips_title)
        chips = QGridLayout()
        self.chips: list[QPushButton] = []
        for index, text in enumerate(
            (
                lambda: self.tr("Quick and efficient"),
                lambda: self.tr("Friendly staff"),
                lambda: self.tr("Done in one visit"),
                lambda: self.tr("Long wait"),
                lambda: self.tr("Unclear what to bring"),
                lambda: self.tr("Staff attitude"),
            )
        ):
            chip = QPushButton(page)
            self._text(chip.setText, text)
            chip.setCheckable(True)
            chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            chip.setFont(_font(self, 28))
            chip.setMinimumHeight(64)
            chip.setStyleSheet(
                "QPushButton { background: white; border: 2px solid #9aa7b8;"
                " border-radius: 32px; padding: 6px 22px; color: #203040; }"
                f" QPushButton:checked {{ background: #fdecea; border-color: {ACCENT};"
                f" color: {ACCENT}; font-weight: bold; }}"
            )
            chips.addWidget(chip, index // 3, index % 3)
            self.chips.append(chip)
        layout.addLayout(chips)
        layout.addSpacing(36)
        hint = QLabel(page)
        self._text(hint.setText, lambda: self.tr("Tap one to rate:"))
        hint.setFont(_font(self, 26))
        hint.setStyleSheet("color: #44546a;")
        layout.addWidget(hint)
        scores = QHBoxLayout()
        scores.setSpacing(20)
        self.score_buttons: dict[int, QPushButton] = {}
        for score in self.score_words():
            button = self._big_button(
                lambda s=score: self.score_words()[s], SCORE_COLOURS[score], 34
            )
            button.setObjectName(f"score{score}Button")
            button.setMinimumHeight(150)
            # Five equal buttons whatever the language; the text shrinks to fit (resizeEvent).
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _checked=False, s=score: self.rate(s))
            scores.addWidget(button, 1)
            self.score_buttons[score] = button
        layout.addLayout(scores)
        layout.addStretch(1)
        return page

    def score_words(self) -> dict[int, str]:
        """5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意 (best first, as shown)."""
        return {
            5: self.tr("Very satisfied"),
            4: self.tr("Satisfied"),
            3: self.tr("Fairly satisfied"),
            2: self.tr("Dissatisfied"),
            1: self.tr("Very dissatisfied"),
        }

    def _build_thanks(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.thanks_label = QLabel(page)
        self._text(self.thanks_label.setText, lambda: self.tr("Thank you for your rating!"))
        self.thanks_label.setFont(_font(self, 64, True))
        self.thanks_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_label.setStyleSheet("color: #1b6e20;")
        layout.addStretch(1)
        layout.addWidget(self.thanks_label)
        layout.addStretch(1)
        return page

    def _build_feedback(self) -> QWidget:
        """What the applicant sees right after pressing 确认无误 or 需要更正."""
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.feedback_mark = QLabel(page)
        self.feedback_mark.setFont(_font(self, 160, True))
        self.feedback_mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.feedback_label = QLabel(page)
        self.feedback_label.setObjectName("feedbackLabel")
        self.feedback_label.setFont(_font(self, 60, True))
        self.feedback_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.feedback_label.setWordWrap(True)
        self.feedback_hint = QLabel(page)
        self.feedback_hint.setFont(_font(self, 34))
        self.feedback_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.feedback_hint.setWordWrap(True)
        self.feedback_hint.setStyleSheet("color: #44546a;")
        layout.addStretch(1)
        layout.addWidget(self.feedback_mark)
        layout.addWidget(self.feedback_label)
        layout.addSpacing(28)
        layout.addWidget(self.feedback_hint)
        layout.addStretch(1)
        return page

    def _show_feedback(self, kind: str) -> None:
        self.feedback = kind
        if kind == "confirmed":
            mark, colour = "✓", "#1b6e20"
            title = self.tr("Confirmed — thank you!")
            hint = self.tr("The clerk is now processing your application.")
        else:
            mark, colour = "✎", "#9c4f00"  # 5.5:1 on the background (WCAG AA)
            title = self.tr("Please tell the clerk what needs correcting.")
            hint = self.tr("You will be asked to check the application again.")
        self.feedback_mark.setText(mark)
        self.feedback_mark.setStyleSheet(f"color: {colour};")
        self.feedback_label.setText(title)
        self.feedback_label.setStyleSheet(f"color: {colour};")
        self.feedback_hint.setText(hint)

    # -- showing ---------------------------------------------------------------------------

    def page(self) -> int:
        return self.stack.currentIndex()

    def show_idle(self) -> None:
        self.idle_timer.stop()
        self.summary = None
        self.case_no = ""
        self.feedback = ""
        self.stack.setCurrentIndex(self.IDLE)

    def show_draft(self, summary: DraftSummary) -> None:
        """Show the case being entered for the applicant to confirm."""
        self.idle_timer.stop()
        self.summary = summary
        v = self.confirm_values
        v["item"].setText(summary.item_name)
        v["name"].setText(summary.applicant_name)
        v["id"].setText(summary.id_masked)
        v["phone"].setText(summary.phone_masked)
        #: Separator between the names of the materials received.
        v["materials"].setText(self.tr("; ").join(summary.materials) or self.tr("none"))
        v["fee"].setText(
            self.tr("%1 yuan").replace("%1", summary.fee_yuan)
            if summary.fee_fen
            else self.tr("Free of charge")
        )
        self.stack.setCurrentIndex(self.CONFIRM)

    def ask_rating(self, case_no: str, label: str = "") -> None:
        """Ask the applicant to rate the service for ``case_no`` (``label``: what the
        screen names instead of the case number, e.g. a queue ticket's visit)."""
        self.case_no = case_no
        for chip in self.chips:
            chip.setChecked(False)
        self.rating_case.setText(label or self.tr("Case number %1").replace("%1", case_no))
        self.stack.setCurrentIndex(self.RATING)
        self.idle_timer.start(self.idle_seconds * 3000)

    def rate(self, score: int) -> None:
        """The applicant chose ``score`` (1..5): emit it with the chosen chips, say thanks."""
        if self.page() != self.RATING or not self.case_no:
            return
        comment = self.tr("; ").join(c.text() for c in self.chips if c.isChecked())
        case_no = self.case_no
        self.stack.setCurrentIndex(self.THANKS)
        self.idle_timer.start(self.idle_seconds * 1000)
        self.rated.emit(case_no, score, comment)

    def show_feedback(self, kind: str) -> None:
        """ "confirmed" or "correction" for ``feedback_seconds``, then the welcome again."""
        self._show_feedback(kind)
        self.stack.setCurrentIndex(self.FEEDBACK)
        self.idle_timer.start(self.feedback_seconds * 1000)

    def _confirm(self) -> None:
        if self.page() == self.CONFIRM:
            self.show_feedback("confirmed")
            self.confirmed.emit()

    def _correction(self) -> None:
        if self.page() == self.CONFIRM:
            self.show_feedback("correction")
            self.correction_requested.emit()

    def place(self, clerk_window: QWidget | None) -> bool:
        """Full screen on a monitor other than the clerk's; with only one monitor it is not
        shown (it would cover the desk) and False is returned (:func:`screen_note` says why)."""
        screen = other_screen(clerk_window)
        if screen is None:
            self.hide()
            return False
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        return True


def attach_applicant_screen(window: Any) -> Any:
    """The window's :class:`~clerk_app.gui.applicant_desk.ApplicantDesk` when the setting
    ``applicant_screen.enabled`` is on, else None."""
    if not bool(window.context.settings["applicant_screen.enabled"]):
        return None
    from clerk_app.gui.applicant_desk import ApplicantDesk

    return ApplicantDesk(window)


def apply_applicant_setting(window: Any) -> Any:
    """After File ▸ Settings: the applicant screen follows ``applicant_screen.*`` at once —
    turned on, it appears with its welcome on the other monitor (F9 and the indicator with
    it); turned off, it closes and they go; otherwise its options are read again. Sets and
    returns ``window.applicant``."""
    desk = window.applicant
    enabled = bool(window.context.settings["applicant_screen.enabled"])
    if enabled and desk is None:
        desk = attach_applicant_screen(window)
        desk.show_welcome()
    elif enabled:
        desk.apply_settings()
    elif desk is not None:
        desk.detach()
        desk = None
    window.applicant = desk
    return desk
