"""Words for where a statement comes from, when it is not a source document.

The project adds a few facts no source prints: official kommunenummer and municipality names,
and today's legal references where a source cites a repealed or renumbered one. Those carry the
provenance kind ``general-knowledge`` (core/models.py) and every view says so to the reader with
the sentences built here (bokmål, like the content).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vnr_desktop.core.models import LegalRef, Manifest

GENERAL_KNOWLEDGE_NB = "allmenn kunnskap, ikke fra kildedokumentet"
"""How a general-knowledge statement is labelled wherever it is shown."""


def coverage_note(manifest: Manifest) -> str | None:
    """A sentence saying which municipality names and numbers no source prints, or None."""
    munis = manifest.municipalities
    numbers = [m for m in munis if m.number_provenance == "general-knowledge"]
    names = [m for m in munis if m.name_provenance == "general-knowledge"]
    if not numbers and not names:
        return None
    if names and len(names) == len(numbers) == len(munis):
        what = "Kommunenavnene og kommunenumrene"
    elif numbers and len(numbers) == len(munis) and not names:
        what = "Kommunenumrene"
    else:
        listed = sorted({f"{m.name} ({m.number})" for m in [*numbers, *names]})
        what = "Navn eller nummer for " + ", ".join(listed)
    return (
        f"{what} står ikke i kildedokumentet. VNR Desktop har lagt dem til fra offentlige "
        f"registre ({GENERAL_KNOWLEDGE_NB})."
    )


def municipalities_line(manifest: Manifest) -> str:
    """'Flå (3320), Nesbyen (3322), …' in the manifest's order."""
    return ", ".join(f"{m.name} ({m.number})" for m in manifest.municipalities)


OUTDATED_NB = "slik kilden viser til den; henvisningen er utdatert"
CURRENT_NB = f"dagens henvisning – {GENERAL_KNOWLEDGE_NB}"


def legal_ref_note(ref: LegalRef) -> str | None:
    """Which kind of reference this is, when it is not simply a source's current one."""
    if ref.provenance == "general-knowledge":
        return CURRENT_NB
    if ref.outdated:
        return OUTDATED_NB
    return None


def legal_ref_line(ref: LegalRef) -> str:
    """One line of text: 'straffeloven § 284 – Kjønnslemlestelse (dagens henvisning – …)'."""
    text = f"{ref.law} {ref.section}"
    if ref.title:
        text += f" – {ref.title}"
    note = legal_ref_note(ref)
    return f"{text} ({note})" if note else text
