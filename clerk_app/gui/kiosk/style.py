"""The kiosk's looks: two text sizes and two colour schemes, switchable on screen.

Every colour pair here has a WCAG contrast ratio of at least 4.5:1 (checked by the tests
from the widgets' own stylesheets); large text is at least 28 px for body text
(适老化: the national requirements for the elderly ask for large, high-contrast text).
Sizes are pixel sizes (``QFont.setPixelSize``), so a kiosk's screen DPI setting does not
shrink them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class Scheme:
    """Colours of one scheme: window, text, buttons, the notice and problem bands."""

    window: str
    text: str
    muted: str
    button: str
    button_text: str
    button_focus: str
    toggle_on: str
    toggle_on_text: str
    band: str
    band_text: str
    problem: str
    problem_text: str
    number: str


NORMAL = Scheme(
    window="#f4f6f9",
    text="#1b1f24",
    muted="#3d4650",
    button="#0b4f9c",
    button_text="#ffffff",
    button_focus="#ffb000",
    toggle_on="#1b1f24",
    toggle_on_text="#ffffff",
    band="#fff4d6",
    band_text="#5c3a00",
    problem="#a4161a",
    problem_text="#ffffff",
    number="#0b4f9c",
)

HIGH_CONTRAST = Scheme(
    window="#000000",
    text="#ffffff",
    muted="#c8c8c8",
    button="#ffe600",
    button_text="#000000",
    button_focus="#00e5ff",
    toggle_on="#ffffff",
    toggle_on_text="#000000",
    band="#000000",
    band_text="#ffe600",
    problem="#000000",
    problem_text="#ff8080",
    number="#ffe600",
)


@dataclass(frozen=True)
class Sizes:
    """Pixel sizes of one text size: body, buttons, the title and the ticket number."""

    body: int
    button: int
    title: int
    number: int
    button_height: int


NORMAL_SIZES = Sizes(body=22, button=26, title=32, number=56, button_height=110)
#: Large text: body at least 28 px (issue 18).
LARGE_SIZES = Sizes(body=30, button=36, title=42, number=80, button_height=150)


def scheme(high_contrast: bool) -> Scheme:
    return HIGH_CONTRAST if high_contrast else NORMAL


def sizes(large: bool) -> Sizes:
    return LARGE_SIZES if large else NORMAL_SIZES


def font(pixels: int, *, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(pixels)
    f.setBold(bold)
    return f


def paint_window(widget: QWidget, s: Scheme) -> None:
    """The window's own background and text colour (its palette, filled)."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(s.window))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(s.text))
    palette.setColor(QPalette.ColorRole.Base, QColor(s.window))
    palette.setColor(QPalette.ColorRole.Text, QColor(s.text))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(s.muted))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


def label_css(s: Scheme, role: str = "text") -> str:
    """A label's colours: ``text``, ``muted``, ``number``, ``band``, ``message`` or
    ``problem`` (the message and a problem have the same padding: the screen does not
    jump when one replaces the other)."""
    if role == "band":
        return f"color: {s.band_text}; background-color: {s.band}; padding: 8px;"
    if role == "problem":
        return f"color: {s.problem_text}; background-color: {s.problem}; padding: 8px;"
    if role == "message":
        return f"color: {s.text}; background-color: {s.window}; padding: 8px;"
    colour = {"muted": s.muted, "number": s.number}.get(role, s.text)
    return f"color: {colour}; background-color: {s.window};"


def button_css(s: Scheme) -> str:
    """A touch button: filled, a thick focus ring for keyboard users."""
    return (
        f"QPushButton {{ color: {s.button_text}; background-color: {s.button};"
        f" border: 4px solid {s.button}; border-radius: 12px; padding: 10px; }}"
        f" QPushButton:focus {{ border: 4px solid {s.button_focus}; }}"
        f" QPushButton:disabled {{ color: {s.button_text}; background-color: {s.muted}; }}"
    )


def toggle_css(s: Scheme, on: bool) -> str:
    """A switch (large text, high contrast): filled when on, outlined when off."""
    if on:
        fg, bg = s.toggle_on_text, s.toggle_on
    else:
        fg, bg = s.text, s.window
    return (
        f"QPushButton {{ color: {fg}; background-color: {bg}; border: 3px solid {s.text};"
        f" border-radius: 10px; padding: 8px 16px; }}"
        f" QPushButton:focus {{ border: 4px solid {s.button_focus}; }}"
    )


def paint_edit(edit: QWidget, s: Scheme) -> None:
    """A line edit's placeholder in the scheme's muted colour (Qt's default grey is too
    faint: below 4.5:1 on both backgrounds)."""
    palette = edit.palette()
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(s.muted))
    edit.setPalette(palette)


def edit_css(s: Scheme) -> str:
    return (
        f"QLineEdit {{ color: {s.text}; background-color: {s.window};"
        f" border: 3px solid {s.text}; border-radius: 8px; padding: 6px; }}"
        f" QLineEdit:focus {{ border: 4px solid {s.button_focus}; }}"
    )
