"""The published catalog: canonical bytes, ETag, and loading a new version.

Each catalog version belongs to a center (``center_code``): what a window sees is its own
center's newest version, or, while its center has published none, the newest of the
nearest center above (:func:`center_chain`). A lookup without a center uses the session's
writer's center (the service's configured one), and the newest of all when the session
names none.
"""

from __future__ import annotations

import hashlib
import json
import threading
import weakref
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from clerk_app.core.catalog import Catalog, CatalogError
from records_service.models import WRITER_CENTER, CatalogVersion, Center


def canonical_json(value: Any) -> bytes:
    """Compact, key-sorted UTF-8 JSON: the same value always gives the same bytes."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def etag_for(document: dict[str, Any]) -> str:
    """A strong ETag: the SHA-256 of the canonical JSON."""
    return '"' + hashlib.sha256(canonical_json(document)).hexdigest() + '"'


def center_chain(session: Session, center_code: str | None) -> list[str]:
    """``center_code`` and the centers above it, nearest first (empty for no center)."""
    if not center_code:
        return []
    parents = {
        code: parent for code, parent in session.execute(select(Center.code, Center.parent_code))
    }
    chain: list[str] = []
    code: str | None = center_code
    while code is not None and code not in chain:
        chain.append(code)
        code = parents.get(code)
    return chain


def _newest(center_code: str | None, *columns: Any) -> Any:
    """The last version published (of ``center_code``): the highest id, whatever clock
    stamped ``published_at`` (a service on a test clock publishes "before" the demo)."""
    query = select(*columns).order_by(CatalogVersion.id.desc())
    if center_code is not None:
        query = query.where(CatalogVersion.center_code == center_code)
    return query.limit(1)


def _head(session: Session, center_code: str | None) -> Any:
    """(version, etag) of the catalog ``center_code``'s windows see: its own newest, else
    the nearest center's above, else the newest of all (default: the writer's center)."""
    center = center_code or session.info.get(WRITER_CENTER)
    columns = (CatalogVersion.version, CatalogVersion.etag)
    for code in center_chain(session, center):
        head = session.execute(_newest(code, *columns)).first()
        if head is not None:
            return head
    return session.execute(_newest(None, *columns)).first()


def latest(session: Session, center_code: str | None = None) -> CatalogVersion | None:
    """The catalog version ``center_code``'s windows see (see :func:`_head`)."""
    head = _head(session, center_code)
    return by_version(session, head.version) if head else None


def own_latest(session: Session, center_code: str) -> CatalogVersion | None:
    """The newest catalog version ``center_code`` itself published (None: none yet)."""
    return session.scalars(_newest(center_code, CatalogVersion)).first()


def by_version(session: Session, version: str) -> CatalogVersion | None:
    return session.scalars(select(CatalogVersion).where(CatalogVersion.version == version)).first()


@dataclass(frozen=True)
class PublishedCatalog:
    """What requests need of a stored catalog version, kept in memory (versions never change)."""

    version: str
    etag: str
    body: bytes
    item_codes: frozenset[str]
    item_names: dict[str, str]
    #: 告知承诺: per item, the material codes a commitment may replace, and the items that
    #: may be granted wholesale on one (from the catalog's ``commitment`` flags).
    commitment_materials: dict[str, frozenset[str]]
    commitment_whole: frozenset[str]


_cache: dict[str, PublishedCatalog] = {}
_cache_lock = threading.Lock()


def _published(session: Session, version: str, etag: str) -> PublishedCatalog:
    cached = _cache.get(etag)
    if cached is not None and cached.version == version:
        return cached
    row = by_version(session, version)
    if row is None:  # pragma: no cover - read in the same transaction as the head row
        raise LookupError(version)
    entry = PublishedCatalog(
        version=row.version,
        etag=row.etag,
        body=canonical_json(row.document),
        item_codes=frozenset(item_codes(row.document)),
        item_names={
            str(i.get("code", i.get("item_code"))): str(i.get("name", ""))
            for i in row.document.get("items", [])
            if isinstance(i, dict)
        },
        commitment_materials=_commitment_materials(row.document),
        commitment_whole=frozenset(
            str(i.get("code"))
            for i in row.document.get("items", [])
            if isinstance(i, dict) and i.get("commitment_whole") is True
        ),
    )
    with _cache_lock:
        if len(_cache) > 32:
            _cache.clear()
        _cache[etag] = entry
    return entry


