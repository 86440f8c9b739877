"""Quick hide: a visible button and Esc pressed twice put a neutral screen over everything."""

from __future__ import annotations

import pytest
import shiboken6
from gui_support import OFFSCREEN_DIALOG_NOISE, press_key
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG_NOISE)

WORDS_THAT_GIVE_IT_AWAY = ("vold", "VNR", "krisesenter", "112", "Skjul")


def _visible_texts(widget) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    texts = []
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        if child.isVisible():
            texts.append(child.text())
    return texts


def test_hide_button_covers_everything_at_once(window, qtbot):
    assert window.hide_button.isVisible()
    qtbot.mouseClick(window.hide_button, Qt.MouseButton.LeftButton)
    # at once: no event loop turn needed
    assert window.is_hidden_now
    assert window.outer.currentWidget() is window.neutral
    assert not window.content.isVisible()
    assert not window.strip.isVisible()
    title = window.windowTitle()
    assert all(word.casefold() not in title.casefold() for word in WORDS_THAT_GIVE_IT_AWAY)
    for text in _visible_texts(window):
        assert all(word.casefold() not in text.casefold() for word in WORDS_THAT_GIVE_IT_AWAY), text
    assert window.windowIcon().isNull()


def test_escape_twice_hides_from_anywhere(window, qtbot):
    window.go("contacts")
    window.contacts_page.filter.setFocus()
    press_key(qtbot, window.contacts_page.filter, Qt.Key.Key_Escape)
    assert not window.is_hidden_now  # one Esc is not enough
    press_key(qtbot, window.contacts_page.filter, Qt.Key.Key_Escape)
    assert window.is_hidden_now
    assert window.outer.currentWidget() is window.neutral


def test_escape_in_a_dialog_counts_too(window, qtbot):
    """The first Esc closes the dialog (as it should), the second one hides."""
    window.go("own")
    window.own_page.add()
    dialog = window.own_page.dialog
    # a window manager activates a new dialog; the offscreen platform has none
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle())
    press_key(qtbot, dialog, Qt.Key.Key_Escape)
    assert not (shiboken6.isValid(dialog) and dialog.isVisible())  # closed (and deleted)
    assert not window.is_hidden_now
    press_key(qtbot, window, Qt.Key.Key_Escape)
    assert window.is_hidden_now


def test_a_key_press_is_counted_once(window, qtbot, monkeypatch):
    """An Esc the focus widget ignores travels up to its parents; it is still one press."""
    window.go("home")
    window.home.situation_buttons[0].setFocus()
    press_key(qtbot, window, Qt.Key.Key_Escape)
    assert not window.is_hidden_now


def test_escape_once_now_and_once_much_later_does_not_hide(window, qtbot, monkeypatch):
    from vnr_desktop.gui import quick_hide

    clock = iter([100.0, 101.5])
    monkeypatch.setattr(quick_hide.time, "monotonic", lambda: next(clock))
    window.search_field.setFocus()
    press_key(qtbot, window.search_field, Qt.Key.Key_Escape)
    press_key(qtbot, window.search_field, Qt.Key.Key_Escape)
    assert not window.is_hidden_now


def test_hide_closes_dialogs_and_clears_a_copied_number(window, qtbot):
    window.go("own")
    window.own_page.add()
    dialog = window.own_page.dialog
    assert dialog.isVisible()
    qtbot.mouseClick(window.strip.buttons[0], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == window.strip.buttons[0].number_label.text()
    window.hide_now()
    assert not dialog.isVisible()
    assert QGuiApplication.clipboard().text() == ""


def test_resume_brings_the_work_back(window, qtbot):
    window.go("measures")
    window.search_field.setText("noe jeg skrev")
    window.hide_now()
    qtbot.mouseClick(window.neutral.resume_button, Qt.MouseButton.LeftButton)
    assert not window.is_hidden_now
    assert window.outer.currentWidget() is window.content
    assert window.search_field.text() == "noe jeg skrev"
    assert "vold" in window.windowTitle().casefold()
