"""The `gjovik` bundle, checked against facts extracted once from seed 004.

tests/facts/phones_004.yaml lists every phone number the Gjøvik plan 2024–2027 prints (one entry
per occurrence, typos excluded with a reason); tests/facts/gjovik_measures.yaml lists its 29
tiltak with number, title and every printed status code. National numbers may be carried by the
`nasjonal` bundle; everything the gjovik bundle shows must be printed in the plan.
"""

from __future__ import annotations

import re
from typing import Any

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
)

from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.bundle_source import SourceLoadResult
from vnr_desktop.core.models import Contact
from vnr_desktop.core.phones import normalise_phone

SOURCE_ID = "gjovik-plan-2024-2027"
PLAN_ID = "handlingsplan-2024-2027"
PHONES: list[dict[str, Any]] = read_facts("phones_004.yaml")
MEASURES: list[dict[str, Any]] = read_facts("gjovik_measures.yaml")
STATUS_OF_CODE = {"I": "i_gang", "P": "planlagt", "F": "foreslatt"}
PROGRESS = ["foreslatt", "planlagt", "i_gang"]

COVERAGE = {
    "3407": "Gjøvik",
    "3442": "Østre Toten",
    "3443": "Vestre Toten",
    "3447": "Søndre Land",
    "3448": "Nordre Land",
}

# Numbers the plan prints for the region itself: these must be in the gjovik bundle, not left
# to the national one.
REGIONAL_NUMBERS = {
    "404 46 513": "stottesenter-innlandet",
    "800 40 008": "stottesenter-innlandet",
    "61 13 70 00": "legevakt",
    "61 18 95 44": "barnevernvakt",
    "61175560": "krisesenter",
    "46 61 71 50": "familievernkontor",
    "62 55 62 50": "statens-barnehus",
    "61 27 20 18": "overgrepsmottak",
    "61 27 22 16": "overgrepsmottak",
    "91 50 62 00": "bup-gjovik",
    "46 80 18 35": "slt-gjovik",
    "95 10 45 55": "konfliktradet",
    "62 00 08 80": "tannhelsetjenesten",
    "61 17 14 00": "nok-gjovik",
}


national, loaded, bundle = regional_fixtures("gjovik")


def _contact(bundle: BundleContent, contact_id: str) -> Contact:
    matches = [c for c in bundle.contacts if c.id == contact_id]
    assert len(matches) == 1, contact_id
    return matches[0]


def _printed() -> set[str]:
    return {normalise_phone(p["number"]) for p in PHONES if "exclude" not in p}


def _excluded() -> dict[str, str]:
    # Plain digits: a known-wrong number need not even be a dialable form (normalise_phone
    # refuses six-digit numbers outside 116 xxx, so "117 116" and "111 006" cannot be phones).
    return {p["number"]: re.sub(r"\D", "", p["number"]) for p in PHONES if "exclude" in p}


# --------------------------------------------------------------------------- the fact files


def test_facts_files_are_complete() -> None:
    # Guards against a truncated or edited fact file making the checks below vacuous.
    assert len(PHONES) == 44
    assert sorted(_excluded()) == ["111 006", "117 116"]
    assert all(p["exclude"].strip() for p in PHONES if "exclude" in p)
    assert len(_printed()) == 30
    assert set(REGIONAL_NUMBERS) <= {p["number"] for p in PHONES}
    assert [m["number"] for m in MEASURES] == [str(n) for n in range(1, 30)]
    for fact in MEASURES:
        codes = fact["printed"]
        assert codes and set(codes) <= set(STATUS_OF_CODE), fact
        # Never a rosier status than a part carries: the least advanced printed code.
        least_advanced = min((STATUS_OF_CODE[c] for c in codes), key=PROGRESS.index)
        assert fact["status"] == least_advanced, fact["number"]
    counts = {s: sum(1 for m in MEASURES if m["status"] == s) for s in PROGRESS}
    assert counts == {"i_gang": 9, "planlagt": 6, "foreslatt": 14}


