"""Interface translations (Qt Linguist): bokmål is the source language, English is translated.

``resources/translations/vnr_desktop_<lang>.ts`` are the Linguist sources and the ``.qm`` files
next to them are compiled with ``pyside6-lrelease`` and committed, so a fresh clone runs. Qt's
own dialogs (print, file) use Qt's translations: nynorsk for bokmål users, as Qt ships no
bokmål catalogue.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

LANGUAGES: tuple[str, ...] = ("nb", "en")
CATALOGUE = "vnr_desktop"
_QT_CATALOGUE_FOR = {"nb": "nn", "en": "en"}
_current_language = "nb"


def current_language() -> str:
    """The interface language last installed ("nb" until English is chosen)."""
    return _current_language


def translation_file(lang: str, ext: str = "qm") -> str:
    from vnr_desktop.core.resources import resource_path

    return str(resource_path(f"translations/{CATALOGUE}_{lang}.{ext}"))


def install_translators(
    app: QCoreApplication, lang: str, parent: QObject | None = None
) -> list[QTranslator]:
    """Load the app's and Qt's catalogues for ``lang``; returns the installed translators."""
    global _current_language
    if lang not in LANGUAGES:
        lang = "nb"
    _current_language = lang
    installed: list[QTranslator] = []
    own = QTranslator(parent or app)
    try:
        path = translation_file(lang)
    except Exception:
        path = ""
    if path and own.load(path):
        app.installTranslator(own)
        installed.append(own)
    qt = QTranslator(parent or app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{_QT_CATALOGUE_FOR[lang]}", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    QLocale.setDefault(
        QLocale(QLocale.Language.NorwegianBokmal if lang == "nb" else QLocale.Language.English)
    )
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    global _current_language
    _current_language = "nb"
    QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal))
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()
