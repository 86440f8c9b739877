"""The `hamar` bundle, checked against facts extracted once from seed 002.

The 15 tiltak (number, avsnitt, målgruppe, ansvar, frist) are copied below from the plan's
overview table and the «Ansvar:»/«Frist:» lines under each «Tiltak N:» in its text.
tests/facts/phones_002.yaml lists every phone number the plan prints.
"""

from __future__ import annotations

from datetime import date
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
    strings_in,
)

from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.bundle_source import SourceLoadResult
from vnr_desktop.core.models import Measure
from vnr_desktop.core.phones import normalise_phone

SOURCE_ID = "hamar-plan-2023-2026"
PLAN_ID = "plan-2023-2026"
PHONES: list[dict[str, Any]] = read_facts("phones_002.yaml")

COVERAGE = {
    "3403": "Hamar",
    "3420": "Elverum",
    "3425": "Engerdal",
    "3412": "Løten",
    "3411": "Ringsaker",
    "3413": "Stange",
    "3421": "Trysil",
    "3419": "Våler",
    "3422": "Åmot",
}

AVKLARES = "Avklares i den enkelte kommune"
# number: (avsnitt, målgruppe, ansvar as printed, frist or None when the plan prints none)
MEASURES: dict[str, tuple[str, str, str, date | None]] = {
    "1": ("3.1.1", "Ansatte", AVKLARES, date(2023, 12, 31)),
    "2": ("3.2.1", "Foreldre", AVKLARES, date(2023, 12, 31)),
    "3": ("3.2.2", "Foreldre", AVKLARES, date(2023, 12, 31)),
    "4": ("3.2.3", "Informasjon til barn", AVKLARES, date(2023, 12, 31)),
    "5": ("3.2.4", "Ansatte", AVKLARES, date(2023, 12, 31)),
    "6": ("3.2.5", "Ansatte barnevern", "Kommunal barnevernleder", date(2023, 12, 31)),
    "7": ("3.3.1", "Voldsutøvere", AVKLARES, date(2024, 12, 31)),
    "8": ("3.4.1", "Risikoutsatte voksne", AVKLARES, date(2023, 6, 30)),
    "9": (
        "3.4.2",
        "Samarbeid",
        "Arbeidsgruppa utpeker to eller tre deltakere fra gruppa til å følge opp tiltaket",
        date(2023, 6, 30),
    ),
    "10": ("3.5.1", "Samarbeid", "Krisesenterets leder", date(2023, 5, 1)),
    "11": ("3.5.2", "Utsatte", AVKLARES, date(2023, 12, 31)),
    "12": ("3.5.3", "Befolkningen og ansatte", "Den enkelte kommune", date(2023, 12, 31)),
    "13": ("3.6.1", "Ansatte", "Den enkelte kommune", None),
    "14": ("5.1", "Implementering", "Ansvarlig kommunalsjef i den enkelte kommune", None),
    "15": (
        "5.2",
        "Revidering",
        "Kommunedirektørene utpeker en koordinator for revisjon av handlingsplanen",
        date(2027, 6, 30),
    ),
}


national, loaded, bundle = regional_fixtures("hamar")


@pytest.fixture(scope="module")
def measures(bundle: BundleContent) -> list[Measure]:
    return [m for m in bundle.measures if m.plan == PLAN_ID]


def test_loads_strictly_without_errors_or_unexpected_warnings(loaded: SourceLoadResult) -> None:
    assert loaded.errors == [], "\n".join(str(d) for d in loaded.errors)
    unexpected = [d for d in loaded.warnings if d.code != "missing-number"]
    assert unexpected == [], "\n".join(str(d) for d in unexpected)


def test_manifest(bundle: BundleContent) -> None:
    manifest = bundle.manifest
    assert manifest.id == "hamar"
    assert {m.number: m.name for m in manifest.municipalities} == COVERAGE
    assert [s.id for s in manifest.sources] == [SOURCE_ID]
    assert all(item.provenance.source == SOURCE_ID for item in bundle.items())


def test_exactly_15_measures_numbered_1_to_15(measures: list[Measure]) -> None:
    assert len(measures) == 15
    assert [m.number for m in measures] == [str(n) for n in range(1, 16)]
    assert [m.id for m in measures] == [f"tiltak.{n}" for n in range(1, 16)]


def test_measures_carry_section_target_group_responsible_and_deadline(
    measures: list[Measure],
) -> None:
    wrong = []
    for m in measures:
        section, target, responsible, deadline = MEASURES[m.number]
        got = (m.section, m.target_group, m.responsible, m.deadline)
        if got != (section, target, [responsible], deadline):
            wrong.append((m.number, got))
        if deadline is None:
            assert m.period, f"tiltak {m.number}: no Frist printed, the period must say when"
            assert m.provenance.note and "ingen frist" in m.provenance.note
        assert m.status == "ukjent", "the plan reports no progress"
        assert m.provenance.section.startswith(f"Tiltak {m.number} ")
    assert wrong == []


