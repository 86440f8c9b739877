"""Interface translations: bokmål and English complete, in step with the code, compiled."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from gui_support import open_window

import vnr_desktop

ROOT = Path(vnr_desktop.__file__).parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
GUI = ROOT / "vnr_desktop" / "gui"


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        pytest.fail(f"{name} is missing: it comes with PySide6")
    return found


def _messages(lang: str) -> list[tuple[str, ET.Element]]:
    root = ET.parse(TRANSLATIONS / f"vnr_desktop_{lang}.ts").getroot()
    return [
        (ctx.findtext("name"), m) for ctx in root.findall("context") for m in ctx.findall("message")
    ]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_catalogue_is_complete(lang):
    messages = _messages(lang)
    assert len(messages) > 300
    problems = []
    for context, message in messages:
        source = message.findtext("source")
        translation = message.find("translation")
        if translation.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{context}: {source!r} is {translation.get('type')}")
        forms = [f.text for f in translation.findall("numerusform")]
        if message.get("numerus") == "yes":
            if len(forms) != 2 or not all(forms):
                problems.append(f"{context}: {source!r} lacks plural forms")
        elif not (translation.text or "").strip():
            problems.append(f"{context}: {source!r} has no translation")
        # placeholders survive translation
        text = " ".join(forms) if forms else translation.text or ""
        for placeholder in ("{0}", "{1}", "{2}", "%n"):
            if placeholder in source and placeholder not in text:
                problems.append(f"{context}: {source!r} loses {placeholder}")
    assert problems == []


def test_every_string_in_the_code_is_in_the_catalogues(tmp_path):
    sources = sorted(str(p) for p in GUI.rglob("*.py"))
    for lang in ("nb", "en"):
        copy = tmp_path / f"{lang}.ts"
        shutil.copy(TRANSLATIONS / f"vnr_desktop_{lang}.ts", copy)
        result = subprocess.run(
            [_tool("pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(copy)],
            capture_output=True,
            text=True,
            check=True,
        )
        assert "(0 new and" in result.stdout + result.stderr, result.stdout + result.stderr
        assert "obsolete" not in result.stdout + result.stderr, "strings no longer in the code"


def test_compiled_catalogues_match_the_sources(tmp_path):
    for lang in ("nb", "en"):
        out = tmp_path / f"{lang}.qm"
        subprocess.run(
            [
                _tool("pyside6-lrelease"),
                str(TRANSLATIONS / f"vnr_desktop_{lang}.ts"),
                "-qm",
                str(out),
            ],
            capture_output=True,
            check=True,
        )
        committed = TRANSLATIONS / f"vnr_desktop_{lang}.qm"
        assert committed.read_bytes() == out.read_bytes(), f"run pyside6-lrelease for {lang}"


def test_bokmal_plurals(qapp):
    from PySide6.QtCore import QCoreApplication

    from vnr_desktop.gui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, "nb")
    try:
        assert QCoreApplication.translate("ContactsPage", "%n kontakter", "", 1) == "1 kontakt"
        assert QCoreApplication.translate("ContactsPage", "%n kontakter", "", 3) == "3 kontakter"
    finally:
        remove_translators(qapp, translators)


def test_the_window_in_english(qapp, qtbot, gui_data):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from vnr_desktop.gui.i18n import install_translators, remove_translators

    english = {
        m.findtext("source"): m.find("translation").text
        for _c, m in _messages("en")
        if m.get("numerus") != "yes"
    }
    norwegian_only = {src for src, en in english.items() if en and en != src}
    translators = install_translators(qapp, "en")
    try:
        window = open_window(qtbot, gui_data)
        window.build_all_pages()
        assert window.strip.title.text() == "Urgent help"
        assert window.nav.item(0).text() == "Start"
        nav = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert "Contacts" in nav and "Settings" in nav and "Worried about a child" in nav
        assert window.search_field.placeholderText().startswith("Search for a service")
        left = []
        for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
            if widget.text() in norwegian_only:
                left.append(widget.text())
        for i in range(window.nav.count()):
            if window.nav.item(i).text() in norwegian_only:
                left.append(window.nav.item(i).text())
        assert left == []
        window.close()
    finally:
        remove_translators(qapp, translators)
