"""The kinds of document a window issues, and what rendering one gives back.

Each kind registers once (code, title, template, data type, build function); the GUI asks
the registry for a kind's builder and printer and never knows a notice's details. The
acceptance receipt registers in ``render``, the other notices, the service guide and the
roll slip in ``notice_render``, with the codes of
``clerk_app.core.provisioning.DOCUMENT_KINDS``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from PySide6.QtGui import QImage

from clerk_app.documents.pdf import write_pdf
from clerk_app.documents.texts import DocumentTexts


@dataclass(frozen=True)
class RenderedDocument:
    """A notice ready for paper: HTML, the images it refers to, title and page format."""

    kind: str
    title: str
    html: str
    resources: Mapping[str, QImage] = field(default_factory=lambda: MappingProxyType({}))
    page: str = "A4"

    def write_pdf(self, path: Path | str, *, font_family: str | None = None) -> Path:
        """Save as a PDF (see ``clerk_app.documents.pdf.write_pdf`` for the errors)."""
        return write_pdf(
            self.html,
            path,
            resources=self.resources,
            page=self.page,
            title=self.title,
            font_family=font_family,
        )


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document: how to build it from its data."""

    code: str
    title: str
    template: str
    data_type: type
    build: Callable[[Any, DocumentTexts], RenderedDocument]


_REGISTRY: dict[str, DocumentKind] = {}


def register_kind(kind: DocumentKind) -> DocumentKind:
    """Add ``kind`` to the registry (a second kind with the same code is a bug)."""
    existing = _REGISTRY.get(kind.code)
    if existing is not None and existing != kind:
        raise ValueError(f"document kind {kind.code!r} is already registered")
    _REGISTRY[kind.code] = kind
    return kind


def document_kind(code: str) -> DocumentKind:
    """The registered kind ``code`` (KeyError when none)."""
    return _REGISTRY[code]


def document_kinds() -> tuple[DocumentKind, ...]:
    """All registered kinds, in registration order."""
    return tuple(_REGISTRY.values())


def build_document(data: object, texts: DocumentTexts) -> RenderedDocument:
    """Render ``data`` with the kind registered for its type."""
    for kind in _REGISTRY.values():
        if isinstance(data, kind.data_type):
            return kind.build(data, texts)
    raise TypeError(f"no document kind renders {type(data).__name__}")