def _commitment_materials(document: dict[str, Any]) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for item in document.get("items", []):
        if not isinstance(item, dict):
            continue
        codes = frozenset(
            str(m.get("code"))
            for m in item.get("materials", [])
            if isinstance(m, dict) and m.get("commitment") is True
        )
        if codes:
            out[str(item.get("code"))] = codes
    return out


def latest_published(session: Session, center_code: str | None = None) -> PublishedCatalog | None:
    """The catalog ``center_code``'s windows see (see :func:`latest`), its canonical bytes
    and item codes (cached per ETag)."""
    head = _head(session, center_code)
    return _published(session, head.version, head.etag) if head else None


#: ``published``'s query, built once.
_VERSION_HEAD = select(CatalogVersion.version, CatalogVersion.etag).where(
    CatalogVersion.version == bindparam("version")
)
#: Stored versions by database (its engine) and version: a version never changes once
#: stored (:func:`publish` refuses other content under a stored version) and is never
#: deleted, so a version found once is not looked up again; one not found is (another
#: process may publish it).
_by_version: weakref.WeakKeyDictionary[Any, dict[str, PublishedCatalog]] = (
    weakref.WeakKeyDictionary()
)


def published(session: Session, version: str) -> PublishedCatalog | None:
    """The catalog ``version`` (cached per database and version), or None when it is not
    stored."""
    bind = session.get_bind().engine  # a session bound to a connection: its engine
    known = _by_version.get(bind)
    found = known.get(version) if known is not None else None
    if found is not None:
        return found
    head = session.execute(_VERSION_HEAD, {"version": version}).first()
    if head is None:
        return None
    entry = _published(session, head.version, head.etag)
    with _cache_lock:
        known = _by_version.setdefault(bind, {})
        if len(known) > 32:
            known.clear()
        known[version] = entry
    return entry


def publish(
    session: Session, document: dict[str, Any], now: datetime, center_code: str | None = None
) -> tuple[CatalogVersion, bool]:
    """Store ``document`` as a catalog version of ``center_code`` (default: the writer's
    center) unless that version is already stored.

    Returns:
        The stored row and whether it was new.

    Raises:
        ValueError: when the document has no ``version`` or ``items`` list, is not a
            catalog the core reads (an item, a package — each named), or when the same
            version is already stored with different content.
    """
    version = document.get("version")
    if not isinstance(version, str) or not version or len(version) > 64:
        raise ValueError("catalog document needs a 'version' string (at most 64 characters)")
    if not isinstance(document.get("items"), list):
        raise ValueError("catalog document needs an 'items' list")
    try:  # the desks read it with the core's model: what it refuses is never published
        Catalog.from_dict(document)
    except CatalogError as exc:
        raise ValueError(f"not a valid catalog: {exc}") from None
    etag = etag_for(document)
    existing = by_version(session, version)
    if existing is not None:
        if existing.etag != etag:
            raise ValueError(f"catalog version {version} is already stored with other content")
        return existing, False
    row = CatalogVersion(
        version=version, etag=etag, document=document, published_at=now, center_code=center_code
    )
    session.add(row)
    session.flush()
    return row, True


def item_codes(document: dict[str, Any]) -> set[str]:
    """The item codes of a catalog document (``code`` or ``item_code`` of each item)."""
    codes: set[str] = set()
    for item in document.get("items", []):
        if isinstance(item, dict):
            code = item.get("code", item.get("item_code"))
            if isinstance(code, str):
                codes.add(code)
    return codes
