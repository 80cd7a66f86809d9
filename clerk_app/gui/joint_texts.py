"""Words of joint approval (issue 16) that the catalog pane, the disclosures and the joint
intake share: the package kinds, the project types, a package's search."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from clerk_app.core.catalog import SearchKeys, _pinyin_keys, _score


def kind_mark(package: Any) -> str:
    """The mark before a package's name: 「一件事」 or 「项目」."""
    if package.kind == "project":
        #: Mark of a staged construction project (工程建设项目) in the catalog list.
        return QCoreApplication.translate("JointTexts", "Project")
    #: Mark of a 一件事 package (several items, one application) in the catalog list.
    return QCoreApplication.translate("JointTexts", "One thing")


def project_type_names() -> dict[str, str]:
    """The project types of the construction-approval reform, as the clerk picks them."""
    return {
        "government": QCoreApplication.translate("JointTexts", "Government-invested (政府投资)"),
        "social": QCoreApplication.translate("JointTexts", "Socially invested (社会投资)"),
        "small": QCoreApplication.translate("JointTexts", "Small, low-risk (小型低风险)"),
    }


def department_name(catalog: Any, code: str) -> str:
    """A department's name (its code when the catalog does not know it)."""
    try:
        return str(catalog.department(code).name)
    except (AttributeError, KeyError):
        return code


def search_packages(catalog: Any, text: str) -> list[tuple[int, Any]]:
    """The catalog's packages matching ``text`` by code, name or the name's pinyin, each
    with its score (the scale of ``Catalog.search``: 0 exact code … 6 pinyin inside);
    every package (score 0) for an empty text."""
    packages = tuple(getattr(catalog, "packages", ()) or ())
    query = text.strip().casefold()
    if not query:
        return [(0, p) for p in packages]
    out: list[tuple[int, Any]] = []
    for package in packages:
        keys = SearchKeys(
            package.code.casefold(),
            package.name.casefold(),
            "",
            "",
            _pinyin_keys(package.name),
            ("", "", ()),
        )
        score = _score(query, keys)
        terms = query.split()
        if score is None and len(terms) > 1 and all(_score(t, keys) is not None for t in terms):
            score = 20
        if score is not None:
            out.append((score, package))
    return out
