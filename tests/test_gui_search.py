"""Search as you type: results off the UI thread, keyboard navigation, Enter opens."""

from __future__ import annotations

from gui_support import read_settings, wait_idle
from PySide6.QtCore import Qt


def _search(qtbot, window, text: str) -> int:
    with qtbot.waitSignal(window.search_done, timeout=10_000) as blocker:
        window.search_field.setFocus()
        qtbot.keyClicks(window.search_field, text)
    assert blocker.args[0] == text
    return blocker.args[1]


def test_typing_shows_results_with_the_contact_first(window, qtbot):
    count = _search(qtbot, window, "testregion krisesenter")
    assert count >= 1
    assert window.stack.currentWidget() is window.search_page
    assert window.search_page.current_ref() == "testregion:krisesenter"
    assert "treff" in window.search_page.heading.text()


def test_a_phone_number_finds_its_contact(window, qtbot):
    _search(qtbot, window, "99000002")
    assert window.search_page.current_ref() == "testregion:barnevernvakt"


def test_arrow_keys_move_and_enter_opens(window, qtbot):
    _search(qtbot, window, "krisesenter")
    page = window.search_page
    assert page.model.rowCount() >= 2
    first = page.current_ref()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    second = page.current_ref()
    assert second != first
    qtbot.keyClick(window.search_field, Qt.Key.Key_Up)
    assert page.current_ref() == first
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    item = window.session.snapshot.item(second)
    if item.kind == "contact":
        assert window.stack.currentWidget() is window.contacts_page
        assert window.contacts_page.selected_ref() == second
    else:
        assert window.stack.currentWidget() is not window.search_page


def test_enter_before_results_opens_the_best_hit(window, qtbot):
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "99 00 00 01")
    with qtbot.waitSignal(window.search_done, timeout=10_000):
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.contacts_page)
    assert window.contacts_page.selected_ref() == "testregion:krisesenter"
    assert "990 00 001" in window.contacts_page.detail.toPlainText()


def test_no_results_says_what_to_do(window, qtbot):
    count = _search(qtbot, window, "qqqzzzxxyy")
    assert count == 0
    assert window.search_page.empty.isVisible()
    assert "øverst i vinduet" in window.search_page.empty.text()


def test_kind_filter(window, qtbot):
    _search(qtbot, window, "barn")
    page = window.search_page
    with qtbot.waitSignal(window.search_done, timeout=10_000):
        page.kind_filter.setCurrentIndex(page.kind_filter.findText("Kontakter"))
    kinds = {page.model.row_at(i).kind for i in range(page.model.rowCount())}
    assert kinds == {"contact"}


def test_clearing_the_field_goes_back(window, qtbot):
    window.go("contacts")
    _search(qtbot, window, "krisesenter")
    window.search_field.clear()
    assert window.stack.currentWidget() is window.contacts_page


def test_search_history_is_not_kept_unless_switched_on(window, qtbot):
    from vnr_desktop.core.userdata import open_userdata

    _search(qtbot, window, "testregion krisesenter")
    window.search_page.open_current()
    wait_idle(qtbot, window)
    data = window.session.paths.data
    ud = open_userdata(data)
    try:
        assert ud.search_history() == []
    finally:
        ud.close()
    window.settings_page.keep_history.click()
    window.search_field.clear()
    _search(qtbot, window, "barnevernvakt")
    window.search_page.open_current()
    wait_idle(qtbot, window)
    assert read_settings(data)["keep_search_history"] is True
    ud = open_userdata(data)
    try:
        assert ud.search_history() == ["barnevernvakt"]
    finally:
        ud.close()


def test_ctrl_f_focuses_search(window, qtbot):
    window.go("measures")
    window.measures_page.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
