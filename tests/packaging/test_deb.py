"""The .deb: built for this machine's own architecture (a bundle made on another one is
refused), installed with apt-get (dependencies checked), run by full path, removed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from clerk_app import __version__
from tests.packaging.frozen import DIST, clean_env, needs_package_build, run, window_file

BUILD_DEB = Path(__file__).resolve().parents[2] / "packaging" / "linux" / "build-deb.sh"
needs_apt_as_root = pytest.mark.skipif(
    shutil.which("apt-get") is None or os.geteuid() != 0, reason="needs apt-get as root"
)
needs_dpkg = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb")


def machine_arch() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def stand_in_bundle(folder: Path, elf_machine: int | None = None) -> Path:
    """A one-folder bundle whose ``clerk-app`` is this machine's ``true`` (an ELF program of
    its architecture), or with the ELF header's machine field set to ``elf_machine``."""
    (folder / "_internal").mkdir(parents=True)
    program = bytearray(Path(shutil.which("true") or "/bin/true").read_bytes())
    if elf_machine is not None:
        program[18:20] = elf_machine.to_bytes(2, "little")
    (folder / "clerk-app").write_bytes(bytes(program))
    (folder / "clerk-app").chmod(0o755)
    return folder


@needs_dpkg
def test_make_deb_builds_for_this_machines_architecture(tmp_path):
    bundle = stand_in_bundle(tmp_path / "clerk-app")
    built = subprocess.run([str(BUILD_DEB), str(bundle), str(tmp_path / "out")],
                           capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert built.returncode == 0, built.stderr
    deb = Path(built.stdout.strip())
    assert deb.name == f"clerk-app_{__version__}_{machine_arch()}.deb"
    fields = subprocess.run(["dpkg-deb", "-f", str(deb), "Architecture", "Depends"],
                            capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert f"Architecture: {machine_arch()}" in fields
    # a CJK font: Noto, or WenQuanYi where the distribution (UOS, Kylin) carries only that
    assert "fonts-noto-cjk | fonts-wqy-zenhei | fonts-wqy-microhei" in fields


@needs_dpkg
def test_a_bundle_made_on_another_architecture_is_refused(tmp_path):
    other = 183 if machine_arch() != "arm64" else 62  # aarch64 / x86-64
    bundle = stand_in_bundle(tmp_path / "clerk-app", elf_machine=other)
    built = subprocess.run([str(BUILD_DEB), str(bundle), str(tmp_path / "out")],
                           capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert built.returncode == 2
    foreign = "arm64" if other == 183 else "amd64"
    assert f"is for {foreign} but this machine is {machine_arch()}" in built.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def apt(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    return subprocess.run(
        ["apt-get", "-y", "-q", "--no-install-recommends", *args],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


@needs_package_build
@needs_apt_as_root
def test_deb_installs_runs_by_full_path_and_is_removed(records_service, tmp_path):
    debs = sorted(DIST.glob(f"clerk-app_{__version__}_{machine_arch()}.deb"))
    assert debs, f"no .deb for {machine_arch()} in {DIST} (make deb)"
    info = subprocess.run(["dpkg-deb", "-f", debs[-1], "Depends"], capture_output=True, text=True)
    assert "fonts-noto-cjk" in info.stdout
    (tmp_path / "userhome").mkdir()
    env = clean_env(tmp_path)
    try:
        installed = apt("install", str(debs[-1].resolve()))
        assert installed.returncode == 0, installed.stdout + installed.stderr
        version = run(["/usr/bin/clerk-app", "--version"], env)
        assert version.stdout.strip() == f"clerk-app {__version__}", version.stderr
        assert os.path.realpath("/usr/bin/clerk-app") == "/opt/window-clerk/clerk-app"
        assert os.path.isfile("/usr/share/applications/window-clerk.desktop")
        example = "/usr/share/doc/window-clerk/provisioning.example.toml"
        check = run(["/usr/bin/clerk-app", "provision", example, "--check"], env)
        assert check.returncode == 0, check.stdout + check.stderr

        window = window_file(tmp_path, records_service.base_url)
        check = run(["/usr/bin/clerk-app", "self-check", "--provisioning", window], env)
        assert check.returncode == 0, check.stdout + check.stderr
        assert "FAIL" not in check.stdout
    finally:
        removed = apt("purge", "clerk-app")
        assert removed.returncode == 0, removed.stderr
    assert not os.path.exists("/usr/bin/clerk-app")
    assert not os.path.exists("/opt/window-clerk")
