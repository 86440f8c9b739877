"""The `hallingdal` bundle, checked against facts extracted once from seed 000.

tests/facts/phones_000.yaml lists every phone number the Hallingdal plan prints;
tests/facts/hallingdal_cards.yaml lists every sign, opener, question, tip and step on its two
tiltakskort (Vedlegg 1 and 2). The bundle must carry all of them; national numbers may be
carried by the `nasjonal` bundle instead.
"""

from __future__ import annotations

from typing import Any

import pytest
from regional_content import (
    guide_by_id,
    normalise_text,
    phone_digits,
    phone_like_runs,
    read_facts,
    regional_fixtures,
    resolve_contact,
    section_text,
    sections_of_kind,
    strings_in,
)

from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.bundle_source import SourceLoadResult
from vnr_desktop.core.models import Contact
from vnr_desktop.core.phones import normalise_phone

SOURCE_ID = "hallingdal-plan-2021-2024"
PLAN_ID = "plan-2021-2024"
PHONES: list[dict[str, Any]] = read_facts("phones_000.yaml")
CARDS: dict[str, dict[str, list[str]]] = read_facts("hallingdal_cards.yaml")
CARD_KINDS = ("se", "spor", "avklar", "handle")

COVERAGE = {
    "3320": "Flå",
    "3322": "Nesbyen",  # renamed from Nes in 2020
    "3324": "Gol",
    "3326": "Hemsedal",
    "3328": "Ål",
    "3330": "Hol",
}


national, loaded, bundle = regional_fixtures("hallingdal")


def test_facts_files_are_complete() -> None:
    # Guards against a truncated fact file making the checks below vacuous.
    numbers = [p["number"] for p in PHONES if "exclude" not in p]
    assert numbers == ["02800", "32 08 53 10", "32 07 52 50", "32 08 11 75", "116 117"]
    assert len(CARDS["hallingdal.kort-barn"]["se"]) == 18  # 17 signs + «Følg intuisjonen din!»
    assert len(CARDS["hallingdal.kort-voksne"]["se"]) == 17  # 16 signs + «Følg intuisjonen din!»
    assert len(CARDS["hallingdal.kort-barn"]["handle"]) == 11
    assert len(CARDS["hallingdal.kort-voksne"]["spor"]) == 23
    for card in CARDS.values():
        assert all(card[kind] for kind in CARD_KINDS)


def test_loads_strictly_without_errors_or_unexpected_warnings(loaded: SourceLoadResult) -> None:
    assert loaded.errors == [], "\n".join(str(d) for d in loaded.errors)
    unexpected = [d for d in loaded.warnings if d.code != "missing-number"]
    assert unexpected == [], "\n".join(str(d) for d in unexpected)


def test_manifest(bundle: BundleContent) -> None:
    manifest = bundle.manifest
    assert manifest.id == "hallingdal"
    assert {m.number: m.name for m in manifest.municipalities} == COVERAGE
    sources = {s.id: s for s in manifest.sources}
    assert set(sources) == {SOURCE_ID}
    assert "2021–2024" in sources[SOURCE_ID].title
    assert all(item.provenance.source == SOURCE_ID for item in bundle.items())


def test_every_printed_phone_number_is_carried(
    bundle: BundleContent, national: BundleContent
) -> None:
    regional = phone_digits(bundle.contacts)
    nationwide = phone_digits(national.contacts)
    for fact in PHONES:
        digits = normalise_phone(fact["number"])
        if "exclude" in fact:
            assert fact["exclude"].strip(), fact
            assert digits not in regional, f"{fact['number']} is excluded but is a phone here"
            continue
        carriers = regional.get(digits, [])
        if not carriers and fact.get("national"):
            carriers = nationwide.get(digits, [])
        assert carriers, f"{fact['number']} ({fact['context']}) is in no contact"
        shown = {number for _, number in carriers}
        assert fact["number"] in shown, f"{fact['number']} must be shown as printed, not {shown}"


def test_regional_numbers_are_not_left_to_the_national_bundle(bundle: BundleContent) -> None:
    regional = phone_digits(bundle.contacts)
    for fact in PHONES:
        if "exclude" not in fact and not fact.get("national"):
            assert normalise_phone(fact["number"]) in regional, fact["number"]


def test_no_number_is_invented(bundle: BundleContent) -> None:
    printed = {normalise_phone(p["number"]) for p in PHONES if "exclude" not in p}
    for contact in bundle.contacts:
        for phone in contact.phones:
            assert phone.digits in printed, f"{contact.id}: {phone.number} is not in the plan"


def test_services_named_without_number_have_a_reason(bundle: BundleContent) -> None:
    by_id = {c.id: c for c in bundle.contacts}
    for cid in ("barnevernvakt", "konsultasjonsteam", "statens-barnehus"):
        assert by_id[cid].phones == [], cid
        assert by_id[cid].no_phone_reason, cid


def _primary(bundle: BundleContent, category: str) -> Contact:
    found = [c for c in bundle.contacts if c.category == category and "primary" in c.tags]
    assert len(found) == 1, f"{category}: {[c.id for c in found]}"
    return found[0]


def test_primary_contacts(bundle: BundleContent) -> None:
    assert [p.number for p in _primary(bundle, "krisesenter").phones] == ["32 07 52 50"]
    assert [p.number for p in _primary(bundle, "barnevern").phones] == ["32 08 53 10"]
    assert [p.number for p in _primary(bundle, "familievern").phones] == ["32 08 11 75"]
    krisesenter = _primary(bundle, "krisesenter")
    assert krisesenter.phones[0].hours == "hele døgnet"


