"""Catalog packages: several items of several departments taken in as one application.

Two shapes share one model (issue 16):

- **一件事一次办** (``kind == "package"``): one stage, its parts handled in parallel, one
  receipt — e.g. 企业开办.
- **工程建设项目审批** (``kind == "project"``): ordered stages (立项用地规划许可 → 工程建设许可 →
  施工许可 → 竣工验收), each led by one department (牵头部门) with its own time limit in
  working days; the project's type (政府投资 / 社会投资 / 小型低风险) decides which stages
  and parts apply.

A package's materials are one combined list (一套材料): a material that several items need
is collected once and stands for each item's own material it ``uses``. An item's materials
that the combined list does not cover stay the part's own.

The JSON form sits in the catalog next to ``items`` (``"packages": [...]``); this module
reads and writes it and checks it against the catalog's items and departments. Pure: no
I/O, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from clerk_app.core.catalog import Catalog, CatalogError, _Reader

#: ``kind`` of a package.
PACKAGE_KINDS = ("package", "project")
#: Project types of 工程建设项目 (the reform's classification); packages have none.
PROJECT_TYPES = ("government", "social", "small")


@dataclass(frozen=True)
class Part:
    """One item of a stage; ``project_types`` empty means every type."""

    item: str
    project_types: tuple[str, ...] = ()

    def applies(self, project_type: str | None) -> bool:
        return not self.project_types or project_type in self.project_types


@dataclass(frozen=True)
class Stage:
    code: str
    name: str
    lead_department: str
    #: Working days the stage may take (审批时限), its parts reviewed in parallel.
    time_limit_days: int
    #: Working days from the stage's opening in which departments file what they still
    #: need (the consolidated 一次性告知 goes out when it closes or all have filed).
    review_days: int
    parts: tuple[Part, ...]
    project_types: tuple[str, ...] = ()

    def applies(self, project_type: str | None) -> bool:
        return not self.project_types or project_type in self.project_types

    def parts_for(self, project_type: str | None) -> tuple[Part, ...]:
        return tuple(p for p in self.parts if p.applies(project_type))


@dataclass(frozen=True)
class MaterialUse:
    """The item material a combined material stands for."""

    item: str
    material: str


@dataclass(frozen=True)
class PackageMaterial:
    code: str
    name: str
    required: bool
    uses: tuple[MaterialUse, ...]
    notes: str = ""


@dataclass(frozen=True)
class Package:
    code: str
    name: str
    kind: str
    lead_department: str
    stages: tuple[Stage, ...]
    materials: tuple[PackageMaterial, ...]
    project_types: tuple[str, ...] = ()
    scope: str = ""
    procedure: tuple[str, ...] = ()
    demo: bool = False

    # -- what applies ---------------------------------------------------------------------

    def stages_for(self, project_type: str | None) -> tuple[Stage, ...]:
        """The stages a project of ``project_type`` goes through, in order, each with at
        least one part."""
        return tuple(
            s for s in self.stages if s.applies(project_type) and s.parts_for(project_type)
        )

    def item_codes(self, project_type: str | None = None) -> tuple[str, ...]:
        """Every item code of the parts that apply (all parts when ``project_type`` is None
        for a package, every part of every stage for a project), in stage order."""
        if project_type is None and self.kind == "project":
            return tuple(p.item for s in self.stages for p in s.parts)
        return tuple(
            p.item for s in self.stages_for(project_type) for p in s.parts_for(project_type)
        )

    def covered(self, item_code: str) -> dict[str, str]:
        """``item material code -> combined material code`` for the materials of
        ``item_code`` the combined list collects."""
        return {
            use.material: m.code for m in self.materials for use in m.uses if use.item == item_code
        }

    # -- the six disclosures --------------------------------------------------------------

    def departments(self, catalog: Catalog, project_type: str | None = None) -> tuple[str, ...]:
        """The departments with a part, in stage order, each once."""
        seen: dict[str, None] = {}
        for code in self.item_codes(project_type):
            seen.setdefault(catalog.item(code).department, None)
        return tuple(seen)

    def total_days(self, project_type: str | None = None) -> int:
        """Working days of every stage that applies, end to end."""
        return sum(s.time_limit_days for s in self.stages_for(project_type))

    def legal_basis(self, catalog: Catalog) -> tuple[str, ...]:
        """Every legal basis of its items, each once, in stage order."""
        seen: dict[str, None] = {}
        for code in self.item_codes():
            for basis in catalog.item(code).legal_basis:
                seen.setdefault(basis, None)
        return tuple(seen)

    def fee_fen(self, catalog: Catalog, project_type: str | None = None) -> int:
        """The sum of the fees of its items (before any waiver), in fen."""
        return sum(
            fee.amount_fen
            for code in self.item_codes(project_type)
            for fee in catalog.item(code).fees
        )

    # -- JSON -----------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "lead_department": self.lead_department,
        }
        if self.demo:
            out["demo"] = True
        if self.project_types:
            out["project_types"] = list(self.project_types)
        if self.scope:
            out["scope"] = self.scope
        if self.procedure:
            out["procedure"] = list(self.procedure)
        out["stages"] = [_stage_to_dict(s) for s in self.stages]
        out["materials"] = [_material_to_dict(m) for m in self.materials]
        return out


def _stage_to_dict(stage: Stage) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": stage.code,
        "name": stage.name,
        "lead_department": stage.lead_department,
        "time_limit_days": stage.time_limit_days,
        "review_days": stage.review_days,
        "parts": [
            p.item
            if not p.project_types
            else {"item": p.item, "project_types": list(p.project_types)}
            for p in stage.parts
        ],
    }
    if stage.project_types:
        out["project_types"] = list(stage.project_types)
    return out


def _material_to_dict(m: PackageMaterial) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": m.code,
        "name": m.name,
        "required": m.required,
        "uses": [{"item": u.item, "material": u.material} for u in m.uses],
    }
    if m.notes:
        out["notes"] = m.notes
    return out


# -- parsing ------------------------------------------------------------------------------


def parse_packages(values: Any, catalog: Catalog) -> tuple[Package, ...]:
    """The packages of a catalog's ``"packages"`` list, checked against ``catalog``.

    Raises:
        CatalogError: anything malformed or inconsistent, naming the package and field.
    """
    if values is None:
        return ()
    if not isinstance(values, list):
        raise CatalogError(f"catalog: field 'packages' must be a list, got {values!r}")
    packages = tuple(
        _parse_package(_Reader(value, f"packages[{n}]"), catalog) for n, value in enumerate(values)
    )
    _unique((p.code for p in packages), "catalog: package code")
    return packages


def _unique(codes: Iterable[str], what: str) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise CatalogError(f"{what} {code!r} appears twice")
        seen.add(code)


def _types(r: _Reader, key: str) -> tuple[str, ...]:
    types = r.texts(key, required=False)
    for n, value in enumerate(types):
        if value not in PROJECT_TYPES:
            raise r.fail(f"{key}[{n}]", f"must be one of {', '.join(PROJECT_TYPES)}")
    return types


def _department(r: _Reader, key: str, catalog: Catalog) -> str:
    code = r.str(key)
    try:
        catalog.department(code)
    except KeyError:
        raise r.fail(key, f"names unknown department {code!r}") from None
    return code


def _parse_part(value: Any, where: str, catalog: Catalog) -> Part:
    if isinstance(value, str):
        part = Part(value)
    else:
        r = _Reader(value, where)
        part = Part(r.str("item"), _types(r, "project_types"))
    if catalog.get_item(part.item) is None:
        raise CatalogError(f"{where}: names unknown item {part.item!r}")
    return part


def _parse_stage(r: _Reader, catalog: Catalog) -> Stage:
    code = r.str("code")
    where = f"{r.where} (stage {code})"
    r.where = where
    parts = tuple(
        _parse_part(value, f"{where}, parts[{n}]", catalog)
        for n, value in enumerate(r.list("parts"))
    )
    if not parts:
        raise r.fail("parts", "must name at least one item")
    _unique((p.item for p in parts), f"{where}: part")
    return Stage(
        code=code,
        name=r.str("name"),
        lead_department=_department(r, "lead_department", catalog),
        time_limit_days=r.int("time_limit_days", minimum=1),
        review_days=r.int("review_days", default=0),
        parts=parts,
        project_types=_types(r, "project_types"),
    )


def _parse_use(r: _Reader) -> MaterialUse:
    return MaterialUse(item=r.str("item"), material=r.str("material"))


def _parse_material(r: _Reader) -> PackageMaterial:
    return PackageMaterial(
        code=r.str("code"),
        name=r.str("name"),
        required=r.bool("required"),
        uses=r.objects("uses", _parse_use),
        notes=r.str("notes", required=False),
    )


def _parse_package(r: _Reader, catalog: Catalog) -> Package:
    code = r.str("code")
    r.where = f"package {code} ({r.where})"
    kind = r.str("kind", choices=PACKAGE_KINDS)
    stages = r.objects("stages", lambda s: _parse_stage(s, catalog))
    if not stages:
        raise r.fail("stages", "must have at least one stage")
    if kind == "package" and len(stages) != 1:
        raise r.fail("stages", "of a package (一件事) must be exactly one")
    _unique((s.code for s in stages), f"{r.where}: stage")
    _unique((p.item for s in stages for p in s.parts), f"{r.where}: item")
    project_types = _types(r, "project_types")
    if kind == "package" and project_types:
        raise r.fail("project_types", "belong to projects only")
    if kind == "project" and not project_types:
        raise r.fail("project_types", "must name the project types the project serves")
    materials = r.objects("materials", _parse_material, required=False)
    _unique((m.code for m in materials), f"{r.where}: material")
    _check_uses(r.where, materials, stages, catalog)
    return Package(
        code=code,
        name=r.str("name"),
        kind=kind,
        lead_department=_department(r, "lead_department", catalog),
        stages=stages,
        materials=materials,
        project_types=project_types,
        scope=r.str("scope", required=False),
        procedure=r.texts("procedure", required=False),
        demo=r.bool("demo", default=False),
    )


def _check_uses(
    where: str,
    materials: tuple[PackageMaterial, ...],
    stages: tuple[Stage, ...],
    catalog: Catalog,
) -> None:
    """Each combined material stands for materials of the package's own items, each item
    material at most once."""
    items = {p.item for s in stages for p in s.parts}
    used: set[tuple[str, str]] = set()
    for m in materials:
        if not m.uses:
            raise CatalogError(f"{where}, material {m.code}: 'uses' must name an item material")
        for use in m.uses:
            if use.item not in items:
                raise CatalogError(
                    f"{where}, material {m.code}: item {use.item!r} is not a part of the package"
                )
            codes = {x.code for x in catalog.item(use.item).materials}
            if use.material not in codes:
                raise CatalogError(
                    f"{where}, material {m.code}: item {use.item} has no material {use.material!r}"
                )
            if (use.item, use.material) in used:
                raise CatalogError(
                    f"{where}, material {m.code}: {use.item}/{use.material} is collected twice"
                )
            used.add((use.item, use.material))


def packages_by_code(packages: Iterable[Package]) -> Mapping[str, Package]:
    return {p.code: p for p in packages}
