"""告知承诺 at the window (issue 15), keyboard only, against the real records service and a
real SQLite file: one certificate replaced by the applicant's written commitment (key C in
the checklist), refused while the dishonesty list is unqueried or names the applicant, the
commitment letter printed and read back from its PDF, the verification due in the worklist,
and a commitment found false revoking the case — gone from the hall's board, "revoked" in
the applicant's progress query."""

from __future__ import annotations

from PySide6.QtCore import Qt

from clerk_app.gui.case_detail import CaseDetail
from clerk_app.remote.api import ApiClient
from clerk_app.store.documents import case_documents
from tests.helpers.documents import flat, pdf_text
from tests.helpers.keyboard import (
    ALT,
    CTRL,
    applicant,
    choose_in_combo,
    find_item,
    press,
    sign_in,
    target,
    to_materials,
)
from tests.helpers.service_api import token_for

KINSHIP = "亲属关系证明"  # DEMO-GA-006 M4: the certificate the commitment replaces


def test_a_certificate_by_commitment_then_found_false_revokes_the_case(
    no_mouse, desk, context_of, shared_records_service
) -> None:
    qtbot = no_mouse
    window = sign_in(qtbot, desk)
    context = context_of(desk)
    form = window.intake
    find_item(qtbot, window, "DEMO-GA-006")  # household registration: M4, M5 may be promised
    applicant(qtbot, window)
    to_materials(qtbot, window)
    # M1-M3 received, M4 by the applicant's commitment (C), M5 received; M6 is optional.
    for key in ("space", "space", "space", "c", "space"):
        press(qtbot, window, Qt.Key.Key_Space if key == "space" else Qt.Key.Key_C)
        press(qtbot, window, Qt.Key.Key_Down)
    assert form.materials_table.rows[3].state == "by_commitment"
    assert form.ui.decisionCombo.currentData() == "promised"  # no material is missing
    panel = form.commitment
    assert panel.isVisible() and not panel.whole_check.isVisible()  # certificates only
    # Not before the serious-dishonesty list is queried, and never for a listed applicant.
    assert not form.ui.acceptButton.isEnabled()
    assert "Query the serious-dishonesty list" in form.ui.missingLabel.text()
    press(qtbot, window, Qt.Key.Key_Q, ALT)
    assert target(window) is panel.list_combo
    choose_in_combo(qtbot, window, panel.list_combo, "listed")
    assert not form.ui.acceptButton.isEnabled()
    assert "serious-dishonesty list: no commitment" in form.ui.missingLabel.text()
    choose_in_combo(qtbot, window, panel.list_combo, "not_listed")
    assert form.ui.acceptButton.isEnabled(), form.ui.missingLabel.text()

    with qtbot.waitSignal(window.case_accepted, timeout=20_000) as accepted:
        press(qtbot, window, Qt.Key.Key_Return, CTRL)
    taken = accepted.args[0]
    case_no = taken.case_no
    qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=10_000)
    dialog = window.last_dialog
    assert dialog.letter_button is not None and "&" in dialog.letter_button.text()
    press(qtbot, window, Qt.Key.Key_L, ALT)  # print the letter for signing
    qtbot.waitUntil(lambda: getattr(window, "last_preview", None) is not None, timeout=10_000)
    preview = window.last_preview
    assert preview.document.kind == "commitment"
    qtbot.waitUntil(preview.dialog.isVisible, timeout=10_000)
    if preview.chooser is not None:  # no printer on this test machine: say so, offer choices
        qtbot.keyClick(preview.chooser, Qt.Key.Key_Escape)
    qtbot.keyClick(preview.dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not preview.dialog.isVisible(), timeout=10_000)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # next applicant
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    # The letter is archived like a notice; its PDF says what was promised and what a
    # false promise costs.
    store = context.backend.store
    [letter] = [d for d in case_documents(store, case_no) if d.kind == "commitment"]
    assert letter.document_no == taken.commitment_letter.document_no
    text = flat(pdf_text(letter.path))
    for phrase in ("告知承诺书", case_no, KINSHIP, "虚假承诺的法律后果", "依法撤销", "核查"):
        assert phrase in text, phrase
    case = store.get_case(case_no)
    assert [m.code for m in case.materials if m.by_commitment] == ["M4"]
    assert case.first_event.data.commitment.credit_checked is True

    # The worklist shows the verification due; the case detail records the finding.
    press(qtbot, window, Qt.Key.Key_2, CTRL)
    pane = window.worklist
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: case_no in pane.verifications.text(), timeout=10_000)
    assert pane.verifications.isVisibleTo(pane)
    pane.view.setFocus()
    press(qtbot, window, Qt.Key.Key_Home, CTRL)
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pane.findChild(CaseDetail) is not None, timeout=10_000)
    detail = pane.findChild(CaseDetail)
    qtbot.waitUntil(lambda: detail.case is not None, timeout=10_000)
    verification = detail.verification
    assert verification.isVisible()
    assert "verifies by" in verification.deadline.text()
    verification.opinion.setFocus()
    qtbot.keyClicks(verification.opinion, "Kinship not in the household records")
    qtbot.keyClick(verification.opinion, Qt.Key.Key_Tab)
    assert detail.focusWidget() is verification.credit_note
    qtbot.keyClicks(verification.credit_note, "False promise: kinship")
    qtbot.keyClick(verification.credit_note, Qt.Key.Key_Tab)
    qtbot.keyClick(verification.credit_note, Qt.Key.Key_Tab)
    assert detail.focusWidget() is verification.false_button
    qtbot.keyClick(verification.false_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: detail.case.status == "revoked", timeout=15_000)
    assert "Revoked" in detail.title_label.text()
    assert not verification.isVisible()  # nothing left to verify
    found = detail.case.events[-1]
    assert found.type == "commitment_false" and found.data.credit_note == "False promise: kinship"
    detail.close()
    pane.refresh()
    qtbot.waitUntil(lambda: case_no not in pane.verifications.text(), timeout=10_000)
    assert not pane.verifications.isVisibleTo(pane)

    # The center has it: off the hall's board, "revoked" in the progress query.
    qtbot.waitUntil(lambda: store.outbox_counts()["pending"] == 0, timeout=30_000)
    assert store.outbox_counts()["rejected"] == 0
    api = ApiClient(context.provisioning.service_url, timeout=(3.05, 15))
    try:
        display = token_for(shared_records_service, "demo-display", window_code=None)
        board = {row["case_no"] for row in api.board(display)["items"]}
        progress = api.progress(case_no, taken.query_code)
    finally:
        api.close()
    assert case_no not in board
    assert progress["status"] == "revoked"
