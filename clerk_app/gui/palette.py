"""The desk's palette made readable (issue 18, WCAG 2.1 AA: 4.5:1 for text).

The platform's palettes leave two texts below 4.5:1 on the desk's fields and lists:
a line edit's placeholder (Qt paints the text colour at half alpha: 4.0:1 on white) and a
selected row (Fusion's white on #308cc6: 3.7:1). :func:`readable_palette` darkens (or, on a
dark scheme, lightens) just those colours until they reach :data:`TARGET`, leaving every
other colour of the platform's scheme as it is; ``run_app`` installs it on the application
(:func:`install_readable_palette`). The kiosk and the hall's screens paint their own.
"""

from __future__ import annotations

import copy

from PySide6.QtGui import QColor, QGuiApplication, QPalette

#: WCAG AA for body text, with a little room for rounding.
TARGET = 4.6
_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
_Role = QPalette.ColorRole


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque sRGB colour (0 black … 1 white)."""

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio (1 … 21) of two opaque colours."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _mix(colour: QColor, other: QColor, share: float) -> QColor:
    """``colour`` with ``share`` (0 … 1) of ``other`` painted over it, opaque."""
    out = QColor()
    out.setRgbF(
        colour.redF() * (1 - share) + other.redF() * share,
        colour.greenF() * (1 - share) + other.greenF() * share,
        colour.blueF() * (1 - share) + other.blueF() * share,
    )
    return out


def _flatten(colour: QColor, behind: QColor) -> QColor:
    """A half-transparent colour as it is painted over ``behind``."""
    return _mix(behind, colour, colour.alphaF())


def _readable(colour: QColor, against: QColor, towards: QColor) -> QColor:
    """``colour`` moved towards ``towards`` just far enough to reach :data:`TARGET`
    against ``against`` (``towards`` itself when even that falls short)."""
    for step in range(21):
        moved = _mix(colour, towards, step / 20)
        if contrast(moved, against) >= TARGET:
            return moved
    return copy.copy(towards)


def readable_palette(palette: QPalette) -> QPalette:
    """``palette`` with its placeholder text and selection colours at :data:`TARGET`."""
    # Copied, not QPalette(palette): choosing among QPalette's constructors builds PySide6's
    # Qt namespace (~10 ms), and this runs before the sign-in window is shown (issue 21).
    out = copy.copy(palette)
    for group in _GROUPS:
        base = palette.color(group, _Role.Base)
        text = palette.color(group, _Role.Text)
        shown = _flatten(palette.color(group, _Role.PlaceholderText), base)
        if contrast(shown, base) < TARGET:
            out.setColor(group, _Role.PlaceholderText, _readable(shown, base, text))
        highlight = palette.color(group, _Role.Highlight)
        chosen = palette.color(group, _Role.HighlightedText)
        if contrast(chosen, highlight) < TARGET:
            away = QColor("#000000") if luminance(chosen) > 0.5 else QColor("#ffffff")
            out.setColor(group, _Role.Highlight, _readable(highlight, chosen, away))
    return out


def install_readable_palette(app: QGuiApplication) -> None:
    """Give ``app`` the readable form of its palette (at start, before the first window)."""
    app.setPalette(readable_palette(app.palette()))
