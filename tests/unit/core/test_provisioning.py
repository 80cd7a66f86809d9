"""The provisioning file: the demo one loads, and every wrong field is named."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from clerk_app.core.provisioning import (
    DOCUMENT_KINDS,
    MACHINE_DIR_ENV,
    OVERRIDABLE,
    ProvisioningError,
    load_provisioning,
    locate_provisioning,
    machine_config_dir,
    machine_provisioning_path,
    parse_provisioning,
)

DEMO = Path(__file__).parents[3] / "resources" / "provisioning" / "demo-W01.toml"

GOOD = """
schema = 1
[service]
url = "https://records.hs.example:8443/"
progress_url = "https://zwfw.example.gov.cn/progress"
[center]
code = "HS"
name = "衡水市政务服务中心"
[window]
code = "W07"
name = "市场监管窗口"
department = "市场监督管理局"
[printers]
default = "Hall-A4"
slip = "Roll-80"
[ui]
language = "en"
"""


def fields(exc: pytest.ExceptionInfo[ProvisioningError]) -> list[str]:
    return [p.field for p in exc.value.problems]


def test_demo_file_loads_with_window_w01():
    prov = load_provisioning(DEMO)
    assert prov.window_code == "W01"
    assert prov.center_code == "HS"
    assert prov.language == "zh_CN"
    assert prov.api_base == "http://127.0.0.1:8765/api/v1"


def test_good_file_gives_typed_values_and_printer_per_kind():
    prov = parse_provisioning(GOOD)
    assert prov.service_url == "https://records.hs.example:8443"
    assert prov.printer_for("slip") == "Roll-80"
    assert prov.printer_for("acceptance") == "Hall-A4"
    assert prov.language == "en"


def test_every_wrong_field_is_reported_at_once():
    text = """
