"""The sign-in window is on the screen before the local store opens (issue 21).

``run_app`` given a context from ``start_context`` (what ``clerk-app`` does) shows the
sign-in window first, then opens the store behind it — SQLCipher, the key from the keyring or
the key file, the retention purge — and says on the window when the database was found
damaged and set aside. The work calendar is made at its first use.
"""

from __future__ import annotations

from datetime import datetime

import pytest
import requests
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from clerk_app.app.context import StartupError, demo_provisioning, start_context
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.gui.app import Desk, run_app
from clerk_app.gui.login import LoginDialog
from clerk_app.gui.palette import readable_palette
from tests.helpers.offline import DEMO_PROVISIONING, UNREACHABLE, window_paths

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=CENTER_TZ)


def _context(tmp_path):
    paths = window_paths(tmp_path / "desk")
    provisioning = demo_provisioning(DEMO_PROVISIONING, UNREACHABLE)
    return start_context(provisioning, paths, clock=FixedClock(NOW)), paths


def _watch_sign_in(context, seen: dict[str, object]) -> QTimer:
    """Note what the first look at the shown sign-in window finds, then close it (Cancel)
    once the store is open."""
    timer = QTimer()

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, LoginDialog) and widget.isVisible():
                seen.setdefault("at first sight", (context.opened, context.paths.database.exists()))
                if context.opened:
                    timer.stop()
                    label = getattr(widget, "damaged_label", None)
                    seen["damaged"] = label.text() if label is not None else None
                    widget.reject()
                return

    timer.timeout.connect(look)
    timer.start(5)
    return timer


def test_the_store_opens_behind_the_shown_sign_in_window(qtbot, tmp_path):
    context, paths = _context(tmp_path)
    assert not context.opened and not paths.database.exists()
    seen: dict[str, object] = {}
    timer = _watch_sign_in(context, seen)
    try:
        code = run_app(context)
    finally:
        timer.stop()
        context.close()
    assert code == 0  # the clerk cancelled the sign-in
    assert seen["at first sight"] == (False, False)  # shown before the database was opened
    assert seen["damaged"] is None
    assert paths.database.exists()  # then opened behind it
    assert not paths.database.read_bytes().startswith(b"SQLite format 3")  # encrypted


def test_what_the_window_does_not_need_comes_after_it_is_shown(qtbot, tmp_path):
    """``after_shown`` (the lock's note) and the readable palette: once the sign-in window
    is on the screen, before the store opens behind it."""
    context, _paths = _context(tmp_path)
    app = QApplication.instance()
    seen: list[tuple[bool, bool]] = []

    def after_shown() -> None:
        shown = [w for w in app.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()]
        seen.append((bool(shown), context.opened))

    timer = _watch_sign_in(context, {})
    try:
        assert run_app(context, after_shown=[after_shown]) == 0
    finally:
        timer.stop()
        context.close()
    assert seen == [(True, False)]  # once, with the window shown and the store not yet open
    assert app.palette() == readable_palette(app.palette())  # and the palette is readable


def test_a_damaged_database_is_said_once_the_store_is_open(qtbot, tmp_path):
    context, paths = _context(tmp_path)
    paths.database.write_bytes(b"not a database" * 500)
    seen: dict[str, object] = {}
    timer = _watch_sign_in(context, seen)
    try:
        run_app(context)
    finally:
        timer.stop()
        context.close()
    assert seen["at first sight"] == (False, True)
    assert context.damaged_database is not None
    assert str(context.damaged_database) in str(seen["damaged"])
    assert "本地数据库已损坏" in str(seen["damaged"])  # the demo window speaks Chinese


def test_a_store_that_cannot_be_opened_says_so_at_each_use(tmp_path):
    context, paths = _context(tmp_path)
    paths.database.write_bytes(b"\x00" * 4096)  # an encrypted database whose key is lost
    for _ in range(2):  # the sign-in's worker may ask again: the same answer, no new key
        with pytest.raises(StartupError, match="cannot be read"):
            _ = context.backend
    assert not context.opened
    context.close()  # nothing was opened: nothing to close
    assert paths.database.read_bytes() == b"\x00" * 4096


def test_the_work_calendar_is_made_at_its_first_use(tmp_path):
    context, _paths = _context(tmp_path)
    calendar = context.calendar
    assert calendar is context.calendar  # made once
    assert calendar.is_workday(datetime(2026, 10, 1).date()) is False  # National Day
    context.close()


def test_a_hall_pc_shows_its_board_once_the_store_is_open(qtbot, records_service, tmp_path):
    """A hall PC's display credential is in the keyring or the key file, read when the store
    opens: the sign-in window it showed first gives way to the board, full screen."""
    from clerk_app.app.context import build_context
    from clerk_app.app.enrolment import enrol_here
    from tests.helpers.hall_service_data import TIMEOUT, auth, token_for

    paths = window_paths(tmp_path / "hall-pc")
    provisioning = demo_provisioning(DEMO_PROVISIONING, records_service.base_url)
    enrolling = build_context(provisioning, paths, clock=FixedClock(NOW))
    admin = token_for(records_service, "demo-admin", window_code=None)
    code = requests.post(
        records_service.url("/enrolments"),
        json={"kind": "display", "label": "hall screen 1"},
        headers=auth(admin),
        timeout=TIMEOUT,
    ).json()["code"]
    enrol_here(enrolling, str(code))
    enrolling.close()

    context = start_context(provisioning, paths, clock=FixedClock(NOW))
    desk = Desk(context)
    try:
        login = desk.make_login()  # what run_app shows first, before the store opens
        login.show()
        qtbot.waitExposed(login)
        assert not context.opened
        assert desk.open_behind_sign_in() is None  # the board took the sign-in's place
        assert desk.hall is not None and desk.hall.isVisible() and desk.hall.isFullScreen()
        assert not login.isVisible() and desk.session is None
    finally:
        desk.shutdown()
        if desk.hall is not None:
            desk.hall.close()
        context.close()


def test_the_sign_in_goes_on_when_the_store_opens_on_a_desk(qtbot, tmp_path):
    context, _paths = _context(tmp_path)
    desk = Desk(context)
    try:
        login = desk.make_login()
        login.show()
        assert desk.open_behind_sign_in() == 0
        assert login.isVisible() and desk.hall is None and context.opened
        login.close()
    finally:
        desk.shutdown()
        context.close()


def test_a_sign_in_cancelled_at_once_leaves_the_store_closed(qtbot, tmp_path):
    """Escape before the window was on the screen: the store is not opened behind a
    window that is gone (nor later, in another event loop)."""
    context, paths = _context(tmp_path)

    def cancel() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, LoginDialog) and widget.isVisible():
                widget.reject()

    QTimer.singleShot(0, cancel)
    try:
        assert run_app(context) == 0
        qtbot.wait(700)  # longer than the wait for the window to be on the screen
        assert not context.opened and not paths.database.exists()
    finally:
        context.close()
