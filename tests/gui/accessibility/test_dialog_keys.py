"""The desk's smaller dialogs walked by keyboard (issue 18), each as a clerk opens it: the
fee waiver and the lead's approval of it, the refund request a lead signs in to, the
printer that is not available, the print preview, the archived PDF's viewer, the idle
lock, and the applicant screen's "tell the clerk" page. For each: the focus starts on the
first field, Tab reaches every control in reading order, every control is named (a buddy
label or an accessibleName), the default button is the one Enter should press, Esc closes
(the lock screen: stays), and every text — labels, buttons, line edits and their
placeholders, table cells and selected rows — meets 4.5:1, in English and Chinese."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QDialogButtonBox, QToolButton

from clerk_app.app.documents import document_pdf, issue_document
from clerk_app.core.fees import NoticeLine, Waiver
from clerk_app.documents import DocumentTexts, build_notice
from clerk_app.gui.applicant_screen import ApplicantScreen
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.idle_lock import LockScreen
from clerk_app.gui.palette import install_readable_palette
from clerk_app.gui.pdf_viewer import PdfViewer
from clerk_app.gui.printer_choice import PrinterUnavailableDialog
from clerk_app.gui.printing import PreviewSession, PrinterChoices
from clerk_app.gui.refund_request import RefundRequestDialog
from clerk_app.gui.waiver_dialog import LeadApprovalDialog, WaiverDialog
from tests.helpers import document_samples as samples
from tests.helpers.contrast import contrast_ratio
from tests.helpers.offline import UNREACHABLE
from tests.helpers.printing import clerk_session
from tests.helpers.store import add_case, make_payload

from .keys import activate, esc_problems, keyboard_problems
from .walk import problems

LANGUAGES = ["en", "zh_CN"]
LINES = (
    NoticeLine("DEMO-GA-009", "居民身份证工本费", 11_000, "发改价格〔2003〕2322号", waivable=True),
)
REASONS = [("subsistence", "低保"), ("other", "其他依规减免")]


def _ok(dialog) -> object:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_waiver_and_the_leads_approval_by_keyboard(qtbot, qm_dir, language) -> None:
    install_translations(language, qm_dir)
    waiver = WaiverDialog(REASONS, LINES, 10_000)
    qtbot.addWidget(waiver)
    activate(qtbot, waiver)
    found = problems(waiver, "waiver")
    found += keyboard_problems(qtbot, waiver, "waiver", first=waiver.reason, default=_ok(waiver))
    found += esc_problems(qtbot, waiver, "waiver")

    approval = LeadApprovalDialog(lambda _u, _p: None, Waiver("subsistence", 11_000, ""))
    qtbot.addWidget(approval)
    activate(qtbot, approval)
    found += problems(approval, "lead approval")
    found += keyboard_problems(
        qtbot, approval, "lead approval", first=approval.username, default=_ok(approval)
    )
    found += esc_problems(qtbot, approval, "lead approval")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_refund_request_a_lead_signs_in_to_by_keyboard(
    qtbot, qm_dir, make_context, language
) -> None:
    """As the case's fees open it (Alt+F): the lead's name first; Enter moves on and never
    closes it (so it has no default button), Ctrl+Enter sends, Esc closes."""
    install_translations(language, qm_dir)
    context = make_context(UNREACHABLE)
    dialog = RefundRequestDialog(context, None, "JK-W01-20261128-0001", lead_signs_in=True)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    found = problems(dialog, "refund request")
    found += keyboard_problems(
        qtbot, dialog, "refund request", first=dialog.lead_user, default=None
    )
    dialog.lead_user.setFocus()
    qtbot.keyClick(dialog.lead_user, Qt.Key.Key_Return)  # Enter moves on, never closes
    assert dialog.isVisible() and dialog.focusWidget() is dialog.lead_password
    found += esc_problems(qtbot, dialog, "refund request")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_printer_choice_the_preview_and_the_viewer_by_keyboard(
    qtbot, qm_dir, make_context, language
) -> None:
    install_translations(language, qm_dir)
    chooser = PrinterUnavailableDialog("hall-laser-2f", "missing", ["front-desk", "back-office"])
    qtbot.addWidget(chooser)
    activate(qtbot, chooser)
    found = problems(chooser, "printer choice")
    found += keyboard_problems(
        qtbot, chooser, "printer choice", first=chooser.printers, default=chooser.print_button
    )
    found += esc_problems(qtbot, chooser, "printer choice")

    context = make_context(UNREACHABLE)
    preview = PreviewSession(build_notice(samples.fee(), DocumentTexts.load()), _choices(context))
    activate(qtbot, preview.dialog)
    qtbot.wait(50)
    found += problems(preview.dialog, "print preview")
    # Qt's preview: the tool bar's buttons first, then the page; nothing is the default.
    tools = [b for b in preview.dialog.findChildren(QToolButton) if b.isVisible()]
    found += keyboard_problems(
        qtbot, preview.dialog, "print preview", first=_focused_or(tools), default=None, order=False
    )
    found += esc_problems(qtbot, preview.dialog, "print preview")

    payload = make_payload(1)
    add_case(context.backend.store, payload)
    data = replace(samples.void(case_no=payload["case_no"]), document_no="")
    issued = issue_document(context, clerk_session(), data)
    viewer = PdfViewer(
        context, document_pdf(context, issued.path), "作废通知书", "void", issued.path
    )
    activate(qtbot, viewer)  # deletes itself on close
    found += problems(viewer, "PDF viewer")
    found += keyboard_problems(qtbot, viewer, "PDF viewer", first=viewer.view, default=None)
    found += esc_problems(qtbot, viewer, "PDF viewer")
    assert not found, "\n".join(found)


def _choices(context) -> PrinterChoices:
    return PrinterChoices(context)


def _focused_or(tools):
    from PySide6.QtWidgets import QApplication

    return QApplication.focusWidget() or (tools[0] if tools else None)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_idle_lock_by_keyboard(qtbot, qm_dir, language) -> None:
    """The password has the focus, Enter unlocks (the default), Esc leaves it locked."""
    install_translations(language, qm_dir)
    typed: list[str] = []
    lock = LockScreen("演示窗口人员", typed.append)
    qtbot.addWidget(lock)
    activate(qtbot, lock)
    found = problems(lock, "idle lock")
    found += keyboard_problems(
        qtbot, lock, "idle lock", first=lock.password, default=lock.unlock_button
    )
    found += esc_problems(qtbot, lock, "idle lock", closes=False)
    lock.password.setFocus()
    qtbot.keyClicks(lock.password, "pw-2026")
    with qtbot.waitSignal(lock.unlocked, timeout=5000):
        qtbot.keyClick(lock.password, Qt.Key.Key_Return)  # Enter: Unlock
    assert typed == ["pw-2026"]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_applicant_screens_tell_the_clerk_page(qtbot, qm_dir, language) -> None:
    """需要更正 pressed: "Please tell the clerk…" in words a screen reader reads, 4.5:1."""
    install_translations(language, qm_dir)
    screen = ApplicantScreen("示例政务服务中心")
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.show_feedback("correction")
    assert screen.page() == ApplicantScreen.FEEDBACK
    found = problems(screen, "tell the clerk")
    screen.show_feedback("confirmed")
    found += problems(screen, "confirmed")
    assert not found, "\n".join(found)


def fusion_dark() -> QPalette:
    """Fusion's dark palette as Qt builds it for a dark system scheme (qt_fusionPalette):
    the offscreen platform has no dark scheme to switch to."""
    text, window = QColor(240, 240, 240), QColor(50, 50, 50)
    base = window.darker(140)
    palette = QPalette()
    role = QPalette.ColorRole
    for name, colour in (
        (role.WindowText, text), (role.Text, text), (role.ButtonText, text),
        (role.BrightText, text), (role.Window, window), (role.Button, window),
        (role.Base, base), (role.AlternateBase, window), (role.Light, window.lighter(150)),
        (role.Dark, window.darker(150)), (role.Mid, window.darker(130)),
    ):  # fmt: skip
        palette.setColor(name, colour)
    palette.setColor(QPalette.ColorRole.Highlight, QColor(48, 140, 198))
    palette.setColor(QPalette.ColorRole.HighlightedText, text)
    placeholder = QColor(text)
    placeholder.setAlpha(128)
    palette.setColor(QPalette.ColorRole.PlaceholderText, placeholder)
    return palette


def test_the_dialogs_fields_and_lists_in_a_dark_scheme(qtbot, qapp, make_context) -> None:
    """A clerk's PC in dark mode: run_app makes that palette readable too — the refund
    request's placeholders, the printer list's selected row, the waiver's fields."""
    dark = fusion_dark()
    assert contrast_ratio(QColor(240, 240, 240), QColor(48, 140, 198)) < 4.5  # as Qt has it
    qapp.setPalette(dark)
    install_readable_palette(qapp)
    refund = RefundRequestDialog(make_context(UNREACHABLE), None, "", lead_signs_in=True)
    chooser = PrinterUnavailableDialog("hall-laser-2f", "missing", ["front-desk", "back-office"])
    waiver = WaiverDialog(REASONS, LINES, 10_000)
    found: list[str] = []
    for dialog, where in ((refund, "refund request"), (chooser, "printer choice"),
                          (waiver, "waiver")):  # fmt: skip
        qtbot.addWidget(dialog)
        activate(qtbot, dialog)
        found += problems(dialog, f"{where}, dark")
        dialog.close()
    assert not found, "\n".join(found)
