"""Every document the desk prints has its own printer choice in File ▸ Settings, named in
the UI's language, and a printer set for it is the one the print dialog picks."""

from __future__ import annotations

import re

import pytest

import clerk_app.documents.notice_render  # registers the notices
import clerk_app.documents.render  # noqa: F401 - registers the acceptance receipt
from clerk_app.core.provisioning import DOCUMENT_KINDS
from clerk_app.documents.kinds import document_kinds
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.printing import PrinterChoices
from clerk_app.gui.settings_dialog import SettingsDialog

HAN = re.compile(r"[\u4e00-\u9fff]")


def test_every_registered_document_kind_is_a_printer_kind():
    registered = {kind.code for kind in document_kinds()}
    assert {"supplied", "lapsed", "commitment"} <= registered
    assert registered <= set(DOCUMENT_KINDS)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_settings_offer_a_named_printer_for_every_kind(qtbot, context, qm_dir, language):
    install_translations(language, qm_dir)
    dialog = SettingsDialog(context, None, printers=["Counter-A4", "Roll-80"])
    qtbot.addWidget(dialog)
    dialog.show()
    for code in ("supplied", "lapsed", "commitment", *(k.code for k in document_kinds())):
        label = dialog.printer_labels[code].text()
        assert dialog.kind_name(code) != code and label.endswith(":"), label  # a name
        if language == "en":
            assert label.split(" (")[0].isascii(), label
        else:
            assert HAN.search(label.split("（")[0].split("(")[0]), label
    assert dialog.printer_labels["supplied"].text() != dialog.printer_labels["lapsed"].text()


def test_a_printer_set_for_the_deferred_follow_up_is_the_one_chosen(qtbot, context):
    dialog = SettingsDialog(context, None, printers=["Counter-A4", "Back-office"])
    qtbot.addWidget(dialog)
    box = dialog.printer_boxes["lapsed"]
    box.setCurrentIndex(box.findText("Back-office"))
    dialog.save()
    qtbot.waitUntil(lambda: PrinterChoices(context).printer_for("lapsed") == "Back-office")
    assert PrinterChoices(context).printer_for("supplied") != "Back-office"