# --------------------------------------------------------------------------- loading, manifest


def test_loads_strictly_without_errors_or_unexpected_warnings(loaded: SourceLoadResult) -> None:
    assert loaded.errors == [], "\n".join(str(d) for d in loaded.errors)
    unexpected = [d for d in loaded.warnings if d.code != "missing-number"]
    assert unexpected == [], "\n".join(str(d) for d in unexpected)


def test_manifest_and_provenance(bundle: BundleContent) -> None:
    manifest = bundle.manifest
    assert manifest.id == "gjovik"
    assert {m.number: m.name for m in manifest.municipalities} == COVERAGE
    (source,) = manifest.sources
    assert source.id == SOURCE_ID
    assert "2024–2027" in source.title
    assert all(item.provenance.source == SOURCE_ID for item in bundle.items())
    for contact in bundle.contacts:
        # Vedlegg 2: "Informasjonen er oppdatert per 1.12.2023".
        assert contact.provenance.as_of.isoformat() == "2023-12-01", contact.id


def test_source_entry_matches_the_national_bundle(
    bundle: BundleContent, national: BundleContent
) -> None:
    (mine,) = bundle.manifest.sources
    theirs = {s.id: s for s in national.manifest.sources}[SOURCE_ID]
    assert (mine.title, mine.publisher, mine.date) == (theirs.title, theirs.publisher, theirs.date)


# --------------------------------------------------------------------------- phone numbers


def test_every_printed_phone_number_is_carried(
    bundle: BundleContent, national: BundleContent
) -> None:
    regional = phone_digits(bundle.contacts)
    nationwide = phone_digits(national.contacts)
    for fact in PHONES:
        if "exclude" in fact:
            continue
        digits = normalise_phone(fact["number"])
        carriers = regional.get(digits, []) + nationwide.get(digits, [])
        assert carriers, f"{fact['number']} ({fact['context']}) is in no gjovik or nasjonal contact"
        shown = {number for _, number in carriers}
        assert fact["number"] in shown, f"{fact['number']} must be shown as printed, not {shown}"


def test_regional_numbers_are_in_this_bundle(bundle: BundleContent) -> None:
    regional = phone_digits(bundle.contacts)
    for number, contact_id in REGIONAL_NUMBERS.items():
        carriers = regional.get(normalise_phone(number), [])
        assert (contact_id, number) in carriers, f"{number} should be on gjovik:{contact_id}"


def test_no_number_is_invented(bundle: BundleContent) -> None:
    printed_forms = {p["number"] for p in PHONES if "exclude" not in p}
    for contact in bundle.contacts:
        for phone in contact.phones:
            assert phone.number in printed_forms, f"{contact.id}: {phone.number} is not printed"


def test_excluded_numbers_are_never_shown(bundle: BundleContent, national: BundleContent) -> None:
    shown = set(phone_digits(bundle.contacts)) | set(phone_digits(national.contacts))
    for number, digits in _excluded().items():
        assert digits not in shown, f"{number} is a known-wrong value but is a phone"


def _texts(bundle: BundleContent) -> list[tuple[str, str]]:
    """Every piece of prose a user reads (not ids, web addresses or provenance)."""
    texts: list[tuple[str, str]] = []
    for guide in bundle.guides:
        texts += [(guide.id, section_text(s)) for s in guide.sections]
    for plan in bundle.plans:
        texts += [(plan.id, " ".join([plan.summary or "", *plan.goals]))]
    for m in bundle.measures:
        texts += [
            (m.id, " ".join([m.title, m.goal or "", m.description or "", m.status_text or ""]))
        ]
    for c in bundle.contacts:
        texts += [(c.id, " ".join([c.name, c.description or "", c.no_phone_reason or ""]))]
    for r in bundle.resources:
        texts += [(r.id, " ".join([r.name, r.description or ""]))]
    return texts


_SIX_DIGITS = re.compile(r"(?<![\d,.])\d{3} \d{3}(?![\d,])")


