"""Lookup at the window: the real service's public progress answer, a wrong code, and the
desk's own record when the center cannot be reached."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt

from clerk_app.gui.lookup import LookupDialog
from clerk_app.remote import ApiClient
from tests.helpers.store import add_case, make_payload


def _ask(qtbot, dialog, case_no, code):
    dialog.case_edit.setFocus()
    qtbot.keyClicks(dialog.case_edit, case_no)
    dialog.code_edit.setFocus()
    qtbot.keyClicks(dialog.code_edit, code)
    before = dialog.message.text()
    qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: dialog.lookup_button.isEnabled() and dialog.message.text() != before,
        timeout=15_000,
    )


def _dialog(qtbot, context):
    dialog = LookupDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_progress_as_the_applicant_sees_it_and_a_wrong_code(qtbot, desk):
    payload = make_payload(1)
    add_case(desk.store, payload)
    assert desk.engine.push_once().sent == 1
    dialog = _dialog(
        qtbot, SimpleNamespace(backend=SimpleNamespace(api=desk.api, store=desk.store))
    )
    _ask(qtbot, dialog, payload["case_no"].lower(), payload["query_code"])
    assert dialog.source == "center"
    assert dialog.fields["status"][1].text() == "Accepted"
    assert dialog.fields["applicant"][1].text() == "张*"
    assert dialog.fields["due"][1].text() == "2026-12-08"
    assert "DEMO-GA-001" in dialog.fields["item"][1].text()
    assert dialog.fields["received"][1].text() == "2026-11-28 09:30"  # center time

    dialog.case_edit.clear()
    dialog.code_edit.clear()
    _ask(qtbot, dialog, payload["case_no"], "000000")
    assert dialog.message.text() == "No case with this number and query code."
    assert not dialog.fields["status"][1].isVisible()


def test_offline_says_so_and_shows_the_desks_own_record(qtbot, store):
    payload = make_payload(2)
    add_case(store, payload)
    dead = ApiClient("http://127.0.0.1:9", timeout=(0.5, 0.5))
    dialog = _dialog(qtbot, SimpleNamespace(backend=SimpleNamespace(api=dead, store=store)))
    _ask(qtbot, dialog, payload["case_no"], payload["query_code"])
    assert dialog.source == "local"
    assert "offline" in dialog.message.text()
    assert dialog.fields["status"][1].text() == "Accepted"
    assert dialog.fields["applicant"][1].text() == "张*"
    assert dialog.fields["received"][1].text() == "2026-11-28 09:30"
    assert dialog.fields["due"][1].text() == "2026-12-08"
    # Another number, or the right number with a wrong code, shows nothing of the desk's cases.
    dialog.code_edit.clear()
    _ask(qtbot, dialog, "", "123456")
    assert dialog.source == "" and "no such case" in dialog.message.text()
    dead.close()


def test_bad_input_is_told_without_asking_anyone(qtbot, store):
    dialog = _dialog(qtbot, SimpleNamespace(backend=SimpleNamespace(api=None, store=store)))
    dialog.look_up()
    assert dialog.message.text() == "Enter the case number."
    qtbot.keyClicks(dialog.case_edit, "HS-W01-20261128-000001")
    qtbot.keyClicks(dialog.code_edit, "12ab")
    dialog.look_up()
    assert dialog.message.text() == "The query code is 6 digits."
