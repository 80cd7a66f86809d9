"""The desk's default folders on Linux, worked out without platformdirs before the sign-in
window (issue 21), are the ones platformdirs gives — for the usual environment and for each
XDG variable set, empty, relative or absolute, and HOME with a trailing slash or "/"."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from clerk_app.paths import default_paths, platformdirs_folders, xdg_folders

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux folders")

XDG = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")


@pytest.mark.parametrize("home", ["/home/clerk", "/home/clerk/", "/"])
@pytest.mark.parametrize("xdg", [None, "", "relative/dir", "/srv/xdg"])
def test_the_folders_are_platformdirs_ones(monkeypatch, home, xdg):
    monkeypatch.setenv("HOME", home)
    for number, variable in enumerate(XDG):
        if xdg is None:
            monkeypatch.delenv(variable, raising=False)
        else:  # each variable its own folder, so a mix-up between them shows
            monkeypatch.setenv(variable, f"{xdg}/{number}" if xdg else "")
    assert xdg_folders() == platformdirs_folders()


def test_default_paths_use_them_without_clerk_home(monkeypatch, tmp_path):
    monkeypatch.delenv("CLERK_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    for variable in XDG:
        monkeypatch.delenv(variable, raising=False)
    paths = default_paths()
    assert paths.data_dir == tmp_path / ".local" / "share" / "WindowClerk"
    assert paths.config_dir == tmp_path / ".config" / "WindowClerk"
    assert paths.log_dir == tmp_path / ".local" / "state" / "WindowClerk" / "log"
    assert paths.documents_dir == paths.data_dir / "documents"
    data, config, logs = platformdirs_folders()
    assert (paths.data_dir, paths.config_dir, paths.log_dir) == (
        Path(data),
        Path(config),
        Path(logs),
    )


@pytest.mark.parametrize("home", [None, "", "relative/home"])
def test_an_unusual_home_is_left_to_platformdirs(monkeypatch, home):
    if home is None:
        monkeypatch.delenv("HOME", raising=False)
    else:
        monkeypatch.setenv("HOME", home)
    assert xdg_folders() is None
