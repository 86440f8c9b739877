"""The `nasjonal` bundle's contacts and guides, checked against facts extracted once from seeds.

tests/facts/phones_national.yaml lists every phone number the five seed documents print, each
with its context and source, and marks the ones the national bundle must not show (regional
numbers, known typos) with a reason. These tests check the bundle both ways: every national
number printed in a source is shown, and every number shown was printed in a source (a number
recalled from memory fails).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.bundle_source import SourceLoadResult, load_bundle_dir
from vnr_desktop.core.models import Contact, Guide
from vnr_desktop.core.phones import normalise_phone
from vnr_desktop.core.resources import builtin_bundle_dir

FACTS_FILE = "phones_national.yaml"
SOURCE_IDS = {
    "hallingdal-plan-2021-2024": "000",
    "veileder-kommunale-planer-2008": "001",
    "hamar-plan-2023-2026": "002",
    "nasjonal-handlingsplan-2014-2017-rapport": "003",
    "gjovik-plan-2024-2027": "004",
}
OLD_SOURCE = "veileder-kommunale-planer-2008"


def _read_facts() -> list[dict[str, Any]]:
    path = Path(__file__).parent / "facts" / FACTS_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    facts: list[dict[str, Any]] = data["facts"]
    return facts


FACTS = _read_facts()
SHOWN_FACTS = [f for f in FACTS if "exclude" not in f]
EXCLUDED_FACTS = [f for f in FACTS if "exclude" in f]
TYPO_FACTS = [f for f in FACTS if "rejected_in_conflict" in f]


@pytest.fixture(scope="module")
def loaded() -> SourceLoadResult:
    return load_bundle_dir(builtin_bundle_dir("nasjonal"))


@pytest.fixture(scope="module")
def bundle(loaded: SourceLoadResult) -> BundleContent:
    assert loaded.bundle is not None, "\n".join(str(d) for d in loaded.errors)
    return loaded.bundle


def _raw_digits(text: str) -> str:
    """Digits only, for printed values that are not valid numbers (typos such as 117 116)."""
    return re.sub(r"\D", "", text)


def _contact(bundle: BundleContent, contact_id: str) -> Contact:
    matches = [c for c in bundle.contacts if c.id == contact_id]
    assert len(matches) == 1, f"contact {contact_id!r} missing or duplicated"
    return matches[0]


def _shown_digits(bundle: BundleContent) -> dict[str, list[tuple[str, str]]]:
    """Normalised digits -> [(contact id, number as displayed)] for every phone shown."""
    index: dict[str, list[tuple[str, str]]] = {}
    for contact in bundle.contacts:
        for phone in contact.phones:
            index.setdefault(phone.digits, []).append((contact.id, phone.number))
    return index


# ------------------------------------------------------------------------ the facts file


def test_facts_file_is_well_formed() -> None:
    assert len(FACTS) >= 30
    for fact in FACTS:
        assert set(fact) <= {
            "number",
            "context",
            "source",
            "seed",
            "exclude",
            "rejected_in_conflict",
        }
        assert isinstance(fact["number"], str), f"quote the number {fact['number']!r}"
        if "rejected_in_conflict" not in fact:
            normalise_phone(fact["number"])
        assert fact["context"].strip()
        assert SOURCE_IDS[fact["source"]] == fact["seed"], fact
        if "exclude" in fact:
            assert isinstance(fact["exclude"], str) and len(fact["exclude"].strip()) >= 10, (
                f"{fact['number']}: an exclusion needs a reason"
            )
        if "rejected_in_conflict" in fact:
            assert "exclude" in fact, f"{fact['number']} is rejected but not excluded"


# ------------------------------------------------------------------------ loading


def test_bundle_loads_without_errors(loaded: SourceLoadResult) -> None:
    assert loaded.ok, "\n".join(str(d) for d in loaded.errors)


def test_bundle_builds_strictly() -> None:
    """`bundle build` loads strictly: an undecided conflict would stop it."""
    result = load_bundle_dir(builtin_bundle_dir("nasjonal"), strict=True)
    assert result.ok, "\n".join(str(d) for d in result.errors)


def test_manifest_lists_the_five_sources(bundle: BundleContent) -> None:
    manifest = bundle.manifest
    assert manifest.id == "nasjonal"
    assert manifest.is_national
    assert manifest.version >= 1
    assert {s.id for s in manifest.sources} == set(SOURCE_IDS)
    dates = {s.id: s.date for s in manifest.sources}
    assert dates["gjovik-plan-2024-2027"] == date(2023, 12, 1)  # "oppdatert per 1.12.2023"
    assert dates["veileder-kommunale-planer-2008"].year == 2008
    assert dates["nasjonal-handlingsplan-2014-2017-rapport"] == date(2018, 8, 1)


# ------------------------------------------------------------------------ numbers, both ways


@pytest.mark.parametrize("fact", SHOWN_FACTS, ids=lambda f: f"{f['seed']}:{f['number']}")
def test_every_national_number_in_the_sources_is_shown(
    bundle: BundleContent, fact: dict[str, Any]
) -> None:
    shown = _shown_digits(bundle)
    digits = normalise_phone(fact["number"])
    assert digits in shown, (
        f"{fact['number']} ({fact['context']}) is printed in seed {fact['seed']} "
        "but no nasjonal contact shows it (add it, or exclude it with a reason)"
    )
    displayed = {number for _, number in shown[digits]}
    assert fact["number"] in displayed, (
        f"{fact['number']} must be displayed exactly as printed, not as {sorted(displayed)}"
    )


def test_every_number_shown_was_printed_in_a_source(bundle: BundleContent) -> None:
    """A number that is in no source (recalled from memory, mistyped) fails here."""
    printed = {normalise_phone(f["number"]) for f in SHOWN_FACTS}
    for digits, where in _shown_digits(bundle).items():
        assert digits in printed, f"{where} shows a number that no seed prints as national"


def test_shown_numbers_come_from_the_contacts_own_source(bundle: BundleContent) -> None:
    """A contact's number is printed in the source its provenance names (or a conflict's)."""
    by_digits: dict[str, set[str]] = {}
    for fact in SHOWN_FACTS:
        by_digits.setdefault(normalise_phone(fact["number"]), set()).add(fact["source"])
    for contact in bundle.contacts:
        sources = {contact.provenance.source}
        sources |= {v.source for c in contact.conflicts for v in c.values}
        for phone in contact.phones:
            assert by_digits[phone.digits] & sources, (
                f"{contact.id}: {phone.number} is not printed in {sorted(sources)}"
            )


@pytest.mark.parametrize("fact", TYPO_FACTS, ids=lambda f: f["number"])
def test_known_typos_are_recorded_as_rejected_and_never_shown(
    bundle: BundleContent, fact: dict[str, Any]
) -> None:
    digits = _raw_digits(fact["number"])
    assert digits not in _shown_digits(bundle), f"the typo {fact['number']} is shown"
    contact = _contact(bundle, fact["rejected_in_conflict"])
    recorded = [
        conflict
        for conflict in contact.conflicts
        if any(v.value == fact["number"] for v in conflict.values)
    ]
    assert recorded, f"{contact.id} has no conflict recording {fact['number']} as printed"
    for conflict in recorded:
        assert conflict.decision is not None
        assert _raw_digits(conflict.decision.chosen) != digits


def test_regional_numbers_stay_out_of_the_national_bundle(bundle: BundleContent) -> None:
    regional = [f for f in EXCLUDED_FACTS if f["exclude"].startswith("regional")]
    assert len(regional) >= 10
    shown = _shown_digits(bundle)
    for fact in regional:
        assert normalise_phone(fact["number"]) not in shown, (
            f"{fact['number']} is regional ({fact['exclude']}) but shown nationally"
        )


# ------------------------------------------------------------------------ provenance, conflicts


def test_every_contact_has_provenance_no_later_than_its_source(bundle: BundleContent) -> None:
    sources = {s.id: s for s in bundle.manifest.sources}
    for contact in bundle.contacts:
        prov = contact.provenance
        assert prov.source in sources, contact.id
        assert prov.section.strip(), contact.id
        assert prov.as_of <= sources[prov.source].date, (
            f"{contact.id}: as_of {prov.as_of} is after its source's date"
        )


def test_contacts_from_the_2008_guide_are_marked_outdated(bundle: BundleContent) -> None:
    old = [c for c in bundle.contacts if c.provenance.source == OLD_SOURCE]
    assert {c.id for c in old} >= {"rvts-ost", "rvts-sor", "nkvts"}
    for contact in old:
        assert "outdated" in contact.tags, contact.id
        assert contact.provenance.as_of.year == 2008


def test_every_conflict_is_decided_and_shows_the_chosen_value(bundle: BundleContent) -> None:
    conflicts = [(c, k) for c in bundle.contacts for k in c.conflicts]
    assert len(conflicts) >= 3
    for contact, conflict in conflicts:
        assert conflict.decision is not None, f"{contact.id}: undecided conflict"
        assert conflict.decision.reason.strip()
        match = re.fullmatch(r"phones\[(\d+)\]", conflict.field)
        assert match, f"{contact.id}: unexpected conflict field {conflict.field!r}"
        phone = contact.phones[int(match.group(1))]
        assert phone.number == conflict.decision.chosen, (
            f"{contact.id}: shows {phone.number}, decided {conflict.decision.chosen}"
        )
        rejected = {_raw_digits(v.value) for v in conflict.values} - {phone.digits}
        assert not rejected & {p.digits for p in contact.phones}


def test_contacts_without_a_number_say_why_and_are_not_shown_as_numbers(
    bundle: BundleContent,
) -> None:
    without = [c for c in bundle.contacts if not c.phones]
    assert {"atv", "vern-for-eldre", "mental-helse-hjelpetelefon"} <= {c.id for c in without}
    for contact in without:
        assert contact.no_phone_reason and len(contact.no_phone_reason) >= 20, contact.id


# ------------------------------------------------------------------------ primaries and aliases


@pytest.mark.parametrize(
    ("category", "contact_id", "number"),
    [
        ("emergency", "nodnummer-politi", "112"),
        ("police", "politi", "02800"),
        ("legevakt", "legevakt", "116 117"),
    ],
)
def test_national_fallbacks_are_tagged_primary(
    bundle: BundleContent, category: str, contact_id: str, number: str
) -> None:
    primaries = [c for c in bundle.contacts if c.category == category and "primary" in c.tags]
    assert [c.id for c in primaries] == [contact_id]
    assert primaries[0].phones[0].number == number


@pytest.mark.parametrize(
    ("alias", "contact_id"),
    [
        ("VO-linjen", "vo-linjen"),
        ("Hjelpetelefonen", "hjelpetelefonen-seksuelt-misbrukte"),
        ("legevakt", "legevakt"),
        ("nødnummer", "nodnummer-politi"),
        ("ATV", "atv"),
        ("Kompetanseteamet", "kompetanseteamet"),
    ],
)
def test_contacts_carry_the_aliases_people_type(
    bundle: BundleContent, alias: str, contact_id: str
) -> None:
    assert alias in _contact(bundle, contact_id).aliases


# ------------------------------------------------------------------------ guides


GUIDE_IDS = {
    "veileder.voldsformer",
    "veileder.barn",
    "veileder.voksen",
    "veileder.eldre",
    "veileder.risikofaktorer",
    "veileder.plikter",
    "veileder.aeresrelatert",
    "veileder.utover-vold",
    "hjelp.utover",
    "hjelp.barn-unge",
}

_PHONE_IN_TEXT = re.compile(
    r"(?<![\d§,.])(?:\d{2} \d{2} \d{2} \d{2}|\d{3} \d{2} \d{3}|\d{3} \d{3}|\d{8}|11\d|0\d{4})"
    r"(?![\d,%])"
)


def _guide_strings(guide: Guide) -> list[str]:
    out = [guide.title, guide.summary or ""]
    for section in guide.sections:
        out += [section.title, section.intro or ""]
        for block in section.blocks:
            out += [block.heading or "", block.text or "", *block.items]
    return out


def test_the_national_guides_exist(bundle: BundleContent) -> None:
    assert {g.id for g in bundle.guides} >= GUIDE_IDS
    for guide in bundle.guides:
        assert guide.provenance.source in SOURCE_IDS
        assert guide.language == "nb"


def test_guides_print_only_numbers_the_contacts_show(bundle: BundleContent) -> None:
    """A number typed into guide prose must be one of the bundle's (sourced) phones."""
    shown = _shown_digits(bundle)
    found: set[str] = set()
    for guide in bundle.guides:
        for text in _guide_strings(guide):
            for match in _PHONE_IN_TEXT.findall(text):
                digits = normalise_phone(match)
                found.add(digits)
                if re.fullmatch(r"11\d", digits) and digits not in shown:
                    continue  # "(112 saker)" style counts that are not numbers
                assert digits in shown, f"{guide.id}: {match!r} is not a contact's number"
    assert {"116111", "80057000", "112"} <= found


