"""WCAG 2.x contrast ratios of text against its background, from a widget's stylesheet and
palette (WCAG 2.1 §1.4.3: at least 4.5:1 for body text).

Use::

    from tests.helpers.contrast import contrast_ratio, low_contrast_texts
    assert contrast_ratio("#ffffff", "#0b1f3a") >= 4.5
    assert low_contrast_texts(panel) == []   # every visible label with text

A label's text colour is the ``color`` of its own stylesheet (else its palette's
WindowText); its background is the ``background``/``background-color`` of its own
stylesheet, else of the nearest ancestor that paints one (a stylesheet background, or
``autoFillBackground`` with its palette's Window colour). Rich-text labels are checked with
every inline ``color:`` in their text as well. Colours with transparency are not blended:
a half-transparent background is reported as a problem, so do not use one behind text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette, Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QRadioButton, QWidget

WCAG_AA = 4.5
#: WCAG's large text (≥ 24 px, or ≥ 18.66 px bold) needs only 3:1; this helper asks 4.5:1
#: of every text unless told otherwise.
WCAG_AA_LARGE = 3.0

_DECL = re.compile(r"(?<![-\w])(color|background-color|background)\s*:\s*([^;}]+)", re.I)
_INLINE_COLOUR = re.compile(r"(?<![-\w])color\s*:\s*(#[0-9a-fA-F]{3,8}|[a-zA-Z]+)", re.I)


def parse_colour(value: str | QColor) -> QColor:
    """A QColor from ``#rgb``, ``#rrggbb``, ``#aarrggbb``, ``rgb(r, g, b)`` or a name."""
    if isinstance(value, QColor):
        return QColor(value)
    text = value.strip()
    match = re.fullmatch(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)", text)
    if match:
        colour = QColor(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if match.group(4) is not None:
            alpha = float(match.group(4))
            colour.setAlphaF(alpha if alpha <= 1 else alpha / 255)
        return colour
    colour = QColor(text.split()[0]) if text else QColor()
    if not colour.isValid():
        raise ValueError(f"not a colour: {value!r}")
    return colour


def relative_luminance(colour: str | QColor) -> float:
    """WCAG relative luminance of an sRGB colour (0 black … 1 white)."""
    c = parse_colour(colour)

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(x) for x in (c.redF(), c.greenF(), c.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str | QColor, background: str | QColor) -> float:
    """WCAG contrast ratio (1 … 21) between two colours; the order does not matter."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


def stylesheet_colours(css: str) -> dict[str, QColor]:
    """``{"color": …, "background": …}`` declared in a stylesheet (the last one wins;
    ``background: transparent`` and non-colour values are left out)."""
    out: dict[str, QColor] = {}
    for prop, raw in _DECL.findall(css or ""):
        key = "color" if prop.lower() == "color" else "background"
        value = raw.strip()
        if value.lower() in ("transparent", "none"):
            out.pop(key, None)
            continue
        try:
            out[key] = parse_colour(value)
        except ValueError:
            continue
    return out


def text_colour(widget: QWidget) -> QColor:
    own = stylesheet_colours(widget.styleSheet()).get("color")
    return own if own is not None else widget.palette().color(QPalette.ColorRole.WindowText)


def background_colour(widget: QWidget) -> QColor:
    """The colour painted behind ``widget``: its own stylesheet background, else the
    nearest ancestor's (stylesheet, or palette Window with autoFillBackground); else the
    top-level window's palette."""
    node: QWidget | None = widget
    while node is not None:
        own = stylesheet_colours(node.styleSheet()).get("background")
        if own is not None:
            return own
        if node.autoFillBackground() or node.isWindow():
            return node.palette().color(QPalette.ColorRole.Window)
        node = node.parentWidget()
    return widget.palette().color(QPalette.ColorRole.Window)


@dataclass(frozen=True)
class TextContrast:
    """One text on the screen and its contrast."""

    widget: str
    text: str
    foreground: str
    background: str
    ratio: float

    def __str__(self) -> str:
        return (
            f"{self.widget} {self.text[:30]!r}: {self.foreground} on {self.background} "
            f"= {self.ratio:.2f}:1"
        )


def label_contrasts(root: QWidget, *, skip_disabled: bool = False) -> list[TextContrast]:
    """Every visible label with text under ``root`` (``root`` too, if a label), with the
    contrast of its text colour and of each inline colour of its rich text.

    ``skip_disabled``: leave out disabled labels (WCAG 1.4.3 asks no contrast of the text
    of an inactive control, e.g. a form's captions before an item is chosen)."""
    labels = [root] if isinstance(root, QLabel) else []
    labels += root.findChildren(QLabel)
    out = []
    for label in labels:
        if not label.isVisibleTo(root.window()) or not label.text().strip():
            continue
        if skip_disabled and not label.isEnabled():
            continue
        bg = background_colour(label)
        colours = [text_colour(label)]
        if _is_rich(label):
            colours += [parse_colour(c) for c in _INLINE_COLOUR.findall(label.text())]
        for fg in colours:
            # Not blended: transparency behind or in text is reported (ratio 0).
            opaque = bg.alpha() == 255 and fg.alpha() == 255
            ratio = contrast_ratio(fg, bg) if opaque else 0.0
            out.append(
                TextContrast(
                    label.objectName() or type(label).__name__,
                    label.text(),
                    fg.name(),
                    bg.name(),
                    round(ratio, 2),
                )
            )
    return out


def _is_rich(label: QLabel) -> bool:
    fmt = label.textFormat()
    if fmt == Qt.TextFormat.RichText:
        return True
    return fmt == Qt.TextFormat.AutoText and Qt.mightBeRichText(label.text())


def low_contrast_texts(
    root: QWidget, minimum: float = WCAG_AA, *, skip_disabled: bool = False
) -> list[str]:
    """Descriptions of the texts under ``root`` below ``minimum`` (empty: all pass);
    ``skip_disabled`` as for :func:`label_contrasts`."""
    found = label_contrasts(root, skip_disabled=skip_disabled)
    return [str(t) for t in found if t.ratio < minimum]


_BLOCK = re.compile(r"([^{}]*)\{([^{}]*)\}")


def stylesheet_states(css: str) -> dict[str, dict[str, QColor]]:
    """The colours a stylesheet declares per pseudo-state: ``""`` for the plain rule (or
    a stylesheet without selectors), ``"checked"``, ``"pressed"``, ``"hover"`` …"""
    blocks = _BLOCK.findall(css or "")
    if not blocks:
        return {"": stylesheet_colours(css)}
    out: dict[str, dict[str, QColor]] = {}
    for selector, body in blocks:
        first = selector.split(",")[0].strip()
        state = first.partition(":")[2].strip()
        out.setdefault(state, {}).update(stylesheet_colours(body))
    return out


def button_contrasts(root: QWidget, *, skip_disabled: bool = True) -> list[TextContrast]:
    """Every visible button with text under ``root``, in each state its stylesheet colours
    (plain, checked, pressed …; a state takes what it does not declare from the plain
    rule). A push or tool button's own colours are its palette's ButtonText on Button; a
    check box's or radio button's text is drawn on what is behind it."""
    out = []
    for button in root.findChildren(QAbstractButton):
        if not button.isVisibleTo(root.window()) or not button.text().strip():
            continue
        if skip_disabled and not button.isEnabled():
            continue
        palette = button.palette()
        if isinstance(button, (QCheckBox, QRadioButton)):
            fg, bg = palette.color(QPalette.ColorRole.WindowText), background_colour(button)
        else:
            fg = palette.color(QPalette.ColorRole.ButtonText)
            bg = palette.color(QPalette.ColorRole.Button)
        states = stylesheet_states(button.styleSheet())
        plain = states.get("", {})
        fg, bg = plain.get("color", fg), plain.get("background", bg)
        for state, colours in sorted(states.items()):
            sfg, sbg = colours.get("color", fg), colours.get("background", bg)
            opaque = sbg.alpha() == 255 and sfg.alpha() == 255
            name = (button.objectName() or type(button).__name__) + (f":{state}" if state else "")
            ratio = contrast_ratio(sfg, sbg) if opaque else 0.0
            out.append(TextContrast(name, button.text(), sfg.name(), sbg.name(), round(ratio, 2)))
    return out


def low_contrast_buttons(root: QWidget, minimum: float = WCAG_AA) -> list[str]:
    """Descriptions of the buttons under ``root`` whose text is below ``minimum`` in some
    state (enabled buttons only; see :func:`button_contrasts`)."""
    return [str(t) for t in button_contrasts(root) if t.ratio < minimum]
