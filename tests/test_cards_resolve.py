"""Content resolution: regional slots, national fallbacks, blank local lines, and the numbers
that must never be printed (unresolved conflicts, rejected values, outdated contacts)."""

from __future__ import annotations

import pytest
from cards_helpers import install_test_bundles, load_test_catalog

from vnr_desktop.core.cards.errors import CardRequestError
from vnr_desktop.core.cards.resolve import resolve_card


@pytest.fixture
def lib(empty_library):
    install_test_bundles(empty_library)
    return empty_library


@pytest.fixture(scope="module")
def catalog():
    return load_test_catalog()


def _lines(rc, panel="numbers"):
    return [line for e in rc.panels[panel].elements for line in e.lines]


def _by_label(rc):
    return {line.label: line for line in _lines(rc)}


def test_region_slots_use_the_primary_contact(lib, catalog):
    rc = resolve_card(lib, catalog, "prove", "fjordby", "a7")
    lines = _by_label(rc)
    # two krisesenter contacts in fjordby: the one tagged primary is printed
    assert lines["Krisesenter"].number == "991 10 001"
    assert "991 10 009" not in rc.printed_numbers()
    assert lines["Krisesenter"].contact_ref == "fjordby:krisesenter"


def test_slot_list_falls_through_to_the_next_category(lib, catalog):
    rc = resolve_card(lib, catalog, "prove", "fjordby", "a7")
    lines = _by_label(rc)
    # barnevernvakt has no number in fjordby: the barnevern number fills the slot
    assert lines["Barnevernet"].number == "991 10 003"
    assert "Barnevernvakt" not in lines


def test_slot_falls_back_to_the_national_contact(lib, catalog):
    rc = resolve_card(lib, catalog, "prove", "fjordby", "a7")
    legevakt = _by_label(rc)["Legevakt"]
    assert legevakt.number == "116 117"
    assert legevakt.contact_ref == "nasjonal:legevakt"
    assert rc.content_version == "fjordby v2 + nasjonal v3"


def test_empty_slot_prints_national_fallback_and_a_blank_line_with_a_warning(lib, catalog):
    rc = resolve_card(lib, catalog, "prove", "nasjonal", "a7")
    krise = _by_label(rc)["Krisesenter"]
    assert krise.blank and krise.number is None
    assert krise.fallback is not None and krise.fallback.number == "800 11 222"
    assert any("no local number for krisesenter" in w and "800 11 222" in w for w in rc.warnings)


def test_unresolved_conflict_is_never_printed(lib, catalog):
    rc = resolve_card(lib, catalog, "prove", "fjordby", "a7")
    numbers = rc.printed_numbers()
    # fjordby's familievern has an unresolved conflict: the slot gets a blank line, not 99 11 00 04
    assert "991 10 004" not in numbers and "991 10 040" not in numbers
    assert _by_label(rc)["Familievernkontor"].blank
    # an explicit contact with an unresolved conflict: a blank line and a warning
    assert "800 33 444" not in numbers and "800 33 445" not in numbers
    assert _by_label(rc)["Omstridt"].blank
    assert any("unresolved conflict" in w for w in rc.warnings)


def test_outdated_contact_is_never_printed(lib, catalog):
    rc = resolve_card(lib, catalog, "prove", "fjordby", "a7")
    assert "22 00 00 99" not in rc.printed_numbers()
    assert any("outdated" in w for w in rc.warnings)


def test_rejected_conflict_value_is_never_printed(lib, catalog):
    rc = resolve_card(lib, catalog, "prove", "fjordby", "a7")
    numbers = rc.printed_numbers()
    assert "991 10 005" in numbers  # the decision's chosen value
    assert "991 10 050" not in numbers  # the rejected one
    assert "991 10 006" in numbers  # phones: all prints the second number too
    assert "117 116" not in numbers


def test_web_address_instead_of_a_number(lib, catalog):
    rc = resolve_card(lib, catalog, "prove", "fjordby", "a7")
    nett = _by_label(rc)["Nett"]
    assert nett.number is None and nett.web == "eksempel.invalid/hjelp"
    assert not nett.blank


