"""Own contacts: add, change and delete local entries; search finds them; updates keep them."""

from __future__ import annotations

import pytest
from gui_support import OFFSCREEN_DIALOG_NOISE, open_window, wait_idle
from PySide6.QtCore import Qt

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG_NOISE)


def _add(qtbot, window, name: str, phone: str) -> None:
    page = window.own_page
    window.go("own")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.name.setText(name)
    qtbot.keyClicks(dialog.phone, phone)
    dialog.hours.setText("man–fre 08–15")  # QTest types ASCII only
    with qtbot.waitSignal(window.session.own_contacts_changed, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)


def test_add_an_own_contact_and_find_it(window, qtbot):
    _add(qtbot, window, "Leder Kari Testesen", "99 00 00 09")
    page = window.own_page
    assert page.model.rowCount() == 1
    ref = page.selected_ref()
    assert ref.startswith("egne:")
    text = page.detail.toPlainText()
    assert "990 00 009" in text and "man–fre 08–15" in text and "Lagt inn av deg" in text
    # search finds it (indexed into the library's search index on the db lane)
    with qtbot.waitSignal(window.search_done, timeout=10_000):
        window.search_field.setFocus()
        qtbot.keyClicks(window.search_field, "Testesen")
    assert window.search_page.current_ref() == ref
    window.search_page.open_current()
    assert window.stack.currentWidget() is page


def test_own_contact_is_kept_in_user_data_across_restarts(qtbot, gui_data):
    window = open_window(qtbot, gui_data)
    _add(qtbot, window, "Nærmeste legevakt", "99 00 00 08")
    window.close()
    again = open_window(qtbot, gui_data)
    names = [c.name for _r, c in again.session.snapshot.own_contacts()]
    assert names == ["Nærmeste legevakt"]


def test_a_bad_number_is_refused_with_a_plain_message(window, qtbot):
    window.go("own")
    page = window.own_page
    page.add()
    dialog = page.dialog
    qtbot.keyClicks(dialog.name, "Feil")
    qtbot.keyClicks(dialog.phone, "12ab")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problem.isVisible()
    assert "12ab" in dialog.problem.text()
    dialog.reject()
    assert window.session.snapshot.own_contacts() == []


def test_change_and_delete(window, qtbot):
    _add(qtbot, window, "Helsesykepleier", "99 00 00 07")
    page = window.own_page
    page.edit_selected()
    dialog = page.dialog
    assert dialog.name.text() == "Helsesykepleier"
    dialog.name.setText("Helsesykepleier Åse")
    with qtbot.waitSignal(window.session.own_contacts_changed, timeout=10_000):
        dialog.try_save()
    wait_idle(qtbot, window)
    assert [c.name for _r, c in window.session.snapshot.own_contacts()] == ["Helsesykepleier Åse"]
    page.delete_selected()
    box = page.confirm
    assert box is not None and box.isVisible()
    with qtbot.waitSignal(window.session.own_contacts_changed, timeout=10_000):
        box.button(box.StandardButton.Yes).click()
    wait_idle(qtbot, window)
    assert window.session.snapshot.own_contacts() == []
    assert page.empty.isVisible()


def test_own_contacts_survive_a_content_update(window, qtbot, test_bundle_dir):
    _add(qtbot, window, "Min leder", "99 00 00 06")
    # a new version of the test bundle is installed while the app runs
    manifest = test_bundle_dir / "manifest.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("version: 1", "version: 2"), encoding="utf-8"
    )
    window.session.run_db(lambda lib, _ud: lib.install_dir(test_bundle_dir))
    wait_idle(qtbot, window)
    with qtbot.waitSignal(window.session.snapshot_changed, timeout=10_000):
        window.session.reload()
    snapshot = window.session.snapshot
    assert snapshot.bundle("testregion").version == 2
    assert [c.name for _r, c in snapshot.own_contacts()] == ["Min leder"]
