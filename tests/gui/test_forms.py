"""The Python code generated from ui/*.ui is up to date."""

from __future__ import annotations

from clerk_app.gui import forms_build


def _body(text: str) -> list[str]:
    # The uic header names the tool version; everything else must match exactly.
    return [line for line in text.splitlines() if "Qt User Interface Compiler" not in line]


def test_every_form_has_committed_generated_code():
    forms = forms_build.form_files()
    assert {f.stem for f in forms} >= {
        "login_dialog",
        "intake_form",
        "settings_dialog",
        "conflict_dialog",
        "first_run_wizard",
        "case_detail",
        "connection_panel",
        "lookup_dialog",
        "log_view",
        "selfcheck_dialog",
        "shortcuts_dialog",
        "follow_up_dialog",
        "parked_list_dialog",
        "accepted_dialog",
        "cases_dialog",
    }
    for ui in forms:
        assert (forms_build.FORMS_DIR / f"ui_{ui.stem}.py").exists(), ui.name
    assert (forms_build.FORMS_DIR / "__init__.py").exists()


def test_generated_forms_are_not_stale(tmp_path):
    for fresh in forms_build.build(tmp_path):
        committed = forms_build.FORMS_DIR / fresh.name
        assert _body(fresh.read_text(encoding="utf-8")) == _body(
            committed.read_text(encoding="utf-8")
        ), f"{committed.name} is stale: run `python -m clerk_app.gui.forms_build`"
