"""The center above a window's center in its provisioning file (issue 20: 上报 to it makes
the linked case there): optional, a center code other than the window's own, and its name
defaults to the code."""

from __future__ import annotations

import pytest

from clerk_app.core.provisioning import ProvisioningError, parse_provisioning

BASE = """
schema = 1
[service]
url = "https://records.hs.example:8443/"
[center]
code = "JZ"
name = "冀州区政务服务中心"
{extra}
[window]
code = "JZ01"
department = "公安局"
"""


def test_the_center_above_is_read_and_optional() -> None:
    prov = parse_provisioning(
        BASE.format(extra='parent = "HS"\nparent_name = "衡水市政务服务中心"')
    )
    assert (prov.center_parent, prov.center_parent_name) == ("HS", "衡水市政务服务中心")
    assert parse_provisioning(BASE.format(extra='parent = "HS"')).center_parent_name == "HS"
    none = parse_provisioning(BASE.format(extra=""))
    assert (none.center_parent, none.center_parent_name) == ("", "")


@pytest.mark.parametrize("parent", ['"JZ"', '"hs"', '"H S"', "7"])
def test_a_wrong_center_above_is_named(parent: str) -> None:
    with pytest.raises(ProvisioningError) as exc:
        parse_provisioning(BASE.format(extra=f"parent = {parent}"))
    assert [p.field for p in exc.value.problems] == ["center.parent"]
