"""Card studio: "Ta med egne kontakter" prints the user's own contacts under their own heading.

The own contacts are made up (example numbers, not services).
"""

from __future__ import annotations

import io

import pytest
from cards_helpers import all_text
from gui_support import OFFSCREEN_DIALOG_NOISE, open_window, wait_idle
from PySide6.QtCore import Qt
from test_cards_own_numbers import HEADING_NB, LEADER, LEGEVAKT, TWO

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG_NOISE)

REGION = "gjovik"


def _save_own(data_dir, contacts=TWO) -> None:
    from vnr_desktop.core.userdata import open_userdata

    ud = open_userdata(data_dir)
    try:
        for contact in contacts:
            ud.save_own_contact(contact)
    finally:
        ud.close()


def _open_studio(qtbot, window, card: str, region: str = REGION):
    window.go("cards")
    studio = window.card_studio
    qtbot.waitUntil(lambda: studio.cards_model.rowCount() > 0, timeout=20_000)
    studio.cards.setCurrentIndex(studio.cards_model.index(studio.cards_model.row_of_ref(card), 0))
    studio.region.setCurrentIndex(studio.region.findData(region))
    qtbot.waitUntil(
        lambda: (
            studio.current is not None
            and studio.current.rendered.request.region == region
            and studio.current.rendered.request.card_id == card
        ),
        timeout=30_000,
    )
    return studio


def _text(studio) -> str:
    return all_text(studio.current.rendered.pdf)


@pytest.fixture
def own_window(qtbot, gui_data):
    _save_own(gui_data)
    return open_window(qtbot, gui_data)


def test_the_checkbox_puts_own_contacts_on_the_card(own_window, qtbot, tmp_path):
    window = own_window
    studio = _open_studio(qtbot, window, "akutt")
    box = studio.own_contacts
    assert box.text() == "Ta med egne kontakter"
    assert box.accessibleName() == "Ta med egne kontakter på kortet"
    assert "Egne numre (lagt inn av deg)" in box.accessibleDescription()
    assert box.isEnabled() and not box.isChecked()
    assert LEADER not in _text(studio)

    with qtbot.waitSignal(window.preview_shown, timeout=30_000):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked()
    rendered = studio.current.rendered
    assert [c.id for c in rendered.request.own_contacts] == ["leder", "legevakt"]
    text = _text(studio)
    assert HEADING_NB in text and LEADER in text and LEGEVAKT in text
    assert "+ egne numre" in text
    assert "egne numre" in studio.preview_info.text()
    assert studio.save_button.isEnabled()

    # saved and recorded with the version that names the own numbers
    target = tmp_path / "akutt.pdf"
    with qtbot.waitSignal(window.print_done, timeout=20_000):
        studio.save_requested.emit(rendered, target)
    wait_idle(qtbot, window)
    assert LEADER in all_text(target.read_bytes())
    from vnr_desktop.core.userdata import open_userdata

    ud = open_userdata(window.session.paths.data)
    try:
        [record] = ud.print_history()
    finally:
        ud.close()
    assert record.content_version == rendered.content_version
    assert "+ egne numre " in record.content_version

    # unticked: the card as shipped again
    with qtbot.waitSignal(window.preview_shown, timeout=30_000):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert studio.current.rendered.request.own_contacts == ()
    assert LEADER not in _text(studio) and HEADING_NB not in _text(studio)


def test_a_changed_own_contact_renders_the_preview_again(own_window, qtbot):
    window = own_window
    studio = _open_studio(qtbot, window, "akutt")
    with qtbot.waitSignal(window.preview_shown, timeout=30_000):
        studio.own_contacts.setChecked(True)
    before = studio.current.rendered.content_hash
    changed = TWO[0].model_copy(update={"name": "Leder Ola"})
    with qtbot.waitSignal(window.session.own_contacts_changed, timeout=10_000):
        window.session.save_own_contact(changed)
    qtbot.waitUntil(
        lambda: studio.current is not None and "Leder Ola" in _text(studio), timeout=30_000
    )
    assert studio.current.rendered.content_hash != before
    assert "Leder Kari" not in _text(studio)


def test_own_contacts_that_do_not_fit_are_a_plain_message(own_window, qtbot):
    window = own_window
    studio = _open_studio(qtbot, window, "barn", region="hamar")
    studio.own_contacts.setChecked(True)
    qtbot.waitUntil(lambda: studio.current is None, timeout=30_000)
    wait_idle(qtbot, window)
    assert "Egne numre får ikke plass" in studio.preview_info.text()
    assert "større format" in studio.preview_info.text()
    assert not studio.print_button.isEnabled()
    assert window.session.errors.unexpected_count == 0
    # a larger format has room
    with qtbot.waitSignal(window.preview_shown, timeout=30_000):
        studio.format.setCurrentIndex(studio.format.findData("a6-fold"))
    assert LEADER in _text(studio) and HEADING_NB in _text(studio)


def test_without_own_contacts_the_checkbox_is_off_and_says_why(window, qtbot):
    studio = _open_studio(qtbot, window, "akutt")
    assert not studio.own_contacts.isEnabled()
    assert "ingen egne kontakter" in studio.own_contacts.toolTip()
    assert studio.request().own_contacts == ()


def test_the_pdf_text_keeps_own_numbers_apart(own_window, qtbot):
    """In the PDF the own numbers come after every number from the content."""
    from pypdf import PdfReader

    window = own_window
    studio = _open_studio(qtbot, window, "akutt")
    content_numbers = studio.current.rendered.raw.printed_numbers
    with qtbot.waitSignal(window.preview_shown, timeout=30_000):
        studio.own_contacts.setChecked(True)
    back = PdfReader(io.BytesIO(studio.current.rendered.pdf)).pages[1].extract_text()
    heading = back.index(HEADING_NB)
    for number in content_numbers:
        if number in back:
            assert back.index(number) < heading, number
    assert studio.current.rendered.raw.own_numbers == (LEADER, LEGEVAKT)