def test_guide_sections_link_national_contacts(bundle: BundleContent) -> None:
    guides = {g.id: g for g in bundle.guides}
    handle_refs = {
        ref
        for gid in ("veileder.barn", "veileder.voksen")
        for s in guides[gid].sections
        if s.kind == "handle"
        for ref in s.contacts
    }
    assert {"nodnummer-politi", "legevakt"} <= handle_refs
    assert "alarmtelefonen" in {
        ref for s in guides["hjelp.barn-unge"].sections for ref in s.contacts
    }
    assert "atv" in {ref for s in guides["hjelp.utover"].sections for ref in s.contacts}


@pytest.mark.parametrize(
    ("guide_id", "kinds"),
    [
        ("veileder.barn", {"se", "spor", "avklar", "handle", "duties"}),
        ("veileder.voksen", {"se", "spor", "avklar", "handle", "risk_factors"}),
        ("veileder.eldre", {"se", "avklar", "handle", "duties"}),
        ("veileder.voldsformer", {"definitions", "forms"}),
        ("veileder.plikter", {"duties"}),
        ("veileder.risikofaktorer", {"risk_factors"}),
        ("veileder.aeresrelatert", {"definitions", "handle", "avklar", "duties"}),
    ],
)
def test_guides_have_their_section_kinds(
    bundle: BundleContent, guide_id: str, kinds: set[str]
) -> None:
    guide = next(g for g in bundle.guides if g.id == guide_id)
    assert kinds <= {s.kind for s in guide.sections}


