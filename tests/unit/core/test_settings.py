"""Typed settings: declared defaults, bad values ignored with a note, atomic save."""

from __future__ import annotations

import json

import pytest

from clerk_app.core.settings import SETTINGS, Settings


def test_defaults_come_from_the_declaration(tmp_path):
    settings = Settings.load(tmp_path / "none.json")
    assert settings["sync.interval_seconds"] == SETTINGS["sync.interval_seconds"].default
    assert "privacy.mask_ids" not in SETTINGS  # read by nothing: IDs are always masked


def test_wrong_types_and_unknown_keys_are_ignored_and_reported(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "sync.interval_seconds": "often",
                "worklist.due_soon_working_days": 99,
                "network.read_timeout": 20,
                "colour": "red",
            }
        )
    )
    settings = Settings.load(path)
    assert settings["sync.interval_seconds"] == 30
    assert settings["worklist.due_soon_working_days"] == 2
    assert settings["network.read_timeout"] == 20.0
    assert len(settings.ignored) == 3


def test_unreadable_file_gives_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{broken")
    settings = Settings.load(path)
    assert settings["logging.level"] == "INFO"
    assert "unreadable" in settings.ignored[0]


def test_saved_values_come_back(tmp_path):
    path = tmp_path / "cfg" / "settings.json"
    settings = Settings(path)
    settings.set("ui.language", "en")
    with pytest.raises(ValueError):
        settings.set("sync.interval_seconds", 1)
    settings.save()
    assert Settings.load(path)["ui.language"] == "en"
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]


def test_an_old_file_with_the_retired_id_masking_switch_is_read_without_error(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"privacy.mask_ids": False, "ui.language": "en"}), "utf-8")
    settings = Settings.load(path)
    assert settings["ui.language"] == "en"  # the rest of the file still counts
    assert [note for note in settings.ignored if note.startswith("privacy.mask_ids")] == [
        "privacy.mask_ids: ignored, no longer a choice: ID numbers are always masked on "
        "screen and on paper (the whole number only through Show full ID, which is audited)"
    ]
    settings.save()
    assert json.loads(path.read_text("utf-8")) == {"ui.language": "en"}