def test_numbers_in_prose_are_printed_numbers(bundle: BundleContent) -> None:
    printed = _printed()
    excluded = _excluded()
    for where, text in _texts(bundle):
        for number, digits in excluded.items():
            assert number not in text and digits not in text.replace(" ", ""), (where, number)
        for run in phone_like_runs(text) + _SIX_DIGITS.findall(text):
            assert normalise_phone(run) in printed, f"{where}: {run} is not printed in the plan"


# --------------------------------------------------------------------------- contacts


def _primary(bundle: BundleContent, category: str) -> Contact:
    found = [c for c in bundle.contacts if c.category == category and "primary" in c.tags]
    assert len(found) == 1, f"{category}: {[c.id for c in found]}"
    return found[0]


def test_primary_contacts(bundle: BundleContent) -> None:
    expected = {
        "legevakt": ["116 117", "61 13 70 00"],
        "barnevernvakt": ["61 18 95 44"],
        "krisesenter": ["61175560"],
        "familievern": ["46 61 71 50"],
        "overgrepsmottak": ["61 27 20 18", "61 27 22 16"],
        "barnehus": ["62 55 62 50"],
    }
    for category, numbers in expected.items():
        assert [p.number for p in _primary(bundle, category).phones] == numbers, category
    assert not [c for c in bundle.contacts if c.category == "police"], "police is nasjonal's"


def test_acute_numbers_and_hours(bundle: BundleContent) -> None:
    vakt = _contact(bundle, "barnevernvakt").phones[0]
    assert (vakt.hours, vakt.sms) == ("hele døgnet", False)
    assert _contact(bundle, "krisesenter").phones[0].hours == "hele døgnet, hele året"
    so = {p.number: p.hours for p in _contact(bundle, "overgrepsmottak").phones}
    assert so == {"61 27 20 18": "dagtid", "61 27 22 16": "hele døgnet"}
    stotte = {p.number: p.sms for p in _contact(bundle, "stottesenter-innlandet").phones}
    assert stotte == {"404 46 513": False, "800 40 008": False}


def test_addresses_and_emails_as_printed(bundle: BundleContent) -> None:
    expected = {
        "krisesenter": ("post@krisesenteret-gjovik.no", None),
        "statens-barnehus": ("statensbarnehus.hamar@politiet.no", "Stasjonsvegen 1, 2322 Ridabu"),
        "stottesenter-innlandet": (
            "stottesenter.innlandet@politiet.no",
            "Vangsvegen 143 Fredvang, 2321 Hamar",
        ),
        "nok-gjovik": ("post@nokgjovik.no", "Glassverksgata 5, 2815 Gjøvik"),
        "konfliktradet": (None, "Storgata 14, 2815 Gjøvik"),
        "overgrepsmottak": (None, "Anders Sandviksgate 17, 2609 Lillehammer"),
    }
    for contact_id, (email, address_part) in expected.items():
        contact = _contact(bundle, contact_id)
        assert contact.email == email, contact_id
        if address_part:
            assert contact.address and address_part in contact.address, contact_id
    assert "Pb. 355, 2303 Hamar" in (_contact(bundle, "statens-barnehus").address or "")


def test_legevakt_typo_is_a_decided_conflict(bundle: BundleContent) -> None:
    legevakt = _contact(bundle, "legevakt")
    (conflict,) = legevakt.conflicts
    assert {v.value for v in conflict.values} == {"116 117", "117 116"}
    assert conflict.decision is not None and conflict.decision.chosen == "116 117"
    assert "116 117" in {p.number for p in legevakt.phones}


def test_barnevernvakt_conflicts_are_decided(bundle: BundleContent) -> None:
    vakt = _contact(bundle, "barnevernvakt")
    decided = {c.field: c.decision.chosen for c in vakt.conflicts if c.decision}
    assert decided == {
        "municipalities": "Gjøvik, Nordre Land og Søndre Land",
        "phones[0].hours": "hele døgnet",
    }
    # The confirmed coverage; Østre and Vestre Toten stay disputed (cards: "bekreft lokalt").
    assert vakt.municipalities == ["3407", "3447", "3448"]


