"""Shared pieces of the GUI tests: the demo catalog, a clock, a context without a service."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

from clerk_app.core.catalog import Catalog
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.core.settings import Settings

REPO = Path(__file__).resolve().parents[2]
DEMO_CATALOG = REPO / "resources" / "catalog" / "demo_catalog.json"

VALID_ID = "11010519491231002X"  # GB 11643's own worked example
BAD_CHECK_DIGIT_ID = "110105194912310021"


def demo_catalog() -> Catalog:
    return Catalog.from_dict(json.loads(DEMO_CATALOG.read_text(encoding="utf-8")))


def monday_morning() -> FixedClock:
    return FixedClock(datetime(2026, 11, 30, 9, 30, tzinfo=CENTER_TZ))


def offline_context(clock: FixedClock | None = None) -> SimpleNamespace:
    """The parts of an AppContext the widgets read, for tests that need no service."""
    provisioning = SimpleNamespace(
        center_name="衡水市政务服务中心（示例）",
        center_code="HS",
        window_code="W01",
        window_name="公安户政窗口",
        department="市公安局",
        service_url="https://127.0.0.1:1",
        language="en",
    )
    return SimpleNamespace(
        provisioning=provisioning,
        settings=Settings(),
        clock=clock or monday_morning(),
        backend=SimpleNamespace(store=None),  # no local database: no worklist, no parking
    )


def type_text(qtbot, edit, text: str) -> None:
    """Type into a line edit: key by key for ASCII (QTest cannot send other characters; those
    reach a real line edit committed by the input method, which ``insert`` stands for).
    """
    edit.setFocus()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)


class LinkFeed(QObject):
    """Stands in for the sync worker's thread (the signals ``MainWindow.attach_sync`` reads):
    a test says what a push round found, the status bar shows it as it would."""

    status_changed = Signal(bool, int, int)
    details_changed = Signal(object)

    def wake(self) -> None:
        """The worker's ``wake`` (a desk write asks for a push): nothing to push here."""

    def stop(self, timeout_ms: int = 0) -> bool:
        return True


def dispose_desk(desk: Any) -> None:
    """End a test's :class:`~clerk_app.gui.app.Desk` as quitting and a sign-out do: close
    its windows, shut it down, then delete the windows and the dialogs they own.

    Closing a window leaves its open dialogs (a case detail) alive and listening to the
    application's case hub; a later test on the same worker that writes a case with the same
    number would make them reload from this desk's closed database."""
    windows = [w for w in (desk.window, getattr(desk, "dashboard", None)) if w is not None]
    for window in windows:
        window.close()
    desk.shutdown()
    login = desk.login
    if login is not None:
        dialog = getattr(login, "password_dialog", None)
        if dialog is not None:
            dialog.done(0)
        login.close()
        windows.append(login)
    for window in windows:
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
