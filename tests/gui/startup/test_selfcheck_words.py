"""Every word the self-check and the first-run wizard show is translated and plain (issue 15).

The self-check dialog and the command are driven against a dead port, a service whose
certificate is not trusted, a window code the service does not know, and a provisioning
file naming the window otherwise than the service. Everything a person reads — the title,
the summary, every report line, the buttons — is read back: no Python exception's words
("HTTPConnectionPool … Errno 111"), no Chinese in the English UI, no English sentence in the
Chinese UI. The technical words are behind the Details button, and there only.
"""

from __future__ import annotations

import re
import socket
import ssl
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import trustme
from PySide6.QtWidgets import QAbstractButton, QLabel, QPlainTextEdit, QWidget

from clerk_app.core.provisioning import MACHINE_DIR_ENV, load_provisioning
from clerk_app.gui import i18n_build
from clerk_app.gui.i18n import install_translations
from clerk_app.gui.selfcheck_dialog import SelfCheckDialog
from clerk_app.gui.selfcheck_qt import check_font
from clerk_app.gui.wizard import FirstRunWizard
from clerk_app.paths import default_paths
from tests.helpers.gui import REPO

DEMO = REPO / "resources" / "provisioning" / "demo-W01.toml"
SERVICE_WINDOW_NAME = "户政业务窗口"  # the demo service's name of W01
#: The words of a Python exception, of urllib3/requests or of OpenSSL.
EXCEPTION_TEXT = re.compile(
    r"Errno|HTTPConnectionPool|HTTPSConnectionPool|Max retries|NewConnectionError|"
    r"ConnectionRefused|Traceback|Exception|Error\(|Error:|\[SSL|CERTIFICATE_VERIFY_FAILED|"
    r"object at 0x|urllib3|requests\."
)
CJK = re.compile(r"[\u4e00-\u9fff]")
#: Three English words in a row, the way a sentence goes (names and codes are not).
ENGLISH_SENTENCE = re.compile(r"\b[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}\b")
CONTEXTS = ("SelfCheckDialog", "FirstRunWizard")


def dead_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again: nothing listens there


def provisioning(tmp_path: Path, url: str, *, window: str = "W01", ca: str = "") -> Path:
    text = DEMO.read_text("utf-8").replace("http://127.0.0.1:8765", url)
    text = text.replace('code = "W01"', f'code = "{window}"')
    if ca:
        text = text.replace('# ca_bundle = "center-ca.pem"', f'ca_bundle = "{ca}"')
    path = tmp_path / f"window-{window}.toml"
    path.write_text(text, "utf-8")
    return path


def shown_texts(widget: QWidget) -> list[str]:
    """Everything a person reads in ``widget`` now (visible labels, text boxes, buttons)."""
    texts = [widget.windowTitle()]
    for child in widget.findChildren(QWidget):
        if not child.isVisible():
            continue
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.append(child.text())
        elif isinstance(child, QPlainTextEdit):
            texts.append(child.toPlainText())
    return [t for t in texts if t]


def without_names(text: str, names: list[str]) -> str:
    """``text`` less what is a name or a code by nature: data (center, window, font),
    paths, addresses, provisioning keys, commands."""
    for name in names:
        text = text.replace(name, "")
    text = re.sub(r"(?:https?://|/)\S*", "", text)  # addresses and paths
    text = re.sub(r"\b[a-z_]+\.[a-z_]+\b", "", text)  # service.url, window.code
    return re.sub(r"clerk-app [a-z-]+|gnome-keyring|\w*Keyring\w*", "", text)


def data_names(prov_path: Path) -> list[str]:
    prov = load_provisioning(prov_path)
    family = check_font().en
    return [prov.center_name, prov.window_name, prov.department, SERVICE_WINDOW_NAME, family]


def assert_plain(texts: list[str], language: str, names: list[str]) -> None:
    for text in texts:
        assert not EXCEPTION_TEXT.search(text), text
        rest = without_names(text, names)
        if language == "en":
            assert not CJK.search(rest), text
        else:
            assert not ENGLISH_SENTENCE.search(rest), text


