"""A card that cannot print one item names the item, and no partial card is written (issue 13).

The fonts are Atkinson Hyperlegible with DejaVu Sans for symbols; a character neither has
(here a CJK ideograph, as a user might type in an own contact's name, or a guide item) stops
the render with an error naming the character, the card, the panel and the text.
"""

from __future__ import annotations

import shutil

import pytest
from cards_helpers import TEST_BUNDLES, load_test_catalog
from test_cards_own_numbers import LEADER, own

from vnr_desktop.cli import main
from vnr_desktop.core.cards.errors import GlyphError
from vnr_desktop.core.cards.render import render_card
from vnr_desktop.core.userdata import open_userdata

UNPRINTABLE = "\u6f22"


def test_a_guide_item_no_font_can_print_is_named(empty_library, tmp_path):
    bundles = tmp_path / "bundles"
    shutil.copytree(TEST_BUNDLES, bundles)
    guides = bundles / "fjordby" / "guides.yaml"
    guides.write_text(
        guides.read_text("utf-8").replace("Fjordbytegn to", f"Fjordbytegn {UNPRINTABLE}"), "utf-8"
    )
    empty_library.install_dir(bundles / "nasjonal")
    empty_library.install_dir(bundles / "fjordby")
    with pytest.raises(GlyphError) as err:
        render_card(empty_library, "prove", "fjordby", "a7", catalog=load_test_catalog())
    message = str(err.value)
    assert "U+6F22" in message and "card prove" in message and "panel se" in message
    assert f"'Fjordbytegn {UNPRINTABLE}'" in message


def test_cli_names_the_own_contact_it_cannot_print_and_writes_no_pdf(
    library, data_dir, tmp_path, capsys
):
    ud = open_userdata(data_dir)
    try:
        ud.save_own_contact(own("leder", f"Leder {UNPRINTABLE}", LEADER))
    finally:
        ud.close()
    out = tmp_path / "akutt.pdf"
    args = ["--data-dir", str(data_dir), "cards", "render", "akutt", "--region", "gjovik"]
    code = main([*args, "--format", "id1", "-o", str(out), "--own-contacts"])
    assert code != 0
    err = capsys.readouterr().err
    assert "U+6F22" in err and f"Leder {UNPRINTABLE}" in err
    assert not out.exists()
    assert not list(tmp_path.glob("*.pdf*"))
