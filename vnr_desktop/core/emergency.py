"""The emergency strip's numbers: which contacts, which of their numbers, in which order.

The strip is the first thing a person reads, so the choice lives in the core, once: the five
national numbers by their digits, then the user's region's krisesenter and barnevernvakt (its
primary contact of the first category that has a number). Which of a contact's numbers may be
shown is :func:`vnr_desktop.core.phones.phones_to_show`, the rule cards, search and the CLI
use. An entry carries everything the strip displays as plain text, so the first screen can
show it without loading the content models (:mod:`vnr_desktop.core.first_screen`).

This module imports no content models at run time: it reads the contacts it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from vnr_desktop.core.ids import NATIONAL_BUNDLE
from vnr_desktop.core.phones import phones_to_show, same_number

if TYPE_CHECKING:
    from vnr_desktop.core.models import Contact, Phone

NATIONAL_STRIP_NUMBERS: tuple[str, ...] = ("112", "113", "02800", "116117", "116111")
"""Which national numbers the strip shows, as digits, in this order.

These are selection keys only: the strip displays the number, label, hours and source as the
installed content gives them, and leaves a slot out when the content has no such number.
"""

REGIONAL_STRIP_CATEGORIES: tuple[tuple[str, ...], ...] = (
    ("krisesenter",),
    ("barnevernvakt", "barnevern"),
)
"""The region's own numbers: its primary contact of the first category found."""


@dataclass(frozen=True)
class StripEntry:
    """One number on the strip, as the person sees it."""

    ref: str
    name: str
    number: str
    """The display form (``core.phones``), e.g. ``61 17 55 60``."""
    digits: str
    slot: str
    """``national`` or the regional category it fills."""
    label: str | None
    hours: str | None
    source: str
    """The source document's title (or its id when the manifest lacks it)."""
    section: str
    as_of: str
    """The as-of date as precisely as the source states it."""

    @property
    def key(self) -> str:
        """What the strip orders and names chips by: the digits, or the regional slot."""
        return self.digits if self.slot == "national" else self.slot

    def to_dict(self) -> dict[str, str | None]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StripEntry:
        """An entry from ``to_dict``'s JSON, as read back (values unchecked: our own cache)."""
        return cls(**data)


SourceTitle = Callable[[str, str], str]
"""``(bundle_id, source_id) -> title`` for a contact's provenance."""
AsOfText = Callable[["Contact"], str]


def strip_entries(
    contacts: Iterable[tuple[str, Contact]],
    *,
    region: str | None,
    municipality: str | None,
    source_title: SourceTitle,
    as_of_text: AsOfText,
) -> list[StripEntry]:
    """The strip for a user in ``region`` (bundle id) and ``municipality`` (kommunenummer)."""
    by_bundle: dict[str, list[tuple[str, Contact]]] = {}
    for ref, contact in sorted(contacts, key=lambda t: t[0]):
        by_bundle.setdefault(ref.partition(":")[0], []).append((ref, contact))

    def entry(ref: str, contact: Contact, phone: Phone, slot: str) -> StripEntry:
        prov = contact.provenance
        return StripEntry(
            ref=ref,
            name=contact.name,
            number=phone.display,
            digits=phone.digits,
            slot=slot,
            label=phone.label,
            hours=phone.hours,
            source=source_title(ref.partition(":")[0], prov.source),
            section=prov.section,
            as_of=as_of_text(contact),
        )

    entries: list[StripEntry] = []
    national = by_bundle.get(NATIONAL_BUNDLE, [])
    for digits in NATIONAL_STRIP_NUMBERS:
        found = _find_number(national, digits, municipality)
        if found is not None:
            entries.append(entry(*found, "national"))
    if region:
        regional = by_bundle.get(region, [])
        for categories in REGIONAL_STRIP_CATEGORIES:
            primary = _primary_contact(regional, categories, municipality)
            if primary is not None:
                ref, contact, phone = primary
                entries.append(entry(ref, contact, phone, contact.category))
    return entries


def _shown(contact: Contact, municipality: str | None) -> tuple[Phone, ...]:
    return phones_to_show(contact, municipality=municipality).shown


def _find_number(
    contacts: list[tuple[str, Contact]], digits: str, municipality: str | None
) -> tuple[str, Contact, Phone] | None:
    for ref, contact in contacts:
        for phone in _shown(contact, municipality):
            if same_number(phone.number, digits):
                return ref, contact, phone
    return None


def _primary_contact(
    contacts: list[tuple[str, Contact]], categories: tuple[str, ...], municipality: str | None
) -> tuple[str, Contact, Phone] | None:
    for category in categories:
        candidates = [
            (ref, contact, shown)
            for ref, contact in contacts
            if contact.category == category and (shown := _shown(contact, municipality))
        ]
        primary = [c for c in candidates if "primary" in c[1].tags]
        chosen = primary or candidates
        if chosen:
            ref, contact, shown = chosen[0]
            return ref, contact, shown[0]
    return None
