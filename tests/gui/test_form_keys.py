"""The dialogs built from the Designer forms in ui/: in Chinese and in English no two of a
dialog's shown Alt keys clash, and Tab walks a clerk through the fields in reading order."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QGroupBox, QLabel, QMenuBar, QWidget

from clerk_app.core.clock import FixedClock
from clerk_app.core.provisioning import DOCUMENT_KINDS
from clerk_app.gui.case_detail import CaseDetail
from clerk_app.gui.confirmation import AcceptedDialog
from clerk_app.gui.conflicts import ConflictDialog
from clerk_app.gui.dashboard.people_tab import FollowUpDialog
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.log_view import LogView
from clerk_app.gui.lookup import LookupDialog
from clerk_app.gui.ops import DbWriter
from clerk_app.gui.parking import ParkedListDialog
from clerk_app.gui.selfcheck_dialog import SelfCheckDialog
from clerk_app.gui.settings_dialog import SettingsDialog
from clerk_app.gui.shortcuts import ShortcutsDialog
from clerk_app.gui.sync_status import ConnectionPanel
from clerk_app.gui.wizard import FirstRunWizard
from tests.helpers.printing import clerk_session
from tests.helpers.store import open_store
from tests.helpers.worklist import add_case, at, desk_context

CASE_NO = "HS-W01-20260911-000001"
_MNEMONIC = re.compile(r"&([^&\s])")


@pytest.fixture
def dialogs(qtbot, qapp, qm_dir, tmp_path, request):
    """Every dialog made from a form, built in the language of the test."""
    install_translations(request.param, qm_dir)
    store = open_store(tmp_path / "clerk.db", FixedClock(at(date(2026, 9, 30), 15)))
    add_case(store, 1, received=date(2026, 9, 11), due=date(2026, 10, 8), name="李娜",
             id_number="11010519491231002X", phone="13800138000")  # fmt: skip
    context = desk_context(store, store.clock, tmp_path)
    context.paths.log_dir = tmp_path / "log"
    writer = DbWriter()
    bar = QMenuBar()
    bar.addMenu("&File").addAction("&Quit")
    built: dict[str, QDialog] = {
        "settings": SettingsDialog(context, None, printers=["Counter-A4"]),
        "case_detail": CaseDetail(context, clerk_session(), CASE_NO, writer),
        "conflict": ConflictDialog(context, CASE_NO, "demo-clerk"),
        "wizard": FirstRunWizard(tmp_path / "config"),
        "lookup": LookupDialog(context),
        "log_view": LogView(context),
        "selfcheck": SelfCheckDialog(context.paths, context.provisioning, printers=[]),
        "shortcuts": ShortcutsDialog(bar, [("Enter", "Choose")]),
        "parked": ParkedListDialog([], str, lambda _parked: None),
        "follow_up": FollowUpDialog({"case_no": CASE_NO, "score": 1, "comment": "slow"}),
        "connection": ConnectionPanel(),
        "accepted": AcceptedDialog(
            case_no=CASE_NO,
            query_code="123456",
            due_date="2026-10-08",
            provisional=False,
            receipt_path=tmp_path / "receipt.pdf",
            print_receipt=lambda: None,
            print_slip=lambda: None,
            ask_rating=lambda: None,
        ),
    }
    for dialog in built.values():
        qtbot.addWidget(dialog)
        dialog.show()
    yield built
    assert writer.wait_idle(10_000)
    store.db.close()
    install_translations("en", qm_dir)


def alt_keys(dialog: QWidget) -> list[str]:
    """The Alt letters of the buttons, buddied labels and checkable boxes a clerk sees."""
    letters = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog):
            continue
        buddied = isinstance(widget, QLabel) and widget.buddy() is not None
        if isinstance(widget, QAbstractButton) or buddied:
            text = widget.text()
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            text = widget.title()
        else:
            continue
        found = _MNEMONIC.search(text.replace("&&", ""))
        if found:
            letters.append(found.group(1).lower())
    return letters


def tab_order(dialog: QWidget, *, hidden_too: bool = False) -> list[str]:
    """The named widgets Tab reaches, in order, from the dialog's first one (``hidden_too``:
    also those hidden or disabled now)."""
    names = []
    widget = dialog.nextInFocusChain()
    while widget is not dialog:
        reachable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus and (
            hidden_too or (widget.isVisibleTo(dialog) and widget.isEnabled())
        )
        if reachable and widget.objectName() and not widget.objectName().startswith("qt_"):
            names.append(widget.objectName())
        widget = widget.nextInFocusChain()
    return names


@pytest.mark.parametrize("dialogs", ["zh_CN", "en"], indirect=True)
def test_no_two_alt_keys_of_a_dialog_clash(dialogs):
    for name, dialog in dialogs.items():
        letters = alt_keys(dialog)
        clashes = sorted({x for x in letters if letters.count(x) > 1})
        assert not clashes, (name, clashes)
    assert sorted(alt_keys(dialogs["settings"])) == ["c", "l", "s", "y"]
    # The case's item charges a fee: its panel issues the payment notice (Alt+Y), gets
    # the payment code (Alt+G) and takes a waiver (Alt+W, its fee may be waived); Alt+U
    # marks the scanned page shown unreadable (补正).
    assert sorted(alt_keys(dialogs["case_detail"])) == [
        "a", "g", "i", "o", "p", "r", "u", "w", "y",
    ]  # fmt: skip
    assert sorted(alt_keys(dialogs["accepted"])) == ["n", "o", "p", "r", "s"]


@pytest.mark.parametrize("dialogs", ["zh_CN"], indirect=True)
def test_the_record_button_says_its_key(dialogs):
    # No mnemonic of its own: a clerk learns Ctrl+Return from the button, not a tooltip.
    assert dialogs["case_detail"].record_button.text() == "记录  (Ctrl+Return)"


@pytest.mark.parametrize("dialogs", ["zh_CN"], indirect=True)
def test_tab_walks_the_fields_in_reading_order(dialogs):
    printers = [f"printer_{kind}" for kind in DOCUMENT_KINDS if kind != "default"]
    assert tab_order(dialogs["settings"]) == [
        "languageCombo",
        "yellowDaysSpin",
        "applicantScreenCheck",
        "applicantConfirmCheck",
        *printers,
    ]
    assert tab_order(dialogs["case_detail"]) == [
        "showIdButton",
        "eventsTable",
        "actionBox",
        "opinionEdit",
        "recordButton",
        "waiverButton",
        "issueNoticeButton",
        "materialPages",  # the case's scanned pages (Alt+B; Alt+U marks one unreadable)
        "closeButton",
    ]
    # The panels the code adds (documents, refused items) come after the notice, before Close.
    every = tab_order(dialogs["case_detail"], hidden_too=True)
    assert every.index("printNoticeButton") < every.index("caseDocumentsTable")
    assert every.index("rejectedTable") < every.index("voidItemButton") < every.index("closeButton")
    assert every[-1] == "closeButton"
    assert tab_order(dialogs["wizard"]) == [
        "service_url",
        "service_ca_bundle",
        "browseButton",
        "center_code",
        "center_name",
        "window_code",
        "window_name",
        "window_department",
        "languageCombo",
        "enrolment_code",
        "wizardReport",
    ]
    assert tab_order(dialogs["lookup"]) == ["lookupCaseEdit", "lookupCodeEdit", "lookupButton"]
    assert tab_order(dialogs["log_view"])[:4] == [
        "logLevelFilter",
        "logAreaFilter",
        "logTextFilter",
        "logText",
    ]
