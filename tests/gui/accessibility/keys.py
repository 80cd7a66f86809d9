"""The keyboard half of a dialog's accessibility walk (issue 18), tried with real key
presses: where the focus starts, every control reached by Tab in reading order (down a
column, never back up a column or jumping left and up), every field named (its buddy
label or its accessibleName), the default button, and Esc.

Use::

    found = keyboard_problems(qtbot, dialog, "waiver", first=dialog.reason,
                              default=ok_button)
    found += esc_problems(qtbot, dialog, "waiver")       # last: Esc closes it
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

#: Fields a person types into or chooses in: each needs a label read with it.
FIELDS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractItemView)
#: How far (px) a step may go up and still count as the same line (baselines differ).
SAME_LINE = 8


def activate(qtbot, window: QWidget) -> None:
    """Show ``window`` and make it the active one, as a window manager would."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    name = widget.objectName() or widget.accessibleName() or ""
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return f"{type(widget).__name__} {name or text.replace('&', '')!r}".rstrip()


def _owner(widget: QWidget) -> QWidget:
    """The control a focused inner widget belongs to (a combo box's line edit, a view's
    viewport)."""
    parent = widget.parentWidget()
    while parent is not None and isinstance(parent, (QComboBox, QAbstractSpinBox)):
        widget, parent = parent, parent.parentWidget()
    return widget


def tab_chain(qtbot, window: QWidget, *, limit: int = 80) -> list[QWidget]:
    """The controls Tab visits from the one focused now until it comes back (pressed for
    real on the focused widget); stops at ``limit`` presses."""
    start = QApplication.focusWidget()
    if start is None:
        return []
    chain = [_owner(start)]
    for _ in range(limit):
        focused = QApplication.focusWidget()
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        qtbot.wait(1)
        now = QApplication.focusWidget()
        if now is None or now.window() is not window:
            break
        now = _owner(now)
        if any(now is seen for seen in chain):  # back at the start, or caught in a loop
            break
        chain.append(now)
    return chain


def _top_left(widget: QWidget) -> QPoint:
    return widget.mapToGlobal(QPoint(0, 0))


def _backwards(before: QWidget, after: QWidget) -> bool:
    """A step up the screen and not on to a column to the right."""
    a, b = _top_left(before), _top_left(after)
    if b.y() >= a.y() - SAME_LINE:
        return False
    return b.x() < a.x() + before.width()


def reachable(window: QWidget) -> list[QWidget]:
    """The visible, enabled controls of ``window`` that take focus by Tab."""
    out = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisibleTo(window):
            continue
        if not widget.isEnabled() or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget is not _owner(widget) or widget.focusProxy() is not None:
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
            continue  # a view's viewport: the view takes the focus
        out.append(widget)
    return out


def _named(field: QWidget, window: QWidget) -> bool:
    if field.accessibleName().strip():
        return True
    return any(
        label.buddy() is field and label.text().replace("&", "").strip()
        for label in window.findChildren(QLabel)
    )


def keyboard_problems(
    qtbot,
    dialog: QWidget,
    where: str,
    *,
    first: QWidget,
    default: QPushButton | None,
    order: bool = True,
) -> list[str]:
    """What a keyboard user meets in ``dialog`` (shown and active): ``first`` must have
    the focus; Tab must reach every control once, in reading order (``order``); every
    field must have a label or a name; ``default`` must be the (only) default button."""
    found: list[str] = []
    # As opened (Tab gives an auto-default button the default while it has the focus).
    defaults = [
        b for b in dialog.findChildren(QPushButton) if b.isDefault() and b.isVisibleTo(dialog)
    ]
    wanted = [default] if default is not None else []
    if defaults != wanted:
        found.append(
            f"default button is {[describe(b) for b in defaults]}, not {describe(default)}"
        )
    focused = QApplication.focusWidget()
    if focused is None or _owner(focused) is not first:
        found.append(f"focus starts on {describe(focused)}, not on {describe(first)}")
        first.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    chain = tab_chain(qtbot, dialog.window())
    visited = set(map(id, chain))
    for widget in reachable(dialog.window()):
        if id(widget) not in visited:
            found.append(f"Tab never reaches {describe(widget)}")
    if order and chain:
        # Read from the top: the one wrap-around (bottom → top) comes last, unchecked.
        top = min(
            range(len(chain)), key=lambda i: (_top_left(chain[i]).y(), _top_left(chain[i]).x())
        )
        chain = chain[top:] + chain[:top]
        for before, after in pairwise(chain):
            if _backwards(before, after):
                found.append(f"Tab goes back up from {describe(before)} to {describe(after)}")
    for widget in chain:
        if isinstance(widget, FIELDS) and not _named(widget, dialog.window()):
            found.append(f"{describe(widget)} has neither a buddy label nor an accessibleName")
    return [f"{problem} (at {where})" for problem in found]


def esc_problems(qtbot, dialog: QDialog, where: str, *, closes: bool = True) -> list[str]:
    """Esc pressed on the focused control: the dialog closes rejected (``closes``), or
    stays (a lock screen)."""
    focused = QApplication.focusWidget() or dialog
    QTest.keyClick(focused, Qt.Key.Key_Escape)
    qtbot.wait(10)
    try:
        dialog.isVisible()
    except RuntimeError:  # deleted on close
        return [] if closes else [f"Esc closes it (at {where})"]
    if closes and (dialog.isVisible() or dialog.result() != QDialog.DialogCode.Rejected):
        return [f"Esc does not close it (at {where})"]
    if not closes and not dialog.isVisible():
        return [f"Esc closes it (at {where})"]
    return []
