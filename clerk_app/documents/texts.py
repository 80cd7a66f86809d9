"""Templates and wording a center can adjust without touching code.

Each file is looked up in a list of folders, first hit wins: the center's own folder
(``<config_dir>/templates``, see ``template_dirs``), where IT drops an adjusted
``center.toml`` or notice template, and then the built-in ``resources/templates``. Files:

- ``center.toml``: the center's name, seal text and phone numbers.
- ``texts.toml``: wording shared by all notices (document types, material forms, notes).
- ``<kind>.html``: one ``string.Template`` per document kind; every ``$placeholder``
  receives text that is already HTML-escaped.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from string import Template
from types import MappingProxyType
from typing import Any

BUILTIN_TEMPLATES = Path(__file__).resolve().parents[2] / "resources" / "templates"


class TemplateError(Exception):
    """A template or settings file is missing or malformed (names the file)."""


def template_dirs(config_dir: Path | None = None) -> tuple[Path, ...]:
    """The center's own ``<config_dir>/templates`` folder first, then the built-in one.

    Args:
        config_dir: the client's config folder (``clerk_app.paths``); None = built-in only.
    """
    if config_dir is None:
        return (BUILTIN_TEMPLATES,)
    return (Path(config_dir) / "templates", BUILTIN_TEMPLATES)


@dataclass(frozen=True)
class CenterSettings:
    """The center's own details printed on every notice."""

    name: str
    seal_text: str
    consultation_phone: str
    complaint_phone: str
    agency_abbreviation: str = "政服"
    review_body: str = "本级人民政府"
    court: str = "有管辖权的人民法院"
    fee_counter: str = ""
    pickup_place: str = ""
    hours: str = ""
    mask_id_numbers: bool = True


_OPTIONAL_CENTER_TEXTS = (
    "agency_abbreviation",
    "review_body",
    "court",
    "fee_counter",
    "pickup_place",
    "hours",
)


@dataclass(frozen=True)
class DocumentTexts:
    """Center settings, shared wording and the folders the templates come from."""

    center: CenterSettings
    labels: Mapping[str, Any]
    dirs: tuple[Path, ...]

    @classmethod
    def load(cls, dirs: Sequence[Path | str] | None = None) -> DocumentTexts:
        """Read ``center.toml`` and ``texts.toml`` from the first folder that has each.

        Args:
            dirs: folders to search in order; None = the built-in templates only (the app
                passes ``template_dirs(paths.config_dir)``).

        Raises:
            TemplateError: a file is missing everywhere, is not valid TOML, or lacks a key.
        """
        folders = tuple(Path(d) for d in (dirs if dirs is not None else template_dirs()))
        center_raw = _read_toml(_find(folders, "center.toml"))
        section = center_raw.get("center")
        if not isinstance(section, dict):
            raise TemplateError("center.toml: missing [center] table")
        center = CenterSettings(
            name=_text(section, "name", "center.toml"),
            seal_text=_text(section, "seal_text", "center.toml"),
            consultation_phone=_text(section, "consultation_phone", "center.toml"),
            complaint_phone=_text(section, "complaint_phone", "center.toml"),
            **{
                key: _text(section, key, "center.toml")
                for key in _OPTIONAL_CENTER_TEXTS
                if key in section
            },
            mask_id_numbers=_flag(section, "mask_id_numbers", "center.toml"),
        )
        labels = _read_toml(_find(folders, "texts.toml"))
        return cls(center=center, labels=MappingProxyType(labels), dirs=folders)

    def template(self, name: str) -> Template:
        """The ``string.Template`` in file ``name`` (first folder that has it)."""
        path = _find(self.dirs, name)
        try:
            return Template(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise TemplateError(f"{path}: cannot read template: {exc}") from exc

    def label(self, table: str, key: str, default: str | None = None) -> str:
        """One wording from ``texts.toml``: ``label("id_types", "passport")``.

        Falls back to ``default`` when given; otherwise a missing entry is a TemplateError.
        """
        section = self.labels.get(table, {})
        value = section.get(key) if isinstance(section, dict) else None
        if isinstance(value, str):
            return value
        if default is not None:
            return default
        raise TemplateError(f"texts.toml: missing [{table}] {key}")


def _find(dirs: Sequence[Path], name: str) -> Path:
    for folder in dirs:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    searched = ", ".join(str(d) for d in dirs)
    raise TemplateError(f"template file {name!r} not found in: {searched}")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(f"{path}: {exc}") from exc


def _text(section: Mapping[str, Any], key: str, source: str) -> str:
    value = section.get(key)
    if not isinstance(value, str):
        raise TemplateError(f"{source}: [center] {key} must be text")
    return value


def _flag(section: Mapping[str, Any], key: str, source: str) -> bool:
    value = section.get(key, True)
    if not isinstance(value, bool):
        raise TemplateError(f"{source}: [center] {key} must be true or false")
    return value
