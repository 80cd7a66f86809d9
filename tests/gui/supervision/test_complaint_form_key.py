"""The complaint form keeps one Idempotency-Key per complaint as typed (issue 19): pressing
Ctrl+Return again after a lost answer sends the same key, so the service answers with the
complaint it already took instead of taking a second one; an edited or cleared form is a
new complaint with a new key."""

from __future__ import annotations

from clerk_app.gui.supervision_dialogs import ComplaintForm


def test_a_retry_sends_the_same_key_and_an_edit_a_new_one(qtbot) -> None:
    form = ComplaintForm()
    qtbot.addWidget(form)
    form.name.setText("王小明")
    form.about.setText("W01")
    form.account.setPlainText("窗口人员态度生硬")
    first = form.value()
    assert first.key and form.value().key == first.key  # the retry of the same complaint
    form.account.setPlainText("窗口人员态度生硬，让我多跑了一趟")
    edited = form.value()
    assert edited.key != first.key and edited.account.endswith("一趟")
    form.clear()
    form.name.setText("王小明")
    form.about.setText("W01")
    form.account.setPlainText("窗口人员态度生硬，让我多跑了一趟")
    assert form.value().key not in (first.key, edited.key)  # taken in: the next is new
