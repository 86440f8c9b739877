"""Keyboard only: find a number, open a guide, print a card, hide and return, with key events
and nothing else; Enter and Space press the focused button; Tab runs in the screen's order."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import OFFSCREEN_DIALOG_NOISE, press_key
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG_NOISE)


def _focus() -> object:
    return QApplication.focusWidget()


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press as the keyboard makes it, to the window that has the keyboard."""
    target = _focus() or QApplication.activeWindow()
    assert target is not None, "no widget has the keyboard"
    press_key(qtbot, target, key, modifier)


def _tab_to(qtbot, wanted, limit: int = 80) -> None:
    """Press Tab until ``wanted()`` is true for the focus widget (fails after ``limit``)."""
    for _ in range(limit):
        if wanted(_focus()):
            return
        _key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached it; focus is on {_focus()!r}")


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_find_a_number_open_a_guide_print_a_card_hide_and_return(
    window, qtbot, tmp_path, monkeypatch
):
    window.activateWindow()
    qtbot.waitUntil(lambda: _focus() is not None or QApplication.activeWindow() is window)
    # find a number: Ctrl+F, type, Enter opens the best hit
    _key(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert _focus() is window.search_field
    with qtbot.waitSignal(window.search_done, timeout=20_000):
        qtbot.keyClicks(window.search_field, "99 00 00 01")
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_key() == "contacts", timeout=10_000)
    ref = window.contacts_page.selected_ref()
    contact = window.session.snapshot.item(ref)
    assert any(p.digits == "99000001" for p in contact.phones)

    # open a guide: Alt+Home, Tab to the first situation, Enter
    _key(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert window.current_key() == "home"
    first = window.home.situation_buttons[0]
    _tab_to(qtbot, lambda w: w is first)
    _key(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.guide_page
    assert window.current_key() == window.situations[0].key

    # print a card: Tab to the navigation, arrow down to the card studio, Tab to "Skriv ut"
    target = tmp_path / "card.pdf"
    monkeypatch.setattr(window, "new_printer", lambda: _pdf_printer(target))
    _tab_to(qtbot, lambda w: w is window.nav)
    for _ in range(window.nav.count()):
        if window.current_key() == "cards":
            break
        _key(qtbot, Qt.Key.Key_Down)
    assert window.current_key() == "cards"
    studio = window.card_studio
    qtbot.waitUntil(lambda: studio.print_button.isEnabled(), timeout=60_000)
    _tab_to(qtbot, lambda w: w is studio.print_button)
    _key(qtbot, Qt.Key.Key_Return)
    dialog = window._print_dialog
    qtbot.waitUntil(dialog.isVisible)
    # a window manager activates a new dialog; the offscreen platform has none
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    with qtbot.waitSignal(window.print_done, timeout=60_000):
        press_key(qtbot, dialog, Qt.Key.Key_Return)
    assert target.is_file() and target.stat().st_size > 1000
    # the window manager gives the keyboard back to the main window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    # hide with Esc Esc, write a note, Tab out of it to "Fortsett", Enter
    _key(qtbot, Qt.Key.Key_Escape)
    _key(qtbot, Qt.Key.Key_Escape)
    assert window.is_hidden_now
    assert _focus() is window.neutral.note
    qtbot.keyClicks(window.neutral.note, "handleliste")
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focus() is window.neutral.resume_button
    assert window.neutral.note.toPlainText() == "handleliste"  # Tab typed no tab
    _key(qtbot, Qt.Key.Key_Return)
    assert not window.is_hidden_now
    assert window.stack.currentWidget() is studio

    # and the shortcut: Ctrl+Enter from the note
    window.hide_now()
    _key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_hidden_now


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_enter_and_space_press_the_focused_button(window, qtbot, key):
    window.go("home")
    button = window.home.situation_buttons[1]
    button.setFocus()
    with qtbot.waitSignal(button.clicked, timeout=2_000):
        press_key(qtbot, button, key)


def test_tab_runs_in_the_order_of_the_screen(window, qtbot):
    window.go("home")
    window.strip.buttons[0].setFocus()
    seen = [_focus()]
    for _ in range(len(window.strip.buttons) + 6):
        _key(qtbot, Qt.Key.Key_Tab)
        seen.append(_focus())
    shown = [b for b in window.strip.buttons if b.isVisible()]
    assert seen[: len(shown)] == shown
    rest = seen[len(shown) :]
    assert rest[0] is window.search_field
    assert rest[1] is window.hide_button
    nav_at = rest.index(window.nav)
    # after the navigation comes the page on screen
    assert window.home.isAncestorOf(rest[nav_at + 1])
