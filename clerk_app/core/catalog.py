"""The item catalog and its six disclosures (六公开).

The JSON shape is the one of ``resources/catalog/demo_catalog.json`` and of
``GET /catalog``. Loading validates everything and names the item and field at fault;
unknown keys are ignored (responses may grow), so ``to_dict`` round-trips the known shape.
"""

from __future__ import annotations

import builtins
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from clerk_app.core.packages import Package

SUBJECTS = ("natural_person", "legal_person")
MATERIAL_FORMS = ("original", "copy", "original_and_copy")
MEDIA = ("paper", "electronic", "either")
CASE_KINDS = ("immediate", "promised")

#: The six disclosures: key, English title, Chinese title.
DISCLOSURE_SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("scope", "What is accepted", "受理项目"),
    ("procedure", "Procedure", "办事程序"),
    ("materials", "Required materials", "申报材料"),
    ("time_limit", "Promised time limit", "承诺时限"),
    ("fees", "Fees", "收费标准"),
    ("legal_basis", "Legal and policy basis", "政策依据"),
)
DISCLOSURE_TITLES_ZH: dict[str, str] = {key: zh for key, _en, zh in DISCLOSURE_SECTIONS}

_FORM_ZH = {"original": "原件", "copy": "复印件", "original_and_copy": "原件及复印件"}
_MEDIUM_ZH = {"paper": "纸质", "electronic": "电子", "either": "纸质或电子"}


class CatalogError(ValueError):
    """The catalog data is malformed; the message names the item and field."""


@dataclass(frozen=True, slots=True)
class Department:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Material:
    code: str
    name: str
    required: bool
    form: str = "original"
    copies: int = 1
    medium: str = "paper"
    deferrable: bool = False
    notes: str = ""
    #: 告知承诺: a certificate (证明事项) the applicant may replace by a written commitment.
    commitment: bool = False


@dataclass(frozen=True, slots=True)
class Fee:
    name: str
    amount_fen: int
    basis: str = ""
    waivable: bool = False


@dataclass(frozen=True, slots=True)
class TimeLimit:
    """Time limits in working days; ``on_the_spot`` for 即办 items."""

    statutory_days: int
    promised_days: int
    on_the_spot: bool = False


@dataclass(frozen=True, slots=True)
class Item:
    code: str
    name: str
    type: str
    department: str
    subjects: tuple[str, ...]
    scope: str
    conditions: str
    procedure: tuple[str, ...]
    materials: tuple[Material, ...]
    time_limit: TimeLimit
    case_kind: str
    fees: tuple[Fee, ...] = ()
    legal_basis: tuple[str, ...] = ()
    visits: int = 1
    place: str = ""
    hours: str = ""
    phone: str = ""
    complaint_phone: str = ""
    demo: bool = False
    #: 告知承诺: the item may be granted wholesale on the applicant's written commitment.
    commitment_whole: bool = False
    #: 告知承诺: working days the department has to verify a commitment (核查时限).
    verify_days: int = 0

    @property
    def allows_commitment(self) -> bool:
        """Whether any commitment is possible (wholesale or for a certificate)."""
        return self.commitment_whole or any(m.commitment for m in self.materials)

    @property
    def fee_total_fen(self) -> int:
        """All fees of the item added up, in fen."""
        return sum(fee.amount_fen for fee in self.fees)

    @property
    def required_materials(self) -> tuple[Material, ...]:
        return tuple(m for m in self.materials if m.required)

    def material(self, code: str) -> Material:
        """The material with ``code``; KeyError if the item has none."""
        for m in self.materials:
            if m.code == code:
                return m
        raise KeyError(f"item {self.code} has no material {code}")

    def disclosures(self) -> list[tuple[str, str, str]]:
        """The six disclosures as ``(key, title_en, content)`` in their published order.

        The content is the catalog's own (Chinese) text, one line per entry.
        """
        contents = {
            "scope": self._scope_text(),
            "procedure": "\n".join(f"{n}. {step}" for n, step in enumerate(self.procedure, 1)),
            "materials": "\n".join(
                f"{n}. {_material_line(m)}" for n, m in enumerate(self.materials, 1)
            ),
            "time_limit": _time_limit_text(self.time_limit),
            "fees": "\n".join(_fee_line(f) for f in self.fees) if self.fees else "不收费",
            "legal_basis": "\n".join(self.legal_basis),
        }
        return [(key, title_en, contents[key]) for key, title_en, _zh in DISCLOSURE_SECTIONS]

    def _scope_text(self) -> str:
        if self.conditions:
            return f"{self.scope}\n受理条件：{self.conditions}"
        return self.scope