def test_services_without_number_say_why(bundle: BundleContent) -> None:
    for contact_id in (
        "dps-akutteam",
        "habiliteringstjenesten",
        "fastlegen",
        "bti",
        "tryggest",
        "ung-i-gjovik",
        "imdi-mangfoldsradgiver",
    ):
        contact = _contact(bundle, contact_id)
        assert contact.phones == [] and contact.no_phone_reason, contact_id


def test_national_services_in_the_appendix_are_referenced(
    bundle: BundleContent, national: BundleContent
) -> None:
    refs = {ref for g in bundle.guides for s in g.sections for ref in s.contacts}
    for ref in refs:
        resolve_contact(ref, bundle, national)
    for national_id in (
        "nodnummer-politi",
        "nodnummer-ambulanse",
        "politi",
        "alarmtelefonen",
        "vo-linjen",
        "hjelpetelefonen-seksuelt-misbrukte",
        "rode-kors-telefonen",
        "jentevakta",
        "kirkens-sos",
        "barneombudet",
        "nav",
        "imdi",
        "kompetanseteamet",
        "ssmm",
        "sinnemestring-bufetat",
        "dixi",
        "atv",
        "jurk",
        "vern-for-eldre",
        "stottesenter-kriminalitetsutsatte",
    ):
        assert f"nasjonal:{national_id}" in refs, national_id
    own = {c.id for c in bundle.contacts}
    used = {r for r in refs if ":" not in r}
    assert own == used, f"contacts no guide lists: {sorted(own - used)}"


# --------------------------------------------------------------------------- plan and measures


def test_plan(bundle: BundleContent) -> None:
    (plan,) = bundle.plans
    assert plan.id == PLAN_ID
    assert (plan.period_start, plan.period_end) == (2024, 2027)
    assert set(plan.municipalities) == set(COVERAGE)
    assert [a.id for a in plan.focus_areas] == [
        "maalrettet-forebygging",
        "likeverdig-bistand",
        "saarbare-grupper",
        "andre-tiltak",
    ]


def test_exactly_29_measures_as_printed(bundle: BundleContent) -> None:
    measures = bundle.measures
    assert len(measures) == 29
    by_number = {m.number: m for m in measures}
    assert len(by_number) == 29
    for fact in MEASURES:
        m = by_number[fact["number"]]
        assert m.id == f"tiltak.{fact['number']}"
        assert m.plan == PLAN_ID
        assert normalise_text(m.title) == normalise_text(fact["title"]), m.id
        assert m.status in {"i_gang", "planlagt", "foreslatt"}
        assert m.status == fact["status"], m.id
        printed = [STATUS_OF_CODE[c.upper()] for c in fact["printed"]]
        # A measure with parts of different codes keeps every part's code (the GUI shows the
        # mix); one whose parts agree needs no list.
        if len(set(printed)) > 1:
            assert list(m.part_statuses) == printed, m.id
        else:
            assert m.part_statuses in ([], printed), m.id
        assert m.status_text and m.responsible and m.period, m.id
        assert m.deadline is None, "the plan gives years or 'løpende', never a date"


def test_measures_keep_their_groups(bundle: BundleContent) -> None:
    areas = {
        "maalrettet-forebygging": range(1, 7),
        "likeverdig-bistand": range(7, 13),
        "saarbare-grupper": range(13, 28),
        "andre-tiltak": range(28, 30),
    }
    for area, numbers in areas.items():
        mine = sorted(int(m.number) for m in bundle.measures if m.focus_area == area)
        assert mine == list(numbers), area
    sections = {m.number: m.section for m in bundle.measures}
    assert sections["6"] == "Informasjon"
    assert sections["21"] == "Eldre"
    assert sections["27"] == "Utøvere av vold og overgrep i nære relasjoner"


