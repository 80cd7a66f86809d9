"""Walk a widget's QAccessible tree, as a screen reader sees it, and find the controls a
person using one could not tell apart: a focusable or clickable control with no name.

Use::

    from tests.helpers.accessibility import accessible_tree, nameless_controls
    assert nameless_controls(window) == []

A control's name is what ``QAccessible`` reports (``Text.Name``): a button's text, a
label's text, or the ``accessibleName`` set on the widget; a line edit, combo box or spin
box has none unless it is given one (a buddy label does not count for every reader).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QWidget

Role = QAccessible.Role

#: Roles a person acts on: each needs a name even when it cannot take keyboard focus.
CONTROL_ROLES = frozenset(
    {
        Role.Button,
        Role.CheckBox,
        Role.RadioButton,
        Role.ComboBox,
        Role.EditableText,
        Role.SpinBox,
        Role.Slider,
        Role.PageTab,
        Role.MenuItem,
        Role.ButtonMenu,
        Role.ButtonDropDown,
        Role.Link,
        Role.List,
        Role.Table,
        Role.Tree,
    }
)


@dataclass(frozen=True)
class Node:
    """One element of the accessibility tree."""

    role: QAccessible.Role
    name: str
    description: str
    focusable: bool
    invisible: bool
    object_name: str
    class_name: str
    depth: int

    def __str__(self) -> str:
        ident = self.object_name or "(no objectName)"
        return f"{self.class_name} {ident} [{self.role.name}] name={self.name!r}"


def _node(iface: QAccessibleInterface, depth: int) -> Node:
    obj = iface.object()
    state = iface.state()
    return Node(
        role=iface.role(),
        name=(iface.text(QAccessible.Text.Name) or "").strip(),
        description=(iface.text(QAccessible.Text.Description) or "").strip(),
        focusable=bool(state.focusable),
        invisible=bool(state.invisible),
        object_name=obj.objectName() if obj is not None else "",
        class_name=type(obj).__name__ if obj is not None else "",
        depth=depth,
    )


def accessible_tree(root: QWidget, *, max_depth: int = 64) -> Iterator[Node]:
    """Every element under ``root`` (itself first), depth first, as QAccessible reports it."""
    start = QAccessible.queryAccessibleInterface(root)
    if start is None:
        return
    stack: list[tuple[QAccessibleInterface, int]] = [(start, 0)]
    while stack:
        iface, depth = stack.pop()
        if not iface.isValid():
            continue
        yield _node(iface, depth)
        if depth >= max_depth:
            continue
        children = [iface.child(i) for i in range(iface.childCount())]
        stack.extend((child, depth + 1) for child in reversed(children) if child is not None)


def is_control(node: Node) -> bool:
    """A control a person acts on: focusable, or of an interactive role."""
    return node.focusable or node.role in CONTROL_ROLES


def nameless_controls(root: QWidget, *, include_invisible: bool = False) -> list[str]:
    """The visible controls under ``root`` that have no accessible name (descriptions)."""
    return [
        str(node)
        for node in accessible_tree(root)
        if is_control(node) and not node.name and (include_invisible or not node.invisible)
    ]


def accessible_names(root: QWidget) -> list[str]:
    """The names of every visible element under ``root`` (what a screen reader can say)."""
    return [n.name for n in accessible_tree(root) if n.name and not n.invisible]
