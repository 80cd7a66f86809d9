"""The desk's windows against the real records service, signed in as the demo users (issue
18): every focusable control has an accessible name and every text meets 4.5:1 — the
clerk's main window (catalog, intake form, worklist), a case's detail, the joint intake, the
lookup, settings, log, shortcuts and about dialogs, the cashier's and finance's screens and
the lead's dashboard, each of their tabs, in English and in Chinese."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from clerk_app.gui.app import Desk
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.joint_intake import open_joint_intake
from clerk_app.gui.wizard import FirstRunWizard
from clerk_app.gui.worklist_model import CASE_NO_ROLE
from clerk_app.paths import Paths
from tests.helpers.keyboard import CTRL, applicant, find_item, mark, press, to_materials
from tests.helpers.worklist import add_case

from .walk import problems


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_clerks_desk_and_its_dialogs_name_every_control(
    qtbot, open_as, qm_dir, language
) -> None:
    install_translations(language, qm_dir)
    window = open_as("demo-clerk")
    qtbot.waitUntil(lambda: window.catalog_pane.model.rowCount() > 0, timeout=20_000)
    found = problems(window, "desk before an item")
    window.catalog_pane.search.setText("sfz")
    window.catalog_pane.choose_current()
    assert window.current_item is not None
    found += problems(window, "desk with an intake")

    add_case(
        window.context.backend.store, 9001 + (language == "en"), received=date.today(), due=None
    )
    window.show_worklist_tab()
    qtbot.waitUntil(lambda: window.worklist.model.rowCount() >= 1, timeout=10_000)
    model = window.worklist.model
    detail = window.worklist.open_case(model.data(model.index(0, 0), CASE_NO_ROLE))
    found += problems(detail, "case detail")
    detail.close()

    catalog = window.catalog_pane.model.catalog
    joint = open_joint_intake(window, catalog.packages[0])
    assert joint is not None
    found += problems(joint, "joint intake")
    joint.close()

    for tool in ("show_lookup", "show_settings", "show_log", "show_shortcuts", "show_about"):
        getattr(window, tool)()
        dialog = window.last_tool
        found += problems(dialog, tool)
        dialog.close()
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    ("user", "window_code"),
    [("demo-cashier", "S01"), ("demo-finance", "S01"), ("demo-lead", "W01")],
)
def test_the_cashier_finance_and_dashboard_screens_name_every_control(
    qtbot, open_as, user, window_code
) -> None:
    screen = open_as(user, window_code)
    offline = getattr(screen, "offline", None)  # the cashier's first pull, off the GUI thread
    if offline is not None:
        qtbot.waitUntil(lambda: not offline.pulling, timeout=60_000)
    qtbot.wait(200)  # the first answers on screen
    found = problems(screen, user)
    assert not found, "\n".join(found)


def test_the_desks_other_dialogs_name_every_control(
    qtbot, open_as, shared_records_service, make_context, tmp_path
) -> None:
    """The first-run wizard, the sign-in, the connection panel (F8), the parked intakes,
    the password change and the self-check."""
    home = Paths(tmp_path / "new", tmp_path / "new-config", tmp_path / "logs", tmp_path / "docs")
    wizard = FirstRunWizard(home.config_dir, paths=home.ensure())
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    found = problems(wizard, "first-run wizard")
    wizard.close()
    login = Desk(make_context(shared_records_service.base_url, home="login")).make_login()
    qtbot.addWidget(login)
    login.show()
    qtbot.waitExposed(login)
    found += problems(login, "sign-in")
    login.close()
    window = open_as("demo-clerk")
    qtbot.waitUntil(lambda: window.catalog_pane.model.rowCount() > 0, timeout=20_000)
    indicator = window.connection_indicator
    indicator.open_panel()
    found += problems(indicator.panel, "connection panel")
    indicator.panel.close()
    parked = window.parking.show_list()
    assert parked is not None
    found += problems(parked, "parked intakes")
    parked.close()
    for tool in ("change_password", "show_self_check"):
        getattr(window, tool)()
        found += problems(window.last_tool, tool)
        window.last_tool.close()
    assert not found, "\n".join(found)


def test_the_cashiers_void_and_daily_close_dialogs_name_every_control(qtbot, open_as) -> None:
    """F7 (void a receipt) and F10 (the daily close) at the cashier screen."""
    from clerk_app.gui import cashier_close

    screen = open_as("demo-cashier", "S01")
    qtbot.waitUntil(lambda: not screen.offline.pulling, timeout=30_000)  # its first pull
    found: list[str] = []
    for opened in (cashier_close.open_void(screen), cashier_close.open_close(screen)):
        qtbot.waitExposed(opened)
        qtbot.wait(100)  # the close's totals asked in the background
        found += problems(opened, type(opened).__name__)
        opened.close()
    assert not found, "\n".join(found)


def test_the_confirmation_of_an_accepted_case_names_every_control(qtbot, open_as) -> None:
    """An on-the-spot case taken in by keyboard (Ctrl+Return): the confirmation dialog."""
    window = open_as("demo-clerk")
    qtbot.waitUntil(lambda: window.catalog_pane.model.rowCount() > 0, timeout=20_000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    find_item(qtbot, window, "DEMO-GA-004")
    applicant(qtbot, window)
    to_materials(qtbot, window)
    mark(qtbot, window, "rrr")
    found = problems(window, "the intake filled in")
    press(qtbot, window, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: window.last_dialog is not None, timeout=20_000)
    found += problems(window.last_dialog, "case accepted")
    window.last_dialog.close()
    assert not found, "\n".join(found)
