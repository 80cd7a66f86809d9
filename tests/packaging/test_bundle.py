"""The frozen one-folder bundle (dist/clerk-app): contents, --version, self-check, smoke."""

from __future__ import annotations

from clerk_app import __version__
from tests.packaging.frozen import BUNDLE, clean_env, needs_package_build, run, window_file

pytestmark = needs_package_build
EXE = BUNDLE / "clerk-app"


def test_bundle_has_the_translations_and_no_heavy_qt_modules():
    names = {p.name for p in BUNDLE.rglob("*")}
    assert {"qtbase_zh_CN.qm", "clerk_zh_CN.qm", "clerk_en.qm"} <= names
    assert "provisioning.example.toml" in names
    assert any(n.startswith("keyring-") and n.endswith(".dist-info") for n in names)
    heavy = [
        n for n in names
        if any(k in n for k in ("Qt6WebEngine", "Qt63D", "QtWebEngine", "Qt6MultimediaWidgets",
                                "Qt6QuickControls", "Qt6QuickTemplates"))
        or "virtualkeyboard" in n.lower()
    ]  # fmt: skip
    assert heavy == []
    # Qt6Quick/Qt6Qml: only the libraries Qt's FFmpeg camera backend links on Linux; no QML
    # module, no Python binding of them.
    quick = {n for n in names if "Qt6Quick" in n or "Qt6Qml" in n}
    assert quick <= {f"libQt6{m}.so.6" for m in ("Quick", "Qml", "QmlMeta", "QmlModels",
                                                 "QmlWorkerScript")}  # fmt: skip
    assert not any(n.startswith(("QtQuick.", "QtQml.")) for n in names)
    assert not (BUNDLE / "_internal" / "PySide6" / "Qt" / "qml").exists()


def test_bundle_has_the_document_cameras_multimedia_backend():
    names = {p.name for p in BUNDLE.rglob("*")}
    assert {"libQt6Multimedia.so.6", "libffmpegmediaplugin.so"} <= names
    assert any(n.startswith("QtMultimedia.") for n in names)  # the Python binding


def test_frozen_version_self_check_and_smoke_against_a_live_service(records_service, tmp_path):
    (tmp_path / "userhome").mkdir()
    env = clean_env(tmp_path)
    version = run([EXE, "--version"], env)
    assert version.returncode == 0 and version.stdout.strip() == f"clerk-app {__version__}"

    window = window_file(tmp_path, records_service.base_url)
    check = run([EXE, "self-check", "--provisioning", window, "--lang", "en"], env)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "FAIL" not in check.stdout
    assert "OK   service:" in check.stdout and "OK   translations" in check.stdout

    smoke = run([EXE, "--provisioning", window, "--smoke"], env, timeout=180)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "smoke: signed in" in smoke.stderr
