"""The GUI entry point: ``run_app(context)`` — sign in, then the desk.

The desk locks itself after the provisioned idle minutes (``gui.idle_lock``); File ▸ Sign
out ends the session at the service, forgets its token and asks for a sign-in again;
quitting signs out too.

``clerk_app/__main__.py`` builds the ``AppContext`` and calls :func:`run_app`. In smoke mode
(``smoke_user``/``smoke_password``) nothing waits for input: the app signs in, waits until
the catalog is shown, and quits with 0 (or 1, printing the error).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from clerk_app.gui.i18n import install_translations
from clerk_app.gui.login import LoginDialog
from clerk_app.gui.startup_window import fill_in_behind, when_on_screen

if TYPE_CHECKING:  # imported when the clerk has signed in: the sign-in window comes sooner
    from clerk_app.gui import services
    from clerk_app.gui.gc_guard import GarbageCollector
    from clerk_app.gui.idle_lock import IdleLock
    from clerk_app.gui.main_window import MainWindow
    from clerk_app.gui.ops import DbWriter
    from clerk_app.gui.sync_worker import SyncWorker

log = logging.getLogger("clerk.gui")

# How long quitting waits for the sign-out at the service (its token is forgotten here
# first; an unanswered request is left behind, never waited for).
QUIT_SIGN_OUT_SECONDS = 2.0


class Desk:
    """Everything one run of the GUI holds: the writer, the windows, the sync worker.

    Args:
        context: the ``AppContext``.
        hooks: the functions the GUI calls into the rest of the app (see ``services``).
    """

    def __init__(self, context: Any, hooks: services.Hooks | None = None) -> None:
        self.context = context
        # The hooks (a dataclass) and the writer (gui.ops, concurrent.futures) are made at
        # their first use, after the sign-in window is shown (issue 21).
        self._hooks = hooks
        self._writer: DbWriter | None = None
        self.login: LoginDialog | None = None
        self.window: MainWindow | None = None
        self.sync: SyncWorker | None = None
        self.session: Any = None
        self.catalog: Any = None
        self.error: str | None = None
        self.hall: Any = None
        self.cashier: Any = None  # a settlement window's cashier screen (issue 17)
        self.dashboard: Any = None  # the shift lead's dashboard (roles lead, admin)
        self.lock: IdleLock | None = None
        # Collects cyclic garbage on the GUI thread (made once the sign-in window is shown).
        self.collector: GarbageCollector | None = None
        # What the first intake needs, loading after the store opened (``open_store``).
        self.warming: threading.Thread | None = None
        # Sign-outs that reached the service or not (tests wait for them).
        self.signed_out = 0
        # The longest quitting waits for the sign-out (seconds).
        self.quit_sign_out_seconds = QUIT_SIGN_OUT_SECONDS

    @property
    def hooks(self) -> services.Hooks:
        """The functions the GUI calls into the rest of the app (``services.default_hooks``
        unless given)."""
        if self._hooks is None:
            from clerk_app.gui import services

            self._hooks = services.default_hooks()
        return self._hooks

    @property
    def writer(self) -> DbWriter:
        """The desk's database writer (made at its first use, on the GUI thread)."""
        if self._writer is None:
            from clerk_app.gui.ops import DbWriter

            self._writer = DbWriter()
        return self._writer

    def open_enrolled_hall(self) -> Any:
        """A hall-screen PC (enrolled with a display credential): the hall's big screen,
        full screen and running, with no one signing in; None on any other PC."""
        from clerk_app.app.enrolment import display_credential

        credential = display_credential(self.context)
        if credential is None:
            return None
        from clerk_app.gui.hall import open_enrolled_hall_screen

        log.info("hall screen: starting on this PC's display credential")
        self.hall = open_enrolled_hall_screen(self.context, credential)
        return self.hall

    def make_login(self) -> LoginDialog:
        """The sign-in window; without a context yet (``run_app``'s ``provide``) it shows
        the provisioning's facts once :meth:`provisioned` is called."""
        if self.login is not None and shiboken6.isValid(self.login):
            # Deleted here, on the GUI thread: the last reference to an old dialog may
            # otherwise go with a finished background task on a pool thread.
            self.login.deleteLater()
        self.login = LoginDialog(
            lambda user, password: self.hooks.sign_in(self.context, user, password),
            **self._facts(),
        )
        self.login.signed_in.connect(self.open_desk)
        opened = self.context is not None and getattr(self.context, "opened", True)
        if opened:  # else said when it is (context_opened)
            self.context_opened()
        return self.login

    def _facts(self) -> dict[str, Any]:
        """What the sign-in window shows of the provisioning (no window code: not read)."""
        if self.context is None:
            return {"window_code": None}
        prov = self.context.provisioning
        return {
            "center_name": prov.center_name,
            "window_code": prov.window_code,
            "window_name": prov.window_name,
            "server": prov.service_url,
            "context": self.context,  # a password set by someone else is changed first
        }

    def provisioned(self, context: Any) -> None:
        """The window's provisioning is read (``context``, made after the sign-in window
        was shown): the window says which center, window and service it is, and signing
        in can go on."""
        self.context = context
        if self.login is not None and shiboken6.isValid(self.login):
            self.login.show_provisioning(**self._facts())
            if getattr(context, "opened", True):  # else said when it is (context_opened)
                self.context_opened()

    def open_store(self, *, show: bool, warm_up: bool = True) -> int:
        """Open the store behind the shown sign-in window (``AppContext.open``); 0, or the
        exit code after saying why it cannot be opened (a window when ``show``, stderr and
        the log). With ``warm_up``, what the first intake needs (the calendar, the ID
        checks' tables) then loads on a worker thread while the clerk types."""
        from clerk_app.app.context import StartupError

        if getattr(self.context, "opened", True):  # opened before (or a test's stand-in)
            return 0
        try:
            self.context.open()
        except StartupError as exc:
            from clerk_app.gui.startup_error import cannot_open, report_startup_problem

            if self.login is not None:
                self.login.hide()
            return report_startup_problem(cannot_open(str(exc), exc.__cause__), show=show)
        self.context_opened()
        if warm_up:
            from clerk_app.app.context import warm_up as load_ahead

            # Not a daemon: quitting waits for it rather than cutting an import in half.
            self.warming = threading.Thread(target=load_ahead, args=(self.context,), name="warm-up")
            self.warming.start()
        return 0

    def open_behind_sign_in(self) -> int | None:
        """Once the sign-in window is on the screen: open the store; on a hall PC (a display
        credential) its board then takes the sign-in window's place.

        Returns:
            0 when the sign-in goes on; None when the board replaced it; else the exit code
            (the store cannot be opened: said in a window). The sign-in window is closed
            (rejected) in the last two cases.
        """
        code = self.open_store(show=True)
        if code == 0 and self.open_enrolled_hall() is None:
            return 0
        if self.login is not None:
            self.login.reject()
        return code or None

    def context_opened(self) -> None:
        """The store is open: the sign-in window says if the database was set aside."""
        damaged = self.context.damaged_database
        if damaged is not None and self.login is not None and shiboken6.isValid(self.login):
            self.login.show_damaged_database(str(damaged))

    def open_desk(self, session: Any) -> Any:
        """After sign-in: the main window, the catalog (in the background), the sync worker;
        for a hall-screen account (role display) the hall's big screen instead."""
        from clerk_app.gui.hall import is_hall_account, open_hall_screen
        from clerk_app.gui.main_window import MainWindow

        if is_hall_account(session):
            self.session = session
            self.hall = open_hall_screen(self.context, session)
            return self.hall
        from clerk_app.gui.cashier import is_cashier, open_cashier_screen

        if is_cashier(session):  # a settlement window's cashier (issue 17)
            self.session = session
            worker = self._start_sync(session)  # sends the paper payments off the GUI thread
            self.cashier = open_cashier_screen(self.context, session, worker=worker)
            self._start_idle_lock(session)  # money and payers' names: locked like a desk
            return self.cashier
        from clerk_app.gui.finance import is_finance, open_finance_screen

        if is_finance(session):  # the settlement center's finance (issue 17), in that slot
            self.session = session
            self.cashier = open_finance_screen(self.context, session)
            self._start_idle_lock(session)
            return self.cashier
        from clerk_app.gui.supervision import is_supervisor, open_supervision_screen

        if is_supervisor(session):  # the supervisor's complaints and bulletins (issue 19)
            self.session = session
            self.cashier = open_supervision_screen(self.context, session)
            self._start_idle_lock(session)  # complainants' names and contacts: locked too
            return self.cashier
        from clerk_app.app.sync import desk_sync_wanted
        from clerk_app.gui import dashboard  # a lead or an admin gets the dashboard

        if dashboard.may_open(session.roles):
            self.session = session
            self.dashboard = dashboard.open_dashboard(self.context, session)
            # At a window PC the desk's outbox goes on its device token whoever signs in.
            if self.dashboard is not None and desk_sync_wanted(self.context):
                worker = self._start_sync(session)
                if worker is not None:
                    self.dashboard.attach_sync(worker, self.writer)
            return self.dashboard
        self.session = session
        self.window = MainWindow(
            self.context,
            session,
            calendar=self.hooks.calendar(self.context),
            take_in=self.hooks.take_in,
            writer=self.writer,
        )
        worker = self._start_sync(session)
        if worker is not None:
            self.window.attach_sync(worker)
        self.window.reload_catalog_requested.connect(self.load_catalog)
        self.window.lock_requested.connect(self.lock_now)
        self.window.sign_out_requested.connect(self.sign_out)
        self.window.show()
        self._start_idle_lock(session)
        self.load_catalog()
        return self.window

    def _start_sync(self, session: Any) -> SyncWorker | None:
        """The sync worker of this desk (its engine sends on the desk's device token, or
        on the signed-in clerk's while the desk holds none), started; None without one."""
        from clerk_app.gui.sync_worker import SyncWorker

        engine = self.hooks.sync_engine(self.context, session)
        if engine is None:
            return None
        interval_ms = int(self.context.settings["sync.interval_seconds"]) * 1000
        self.sync = SyncWorker(engine, self.context.clock, idle_ms=interval_ms)
        self.sync.start()
        return self.sync

    # -- idle lock and sign-out -------------------------------------------------------------

    def _start_idle_lock(self, session: Any) -> None:
        from clerk_app.gui.idle_lock import IdleLock  # its event table: after the sign-in

        minutes = self.context.provisioning.idle_lock_minutes
        self.lock = IdleLock(
            self.context.clock,
            minutes,
            clerk=session.display_name or session.username,
            unlock=lambda password: self.hooks.unlock(self.context, session, password),
            sign_out=self.sign_out,
        )

    def lock_now(self) -> None:
        """File ▸ Lock the desk (Ctrl+L)."""
        if self.lock is not None:
            self.lock.lock()

    def sign_out(self) -> None:
        """File ▸ Sign out: close the desk, end the session at the service and forget its
        token (in the background; offline it is only forgotten), then ask for a sign-in."""
        session = self.session
        if session is None:
            return
        login = self.make_login()
        login.rejected.connect(QCoreApplication.quit)  # no one signs in: the app ends
        login.show()  # first, so closing the desk does not end the application
        self._close_session_windows()
        log.info("sign-out of %s", session.username)
        from clerk_app.gui.ops import Op

        Op(login, lambda: self.hooks.sign_out(self.context, session)).success(
            self._signed_out
        ).failure(self._sign_out_failed).run()

    def _signed_out(self, _result: object) -> None:
        self.signed_out += 1

    def _sign_out_failed(self, exc: Exception) -> None:
        log.warning("sign-out: %s", exc)
        self.signed_out += 1

    def _close_session_windows(self) -> None:
        if self.lock is not None:
            self.lock.stop()
            self.lock.deleteLater()
            self.lock = None
        if self.sync is not None:
            self.sync.stop()
            self.sync = None
        for window in (self.window, self.dashboard, self.cashier):
            if window is not None:
                window.close()
                window.deleteLater()
        self.window = self.dashboard = self.cashier = None
        self.session = None

    def load_catalog(self) -> None:
        """Load the catalog in the background (its search keys, pinyin included, are made
        there too); F5 in the main window asks again."""
        if self.window is None:
            return
        session = self.session
        self.window.statusBar().showMessage(
            QCoreApplication.translate("Desk", "Loading the catalog…")
        )
        from clerk_app.gui.ops import Op

        Op(self.window, lambda: self.hooks.load_catalog(self.context, session)).success(
            self._catalog_loaded
        ).failure(self._catalog_failed).run()

    def _catalog_loaded(self, catalog: Any) -> None:
        self.catalog = catalog
        self.error = None
        if self.window is not None:
            self.window.statusBar().clearMessage()
            had_item = self.window.current_item is not None
            self.window.set_catalog(catalog)
            if not had_item:
                self.window.focus_search()

    def _catalog_failed(self, exc: Exception) -> None:
        """No catalog (no cached copy and no link, or a bad answer): the status bar and the
        catalog pane say so — never a dialog, the clerk may be in the middle of an intake."""
        from clerk_app.gui.errors import error_message

        log.warning("catalog not loaded: %s", exc)
        self.error = error_message(exc)
        if self.window is not None:
            text = QCoreApplication.translate(
                "Desk", "The catalog could not be loaded: %1 Press F5 to try again."
            ).replace("%1", self.error)
            self.window.catalog_unavailable(text)

    def shutdown(self) -> None:
        """Quitting: stop the workers, sign out (the service ends the token), let the writer
        finish."""
        if self.hall is not None:
            self.hall.stop()
        if self.lock is not None:
            self.lock.stop()
        if self.sync is not None:
            self.sync.stop()
        session, self.session = self.session, None
        if session is not None:
            self._sign_out_at_quit(session)
        if self._writer is not None:
            self._writer.wait_idle(10_000)

    def _sign_out_at_quit(self, session: Any) -> bool:
        """Sign out while quitting, waiting at most ``quit_sign_out_seconds``: the token is
        forgotten here at once (``app.session.sign_out``), and a service that does not
        answer must not keep the desk from closing (the sign-out's own request gives up
        soon after). Returns whether it finished in time."""

        def run() -> None:
            try:
                self.hooks.sign_out(self.context, session)
            except Exception as exc:  # quitting goes on whatever the service says
                log.warning("sign-out at quit: %s", exc)

        thread = threading.Thread(target=run, name="sign-out-at-quit", daemon=True)
        thread.start()
        thread.join(self.quit_sign_out_seconds)
        if thread.is_alive():
            log.warning(
                "sign-out at quit: no answer within %.1f s; quitting anyway",
                self.quit_sign_out_seconds,
            )
            return False
        return True


