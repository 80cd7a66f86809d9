"""Duplicates (副本) by keyboard at the cashier screen with the link down (issue 17): F8 lists
the receipts and the close sheet this desk issued today; Enter on the receipt prints it
again — the printed PDF says 副本 / DUPLICATE with the original receipt number and date —
and the list counts the copy; Alt+K chooses the daily-close sheets and Alt+P prints that
one. A kept file this desk cannot read is said in words."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from clerk_app.app import cashier, cashier_close
from clerk_app.core.clock import CENTER_TZ
from clerk_app.documents import RenderedDocument
from clerk_app.documents.render import format_date_zh
from clerk_app.gui.cashier import CashierScreen
from clerk_app.gui.cashier_reprint import DuplicateDialog
from tests.helpers import fee_duplicates as fd
from tests.helpers.documents import flat, pdf_text
from tests.helpers.offline import clock, make_context  # noqa: F401 - fixtures

ALT = Qt.KeyboardModifier.AltModifier
NO_SERVICE = "http://127.0.0.1:9"

pytestmark = pytest.mark.usefixtures("qapp")


def _active(qtbot, widget) -> None:
    widget.show()
    widget.activateWindow()  # shortcuts and mnemonics need it active, as on a screen
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)


def test_the_cashier_prints_a_duplicate_receipt_and_close_sheet_by_keyboard(
    qtbot,
    make_context,  # noqa: F811
    clock,  # noqa: F811
) -> None:
    clock.set(datetime(2026, 12, 6, 16, 30, tzinfo=CENTER_TZ))  # the close after the payment
    ctx = make_context(NO_SERVICE, home="s01", window_code="S01")
    session = fd.cashier_session()
    paid_at = clock.now() - timedelta(hours=1)
    cashier.issue_receipt(ctx, session, fd.taken_payment(paid_at))
    day = fd.center_day(clock.now())
    cashier_close.close_document(ctx, session, fd.closed_sheet(day, clock.now()))

    printed: list[RenderedDocument] = []
    screen = CashierScreen(ctx, session, printer=printed.append, pull=False)
    qtbot.addWidget(screen)
    _active(qtbot, screen)
    qtbot.keyClick(screen.code, Qt.Key.Key_F8)
    dialog = screen.duplicate_dialog
    assert isinstance(dialog, DuplicateDialog)
    qtbot.addWidget(dialog)
    _active(qtbot, dialog)
    assert dialog.table.rowCount() == 2  # newest first: the close, then the receipt
    rows = [dialog.table.item(r, 1).text() for r in range(2)]
    assert rows == [f"钱收款 {day.isoformat()}", "13010126 0012345678"]
    assert dialog.table.item(1, 3).text() == "李*"  # the payer masked on screen

    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.last is not None and not dialog.busy, timeout=20_000)
    assert [d.kind for d in printed] == ["fiscal_receipt"]
    assert dialog.last is not None
    text = flat(pdf_text(dialog.last.path))
    assert "副本/DUPLICATE" in text
    assert "票据号码：0012345678" in text and "票据代码：13010126" in text
    assert format_date_zh(fd.center_day(paid_at)) in text
    assert dialog.table.item(1, 5).text() == "1"
    assert dialog.message.text() == "Duplicate of 13010126 0012345678 made (the print is recorded)."

    # Alt+K to the kind, the daily-close sheets only; Alt+P prints the one listed.
    qtbot.keyClick(dialog, Qt.Key.Key_K, ALT)
    assert dialog.focusWidget() is dialog.kind
    dialog.kind.setCurrentIndex(dialog.kind.findData("close"))
    assert dialog.table.rowCount() == 1
    qtbot.keyClick(dialog, Qt.Key.Key_P, ALT)
    qtbot.waitUntil(lambda: len(printed) == 2 and not dialog.busy, timeout=20_000)
    assert printed[-1].kind == "daily_close"
    close_text = flat(pdf_text(dialog.last.path))
    assert "副本/DUPLICATE" in close_text and "DEP-20261206-01" in close_text

    # A kept file this desk cannot read: left out of the list, and said.
    dialog.documents[0].path.write_bytes(b"damaged")
    dialog.reload()
    assert dialog.table.rowCount() == 0
    assert "1 kept document(s) cannot be read" in dialog.message.text()
