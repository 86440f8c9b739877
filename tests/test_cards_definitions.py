"""Card definitions: the model, the validating loader (located errors) and the shipped cards."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cards_helpers import TEST_DEFS, install_test_bundles

from vnr_desktop.core.cards.definitions import FORMAT_IDS
from vnr_desktop.core.cards.loader import check_against_library, load_catalog, shipped_catalog
from vnr_desktop.core.cards.palette import MIN_CONTRAST, contrast, text_pairs
from vnr_desktop.core.cards.render import list_cards

REQUIRED_CARDS = {"barn", "voksne", "eldre", "utovere", "aere", "akutt", "ung", "english"}


def _defs_with(tmp_path: Path, name: str, text: str) -> Path:
    root = tmp_path / "defs"
    shutil.copytree(TEST_DEFS, root)
    (root / name).write_text(text, encoding="utf-8")
    return root


def test_shipped_cards_load_without_problems():
    result = load_catalog()
    assert result.ok, [str(d) for d in result.diagnostics]
    assert [d for d in result.diagnostics if d.severity == "warning"] == []
    assert set(result.catalog.cards) >= REQUIRED_CARDS


def test_the_numbers_card_is_called_akutt_and_every_card_lists_all_formats():
    cards = {c.id: c for c in list_cards()}
    assert "akutt" in cards
    for info in cards.values():
        assert info.formats == FORMAT_IDS
        assert info.title and info.short_title
    assert "en" in cards["english"].languages
    assert cards["english"].title.startswith("Are you in danger?")


def test_shipped_cards_reference_only_existing_content(library):
    problems = check_against_library(shipped_catalog(), library)
    assert [str(p) for p in problems if p.severity == "error"] == []


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_no_card_definition_types_a_phone_number():
    """Numbers always come from content: any run of three or more digits in the text of a
    card file (112, 02800, 61 18 95 44 ...) is a defect."""
    import re

    from vnr_desktop.core.resources import cards_dir
    from vnr_desktop.core.yaml_safe import load_yaml_file

    digits = re.compile(r"\d[\d ]{1,}\d")
    offenders = []
    for path in sorted(cards_dir().glob("*.yaml")):
        for text in _strings(load_yaml_file(path).data):
            for m in digits.finditer(text):
                if len(m.group(0).replace(" ", "")) >= 3:
                    offenders.append(f"{path.name}: {text!r}")
    assert offenders == []


def test_a_typo_in_a_card_is_a_located_error(tmp_path):
    bad = (
        (TEST_DEFS / "prove.yaml")
        .read_text(encoding="utf-8")
        .replace("    tone: se\n", "    tone: se\n    colour: red\n", 1)
    )
    root = _defs_with(tmp_path, "prove.yaml", bad)
    result = load_catalog(root)
    assert not result.ok
    [err] = result.errors
    assert err.file == "cards/prove.yaml"
    assert err.line is not None and err.line > 1
    assert "colour" in err.message and err.path.startswith("panels.se")


def test_missing_translation_is_an_error(tmp_path):
    text = (
        (TEST_DEFS / "prove.yaml")
        .read_text(encoding="utf-8")
        .replace("label: {nb: Nød, en: Emergency}", "label: Nød", 1)
    )
    result = load_catalog(_defs_with(tmp_path, "prove.yaml", text))
    messages = [d.message for d in result.errors]
    assert any("no en version" in m for m in messages), messages


def test_layout_referring_to_an_unknown_panel_is_an_error(tmp_path):
    text = (
        (TEST_DEFS / "prove.yaml")
        .read_text(encoding="utf-8")
        .replace("- {panels: [se], height: rest}", "- {panels: [sse], height: rest}", 1)
    )
    result = load_catalog(_defs_with(tmp_path, "prove.yaml", text))
    assert any("'sse' is not defined" in d.message for d in result.errors)


def test_a_side_needs_exactly_one_rest_row(tmp_path):
    text = (
        (TEST_DEFS / "prove.yaml")
        .read_text(encoding="utf-8")
        .replace("- {panels: [se], height: rest}", "- {panels: [se], height: fit}", 1)
    )
    result = load_catalog(_defs_with(tmp_path, "prove.yaml", text))
    assert any("exactly one row with height: rest" in d.message for d in result.errors)


def test_anchors_and_aliases_are_refused_in_card_files(tmp_path):
    text = (
        (TEST_DEFS / "prove.yaml")
        .read_text(encoding="utf-8")
        .replace("audience: [professionals]", "audience: &a [professionals]", 1)
    )
    result = load_catalog(_defs_with(tmp_path, "prove.yaml", text))
    assert result.errors and result.errors[0].code == "yaml"


def test_file_name_must_match_the_card_id(tmp_path):
    root = _defs_with(tmp_path, "annet.yaml", (TEST_DEFS / "prove.yaml").read_text("utf-8"))
    result = load_catalog(root)
    assert any("must be named prove.yaml" in d.message for d in result.errors)


def test_number_entry_needs_contact_or_slot(tmp_path):
    text = (
        (TEST_DEFS / "prove.yaml")
        .read_text(encoding="utf-8")
        .replace(
            '            - contact: "nasjonal:nodnummer-politi"\n',
            '            - contact: "nasjonal:nodnummer-politi"\n              slot: police\n',
            1,
        )
    )
    result = load_catalog(_defs_with(tmp_path, "prove.yaml", text))
    assert any("either contact or slot" in d.message for d in result.errors)


def test_check_against_library_finds_dangling_refs(tmp_path, empty_library):
    install_test_bundles(empty_library)
    text = (TEST_DEFS / "prove.yaml").read_text(encoding="utf-8")
    text = text.replace('"nasjonal:nettside"', '"nasjonal:finnes-ikke"').replace(
        "{heading: Tegn, items: 3", "{heading: Tagn, items: 3"
    )
    catalog = load_catalog(_defs_with(tmp_path, "prove.yaml", text)).catalog
    messages = [p.message for p in check_against_library(catalog, empty_library)]
    assert any("nasjonal:finnes-ikke does not exist" in m for m in messages), messages
    assert any("has no heading 'Tagn'" in m for m in messages), messages


def test_every_text_colour_pair_has_enough_contrast():
    for what, fg, bg in text_pairs():
        assert contrast(fg, bg) >= MIN_CONTRAST, f"{what}: {fg} on {bg} is {contrast(fg, bg):.2f}"


@pytest.mark.parametrize(
    "fg,bg,expected", [("#000000", "#ffffff", 21.0), ("#777777", "#ffffff", 4.48)]
)
def test_contrast_formula(fg, bg, expected):
    assert contrast(fg, bg) == pytest.approx(expected, abs=0.01)