def run_app(
    context: Any = None,
    *,
    smoke_user: str | None = None,
    smoke_password: str | None = None,
    hooks: services.Hooks | None = None,
    smoke_start: bool = False,
    after_shown: Sequence[Callable[[], None]] = (),
    provide: Callable[[Callable[[], None]], Any] | None = None,
    language: str | None = None,
) -> int:
    """Run the window client until the clerk quits; return the exit code.

    Args:
        context: the ``AppContext`` (or ``provide``).
        provide: instead of ``context`` (``clerk-app``, issue 21): called once the sign-in
            window is shown, to read the provisioning and make the ``AppContext`` (from
            ``start_context``); it returns it, or an exit code when the start ends there
            (a broken provisioning file, a cancelled first-run wizard: said by ``provide``,
            which first hides the sign-in window with the function it is given).
        language: the sign-in window's language until ``provide`` has read the
            provisioning (the settings' override, or None: the default); when the
            provisioning then chooses another, the window says it all again in that one.
        smoke_user, smoke_password: sign in with these without showing dialogs that wait
            for input, wait for the catalog, then quit (0 on success, 1 with the error).
        hooks: replace the functions the GUI calls (tests).
        smoke_start: show the sign-in window, let it paint, and return 0 (``--smoke-start``:
            the start-up bench and the import guard measure the start to this point).
        after_shown: called once the sign-in window is on the screen, before the store
            opens (``clerk-app``: the note beside the data folder's lock).
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setApplicationName("Window Clerk")
    if context is not None:
        install_translations(context.settings["ui.language"] or context.provisioning.language)
    else:
        install_translations(language)
    desk = Desk(context, hooks)
    settled: list[bool] = []

    def settle() -> None:
        """What the sign-in window does not need, once (issue 21): the readable palette —
        placeholders and selected text at 4.5:1 (issue 18); the sign-in window has no
        placeholder and nothing selected when it appears —, the garbage collector's timer
        (collection is off until then), and ``after_shown``."""
        if settled:
            return
        settled.append(True)
        from clerk_app.gui.gc_guard import GarbageCollector
        from clerk_app.gui.palette import install_readable_palette

        install_readable_palette(app)
        # Cyclic garbage (closed dialogs) is freed on this thread, never on a worker's.
        desk.collector = GarbageCollector(app)
        for callback in after_shown:
            callback()

    # A context from start_context opens after the sign-in window is shown (issue 21).
    deferred = provide is not None or not getattr(context, "opened", True)
    quiet = smoke_start or smoke_user is not None
    if not (quiet or deferred):
        settle()  # (before any window: the hall's board comes first on a hall PC)
        if desk.open_enrolled_hall() is not None:
            app.aboutToQuit.connect(desk.shutdown)
            return app.exec()
    login = desk.make_login()
    if provide is not None:  # the window first, then the provisioning (issue 21)
        login.show()
        app.processEvents()
        if smoke_start:
            print("smoke-start: sign-in window shown", flush=True)
        code = fill_in_behind(app, desk, provide)
        if code is not None:
            return code
        if smoke_start:
            app.processEvents()
            print("smoke-start: sign-in window filled in", flush=True)
    elif smoke_start:
        login.show()
        app.processEvents()
        print("smoke-start: sign-in window shown", flush=True)
    if smoke_start:
        settle()
        code = desk.open_store(show=False, warm_up=False)  # the rest of the start; quit
        login.close()
        desk.shutdown()
        return code

    if smoke_user is not None:
        login.show()
        settle()
        code = desk.open_store(show=False)
        if code:
            return code
        return _run_smoke(app, desk, login, smoke_user, smoke_password or "")

    outcome: dict[str, int | None] = {"code": 0}

    def open_after_shown() -> None:
        settle()
        if deferred:
            outcome["code"] = desk.open_behind_sign_in()

    watcher = when_on_screen(login, open_after_shown)
    login.show()
    accepted = login.exec() == QDialog.DialogCode.Accepted
    watcher.cancel()  # cancelled before the window was on the screen: not later
    if not accepted and outcome["code"] is not None:
        desk.shutdown()
        return outcome["code"]
    settle()  # (done already unless the sign-in came before the window was on the screen)
    app.aboutToQuit.connect(desk.shutdown)  # signed in, or a hall PC's board
    return app.exec()


def _run_smoke(app: QApplication, desk: Desk, login: LoginDialog, user: str, password: str) -> int:
    from PySide6.QtCore import QEventLoop

    result = {"code": 1}
    # A local loop, not app.exec()/quit(): the application object is left as it was.
    loop = QEventLoop()

    def fail(text: str) -> None:
        print(f"smoke: {text}", file=sys.stderr)
        result["code"] = 1
        loop.quit()

    def check() -> None:
        if login.error_text():
            fail(login.error_text())
        elif desk.error:
            fail(desk.error)
        elif desk.window is not None and desk.window.catalog_pane.model.rowCount() > 0:
            print(
                f"smoke: signed in, catalog shows "
                f"{desk.window.catalog_pane.model.rowCount()} items",
                file=sys.stderr,
            )
            result["code"] = 0
            loop.quit()

    poll = QTimer()
    poll.timeout.connect(check)
    poll.start(50)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(lambda: fail("timed out waiting for the catalog"))
    deadline.start(60_000)
    login.show()
    login.fill(user, password)
    login.submit()
    loop.exec()
    poll.stop()
    deadline.stop()
    if desk.window is not None:
        desk.window.close()
    desk.shutdown()
    login.close()
    return result["code"]
