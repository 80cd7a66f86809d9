"""A due date in a year whose holiday schedule is not published yet (issue 15): the desk
still skips the statutory holidays (2027's 元旦 here), and the words under the date say
so — only the make-up working days are unknown — in Chinese and in English."""

from __future__ import annotations

from datetime import datetime

import pytest

from clerk_app.core.calendar import WorkCalendar
from clerk_app.core.clock import CENTER_TZ, FixedClock
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.intake_form import IntakeForm
from tests.helpers.gui import demo_catalog

WORDS = {
    "zh_CN": ("暂定", "已计入法定节假日", "周末"),
    "en": ("Provisional", "statutory holidays are counted", "weekends only"),
}


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_provisional_due_date_says_the_holidays_are_counted(qtbot, qm_dir, language):
    install_translations(language, qm_dir)
    # Sunday 2026-12-06; 居民身份证换领 promises 20 working days.
    form = IntakeForm(
        FixedClock(datetime(2026, 12, 6, 10, 0, tzinfo=CENTER_TZ)), WorkCalendar.builtin()
    )
    qtbot.addWidget(form)
    form.set_item(demo_catalog().item("DEMO-GA-002"))
    text = form.ui.dueDateLabel.text()
    marked, counted, wrong = WORDS[language]
    assert text.startswith("2027-01-04")  # Friday 2027-01-01 is 元旦, not the 20th day
    assert marked in text and counted in text
    assert wrong not in text