def run_dialog(qtbot, prov_path: Path, language: str) -> SelfCheckDialog:
    prov = load_provisioning(prov_path)
    dialog = SelfCheckDialog(default_paths(), prov, language, printers=["P1"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: bool(dialog.results), timeout=30_000)
    return dialog


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("CLERK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv(MACHINE_DIR_ENV, str(tmp_path / "machine"))
    return tmp_path / "home"


@pytest.mark.parametrize("ts_name", ["clerk_zh_CN.ts", "clerk_en.ts"])
def test_no_unfinished_translation_in_the_wizard_and_the_self_check(ts_name):
    root = ET.parse(i18n_build.TRANSLATIONS_DIR / ts_name).getroot()
    unfinished = []
    for context in root.iter("context"):
        if context.findtext("name") not in CONTEXTS:
            continue
        for message in context.iter("message"):
            tr = message.find("translation")
            forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
            if tr.get("type") == "unfinished" or not all(f.strip() for f in forms):
                unfinished.append((context.findtext("name"), message.findtext("source")))
    assert unfinished == []


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_dead_port_reads_plainly_with_the_reason_behind_details(
    qtbot, home, tmp_path, qm_dir, language
):
    install_translations(language, qm_dir)
    prov_path = provisioning(tmp_path, f"http://127.0.0.1:{dead_port()}")
    dialog = run_dialog(qtbot, prov_path, language)

    texts = shown_texts(dialog)
    assert_plain(texts, language, data_names(prov_path))
    report = dialog.report.toPlainText()
    if language == "en":
        assert "[Failed] Records service: cannot reach the records service" in report
        assert "Ask IT" in dialog.summary.text()
    else:
        assert "[失败] 记录服务：无法连接记录服务" in report
        assert "请联系信息科" in dialog.summary.text() or "信息科" in dialog.summary.text()
    assert "service.url" in report  # what to check
    assert not dialog.details.isVisible()
    dialog.details_button.click()  # 详细信息 / Details: the words for IT
    assert dialog.details.isVisible()
    assert "Connection refused" in dialog.details.toPlainText()


@contextmanager
def https_server() -> Iterator[str]:
    """A real HTTPS server on 127.0.0.1 whose certificate comes from a CA nobody trusts
    (the handshake fails before any HTTP: the records service itself is not needed)."""
    cert = trustme.CA(organization_name="Window Clerk words CA").issue_cert("127.0.0.1")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_an_untrusted_certificate_reads_plainly_in_both_languages(qtbot, home, tmp_path, qm_dir):
    with https_server() as url:
        prov_path = provisioning(tmp_path, url)  # the system's CAs: not trusted
        for language in ("en", "zh_CN"):
            _read_the_tls_failure(qtbot, prov_path, qm_dir, language)


def _read_the_tls_failure(qtbot, prov_path: Path, qm_dir: Path, language: str) -> None:
    install_translations(language, qm_dir)
    dialog = run_dialog(qtbot, prov_path, language)
    assert_plain(shown_texts(dialog), language, data_names(prov_path))
    tls = next(r for r in dialog.results if r.name == "tls")
    line = next(x for x in dialog.report.toPlainText().splitlines() if "ca_bundle" in x)
    assert line.startswith("[Failed] Certificate: " if language == "en" else "[失败] 证书：")
    dialog.details_button.click()
    assert "CERTIFICATE_VERIFY_FAILED" in dialog.details.toPlainText()
    assert "CERTIFICATE_VERIFY_FAILED" in tls.detail
    dialog.close()


def test_a_window_code_the_service_does_not_know_and_a_window_named_otherwise(
    qtbot, home, tmp_path, qm_dir, records_service
):
    wrong = provisioning(tmp_path, records_service.base_url, window="W99")
    named_otherwise = provisioning(tmp_path, records_service.base_url)  # 公安户籍窗口
    for language in ("en", "zh_CN"):
        install_translations(language, qm_dir)
        dialog = run_dialog(qtbot, wrong, language)
        assert_plain(shown_texts(dialog), language, data_names(wrong))
        window = next(r for r in dialog.results if r.name == "window")
        assert window.level.value == "FAIL" and "404" in window.detail
        label = "[Failed] Window: " if language == "en" else "[失败] 窗口："
        line = next(x for x in dialog.report.toPlainText().splitlines() if x.startswith(label))
        assert "W99" in line and "window.code" in line and "center.code" in line
        dialog.close()

        dialog = run_dialog(qtbot, named_otherwise, language)
        assert_plain(shown_texts(dialog), language, data_names(named_otherwise))
        window = next(r for r in dialog.results if r.name == "window")
        assert window.level.value == "WARN"
        label = "[Warning] Window: " if language == "en" else "[警告] 窗口："
        line = next(x for x in dialog.report.toPlainText().splitlines() if x.startswith(label))
        assert "公安户籍窗口" in line and SERVICE_WINDOW_NAME in line  # both names
        dialog.close()


def run_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "CLERK_HOME": str(tmp_path / "home"),
        MACHINE_DIR_ENV: str(tmp_path / "machine"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    return subprocess.run(
        [sys.executable, "-m", "clerk_app", "self-check", *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_the_command_prints_plain_lines_and_the_reasons_only_when_asked(tmp_path):
    prov_path = provisioning(tmp_path, f"http://127.0.0.1:{dead_port()}")
    names = data_names(prov_path)
    for language in ("en", "zh_CN"):
        result = run_cli(tmp_path, "--provisioning", str(prov_path), "--lang", language)
        assert result.returncode == 1
        for line in result.stdout.splitlines():
            # "FAIL service: …": the level and the check's key stay for IT's scripts
            sentence = line.split(":", 1)[1] if ":" in line else line
            assert_plain([sentence], language, names)
    detailed = run_cli(tmp_path, "--provisioning", str(prov_path), "--details")
    assert "详细信息: " in detailed.stdout and "Connection refused" in detailed.stdout
    broken = tmp_path / "broken.toml"
    broken.write_text("[service\n", "utf-8")
    result = run_cli(tmp_path, "--provisioning", str(broken), "--lang", "en")
    assert result.returncode == 1
    assert result.stdout.startswith("FAIL provisioning: the provisioning file")
    assert "not valid TOML" in result.stdout and "line 1" not in result.stdout


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_wizard_reads_plainly_against_a_dead_port(qtbot, tmp_path, qm_dir, language):
    install_translations(language, qm_dir)
    wizard = FirstRunWizard(tmp_path / "config")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.language.setCurrentIndex(0 if language == "zh_CN" else 1)
    values = {
        "service.url": f"http://127.0.0.1:{dead_port()}",
        "center.code": "HS",
        "center.name": "衡水市政务服务中心",
        "window.code": "W01",
        "window.name": "公安户籍窗口",
        "window.department": "市公安局",
    }
    for name, value in values.items():
        wizard.edits[name].setText(value)
    wizard.check()
    qtbot.waitUntil(wizard.check_button.isEnabled, timeout=30_000)
    assert not wizard.save_button.isEnabled()
    texts = [t for t in shown_texts(wizard) if t not in values.values()]
    names = [values["center.name"], values["window.name"], values["window.department"]]
    assert_plain(texts, language, names)
