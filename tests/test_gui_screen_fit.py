"""What the screen shows: every emergency number whole at every width, text size and language;
the window fits the screen; every page usable at 1024 x 600."""

from __future__ import annotations

import pytest
from gui_support import open_window, write_settings
from PySide6.QtCore import Qt
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
        for width, height in [(w, h) for w in WIDTHS for h in (700, 520)]:
            window.resize(width, height)
            qtbot.waitUntil(lambda w=width, h=height: window.size().toTuple() == (w, h))
            QApplication.processEvents()
            strip = window.strip
            assert strip.compact == (height < 640)
            where = f"{language}, {region}, {width}x{height} px, {round(scale * 100)} %"
            assert strip.width() == window.width(), where
            shown = [b for b in strip.buttons if b.isVisible()]
            # every number is either a whole chip or a line in the "Flere numre" menu
            in_menu = (
                [a.text() for a in strip.more_menu.actions()] if strip.more.isVisible() else []
            )
            assert len(shown) + len(in_menu) == total, where
            for button in strip.folded:
                assert any(button.entry.number in text for text in in_menu), where
            # the most urgent numbers never fold
            assert {b.entry.digits for b in shown} >= {"112", "113"}, where
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
    assert QGuiApplication.clipboard().text() == button.entry.number


def _nav_cut(window) -> list[str]:
    """Navigation rows whose wrapped text is taller or wider than the row Qt gave it."""
    from PySide6.QtCore import QRect

    view = window.nav
    metrics = QFontMetrics(view.font())
    problems = []
    for row in range(view.count()):
        item = view.item(row)
        rect = view.visualItemRect(item)
        font = item.font() if item.font().bold() else view.font()
        metrics = QFontMetrics(font)
        inner = rect.width() - 2 * 10  # the item's padding in the style sheet
        needed = metrics.boundingRect(
            QRect(0, 0, inner, 10_000), int(Qt.TextFlag.TextWordWrap), item.text()
        )
        if needed.height() > rect.height() - 2 * 9 + 2 or needed.width() > inner:
            problems.append(f"{item.text()!r}: needs {needed.size()}, row is {rect.size()}")
        if rect.right() > view.viewport().width():
            problems.append(f"{item.text()!r} runs out of the navigation")
    return problems


@pytest.mark.parametrize("scale", TEXT_SIZES)
def test_navigation_labels_are_whole_at_every_text_size(qtbot, gui_data, language, scale):
    write_settings(gui_data, municipality="9901", region="testregion", first_run_done=True)
    window = open_window(qtbot, gui_data, size=(1024, 600))
    window.change_settings({"text_scale": scale})
    QApplication.processEvents()
    try:
        qtbot.waitUntil(lambda: _nav_cut(window) == [], timeout=3_000)
    except Exception:
        assert _nav_cut(window) == []


def test_the_window_opens_inside_the_screen_and_remembers_its_place(qtbot, gui_data):
    from vnr_desktop.gui import window_geometry

    window = open_window(qtbot, gui_data, size=None)
    available = window.screen().availableGeometry()
    assert available.contains(window.frameGeometry()) or window.isMaximized()
    if available.width() < 1280 or available.height() < 800:
        assert window.isMaximized()
    # the smallest window still fits a 1024 x 600 screen
    assert window.minimumWidth() <= 1024 and window.minimumHeight() <= 560
    window.showNormal()
    window.setGeometry(40, 30, 700, 500)
    qtbot.waitUntil(lambda: window.width() == 760)  # not below the minimum
    window.close()
    assert window_geometry.settings_path(gui_data).is_file()
    again = open_window(qtbot, gui_data, size=None)
    assert again.size() == window.size()


