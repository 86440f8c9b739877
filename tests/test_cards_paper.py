"""Cards held to what they stand for (issue 12).

One rendering of every card × region × format (module fixture), read back with pypdf, then:

- the paper originals (seed 000, Vedlegg 1 and 2; inventories in tests/facts/paper_card_*.yaml):
  each item is on the printed card, or the card definition lists it as left out on that format
  with a reason; acute triggers and risk factors never are;
- every printed number against the content: acute panels carry around-the-clock numbers or
  print their hours; a number for part of the region carries its coverage caveat; no card
  names a plan or a source note; no blank "Lokalt nummer" line where the content has a number
  for that service or its acute counterpart.
"""

from __future__ import annotations

import itertools
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from cards_helpers import all_text

from vnr_desktop.core.cards.definitions import FORMAT_IDS
from vnr_desktop.core.cards.formats import format_spec
from vnr_desktop.core.cards.hours import around_the_clock, coverage_caveat
from vnr_desktop.core.cards.loader import shipped_catalog
from vnr_desktop.core.cards.render import render_card
from vnr_desktop.core.cards.resolve import (
    SLOT_COUNTERPARTS,
    NumberLine,
    ResolvedCard,
    card_regions,
    resolve_card,
    usable_phones,
)
from vnr_desktop.core.models import Contact
from vnr_desktop.core.phones import same_number

FACTS = Path(__file__).parent / "facts"
PLAN_NAMES = ("hallingdal-planen", "gjøvik-planen", "hamar-planen", "vedlegg ")


def normalise(text: str) -> str:
    """PDF text as one line: lower case, whitespace collapsed, "…" as "...", soft hyphens and
    line-end hyphens of wrapped words joined."""
    text = text.replace("\u00ad", "").replace("…", "...").replace("\u2011", "-")
    text = re.sub(r"\s+", " ", text).lower()
    return text


def _has(text: str, key: str) -> bool:
    joined = text.replace("- ", "-")
    return any(alt in text or alt in joined for alt in key.split("|"))


@dataclass
class Rendered:
    card: ResolvedCard
    text: str


@pytest.fixture(scope="module")
def lib(builtin_library_template: Path, tmp_path_factory: pytest.TempPathFactory):
    from vnr_desktop.core.library import Library

    folder = tmp_path_factory.mktemp("paper-cards")
    shutil.copy(builtin_library_template, folder / "library.db")
    library = Library(folder / "library.db")
    yield library
    library.close()


@pytest.fixture(scope="module")
def matrix(lib) -> dict[tuple[str, str, str, str], Rendered]:
    """Every card × region × format × language, rendered once."""
    catalog = shipped_catalog()
    out: dict[tuple[str, str, str, str], Rendered] = {}
    for card_id, card in catalog.cards.items():
        for region in card_regions(lib):
            for fmt in FORMAT_IDS:
                for lang in card.languages:
                    rendered = render_card(lib, card_id, region, fmt, lang=lang)
                    resolved = resolve_card(lib, catalog, card_id, region, fmt, lang=lang)
                    out[(card_id, region, fmt, lang)] = Rendered(
                        resolved, normalise(all_text(rendered.pdf))
                    )
    return out