def test_the_duplicated_tiltak_2_heading_is_one_measure(measures: list[Measure]) -> None:
    twos = [m for m in measures if m.number == "2"]
    assert len(twos) == 1
    assert twos[0].title.startswith("Informasjonsstrategi som sikrer tidlig informasjon")
    assert twos[0].deadline == date(2023, 12, 31)


def test_measures_sit_in_their_chapters(bundle: BundleContent, measures: list[Measure]) -> None:
    (plan,) = bundle.plans
    assert (plan.period_start, plan.period_end) == (2023, 2026)
    assert set(plan.municipalities) == set(COVERAGE)
    chapter_of_area = {a.id: a.title.split(" ")[0] for a in plan.focus_areas}
    for m in measures:
        assert m.focus_area is not None
        assert m.section is not None
        chapter = chapter_of_area[m.focus_area]
        assert m.section.startswith(chapter + "."), (m.number, m.section, chapter)


def test_every_printed_phone_number_is_carried(
    bundle: BundleContent, national: BundleContent
) -> None:
    regional = phone_digits(bundle.contacts)
    nationwide = phone_digits(national.contacts)
    carried = 0
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
        assert fact["number"] in {n for _, n in carriers}, "shown as printed"
        carried += 1
    assert carried == 1, "the plan prints exactly one phone number (Kompetanseteamet)"


def test_no_number_is_invented(bundle: BundleContent) -> None:
    # The Hamar plan prints no number for any regional service: every contact here has none.
    for contact in bundle.contacts:
        assert contact.phones == [], f"{contact.id}: the plan prints no number for it"
        assert contact.no_phone_reason, contact.id


def test_hamar_krisesenter_has_no_number_and_is_primary(bundle: BundleContent) -> None:
    krisesenter = next(c for c in bundle.contacts if c.id == "krisesenter")
    assert krisesenter.name == "Hamar krisesenter"
    assert krisesenter.phones == []
    assert "oppgir ikke telefonnummer" in (krisesenter.no_phone_reason or "")
    assert "primary" in krisesenter.tags
    primaries = [c.category for c in bundle.contacts if "primary" in c.tags]
    assert len(primaries) == len(set(primaries))


def test_kompetanseteamet_is_reached_through_the_national_bundle(
    bundle: BundleContent, national: BundleContent
) -> None:
    refs = [ref for g in bundle.guides for s in g.sections for ref in s.contacts]
    assert "nasjonal:kompetanseteamet" in refs
    team = resolve_contact("nasjonal:kompetanseteamet", bundle, national)
    assert [p.number for p in team.phones] == ["478 090 50"]
    assert team.phones[0].hours == "mandag–fredag kl. 9–15"


def test_programmes_are_resources_with_descriptions(bundle: BundleContent) -> None:
    by_id = {r.id: r for r in bundle.resources}
    for rid in (
        "icdp",
        "de-utrolige-arene",
        "tibir",
        "cos",
        "litt-sint",
        "sinnemestring-broset",
        "pmto",
        "tryggest",
        "tidlig-inn",
        "eea",
    ):
        assert rid in by_id, rid
        assert by_id[rid].description, rid
    # web addresses only where the plan prints one
    assert by_id["icdp"].web == "https://www.icdp.no/language/nb/"
    assert by_id["tibir"].web == "https://www.nubu.no/TIBIR/"
    assert by_id["pmto"].web is None


def test_laws_and_conventions_guide(bundle: BundleContent) -> None:
    guide = guide_by_id(bundle, "hamar.plikter")
    refs = {(r.law, r.section) for s in guide.sections for r in s.legal_refs}
    assert {
        ("barneloven", "§ 30, 3. ledd"),
        ("barnevernsloven", "§§ 1-1, 15-1"),
        ("helse- og omsorgstjenesteloven", "§ 3-3 a"),
        ("folkehelseloven", "§ 4"),
        ("straffeloven", "§ 282"),
        ("integreringsloven", "§ 14"),
    } <= refs
    text = "\n".join(section_text(s) for s in guide.sections)
    for name in (
        "Krisesenterloven",
        "Familievernkontorloven",
        "NAV-loven",
        "Sosialtjenesteloven",
        "Prop. 100 L (2020–2021)",
        "FNs barnekonvensjon",
        "Istanbulkonvensjonen",
        "Lanzarotekonvensjonen",
    ):
        assert normalise_text(name) in text, name
    assert all(s.kind == "duties" for s in guide.sections)


def test_no_phone_number_hides_in_texts(bundle: BundleContent) -> None:
    dumps = [i.model_dump(mode="json") for i in [*bundle.guides, *bundle.plans]]
    dumps += [i.model_dump(mode="json") for i in [*bundle.measures, *bundle.resources]]
    dumps += [c.model_dump(mode="json", exclude={"phones"}) for c in bundle.contacts]
    found = [run for d in dumps for s in strings_in(d) for run in phone_like_runs(s)]
    assert found == []
