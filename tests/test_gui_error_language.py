"""Core errors reach the user in the interface language (bokmål, or English when chosen)."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from vnr_desktop.core.library import LibraryError
from vnr_desktop.core.userdata import UserDataError
from vnr_desktop.gui.adapters import expected_error_types
from vnr_desktop.gui.errors import plain_message


def test_library_errors_follow_the_interface_language(qapp):
    from vnr_desktop.gui.i18n import install_translators, remove_translators

    error = LibraryError("Pakken x er ikke installert.", "bundle x is not installed")
    assert plain_message(error) == "Pakken x er ikke installert."
    translators = install_translators(qapp, "en")
    try:
        assert plain_message(error) == "bundle x is not installed"
    finally:
        remove_translators(qapp, translators)
        QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal))
    assert plain_message(error) == "Pakken x er ikke installert."


def test_user_data_errors_are_expected_not_bugs():
    assert UserDataError in expected_error_types()
    assert LibraryError in expected_error_types()


def test_a_full_disk_still_shows_content_and_says_nothing_can_be_saved(
    qtbot, gui_data, monkeypatch
):
    import sqlite3

    from gui_support import open_window, wait_idle

    from vnr_desktop.core import db

    def failing_connect(path):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(db, "connect", failing_connect)
    window = open_window(qtbot, gui_data)
    wait_idle(qtbot, window)
    snapshot = window.session.snapshot
    assert snapshot.read_only_reason
    assert any(ref.startswith("nasjonal:") for ref in snapshot.items)
    assert window.message_bar.level == "error"
    assert "Disken er full" in window.message_bar.label.text()
