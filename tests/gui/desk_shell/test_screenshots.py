"""Screenshots of the desk in Chinese and English, for a person to look at: the demo
catalog, an item chosen, an intake begun, and the worklist with a few cases.

Saved under ``<pytest basetemp>/desk-screenshots/``; docs/images/desk-zh.png and
desk-en.png are copies of ``desk-zh.png`` / ``desk-en.png`` from here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from clerk_app.gui.i18n import install_translations
from clerk_app.gui.sync_worker import LinkDetails
from tests.helpers.desk_shell import SESSION, open_window
from tests.helpers.gui import DEMO_CATALOG, LinkFeed

pytest.importorskip("clerk_app.gui.worklist")


def _cases(store) -> None:
    """The demo catalog cached (as after a sign-in) and five cases of this window."""
    from tests.helpers.worklist import add_case

    text = DEMO_CATALOG.read_text("utf-8")
    store.save_catalog(text, "demo", None, store.clock.now())
    today = date(2026, 11, 30)
    rows = [
        ("王秀英", date(2026, 11, 16), date(2026, 11, 27), "DEMO-GA-009"),  # overdue
        ("李建国", date(2026, 11, 20), date(2026, 12, 1), "DEMO-GA-001"),  # due soon
        ("赵敏", date(2026, 11, 26), date(2026, 12, 24), "DEMO-GA-002"),
        ("陈志强", today, date(2026, 12, 28), "DEMO-GA-013"),
        ("刘洋", today, None, "DEMO-GA-005"),
    ]
    for seq, (name, received, due, item) in enumerate(rows, 1):
        add_case(store, seq, received=received, due=due, name=name, item_code=item)


def _desk(qtbot, context, qm_dir, language: str):
    from clerk_app.gui.worklist import WorklistPane

    install_translations(language, qm_dir)
    window = open_window(qtbot, context)
    if not isinstance(window.worklist, WorklistPane):
        window.set_worklist(WorklistPane(context, SESSION, context.calendar, window.writer))
    window.resize(1480, 880)
    feed = LinkFeed()  # the status bar as after a push round: online, nothing waiting
    window.attach_sync(feed)
    feed.status_changed.emit(True, 0, 0)
    now = context.clock.now()
    feed.details_changed.emit(LinkDetails("online", 0, last_contact=now, waiting_kinds=(0, 0, 0)))
    window.focus_search()
    qtbot.keyClicks(window.catalog_pane.search, "sfz")
    window.catalog_pane.choose_current()
    window.intake.ui.personNameEdit.insert("张三")
    return window


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    return tmp_path_factory.getbasetemp() / "desk-screenshots"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_desk_screenshots(qtbot, context, qm_dir, shots, language):
    _cases(context.backend.store)
    window = _desk(qtbot, context, qm_dir, language)
    shots.mkdir(exist_ok=True)
    short = "zh" if language == "zh_CN" else "en"
    qtbot.wait(50)
    desk = shots / f"desk-{short}.png"
    online = {"zh": "在线 · 无待上传", "en": "Online · nothing waiting"}[short]
    assert window.connection_indicator.text().startswith(online)
    assert window.grab().save(str(desk))
    window.show_worklist_tab()
    qtbot.waitUntil(lambda: window.worklist.model.rowCount() == 5)
    worklist = shots / f"worklist-{short}.png"
    assert window.grab().save(str(worklist))
    for path in (desk, worklist):
        image = QImage(str(path))
        assert image.width() >= 1400 and image.height() >= 800
