"""Helpers shared by the regional content tests (hallingdal, hamar).

Loads a built-in bundle with its ``nasjonal:`` references resolved against the built-in
national bundle, reads the fact files under tests/facts, and flattens guide sections to text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.bundle_source import SourceLoadResult, load_bundle_dir
from vnr_desktop.core.models import Contact, Guide, GuideSection
from vnr_desktop.core.phones import normalise_phone
from vnr_desktop.core.resources import builtin_bundle_dir

FACTS_DIR = Path(__file__).parent / "facts"
NATIONAL = "nasjonal"


def read_facts(name: str) -> Any:
    return yaml.safe_load((FACTS_DIR / name).read_text(encoding="utf-8"))


def load_national() -> BundleContent:
    result = load_bundle_dir(builtin_bundle_dir(NATIONAL))
    assert result.bundle is not None, "\n".join(str(d) for d in result.errors)
    return result.bundle


def load_regional(bundle_id: str, national: BundleContent) -> SourceLoadResult:
    """Load a regional bundle strictly, checking its ``nasjonal:`` references."""
    national_ids = {item.id for item in national.items()}

    def external_ids(other: str) -> set[str] | None:
        return national_ids if other == NATIONAL else None

    return load_bundle_dir(builtin_bundle_dir(bundle_id), strict=True, external_ids=external_ids)


def phone_digits(contacts: list[Contact]) -> dict[str, list[tuple[str, str]]]:
    """Normalised digits -> [(contact id, number as displayed)] for every phone."""
    index: dict[str, list[tuple[str, str]]] = {}
    for contact in contacts:
        for phone in contact.phones:
            index.setdefault(phone.digits, []).append((contact.id, phone.number))
    return index


def resolve_contact(ref: str, own: BundleContent, national: BundleContent) -> Contact:
    bundle, _, target = ref.rpartition(":")
    source = national if bundle == NATIONAL else own
    assert bundle in {"", own.id, NATIONAL}, f"unexpected bundle in reference {ref!r}"
    matches = [c for c in source.contacts if c.id == target]
    assert len(matches) == 1, f"reference {ref!r} does not resolve to one contact"
    return matches[0]


_ELLIPSIS = re.compile(r"\.\.\.|…")
_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Case-folded, ellipses unified, whitespace collapsed (for 'contains' checks)."""
    return _SPACE.sub(" ", _ELLIPSIS.sub("…", text)).strip().casefold()


def section_text(section: GuideSection) -> str:
    parts: list[str] = [section.title, section.intro or ""]
    for block in section.blocks:
        parts += [block.heading or "", block.text or "", *block.items]
    for ref in section.legal_refs:
        parts += [ref.law, ref.section, ref.title or "", ref.summary or ""]
    return normalise_text("\n".join(parts))


def sections_of_kind(guide: Guide, kind: str) -> list[GuideSection]:
    return [s for s in guide.sections if s.kind == kind]


def guide_by_id(bundle: BundleContent, guide_id: str) -> Guide:
    matches = [g for g in bundle.guides if g.id == guide_id]
    assert len(matches) == 1, f"guide {guide_id!r} missing or duplicated"
    return matches[0]


_DIGIT_RUN = re.compile(r"(?<![\d,.])\d(?:[\d ]*\d)?(?![\d,])")


def strings_in(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_in(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings_in(v)]
    return []


def phone_like_runs(text: str) -> list[str]:
    """Digit runs (spaces allowed) that read as an 8-digit Norwegian phone number."""
    found = []
    for run in _DIGIT_RUN.findall(text):
        digits = run.replace(" ", "")
        if len(digits) == 8:
            normalise_phone(run)
            found.append(run)
    return found


def regional_fixtures(bundle_id: str) -> tuple[Any, Any, Any]:
    """The module-scoped fixtures every regional content test uses: ``national`` (the nasjonal
    bundle), ``loaded`` (the region's load result, cross-bundle refs checked against
    nasjonal) and ``bundle`` (its content, failing with the errors when it does not load).

    Use as ``national, loaded, bundle = regional_fixtures("gjovik")`` at module level.
    """

    @pytest.fixture(scope="module", name="national")
    def national() -> BundleContent:
        return load_national()

    @pytest.fixture(scope="module", name="loaded")
    def loaded(national: BundleContent) -> SourceLoadResult:
        return load_regional(bundle_id, national)

    @pytest.fixture(scope="module", name="bundle")
    def bundle(loaded: SourceLoadResult) -> BundleContent:
        assert loaded.bundle is not None, "\n".join(str(d) for d in loaded.errors)
        return loaded.bundle

    return national, loaded, bundle