@pytest.mark.parametrize(
    "key", ["home", "child", "contacts", "own", "measures", "cards", "settings"]
)
def test_every_page_is_usable_at_1024_by_600(qtbot, gui_data, key):
    """At 1024 x 600 (a small laptop) and 150 % text nothing on the page is cut off: every
    control is inside its parent or reachable in a scroll area."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QComboBox, QLineEdit

    write_settings(
        gui_data, municipality="9901", region="testregion", first_run_done=True, text_scale=1.5
    )
    window = open_window(qtbot, gui_data, size=(1024, 600))
    window.go(key)
    page = window.stack.currentWidget()
    QApplication.processEvents()
    assert window.width() == 1024 and window.height() == 600
    problems = []
    for control in (
        page.findChildren(QAbstractButton)
        + page.findChildren(QComboBox)
        + page.findChildren(QLineEdit)
    ):
        if not control.isVisible() or control.window() is not window:
            continue
        # inside a scroll area the user can scroll to it; elsewhere it must be on screen
        ancestor = control.parentWidget()
        scrolled = False
        while ancestor is not None and ancestor is not page.parentWidget():
            if isinstance(ancestor, QAbstractScrollArea):
                scrolled = True
                break
            ancestor = ancestor.parentWidget()
        if scrolled:
            continue
        top_left = control.mapTo(window, control.rect().topLeft())
        bottom_right = control.mapTo(window, control.rect().bottomRight())
        if not window.rect().contains(top_left) or not window.rect().contains(bottom_right):
            problems.append(
                f"{type(control).__name__} {control.text() if hasattr(control, 'text') else ''!r}"
            )
        elif isinstance(control, QAbstractButton) and control.text():
            metrics = QFontMetrics(control.font())
            needed = metrics.horizontalAdvance(control.text().replace("&", ""))
            if needed > control.width():
                problems.append(f"{control.text()!r} is wider than its button")
    assert problems == [], key


def _lines(doc) -> list[str]:
    """The text of every laid-out line of a QTextDocument."""
    lines = []
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        text = block.text()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            lines.append(text[line.textStart() : line.textStart() + line.textLength()])
        block = block.next()
    return lines


def _whole(number: str, lines: list[str]) -> bool:
    variants = {number, number.replace(" ", "\u00a0")}
    return any(v in line for line in lines for v in variants)


def test_numbers_in_the_contact_list_and_detail_never_break(qtbot, gui_data):
    """At 800 px and 200 % text a number wraps as one piece in the list and in the details."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from vnr_desktop.gui.item_models import REF_ROLE

    write_settings(
        gui_data, municipality="3320", region="hallingdal", first_run_done=True, text_scale=2.0
    )
    window = open_window(qtbot, gui_data, size=(800, 600))
    window.go("contacts")
    page = window.contacts_page
    QApplication.processEvents()
    view = page.view
    delegate = view.itemDelegate()
    model = view.model()
    checked = 0
    for row in range(min(model.rowCount(), 25)):
        index = model.index(row, 0)
        ref = index.data(REF_ROLE)
        contact = window.session.snapshot.item(ref)
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = view.visualRect(index)
        option.widget = view
        doc = delegate._document(option, index, delegate._width(option))
        lines = _lines(doc)
        subtitle = " ".join(lines)
        for phone in contact.phones:
            if phone.display in subtitle.replace("\u00a0", " "):
                assert _whole(phone.display, lines), (phone.display, lines)
                checked += 1
        page.select(ref)
        QApplication.processEvents()
        details = _lines(page.detail.document())
        for phone in contact.phones:
            assert _whole(phone.display, details), (phone.display, details)
            checked += 1
    assert checked > 10


def test_a_message_does_not_move_the_page(window, qtbot):
    window.go("home")
    button = window.home.situation_buttons[0]
    QApplication.processEvents()
    before = button.mapTo(window, button.rect().topLeft())
    window.session.errors.show_info("Et nummer er kopiert.")
    QApplication.processEvents()
    assert window.message_bar.isVisible()
    assert button.mapTo(window, button.rect().topLeft()) == before
    # it lies over the bottom of the page, whole and inside the window
    bar = window.message_bar
    assert window.content.rect().contains(bar.geometry())
    assert bar.geometry().bottom() > window.content.height() // 2
    window.message_bar.dismiss()
    QApplication.processEvents()
    assert button.mapTo(window, button.rect().topLeft()) == before


def _colour_count(widget, colour: str, area=None) -> int:
    from PySide6.QtGui import QColor

    image = widget.grab().toImage()
    rect = area or image.rect()
    wanted = QColor(colour)
    return sum(
        1
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
        if image.pixelColor(x, y) == wanted
    )


def test_high_contrast_shows_focus_and_empty_check_boxes(window, qtbot):
    from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton

    from vnr_desktop.gui import theme

    window.change_settings({"high_contrast": True})
    window.go("settings")
    QApplication.processEvents()
    box = next(b for b in window.settings_page.findChildren(QCheckBox) if not b.isChecked())
    option = QStyleOptionButton()
    option.initFrom(box)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    # the empty box is drawn in the text colour on the black page
    assert _colour_count(box, theme.HIGH_CONTRAST.text, indicator) > 20
    # focus is drawn in the focus colour on the navigation and on a button
    window.nav.setFocus()
    QApplication.processEvents()
    assert _colour_count(window.nav, theme.HIGH_CONTRAST.focus) > 50
    window.hide_button.setFocus()
    QApplication.processEvents()
    assert _colour_count(window.hide_button, theme.HIGH_CONTRAST.focus) > 50


@pytest.mark.parametrize("size", [(760, 480), (1024, 600), (1920, 1080)])
def test_the_way_back_from_the_hide_screen_is_always_on_screen(qtbot, gui_data, size):
    window = open_window(qtbot, gui_data, size=size)
    window.hide_now()
    QApplication.processEvents()
    button = window.neutral.resume_button
    assert button.isVisible()
    top_left = button.mapTo(window, button.rect().topLeft())
    bottom_right = button.mapTo(window, button.rect().bottomRight())
    assert window.rect().contains(top_left) and window.rect().contains(bottom_right)
    assert window.neutral.note.tabChangesFocus()
