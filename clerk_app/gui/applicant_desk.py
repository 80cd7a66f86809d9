"""The applicant screen at the clerk's desk: :class:`ApplicantDesk` connects an
:class:`~clerk_app.gui.applicant_screen.ApplicantScreen` to the clerk's ``MainWindow`` —
the action "Ask applicant to confirm" (F9), the status-bar indicator, the rating request
after acceptance, and each rating written through the one ``DbWriter`` with
``app.ratings.rate_case`` (local row + outbox row in one transaction, so it is kept
offline and sent once).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QMenu, QTableWidget, QWidget

from clerk_app.gui.applicant_screen import ApplicantScreen, summary_from_form
from clerk_app.gui.errors import error_message
from clerk_app.gui.hub import case_hub

log = logging.getLogger("clerk.gui")


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
        self._set_state("none")
        # The window's own retranslate (tooltips with keys) runs after this filter.
        window.installEventFilter(self)

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
        if form.item is None:
            self.window.statusBar().showMessage(self.tr("Pick a service item first."), 5000)
            return False
        self.screen.show_draft(summary_from_form(form))
        if not self.screen.isVisible():
            self.screen.place(self.window)
        self._set_state("waiting")
        return True

    def may_accept(self) -> bool:
        """False (and the clerk is told) when confirmation is required and not given."""
        if not self.require_confirmation or self.state == "confirmed":
            return True
        self.window.statusBar().showMessage(
            self.tr("The applicant has not confirmed the case yet (F9 asks)."), 8000
        )
        return False

    def _case_accepted(self, taken: Any) -> None:
        self._set_state("none")
        self.ask_rating(str(taken.case_no))

    def ask_rating(self, case_no: str) -> None:
        """Ask the applicant to rate ``case_no`` (after acceptance, or when a case is done)."""
        self.screen.ask_rating(case_no)
        if not self.screen.isVisible():
            self.screen.place(self.window)

    def rating_asker(self, case_no: str) -> Callable[[], None]:
        return lambda: self.ask_rating(case_no)

    def save_rating(self, case_no: str, score: int, comment: str) -> None:
        """Write the rating locally with its outbox row (on the writer); then wake the sync."""
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
