"""Alt+K ("Mark all received") ticks what the item always requires, never the optional
materials (issue 15): a receipt must not list papers nobody handed over. Keyboard only,
against the real records service and a real SQLite store."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.helpers.keyboard import ALT, accept, applicant, find_item, press, sign_in, to_materials


def test_mark_all_leaves_optional_materials_to_the_clerk(no_mouse, desk, context_of) -> None:
    qtbot = no_mouse
    window = sign_in(qtbot, desk)
    find_item(qtbot, window, "DEMO-GA-002")  # M1, M2 required; M3 (a photo) optional
    applicant(qtbot, window)
    to_materials(qtbot, window)
    form = window.intake
    table = form.ui.materialsTable

    def states() -> list[str]:
        return [table.item(row, 4).text() for row in range(table.rowCount())]

    press(qtbot, window, Qt.Key.Key_K, ALT)  # the button's mnemonic: an animated click
    qtbot.waitUntil(lambda: states()[0] == "received", timeout=2000)
    assert states() == ["received", "received", "not brought"]
    # the clerk decides on the optional one: the photo was handed over after all
    assert window.focusWidget() is table  # the checklist keeps the keyboard
    press(qtbot, window, Qt.Key.Key_Down)
    press(qtbot, window, Qt.Key.Key_Down)
    press(qtbot, window, Qt.Key.Key_Space)
    assert states()[2] == "received"
    press(qtbot, window, Qt.Key.Key_Space)  # …no, it was not: not brought
    assert states()[2] == "not brought"
    press(qtbot, window, Qt.Key.Key_K, ALT)  # again: the clerk's "not brought" stays
    qtbot.wait(300)
    assert states() == ["received", "received", "not brought"]
    case, _text, _dialog = accept(qtbot, window, context_of(desk))
    event = context_of(desk).backend.store.get_case(case.case_no).events[0]
    assert set(event.data.received_as) == {"M1", "M2"}