def format_yuan(amount_fen: int) -> str:
    """``1050`` → ``"10.50"``."""
    sign = "-" if amount_fen < 0 else ""
    yuan, fen = divmod(abs(amount_fen), 100)
    return f"{sign}{yuan}.{fen:02d}"


def _material_line(m: Material) -> str:
    parts = [f"{_FORM_ZH.get(m.form, m.form)}{m.copies}份", _MEDIUM_ZH.get(m.medium, m.medium)]
    parts.append("必需" if m.required else "非必需")
    if m.deferrable:
        parts.append("可容缺")
    if m.commitment:
        parts.append("可告知承诺")
    line = f"{m.name}（{'，'.join(parts)}）"
    return f"{line}：{m.notes}" if m.notes else line


def _time_limit_text(t: TimeLimit) -> str:
    if t.on_the_spot:
        return f"即办（当场办结）；法定时限{t.statutory_days}个工作日"
    return f"法定时限{t.statutory_days}个工作日；承诺时限{t.promised_days}个工作日"


def _fee_line(f: Fee) -> str:
    line = f"{f.name}：{format_yuan(f.amount_fen)}元"
    if f.basis:
        line += f"（依据：{f.basis}）"
    if f.waivable:
        line += "，可减免"
    return line


@dataclass(frozen=True, slots=True)
class Catalog:
    version: str
    departments: tuple[Department, ...]
    items: tuple[Item, ...]
    name: str = ""
    #: Packages (一件事 and staged projects, :mod:`clerk_app.core.packages`).
    packages: tuple[Package, ...] = ()
    _items_by_code: dict[str, Item] = field(init=False, repr=False, compare=False)
    _departments_by_code: dict[str, Department] = field(init=False, repr=False, compare=False)
    #: Per item, the keys search looks at (made once when the catalog loads, not per
    #: keystroke): casefolded code, name and department, and the pinyin of name and
    #: department (see :class:`SearchKeys`).
    _search_keys: tuple[SearchKeys, ...] = field(init=False, repr=False, compare=False)
    #: Per package, the same keys (code, name and the name's pinyin), made with the items'
    #: so that a search never needs pypinyin (see :meth:`search_packages`).
    _package_keys: tuple[SearchKeys, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_items_by_code", {i.code: i for i in self.items})
        object.__setattr__(self, "_departments_by_code", {d.code: d for d in self.departments})
        dept_keys: dict[str, tuple[str, str, tuple[int, ...]]] = {}
        keys = []
        with _pinyin_batch():
            for item in self.items:
                dept = self._departments_by_code.get(item.department)
                dept_name = dept.name if dept else ""
                if dept_name not in dept_keys:
                    dept_keys[dept_name] = _pinyin_keys(dept_name)
                keys.append(
                    SearchKeys(
                        item.code.casefold(),
                        item.name.casefold(),
                        item.department.casefold(),
                        dept_name.casefold(),
                        _pinyin_keys(item.name),
                        dept_keys[dept_name],
                    )
                )
            object.__setattr__(self, "_package_keys", _package_keys_of(self.packages))
        object.__setattr__(self, "_search_keys", tuple(keys))

    # -- lookup -------------------------------------------------------------------------

    def item(self, code: str) -> Item:
        """The item with ``code``; KeyError if there is none."""
        try:
            return self._items_by_code[code]
        except KeyError:
            raise KeyError(f"no catalog item {code}") from None

    def get_item(self, code: str) -> Item | None:
        return self._items_by_code.get(code)

    def package(self, code: str) -> Package | None:
        """The package with ``code``, or None."""
        return next((p for p in self.packages if p.code == code), None)

    def department(self, code: str) -> Department:
        """The department with ``code``; KeyError if there is none."""
        try:
            return self._departments_by_code[code]
        except KeyError:
            raise KeyError(f"no department {code}") from None

    def search(self, text: str) -> list[Item]:
        """Items matching ``text`` in code, name, department code or department name, or
        the pinyin of name or department: initials (``sfz`` → 身份证) or full pinyin
        (``shenfenzheng``, also a prefix such as ``shenf``) from a syllable on.

        Case-insensitive; several words must all match. Most relevant first: exact code,
        code prefix, name prefix, name contains, code contains, pinyin of the name (from
        its start, then inside), department; the department's pinyin only when nothing
        else matched. Ties keep catalog order.
        Empty text returns every item.
        """
        query = text.strip().casefold()
        if not query:
            return list(self.items)
        terms = query.split()
        scored: list[tuple[int, int, Item]] = []
        for index, (item, keys) in enumerate(zip(self.items, self._search_keys, strict=True)):
            score = _score(query, keys)
            if (
                score is None
                and len(terms) > 1
                and all(_score(term, keys) is not None for term in terms)
            ):
                score = 20
            if score is not None:
                scored.append((score, index, item))
        if any(score < _DEPT_PINYIN for score, _i, _item in scored):
            # The pinyin of a department is a fallback: "sfz" means 身份证, not 市发展….
            scored = [entry for entry in scored if entry[0] != _DEPT_PINYIN]
        scored.sort(key=lambda entry: (entry[0], entry[1]))
        return [item for _score_, _index, item in scored]

    def search_packages(self, text: str) -> list[tuple[int, Package]]:
        """The packages matching ``text`` by code, name or the name's pinyin, each with its
        score (the scale of :meth:`search`: 0 exact code … 6 pinyin inside; 20 when only
        several words match each); every package (score 0) for an empty text. Catalog order.

        Uses only the keys made with the catalog: never loads pypinyin nor waits for a
        catalog being built on another thread.
        """
        query = text.strip().casefold()
        if not query:
            return [(0, p) for p in self.packages]
        terms = query.split()
        out: list[tuple[int, Package]] = []
        for package, keys in zip(self.packages, self._package_keys, strict=True):
            score = _score(query, keys)
            if (
                score is None
                and len(terms) > 1
                and all(_score(term, keys) is not None for term in terms)
            ):
                score = 20
            if score is not None:
                out.append((score, package))
        return out

    # -- JSON ---------------------------------------------------------------------------

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Catalog:
        """Build a catalog from its JSON form.

        Raises:
            CatalogError: anything malformed, naming the item and field.
        """
        return _parse_catalog(data)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (the shape :meth:`from_dict` reads)."""
        out: dict[str, Any] = {"version": self.version}
        if self.name:
            out["name"] = self.name
        out["departments"] = [{"code": d.code, "name": d.name} for d in self.departments]
        out["items"] = [_item_to_dict(i) for i in self.items]
        if self.packages:
            out["packages"] = [p.to_dict() for p in self.packages]
        return out


@dataclass(frozen=True, slots=True)
class SearchKeys:
    """What search compares a query with, for one item.

    The pinyin keys are ``(initials, full, starts)``: the first letter of each syllable
    (``jmsfzhl``), all syllables joined (``juminshenfenzhenghuanling``) and where each
    syllable starts in ``full``. Letters and digits in a name count as their own syllables.
    """

    code: str
    name: str
    dept_code: str
    dept_name: str
    name_pinyin: tuple[str, str, tuple[int, ...]]
    dept_pinyin: tuple[str, str, tuple[int, ...]]


#: The score of a match in the department's pinyin only (used when nothing else matched).
_DEPT_PINYIN = 9


def _each_char(chars: str) -> str:
    # pypinyin's ``errors`` callable may return a list (one syllable per character).
    return list(chars)  # type: ignore[return-value]


#: The pinyin keys of every name seen (a few thousand short tuples): a new catalog version
#: needs pypinyin for its new names only. Guarded by ``_pinyin_lock`` with the unloading.
_pinyin_seen: dict[str, tuple[str, str, tuple[int, ...]]] = {}
_pinyin_lock = threading.RLock()
#: How many ``_pinyin_batch`` blocks the lock's holder is in (only it changes this).
_pinyin_depth = 0


@contextmanager
def _pinyin_batch() -> Iterator[None]:
    """Hold the pinyin lock; pypinyin is unloaded when the outermost batch ends.

    A whole catalog (items, departments and packages) is one batch, so pypinyin is loaded
    at most once per catalog (it was twice: items, then packages, ~0.2 s each, holding the
    GIL while its tables unmarshal — the GUI thread stalls meanwhile).
    """
    global _pinyin_depth
    with _pinyin_lock:
        _pinyin_depth += 1
        try:
            yield
        finally:
            _pinyin_depth -= 1
            if _pinyin_depth == 0:
                _release_pinyin()


def _pinyin_keys(text: str) -> tuple[str, str, tuple[int, ...]]:
    """Initials, full pinyin and syllable starts of ``text`` (lower case, ASCII only)."""
    keys = _pinyin_seen.get(text)
    if keys is None:
        with _pinyin_batch():
            keys = _pinyin_seen.get(text)  # made meanwhile by the lock's previous holder?
            if keys is None:
                keys = _pinyin_seen[text] = _pinyin_of(text)
    return keys


def _package_keys_of(packages: tuple[Package, ...]) -> tuple[SearchKeys, ...]:
    """The search keys of each package: code, name, the name's pinyin (no department)."""
    return tuple(
        SearchKeys(p.code.casefold(), p.name.casefold(), "", "", _pinyin_keys(p.name), _NO_KEYS)
        for p in packages
    )


_NO_KEYS: tuple[str, str, tuple[int, ...]] = ("", "", ())


def _release_pinyin() -> None:
    """Unload pypinyin once a catalog's keys are made (issue 21).

    Its phrase tables (needed for the readings of 多音字: 银行 yinhang, 重庆 chongqing) hold
    about 45 MiB for the rest of the session otherwise, and every name is in
    ``_pinyin_seen`` by then. Nothing else keeps a reference to the package (only
    :func:`_pinyin_of` imports it, inside the call), so its tables are freed; a name not
    seen yet loads it again (a new catalog version, about 0.2 s, then unloaded again).
    """
    # list(): a copy made at once (another thread may import meanwhile).
    for name in [m for m in list(sys.modules) if m == "pypinyin" or m.startswith("pypinyin.")]:
        # Emptied too: its functions and tables refer to each other, and the cycle collector
        # may take long to come round to them.
        vars(sys.modules.pop(name)).clear()


def _pinyin_of(text: str) -> tuple[str, str, tuple[int, ...]]:
    from pypinyin import lazy_pinyin  # imported on first use: the service never searches

    syllables = [
        "".join(ch for ch in s.casefold() if ch.isascii() and ch.isalnum())
        for s in lazy_pinyin(text, errors=_each_char)
    ]
    syllables = [s for s in syllables if s]
    starts: list[int] = []
    position = 0
    for s in syllables:
        starts.append(position)
        position += len(s)
    return "".join(s[0] for s in syllables), "".join(syllables), tuple(starts)


def _pinyin_score(query: str, keys: tuple[str, str, tuple[int, ...]]) -> int | None:
    """0 when ``query`` matches the pinyin from its start, 1 inside it, None otherwise."""
    initials, full, starts = keys
    if not full:
        return None
    if initials.startswith(query) or full.startswith(query):
        return 0
    if query in initials:
        return 1
    at = full.find(query)
    while at != -1:
        if at in starts:
            return 1
        at = full.find(query, at + 1)
    return None


def _score(query: str, keys: SearchKeys) -> int | None:
    if keys.code == query:
        return 0
    if keys.code.startswith(query):
        return 1
    if keys.name.startswith(query):
        return 2
    if query in keys.name:
        return 3
    if query in keys.code:
        return 4
    latin = query.isascii() and query.isalnum()
    if latin:
        pinyin = _pinyin_score(query, keys.name_pinyin)
        if pinyin is not None:
            return 5 + pinyin
    if keys.dept_code == query:
        return 7
    if query in keys.dept_name:
        return 8
    if latin and _pinyin_score(query, keys.dept_pinyin) is not None:
        return _DEPT_PINYIN
    return None


def _item_to_dict(i: Item) -> dict[str, Any]:
    return {
        "code": i.code,
        "name": i.name,
        "type": i.type,
        "department": i.department,
        "demo": i.demo,
        "subjects": list(i.subjects),
        "scope": i.scope,
        "conditions": i.conditions,
        "procedure": list(i.procedure),
        "materials": [
            {
                "code": m.code,
                "name": m.name,
                "required": m.required,
                "form": m.form,
                "copies": m.copies,
                "medium": m.medium,
                "deferrable": m.deferrable,
                "notes": m.notes,
                **({"commitment": True} if m.commitment else {}),
            }
            for m in i.materials
        ],
        "time_limit": {
            "statutory_days": i.time_limit.statutory_days,
            "promised_days": i.time_limit.promised_days,
            "on_the_spot": i.time_limit.on_the_spot,
        },
        "case_kind": i.case_kind,
        "fees": [
            {"name": f.name, "amount_fen": f.amount_fen, "basis": f.basis, "waivable": f.waivable}
            for f in i.fees
        ],
        "legal_basis": list(i.legal_basis),
        "visits": i.visits,
        "place": i.place,
        "hours": i.hours,
        "phone": i.phone,
        "complaint_phone": i.complaint_phone,
        **({"commitment_whole": True} if i.commitment_whole else {}),
        **({"verify_days": i.verify_days} if i.verify_days else {}),
    }


__all__ = [
    "CASE_KINDS",
    "DISCLOSURE_SECTIONS",
    "DISCLOSURE_TITLES_ZH",
    "MATERIAL_FORMS",
    "MEDIA",
    "SUBJECTS",
    "Catalog",
    "CatalogError",
    "Department",
    "Fee",
    "Item",
    "Material",
    "TimeLimit",
    "format_yuan",
]


# -- parsing ------------------------------------------------------------------------------


class _Reader:
    """Reads typed fields out of one JSON object, naming the place of any fault."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, Mapping):
            raise CatalogError(f"{where}: expected an object, got {type(data).__name__}")
        self.data = data
        self.where = where

    def fail(self, key: str, message: str) -> CatalogError:
        return CatalogError(f"{self.where}: field '{key}' {message}")

    def str(
        self,
        key: builtins.str,
        *,
        required: builtins.bool = True,
        choices: tuple[builtins.str, ...] = (),
    ) -> builtins.str:
        if key not in self.data:
            if required:
                raise self.fail(key, "is missing")
            return choices[0] if choices else ""
        value = self.data[key]
        if not isinstance(value, str):
            raise self.fail(key, f"must be text, got {value!r}")
        if required and not value.strip():
            raise self.fail(key, "must not be empty")
        if choices and value not in choices:
            raise self.fail(key, f"must be one of {', '.join(choices)}, got {value!r}")
        return value

    def int(
        self, key: builtins.str, *, default: builtins.int | None = None, minimum: builtins.int = 0
    ) -> builtins.int:
        if key not in self.data and default is not None:
            return default
        value = self.data.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, f"must be a whole number, got {value!r}")
        if value < minimum:
            raise self.fail(key, f"must be at least {minimum}, got {value}")
        return value

    def bool(self, key: builtins.str, *, default: builtins.bool | None = None) -> builtins.bool:
        if key not in self.data and default is not None:
            return default
        value = self.data.get(key)
        if not isinstance(value, bool):
            raise self.fail(key, f"must be true or false, got {value!r}")
        return value

    def list(self, key: builtins.str, *, required: builtins.bool = True) -> builtins.list[Any]:
        if key not in self.data and not required:
            return []
        value = self.data.get(key)
        if not isinstance(value, list):
            raise self.fail(key, f"must be a list, got {value!r}")
        return value

    def texts(
        self, key: builtins.str, *, required: builtins.bool = True
    ) -> tuple[builtins.str, ...]:
        values = self.list(key, required=required)
        for n, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise self.fail(f"{key}[{n}]", f"must be non-empty text, got {value!r}")
        return tuple(values)

    def objects(
        self,
        key: builtins.str,
        parse: Callable[[_Reader], Any],
        *,
        required: builtins.bool = True,
    ) -> tuple[Any, ...]:
        return tuple(
            parse(
                _Reader(
                    value, f"{key}[{n}]" if self.where == "catalog" else f"{self.where}, {key}[{n}]"
                )
            )
            for n, value in enumerate(self.list(key, required=required))
        )


def _parse_material(r: _Reader) -> Material:
    return Material(
        code=r.str("code"),
        name=r.str("name"),
        required=r.bool("required"),
        form=r.str("form", required=False, choices=MATERIAL_FORMS),
        copies=r.int("copies", default=1),
        medium=r.str("medium", required=False, choices=MEDIA),
        deferrable=r.bool("deferrable", default=False),
        notes=r.str("notes", required=False),
        commitment=r.bool("commitment", default=False),
    )


def _parse_fee(r: _Reader) -> Fee:
    return Fee(
        name=r.str("name"),
        amount_fen=r.int("amount_fen"),
        basis=r.str("basis", required=False),
        waivable=r.bool("waivable", default=False),
    )


def _parse_item(r: _Reader, departments: Mapping[str, Department]) -> Item:
    code = r.str("code")
    r.where = f"item {code} ({r.where})"
    department = r.str("department")
    if department not in departments:
        raise r.fail("department", f"names unknown department {department!r}")
    subjects = r.texts("subjects")
    for n, subject in enumerate(subjects):
        if subject not in SUBJECTS:
            raise r.fail(f"subjects[{n}]", f"must be one of {', '.join(SUBJECTS)}")
    materials = r.objects("materials", _parse_material)
    seen: set[str] = set()
    for m in materials:
        if m.code in seen:
            raise r.fail("materials", f"lists material code {m.code} twice")
        seen.add(m.code)
    limit_reader = _Reader(r.data.get("time_limit"), f"{r.where}, time_limit")
    limit = TimeLimit(
        statutory_days=limit_reader.int("statutory_days"),
        promised_days=limit_reader.int("promised_days"),
        on_the_spot=limit_reader.bool("on_the_spot", default=False),
    )
    if limit.promised_days > limit.statutory_days:
        raise r.fail("time_limit.promised_days", "must not exceed statutory_days")
    case_kind = r.str("case_kind", choices=CASE_KINDS)
    if (case_kind == "immediate") != limit.on_the_spot:
        raise r.fail("case_kind", "must be 'immediate' exactly when time_limit.on_the_spot")
    if case_kind == "promised" and limit.promised_days < 1:
        raise r.fail("time_limit.promised_days", "must be at least 1 for a promised item")
    commitment_whole = r.bool("commitment_whole", default=False)
    verify_days = r.int("verify_days", default=0)
    if (commitment_whole or any(m.commitment for m in materials)) and verify_days < 1:
        raise r.fail("verify_days", "must be at least 1 where a commitment is allowed")
    return Item(
        code=code,
        name=r.str("name"),
        type=r.str("type"),
        department=department,
        subjects=subjects,
        scope=r.str("scope"),
        conditions=r.str("conditions", required=False),
        procedure=r.texts("procedure"),
        materials=materials,
        time_limit=limit,
        case_kind=case_kind,
        fees=r.objects("fees", _parse_fee, required=False),
        legal_basis=r.texts("legal_basis", required=False),
        visits=r.int("visits", default=1),
        place=r.str("place", required=False),
        hours=r.str("hours", required=False),
        phone=r.str("phone", required=False),
        complaint_phone=r.str("complaint_phone", required=False),
        demo=r.bool("demo", default=False),
        commitment_whole=commitment_whole,
        verify_days=verify_days,
    )


def _parse_catalog(data: Mapping[str, Any]) -> Catalog:
    top = _Reader(data, "catalog")
    departments = top.objects(
        "departments", lambda r: Department(code=r.str("code"), name=r.str("name"))
    )
    by_code: dict[str, Department] = {}
    for d in departments:
        if d.code in by_code:
            raise top.fail("departments", f"lists department {d.code} twice")
        by_code[d.code] = d
    items = top.objects("items", lambda r: _parse_item(r, by_code))
    seen: set[str] = set()
    for item in items:
        if item.code in seen:
            raise top.fail("items", f"lists item {item.code} twice")
        seen.add(item.code)
    with _pinyin_batch():  # items and packages: pypinyin loaded once, unloaded after both
        catalog = Catalog(
            version=top.str("version"),
            departments=departments,
            items=items,
            name=top.str("name", required=False),
        )
        if data.get("packages") is not None:
            from clerk_app.core.packages import parse_packages  # it reads this catalog's items

            packages = parse_packages(data["packages"], catalog)
            object.__setattr__(catalog, "packages", packages)
            object.__setattr__(catalog, "_package_keys", _package_keys_of(packages))
    return catalog
