"""The calling bar at the window (叫号条, issue 18): a dock of the desk with the ticket at
the counter and the window's calls, keyboard first.

Keys (the Queue menu, listed in Help ▸ Keyboard shortcuts): F6 calls the next ticket,
Shift+F6 calls it again, F3 goes to the number field (type ``A812``, Enter calls that
ticket, e.g. one a kiosk printed while cut off), Ctrl+F6 transfers the ticket to another
category or window (it keeps its place), Shift+F7 marks it a no-show (过号), F7 finishes
the visit, Ctrl+F7 pauses the service with a reason (暂停服务) or resumes it.

The intake accepted while a ticket is served is linked to it (its case number goes in the
finish's ``case_nos``), and the applicant's rating that the desk asks after an acceptance
waits: Finish opens the visit's one rating on the applicant screen (一次一评), for the
ticket and every case taken in, or for the ticket alone. A refusal is a plain message in
the bar (a mistyped number, a category the window does not serve, a closed window ...).
The window's own screen (窗口屏, setting ``queue.window_screen``) follows the bar.

Each step with the ticket (recall, no-show, transfer, finish) carries an Idempotency-Key
kept until the step is answered: pressed again after a lost answer, it is applied once.
At start the bar goes on with the ticket at the window and its pause as the service has
them (a desk restarted during a visit).

``install_calling_bar(window)`` adds it when the setting ``queue.calling_bar`` is on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from clerk_app.app import queue_window as qw
from clerk_app.core.errors import UserError
from clerk_app.gui import shortcuts
from clerk_app.gui.calling_dialogs import PauseDialog, TransferDialog
from clerk_app.gui.errors import error_message
from clerk_app.gui.hub import case_hub
from clerk_app.gui.ops import Op

log = logging.getLogger("clerk.gui")

# The Queue menu's keys, by action name.
KEYS = {
    "next": ("F6",),
    "recall": ("Shift+F6",),
    "number": ("F3",),
    "transfer": ("Ctrl+F6",),
    "no_show": ("Shift+F7",),
    "finish": ("F7",),
    "pause": ("Ctrl+F7",),
}
ERROR_COLOUR = "#b3261e"
OK_COLOUR = "#1b6e20"


class CallingBar(QDockWidget):
    """The window's calling bar.

    Args:
        window: the desk's ``MainWindow`` (``context``, ``session``, ``writer``,
            ``case_accepted``, ``applicant``).

    Signals:
        state_changed(object): the window's :class:`~clerk_app.core.queue_calls.WindowState`.
        message_shown(str): a message was put in the bar.
        rating_saved(str): the visit's rating was queued (its id).
        restored(): the window's ticket and pause were read from the service (at start).
    """

    state_changed = Signal(object)
    message_shown = Signal(str)
    rating_saved = Signal(str)
    restored = Signal()

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("callingBar")
        self.window_ = window
        self.context = window.context
        self.session = window.session
        self.visit = qw.Visit()
        self.busy = False
        #: The Idempotency-Key of each step not yet answered, by (action, ticket, body):
        #: the step pressed again after a lost answer is sent with the same key.
        self.step_keys: dict[tuple[str, ...], str] = {}
        self._restoring = False
        self.message = ""
        self.window_screen: Any = None
        self.last_dialog: QDialog | None = None
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self._build()
        self._build_menu()
        window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, self)
        window.case_accepted.connect(self._case_accepted)
        self.retranslate()
        self.render()

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        body = QWidget(self)
        body.setObjectName("callingBarBody")
        self.ticket_label = QLabel(body)
        self.ticket_label.setObjectName("callingTicket")
        font = QFont(self.ticket_label.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.ticket_label.setFont(font)
        self.ticket_label.setMinimumWidth(110)
        self.ticket_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.info_label = QLabel(body)
        self.info_label.setObjectName("callingInfo")
        self.message_label = QLabel(body)
        self.message_label.setObjectName("callingMessage")
        # Long texts are cut at the bar's edge (the status bar shows them whole).
        for label in (self.info_label, self.message_label):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        info = QVBoxLayout()
        info.addWidget(self.info_label)
        info.addWidget(self.message_label)

        def button(name: str, slot: Callable[[], Any]) -> QPushButton:
            b = QPushButton(body)
            b.setObjectName(name)
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            b.clicked.connect(slot)
            return b

        self.next_button = button("callNextButton", self.call_next)
        self.recall_button = button("recallButton", self.recall)
        self.number_edit = QLineEdit(body)
        self.number_edit.setObjectName("callNumberEdit")
        self.number_edit.setMaxLength(12)
        self.number_edit.setMaximumWidth(90)
        self.number_edit.returnPressed.connect(self.call_typed)
        self.number_button = button("callNumberButton", self.call_typed)
        self.transfer_button = button("transferButton", self.transfer)
        self.no_show_button = button("noShowButton", self.no_show)
        self.finish_button = button("finishVisitButton", self.finish)
        self.pause_button = button("pauseButton", self.toggle_pause)
        row = QHBoxLayout(body)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self.ticket_label)
        row.addLayout(info, 1)
        for widget in (
            self.next_button,
            self.recall_button,
            self.number_edit,
            self.number_button,
            self.transfer_button,
            self.no_show_button,
            self.finish_button,
            self.pause_button,
        ):
            row.addWidget(widget)
        self.setWidget(body)

    def _build_menu(self) -> None:
        window = self.window_
        bar = window.menuBar()
        self.menu = QMenu(bar)
        self.menu.setObjectName("queueMenu")
        help_menu = getattr(window, "help_menu", None)
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), self.menu)
        else:
            bar.addMenu(self.menu)
        self.actions_: dict[str, QAction] = {}
        slots = {
            "next": self.call_next,
            "recall": self.recall,
            "number": self.focus_number,
            "transfer": self.transfer,
            "no_show": self.no_show,
            "finish": self.finish,
            "pause": self.toggle_pause,
        }
        for name, slot in slots.items():
            self.actions_[name] = shortcuts.menu_action(
                window, self.menu, f"queue_{name}Action", slot, *KEYS[name]
            )
            if name in ("number", "transfer", "finish"):
                self.menu.addSeparator()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Calling"))
        self.menu.setTitle(self.tr("&Queue"))
        a = self.actions_
        a["next"].setText(self.tr("Call &next"))
        a["recall"].setText(self.tr("&Recall"))
        a["number"].setText(self.tr("Call a ticket by &number…"))
        a["transfer"].setText(self.tr("&Transfer…"))
        a["no_show"].setText(self.tr("No-&show"))
        a["finish"].setText(self.tr("&Finish the visit"))
        a["pause"].setText(
            self.tr("Resume the &service") if self.visit.paused else self.tr("&Pause the service…")
        )
        for action in a.values():
            shortcuts.describe(action, self.menu)
        texts = {
            self.next_button: (self.tr("Next"), "next"),
            self.recall_button: (self.tr("Recall"), "recall"),
            self.number_button: (self.tr("Call"), "number"),
            self.transfer_button: (self.tr("Transfer"), "transfer"),
            self.no_show_button: (self.tr("No-show"), "no_show"),
            self.finish_button: (self.tr("Finish"), "finish"),
            self.pause_button: (
                self.tr("Resume") if self.visit.paused else self.tr("Pause"),
                "pause",
            ),
        }
        for widget, (text, name) in texts.items():
            keys = shortcuts.shortcut_text(a[name])
            widget.setText(f"{text} ({keys})")
            widget.setToolTip(a[name].toolTip())
            widget.setAccessibleName(text)
        self.number_edit.setPlaceholderText(self.tr("e.g. A012"))
        self.number_edit.setAccessibleName(self.tr("Ticket number to call"))
        self.number_edit.setToolTip(self.tr("Type a ticket number and press Enter (F3)"))
        self.ticket_label.setAccessibleName(self.tr("Ticket at the window"))
        self.render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing -------------------------------------------------------------------------

    def render(self) -> None:
        visit = self.visit
        self.ticket_label.setText(visit.number or "—")
        if visit.paused:
            info = self.tr("Service paused: %1").replace("%1", visit.pause_reason or "—")
        elif visit.number:
            ticket = visit.ticket
            info = self.tr("Serving %1").replace("%1", visit.number)
            if ticket is not None and ticket.category_name:
                info += f" · {ticket.category_name}"
            if ticket is not None and ticket.recalls:
                info += " · " + self.tr("called %n more time(s)", "", ticket.recalls)
            if visit.case_nos:
                info += " · " + self.tr("cases: %1").replace("%1", ", ".join(visit.case_nos))
        else:
            info = self.tr("No ticket at the window. Press F6 to call the next.")
        self.info_label.setText(info)
        serving = bool(visit.number)
        for name in ("recall", "transfer", "no_show", "finish"):
            self.actions_[name].setEnabled(serving and not self.busy)
        for name in ("next", "number"):
            self.actions_[name].setEnabled(not serving and not visit.paused and not self.busy)
        self.actions_["pause"].setEnabled(not self.busy)
        for widget, name in (
            (self.next_button, "next"),
            (self.recall_button, "recall"),
            (self.number_button, "number"),
            (self.transfer_button, "transfer"),
            (self.no_show_button, "no_show"),
            (self.finish_button, "finish"),
            (self.pause_button, "pause"),
        ):
            widget.setEnabled(self.actions_[name].isEnabled())
        self.number_edit.setEnabled(self.actions_["number"].isEnabled())
        state = qw.window_state(self.context, self.session, visit)
        if self.window_screen is not None:
            self.window_screen.show_state(state)
        self.state_changed.emit(state)

    def say(self, text: str, *, problem: bool = False) -> None:
        """Put a plain message in the bar (and the status bar)."""
        self.message = text
        self.message_label.setText(text)
        colour = ERROR_COLOUR if problem else OK_COLOUR
        self.message_label.setStyleSheet(f"color: {colour};")
        self.window_.statusBar().showMessage(text, 10000)
        self.message_shown.emit(text)

    def refusal_text(self, exc: Exception) -> str:
        """The words for a refusal (a :class:`~clerk_app.app.queue_window.QueueRefused`)."""
        if not isinstance(exc, qw.QueueRefused):
            return error_message(exc)
        n = exc.number
        texts = {
            "wrong-number": self.tr(
                "“%1” is not a ticket number: type a letter and up to three digits, e.g. A012."
            ),
            "none-waiting": self.tr("Nobody is waiting for this window's categories."),
            "still-serving": self.tr(
                "Ticket %1 is still at the window: finish it (F7) or mark it a no-show "
                "(Shift+F7) first."
            ),
            "window-paused": self.tr("The service is paused: resume it first (Ctrl+F7)."),
            "no-categories": self.tr(
                "This window serves no queue category yet; the shift lead sets them."
            ),
            "not-served": self.tr(
                "Ticket %1 is of a category this window does not serve (or was sent to "
                "another window)."
            ),
            "not-waiting": self.tr("Ticket %1 is not waiting: it was called or served already."),
            "not-found": self.tr("There is no ticket %1 today."),
            "not-at-window": self.tr("Ticket %1 is not at this window now."),
            "window-closed": self.tr(
                "That window is closed (paused, or it serves no category): choose another."
            ),
            "already-paused": self.tr("The service was paused already."),
            "not-paused": self.tr("The service was not paused."),
            "wrong-window": self.tr("You are signed in for another window."),
            "no-token": self.tr("Calling needs the records service: sign in again online."),
        }
        text = texts.get(exc.reason)
        if text is None:
            return exc.detail or error_message(exc)
        return text.replace("%1", n or "—")

    # -- doing ---------------------------------------------------------------------------

    def restore(self) -> None:
        """Go on with the ticket at the window and its pause as the service has them (the
        desk restarted during a visit). Quiet when the service cannot say; a step the clerk
        starts meanwhile wins."""
        ctx, session = self.context, self.session
        self._restoring = True

        def restored(now: qw.WindowNow | None) -> None:
            if self._restoring and now is not None:
                self.visit.restore(now)
                self.retranslate()
                if now.serving is not None:
                    self.say(
                        self.tr("Ticket %1 is at the window: going on with it.").replace(
                            "%1", now.serving.number
                        )
                    )
            self._restoring = False
            self.restored.emit()

        def failed(exc: Exception) -> None:
            self._restoring = False
            log.info("calling bar: the window's ticket not read at start: %s", exc)
            self.restored.emit()

        Op(self, lambda: qw.window_now(ctx, session)).success(restored).failure(failed).run()

    def _step_key(self, *step: str) -> str:
        """The key of ``step`` (a new one unless it is still waiting for its answer)."""
        return self.step_keys.setdefault(tuple(step), qw.new_step_key())

    def _run(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        step: tuple[str, ...] = (),
    ) -> None:
        if self.busy:
            return
        self.busy = True
        self._restoring = False
        self.render()

        def succeeded(result: Any) -> None:
            self.busy = False
            if step:
                self.step_keys.clear()  # answered: the next press is a new step
            done(result)
            self.render()

        def failed(exc: Exception) -> None:
            if not qw.may_resend(exc):
                self.step_keys.pop(step, None)  # answered (refused): a new step next time
            self._failed(exc)

        Op(self, work).success(succeeded).failure(failed).run()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        if isinstance(exc, qw.QueueRefused):
            if exc.reason == "still-serving" and exc.number:
                self.visit.adopt(exc.number)
            elif exc.reason in ("window-paused", "already-paused"):
                self.visit.paused = True
                self.retranslate()
            elif exc.reason == "not-paused":
                self.visit.paused = False
                self.retranslate()
            elif exc.reason == "not-at-window" and exc.number == self.visit.number:
                self.visit.end()  # another desk of this window finished it
        elif not isinstance(exc, UserError):
            log.error("calling bar: %s", exc, exc_info=exc)
        self.say(self.refusal_text(exc), problem=True)
        self.render()

    def _served(self, ticket: qw.WindowTicket) -> None:
        self.step_keys.clear()  # a new ticket: the last one's steps are over
        self.visit.serve(ticket)
        self.say(self.tr("Calling %1.").replace("%1", ticket.number))

    def call_next(self) -> None:
        """F6: call the window's next ticket."""
        if self._blocked_by_visit():
            return
        ctx, session = self.context, self.session
        self._run(lambda: qw.call_next(ctx, session), self._served)

    def focus_number(self) -> None:
        """F3: the number field, to type a ticket's number."""
        if self._blocked_by_visit():
            return
        self.number_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.number_edit.selectAll()

    def call_typed(self) -> None:
        """Enter in the number field: call that ticket (a mistyped one is said at once)."""
        if self._blocked_by_visit():
            return
        try:
            number = qw.typed_number(self.number_edit.text())
        except qw.QueueRefused as exc:
            self.say(self.refusal_text(exc), problem=True)
            self.number_edit.selectAll()
            return
        ctx, session = self.context, self.session

        def called(ticket: qw.WindowTicket) -> None:
            self.number_edit.clear()
            self._served(ticket)

        self._run(lambda: qw.call_next(ctx, session, number), called)

    def _blocked_by_visit(self) -> bool:
        if self.visit.paused:
            self.say(self.refusal_text(qw.QueueRefused("window-paused")), problem=True)
            return True
        if self.visit.number:
            refused = qw.QueueRefused("still-serving", self.visit.number)
            self.say(self.refusal_text(refused), problem=True)
            return True
        return False

    def _current(self) -> str:
        if not self.visit.number:
            self.say(self.tr("No ticket at the window."), problem=True)
        return self.visit.number

    def recall(self) -> None:
        """Shift+F6: call the ticket again (the hall screen says it again)."""
        number = self._current()
        if not number:
            return
        ctx, session = self.context, self.session

        def recalled(ticket: qw.WindowTicket) -> None:
            self.visit.serve(ticket)
            self.say(self.tr("Calling %1 again.").replace("%1", number))

        step = ("recall", number)
        key = self._step_key(*step)
        self._run(lambda: qw.recall(ctx, session, number, key=key), recalled, step)

    def no_show(self) -> None:
        """Shift+F7: the applicant did not come (过号)."""
        number = self._current()
        if not number:
            return
        ctx, session = self.context, self.session

        def gone(_ticket: Any) -> None:
            self.visit.end()
            self.say(self.tr("%1 marked as not come.").replace("%1", number))

        step = ("no-show", number)
        key = self._step_key(*step)
        self._run(lambda: qw.no_show(ctx, session, number, key=key), gone, step)

    def transfer(self) -> None:
        """Ctrl+F6: transfer the ticket to a category or window (the categories first)."""
        number = self._current()
        if not number:
            return
        ctx, session = self.context, self.session
        self._run(
            lambda: qw.categories(ctx, session), lambda cats: self._ask_transfer(number, cats)
        )

    def _ask_transfer(self, number: str, categories: list[Any]) -> None:
        dialog = TransferDialog(number, categories, self.window_)
        self._opened(dialog)
        dialog.accepted.connect(lambda: self._transfer_to(number, *dialog.target()))
        dialog.open()

    def _opened(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.finished.connect(self._dialog_closed)

    def _dialog_closed(self, _result: int) -> None:
        self.last_dialog = None

    def transfer_to(self, category: str | None = None, window: str | None = None) -> None:
        """Transfer the ticket at the window to ``category`` or ``window`` (no dialog)."""
        number = self._current()
        if number:
            self._transfer_to(number, category, window)

    def _transfer_to(self, number: str, category: str | None, window: str | None) -> None:
        ctx, session = self.context, self.session

        def moved(ticket: qw.WindowTicket) -> None:
            self.visit.end()
            self.say(
                self.tr("%1 transferred: it waits as %2, keeping its place.")
                .replace("%1", number)
                .replace("%2", ticket.number)
            )

        step = ("transfer", number, category or "", window or "")
        key = self._step_key(*step)
        self._run(
            lambda: qw.transfer(ctx, session, number, category=category, window=window, key=key),
            moved,
            step,
        )

    def finish(self) -> None:
        """F7: the visit is over; the applicant rates it once on the applicant screen."""
        number = self._current()
        if not number:
            return
        ctx, session = self.context, self.session
        case_nos = list(self.visit.case_nos)

        def finished(_ticket: Any) -> None:
            self.visit.end()
            self.say(self.tr("Visit %1 finished.").replace("%1", number))
            self._ask_rating(number, case_nos)

        step = ("finish", number, *case_nos)
        key = self._step_key(*step)
        self._run(lambda: qw.finish(ctx, session, number, case_nos, key=key), finished, step)

    def toggle_pause(self) -> None:
        """Ctrl+F7: pause the service with a reason, or resume it."""
        if self.visit.paused:
            ctx, session = self.context, self.session
            self._run(lambda: qw.resume(ctx, session), self._resumed)
            return
        dialog = PauseDialog(self.window_)
        self._opened(dialog)
        dialog.accepted.connect(lambda: self.pause(dialog.reason()))
        dialog.open()

    def pause(self, reason: str) -> None:
        """Pause the service with ``reason`` (the dialog's, or given)."""
        ctx, session = self.context, self.session
        self._run(lambda: qw.pause(ctx, session, reason), self._paused)

    def _paused(self, reason: str) -> None:
        self.visit.paused, self.visit.pause_reason = True, reason
        self.retranslate()
        self.say(self.tr("Service paused: %1").replace("%1", reason))

    def _resumed(self, _result: Any) -> None:
        self.visit.paused, self.visit.pause_reason = False, ""
        self.retranslate()
        self.say(self.tr("Service resumed."))

    # -- the visit's cases and its rating -------------------------------------------------

    def holds_rating(self) -> bool:
        """Whether a ticket is served: the rating after an acceptance waits for Finish."""
        return bool(self.visit.number)

    def _case_accepted(self, taken: Any) -> None:
        if self.visit.add_case(str(taken.case_no)):
            self.say(
                self.tr("Case %1 is part of visit %2; the applicant rates the visit at Finish.")
                .replace("%1", str(taken.case_no))
                .replace("%2", self.visit.number)
            )
            self.render()

    def joint_taken(self, taken: Any) -> None:
        """A joint intake accepted during the visit: each of its parts is served in it."""
        numbers = [str(part.case_no) for part in taken.joint.parts]
        if numbers and all(self.visit.add_case(n) for n in numbers):
            self.say(
                self.tr("Case %1 is part of visit %2; the applicant rates the visit at Finish.")
                .replace("%1", str(taken.joint_no))
                .replace("%2", self.visit.number)
            )
            self.render()

    def _ask_rating(self, number: str, case_nos: list[str]) -> None:
        applicant = getattr(self.window_, "applicant", None)
        if applicant is None or not hasattr(applicant, "ask_visit_rating"):
            return
        applicant.ask_visit_rating(
            number,
            case_nos,
            lambda score, comment: self.save_rating(number, case_nos, score, comment),
        )

    def save_rating(self, number: str, case_nos: list[str], score: int, comment: str) -> None:
        """Queue the visit's one rating (on the writer); then wake the sync."""
        ctx, session = self.context, self.session

        def work() -> str:
            return qw.rate_visit(
                ctx, session, ticket=number, case_nos=case_nos, score=score, comment=comment
            )

        def saved(rating_id: str) -> None:
            self.say(self.tr("The applicant's rating of visit %1 is saved.").replace("%1", number))
            case_hub().written.emit(case_nos[0] if case_nos else "")
            self.rating_saved.emit(rating_id)

        def failed(exc: Exception) -> None:
            log.error("visit rating not saved: %s", exc)
            self.say(
                self.tr("The rating could not be saved: %1").replace("%1", error_message(exc)),
                problem=True,
            )

        self.window_.writer.submit(work, self.window_).success(saved).failure(failed)

    # -- the window's own screen -----------------------------------------------------------

    def open_window_screen(self) -> Any:
        """The window's own screen (窗口屏) fed by this bar; on a third monitor when there
        is one, else as a window."""
        from PySide6.QtGui import QGuiApplication

        from clerk_app.gui.hall.window_screen import WindowScreen

        if self.window_screen is None:
            state = qw.window_state(self.context, self.session, self.visit)
            self.window_screen = WindowScreen(state)
            self.window_screen.setObjectName("deskWindowScreen")
        screens = QGuiApplication.screens()
        if len(screens) >= 3:
            self.window_screen.setScreen(screens[-1])
            self.window_screen.setGeometry(screens[-1].geometry())
            self.window_screen.showFullScreen()
        else:
            self.window_screen.show()
        return self.window_screen

    def close_window_screen(self) -> None:
        if self.window_screen is not None:
            self.window_screen.close()
            self.window_screen.deleteLater()
            self.window_screen = None


def install_calling_bar(window: Any) -> CallingBar | None:
    """The window's calling bar when the setting ``queue.calling_bar`` is on, else None
    (with ``queue.window_screen`` on, the window's own screen opens with it)."""
    settings = window.context.settings
    if not bool(settings["queue.calling_bar"]):
        return None
    bar = CallingBar(window)
    if bool(settings["queue.window_screen"]):
        bar.open_window_screen()
    bar.restore()
    return bar
