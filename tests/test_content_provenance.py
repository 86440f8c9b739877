"""What comes from general knowledge says so; what a source cites as law stays the source's.

- Legal references: a source's reference to a repealed or renumbered provision is kept as the
  source printed it and marked outdated; today's reference (only those the project is certain
  of) is added with provenance kind general-knowledge, and both GUI and CLI label each kind.
- Municipalities: names and kommunenummer no source prints are marked general-knowledge, and
  the reader is told so (plan page, CLI). 3322 is Nesbyen (renamed from Nes in 2020).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.bundle_source import load_bundle_dir
from vnr_desktop.core.models import Guide, LegalRef
from vnr_desktop.core.provenance import coverage_note, legal_ref_line
from vnr_desktop.core.resources import builtin_bundle_dir

BUNDLES = ("nasjonal", "hallingdal", "hamar", "gjovik")
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SEED_OF_SOURCE = {
    "hallingdal-plan-2021-2024": "000_",
    "veileder-kommunale-planer-2008": "001_",
    "hamar-plan-2023-2026": "002_",
    "nasjonal-handlingsplan-2014-2017-rapport": "003_",
    "gjovik-plan-2024-2027": "004_",
}

# Provisions the sources cite that are repealed or renumbered (issue 12): (law pattern, section).
OUTDATED = [
    (r"kjønnslemlestelse", r"§ 2"),
    (r"^opplæringsloven", r"§ 9a"),
    (r"^opplæringsloven", r"§ 15-3"),
    (r"^straffeloven", r"§ 219"),
    (r"^straffeloven \(eldre lov\)", r"§ 139"),
    (r"^barnevernloven", r"§ 6-4"),
]
# Today's references the project states as general knowledge: only those it is certain of.
CERTAIN_CURRENT = {("straffeloven", "§ 284"), ("barnevernsloven", "§ 13-2")}
# Prose that names an outdated provision must say so in the same text.
OUTDATED_IN_PROSE = re.compile(
    r"kjønnslemlestelse § 2\b|opplæringsloven § 9a|§ ?219\b|§ 139\b|§ 15-3\b|§ 6-4\b"
)
SAYS_OUTDATED = re.compile(r"opphevet|eldre|1902|utdatert|gammel", re.I)


def _bundle(bundle_id: str) -> BundleContent:
    result = load_bundle_dir(builtin_bundle_dir(bundle_id))
    assert result.bundle is not None, "\n".join(str(d) for d in result.errors)
    return result.bundle


def _refs(bundle: BundleContent) -> list[tuple[Guide, int, LegalRef]]:
    return [
        (g, i, r) for g in bundle.guides for i, s in enumerate(g.sections) for r in s.legal_refs
    ]


@pytest.mark.parametrize("bundle_id", BUNDLES)
def test_outdated_references_are_marked_and_current_ones_are_certain(bundle_id: str) -> None:
    for guide, _i, ref in _refs(_bundle(bundle_id)):
        is_old = any(
            re.search(law, ref.law) and ref.section.startswith(sec) for law, sec in OUTDATED
        )
        assert ref.outdated == is_old, (guide.id, ref.law, ref.section)
        if ref.provenance == "general-knowledge":
            assert (ref.law, ref.section) in CERTAIN_CURRENT, (guide.id, ref.law, ref.section)


def test_todays_reference_stands_beside_the_sources_outdated_one() -> None:
    nasjonal = _bundle("nasjonal")
    by_section: dict[tuple[str, int], list[LegalRef]] = {}
    for guide, i, ref in _refs(nasjonal):
        by_section.setdefault((guide.id, i), []).append(ref)
    fgm_sections = [
        refs
        for refs in by_section.values()
        if any("kjønnslemlestelse" in r.law and r.outdated for r in refs)
    ]
    assert len(fgm_sections) == 2  # veileder.plikter and the honour-violence guide
    for refs in fgm_sections:
        assert any(
            (r.law, r.section, r.provenance) == ("straffeloven", "§ 284", "general-knowledge")
            for r in refs
        )
        assert any((r.law, r.section) == ("straffeloven", "§ 196") for r in refs)
    duty = [
        refs for refs in by_section.values() if any(r.section == "§ 6-4 annet ledd" for r in refs)
    ]
    assert len(duty) == 1
    assert any(
        (r.law, r.section, r.provenance) == ("barnevernsloven", "§ 13-2", "general-knowledge")
        for r in duty[0]
    )


@pytest.mark.parametrize("bundle_id", BUNDLES)
def test_prose_naming_an_outdated_provision_says_so(bundle_id: str) -> None:
    bundle = _bundle(bundle_id)
    texts: list[tuple[str, str]] = []
    for g in bundle.guides:
        for s in g.sections:
            texts += [(g.id, s.intro or "")]
            texts += [(g.id, b.text or "") for b in s.blocks]
            texts += [(g.id, x) for b in s.blocks for x in b.items]
            texts += [(g.id, f"{r.law} {r.section} {r.summary or ''}") for r in s.legal_refs]
    texts += [(r.id, r.description or "") for r in bundle.resources]
    # The 2014–2017 plan's measures report work done under the old act (tiltak 30 evaluated
    # § 219 itself); they are a 2018 report's record, not advice.
    found = [
        f"{where}: {text!r}"
        for where, text in texts
        if OUTDATED_IN_PROSE.search(text) and not SAYS_OUTDATED.search(text)
    ]
    assert not found, "\n".join(found)


def test_labels_tell_the_kinds_apart() -> None:
    old = LegalRef(law="lov om forbud mot kjønnslemlestelse", section="§ 2", outdated=True)
    new = LegalRef(law="straffeloven", section="§ 284", provenance="general-knowledge")
    plain = LegalRef(law="straffeloven", section="§ 196")
    assert "utdatert" in legal_ref_line(old)
    assert "allmenn kunnskap, ikke fra kildedokumentet" in legal_ref_line(new)
    assert legal_ref_line(plain) == "straffeloven § 196"
    with pytest.raises(ValueError, match="never outdated"):
        LegalRef(law="x", section="§ 1", outdated=True, provenance="general-knowledge")


# --------------------------------------------------------------------------- municipalities


def test_3322_is_nesbyen() -> None:
    coverage = {m.number: m.name for m in _bundle("hallingdal").manifest.municipalities}
    assert coverage["3322"] == "Nesbyen"
    assert "Nes" not in _bundle("hallingdal").manifest.aliases


@pytest.mark.parametrize("bundle_id", ["hallingdal", "hamar", "gjovik"])
def test_names_and_numbers_no_source_prints_are_general_knowledge(bundle_id: str) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"source documents not found at {SEEDS} (CI has them beside the clone)")
    manifest = _bundle(bundle_id).manifest
    text = ""
    for source in manifest.sources:
        (seed,) = SEEDS.glob(SEED_OF_SOURCE[source.id] + "*.txt")
        text += seed.read_text(encoding="utf-8")
    for m in manifest.municipalities:
        number_printed = re.search(rf"(?<!\d){m.number}(?!\d)", text) is not None
        name_printed = re.search(rf"(?<!\w){re.escape(m.name)}(?!\w)", text) is not None
        assert (m.number_provenance == "source") == number_printed, (m.number, m.name)
        assert (m.name_provenance == "source") == name_printed, (m.number, m.name)
    assert coverage_note(manifest), "the reader must be told"