def test_region_guide_is_preferred_over_the_national_one(lib, catalog):
    own = resolve_card(lib, catalog, "prove", "fjordby", "a4-poster")
    [element] = own.panels["se"].elements
    assert element.blocks[0].items == ("Fjordbytegn en", "Fjordbytegn to")
    national = resolve_card(lib, catalog, "prove", "nasjonal", "id1")
    [element] = national.panels["se"].elements
    # picks for id1: heading "Tegn", the first 3 items, inline on pocket cards
    assert element.blocks[0].items == ("Blåmerker", "Søvnproblemer", "Uro")
    assert element.blocks[0].inline and element.blocks[0].heading is None


def test_content_hash_follows_what_is_printed(lib, catalog, test_bundle_dir):
    a7 = resolve_card(lib, catalog, "prove", "fjordby", "a7")
    fold = resolve_card(lib, catalog, "prove", "fjordby", "a6-fold")
    again = resolve_card(lib, catalog, "prove", "fjordby", "a7")
    other_region = resolve_card(lib, catalog, "prove", "nasjonal", "a7")
    english = resolve_card(lib, catalog, "prove", "fjordby", "a7", "en")
    assert a7.content_hash == again.content_hash
    assert a7.content_hash != other_region.content_hash
    assert a7.content_hash != english.content_hash
    assert fold.content_hash != a7.content_hash  # different content class (fold)


def test_content_hash_changes_when_a_number_changes(lib, catalog, tmp_path):
    import shutil

    from cards_helpers import TEST_BUNDLES

    before = resolve_card(lib, catalog, "prove", "fjordby", "a7")
    changed = tmp_path / "fjordby"
    shutil.copytree(TEST_BUNDLES / "fjordby", changed)
    contacts = changed / "contacts.yaml"
    contacts.write_text(
        contacts.read_text("utf-8").replace("99 11 00 01", "99 11 00 07"), encoding="utf-8"
    )
    manifest = changed / "manifest.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace("version: 2", "version: 3"), "utf-8")
    lib.install_dir(changed)
    after = resolve_card(lib, catalog, "prove", "fjordby", "a7")
    assert "991 10 007" in after.printed_numbers()
    assert after.content_hash != before.content_hash
    assert after.content_version == "fjordby v3 + nasjonal v3"


def test_unknown_card_region_and_language_are_request_errors(lib, catalog):
    with pytest.raises(CardRequestError, match="unknown card"):
        resolve_card(lib, catalog, "nope", "fjordby", "a7")
    with pytest.raises(CardRequestError, match="unknown region"):
        resolve_card(lib, catalog, "prove", "atlantis", "a7")
    with pytest.raises(CardRequestError, match="not available in"):
        resolve_card(lib, catalog, "prove", "fjordby", "a7", "se")


def test_shipped_cards_resolve_region_numbers(library):
    """The real content: Hallingdal's own numbers on the children's card, Gjøvik's
    barnevernvakt on the numbers card, and Hamar's missing krisesenter number as a blank line."""
    from vnr_desktop.core.cards.loader import shipped_catalog

    catalog = shipped_catalog()
    barn = resolve_card(library, catalog, "barn", "hallingdal", "id1")
    assert {"02800", "32 08 53 10", "32 07 52 50"} <= set(barn.printed_numbers())
    akutt = resolve_card(library, catalog, "akutt", "gjovik", "a7")
    assert {"112", "113", "02800", "116 117", "116 111"} <= set(akutt.printed_numbers())
    # VO-linjen's hours are unknown: not under "Ring når det haster", but under "Hjelp og råd"
    assert "116 006" not in akutt.printed_numbers()
    fold = resolve_card(library, catalog, "akutt", "gjovik", "a6-fold")
    assert "116 006" in [ln.number for e in fold.panels["hjelp"].elements for ln in e.lines]
    assert "61 18 95 44" in akutt.printed_numbers()
    hamar = resolve_card(library, catalog, "akutt", "hamar", "a7")
    lokal = [line for e in hamar.panels["lokal"].elements for line in e.lines]
    assert any(line.blank for line in lokal)
    assert any("hamar" in w and "krisesenter" in w for w in hamar.warnings)
    # the legevakt number the Gjøvik plan prints with its halves swapped never reaches a card
    for card in catalog.cards:
        for region in ("gjovik", "hallingdal", "hamar", "nasjonal"):
            rc = resolve_card(library, catalog, card, region, "a4-poster")
            assert "117 116" not in rc.printed_numbers()
            assert "111 006" not in rc.printed_numbers()