def _inventory(name: str) -> dict:
    return yaml.safe_load((FACTS / name).read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- paper originals


@pytest.mark.parametrize("facts", ["paper_card_barn.yaml", "paper_card_voksne.yaml"])
def test_every_item_of_the_paper_card_is_printed_or_left_out_with_a_reason(matrix, facts):
    inventory = _inventory(facts)
    card_id = inventory["card"]
    card = shipped_catalog().card(card_id)
    never = set(inventory["never_left_out"])
    left_out: dict[str, dict[str, str]] = {}  # content class -> item text -> reason
    known = {normalise(i["text"]) for items in inventory["items"].values() for i in items}
    for entry in card.left_out:
        for item in entry.items:
            assert normalise(item) in known, f"{card_id}: left_out names {item!r}, not on paper"
            for cls in entry.formats:
                left_out.setdefault(cls, {})[normalise(item)] = entry.reason
    problems: list[str] = []
    for (cid, region, fmt, _lang), r in matrix.items():
        if cid != card_id:
            continue
        cls = format_spec(fmt).content_class
        for kind, items in inventory["items"].items():
            for item in items:
                where = f"{card_id}/{region}/{fmt} {kind}: {item['text']!r}"
                declared = normalise(item["text"]) in left_out.get(cls, {})
                if kind in never:
                    assert not declared, f"{where} may never be left out"
                if "number" in item and region == "hallingdal":
                    printed = item["number"] in r.card.printed_numbers()
                    on_paper = item["number"] in r.text
                    if not (printed and on_paper) and not declared:
                        problems.append(f"{where}: number not printed")
                    continue
                present = all(_has(r.text, key) for key in item["keys"])
                if not present and not declared:
                    problems.append(where)
                if present and declared and kind not in ("numbers",):
                    problems.append(f"{where}: printed, yet listed as left out")
    assert not problems, "\n".join(problems)


def test_left_out_reasons_are_written_and_signs_grow_with_the_format():
    """Every left_out entry says why; a larger format never leaves out a sign a smaller one
    prints (posters leave out none)."""
    order = ["id1", "a7", "fold", "poster"]
    for card_id in ("barn", "voksne"):
        card = shipped_catalog().card(card_id)
        signs = {
            normalise(i["text"]) for i in _inventory(f"paper_card_{card_id}.yaml")["items"]["signs"]
        }
        out_by_cls: dict[str, set[str]] = {c: set() for c in order}
        for entry in card.left_out:
            assert len(entry.reason.split()) >= 6, f"{card_id}: say why: {entry.reason!r}"
            for cls in entry.formats:
                out_by_cls[cls] |= {normalise(i) for i in entry.items} & signs
        assert not out_by_cls["poster"], f"{card_id}: the poster carries every sign"
        for small, large in itertools.pairwise(order):
            assert out_by_cls[large] <= out_by_cls[small], f"{card_id}: {large} drops more signs"


# --------------------------------------------------------------------------- numbers


def _contact(lib, ref: str | None) -> Contact | None:
    if ref is None:
        return None
    record = lib.get(ref)
    return None if record is None else record.item  # type: ignore[return-value]


def _lines(card: ResolvedCard):
    for panel in card.panels.values():
        for element in panel.elements:
            for line in element.lines:
                yield panel, line
                if line.fallback is not None:
                    yield panel, line.fallback


def test_acute_panels_print_around_the_clock_numbers_or_their_hours(lib, matrix):
    catalog = shipped_catalog()
    problems = []
    for (card_id, region, fmt, lang), r in matrix.items():
        definition = catalog.card(card_id)
        for panel, line in _lines(r.card):
            if not definition.panels[panel.id].acute or not line.number:
                continue
            contact = _contact(lib, line.contact_ref)
            assert contact is not None, line
            phone = next(p for p in contact.phones if same_number(p.number, line.number))
            where = f"{card_id}/{region}/{fmt}/{lang} {panel.id}: {line.label} {line.number}"
            if around_the_clock(contact, phone) is True:
                continue
            if not line.hours or normalise(line.hours) not in r.text:
                problems.append(f"{where} does not answer around the clock; hours not printed")
    assert not problems, "\n".join(problems)


def test_acute_panels_are_flagged_by_their_headings():
    words = ("akutt", "døgnåpen", "haster", "fare nå", "danger", "urgent")
    for card in shipped_catalog().cards.values():
        for pid, panel in card.panels.items():
            heading = " ".join(
                str(v) for v in (panel.heading, panel.subheading) if v is not None
            ).lower()
            has_numbers = any(e.numbers is not None for e in panel.content)
            if has_numbers and any(w in heading for w in words):
                assert panel.acute, f"{card.id}.{pid} is headed {heading!r} but not acute"


def test_gjovik_acute_card_prints_the_24_hour_overgrepsmottak(matrix):
    for fmt in FORMAT_IDS:
        r = matrix[("akutt", "gjovik", fmt, "nb")]
        numbers = r.card.printed_numbers()
        assert "61 27 22 16" in numbers and "61 27 22 16" in r.text, fmt
        assert "61 27 20 18" not in numbers, fmt


def test_legevakt_is_among_the_childrens_acute_numbers(matrix):
    for region in ("hallingdal", "gjovik", "hamar", "nasjonal"):
        for fmt in FORMAT_IDS:
            r = matrix[("barn", region, fmt, "nb")]
            acute = [line.number for line in r.card.panels["numbers"].elements[0].lines]
            assert "116 117" in acute, f"{region}/{fmt}"


def test_numbers_outside_their_coverage_carry_the_caveat(lib, matrix):
    problems = []
    for (card_id, region, fmt, lang), r in matrix.items():
        coverage = {n: name for n, name, b in lib.municipalities() if b == region}
        for _panel, line in _lines(r.card):
            contact = _contact(lib, line.contact_ref)
            if contact is None or not line.number:
                continue
            bundle = (line.contact_ref or "").split(":", 1)[0]
            if bundle != region:
                continue
            caveat = coverage_caveat(contact, coverage, lang)
            outside = set(coverage) - set(contact.municipalities or coverage)
            if outside:
                assert caveat, f"{contact.id} covers part of {region} but has no caveat"
                if normalise(caveat) not in r.text.replace("- ", "-"):
                    problems.append(f"{card_id}/{region}/{fmt}/{lang}: {line.number} {caveat!r}")
    assert not problems, "\n".join(problems)


def test_gjovik_barnevernvakt_says_toten_must_confirm(matrix):
    for card_id in ("barn", "akutt"):
        for fmt in FORMAT_IDS:
            r = matrix[(card_id, "gjovik", fmt, "nb")]
            if "61 18 95 44" in r.card.printed_numbers():
                assert "vestre og østre toten: bekreft lokalt" in r.text, f"{card_id}/{fmt}"


def test_no_card_names_a_plan_or_a_source_note(matrix):
    for (card_id, region, fmt, lang), r in matrix.items():
        for name in PLAN_NAMES:
            assert name not in r.text, f"{card_id}/{region}/{fmt}/{lang} prints {name!r}"


def test_no_substitute_states_an_unsourced_fact(matrix):
    for (card_id, region, fmt, _lang), r in matrix.items():
        assert "svares av barnevernvakta" not in r.text, f"{card_id}/{region}/{fmt}"
        for panel, line in _lines(r.card):
            if shipped_catalog().card(card_id).panels[panel.id].acute:
                assert line.contact_ref != "nasjonal:vo-linjen", f"{card_id}/{region}/{fmt}"


def test_no_blank_line_where_the_content_has_a_number(lib, matrix):
    from vnr_desktop.core.cards.resolve import NATIONAL, PRIMARY_TAG

    def numbered(bundle: str, category: str) -> bool:
        for record in lib.items(kind="contact", region=bundle):
            contact = record.item
            if contact.category != category:
                continue
            if bundle != NATIONAL and PRIMARY_TAG not in contact.tags:
                continue
            if usable_phones(contact)[0]:
                return True
        return False

    label_to_category = _blank_categories()
    problems = []
    for (card_id, region, fmt, _lang), r in matrix.items():
        for panel, line in _lines(r.card):
            if not line.blank or line.contact_ref is not None:
                continue
            categories = label_to_category.get((card_id, panel.id, line.label), ())
            assert categories, f"{card_id}.{panel.id}: blank line {line.label!r} has no slot"
            wanted = set(categories)
            for c in categories:
                wanted |= set(SLOT_COUNTERPARTS.get(c, ()))
            for bundle in {region, NATIONAL}:
                for category in wanted:
                    if numbered(bundle, category):
                        problems.append(
                            f"{card_id}/{region}/{fmt}: blank {line.label!r} but "
                            f"{bundle} has a {category} number"
                        )
    assert not problems, "\n".join(problems)


def _blank_categories() -> dict[tuple[str, str, str], tuple[str, ...]]:
    """(card, panel, printed label) -> the slot's categories, for every slot entry."""
    catalog = shipped_catalog()
    out: dict[tuple[str, str, str], tuple[str, ...]] = {}
    for card in catalog.cards.values():
        for pid, panel in card.panels.items():
            for element in panel.content:
                if element.numbers is None:
                    continue
                for entry in element.numbers.entries:
                    cats = entry.slot_categories
                    if not cats:
                        continue
                    for lang in card.languages:
                        if entry.label is not None:
                            label = (
                                entry.label if isinstance(entry.label, str) else entry.label[lang]
                            )  # type: ignore[index]
                        else:
                            value = catalog.shared.slot_labels[cats[0]]  # type: ignore[index]
                            label = value if isinstance(value, str) else value[lang]  # type: ignore[index]
                        out[(card.id, pid, label)] = cats
    return out


def test_number_lines_record_what_the_content_says_about_hours(matrix):
    """Sanity: the resolver marks the lines it printed in acute panels."""
    acute_lines = [
        line
        for r in matrix.values()
        for _panel, line in _lines(r.card)
        if isinstance(line, NumberLine) and line.acute
    ]
    assert acute_lines
    assert any(line.around_the_clock is False and line.hours for line in acute_lines)


def test_validation_refuses_an_acute_heading_without_the_acute_flag(tmp_path):
    from vnr_desktop.core.cards.loader import load_catalog
    from vnr_desktop.core.resources import cards_dir

    root = tmp_path / "cards"
    shutil.copytree(cards_dir(), root)
    text = (root / "barn.yaml").read_text(encoding="utf-8")
    assert text.count("    acute: true\n") == 2
    (root / "barn.yaml").write_text(text.replace("    acute: true\n", ""), encoding="utf-8")
    result = load_catalog(root)
    errors = [d for d in result.errors if d.code == "acute"]
    assert errors and "numbers" in errors[0].message and "akutt" in errors[0].message


def test_no_card_prints_advice_that_no_source_gives(matrix):
    """Issue 12, item 4: sentences found in no source were dropped from the cards."""
    unsourced = (
        "ett tegn alene",
        "snakk med den eldre alene",
        "får du bestemme over egne penger",
        "er du redd for noen?",
        "andre årsaker – men spør",
        "dokumenter med dato",
        "med dato.",
        "aldri din feil",
        "not to blame",
        "kortet for voksne",
    )
    for key, r in matrix.items():
        for phrase in unsourced:
            assert phrase not in r.text, f"{'/'.join(key)} prints {phrase!r}"


def test_english_cards_print_hours_in_english(matrix):
    """An English card never prints the content's bokmål hours ("dagtid")."""
    english = [(key, r) for key, r in matrix.items() if key[3] == "en"]
    assert english
    for key, r in english:
        for word in ("dagtid", "hele døgnet", "åpningstid"):
            assert word not in r.text, f"{'/'.join(key)} prints {word!r}"
    assert "daytime" in matrix[("english", "hallingdal", "a6-fold", "en")].text
