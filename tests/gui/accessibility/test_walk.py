"""The check itself: it reports a nameless field, a pale label and a button pale in one of
its states, and leaves a disabled caption out (WCAG asks nothing of inactive controls)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from tests.helpers.contrast import button_contrasts

from .walk import problems


def test_the_walk_reports_what_a_person_could_not_use(qtbot) -> None:
    panel = QWidget()
    qtbot.addWidget(panel)
    layout = QVBoxLayout(panel)
    field = QLineEdit(panel)
    pale = QLabel("Pale", panel)
    pale.setStyleSheet("color: #bbbbbb; background: white;")
    caption = QLabel("Disabled caption", panel)
    caption.setStyleSheet("color: #bbbbbb; background: white;")
    caption.setEnabled(False)
    chip = QPushButton("Chip", panel)
    chip.setCheckable(True)
    chip.setStyleSheet(
        "QPushButton { color: #203040; background: white; } QPushButton:checked { color: #f4a0a0; }"
    )
    for widget in (field, pale, caption, chip):
        layout.addWidget(widget)
    panel.show()
    qtbot.waitExposed(panel)
    found = problems(panel, "panel")
    assert len(found) == 3, found
    assert any("no name: QLineEdit" in p for p in found)
    assert any("'Pale'" in p for p in found) and not any("Disabled" in p for p in found)
    assert any("QPushButton:checked 'Chip'" in p for p in found)
    plain = [c for c in button_contrasts(panel) if c.widget == "QPushButton"]
    assert plain and plain[0].ratio >= 4.5  # its plain state is dark on white

    field.setAccessibleName("Name")
    pale.setStyleSheet("color: #44546a; background: white;")
    chip.setStyleSheet(chip.styleSheet().replace("#f4a0a0", "#b3261e"))
    assert problems(panel, "panel") == []


def test_the_walk_reports_pale_fields_cells_and_selections(qtbot, app_palette) -> None:
    """Qt's own placeholder grey and Fusion's selection blue are below 4.5:1; the app's
    readable palette (``gui.palette``, installed here by the fixture) lifts both."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

    from clerk_app.gui.palette import readable_palette

    panel = QWidget()
    qtbot.addWidget(panel)
    layout = QVBoxLayout(panel)
    field = QLineEdit(panel)
    field.setAccessibleName("Reason")
    field.setPlaceholderText("Why")
    table = QTableWidget(1, 1, panel)
    table.setAccessibleName("Cases")
    overdue = QTableWidgetItem("Overdue")
    overdue.setForeground(QColor("#ff8a80"))
    table.setItem(0, 0, overdue)
    layout.addWidget(field)
    layout.addWidget(table)
    pale = QPalette(app_palette)
    pale.setColor(QPalette.ColorRole.PlaceholderText, QColor(0, 0, 0, 128))
    pale.setColor(QPalette.ColorRole.Highlight, QColor("#308cc6"))
    pale.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    panel.setPalette(pale)
    panel.show()
    qtbot.waitExposed(panel)
    found = problems(panel, "panel")
    assert any("placeholder 'Why': #7f7f7f on #ffffff = 4.00:1" in p for p in found), found
    assert any("selected row (active): #ffffff on #308cc6" in p for p in found), found
    assert any("cell 'Overdue': #ff8a80" in p for p in found), found
    assert len(found) == 4, found  # the selection active and inactive, the cell, the field

    overdue.setForeground(QColor("#b3261e"))
    panel.setPalette(readable_palette(pale))
    assert problems(panel, "panel") == []


def test_a_name_no_catalog_translates_is_read_as_written_in_chinese(qtbot, qm_dir) -> None:
    """A name missing from every catalog (Qt's own strings qtbase leaves out, a new one not
    yet translated) keeps its source text: it was read as nothing."""
    from PySide6.QtCore import QCoreApplication

    from clerk_app.gui.i18n import install_translations

    install_translations("zh_CN", qm_dir)
    assert QCoreApplication.translate("Printing", "No catalog has this") == "No catalog has this"
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
    field = QLineEdit()
    qtbot.addWidget(field)
    field.setAccessibleName(QCoreApplication.translate("Printing", "No catalog has this"))
    assert problems(field, "field") == []
