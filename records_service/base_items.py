"""事项同源: the province's basic catalogue and each center's implementations (issue 20).

A base item (:class:`~records_service.models.BaseItem`) fixes an item's basic code, name,
type and legal basis for every level (四级四同). A center adopts it by publishing its own
implementation (实施清单, :class:`~records_service.models.ItemImplementation`): an
implementation code and a catalog item with its own materials, time limits, fees, place,
hours and phone. The implementation is an item of a new catalog version of that center,
so a window keeps reading one catalog (``GET /catalog``): its center's.

A center below the city adopts only what the center above it has published; a center
under a province (or at the top) adopts from the basic catalogue itself.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk_app.core.catalog import Catalog, CatalogError
from records_service import catalog_store, locks
from records_service.catalog_schemas import AdoptionCreate
from records_service.models import BaseItem, CatalogVersion, Center, ItemImplementation
from records_service.problems import invalid_fields

#: The item keys the base item fixes (四级四同, besides the basic code).
BASE_FIELDS = ("name", "type", "legal_basis")
_FIELD = re.compile(r"field '([^']+)'")


class BaseCatalogError(ValueError):
    """A basic catalogue file that cannot be loaded; the message names the entry."""


def load_base_catalog(session: Session, document: Any, now: datetime) -> tuple[int, int]:
    """Store the base items of a basic catalogue document ``{"items": [{basic_code, name,
    type, legal_basis}]}``. A base item already stored must be unchanged (its fields are
    the same at every level: a change is a new basic code).

    Returns:
        (new, already stored) counts.

    Raises:
        BaseCatalogError: a malformed entry or a changed base item (nothing is stored).
    """
    items = document.get("items") if isinstance(document, dict) else None
    if not isinstance(items, list):
        raise BaseCatalogError("a basic catalogue needs an 'items' list")
    rows: dict[str, BaseItem] = {}
    for n, entry in enumerate(items):
        row = _base_item(entry, f"items[{n}]", now)
        if row.basic_code in rows:
            raise BaseCatalogError(f"items[{n}]: basic code {row.basic_code} listed twice")
        rows[row.basic_code] = row
    stored = {
        r.basic_code: r
        for r in session.scalars(select(BaseItem).where(BaseItem.basic_code.in_(rows)))
    }
    for code, row in rows.items():
        old = stored.get(code)
        if old is not None and _fields(old) != _fields(row):
            raise BaseCatalogError(f"base item {code} is already stored with other fields")
    for code, row in rows.items():
        if code not in stored:
            session.add(row)
    session.flush()
    return len(rows) - len(stored), len(stored)


def _base_item(entry: Any, where: str, now: datetime) -> BaseItem:
    if not isinstance(entry, dict):
        raise BaseCatalogError(f"{where}: expected an object")
    texts = {}
    for key, limit in (("basic_code", 64), ("name", 200), ("type", 32)):
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip() or len(value) > limit:
            raise BaseCatalogError(f"{where}: '{key}' must be text of 1-{limit} characters")
        texts[key] = value
    basis = entry.get("legal_basis", [])
    if not isinstance(basis, list) or not all(isinstance(b, str) and b for b in basis):
        raise BaseCatalogError(f"{where}: 'legal_basis' must be a list of texts")
    return BaseItem(
        basic_code=texts["basic_code"],
        name=texts["name"],
        type=texts["type"],
        legal_basis=list(basis),
        loaded_at=now,
    )


def _fields(row: BaseItem) -> tuple[str, str, list[str]]:
    return row.name, row.type, list(row.legal_basis)


def base_items_of(document: dict[str, Any], prefix: str) -> dict[str, Any]:
    """A basic catalogue made from a catalog document's items: basic code ``prefix`` +
    item code (the demo's: its items are the city's implementations of these)."""
    return {
        "items": [
            {
                "basic_code": prefix + str(item["code"]),
                **{key: item.get(key, [] if key == "legal_basis" else "") for key in BASE_FIELDS},
            }
            for item in document.get("items", [])
            if isinstance(item, dict) and "code" in item
        ]
    }


def record_implementations(
    session: Session, center_code: str, version: CatalogVersion, prefix: str, now: datetime
) -> int:
    """Record each item of ``version`` whose base item ``prefix`` + code is stored as
    ``center_code``'s implementation (implementation code: center + item code). Items
    already recorded are left alone. Returns how many were recorded."""
    codes = {
        prefix + str(i["code"]): str(i["code"])
        for i in version.document.get("items", [])
        if isinstance(i, dict) and "code" in i
    }
    known = set(session.scalars(select(BaseItem.basic_code).where(BaseItem.basic_code.in_(codes))))
    done = set(
        session.scalars(
            select(ItemImplementation.basic_code).where(
                ItemImplementation.center_code == center_code
            )
        )
    )
    added = 0
    for basic, item_code in codes.items():
        if basic in known and basic not in done:
            session.add(
                ItemImplementation(
                    implementation_code=f"{center_code}-{item_code}"[:64],
                    center_code=center_code,
                    basic_code=basic,
                    item_code=item_code,
                    catalog_version=version.version,
                    published_at=now,
                )
            )
            added += 1
    session.flush()
    return added


# -- adoption ---------------------------------------------------------------------------


def adopt(
    session: Session, center: Center, body: AdoptionCreate, now: datetime
) -> tuple[ItemImplementation, bool]:
    """Publish ``center``'s implementation of a base item: a new catalog version of the
    center holding the item (replacing its earlier implementation, or the item of the
    same code). Nothing is written unless every check passes.

    Returns:
        The implementation and whether a new catalog version was published (False: the
        same implementation was already published).

    Raises:
        ProblemError: 422 naming every bad field (``basic_code``: unknown, or not published
            by the center above; ``implementation_code``: another's; ``code``: another
            base item's; ``department`` or an item field the catalog refuses).
    """
    # One adoption of a center at a time (PostgreSQL): its next catalog version is read,
    # then written; other centers adopt alongside.
    locks.hold(session, locks.CATALOG, center.code)
    errors: list[dict[str, str]] = []
    base = session.get(BaseItem, body.basic_code)
    if base is None:
        errors.append(
            {"field": "basic_code", "message": "not an item of the province's basic catalogue"}
        )
    else:
        upper = _upper_problem(session, center, body.basic_code)
        if upper:
            errors.append({"field": "basic_code", "message": upper})
    own = session.scalars(
        select(ItemImplementation).where(
            ItemImplementation.center_code == center.code,
            ItemImplementation.basic_code == body.basic_code,
        )
    ).first()
    taken = session.get(ItemImplementation, body.implementation_code)
    if taken is not None and taken is not own:
        errors.append(
            {"field": "implementation_code", "message": "already another implementation's code"}
        )
    clash = session.scalars(
        select(ItemImplementation.basic_code).where(
            ItemImplementation.center_code == center.code,
            ItemImplementation.item_code == body.code,
            ItemImplementation.basic_code != body.basic_code,
        )
    ).first()
    if clash is not None:
        errors.append(
            {"field": "code", "message": f"the center's item {body.code} implements {clash}"}
        )
    if errors or base is None:
        raise invalid_fields(errors)
    current = catalog_store.own_latest(session, center.code)
    document = _next_document(session, center, current, _item(body, base), errors)
    if errors:
        raise invalid_fields(errors)
    unchanged = (
        current is not None
        and own is not None
        and own.implementation_code == body.implementation_code
        and own.item_code == body.code
        and _without_version(current.document) == _without_version(document)
    )
    if unchanged and own is not None:
        return own, False
    document["version"] = _new_version(session, center.code, now)
    try:
        row, _new = catalog_store.publish(session, document, now, center_code=center.code)
    except ValueError as exc:
        raise invalid_fields([{"field": _field_of(str(exc)), "message": str(exc)}]) from None
    if own is not None and own.implementation_code != body.implementation_code:
        session.delete(own)
        session.flush()
        own = None
    if own is None:
        own = ItemImplementation(
            implementation_code=body.implementation_code,
            center_code=center.code,
            basic_code=body.basic_code,
        )
        session.add(own)
    own.item_code = body.code
    own.catalog_version = row.version
    own.published_at = now
    session.flush()
    return own, True


def _upper_problem(session: Session, center: Center, basic_code: str) -> str | None:
    """Why ``center`` may not adopt ``basic_code`` (None: it may)."""
    parent = session.get(Center, center.parent_code) if center.parent_code else None
    if parent is None or parent.level == "province":
        return None  # adopts from the basic catalogue itself
    published = session.scalar(
        select(ItemImplementation.implementation_code).where(
            ItemImplementation.center_code == parent.code,
            ItemImplementation.basic_code == basic_code,
        )
    )
    if published is None:
        return f"the center above ({parent.code}, {parent.name}) has not published this item"
    return None


def _item(body: AdoptionCreate, base: BaseItem) -> dict[str, Any]:
    item = body.model_dump(mode="json", exclude={"center_code"})
    item.update(name=base.name, type=base.type, legal_basis=list(base.legal_basis))
    return item


def _next_document(
    session: Session,
    center: Center,
    current: CatalogVersion | None,
    item: dict[str, Any],
    errors: list[dict[str, str]],
) -> dict[str, Any]:
    """The center's catalog with ``item`` in place (its earlier implementation of the base
    item and any item of the same code replaced); appends field errors to ``errors``."""
    if current is not None:
        document = dict(current.document)
    else:  # the first of this center's own: the departments of the catalog it saw so far
        seen = catalog_store.latest(session, center.code)
        departments = seen.document.get("departments", []) if seen is not None else []
        document = {"name": f"{center.name}事项目录", "departments": departments, "items": []}
    items: list[Any] = []
    placed = False
    for old in document.get("items", []):
        replaced = isinstance(old, dict) and (
            old.get("code") == item["code"] or old.get("basic_code") == item["basic_code"]
        )
        if replaced and not placed:
            items.append(item)
            placed = True
        elif not replaced:
            items.append(old)
    document["items"] = items if placed else [*items, item]
    document["version"] = "next"
    if not any(
        isinstance(d, dict) and d.get("code") == item["department"]
        for d in document.get("departments", [])
    ):
        errors.append({"field": "department", "message": "not a department of the catalog"})
        return document
    try:
        Catalog.from_dict(document)
    except CatalogError as exc:
        errors.append({"field": _field_of(str(exc)), "message": str(exc)})
    return document


def _field_of(message: str) -> str:
    found = _FIELD.search(message)
    return found.group(1).split("[")[0].split(".")[0] if found else "code"


def _without_version(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != "version"}


def _new_version(session: Session, center_code: str, now: datetime) -> str:
    """``{center}-{yyyymmdd}-{n}``: the center's next catalog version (unused)."""
    n = session.scalar(select(func.count()).where(CatalogVersion.center_code == center_code)) or 0
    while True:
        n += 1
        version = f"{center_code}-{now:%Y%m%d}-{n}"
        if catalog_store.by_version(session, version) is None:
            return version
