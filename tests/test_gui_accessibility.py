"""Every interactive control has an accessible name; everything works by keyboard."""

from __future__ import annotations

import pytest
from gui_support import OFFSCREEN_DIALOG_NOISE, interactive_widgets, unnamed, wait_idle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG_NOISE)


def test_every_control_in_every_screen_has_an_accessible_name(window, qtbot):
    window.build_all_pages()
    window.go("cards")
    qtbot.waitUntil(lambda: window.card_studio.current is not None, timeout=30_000)
    window.go("own")
    window.own_page.add()  # the own-contact dialog
    controls = interactive_widgets(window)
    controls += interactive_widgets(window.own_page.dialog)
    assert len(controls) > 60
    assert unnamed(controls) == []


def test_the_walk_finds_an_unnamed_control(window):
    """The check above can fail: a new button without a name is caught."""
    from PySide6.QtWidgets import QPushButton

    QPushButton("Uten navn", window.home)
    assert len(unnamed(interactive_widgets(window))) == 1


def test_tab_reaches_the_strip_search_hide_and_navigation(window, qtbot):
    window.strip.buttons[0].setFocus()
    seen: list[QWidget] = []
    for _ in range(40):
        focus = QApplication.focusWidget()
        seen.append(focus)
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    for target in (*window.strip.buttons, window.search_field, window.hide_button, window.nav):
        assert target in seen, target.accessibleName()


def test_focus_is_visible(window):
    sheet = QApplication.instance().styleSheet()
    assert ":focus" in sheet
    assert "QPushButton:focus" in sheet and "QLineEdit:focus" in sheet


def test_keyboard_only_flow_situation_to_contact(window, qtbot):
    """Navigation list by arrows, guide list, then search by keyboard to a contact."""
    window.nav.setFocus()
    window.nav.setCurrentRow(0)
    while window.current_key() != "child":
        qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.stack.currentWidget() is window.guide_page
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    qtbot.keyClicks(window.search_field, "99000001")
    with qtbot.waitSignal(window.search_done, timeout=10_000):
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.contacts_page)
    wait_idle(qtbot, window)
    assert window.contacts_page.selected_ref() == "testregion:krisesenter"
