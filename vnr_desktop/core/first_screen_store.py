"""Compute and store the first screen's summary (:mod:`vnr_desktop.core.first_screen`).

Called by the library inside the transaction of every install, update and rollback, so the
stored summary always matches the installed content. It uses the rules the rest of the app
uses: :func:`vnr_desktop.core.emergency.strip_entries` (and through it ``core.phones``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from vnr_desktop.core import first_screen
from vnr_desktop.core.dates import as_of_text
from vnr_desktop.core.emergency import StripEntry, strip_entries

if TYPE_CHECKING:
    from vnr_desktop.core.models import Contact, Manifest


def _as_of(contact: Contact) -> str:
    return as_of_text(contact.provenance)


def refresh(
    conn: sqlite3.Connection,
    *,
    manifests: Sequence[Manifest],
    item_counts: dict[str, int],
    contacts: Iterable[tuple[str, Contact]],
    municipalities: Sequence[tuple[str, str, str]],
) -> None:
    """Write the summary for every municipality (and for no municipality) the content has."""
    contacts = list(contacts)
    titles = {m.id: {s.id: s.title for s in m.sources} for m in manifests}

    def source_title(bundle_id: str, source_id: str) -> str:
        return titles.get(bundle_id, {}).get(source_id, source_id)

    def strip(region: str | None, municipality: str | None) -> list[StripEntry]:
        return strip_entries(
            contacts,
            region=region,
            municipality=municipality,
            source_title=source_title,
            as_of_text=_as_of,
        )

    strips = {first_screen.strip_key(None, None): strip(None, None)}
    for manifest in manifests:
        if not manifest.is_national:
            strips[first_screen.strip_key(manifest.id, None)] = strip(manifest.id, None)
    for number, _name, bundle_id in municipalities:
        strips[first_screen.strip_key(bundle_id, number)] = strip(bundle_id, number)
    bundles = [
        first_screen.BundleSummary(
            id=m.id,
            title=m.title,
            version=m.version,
            issued=m.issued.isoformat(),
            items=item_counts.get(m.id, 0),
            is_national=m.is_national,
        )
        for m in manifests
    ]
    first_screen.store(conn, first_screen.encode(bundles, list(municipalities), strips))
