"""A clerk at the keyboard of a real ``python -m clerk_app --smoke`` process.

The e2e tests put ``tests/helpers/e2e_driver`` on the child's PYTHONPATH; its
``sitecustomize`` swaps the smoke run (sign in, wait for the catalog, quit) for
:func:`take_in_one_case`: sign in by keyboard, take one case in (the same keystrokes as
tests/gui/desk_intake), wait until the sync worker has sent the outbox, quit. Everything else
— start-up, provisioning, the keyring, the store, the sync worker — is the shipped client's.
"""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.helpers.keyboard import (
    ALT,
    NO_MOD,
    accept,
    applicant,
    choose_in_combo,
    find_item,
    mark,
    press,
    sign_in,
    to_materials,
)

ITEM = "DEMO-GA-004"  # temporary ID card: decided on the spot, fee ¥10


class KeyBot:
    """The few ``qtbot`` calls the keyboard helpers make, done with QTest in this process."""

    def keyClick(self, widget: QWidget, key: Qt.Key, modifier: Any = NO_MOD) -> None:
        QTest.keyClick(widget, key, modifier)

    def keyClicks(self, widget: QWidget, text: str) -> None:
        QTest.keyClicks(widget, text)

    def addWidget(self, widget: QWidget) -> None:
        pass

    def waitUntil(self, condition: Callable[[], Any], timeout: int = 5000) -> None:
        deadline = time.monotonic() + timeout / 1000
        while True:
            try:
                if condition() is not False:
                    return
            except AssertionError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {timeout} ms in vain")
            QApplication.processEvents()
            time.sleep(0.02)


def take_in_one_case(app: QApplication, desk: Any, login: Any, user: str, password: str) -> int:
    """Replaces ``clerk_app.gui.app._run_smoke``; prints ``e2e: case NO sent`` on success."""
    bot = KeyBot()
    login.close()  # sign_in opens its own dialog and types into it
    try:
        window = sign_in(bot, desk, user, password)
        find_item(bot, window, ITEM)
        applicant(bot, window)
        to_materials(bot, window)
        mark(bot, window, "rrr")
        press(bot, window, Qt.Key.Key_E, ALT)
        choose_in_combo(bot, window, window.intake.ui.feeStateCombo, "paid")
        case, _text, _dialog = accept(bot, window, desk.context)
        store = desk.context.backend.store
        bot.waitUntil(lambda: store.outbox_counts().get("pending", 0) == 0, timeout=60_000)
        print(f"e2e: case {case.case_no} sent", file=sys.stderr)
        code = 0
    except Exception:
        traceback.print_exc()
        code = 1
    if desk.window is not None:
        desk.window.close()
    desk.shutdown()
    if desk.login is not None:
        desk.login.close()
    return code