def test_multi_status_measures_name_every_printed_status(bundle: BundleContent) -> None:
    words = {"I": "i gang", "P": "planlagt", "F": "foreslått"}
    by_number = {m.number: m for m in bundle.measures}
    for fact in MEASURES:
        text = normalise_text(by_number[fact["number"]].status_text or "")
        for code in set(fact["printed"]):
            assert words[code] in text, (fact["number"], code)


# --------------------------------------------------------------------------- guides and resources


def test_guides_cover_forms_signs_risks_duties_and_languages(bundle: BundleContent) -> None:
    forms = "\n".join(
        section_text(s) for s in sections_of_kind(guide_by_id(bundle, "voldsformer"), "forms")
    )
    for form in (
        "Fysisk vold",
        "Psykisk vold",
        "Seksuell vold",
        "Materiell vold",
        "Latent vold",
        "Økonomisk vold",
        "Æresrelatert vold",
        "Menneskehandel",
        "Digital vold",
        "Negativ sosial kontroll",
        "Oppdragervold",
        "Å leve med vold i hjemmet",
    ):
        assert normalise_text(form) in forms, form

    signs_guide = guide_by_id(bundle, "tegn-og-risiko")
    signs = "\n".join(section_text(s) for s in sections_of_kind(signs_guide, "se"))
    for sign in (
        "Seksualisert atferd",
        "Ferdighetstap",
        "Endret bruk av sosiale medier",
        "Selvskading og selvmordsforsøk",
        "Rusmiddelproblemer",
        "Destruktiv eller grenseoverskridende atferd, reguleringsvansker",
    ):
        assert normalise_text(sign) in signs, sign
    risks = "\n".join(section_text(s) for s in sections_of_kind(signs_guide, "risk_factors"))
    for risk in (
        "fattigdom",
        "marginalisering",
        "rus og psykiatri",
        "tidligere voldsutsatt",
        "vold mot dyr",
        "LHBTIQ-personer",
    ):
        assert normalise_text(risk) in risks, risk
    handle = sections_of_kind(signs_guide, "handle")
    assert handle and "61 18 95 44" in section_text(handle[0])

    duties = guide_by_id(bundle, "plikter")
    refs = {(r.law, r.section) for s in duties.sections for r in s.legal_refs}
    for ref in [
        ("straffeloven", "§ 196"),
        ("straffeloven", "§ 282"),
        ("straffeloven", "§ 271"),
        ("straffeloven", "§ 274"),
        ("straffeloven", "§ 168"),
        ("straffeloven", "§ 266"),
        ("forskrift om pasientjournal", "§ 8 bokstav b"),
        ("menneskerettsloven", "§ 2, jf. § 3"),
    ]:
        assert ref in refs, ref
    assert "fengsel inntil 1 år" in "\n".join(section_text(s) for s in duties.sections)

    languages = guide_by_id(bundle, "hjelp-andre-sprak")
    assert any(
        "protective child services 61 18 95 44" in section_text(s) for s in languages.sections
    )


def test_guides_reach_the_acute_numbers(bundle: BundleContent, national: BundleContent) -> None:
    guide = guide_by_id(bundle, "tegn-og-risiko")
    reachable = {
        phone.number
        for section in sections_of_kind(guide, "handle")
        for ref in section.contacts
        for phone in resolve_contact(ref, bundle, national).phones
    }
    assert {"112", "113", "61 18 95 44", "116 117", "61175560", "61 27 22 16"} <= reachable


def test_training_resources_of_vedlegg_1(bundle: BundleContent) -> None:
    names = {normalise_text(r.name) for r in bundle.resources}
    for expected in (
        "Plikt.no – veileder i avvergingsplikten",
        "Snakke med barn",
        "Jeg vet",
        "Opplæringsprogrammet Tidlig inn",
        "Våg å se – våg å handle",
        "Trygg oppvekst",
        "RITE – risikovurderingsverktøy",
        "Hjemme verst (film)",
    ):
        assert normalise_text(expected) in names, expected
    assert len(bundle.resources) == 50
    for resource in bundle.resources:
        assert resource.provenance.section, resource.id
