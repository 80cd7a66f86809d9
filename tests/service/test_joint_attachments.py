"""A joint case's shared materials (一套材料) reach every department with a part (issue 22).

The intake window (W05) takes in the project package and scans three files: the combined
material P2 kept with the 文物 (WL) part, P1 kept with the 自然资源 (ZR) part, and a material
of the 发展改革 (FG) part the combined list does not hold. The ZR and FG clerks each list
both shared files with their own part and read them; the WL file is no more theirs than
that: FG's own material stays with FG's part. A clerk of no part (W01) gets 404.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests.helpers.attachments_api import declare, fetch, listed, png_bytes, upload_all
from tests.helpers.joint_api import PROJECT, core_catalog, joint_body, part_of, post_joint
from tests.helpers.service import TEST_NOW, RunningService, ServiceLauncher
from tests.helpers.service_api import token_for

CHUNK = 64 * 1024


@pytest.fixture(scope="module")
def svc(
    request: pytest.FixtureRequest,
    backend: str,
    tmp_path_factory: pytest.TempPathFactory,
    records_template_db,
) -> Iterator[RunningService]:
    launcher = ServiceLauncher(
        tmp_path_factory.mktemp("joint-attachments-service"),
        records_template_db,
        postgres=lambda: request.getfixturevalue("postgres_databases"),
        clock=TEST_NOW,
    )
    env = {"CLERK_ATTACHMENTS_DIR": str(tmp_path_factory.mktemp("joint-attachments"))}
    try:
        yield launcher.start(backend=backend, env=env)
    finally:
        launcher.stop_all()


def _scan(svc: RunningService, token: str, part: dict[str, Any], material: str) -> str:
    data = png_bytes(70_000)
    body = {
        "id": str(uuid.uuid4()),
        "material_code": material,
        "page": 1,
        "content_type": "image/png",
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    answer = declare(svc, token, part["case_no"], body)
    assert answer.status_code == 201, answer.text
    upload_all(svc, token, answer.json()["upload"]["id"], data, CHUNK)
    return str(answer.json()["attachment"]["id"])


def test_shared_materials_reach_every_part_and_a_parts_own_stay_with_it(svc) -> None:
    intake = token_for(svc, "demo-clerk-w05", window_code="W05")
    body = joint_body(PROJECT)
    assert post_joint(svc, intake, body).status_code == 201
    wl, zr, fg = (part_of(body, c) for c in ("DEMO-WL-001", "DEMO-ZR-004", "DEMO-FG-004"))
    package = core_catalog().package(PROJECT)
    assert package is not None
    assert package.covered("DEMO-WL-001")["M2"] == "P2"
    assert package.covered("DEMO-ZR-004")["M3"] == "P1"
    own = next(m.code for m in core_catalog().item("DEMO-FG-004").materials)
    assert own not in package.covered("DEMO-FG-004")
    shared_wl = _scan(svc, intake, wl, "M2")
    shared_zr = _scan(svc, intake, zr, "M3")
    fg_own = _scan(svc, intake, fg, own)

    zr_clerk = token_for(svc, "demo-clerk-p02", window_code="P02")
    fg_clerk = token_for(svc, "demo-clerk-p01", window_code="P01")
    for clerk, part, expected in (
        (zr_clerk, zr, [shared_zr, shared_wl]),  # its own first, then the others' shared
        (fg_clerk, fg, [fg_own, shared_wl, shared_zr]),
    ):
        items = listed(svc, clerk, part["case_no"]).json()["items"]
        assert sorted(i["id"] for i in items) == sorted(expected)
        assert items[0]["id"] == expected[0]
        by_id = {i["id"]: i for i in items}
        assert by_id[shared_wl]["case_no"] == wl["case_no"]  # kept with the WL part
        assert fetch(svc, clerk, shared_wl).status_code == 200
    # The FG part's own material is FG's (and the intake window's) only.
    assert fetch(svc, zr_clerk, fg_own).status_code == 404
    assert fetch(svc, intake, fg_own).status_code == 200
    # A clerk of no part of the joint case: 404 for every file and for the parts' lists.
    other = token_for(svc)
    for attachment in (shared_wl, shared_zr, fg_own):
        assert fetch(svc, other, attachment).status_code == 404
    assert listed(svc, other, wl["case_no"]).status_code == 404