def test_barnevern_availability_conflict_is_decided(bundle: BundleContent) -> None:
    barnevern = next(c for c in bundle.contacts if c.id == "barnevern")
    assert len(barnevern.conflicts) == 1
    conflict = barnevern.conflicts[0]
    assert conflict.decision is not None
    assert conflict.decision.chosen == "dagtid"
    assert barnevern.availability == "daytime"


# Steps of advice the guides carry in the project's own words (issue 12: sentences are
# rewritten, lists of signs and questions stay as printed). For each, the words that carry its
# facts must all be in a section of the same kind (tests/test_content_own_words.py checks that
# the card's sentence itself is no longer copied).
REWORDED: dict[str, list[str]] = read_facts("hallingdal_cards_reworded.yaml")


@pytest.mark.parametrize("guide_id", sorted(CARDS))
def test_card_guides_carry_every_listed_fact(bundle: BundleContent, guide_id: str) -> None:
    guide = guide_by_id(bundle, guide_id)
    missing: list[tuple[str, str]] = []
    for kind, facts in CARDS[guide_id].items():
        if kind == "phones":
            continue
        sections = sections_of_kind(guide, kind)
        assert sections, f"{guide_id} has no {kind!r} section"
        text = "\n".join(section_text(s) for s in sections)
        for fact in facts:
            if normalise_text(fact) in text:
                continue
            words = REWORDED.get(fact)
            if kind in ("se", "spor", "risk_factors") or not words:
                missing.append((kind, fact))  # lists stay as printed
            elif not all(normalise_text(w) in text for w in words):
                missing.append((kind, fact))
    assert missing == []


@pytest.mark.parametrize("guide_id", sorted(CARDS))
def test_card_guides_reach_every_printed_number(
    bundle: BundleContent, national: BundleContent, guide_id: str
) -> None:
    guide = guide_by_id(bundle, guide_id)
    reachable = {
        phone.digits
        for section in guide.sections
        for ref in section.contacts
        for phone in resolve_contact(ref, bundle, national).phones
    }
    for number in CARDS[guide_id]["phones"]:
        assert normalise_phone(number) in reachable, f"{guide_id}: {number}"


@pytest.mark.parametrize("guide_id", sorted(CARDS))
def test_card_sign_lists_keep_their_order(bundle: BundleContent, guide_id: str) -> None:
    guide = guide_by_id(bundle, guide_id)
    items = [item for s in sections_of_kind(guide, "se") for b in s.blocks for item in b.items]
    signs = [f for f in CARDS[guide_id]["se"] if f != "Følg intuisjonen din!"]
    assert [normalise_text(i) for i in items[: len(signs)]] == [normalise_text(s) for s in signs]


def test_duties_and_definitions_guides(bundle: BundleContent) -> None:
    duties = guide_by_id(bundle, "hallingdal.plikter")
    refs = {(r.law, r.section) for s in duties.sections for r in s.legal_refs}
    assert ("straffeloven", "§ 196") in refs
    assert ("straffeloven", "§§ 282 og 283") in refs
    assert ("FNs barnekonvensjon", "artikkel 19") in refs
    definitions = guide_by_id(bundle, "hallingdal.definisjoner")
    forms = "\n".join(section_text(s) for s in sections_of_kind(definitions, "forms"))
    for form in (
        "Fysisk vold",
        "Psykisk vold",
        "Materiell vold",
        "Latent vold",
        "Seksuell vold",
        "Økonomisk vold",
        "Strukturell vold",
        "Æresrelatert vold",
    ):
        assert normalise_text(form) in forms, form
    assert sections_of_kind(definitions, "definitions")


def test_plan_and_focus_areas(bundle: BundleContent) -> None:
    (plan,) = bundle.plans
    assert plan.id == PLAN_ID
    assert (plan.period_start, plan.period_end) == (2021, 2024)
    assert set(plan.municipalities) == set(COVERAGE)
    assert [a.id for a in plan.focus_areas] == [
        "kompetanse",
        "informasjon-forebygging",
        "samhandling",
    ]
    assert len(plan.goals) == 5


def test_measures_cover_every_bullet_of_the_three_tables(bundle: BundleContent) -> None:
    measures = bundle.measures
    per_area = {"kompetanse": 5, "informasjon-forebygging": 22, "samhandling": 7}
    assert len(measures) == sum(per_area.values()) == 34
    for n, (area, count) in enumerate(per_area.items(), start=1):
        mine = [m for m in measures if m.focus_area == area]
        assert [m.number for m in mine] == [f"{n}.{i}" for i in range(1, count + 1)]
        assert [m.id for m in mine] == [f"tiltak.{n}.{i}" for i in range(1, count + 1)]
    for m in measures:
        assert m.plan == PLAN_ID
        assert m.status == "ukjent", "the plan reports no status"
        assert m.deadline is None, "the plan prints no deadlines"
        assert m.period, m.id
        assert m.goal, m.id
        assert m.provenance.note and "nummererer ikke" in m.provenance.note


def test_no_phone_number_hides_in_texts(bundle: BundleContent) -> None:
    """Numbers live in contacts' phones only, where they are checked; not in prose."""
    dumps = [i.model_dump(mode="json") for i in [*bundle.guides, *bundle.plans]]
    dumps += [i.model_dump(mode="json") for i in [*bundle.measures, *bundle.resources]]
    dumps += [c.model_dump(mode="json", exclude={"phones"}) for c in bundle.contacts]
    found = [run for d in dumps for s in strings_in(d) for run in phone_like_runs(s)]
    assert found == []
