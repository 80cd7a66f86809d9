"""The provisioning file: the demo one loads, and every wrong field is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_app.core.provisioning import (
    ProvisioningError,
    load_provisioning,
    parse_provisioning,
)

DEMO = Path(__file__).parents[2] / "resources" / "provisioning" / "demo-W01.toml"

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
