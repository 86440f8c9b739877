"""What the screen shows: every emergency number whole at every width, text size and language;
the window fits the screen; every page usable at 1024 x 600."""

from __future__ import annotations

import pytest
from gui_support import open_window, write_settings
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QWidget

WIDTHS = (800, 1024, 1366, 1920)
TEXT_SIZES = (1.0, 1.5, 2.0)
REGIONS = {"testregion": "9901", "hallingdal": "3320", "gjovik": "3407"}


def _fits(label) -> list[str]:
    """A label whose full text (every line) does not fit its contents rect, as a message."""
    metrics = QFontMetrics(label.font())
    rect = label.contentsRect()
    lines = label.text().split("\n")
    width = max(metrics.horizontalAdvance(line) for line in lines)
    height = metrics.height() * len(lines)
    if width > rect.width() or height > rect.height():
        return [f"{label.text()!r}: needs {width}x{height}, has {rect.width()}x{rect.height()}"]
    return []


def _clipped(root: QWidget) -> list[str]:
    """Visible widgets under ``root`` that reach outside their parent's rectangle."""
    problems = []
    for child in root.findChildren(QWidget):
        if not child.isVisible() or child.isWindow():
            continue
        parent = child.parentWidget()
        if not parent.rect().contains(child.geometry()):
            problems.append(
                f"{type(child).__name__} {child.objectName()!r} {child.geometry()} "
                f"outside {parent.rect()}"
            )
    return problems


@pytest.fixture(params=["nb", "en"])
def language(request, qapp):
    from vnr_desktop.gui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, request.param)
    yield request.param
    remove_translators(qapp, translators)


@pytest.mark.parametrize("region", sorted(REGIONS))
def test_every_strip_number_is_whole_at_every_width_and_text_size(
    qtbot, gui_data, language, region
):
    from vnr_desktop.gui import theme

    write_settings(
        gui_data,
        municipality=REGIONS[region],
        region=region,
        first_run_done=True,
        language=language,
    )
    window = open_window(qtbot, gui_data)
    window.showNormal()
    app = QApplication.instance()
    total = len(window.session.snapshot.strip_entries())
    assert total >= 6
    for scale in TEXT_SIZES:
        theme.apply_theme(app, scale=scale)
        for width in WIDTHS:
            window.resize(width, 700)
            qtbot.waitUntil(lambda w=width: window.width() == w)
            QApplication.processEvents()
            strip = window.strip
            where = f"{language}, {region}, {width} px, {round(scale * 100)} %"
            assert strip.width() == window.width(), where
            shown = [b for b in strip.buttons if b.isVisible()]
            # every number is either a whole chip or a line in the "Flere numre" menu
            in_menu = (
                [a.text() for a in strip.more_menu.actions()] if strip.more.isVisible() else []
            )
            assert len(shown) + len(in_menu) == total, where
            for button in strip.folded:
                assert any(button.entry.phone.number in text for text in in_menu), where
            # the most urgent numbers never fold
            assert {b.entry.phone.digits for b in shown} >= {"112", "113"}, where
            problems = []
            for button in shown:
                problems += _fits(button.number_label) + _fits(button.name_label)
                # the labels sit whole inside the chip
                for label in (button.number_label, button.name_label):
                    if not button.rect().contains(label.geometry()):
                        problems.append(f"{label.text()!r} sticks out of its chip")
            problems += _fits(strip.title)
            problems += _clipped(strip)
            if not window.content.rect().contains(strip.geometry()):
                problems.append(f"the strip {strip.geometry()} is clipped by the window")
            assert problems == [], where
            # at a wide window nothing folds
            if width >= 1366 and scale == 1.0:
                assert strip.folded == [], where
    window.close()


def test_folded_numbers_copy_from_the_menu(qtbot, gui_data):
    from PySide6.QtGui import QGuiApplication

    from vnr_desktop.gui import theme

    window = open_window(qtbot, gui_data)
    window.showNormal()
    theme.apply_theme(QApplication.instance(), scale=2.0)
    window.resize(800, 700)
    qtbot.waitUntil(lambda: window.width() == 800)
    QApplication.processEvents()
    assert window.strip.folded, "at 800 px and 200 % some chips fold into the menu"
    action = window.strip.more_menu.actions()[0]
    button = window.strip.folded[0]
    with qtbot.waitSignal(window.strip.copied):
        action.trigger()
    assert QGuiApplication.clipboard().text() == button.entry.phone.number
