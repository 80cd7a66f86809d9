"""The desk's menu dialogs, opened from ``MainWindow``: settings, log view, shortcuts,
self-check, about, lookup; and :func:`save_setting`.

Each ``open_*`` takes the main window and returns the dialog it opened (window-modal,
``open()``, never ``exec()``: nothing blocks the event loop).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from clerk_app import __version__

log = logging.getLogger("clerk.gui")


def save_setting(window: Any, key: str, value: Any, *, quiet: bool = False) -> bool:
    """Set and save one setting; a file that cannot be written is told in the status bar.

    Returns:
        True when the settings file was written (or there is none to write).
    """
    settings = window.context.settings
    settings.set(key, value)
    try:
        settings.save()
    except OSError as exc:
        log.warning("settings not saved to %s: %s", settings.path, exc)
        if not quiet:
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "DeskDialogs",
                    "The settings could not be saved (%1). They apply until you quit.",
                ).replace("%1", exc.strerror or str(exc))
            )
        return False
    return True


def open_settings(window: Any) -> QWidget:
    from clerk_app.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.context, window.writer, window)
    dialog.language_chosen.connect(window.apply_language)
    dialog.saved.connect(lambda: settings_applied(window))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def settings_applied(window: Any) -> None:
    """After File ▸ Settings: the worklist shows the new yellow-card threshold; the
    applicant screen is turned on or off at once."""
    from clerk_app.gui.applicant_screen import apply_applicant_setting

    for name in ("retranslate", "refresh"):
        method = getattr(window.worklist, name, None)
        if callable(method):
            method()
    apply_applicant_setting(window)


def open_log_view(window: Any, *, export: bool = False) -> QWidget:
    from clerk_app.gui.log_view import LogView

    dialog = LogView(window.context, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    if export:
        dialog.ask_export()
    return dialog


def open_shortcuts(window: Any) -> QWidget:
    from clerk_app.gui.shortcuts import ShortcutsDialog

    extra = [
        (
            QCoreApplication.translate("DeskDialogs", "Down, Up"),
            QCoreApplication.translate(
                "DeskDialogs", "Move through the found items from the search line"
            ),
        ),
        (
            QCoreApplication.translate("DeskDialogs", "Enter"),
            QCoreApplication.translate("DeskDialogs", "Choose the item under the cursor"),
        ),
        (
            QCoreApplication.translate("DeskDialogs", "Tab, Shift+Tab"),
            QCoreApplication.translate("DeskDialogs", "Next / previous field"),
        ),
        (
            QCoreApplication.translate("DeskDialogs", "Alt+letter"),
            QCoreApplication.translate(
                "DeskDialogs", "Open a menu or press a button by its underlined letter"
            ),
        ),
        (
            QCoreApplication.translate("DeskDialogs", "Esc"),
            QCoreApplication.translate("DeskDialogs", "Close a dialog"),
        ),
    ]
    dialog = ShortcutsDialog(window.menuBar(), extra, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_self_check(window: Any) -> QWidget:
    from clerk_app.gui.i18n import current_language
    from clerk_app.gui.selfcheck_dialog import SelfCheckDialog

    ctx = window.context
    dialog = SelfCheckDialog(ctx.paths, ctx.provisioning, current_language(), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.start()
    return dialog


def about_lines(context: Any, window_name: str = "") -> list[tuple[str, str]]:
    """(label, value) pairs of Help ▸ About: version, service, window, database, logs.

    ``window_name``: the name the records service gave the window at sign-in; it wins over
    the provisioning file's (issue 15: one window, one name).
    """
    prov = context.provisioning
    paths = context.paths
    none = "—"
    name = window_name or prov.window_name
    window = f"{prov.window_code} {name} · {prov.department}".strip()
    return [
        (QCoreApplication.translate("DeskDialogs", "Version"), __version__),
        (QCoreApplication.translate("DeskDialogs", "Service center"), prov.center_name),
        (QCoreApplication.translate("DeskDialogs", "Records service"), prov.service_url),
        (QCoreApplication.translate("DeskDialogs", "Window"), window),
        (
            QCoreApplication.translate("DeskDialogs", "Local database"),
            str(paths.database) if paths else none,
        ),
        (
            QCoreApplication.translate("DeskDialogs", "Log folder"),
            str(paths.log_dir) if paths else none,
        ),
        (
            QCoreApplication.translate("DeskDialogs", "Settings folder"),
            str(paths.config_dir) if paths else none,
        ),
    ]


def open_about(window: Any) -> QWidget:
    import html

    box = QMessageBox(window)
    box.setObjectName("aboutBox")
    box.setWindowTitle(QCoreApplication.translate("DeskDialogs", "About Window Clerk"))
    box.setTextFormat(Qt.TextFormat.RichText)
    rows = "".join(
        f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>"
        for k, v in about_lines(window.context, window.session.window_name)
    )
    intro = QCoreApplication.translate(
        "DeskDialogs", "Intake client for the windows of a government service center."
    )
    title = QCoreApplication.translate("DeskDialogs", "Window Clerk")
    box.setText(
        f"<h3>{html.escape(title)} {html.escape(__version__)}</h3>"
        f"<p>{html.escape(intro)}</p><table cellspacing='4'>{rows}</table>"
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def open_lookup(window: Any) -> QWidget | None:
    """The worklist's ``LookupDialog`` (lookup.py), when this build has it."""
    try:
        from clerk_app.gui.lookup import LookupDialog  # type: ignore[import-not-found]
    except ImportError:
        window.statusBar().showMessage(
            QCoreApplication.translate("DeskDialogs", "Case lookup is not available in this build.")
        )
        return None
    dialog = LookupDialog(window.context, window.session, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
