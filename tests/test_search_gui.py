"""The search page groups its results (your region / national / other regions / outdated /
mentioned in the text), shows a contact's number in its row, and the arrow keys and Enter
still move through and open every result, across the groups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gui_support import open_window, write_settings
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from vnr_desktop.gui.delegates import TwoLineDelegate
from vnr_desktop.gui.item_models import REF_ROLE, SUBTITLE_ROLE
from vnr_desktop.gui.pages.search_page import GROUP_HEADING_ROLE


def _search(qtbot: Any, window: Any, text: str) -> int:
    with qtbot.waitSignal(window.search_done, timeout=10_000) as blocker:
        window.search_field.setFocus()
        qtbot.keyClicks(window.search_field, text)
    assert blocker.args[0] == text
    return int(blocker.args[1])


def _headings(page: Any) -> list[tuple[int, str]]:
    model = page.model
    return [
        (row, model.index(row, 0).data(GROUP_HEADING_ROLE))
        for row in range(model.rowCount())
        if model.index(row, 0).data(GROUP_HEADING_ROLE)
    ]


def test_results_are_grouped_by_region_with_numbers_in_contact_rows(window: Any, qtbot: Any):
    _search(qtbot, window, "krisesenter")
    page = window.search_page
    model = page.model
    refs = [model.index(r, 0).data(REF_ROLE) for r in range(model.rowCount())]
    assert refs[0] == "testregion:krisesenter"  # the user's region (Testby) first
    headings = _headings(page)
    titles = [title for _row, title in headings]
    assert titles[0] == "Din region" and headings[0][0] == 0
    assert "Andre regioner" in titles
    assert len(titles) == len(set(titles)), "each group has one heading"
    other = dict((t, r) for r, t in headings)["Andre regioner"]
    assert {"gjovik:krisesenter", "hallingdal:krisesenter"} <= set(refs[other:])
    # The number is in the row of a contact; a contact without a usable one says so.
    first = model.index(0, 0)
    assert "99 00 00 01" in first.data(SUBTITLE_ROLE)
    gjovik = model.index(refs.index("gjovik:krisesenter"), 0)
    assert "61175560" in gjovik.data(SUBTITLE_ROLE).replace(" ", "")
    hamar = model.index(refs.index("hamar:krisesenter"), 0)
    assert "ingen brukbart nummer" in hamar.data(SUBTITLE_ROLE)
    # A heading adds to its row's height; screen readers hear it with the row.
    view = page.view
    delegate = view.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(view)
    plain = TwoLineDelegate.sizeHint(delegate, option, first).height()
    assert delegate.sizeHint(option, first).height() > plain
    second = next(
        model.index(r, 0)
        for r in range(model.rowCount())
        if not model.index(r, 0).data(GROUP_HEADING_ROLE)
    )
    assert delegate.sizeHint(option, second) == TwoLineDelegate.sizeHint(delegate, option, second)
    assert first.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Din region: ")


def test_arrow_keys_and_enter_work_across_groups(window: Any, qtbot: Any):
    _search(qtbot, window, "krisesenter")
    page = window.search_page
    model = page.model
    refs = [model.index(r, 0).data(REF_ROLE) for r in range(model.rowCount())]
    boundary = next(row for row, _title in _headings(page) if row > 0)
    seen = [page.current_ref()]
    for _ in range(boundary + 1):
        qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
        seen.append(page.current_ref())
    assert seen == refs[: boundary + 2]  # one row per key press, through the heading
    qtbot.keyClick(window.search_field, Qt.Key.Key_Up)
    assert page.current_ref() == refs[boundary]
    target = next(r for r in refs[boundary:] if r.endswith(":krisesenter"))
    while page.current_ref() != target:
        qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.contacts_page)
    assert window.contacts_page.selected_ref() == target


def test_outdated_items_have_their_own_heading_and_say_so(window: Any, qtbot: Any):
    _search(qtbot, window, "rvts øst")
    page = window.search_page
    model = page.model
    refs = [model.index(r, 0).data(REF_ROLE) for r in range(model.rowCount())]
    row = refs.index("nasjonal:rvts-ost")
    headings = dict(_headings(page))
    start = max(r for r in headings if r <= row)
    assert headings[start] == "Utdatert innhold (rangert lavere)"
    assert "utdatert" in model.index(row, 0).data(SUBTITLE_ROLE)


def test_english_interface_searches_the_translation_and_says_so(qtbot: Any, gui_data: Path) -> None:
    write_settings(
        gui_data, municipality="3407", region="gjovik", first_run_done=True, language="en"
    )
    window = open_window(qtbot, gui_data)
    _search(qtbot, window, "crisis centre")
    page = window.search_page
    assert page.current_ref() == "gjovik:krisesenter"
    assert page.translation_note.isVisible()
    assert "crisis centre → krisesenter" in page.translation_note.text()
    window.search_field.clear()
    _search(qtbot, window, "krisesenter")
    assert not page.translation_note.isVisible()
