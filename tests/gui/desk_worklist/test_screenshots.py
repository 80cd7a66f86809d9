"""Screenshots of the worklist and the case detail in Chinese and English, for a person to
look at (``<pytest basetemp>/desk-worklist-screens/``)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from clerk_app.core.clock import FixedClock
from clerk_app.gui.case_detail import CaseDetail
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.worklist import WorklistPane
from tests.helpers.printing import clerk_session
from tests.helpers.store import add_event, open_store
from tests.helpers.worklist import add_case, at, desk_context

EVE = date(2026, 9, 30)
PEOPLE = [
    ("王小明", "440301199001011234", "13912345678", date(2026, 9, 29), None),
    ("李娜", "11010519491231002X", "13800138000", date(2026, 10, 8), None),
    ("张伟", "320106198512120417", "13611112222", date(2026, 10, 12), None),
    ("刘洋", "510104199203030021", "13733334444", date(2026, 10, 9), "in_progress"),
    ("陈静", "330102197806060048", "13555556666", date(2026, 10, 20), "supplement_requested"),
    ("赵磊", "420102198811110035", "13977778888", date(2026, 9, 25), "completed_approved"),
    ("孙丽", "610103199509090022", "13199990000", None, "suspended"),
]


@pytest.fixture
def filled(tmp_path):
    store = open_store(tmp_path / "clerk.db", FixedClock(at(EVE, 15)))
    for i, (name, idn, phone, due, status) in enumerate(PEOPLE, start=1):
        add_case(store, i, received=date(2026, 9, 10 + i), due=due, status=status, name=name,
                 id_number=idn, phone=phone)  # fmt: skip
    add_event(store, "HS-W01-20260912-000002", "start", actor="demo-clerk", at=at(EVE, 10))
    yield store
    store.db.close()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_worklist_and_case_detail_screenshots(
    qtbot, filled, tmp_path, tmp_path_factory, qm_dir, writer, language
):
    install_translations(language, qm_dir)
    out = tmp_path_factory.getbasetemp() / "desk-worklist-screens"
    out.mkdir(exist_ok=True)
    context = desk_context(filled, filled.clock, tmp_path)
    pane = WorklistPane(context, clerk_session(), context.calendar, writer)
    qtbot.addWidget(pane)
    pane.resize(1280, 420)
    pane.show()
    pane.view.selectRow(1)
    qtbot.waitExposed(pane)
    path = out / f"worklist-{language}.png"
    assert pane.grab().save(str(path))
    assert path.stat().st_size > 10_000

    detail = CaseDetail(context, clerk_session(), "HS-W01-20260912-000002", writer)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitExposed(detail)
    path = out / f"case-detail-{language}.png"
    assert detail.grab().save(str(path))
    if language == "zh_CN":
        assert pane.model.headerData(0, Qt.Orientation.Horizontal) == "办件编号"
        assert detail.record_button.text() == "记录  (Ctrl+Return)"
    else:
        assert detail.record_button.text() == "Record  (Ctrl+Return)"
