"""Text a user reads never shows a rejected value or an internal field name.

Scans every user-visible string of every built-in bundle (descriptions, no_phone_reason, conflict
decisions and notes, guide text, measure and plan text, provenance sections and notes) for

- a value a conflict rejected (a misprinted number such as "117 116"), in any spelling: spaced,
  run together, with dots or dashes; text values as whole words, case-insensitively;
- the model's field names ("phones[0]", "municipalities", "no_phone_reason", ...).

The one place a rejected value may stand is the conflict's own list of values and their notes
(the record of what the source printed), which the app does not show. A rejected number is
looked for in every item of every bundle, unless it is another contact's real number (then in
its own contact); a rejected text value ("kveldstid og i helger") in its own contact's conflict
explanations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.bundle_source import load_bundle_dir
from vnr_desktop.core.models import Contact, Guide, Measure, Plan, Resource
from vnr_desktop.core.resources import builtin_bundle_dir

BUNDLES = ("nasjonal", "hallingdal", "hamar", "gjovik")

FIELD_NAMES = re.compile(
    r"\w+\[\d+\]"  # phones[0], values[1].hours
    r"|\b(?:phones|municipalities|no_phone_reason|availability|as_of|legal_refs|part_statuses"
    r"|status_text|focus_area|period_start|period_end|serves|provenance)\b"
    r"|\b[a-z]+_[a-z_]+\b(?=\s*[:=])"  # snake_case field: value
    r"|\b(?:nasjonal|hallingdal|hamar|gjovik):[a-z]"  # an item reference (nasjonal:legevakt)
)


def _bundles() -> list[BundleContent]:
    out = []
    for name in BUNDLES:
        result = load_bundle_dir(builtin_bundle_dir(name))
        assert result.bundle is not None, "\n".join(str(d) for d in result.errors)
        out.append(result.bundle)
    return out


def _visible(item: object) -> Iterator[tuple[str, str]]:
    """(where, text) for every string the app shows of an item."""
    prov = item.provenance  # type: ignore[attr-defined]
    yield "provenance.section", prov.section
    if prov.note:
        yield "provenance.note", prov.note
    if isinstance(item, Contact):
        for k in ("name", "description", "no_phone_reason", "address"):
            if getattr(item, k):
                yield k, getattr(item, k)
        for phone in item.phones:
            for k in ("label", "hours"):
                if getattr(phone, k):
                    yield f"phone.{k}", getattr(phone, k)
        for conflict in item.conflicts:
            if conflict.decision:
                yield "conflict.reason", conflict.decision.reason
                yield "conflict.chosen", conflict.decision.chosen
    elif isinstance(item, Guide):
        yield from (("guide", t) for t in (item.title, item.summary or "") if t)
        for s in item.sections:
            yield "section", "\n".join([s.title, s.intro or ""])
            for b in s.blocks:
                yield "block", "\n".join([b.heading or "", b.text or "", *b.items])
            for ref in s.legal_refs:
                yield (
                    "legal_ref",
                    " ".join([ref.law, ref.section, ref.title or "", ref.summary or ""]),
                )
    elif isinstance(item, Measure):
        for k in ("title", "goal", "description", "status_text", "target_group", "period"):
            if getattr(item, k):
                yield k, getattr(item, k)
    elif isinstance(item, Plan):
        yield from (("plan", t) for t in (item.title, item.summary or "", *item.goals) if t)
    elif isinstance(item, Resource):
        yield from (("resource", t) for t in (item.name, item.description or "") if t)


def _digits(value: str) -> str | None:
    """The digits of a value written as a number (even one no phone rule accepts, like a
    misprint), else None."""
    if re.fullmatch(r"\+?[\d .\-\u00a0]+", value.strip()):
        return re.sub(r"\D", "", value)
    return None


def _contains_number(text: str, digits: str) -> bool:
    """The number in any spelling: digit groups separated by spaces, dots or dashes, or none."""
    pattern = r"(?<![\d])" + r"[ .\-\u00a0]?".join(digits) + r"(?![\d])"
    return re.search(pattern, text) is not None


def _rejected(bundles: list[BundleContent]) -> list[tuple[str, str]]:
    """(owning item ref, value) for every value a conflict did not choose."""
    out = []
    for bundle in bundles:
        for contact in bundle.contacts:
            for conflict in contact.conflicts:
                chosen = conflict.decision.chosen if conflict.decision else None
                for v in conflict.values:
                    if v.value != chosen:
                        out.append((f"{bundle.id}:{contact.id}", v.value))
    return out


def test_the_scan_finds_what_it_looks_for() -> None:
    assert _contains_number("ring 117116 nå", "117116")
    assert _contains_number("117 116 skal aldri trykkes", "117116")
    assert _contains_number("117-116", "117116")
    assert not _contains_number("116 117", "117116")
    assert FIELD_NAMES.search("Kildene er uenige om phones[0].")
    assert FIELD_NAMES.search("om municipalities")
    assert FIELD_NAMES.search("(se nasjonal:legevakt)")
    assert not FIELD_NAMES.search("Kildene er uenige om telefonnummeret.")


def test_rejected_values_never_reach_text_a_user_reads() -> None:
    bundles = _bundles()
    rejected = _rejected(bundles)
    assert any(_digits(v) == "117116" for _c, v in rejected), "the scan lost its known case"
    real = {p.digits.removeprefix("+") for b in bundles for c in b.contacts for p in c.phones}
    found = []
    for bundle in bundles:
        for item in bundle.items():
            ref = f"{bundle.id}:{item.id}"
            for where, text in _visible(item):
                for owner, value in rejected:
                    digits = _digits(value)
                    if (not digits or digits in real) and owner != ref:
                        continue
                    if not digits and not where.startswith("conflict."):
                        continue  # "akutt" may describe a situation elsewhere
                    if digits:
                        hit = _contains_number(text, digits)
                    else:
                        hit = re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text, re.I) is not None
                    if hit:
                        found.append(
                            f"{bundle.id}:{item.id} {where}: {value!r} (rejected in {owner})"
                        )
    assert not found, "\n".join(found)


@pytest.mark.parametrize("bundle_id", BUNDLES)
def test_no_internal_field_names_in_text_a_user_reads(bundle_id: str) -> None:
    bundle = next(b for b in _bundles() if b.id == bundle_id)
    found = [
        f"{item.id} {where}: {m.group(0)!r}"
        for item in bundle.items()
        for where, text in _visible(item)
        for m in FIELD_NAMES.finditer(text)
    ]
    assert not found, "\n".join(found)
