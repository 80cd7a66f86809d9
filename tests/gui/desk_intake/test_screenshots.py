"""Screenshots of the intake form for each decision, in Chinese and in English.

Saved under the test's tmp folder (``intake-<decision>-<lang>.png``) to be looked at; the
test checks that each shows its decision's own part and no English leaks into Chinese.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication

from clerk_app.core.calendar import WorkCalendar
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.intake_form import IntakeForm
from tests.helpers.gui import VALID_ID, demo_catalog, monday_morning

# decision: (item, material marks, extra set-up)
SETUPS = {
    "immediate": ("DEMO-GA-004", "rrr"),
    "promised": ("DEMO-GA-001", "r"),
    "deferred_materials": ("DEMO-GA-006", "rrrrl"),
    "supplement": ("DEMO-GA-006", "r-r-"),
    "refused": ("DEMO-GA-001", ""),
    "forwarded": ("DEMO-GA-013", "rr"),
}
_ENGLISH_WORD = re.compile(r"\b[A-Za-z]{4,}\b")


def _fill(qtbot, form: IntakeForm, decision: str) -> None:
    code, marks = SETUPS[decision]
    form.set_item(demo_catalog().item(code))
    form.ui.personNameEdit.insert("张三")
    form.ui.personIdEdit.setText(VALID_ID)
    form.ui.personMobileEdit.setText("13800138000")
    if decision == "promised":
        form.ui.agentBox.setChecked(True)
        form.agent_fields.name_edit.insert("李四")
        form.agent_fields.set_id_type("passport")
        form.agent_fields.id_edit.setText("E12345678")
    for row, mark in enumerate(marks):
        if mark == "r":
            form.materials_table.set_state(row, "received")
        elif mark == "l":
            form.materials_table.set_state(row, "deferred")
    assert form.decision.set_disposition(decision)
    if decision == "refused":
        form.decision.reason_combo.setCurrentIndex(2)
        form.decision.reason_edit.setText("户籍不在本市")
    if decision == "forwarded":
        form.decision.forward_reason_edit.setText("须经省级主管部门审批")
    form.ui.materialsTable.setFocus()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_screenshots_of_each_decision(qtbot, qm_dir, tmp_path, lang):
    install_translations(lang, qm_dir)
    for decision in SETUPS:
        form = IntakeForm(monday_morning(), WorkCalendar.builtin())
        qtbot.addWidget(form)
        form.resize(680, 900)
        form.show()
        _fill(qtbot, form, decision)
        form.resize(680, max(form.sizeHint().height(), 600))
        qtbot.waitExposed(form)
        QApplication.processEvents()  # pending layout requests
        path = tmp_path / f"intake-{decision}-{lang}.png"
        assert form.grab().save(str(path))
        assert path.stat().st_size > 10_000
        page = form.ui.decisionStack.currentWidget()
        assert page.isVisible()
        ready = form.ui.acceptButton.isEnabled()
        assert ready, (decision, form.ui.missingLabel.text())
        if lang == "zh_CN":
            shown = [form.ui.decisionCombo.currentText(), form.ui.dispositionLabel.text()]
            shown += [form.ui.materialsTable.item(0, c).text() for c in range(1, 5)]
            for text in shown:
                assert not _ENGLISH_WORD.search(text), (decision, text)
        form.close()


def test_switching_language_relabels_the_same_form(qtbot, qm_dir):
    form = IntakeForm(monday_morning(), WorkCalendar.builtin())
    qtbot.addWidget(form)
    form.show()
    _fill(qtbot, form, "refused")
    table = form.ui.materialsTable

    def texts():
        return {
            "decision": form.ui.decisionCombo.currentText(),
            "header": table.horizontalHeaderItem(0).text(),
            "state": table.item(0, 4).text(),
            "type": form.ui.personIdTypeCombo.currentText(),
            "reason": form.decision.reason_combo.currentText(),
            "accept": form.ui.acceptButton.text(),
            "caption": form.ui.personIdCaption.text(),
        }

    english = texts()
    assert english["decision"].startswith("Not accepted") and english["header"] == "Material"
    install_translations("zh_CN", qm_dir)
    QApplication.processEvents()  # the LanguageChange events
    chinese = texts()
    assert chinese == {
        "decision": "不予受理",
        "header": "材料",
        "state": "缺",
        "type": "居民身份证",
        "reason": "申请人不具备申请资格或不符合法定条件",
        "accept": "受理(&A)  (Ctrl+Return)",
        "caption": "身份证号码(&U)：",
    }
    assert form.decision.reason_edit.text() == "户籍不在本市"  # what was typed stays
    install_translations("en", qm_dir)
    QApplication.processEvents()
    assert texts() == english