def test_forms_of_violence_are_all_defined(bundle: BundleContent) -> None:
    guide = next(g for g in bundle.guides if g.id == "veileder.voldsformer")
    headings = {
        (b.heading or "").casefold() for s in guide.sections if s.kind == "forms" for b in s.blocks
    }
    for form in (
        "fysisk vold",
        "psykisk vold",
        "seksuell vold",
        "materiell vold",
        "latent vold",
        "økonomisk vold",
        "digital vold",
        "negativ sosial kontroll",
        "æresrelatert vold",
        "omsorgssvikt",
    ):
        assert form in headings, f"{form} is not defined"


def test_duties_cite_the_laws_as_the_sources_do(bundle: BundleContent) -> None:
    all_refs = [r for g in bundle.guides for s in g.sections for r in s.legal_refs]
    refs = {(r.law, r.section) for r in all_refs if r.provenance == "source"}
    assert ("straffeloven", "§ 196") in refs
    assert ("helse- og omsorgstjenesteloven", "§ 3-3 a") in refs
    assert any(law.startswith("barnevernloven") and sec == "§ 6-4 annet ledd" for law, sec in refs)
    # No seed cites barnevernsloven § 13-2: it must not appear as if a source said it; it is
    # there only as today's reference from general knowledge (tests/test_content_provenance.py).
    assert not any("13-2" in sec for _, sec in refs)
    assert any(r.section == "§ 13-2" and r.provenance == "general-knowledge" for r in all_refs)
