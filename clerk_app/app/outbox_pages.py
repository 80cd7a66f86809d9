"""What the connection panel says of a scanned page waiting or refused (issue 22).

An outbox row of kind ``attachment`` (``store.scans``) is one page of one material of a
case. The panel names it in the clerk's words — the material's name from the item's
checklist and the page number — and, for a refused page, why in words it can translate:
the center's limit per file or per case (its 413 ``attachment-too-large`` /
``case-attachments-too-large`` with the ``limit``), a page this desk cannot read, or the
center's own sentence for anything else. Read on the sync worker's thread, with the
waiting and refused rows (``gui.sync_worker``); no network.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from clerk_app.core.catalog import Catalog
from clerk_app.store.local import LocalStore
from clerk_app.store.scans import KIND_ATTACHMENT

__all__ = ["KIND_ATTACHMENT", "ON_DESK", "PageFacts", "page_facts"]

#: Why a page was refused (``PageFacts.problem``) when the desk itself could not read it.
ON_DESK = "desk"

_catalogs: dict[str | None, Catalog] = {}


@dataclass(frozen=True)
class PageFacts:
    """One scanned page's outbox row as the connection panel names it.

    Attributes:
        material_name: the material's name on the item's checklist (its code when the
            cached catalog does not know it).
        sent: the bytes the center has acknowledged.
        problem: the refusal's problem slug (``attachment-too-large``…), :data:`ON_DESK`
            for a page this desk cannot read, "" when not refused.
        limit: the center's limit in bytes named by a 413, else None.
        detail: the refusal's own sentence (the center's, in English).
    """

    row_id: int
    case_no: str | None
    material_code: str
    material_name: str
    page: int
    size: int
    sent: int
    problem: str = ""
    limit: int | None = None
    detail: str = ""


def _catalog(store: LocalStore) -> Catalog | None:
    cached = store.load_catalog()
    if cached is None:
        return None
    catalog = _catalogs.get(cached.version)
    if catalog is None:
        catalog = Catalog.from_dict(json.loads(cached.json_text))
        _catalogs.clear()  # one catalog at a time
        _catalogs[cached.version] = catalog
    return catalog


def _slug(problem: dict[str, Any], status: int | None) -> str:
    if status == 0:
        return ON_DESK
    kind = str(problem.get("type") or "")
    return kind.rsplit("/", 1)[-1] if kind else ""


def page_facts(store: LocalStore, row_ids: Iterable[int]) -> dict[int, PageFacts]:
    """The scanned pages among the outbox rows ``row_ids``, by row id (other kinds are
    left out)."""
    ids = sorted(set(row_ids))
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = store.db.query(
        "SELECT o.id, o.idempotency_key, o.body_json, o.response_status, o.response_json,"  # noqa: S608
        " c.case_no, c.item_code, s.sent_bytes FROM outbox o"
        " LEFT JOIN cases c ON c.id = o.case_id LEFT JOIN case_scans s ON s.id = o.idempotency_key"
        f" WHERE o.kind = ? AND o.id IN ({marks})",
        (KIND_ATTACHMENT, *ids),
    )
    if not rows:
        return {}
    catalog = _catalog(store)
    out = {}
    for r in rows:
        body = _loads(r[2])
        problem = _loads(r[4])
        status = None if r[3] is None else int(r[3])
        code = str(body.get("material_code") or "")
        item = catalog.get_item(r[6]) if catalog is not None and r[6] else None
        names = {m.code: m.name for m in item.materials if m.code} if item is not None else {}
        limit = problem.get("limit")
        out[int(r[0])] = PageFacts(
            row_id=int(r[0]),
            case_no=r[5],
            material_code=code,
            material_name=names.get(code) or code,
            page=int(body.get("page") or 0),
            size=int(body.get("size") or 0),
            sent=int(r[7] or 0),
            problem=_slug(problem, status) if status is not None else "",
            limit=limit if isinstance(limit, int) else None,
            detail=str(problem.get("detail") or ""),
        )
    return out


def _loads(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
