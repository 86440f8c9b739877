"""Qt's own dialogs (print with its page setup, print preview, file) speak the interface language:
bokmål with the app's qtbase_nb catalogue (Qt ships only nynorsk), English with Qt's; never a
mix of the two or of nynorsk."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from gui_support import OFFSCREEN_DIALOG_NOISE

import vnr_desktop

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG_NOISE)

CATALOGUE = Path(vnr_desktop.__file__).parent.parent / "resources" / "translations" / "qtbase_nb.ts"
NYNORSK_ONLY = ("Storleik", "Lagra", "Leit i", "ikkje", "Førehandsvis", "Skrivar", "Høgd", "Opna")


def _catalogue() -> dict[str, str]:
    root = ET.parse(CATALOGUE).getroot()
    return {
        m.findtext("source"): m.findtext("translation")
        for ctx in root.findall("context")
        for m in ctx.findall("message")
    }


def _texts(dialog) -> list[str]:
    """Everything a user reads in the dialog: title, labels, buttons, groups, tabs, choices,
    toolbar actions."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QTabWidget

    texts = [dialog.windowTitle()]
    texts += [w.text() for w in dialog.findChildren(QLabel)]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
    texts += [w.title() for w in dialog.findChildren(QGroupBox)]
    for tabs in dialog.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for combo in dialog.findChildren(QComboBox):
        if combo.isEditable():
            continue
        texts += [combo.itemText(i) for i in range(combo.count())]
    texts += [a.text() for a in dialog.findChildren(QAction)]
    texts += [a.toolTip() for a in dialog.findChildren(QAction)]
    return [t.replace("&", "").strip() for t in texts if t and t.strip()]


def _dialogs():
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QFileDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    save = QFileDialog(None)
    save.setOption(QFileDialog.Option.DontUseNativeDialog)
    save.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    folder = QFileDialog(None)
    folder.setOption(QFileDialog.Option.DontUseNativeDialog)
    folder.setFileMode(QFileDialog.FileMode.Directory)
    return printer, [
        QPrintDialog(printer),
        QPrintPreviewDialog(printer),
        save,
        folder,
    ]


def _read_dialogs(qtbot) -> list[str]:
    printer, dialogs = _dialogs()
    texts: list[str] = []
    for dialog in dialogs:
        dialog.show()
        qtbot.waitUntil(dialog.isVisible)
        texts += _texts(dialog)
        dialog.reject()
        dialog.deleteLater()
    del printer
    return texts


def test_qt_dialogs_speak_bokmal(qapp, qtbot):
    from vnr_desktop.gui.i18n import install_translators, remove_translators

    catalogue = _catalogue()
    english_only = {
        src.replace("&", "").strip()
        for src, nb in catalogue.items()
        if src.replace("&", "").strip() != nb.replace("&", "").strip()
    }
    translators = install_translators(qapp, "nb")
    try:
        assert len(translators) == 2, "the app's and Qt's bokmål catalogues are both loaded"
        texts = _read_dialogs(qtbot)
    finally:
        remove_translators(qapp, translators)
    assert len(texts) > 80
    english = sorted({t for t in texts if t in english_only})
    nynorsk = sorted({t for t in texts if any(word in t for word in NYNORSK_ONLY)})
    assert english == []
    assert nynorsk == []
    for wanted in ("Skriv ut", "Se i:", "Filnavn:", "Utskriftsområde", "Forhåndsvisning"):
        assert wanted in texts, wanted


def test_qt_dialogs_speak_english(qapp, qtbot):
    from vnr_desktop.gui.i18n import install_translators, remove_translators

    bokmal = {
        nb.replace("&", "").strip()
        for src, nb in _catalogue().items()
        if src.replace("&", "").strip() != nb.replace("&", "").strip()
    }
    translators = install_translators(qapp, "en")
    try:
        texts = _read_dialogs(qtbot)
    finally:
        remove_translators(qapp, translators)
    assert sorted({t for t in texts if t in bokmal}) == []
    assert "Print" in texts and "Look in:" in texts
