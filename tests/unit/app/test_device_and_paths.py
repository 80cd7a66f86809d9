"""Device id and folders."""

from __future__ import annotations

import uuid

from clerk_app.device import device_id
from clerk_app.paths import default_paths


def test_device_id_is_stable_across_calls(tmp_path):
    first = device_id(tmp_path)
    assert uuid.UUID(first)
    assert device_id(tmp_path) == first


def test_damaged_device_id_file_is_replaced(tmp_path):
    (tmp_path / "device_id").write_text("garbage")
    new = device_id(tmp_path)
    assert uuid.UUID(new)
    assert device_id(tmp_path) == new


def test_clerk_home_keeps_everything_in_one_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("CLERK_HOME", str(tmp_path))
    paths = default_paths().ensure()
    assert paths.database.parent == tmp_path / "data"
    assert (tmp_path / "logs").is_dir()
