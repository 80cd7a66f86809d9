"""``frozen_record``: a frozen dataclass made without generating its methods' code.

``@dataclass(frozen=True)`` writes and compiles ``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, ``__setattr__`` and ``__delattr__`` for each class: ~1 ms for the 27 fields
of ``Provisioning`` on a desk PC, before the sign-in window (issue 21). A class made with
:func:`frozen_record` is still a dataclass (``dataclasses.fields``, ``replace``, ``asdict``
and ``is_dataclass`` work on it) and behaves as a frozen one — the same constructor
(positional or by keyword, defaults and default factories), equality, hash, repr and
``FrozenInstanceError`` — with methods shared by all such classes that read the fields.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


def _init(self: Any, *args: Any, **values: Any) -> None:
    fields = type(self).__dataclass_fields__
    name = type(self).__name__
    if len(args) > len(fields):
        raise TypeError(f"{name}() takes {len(fields)} arguments but {len(args)} were given")
    for field_name, arg in zip(fields, args, strict=False):
        if field_name in values:
            raise TypeError(f"{name}() got multiple values for argument {field_name!r}")
        values[field_name] = arg
    unknown = values.keys() - fields.keys()
    if unknown:
        raise TypeError(f"{name}() got an unexpected keyword argument {min(unknown)!r}")
    for field_name, field in fields.items():
        if field_name in values:
            value = values[field_name]
        elif field.default is not dataclasses.MISSING:
            value = field.default
        elif field.default_factory is not dataclasses.MISSING:
            value = field.default_factory()
        else:
            raise TypeError(f"{name}() missing required argument: {field_name!r}")
        object.__setattr__(self, field_name, value)


def _values(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, name) for name in type(self).__dataclass_fields__)


def _eq(self: Any, other: object) -> Any:  # a bool, or NotImplemented
    if other.__class__ is self.__class__:
        return bool(_values(self) == _values(other))
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(_values(self))


def _repr(self: Any) -> str:
    fields = ", ".join(
        f"{name}={getattr(self, name)!r}"
        for name, field in type(self).__dataclass_fields__.items()
        if field.repr
    )
    return f"{type(self).__qualname__}({fields})"


def _setattr(self: Any, name: str, value: Any) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def frozen_record(cls: type[T]) -> type[T]:
    """Make ``cls`` a frozen dataclass (see the module's docstring)."""
    cls = dataclasses.dataclass(init=False, repr=False, eq=False)(cls)
    for name, method in (
        ("__init__", _init),
        ("__repr__", _repr),
        ("__eq__", _eq),
        ("__hash__", _hash),
        ("__setattr__", _setattr),
        ("__delattr__", _delattr),
    ):
        setattr(cls, name, method)
    return cls
