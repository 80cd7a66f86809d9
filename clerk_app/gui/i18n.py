"""Translations: the app's own .qm and Qt's ``qtbase`` one, for the configured language.

Source strings in the code are English (``self.tr()`` / ``QCoreApplication.translate``);
``resources/translations/clerk_<lang>.ts`` are the Qt Linguist sources, compiled into .qm
next to them by ``python -m clerk_app.gui.i18n_build`` (``make translations``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("clerk.gui")

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"

#: Where the .ts sources live and the compiled .qm files are written.
TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"

#: Strings Qt's own catalog (qtbase) lacks, by language: (context, source) → translation.
#: Without them the file dialog of the Chinese UI says "Look in:" and "Files of type:".
QT_GAPS: dict[str, dict[tuple[str, str], str]] = {
    "zh_CN": {
        ("QFileDialog", "&Look in:"): "查找范围(&L)：",
        ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    },
}


class _QtGaps(QTranslator):
    """Translates the few strings of :data:`QT_GAPS` (installed before qtbase)."""

    def __init__(self, table: dict[tuple[str, str], str], parent: QCoreApplication) -> None:
        super().__init__(parent)
        self.table = table

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None, not "": Qt then goes on to the source text (an empty answer blanked every
        # string the other catalogs lack, e.g. Qt's own ones qtbase leaves untranslated).
        return self.table.get((context, source))

    def isEmpty(self) -> bool:
        return not self.table


# Installed translators, kept referenced: Qt does not own them.
_installed: list[QTranslator] = []
# The language and .qm folder installed last (a live switch reuses the folder).
_current: dict[str, object] = {"language": DEFAULT_LANGUAGE, "directory": None}


def normalise_language(language: str | None) -> str:
    """Map a setting such as ``"zh-CN"``, ``"en_US"`` or ``None`` to one of LANGUAGES."""
    if not language:
        return DEFAULT_LANGUAGE
    lang = language.replace("-", "_")
    if lang in LANGUAGES:
        return lang
    if lang.lower().startswith("zh"):
        return "zh_CN"
    if lang.lower().startswith("en"):
        return "en"
    log.warning("unknown language %r, using %s", language, DEFAULT_LANGUAGE)
    return DEFAULT_LANGUAGE


def install_translations(language: str | None, directory: Path | None = None) -> list[str]:
    """Replace the installed translators with the ones for ``language``.

    Qt then sends every widget a ``QEvent.LanguageChange`` (posted: it arrives once the
    event loop runs); widgets retranslate themselves in ``changeEvent`` — the language
    switches live, without a restart (see docs/INTERFACES.md, "Translations").

    Args:
        language: "zh_CN" (the default when None) or "en".
        directory: where ``clerk_<lang>.qm`` is; by default the folder of the last call,
            else the resources folder.

    Returns:
        The names of the catalogs that were loaded (for the log and for tests).
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translations needs a QApplication")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()

    lang = normalise_language(language)
    if directory is None and isinstance(_current["directory"], Path):
        directory = _current["directory"]
    _current["language"], _current["directory"] = lang, directory
    QLocale.setDefault(QLocale(lang))
    loaded: list[str] = []

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang in QT_GAPS:  # installed first: searched after qtbase and the app's own
        gaps = _QtGaps(QT_GAPS[lang], app)
        app.installTranslator(gaps)
        _installed.append(gaps)
    if lang != "en":
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
            loaded.append(f"qtbase_{lang}")
        else:
            log.warning("Qt's own translation qtbase_%s not found in %s", lang, qt_dir)

    own = QTranslator(app)
    folder = directory or TRANSLATIONS_DIR
    if own.load(f"clerk_{lang}", str(folder)):
        app.installTranslator(own)
        _installed.append(own)
        loaded.append(f"clerk_{lang}")
    elif lang != "en":
        log.warning("clerk_%s.qm not found in %s (run `make translations`)", lang, folder)
    return loaded


def translated_application(language: str | None) -> QCoreApplication:
    """The QApplication (made if there is none yet) with the translations of ``language``
    installed — before the first window of the start (first-run wizard, a start-up error),
    which would otherwise open in the source language, English (issue 15).

    Args:
        language: the setting's language, or None when none is known yet (Chinese then).
    """
    import sys

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    loaded = install_translations(language)
    log.info("translations for the start: %s", ", ".join(loaded) or "none")
    return app


def current_language() -> str:
    """The language installed last ("zh_CN" or "en")."""
    return str(_current["language"])
