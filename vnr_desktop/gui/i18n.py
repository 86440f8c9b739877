"""Interface translations (Qt Linguist): bokmål is the source language, English is translated.

``resources/translations/vnr_desktop_<lang>.ts`` are the Linguist sources and the ``.qm`` files
next to them are compiled with ``pyside6-lrelease`` and committed, so a fresh clone runs.

Qt's own dialogs (print, print preview, file) speak the interface language too. Qt ships no
bokmål catalogue (only nynorsk, which would mix "Storleik" and "Lagra" into a bokmål app), so
the app ships ``qtbase_nb.ts``: the strings of the dialogs it opens, in bokmål. English loads
Qt's own English catalogue. ``switch_language`` changes all of it while the app runs; Qt then
sends every widget a LanguageChange event.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from vnr_desktop.core.resources import ResourceError, resource_path

LANGUAGES: tuple[str, ...] = ("nb", "en")
CATALOGUE = "vnr_desktop"
QT_CATALOGUE = "qtbase"
_current_language = "nb"
_installed: list[QTranslator] = []


def current_language() -> str:
    """The interface language last installed ("nb" until English is chosen)."""
    return _current_language


def core_message(obj: object) -> str:
    """A message from the core in the interface language. Core messages (errors, sync
    results, progress) carry ``message`` in bokmål and ``message_en``: this is the one place the
    GUI chooses between them (its own words go through Qt's tr() and the .ts catalogues)."""
    english = getattr(obj, "message_en", None)
    if _current_language == "en" and isinstance(english, str) and english:
        return english
    message = getattr(obj, "message", None)
    return message if isinstance(message, str) else str(obj)


def translation_file(lang: str, ext: str = "qm") -> str:
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
    if _load_qt_catalogue(qt, lang):
        app.installTranslator(qt)
        installed.append(qt)
    QLocale.setDefault(
        QLocale(QLocale.Language.NorwegianBokmal if lang == "nb" else QLocale.Language.English)
    )
    _installed.extend(installed)
    return installed


def _load_qt_catalogue(translator: QTranslator, lang: str) -> bool:
    """Bokmål: the app's own qtbase_nb (Qt has none); English: Qt's qtbase_en."""
    if lang == "nb":
        try:
            path = resource_path(f"translations/{QT_CATALOGUE}_nb.qm")
        except ResourceError:
            return False
        return translator.load(str(path))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return translator.load(f"{QT_CATALOGUE}_{lang}", qt_dir)


def switch_language(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Change the interface language now: the catalogues installed before are removed."""
    remove_all_translators(app)
    return install_translators(app, lang)


def remove_all_translators(app: QCoreApplication) -> None:
    """Every catalogue installed here, removed: the source texts (bokmål) again."""
    remove_translators(app, list(_installed))


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    global _current_language
    _current_language = "nb"
    QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal))
    for translator in translators:
        app.removeTranslator(translator)
        if translator in _installed:
            _installed.remove(translator)
        translator.deleteLater()
