"""Read access to the installed content while one card is resolved: contacts, guides, coverage.

Which of a contact's phones may be printed is decided by ``core.phones``; ``usable_phones``
is the cards' one call to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vnr_desktop.core.cards.errors import CardError
from vnr_desktop.core.ids import NATIONAL_BUNDLE, PRIMARY_TAG
from vnr_desktop.core.models import Contact, Guide, Phone
from vnr_desktop.core.phones import phones_to_show

if TYPE_CHECKING:
    from vnr_desktop.core.library import Library

NATIONAL = NATIONAL_BUNDLE


class InstalledContent:
    """Read access to the installed content for one resolution (cached per call)."""

    def __init__(self, library: Library, region: str) -> None:
        self.library = library
        self.region = region
        self._contacts: dict[str, list[Contact]] = {}
        self.used: set[str] = set()
        self._coverage: dict[str, dict[str, str]] = {}

    def coverage(self, bundle_id: str) -> dict[str, str]:
        """The bundle's municipalities, kommunenummer -> name ({} for national bundles)."""
        if bundle_id not in self._coverage:
            names: dict[str, str] = {}
            for number, name, owner in self.library.municipalities():
                if owner == bundle_id:
                    names[number] = name
            self._coverage[bundle_id] = names
        return self._coverage[bundle_id]

    def contacts(self, bundle_id: str) -> list[Contact]:
        if bundle_id not in self._contacts:
            records = self.library.items(kind="contact", region=bundle_id)
            self._contacts[bundle_id] = [r.item for r in records]  # type: ignore[misc]
        return self._contacts[bundle_id]

    def contact(self, ref: str) -> Contact:
        bundle_id, _, item_id = ref.partition(":")
        for contact in self.contacts(bundle_id):
            if contact.id == item_id:
                return contact
        if self.library.bundle(bundle_id) is None:
            raise CardError(f"the card needs bundle {bundle_id!r}, which is not installed")
        raise CardError(f"contact {ref} does not exist in the installed content")

    def guide(self, ref: str) -> Guide | None:
        record = self.library.get(ref)
        if record is None or not isinstance(record.item, Guide):
            return None
        return record.item

    def primary(self, bundle_id: str, category: str) -> Contact | None:
        found = [c for c in self.contacts(bundle_id) if c.category == category]
        tagged = [c for c in found if PRIMARY_TAG in c.tags]
        if tagged:
            return tagged[0]
        if bundle_id == NATIONAL and len(found) == 1:
            return found[0]
        return None


def usable_phones(
    contact: Contact, *, municipality: str | None = None
) -> tuple[list[Phone], str | None]:
    """The phones that may be printed, or none and the reason why not (core.phones decides)."""
    answer = phones_to_show(contact, municipality=municipality)
    return list(answer.shown), answer.reason
