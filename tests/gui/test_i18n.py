"""Translations: every visible string is translated, and the app speaks the chosen language."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from clerk_app.gui import i18n_build
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.login import LoginDialog

TS_DIR = i18n_build.TRANSLATIONS_DIR
PLACEHOLDER = re.compile(r"%n|%\d|\{[a-z_]+\}")


def _messages(ts: Path) -> dict[tuple[str, str], list[str] | None]:
    """(context, source) -> translations (None when unfinished or empty)."""
    out: dict[tuple[str, str], list[str] | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            tr = message.find("translation")
            forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
            done = tr.get("type") not in ("unfinished", "vanished", "obsolete")
            out[(name, source)] = forms if done and all(f.strip() for f in forms) else None
    return out


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory) -> Path:
    """What lupdate extracts from the code and forms right now."""
    ts = tmp_path_factory.mktemp("ts") / "fresh.ts"
    i18n_build.update([ts])
    return ts


@pytest.fixture
def language(qapp, qm_dir):
    """Install a language for one test, and go back to English afterwards."""
    yield lambda lang: install_translations(lang, qm_dir)
    install_translations("en", qm_dir)


@pytest.mark.parametrize("ts_name", ["clerk_zh_CN.ts", "clerk_en.ts"])
def test_every_source_string_has_a_finished_translation(fresh_ts, ts_name):
    wanted = set(_messages(fresh_ts))
    committed = _messages(TS_DIR / ts_name)
    missing = sorted(wanted - set(committed))
    assert not missing, f"run `python -m clerk_app.gui.i18n_build --update`: {missing}"
    unfinished = sorted(k for k in wanted if committed[k] is None)
    assert not unfinished, f"untranslated in {ts_name}: {unfinished}"
    stale = sorted(set(committed) - wanted)
    assert not stale, f"strings no longer in the code: {stale}"


def test_translations_keep_every_placeholder():
    for (_ctx, source), forms in _messages(TS_DIR / "clerk_zh_CN.ts").items():
        expected = sorted(set(PLACEHOLDER.findall(source)))
        for form in forms or []:
            assert sorted(set(PLACEHOLDER.findall(form))) == expected, (source, form)


def test_translation_contexts_are_class_names(fresh_ts):
    # lupdate's Python parser can lose track of the class and invent a dotted context, which
    # the running app never looks up: the string would silently stay English.
    contexts = {ctx for ctx, _source in _messages(fresh_ts)}
    assert all(re.fullmatch(r"[A-Za-z]+", ctx) for ctx in contexts), contexts


def test_chinese_translation_is_simplified_chinese():
    for (_ctx, source), forms in _messages(TS_DIR / "clerk_zh_CN.ts").items():
        if not re.search(r"[A-Za-z]", source):
            continue  # punctuation, e.g. the list separator
        for form in forms or []:
            assert re.search(r"[\u4e00-\u9fff]", form), (source, form)


def _login(qtbot) -> LoginDialog:
    dialog = LoginDialog(
        lambda u, p: None,
        center_name="衡水市政务服务中心",
        window_code="W01",
        window_name="公安户政",
        server="https://records.example:8443",
    )
    qtbot.addWidget(dialog)
    return dialog


def test_in_chinese_the_sign_in_dialog_speaks_chinese(qtbot, language):
    assert "clerk_zh_CN" in language("zh_CN")
    dialog = _login(qtbot)
    assert dialog.windowTitle() == "登录 — 窗口受理客户端"
    assert dialog.ui.userCaption.text() == "用户名(&U)："
    assert dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).text() == "登录(&S)"
    # Qt's own strings come from qtbase_zh_CN.
    cancel = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().startswith("取消")


def test_in_english_the_sign_in_dialog_speaks_english(qtbot, language):
    language("en")
    dialog = _login(qtbot)
    assert dialog.windowTitle() == "Sign in — Window Clerk"
    assert dialog.ui.userCaption.text() == "&User name:"
    assert dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
