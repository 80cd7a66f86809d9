"""Catalog packages (issue 16): the JSON form, its checks, what applies to which project."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from clerk_app.core.catalog import CatalogError
from clerk_app.core.packages import parse_packages
from tests.helpers.packages import CATALOG, OPENING, PROJECT


def parse(*packages: dict[str, Any]) -> Any:
    return parse_packages(list(packages), CATALOG)


def test_a_package_reads_back_as_it_was_written() -> None:
    (opening, project) = parse(OPENING, PROJECT)
    again = parse(opening.to_dict(), project.to_dict())
    assert again == (opening, project)
    assert opening.covered("GA-1") == {"M1": "P1", "M2": "P2"}
    assert opening.covered("SW-1") == {"M1": "P2"}


def test_the_six_disclosures_of_a_package_come_from_its_items() -> None:
    (opening,) = parse(OPENING)
    assert opening.departments(CATALOG) == ("SJ", "GA", "SW")
    assert opening.fee_fen(CATALOG) == 1000  # GA's fee, once
    assert opening.legal_basis(CATALOG) == ("《SJ法》", "《行政许可法》", "《GA法》", "《SW法》")
    assert opening.total_days() == 3


def test_the_project_type_decides_which_stages_and_parts_apply() -> None:
    (project,) = parse(PROJECT)
    assert [s.code for s in project.stages_for("government")] == ["L1", "L2", "L3"]
    assert project.item_codes("government") == ("FG-1", "ZR-1", "ZJ-1", "ZJ-2")
    # A small low-risk project skips 工程建设许可 and FG's part of the first stage.
    assert project.item_codes("small") == ("ZR-1", "ZJ-2")
    assert project.total_days("small") == 17
    assert project.departments(CATALOG, "social") == ("ZR", "ZJ")


def broken(change) -> dict[str, Any]:
    data = copy.deepcopy(OPENING)
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["stages"][0]["parts"].append("XX-9"), "unknown item 'XX-9'"),
        (lambda d: d.update(lead_department="NOPE"), "unknown department 'NOPE'"),
        (lambda d: d["stages"].append(dict(d["stages"][0], code="S2")), "exactly one"),
        (lambda d: d["stages"][0]["parts"].append("SJ-1"), "part 'SJ-1' appears twice"),
        (lambda d: d["materials"][0]["uses"][0].update(material="M9"), "no material 'M9'"),
        (lambda d: d["materials"][0]["uses"][0].update(item="ZJ-1"), "not a part"),
        (
            lambda d: d["materials"][1]["uses"].append({"item": "SJ-1", "material": "M1"}),
            "SJ-1/M1 is collected twice",
        ),
        (lambda d: d["stages"][0].update(time_limit_days=0), "at least 1"),
        (lambda d: d.update(project_types=["social"]), "projects only"),
        (lambda d: d.update(kind="bundle"), "must be one of package, project"),
    ],
)
def test_a_malformed_package_is_refused_naming_the_package_and_field(change, message) -> None:
    with pytest.raises(CatalogError) as caught:
        parse(broken(change))
    assert "PKG-KB" in str(caught.value)
    assert message in str(caught.value)


def test_two_packages_with_one_code_are_refused() -> None:
    with pytest.raises(CatalogError, match="PKG-KB"):
        parse(OPENING, OPENING)


def test_a_project_must_say_which_project_types_it_serves() -> None:
    data = copy.deepcopy(PROJECT)
    del data["project_types"]
    with pytest.raises(CatalogError, match="project_types"):
        parse(data)
