"""The applicant screen at the clerk's desk: :class:`ApplicantDesk` connects an
:class:`~clerk_app.gui.applicant_screen.ApplicantScreen` to the clerk's ``MainWindow`` —
the action "Ask applicant to confirm" (F9), the status-bar indicator, the rating request
after acceptance, and each rating written through the one ``DbWriter`` with
``app.ratings.rate_case`` (local row + outbox row in one transaction, so it is kept
offline and sent once). The screen shows only on a monitor other than the desk's; with one
monitor the indicator and the status bar say so in plain words, and it appears when a second
monitor is connected (and goes when it is unplugged). File ▸ Settings turns it on and off at
once (``applicant_screen.apply_applicant_setting``: :meth:`ApplicantDesk.show_welcome`,
:meth:`ApplicantDesk.detach`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QMenu, QTableWidget, QWidget

from clerk_app.gui.applicant_screen import (
    ApplicantScreen,
    other_screen,
    screen_note,
    summary_from_form,
)
from clerk_app.gui.errors import error_message
from clerk_app.gui.hub import case_hub

log = logging.getLogger("clerk.gui")

#: What the applicant screen's rating carries for a queue visit (not a case number).
VISIT_KEY = "visit:"


class ApplicantDesk(QObject):
    """The applicant screen as the clerk's ``MainWindow`` uses it.

    Adds "Ask applicant to confirm" (F9) to the window's Intake menu and an indicator to its
    status bar; asks for a rating after each accepted case; writes each rating through the
    window's ``DbWriter``.

    Args:
        window: the ``MainWindow`` (``context``, ``session``, ``intake``, ``writer``,
            ``case_accepted``, ``sync_worker``).
        screen: the applicant screen (a new one, placed on the second monitor, by default).

    Signals:
        state_changed(str): ``"none"``, ``"waiting"``, ``"confirmed"`` or ``"correction"``.
        rating_saved(str): the rating's id, after its local transaction committed.
    """

    state_changed = Signal(str)
    rating_saved = Signal(str)

    def __init__(self, window: Any, screen: ApplicantScreen | None = None) -> None:
        super().__init__(window)
        self.window = window
        settings = window.context.settings
        self.require_confirmation = bool(settings["applicant_screen.require_confirmation"])
        self.screen = screen or ApplicantScreen(
            window.context.provisioning.center_name,
            idle_seconds=int(settings["applicant_screen.idle_seconds"]),
        )
        self.state = "none"
        self.last_error = ""
        #: The queue visit being rated: its key on the screen and how to save its rating.
        self._visit_save: tuple[str, Callable[[int, str], None]] | None = None
        self.indicator = QLabel(window)
        self.indicator.setObjectName("applicantIndicator")
        window.statusBar().addPermanentWidget(self.indicator)
        self.confirm_action = QAction(window)
        self.confirm_action.setObjectName("askApplicantAction")
        self.confirm_action.setShortcut(QKeySequence("F9"))
        self.confirm_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.retranslate()
        self.confirm_action.triggered.connect(self.ask_confirmation)
        window.addAction(self.confirm_action)
        menu = self._intake_menu()
        if menu is not None:
            menu.addAction(self.confirm_action)
        self.screen.confirmed.connect(lambda: self._set_state("confirmed"))
        self.screen.correction_requested.connect(lambda: self._set_state("correction"))
        self.screen.rated.connect(self.save_rating)
        window.case_accepted.connect(self._case_accepted)
        self._watch_form(window.intake)
        # A monitor plugged in or out: the indicator says whether the screen can show.
        app = QGuiApplication.instance()
        app.screenAdded.connect(self._screens_changed)
        app.screenRemoved.connect(self._screens_changed)
        self._set_state("none")
        # The window's own retranslate (tooltips with keys) runs after this filter.
        window.installEventFilter(self)

    def apply_settings(self) -> None:
        """Read ``applicant_screen.require_confirmation`` and ``idle_seconds`` again."""
        settings = self.window.context.settings
        self.require_confirmation = bool(settings["applicant_screen.require_confirmation"])
        self.screen.idle_seconds = int(settings["applicant_screen.idle_seconds"])

    def show_welcome(self) -> bool:
        """Show the welcome on the other monitor now; False (and the clerk is told why) when
        there is only one."""
        self.screen.show_idle()
        return self._place()

    def detach(self) -> None:
        """Take the applicant screen away from the window: close it, remove F9 and the
        indicator, stop listening (the setting was turned off)."""
        app = QGuiApplication.instance()
        app.screenAdded.disconnect(self._screens_changed)
        app.screenRemoved.disconnect(self._screens_changed)
        self.window.case_accepted.disconnect(self._case_accepted)
        self.window.removeEventFilter(self)
        menu = self._intake_menu()
        if menu is not None:
            menu.removeAction(self.confirm_action)
        self.window.removeAction(self.confirm_action)
        self.window.statusBar().removeWidget(self.indicator)
        self.indicator.deleteLater()
        self.screen.close()
        self.screen.deleteLater()
        self.deleteLater()

    def can_show(self) -> bool:
        """True when a monitor other than the desk's is connected."""
        return other_screen(self.window) is not None

    def _place(self) -> bool:
        """Show the screen on the other monitor; with one monitor, say why not."""
        if self.screen.place(self.window):
            return True
        self.window.statusBar().showMessage(screen_note(self.window), 10000)
        self._show_state()
        return False

    def _screens_changed(self, *_args: Any) -> None:
        if not self.can_show():
            self.screen.hide()  # never left on the desk's own monitor
        else:
            self.screen.place(self.window)
        self._show_state()

    def retranslate(self) -> None:
        self.confirm_action.setText(self.tr("Ask applicant to &confirm"))
        self.confirm_action.setToolTip(self.tr("Show the case to the applicant to confirm (F9)"))
        if hasattr(self, "state"):
            self._show_state()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: the filter may see the window's last events while this object goes away.
        window = getattr(self, "window", None)
        if window is not None and watched is window and event.type() == QEvent.LanguageChange:
            self.retranslate()
        return False

    def _intake_menu(self) -> QMenu | None:
        accept = getattr(self.window, "accept_action", None)
        for action in self.window.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu) and accept in menu.actions():
                return menu
        return None

    def _watch_form(self, form: QWidget) -> None:
        """Any change to the form after the applicant saw it voids the confirmation."""
        for edit in form.findChildren(QLineEdit):
            edit.textEdited.connect(self._form_changed)
        for table in form.findChildren(QTableWidget):
            table.itemChanged.connect(self._form_changed)

    def _form_changed(self, *_args: Any) -> None:
        if self.state in ("waiting", "confirmed"):
            self._set_state("none")
            if self.screen.page() == ApplicantScreen.CONFIRM:
                self.screen.show_idle()

    def _set_state(self, state: str) -> None:
        self.state = state
        self._show_state()
        self.state_changed.emit(state)

    def _show_state(self) -> None:
        if not self.can_show():
            self.indicator.setText(self.tr("Applicant screen: no second monitor"))
            self.indicator.setToolTip(screen_note(self.window))
            self.indicator.setStyleSheet("color: #b3261e; font-weight: bold;")
            return
        self.indicator.setToolTip("")
        texts = {
            "none": (self.tr("Applicant: not confirmed"), "#44546a"),
            "waiting": (self.tr("Applicant: checking…"), "#8a5a00"),
            "confirmed": (self.tr("Applicant: confirmed ✓"), "#1b6e20"),
            "correction": (self.tr("Applicant: asked to correct"), "#b3261e"),
        }
        text, colour = texts[self.state]
        self.indicator.setText(text)
        self.indicator.setStyleSheet(f"color: {colour}; font-weight: bold;")

    # -- what the clerk does ---------------------------------------------------------------

    def ask_confirmation(self) -> bool:
        """Show the form's case on the applicant screen (F9); False without an item."""
        form = self.window.intake
        if not self.can_show():
            self._place()
            return False
        if form.item is None:
            self.window.statusBar().showMessage(self.tr("Pick a service item first."), 5000)
            return False
        self.screen.show_draft(summary_from_form(form))
        if not self.screen.isVisible():
            self._place()
        self._set_state("waiting")
        return True

    def may_accept(self) -> bool:
        """False (and the clerk is told) when confirmation is required and not given."""
        if not self.require_confirmation or self.state == "confirmed":
            return True
        if not self.can_show():
            self.window.statusBar().showMessage(
                self.tr(
                    "Acceptance waits for the applicant's confirmation, but the applicant "
                    "screen cannot show: only one monitor is connected. Connect the "
                    "applicant's monitor, or turn off \"Accept only after the applicant "
                    'confirmed" in File ▸ Settings.'
                ),
                15000,
            )
            return False
        self.window.statusBar().showMessage(
            self.tr("The applicant has not confirmed the case yet (F9 asks)."), 8000
        )
        return False

    def _case_accepted(self, taken: Any) -> None:
        self._set_state("none")
        if self.visit_holds_rating():
            return  # a queue ticket is served: the visit is rated once, at its Finish
        self.ask_rating(str(taken.case_no))

    def visit_holds_rating(self) -> bool:
        """Whether the window's calling bar serves a ticket (issue 18): the rating after an
        acceptance then waits for the visit's Finish (一次一评)."""
        bar = getattr(self.window, "calling_bar", None)
        return bar is not None and bool(bar.holds_rating())

    def ask_visit_rating(
        self, ticket: str, case_nos: list[str], save: Callable[[int, str], None]
    ) -> None:
        """Ask the applicant to rate the visit of queue ticket ``ticket`` (and the cases
        taken in during it) once; ``save(score, comment)`` records it."""
        if not self.can_show():
            self._place()
            return
        key = VISIT_KEY + ticket
        self._visit_save = (key, save)
        label = self.tr("Ticket %1").replace("%1", ticket)
        if case_nos:
            label += " · " + self.tr("Case number %1").replace("%1", ", ".join(case_nos))
        self.screen.ask_rating(key, label)
        if not self.screen.isVisible():
            self._place()

    def ask_rating(self, case_no: str) -> None:
        """Ask the applicant to rate ``case_no`` (after acceptance, or when a case is done);
        with one monitor the clerk is told that the screen cannot show."""
        if not self.can_show():
            self._place()
            return
        self.screen.ask_rating(case_no)
        if not self.screen.isVisible():
            self._place()

    def rating_asker(self, case_no: str) -> Callable[[], None]:
        return lambda: self.ask_rating(case_no)

    def save_rating(self, case_no: str, score: int, comment: str) -> None:
        """Write the rating locally with its outbox row (on the writer); then wake the sync."""
        visit = self._visit_save
        if visit is not None and case_no == visit[0]:  # a queue visit's one rating
            self._visit_save = None
            visit[1](score, comment)
            return
        from clerk_app.app.ratings import rate_case

        context = self.window.context
        clerk = self.window.session.username

        def work() -> str:
            return rate_case(context, case_no, score, clerk=clerk, comment=comment)

        self.window.writer.submit(work, self.window).success(
            lambda rating_id: self._rating_saved(rating_id, case_no)
        ).failure(self._rating_failed)

    def _rating_saved(self, rating_id: str, case_no: str = "") -> None:
        self.last_error = ""
        self.window.statusBar().showMessage(self.tr("The applicant's rating is saved."), 5000)
        if case_no:
            case_hub().announce_write(case_no)  # the sync worker wakes
        self.rating_saved.emit(rating_id)

    def _rating_failed(self, exc: Exception) -> None:
        self.last_error = error_message(exc)
        log.error("rating not saved: %s", exc)
        self.window.statusBar().showMessage(
            self.tr("The rating could not be saved: %1").replace("%1", self.last_error)
        )

    def close(self) -> None:
        self.screen.close()
