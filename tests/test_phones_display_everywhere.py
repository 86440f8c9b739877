"""Every number a person sees is in the one display form (issue 13).

Over the built-in content: every shipped card in every format, language and region (PDF text
read back), every contact's ``vnr-desktop show`` output, the emergency strip and the contact
views. None may print an 8-digit number ungrouped ("61175560") or grouped another way than the
standard ("478 090 50"); the content keeps those spellings as the sources printed them.
"""

from __future__ import annotations

import re

import pytest
from test_cards_matrix import _text

from vnr_desktop.core.cards.definitions import FORMAT_IDS
from vnr_desktop.core.cards.loader import shipped_catalog
from vnr_desktop.core.cards.render import render_card
from vnr_desktop.core.cards.resolve import card_regions
from vnr_desktop.core.models import Contact
from vnr_desktop.core.phones import DISPLAY_CHARACTERS, display_phone, phones_to_show

UNGROUPED_8 = re.compile(r"(?<![\d+])\d{8}(?!\d)")


def _contacts(library) -> list[tuple[str, Contact]]:
    return [(r.ref, r.item) for r in library.items("contact")]  # type: ignore[misc]


def _source_spellings(library) -> set[str]:
    """Spellings in the content that differ from the display form (as the sources print)."""
    out = set()
    for _ref, contact in _contacts(library):
        for phone in contact.phones:
            if phone.number != phone.display and len(phone.digits) == 8:
                out.add(phone.number)
    return out


def test_the_content_keeps_spellings_that_differ_from_the_display_form(library):
    """The check below is not empty: the sources print some numbers ungrouped or otherwise."""
    spellings = _source_spellings(library)
    assert any(UNGROUPED_8.fullmatch(s) for s in spellings), spellings
    assert any(" " in s for s in spellings), spellings


def _check(text: str, spellings: set[str], where: str) -> None:
    found = UNGROUPED_8.findall(text)
    assert not found, f"{where}: ungrouped {found}"
    wrong = sorted(
        s for s in spellings if re.search(rf"(?<!\d)(?<!\d[ .-]){re.escape(s)}(?![\d])", text)
    )
    assert not wrong, f"{where}: printed as the source spells it, not the display form: {wrong}"


@pytest.mark.slow
def test_every_card_prints_numbers_in_the_display_form(library):
    catalog = shipped_catalog()
    spellings = _source_spellings(library)
    count = 0
    for card_id, card in catalog.cards.items():
        for region in card_regions(library):
            for fmt in FORMAT_IDS:
                for lang in card.languages:
                    rendered = render_card(library, card_id, region, fmt, lang=lang)
                    where = f"{card_id}/{region}/{fmt}/{lang}"
                    for number in rendered.printed_numbers:
                        assert set(number) <= DISPLAY_CHARACTERS, (where, number)
                        assert display_phone(number) == number, (where, number)
                    _check(_text(rendered.pdf), spellings, where)
                    count += 1
    assert count >= 8 * 5 * 4


def test_show_prints_every_number_in_the_display_form(library, capsys):
    from vnr_desktop.cli import main

    spellings = _source_spellings(library)
    shown = 0
    expected = sum(len(phones_to_show(c).shown) for _r, c in _contacts(library))
    for ref, contact in _contacts(library):
        assert main(["show", ref]) == 0
        out = capsys.readouterr().out
        _check(out, spellings, f"show {ref}")
        for line in out.splitlines():
            if line.startswith("  tlf "):
                number = line[len("  tlf ") :].split("  (")[0]
                assert display_phone(number) == number, (ref, line)
                shown += 1
        for phone in contact.phones:
            if phone.number in spellings:
                assert f"tlf {phone.display}" in out or "vises ikke" in out, (ref, out)
    assert shown == expected and expected > 20


def test_strip_and_contact_views_show_the_display_form(library, userdata, qapp):
    from vnr_desktop.core.settings import Settings
    from vnr_desktop.gui.content import load_snapshot, with_settings
    from vnr_desktop.gui.html_render import contact_html
    from vnr_desktop.gui.theme import colors

    spellings = _source_spellings(library)
    snapshot = load_snapshot(library, userdata)
    for number, _name, region in snapshot.municipalities:
        local = with_settings(snapshot, Settings(municipality=number, region=region))
        for entry in local.strip_entries():
            assert display_phone(entry.number) == entry.number
            _check(entry.number, spellings, f"strip {number}")
    for ref, contact in _contacts(library):
        html = contact_html(snapshot, ref, contact, colors(False))
        _check(re.sub(r"<[^>]+>", " ", html), spellings, f"contact view {ref}")
