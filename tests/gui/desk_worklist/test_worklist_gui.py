"""The worklist pane: a lazy model checked by qtmodeltester on a real store, colours as the
clerk sees them, filters and search by keyboard, 100,000 cases read page by page, Enter opens
the case, and a saved case shows up."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt

from clerk_app.core.clock import FixedClock
from clerk_app.gui.worklist import CASE_NO_ROLE, RED, YELLOW, WorklistPane
from clerk_app.gui.worklist_model import PAGES_KEPT
from clerk_app.store.worklist import PAGE_SIZE
from tests.helpers.store import open_store
from tests.helpers.worklist import add_case, at, bulk_cases, desk_context

EVE = date(2026, 9, 30)


@pytest.fixture
def eve_store(tmp_path):
    s = open_store(tmp_path / "clerk.db", FixedClock(at(EVE)))
    yield s
    s.db.close()


def _pane(qtbot, store, tmp_path, writer=None, **settings):
    context = desk_context(store, store.clock, tmp_path, **settings)
    pane = WorklistPane(context, _session(), context.calendar, writer)
    qtbot.addWidget(pane)
    pane.resize(1200, 500)
    pane.show()
    return pane


def _session():
    from tests.helpers.printing import clerk_session

    return clerk_session()


def _shown(pane):
    model = pane.model
    return [model.data(model.index(r, 0), CASE_NO_ROLE)[-2:] for r in range(model.rowCount())]


def test_model_passes_qtmodeltester_on_a_real_store(qtbot, qtmodeltester, eve_store, tmp_path):
    for i in range(1, 8):
        add_case(eve_store, i, received=EVE, due=date(2026, 10, i + 7))
    pane = _pane(qtbot, eve_store, tmp_path)
    qtmodeltester.check(pane.model, force_py=True)
    pane.search.setText("000003")
    pane.apply_filter()
    qtmodeltester.check(pane.model, force_py=True)


def test_the_clerk_sees_red_and_yellow_rows_and_the_countdown(qtbot, eve_store, tmp_path):
    add_case(eve_store, 1, received=date(2026, 9, 1), due=date(2026, 9, 29))
    add_case(eve_store, 2, received=date(2026, 9, 2), due=date(2026, 10, 8))
    add_case(eve_store, 3, received=date(2026, 9, 3), due=date(2026, 10, 12))
    pane = _pane(qtbot, eve_store, tmp_path)
    model = pane.model
    rows = {model.data(model.index(r, 0), CASE_NO_ROLE)[-2:]: r for r in range(3)}

    def cell(no, column, role=Qt.ItemDataRole.DisplayRole):
        return model.data(model.index(rows[no], column), role)

    assert cell("01", 0, Qt.ItemDataRole.BackgroundRole).color() == RED
    assert cell("01", 6) == "1 working day overdue"
    assert cell("02", 0, Qt.ItemDataRole.BackgroundRole).color() == YELLOW
    assert cell("02", 6) == "1 working day left"  # 8 calendar days: the National Day week
    assert cell("03", 0, Qt.ItemDataRole.BackgroundRole) is None
    assert cell("03", 6) == "4 working days left"
    assert cell("01", 2) == "110105********002X"
    assert cell("01", 3) == "居民身份证首次申领"
    assert cell("01", 4) == "Accepted"
    assert pane.count_label.text() == "3 cases"


def test_filters_and_search_by_keyboard(qtbot, eve_store, tmp_path):
    add_case(eve_store, 1, received=date(2026, 9, 1), due=date(2026, 9, 29), name="王小明")
    add_case(eve_store, 2, received=EVE, due=date(2026, 10, 8), phone="13912345678")
    add_case(eve_store, 3, received=EVE, due=date(2026, 10, 12), id_number="440301199001011234")
    add_case(eve_store, 4, received=EVE, due=None, status="withdrawn")
    pane = _pane(qtbot, eve_store, tmp_path)
    assert _shown(pane) == ["04", "03", "02", "01"]

    pane.due_box.setFocus()
    qtbot.keyClick(pane.due_box, Qt.Key.Key_Down)  # due soon
    assert _shown(pane) == ["02"]
    qtbot.keyClick(pane.due_box, Qt.Key.Key_Down)  # overdue
    assert _shown(pane) == ["01"]
    qtbot.keyClick(pane.due_box, Qt.Key.Key_Home)
    pane.today_box.setFocus()
    qtbot.keyClick(pane.today_box, Qt.Key.Key_Space)
    assert _shown(pane) == ["04", "03", "02"]
    qtbot.keyClick(pane.today_box, Qt.Key.Key_Space)
    pane.status_box.setFocus()
    qtbot.keyClick(pane.status_box, Qt.Key.Key_Down)  # open cases
    assert _shown(pane) == ["03", "02", "01"]
    qtbot.keyClick(pane.status_box, Qt.Key.Key_Home)

    for text, expected in (
        ("1234", ["03"]),  # ID last 4
        ("13912345678", ["02"]),  # phone
        ("000001", ["01"]),  # case number
        ("HS-W01-20260930-000004", ["04"]),
    ):
        pane.focus_search()
        qtbot.keyClicks(pane.search, text)
        qtbot.keyClick(pane.search, Qt.Key.Key_Return)
        assert _shown(pane) == expected, text
        assert pane.focusWidget() is pane.view  # Enter in the search moves to the list
    pane.search.clear()
    pane.search.insert("王小")  # Chinese comes committed by the input method
    pane.apply_filter()
    assert _shown(pane) == ["01"]
    assert pane.count_label.text() == "1 case"


def test_100000_cases_open_and_scroll_reading_only_what_is_shown(qtbot, eve_store, tmp_path):
    bulk_cases(eve_store, 100_000, start=EVE)
    pane = _pane(qtbot, eve_store, tmp_path)
    model = pane.model
    assert model.total == 100_000
    qtbot.waitUntil(lambda: model.rowCount() >= PAGE_SIZE)
    assert model.rows_read <= 2 * PAGE_SIZE
    qtbot.waitExposed(pane)
    pane.view.setFocus()
    pane.view.selectRow(0)
    first = pane.current_case_no()
    for _ in range(12):
        qtbot.keyClick(pane.view, Qt.Key.Key_PageDown)
    for _ in range(4):
        qtbot.keyClick(pane.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    # Each time the clerk reaches the end of what is read, one more page is read.
    assert 3 * PAGE_SIZE <= model.rowCount() <= 6 * PAGE_SIZE
    assert model.rows_read == model.rowCount()
    # The model holds what is on screen and an index, not every row it has shown.
    assert model.rows_held <= PAGES_KEPT * PAGE_SIZE < model.rowCount()
    # Back at the top, the first page is read again by its place in the index.
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert pane.current_case_no() == first
    assert model.rows_read == model.rowCount() + PAGE_SIZE
    # The clerk's place is kept across a refresh, also on a page the model let go of.
    pane.view.selectRow(PAGE_SIZE + 50)
    place = pane.current_case_no()
    assert place is not None and place != first
    pane.refresh()  # reads the pages up to where the clerk was; holds the last ones read
    assert pane.current_case_no() == place and pane.view.currentIndex().row() == PAGE_SIZE + 50
    # Filters and search also read one page at most.
    pane.search.setText("申请人99999")
    pane.apply_filter()
    assert _shown(pane) == ["99"] and model.rows_read == 1
    pane.search.clear()
    pane.due_box.setCurrentIndex(2)  # overdue: most of them
    assert model.rowCount() <= 2 * PAGE_SIZE and model.total > 10_000


def test_enter_opens_the_case_and_a_saved_case_shows_up(qtbot, eve_store, tmp_path, writer):
    add_case(eve_store, 1, received=EVE, due=date(2026, 10, 12))
    pane = _pane(qtbot, eve_store, tmp_path, writer)
    opened = []
    pane.case_opened.connect(opened.append)
    pane.view.setFocus()
    pane.view.setCurrentIndex(pane.model.index(0, 0))
    qtbot.keyClick(pane.view, Qt.Key.Key_Return)
    assert opened == ["HS-W01-20260930-000001"]
    assert pane.detail is not None and pane.detail.case.case_no == opened[0]
    pane.detail.close()

    add_case(eve_store, 2, received=EVE, due=None)
    pane.schedule_refresh()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2)
    assert pane.current_case_no() == "HS-W01-20260930-000001"  # the clerk's place is kept
    assert pane.model.index(5, 0, QModelIndex()).isValid() is False


def test_a_language_switch_words_the_rows_again(qtbot, eve_store, tmp_path, qm_dir):
    from clerk_app.gui.i18n import install_translations

    add_case(eve_store, 1, received=EVE, due=date(2026, 10, 12))
    pane = _pane(qtbot, eve_store, tmp_path)
    countdown = pane.model.index(0, pane.model.COLUMNS.index("countdown"))
    assert countdown.data() == "4 working days left"  # the rows' words are kept per row
    install_translations("zh_CN", qm_dir)
    try:
        pane.retranslate()
        assert countdown.data() != "4 working days left" and "4" in countdown.data()
    finally:
        install_translations("en", qm_dir)
        pane.retranslate()
    assert countdown.data() == "4 working days left"