schema = 1
[service]
url = "ftp://x"
[center]
code = "hs center"
[window]
code = 7
[printers]
fax = "X"
[ui]
language = "fr"
colour = "red"
"""
    with pytest.raises(ProvisioningError) as exc:
        parse_provisioning(text)
    assert fields(exc) == [
        "service.url",
        "center.code",
        "center.name",
        "window.code",
        "window.department",
        "printers.fax",
        "ui.colour",
        "ui.language",
    ]
    message = str(exc.value)
    assert "window.code: 应为文本" in message
    assert "must be a full https:// address" in message


def test_plain_http_is_refused_for_a_remote_service():
    text = GOOD.replace("https://records.hs.example:8443/", "http://records.hs.example/")
    with pytest.raises(ProvisioningError) as exc:
        parse_provisioning(text)
    assert fields(exc) == ["service.url"]
    assert "use https" in str(exc.value)


def test_ca_bundle_is_resolved_next_to_the_file_and_must_be_pem(tmp_path):
    (tmp_path / "ca.pem").write_text("not a certificate")
    path = tmp_path / "w.toml"
    path.write_text(GOOD.replace("[center]", 'ca_bundle = "ca.pem"\n[center]'), "utf-8")
    with pytest.raises(ProvisioningError) as exc:
        load_provisioning(path)
    assert fields(exc) == ["service.ca_bundle"]

    (tmp_path / "ca.pem").write_text(
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
    )
    assert load_provisioning(path).ca_bundle == tmp_path / "ca.pem"


def test_missing_file_broken_toml_and_wrong_encoding_are_clear(tmp_path):
    with pytest.raises(ProvisioningError, match="file does not exist"):
        load_provisioning(tmp_path / "none.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[service\nurl=", "utf-8")
    with pytest.raises(ProvisioningError, match="not valid TOML"):
        load_provisioning(bad)
    gbk = tmp_path / "gbk.toml"
    gbk.write_bytes(GOOD.encode("gbk"))
    with pytest.raises(ProvisioningError, match="must be UTF-8"):
        load_provisioning(gbk)


def test_unsupported_schema_version_is_named():
    with pytest.raises(ProvisioningError) as exc:
        parse_provisioning(GOOD.replace("schema = 1", "schema = 9"))
    assert fields(exc) == ["schema"]


# -- per-machine file, user overrides, the commented example ----------------------------

EXAMPLE = Path(__file__).parents[3] / "packaging" / "provisioning.example.toml"


def test_each_kind_of_mistake_names_its_field():
    cases = {
        'url = "https://records.hs.example:8443/"': ("url = 42", "service.url"),
        'code = "HS"': ('code = "hs"', "center.code"),
        'code = "W07"': ('code = "W-07-LONGER"', "window.code"),
        'department = "市场监督管理局"': ('department = ""', "window.department"),
        'slip = "Roll-80"': ('fax = "Roll-80"', "printers.fax"),
        'language = "en"': ('language = "de"', "ui.language"),
        "schema = 1": ('schema = 1\nwindw = "W1"', "(top).windw"),
        "[ui]": ('[overrides]\nallow = ["service.url"]\n[ui]', "overrides.allow"),
    }
    for good, (bad, field) in cases.items():
        assert good in GOOD
        with pytest.raises(ProvisioningError) as exc:
            parse_provisioning(GOOD.replace(good, bad, 1))
        assert fields(exc) == [field], (bad, fields(exc))


def test_commented_example_loads_and_documents_every_field():
    prov = load_provisioning(EXAMPLE)
    assert prov.overrides_allowed == set(OVERRIDABLE)
    text = EXAMPLE.read_text("utf-8")
    documented = {
        "schema", "url", "progress_url", "ca_bundle", "code", "name", "department",
        "language", "allow", *DOCUMENT_KINDS, *OVERRIDABLE,
    }  # fmt: skip
    for key in documented:
        assert key in text, key
    for section in ("[service]", "[center]", "[window]", "[printers]", "[ui]", "[overrides]"):
        assert section in text


def test_machine_file_comes_first_and_user_overrides_only_where_allowed(tmp_path, monkeypatch):
    machine, user = tmp_path / "etc", tmp_path / "user"
    machine.mkdir()
    user.mkdir()
    monkeypatch.setenv(MACHINE_DIR_ENV, str(machine))
    assert machine_provisioning_path() == machine / "provisioning.toml"
    assert locate_provisioning(user) is None

    (user / "provisioning.toml").write_text(GOOD.replace("W07", "W09"), "utf-8")
    assert locate_provisioning(user).window_code == "W09"  # no machine file: the user's

    (machine / "provisioning.toml").write_text(
        GOOD + '[overrides]\nallow = ["printers"]\n', "utf-8"
    )
    (user / "provisioning-overrides.toml").write_text(
        '[printers]\nslip = "My-Roll"\n[ui]\nlanguage = "zh_CN"\n', "utf-8"
    )
    prov = locate_provisioning(user)
    assert prov.window_code == "W07"  # the machine file wins over the user's full file
    assert prov.printer_for("slip") == "My-Roll"
    assert prov.printer_for("acceptance") == "Hall-A4"
    assert prov.language == "en"  # not allowed: kept as IT set it
    assert prov.ignored_overrides == ("ui.language",)

    (user / "provisioning-overrides.toml").write_text('[window]\ncode = "W99"\n', "utf-8")
    with pytest.raises(ProvisioningError) as exc:
        locate_provisioning(user)
    assert fields(exc) == ["(top).window"]


def test_machine_folder_by_platform(monkeypatch):
    monkeypatch.delenv(MACHINE_DIR_ENV, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert machine_config_dir() == Path("/etc/window-clerk")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", r"D:\PD")
    assert machine_config_dir() == Path(r"D:\PD") / "WindowClerk"


def test_utf16_with_bom_as_written_by_the_windows_installer_loads(tmp_path):
    path = tmp_path / "provisioning.toml"
    path.write_bytes("\r\n".join(GOOD.splitlines()).encode("utf-16"))  # BOM + UTF-16LE
    assert load_provisioning(path).center_name == "衡水市政务服务中心"


def test_sync_section_sets_how_long_an_item_may_wait_before_self_check_warns():
    assert parse_provisioning(GOOD).max_waiting_hours == 24
    assert parse_provisioning(GOOD + "[sync]\nmax_waiting_hours = 48\n").max_waiting_hours == 48
    with pytest.raises(ProvisioningError) as exc:
        parse_provisioning(GOOD + "[sync]\nmax_waiting_hours = 0\nretry = 1\n")
    assert sorted(fields(exc)) == ["sync.max_waiting_hours", "sync.retry"]
    assert load_provisioning(EXAMPLE).max_waiting_hours == 24  # documented in the example
