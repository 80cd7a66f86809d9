"""Words of joint approval (issue 16) that the catalog pane, the disclosures and the joint
intake share: the package kinds, the project types, a package's search."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication


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
    every package (score 0) for an empty text. The keys are the catalog's own, made when
    it loaded (``Catalog.search_packages``): a keystroke never loads pypinyin."""
    search = getattr(catalog, "search_packages", None)
    return list(search(text)) if search is not None else []
