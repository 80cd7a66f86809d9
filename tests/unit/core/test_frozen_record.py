"""core.frozen.frozen_record makes a class that behaves as ``@dataclass(frozen=True)``
(issue 21: Provisioning and ProvisioningProblem, ~1 ms less before the sign-in window)."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from pathlib import Path
from typing import Any

import pytest

from clerk_app.core.frozen import frozen_record
from clerk_app.core.provisioning import Provisioning, ProvisioningProblem, parse_provisioning
from tests.helpers.gui import REPO


@frozen_record
class Light:
    name: str
    size: int = 3
    tags: list[str] = dataclasses.field(default_factory=list)
    where: Path | None = None


@dataclasses.dataclass(frozen=True)
class Light2:  # the same fields, made by dataclasses (its repr is compared with the name)
    name: str
    size: int = 3
    tags: list[str] = dataclasses.field(default_factory=list)
    where: Path | None = None


def twins(*args, **kwargs):
    return Light(*args, **kwargs), Light2(*args, **kwargs)


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [(("a",), {}), (("a", 5), {"where": Path("/x")}), ((), {"name": "b", "tags": ["t"]})],
)
def test_it_is_made_and_shown_as_a_frozen_dataclass(args, kwargs):
    light, dataclass_one = twins(*args, **kwargs)
    assert repr(light) == repr(dataclass_one).replace("Light2(", "Light(")
    assert dataclasses.asdict(light) == dataclasses.asdict(dataclass_one)
    assert dataclasses.is_dataclass(light)
    assert [f.name for f in dataclasses.fields(light)] == ["name", "size", "tags", "where"]


def test_equality_hash_and_replace():
    light = Light("a", 5)
    assert light == Light(name="a", size=5)
    assert light != Light("a", 6)
    assert light != Light2("a", 5)  # another class, as dataclasses compare
    assert Light("a", where=Path("/x")).__eq__(object()) is NotImplemented
    with pytest.raises(TypeError):  # a list field: unhashable, as with dataclasses
        hash(light)
    assert hash(Light("a", 5, tags=None)) == hash(Light("a", 5, tags=None))  # type: ignore[arg-type]
    changed = dataclasses.replace(light, size=9)
    assert (changed.name, changed.size) == ("a", 9)
    assert copy.copy(light) == light
    assert pickle.loads(pickle.dumps(light)) == light
    assert Light("a").tags is not Light("a").tags  # a fresh default each time


def test_it_is_frozen_and_checks_its_arguments():
    light = Light("a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        light.size = 4  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del light.size
    wrong: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
        ((), {}),  # the name missing
        (("a", 1, [], None, 5), {}),  # one too many
        (("a",), {"name": "b"}),  # the name twice
        (("a",), {"colour": "red"}),  # no such field
    ]
    for args, kwargs in wrong:
        with pytest.raises(TypeError):
            Light(*args, **kwargs)


def test_the_provisioning_is_still_a_frozen_dataclass():
    text = (REPO / "resources" / "provisioning" / "demo-W01.toml").read_text("utf-8")
    prov = parse_provisioning(text)
    assert prov == parse_provisioning(text)
    assert dataclasses.replace(prov, window_code="W02").window_code == "W02"
    assert repr(prov).startswith("Provisioning(service_url='http://127.0.0.1:8765', ")
    with pytest.raises(dataclasses.FrozenInstanceError):
        prov.window_code = "W09"  # type: ignore[misc]
    problem = ProvisioningProblem("a.b", "中", "en")
    assert problem == ProvisioningProblem(field="a.b", zh="中", en="en", detail="")
    assert hash(problem) == hash(ProvisioningProblem("a.b", "中", "en"))
    assert str(problem) == "a.b: 中 / en"
    assert isinstance(prov, Provisioning)
