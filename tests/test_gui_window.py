"""The main window: emergency strip, start page, navigation, first start and settings."""

from __future__ import annotations

from pathlib import Path

from gui_support import (
    TEST_MUNICIPALITY,
    TEST_REGION,
    open_window,
    read_settings,
    wait_idle,
    write_settings,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication


def _strip_numbers(window) -> list[str]:
    return [b.number_label.text() for b in window.strip.buttons]


def test_strip_shows_national_numbers_from_content_and_the_regions_own(window, library):
    # The national numbers come from the installed content, never from the GUI's code.
    national = {
        p.digits: p.number
        for r in library.items(kind="contact", region="nasjonal")
        for p in r.item.phones
    }
    expected_national = [
        national[d] for d in ("112", "113", "02800", "116117", "116111") if d in national
    ]
    assert len(expected_national) == 5
    numbers = _strip_numbers(window)
    assert numbers[:5] == expected_national
    # testregion's primary krisesenter and barnevernvakt (made-up test numbers)
    assert numbers[5:] == ["990 00 001", "990 00 002"]


def test_strip_click_copies_and_tooltip_gives_hours_and_source(window, qtbot):
    button = next(b for b in window.strip.buttons if b.number_label.text() == "990 00 001")
    tooltip = button.toolTip()
    assert "hele døgnet" in tooltip
    assert "Testkilde" in tooltip and "s. 3" in tooltip and "01.01.2024" in tooltip
    QGuiApplication.clipboard().clear()
    with qtbot.waitSignal(window.strip.copied) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == "990 00 001"
    assert QGuiApplication.clipboard().text() == "990 00 001"
    assert window.message_bar.isVisible()
    assert "990 00 001" in window.message_bar.label.text()


def test_strip_is_keyboard_operable(window, qtbot):
    button = window.strip.buttons[0]
    button.setFocus()
    QGuiApplication.clipboard().clear()
    with qtbot.waitSignal(window.strip.copied):
        qtbot.keyClick(button, Qt.Key.Key_Space)
    assert QGuiApplication.clipboard().text() == button.number_label.text()


def test_home_lists_installed_bundles_and_situations(window):
    assert window.stack.currentWidget() is window.home
    text = window.home.bundles.text()
    for title in ("Testregion (testdata)", "Nasjonalt"):
        assert title in text
    assert "Testby" in window.home.where.text()
    assert [b.text() for b in window.home.situation_buttons] == [s.title for s in window.situations]


def test_navigation_reaches_every_page(window, qtbot):
    for key in ("contacts", "own", "measures", "cards", "settings", "home"):
        window.go(key)
        assert window.stack.currentWidget() is window.page(key)
    window.go("child")
    assert window.stack.currentWidget() is window.guide_page
    # the navigation list drives the same
    item = next(
        window.nav.item(i)
        for i in range(window.nav.count())
        if window.nav.item(i).data(Qt.ItemDataRole.UserRole) == "measures"
    )
    window.nav.setCurrentItem(item)
    assert window.stack.currentWidget() is window.measures_page


def test_first_start_asks_for_municipality_and_saves_it(qtbot, data_dir, gui_library_template):
    import shutil

    shutil.copy(gui_library_template, data_dir / "library.db")
    window = open_window(qtbot, data_dir)
    page = window.first_run_page
    assert window.stack.currentWidget() is page
    # only the regional strip is missing before a municipality is chosen
    assert len(window.strip.buttons) == 5
    chooser = page.chooser
    qtbot.keyClicks(chooser.filter, "testb")
    assert chooser.proxy.rowCount() == 1
    qtbot.keyClick(chooser.filter, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.home
    assert [b.number_label.text() for b in window.strip.buttons][5:] == [
        "990 00 001",
        "990 00 002",
    ]
    wait_idle(qtbot, window)
    saved = read_settings(data_dir)
    assert saved["municipality"] == TEST_MUNICIPALITY
    assert saved["region"] == TEST_REGION
    assert saved["first_run_done"] is True


def test_first_start_without_a_listed_municipality_gives_national_content(
    qtbot, data_dir, gui_library_template
):
    import shutil

    shutil.copy(gui_library_template, data_dir / "library.db")
    window = open_window(qtbot, data_dir)
    qtbot.mouseClick(window.first_run_page.national, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.home
    assert window.session.snapshot.region is None
    assert len(window.strip.buttons) == 5
    wait_idle(qtbot, window)
    assert read_settings(data_dir)["first_run_done"] is True


def test_text_size_scales_the_interface(window, qtbot):
    app = QApplication.instance()
    before = app.font().pointSizeF()
    window.go("settings")
    page = window.settings_page
    index = page.text_scale.findData(1.5)
    page.text_scale.setCurrentIndex(index)
    page.text_scale.activated.emit(index)
    assert app.font().pointSizeF() == before * 1.5
    assert window.strip.buttons[0].number_label.font().pointSizeF() > before * 1.5
    wait_idle(qtbot, window)
    assert read_settings(window.session.paths.data)["text_scale"] == 1.5


def test_high_contrast_theme(window, qtbot):
    from PySide6.QtGui import QPalette

    app = QApplication.instance()
    page = window.settings_page
    page.high_contrast.click()
    palette = app.palette()
    assert palette.color(QPalette.ColorRole.Window).name() == "#000000"
    assert palette.color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    assert app.property("vnr_high_contrast") is True
    wait_idle(qtbot, window)
    assert read_settings(window.session.paths.data)["high_contrast"] is True


def test_settings_change_municipality_duplex_and_update_source(window, qtbot):
    page = window.settings_page
    page.offset_x.setValue(1.5)
    page.offset_y.setValue(-0.5)
    page.offset_x.editingFinished.emit()
    page.update_source.setText("https://example.invalid/feed")
    page.update_source.editingFinished.emit()
    page.age_months.setValue(24)
    page.age_months.editingFinished.emit()
    page.national_only.click()
    assert window.session.snapshot.region is None
    wait_idle(qtbot, window)
    saved = read_settings(window.session.paths.data)
    assert saved["duplex_offset"] == {"x_mm": 1.5, "y_mm": -0.5}
    assert saved["update_source"] == "https://example.invalid/feed"
    assert saved["age_warning_months"] == 24
    assert saved["municipality"] is None


def test_language_change_applies_at_once_and_is_saved(window, qtbot):
    from vnr_desktop.gui import i18n

    page = window.settings_page
    window.go("settings")
    index = page.language.findData("en")
    try:
        page.language.setCurrentIndex(index)
        page.language.activated.emit(index)
        qtbot.waitUntil(lambda: window.strip.title.text() == "Urgent help")
        assert window.hide_button.text().startswith("Hide")
        nav = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert "Settings" in nav and "Contacts" in nav
        # the page on screen is the settings page, now in English, showing English chosen
        assert window.stack.currentWidget() is window.settings_page
        assert window.settings_page.language.currentData() == "en"
        assert window.nav.currentItem().text() == "Settings"
        wait_idle(qtbot, window)
        assert read_settings(window.session.paths.data)["language"] == "en"
        # and back
        page = window.settings_page
        index = page.language.findData("nb")
        page.language.setCurrentIndex(index)
        page.language.activated.emit(index)
        qtbot.waitUntil(lambda: window.strip.title.text() == "Akutt hjelp")
        assert "Innstillinger" in [window.nav.item(i).text() for i in range(window.nav.count())]
    finally:
        i18n.remove_translators(QApplication.instance(), list(i18n._installed))


def test_settings_survive_a_restart(qtbot, gui_data: Path):
    write_settings(
        gui_data,
        municipality=TEST_MUNICIPALITY,
        region=TEST_REGION,
        first_run_done=True,
        text_scale=1.3,
    )
    window = open_window(qtbot, gui_data)
    assert window.settings_page.text_scale.currentData() == 1.3
    assert QApplication.instance().property("vnr_text_scale") == 1.3
