"""`clerk-app provision FILE`: checks, names each mistake, installs per machine."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

from clerk_app.core.provisioning import MACHINE_DIR_ENV, locate_provisioning
from clerk_app.provision import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "packaging" / "provisioning.example.toml"
PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"


def test_wrong_file_names_each_field_and_installs_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(MACHINE_DIR_ENV, str(tmp_path / "etc"))
    bad = tmp_path / "w.toml"
    text = EXAMPLE.read_text("utf-8")
    text = text.replace('code = "W07"', 'code = "w 7"').replace('language = "zh_CN"', "x = 1")
    bad.write_text(text, "utf-8")
    assert main([str(bad)]) == 2
    out = capsys.readouterr().out
    assert "nothing installed" in out
    assert "window.code: 应为 1–8 位大写字母或数字" in out
    assert "ui.x: 未知的设置项" in out
    assert not (tmp_path / "etc").exists()


def test_good_file_is_installed_per_machine_with_its_ca(tmp_path, monkeypatch, capsys):
    machine = tmp_path / "etc"
    monkeypatch.setenv(MACHINE_DIR_ENV, str(machine))
    src = tmp_path / "src"
    src.mkdir()
    (src / "center-ca.pem").write_text(PEM)
    text = EXAMPLE.read_text("utf-8").replace("# ca_bundle = ", "ca_bundle = ")
    (src / "w.toml").write_text(text, "utf-8")

    assert main([str(src / "w.toml"), "--check"]) == 0
    assert not machine.exists()
    assert main([str(src / "w.toml")]) == 0
    assert "installed" in capsys.readouterr().out
    installed = machine / "provisioning.toml"
    assert stat.S_IMODE(installed.stat().st_mode) == 0o644  # users read, only IT writes
    prov = locate_provisioning(tmp_path / "user")
    assert prov.window_code == "W07"
    assert prov.ca_bundle == machine / "center-ca.pem"


def test_unwritable_target_says_run_as_administrator(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert main([str(EXAMPLE), "--target", str(blocker / "sub")]) == 3
    err = capsys.readouterr().err
    assert "run as administrator" in err and "--user" in err


def test_command_is_reachable_through_clerk_app(tmp_path):
    env = {"PATH": "/usr/bin:/bin", MACHINE_DIR_ENV: str(tmp_path), "CLERK_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "clerk_app", "provision", str(EXAMPLE), "--check"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "HS W07" in result.stdout


def test_file_written_by_the_windows_installer_utf16_installs(tmp_path):
    src = tmp_path / "nsis.toml"
    src.write_bytes(EXAMPLE.read_text("utf-8").replace("\n", "\r\n").encode("utf-16"))
    assert main([str(src), "--target", str(tmp_path / "etc")]) == 0
    assert locate_provisioning_in(tmp_path / "etc").center_name == "衡水市政务服务中心"


def locate_provisioning_in(folder: Path):
    from clerk_app.core.provisioning import load_provisioning

    return load_provisioning(folder / "provisioning.toml")
