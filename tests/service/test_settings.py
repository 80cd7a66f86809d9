"""Service settings (pydantic-settings) from a TOML file and the environment."""

from __future__ import annotations

import subprocess
import sys

import pytest
import requests

from records_service.settings import Settings, SettingsError
from tests.helpers.service import REPO_ROOT, _child_env


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
    with pytest.raises(SettingsError, match="unknown setting 'databse_url'"):
        Settings.load({"CLERK_RECORDS_CONFIG": str(config)})


def test_a_missing_settings_file_is_an_error(tmp_path) -> None:
    with pytest.raises(SettingsError, match=r"CLERK_RECORDS_CONFIG names .*nowhere\.toml"):
        Settings.load({"CLERK_RECORDS_CONFIG": str(tmp_path / "nowhere.toml")})


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        *[("false", False), ("False", False), ("0", False), ("no", False), ("off", False)],
        *[("true", True), ("1", True), ("yes", True)],
    ],
)
def test_a_bool_setting_reads_false_and_true_from_the_environment(raw, expected) -> None:
    assert Settings.load({"CLERK_API_DOCS": raw}).api_docs is expected


def test_int_and_list_settings_come_right_from_the_environment(tmp_path) -> None:
    config = tmp_path / "records.toml"
    config.write_text('trusted_proxies = ["10.9.9.9"]\nidle_minutes = 45\n', encoding="utf-8")
    from_file = Settings.load({"CLERK_RECORDS_CONFIG": str(config)})
    assert from_file.trusted_proxies == ("10.9.9.9",)
    assert from_file.idle_minutes == 45
    settings = Settings.load(
        {
            "CLERK_RECORDS_CONFIG": str(config),
            "CLERK_IDLE_MINUTES": "0",
            "CLERK_TRUSTED_PROXIES": "127.0.0.1, 10.0.0.5,,",
        }
    )
    assert settings.idle_minutes == 0
    assert settings.trusted_proxies == ("127.0.0.1", "10.0.0.5")
    assert Settings.load({}).trusted_proxies == ()


def test_a_bad_int_in_the_environment_names_the_variable_and_the_problem() -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.load({"CLERK_IDLE_MINUTES": "half an hour", "CLERK_API_DOCS": "maybe"})
    message = str(caught.value)
    assert "CLERK_IDLE_MINUTES='half an hour': Input should be a valid integer" in message
    assert "CLERK_API_DOCS='maybe': Input should be a valid boolean" in message


def test_a_bad_value_in_the_file_names_the_file_and_the_setting(tmp_path) -> None:
    config = tmp_path / "records.toml"
    config.write_text('center_code = "hs"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match=r"center_code = 'hs' in .*records.toml: String"):
        Settings.load({"CLERK_RECORDS_CONFIG": str(config)})


def test_the_command_line_stops_with_the_bad_setting_named_not_a_traceback(tmp_path) -> None:
    env = _child_env(f"sqlite:///{tmp_path / 'records.db'}", {"CLERK_MAX_BODY_BYTES": "1 MB"})
    result = subprocess.run(
        [sys.executable, "-m", "records_service", "migrate"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "CLERK_MAX_BODY_BYTES='1 MB': Input should be a valid integer" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "records.db").exists()


def test_api_docs_false_turns_off_the_docs_page_but_not_the_contract(service_factory) -> None:
    service = service_factory(env={"CLERK_API_DOCS": "false"})
    assert requests.get(service.base_url + "/docs", timeout=10).status_code == 404
    assert requests.get(service.base_url + "/openapi.json", timeout=10).status_code == 200
