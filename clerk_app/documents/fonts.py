"""Choosing a font that has Chinese glyphs, so a notice never prints as empty boxes (tofu).

Needs a QGuiApplication (QFontDatabase reads the system fonts through it).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable

from PySide6.QtGui import QFont, QFontDatabase

#: Preferred families per platform, best first: a Song/Serif face suits a formal notice.
PREFERRED_CJK_FAMILIES: dict[str, tuple[str, ...]] = {
    "linux": (
        "Noto Serif CJK SC",
        "Noto Sans CJK SC",
        "Source Han Serif SC",
        "Source Han Sans SC",
        "AR PL UMing CN",
        "WenQuanYi Zen Hei",
        "WenQuanYi Micro Hei",
    ),
    "win32": ("SimSun", "NSimSun", "FangSong", "Microsoft YaHei", "SimHei"),
    "darwin": ("Songti SC", "STSong", "PingFang SC", "Heiti SC", "Hiragino Sans GB"),
}


class NoCjkFontError(RuntimeError):
    """No installed font has Simplified Chinese glyphs."""

    def __init__(self) -> None:
        super().__init__(
            "未找到可显示中文的字体，无法生成文书。请安装中文字体（如 Noto Serif CJK SC、"
            "宋体 SimSun）后重试。 / No font with Simplified Chinese glyphs is installed, so "
            "the document cannot be written without printing empty boxes. Install a CJK font "
            "(e.g. Noto Serif CJK SC or SimSun) and try again."
        )


def _platform_key(platform: str) -> str:
    if platform.startswith("win"):
        return "win32"
    if platform == "darwin":
        return "darwin"
    return "linux"


def _supports_chinese(family: str) -> bool:
    return QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)


def pick_cjk_family(
    families: Iterable[str] | None = None,
    *,
    supports_chinese: Callable[[str], bool] | None = None,
    platform: str | None = None,
) -> str:
    """The family to write Chinese notices in.

    The platform's preferred families come first, then those of other platforms, then any
    other family that covers Simplified Chinese (monospaced ones last).

    Args:
        families: installed families; default ``QFontDatabase.families()``.
        supports_chinese: whether a family covers Simplified Chinese; default asks
            ``QFontDatabase.writingSystems``.
        platform: ``sys.platform`` style name; default the running platform.

    Raises:
        NoCjkFontError: no family covers Simplified Chinese.
    """
    installed = list(QFontDatabase.families() if families is None else families)
    covers = supports_chinese or _supports_chinese
    key = _platform_key(platform or sys.platform)
    preferred = list(PREFERRED_CJK_FAMILIES[key])
    for other, names in PREFERRED_CJK_FAMILIES.items():
        if other != key:
            preferred.extend(names)
    by_folded = {name.casefold(): name for name in installed}
    for name in preferred:
        found = by_folded.get(name.casefold())
        if found is not None and covers(found):
            return found
    rest = sorted(installed, key=lambda name: ("mono" in name.casefold(), name))
    for name in rest:
        if covers(name):
            return name
    raise NoCjkFontError()


def document_font(family: str, point_size: float = 12.0) -> QFont:
    """The default font of a notice: ``family`` at ``point_size``, text kept extractable.

    WORKAROUND: Qt's PDF writer builds the text map (ToUnicode) of an embedded font from
    the font's character table, so a glyph that OpenType shaping substituted is written
    with no text at all. Noto CJK's ``locl`` feature swaps the digits after Latin letters
    ("HS-W01-…") for such glyphs and the case number vanished from the PDF's text. The
    CJK faces used here are already the Simplified Chinese ones, so ``locl`` is not needed.
    """
    font = QFont(family)
    font.setPointSizeF(point_size)
    font.setFeature(QFont.Tag("locl"), 0)
    return font
