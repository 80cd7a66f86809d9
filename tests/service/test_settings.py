"""Service settings from a TOML file and the environment."""

from __future__ import annotations

import pytest

from records_service.settings import Settings


def test_environment_overrides_the_settings_file(tmp_path) -> None:
    config = tmp_path / "records.toml"
    config.write_text(
        'database_url = "sqlite:///from-file.db"\nmin_client_version = "1.2.0"\n'
        "access_token_minutes = 30\n",
        encoding="utf-8",
    )
    settings = Settings.load(
        {"CLERK_RECORDS_CONFIG": str(config), "CLERK_MIN_CLIENT_VERSION": "1.3.0"}
    )
    assert settings.database_url == "sqlite:///from-file.db"
    assert settings.min_client_version == "1.3.0"
    assert settings.access_token_ttl.total_seconds() == 30 * 60


def test_default_database_is_a_sqlite_file_in_the_user_data_folder() -> None:
    settings = Settings.load({})
    assert settings.database_url.startswith("sqlite:///")
    assert settings.database_url.endswith("records.db")
    assert "clerk-records" in settings.database_url


def test_unknown_setting_in_the_file_is_an_error(tmp_path) -> None:
    config = tmp_path / "records.toml"
    config.write_text("databse_url = 'typo'\n", encoding="utf-8")
    with pytest.raises(ValueError, match="databse_url"):
        Settings.load({"CLERK_RECORDS_CONFIG": str(config)})
