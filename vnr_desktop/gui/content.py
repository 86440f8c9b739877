"""An in-memory snapshot of the installed content, built on the db lane, read by the views.

The content is small (hundreds of items), so the views work from this snapshot and never touch
the database on the UI thread. ``load_snapshot`` runs in a job; the snapshot is immutable and
replaced as a whole after an update, a rollback, a settings change or an own-contact edit.

This module imports nothing from Qt, and the core (but the leaf core.ids) only inside
functions, so importing it at start-up costs nothing: the core (pydantic models, SQLite) loads
in the background.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from vnr_desktop.core.dates import as_of_text
from vnr_desktop.core.emergency import strip_entries
from vnr_desktop.core.ids import NATIONAL_BUNDLE
from vnr_desktop.core.ids import OWN_CONTACTS_BUNDLE as OWN_BUNDLE
from vnr_desktop.core.provenance import coverage_note

if TYPE_CHECKING:
    from vnr_desktop.core.emergency import StripEntry
    from vnr_desktop.core.library import Library
    from vnr_desktop.core.models import (
        Contact,
        Guide,
        Item,
        Manifest,
        Measure,
        Plan,
        SourceDocument,
    )
    from vnr_desktop.core.settings import Settings
    from vnr_desktop.core.userdata import UserData


@dataclass(frozen=True)
class BundleInfo:
    id: str
    title: str
    version: int
    issued: dt.date
    is_national: bool
    municipalities: tuple[tuple[str, str], ...]
    sources: dict[str, SourceDocument]
    installed_from: str
    coverage_note: str | None = None
    """Which municipality names/numbers no source prints (core/provenance.py), or None."""

    @classmethod
    def from_manifest(cls, manifest: Manifest, installed_from: str) -> BundleInfo:
        return cls(
            id=manifest.id,
            title=manifest.title,
            version=manifest.version,
            issued=manifest.issued,
            is_national=manifest.is_national,
            municipalities=tuple((m.number, m.name) for m in manifest.municipalities),
            sources={s.id: s for s in manifest.sources},
            installed_from=installed_from,
            coverage_note=coverage_note(manifest),
        )


@dataclass(frozen=True)
class Snapshot:
    bundles: tuple[BundleInfo, ...]
    items: dict[str, Item]
    """Every installed item by ``bundle:id`` ref, own contacts included (``egne:id``)."""
    municipalities: tuple[tuple[str, str, str], ...]
    """(kommunenummer, name, bundle id) for every municipality the content covers."""
    settings: Settings
    own_contact_ids: tuple[str, ...] = ()
    versions: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """Stored versions per bundle, newest first (for "Gå tilbake til forrige versjon")."""
    today: dt.date = field(default_factory=dt.date.today)
    read_only_reason: str | None = None
    """Set when the disk is full or failing: content is readable, nothing can be saved."""

    # ------------------------------------------------------------------ region

    @property
    def region(self) -> str | None:
        """The bundle id of the user's region, or None (national content only)."""
        region = self.settings.region
        if region and any(b.id == region for b in self.bundles):
            return region
        number = self.settings.municipality
        if number:
            for num, _name, bundle_id in self.municipalities:
                if num == number:
                    return bundle_id
        return None

    @property
    def municipality_name(self) -> str | None:
        number = self.settings.municipality
        for num, name, _bundle in self.municipalities:
            if num == number:
                return name
        return None

    def bundle(self, bundle_id: str) -> BundleInfo | None:
        return next((b for b in self.bundles if b.id == bundle_id), None)

    @property
    def region_bundles(self) -> list[BundleInfo]:
        return [b for b in self.bundles if not b.is_national]

    def visible_bundles(self) -> tuple[str, ...]:
        """National content, the user's region and own contacts, in that order of ranking."""
        region = self.region
        return tuple(b for b in (region, NATIONAL_BUNDLE, OWN_BUNDLE) if b)

    # ------------------------------------------------------------------ lookups

    def item(self, ref: str) -> Item | None:
        return self.items.get(ref)

    def resolve(self, ref: str, bundle_id: str) -> str:
        """A section's contact reference (``id`` or ``bundle:id``) as a full ref."""
        return ref if ":" in ref else f"{bundle_id}:{ref}"

    def source_of(self, ref: str) -> SourceDocument | None:
        item = self.items.get(ref)
        bundle = self.bundle(ref.partition(":")[0])
        if item is None or bundle is None:
            return None
        return bundle.sources.get(item.provenance.source)

    def of_kind(self, kind: str, bundles: Iterable[str] | None = None) -> list[tuple[str, Item]]:
        wanted = set(bundles) if bundles is not None else None
        return [
            (ref, item)
            for ref, item in self.items.items()
            if item.kind == kind and (wanted is None or ref.partition(":")[0] in wanted)
        ]

    def contacts(self, *, all_regions: bool = False) -> list[tuple[str, Contact]]:
        bundles = None if all_regions else self.visible_bundles()
        return self.of_kind("contact", bundles)  # type: ignore[return-value]

    def own_contacts(self) -> list[tuple[str, Contact]]:
        out: list[tuple[str, Contact]] = []
        for i in self.own_contact_ids:
            item = self.items[f"{OWN_BUNDLE}:{i}"]
            if item.kind == "contact":
                out.append((f"{OWN_BUNDLE}:{i}", item))
        return out

    def guides_for(self, situations: Iterable[str]) -> list[tuple[str, Guide]]:
        """Guides for a situation, best first.

        Guides written for the situation come before general background; among them, the
        tiltakskort-shaped ones (SE / SPØR / AVKLAR / HANDLE) first, then guides for
        professionals, then the user's region before national content.
        """
        wanted = set(situations)
        order = {b: i for i, b in enumerate(self.visible_bundles())}
        found: list[tuple[tuple[int, int, int, int, str], str, Guide]] = []
        for ref, item in self.of_kind("guide", self.visible_bundles()):
            guide: Guide = item  # type: ignore[assignment]
            specific = bool(wanted & set(guide.situations))
            if not specific and "general" not in guide.situations:
                continue
            grid = len({s.kind for s in guide.sections} & {"se", "spor", "avklar", "handle"})
            key = (
                0 if specific else 1,
                -grid,
                0 if "professional" in guide.audience else 1,
                order.get(ref.partition(":")[0], 9),
                guide.title.casefold(),
            )
            found.append((key, ref, guide))
        found.sort(key=lambda t: t[0])
        return [(ref, guide) for _key, ref, guide in found]

    def is_specific(self, guide: Guide, situations: Iterable[str]) -> bool:
        return bool(set(situations) & set(guide.situations))

    def measures(self) -> list[tuple[str, Measure, Plan | None]]:
        out: list[tuple[str, Measure, Plan | None]] = []
        for ref, item in self.of_kind("measure"):
            measure: Measure = item  # type: ignore[assignment]
            plan = self.items.get(self.resolve(measure.plan, ref.partition(":")[0]))
            found = plan if plan is not None and plan.kind == "plan" else None
            out.append((ref, measure, found))
        return out

    # ------------------------------------------------------------------ emergency strip

    def strip_entries(self) -> list[StripEntry]:
        """The strip's numbers for this user: core.emergency's rule (core.phones decides which
        of a contact's numbers may be shown), the same the first screen was stored with."""

        def source_title(bundle_id: str, source_id: str) -> str:
            bundle = self.bundle(bundle_id)
            doc = bundle.sources.get(source_id) if bundle else None
            return doc.title if doc else source_id

        contacts = self.of_kind("contact")
        return strip_entries(
            [(ref, c) for ref, c in contacts if not ref.startswith(OWN_BUNDLE + ":")],  # type: ignore[misc]
            region=self.region,
            municipality=self.settings.municipality or None,
            source_title=source_title,
            as_of_text=lambda contact: as_of_text(contact.provenance),
        )

    # ------------------------------------------------------------------ age

    def months_old(self, as_of: dt.date) -> int:
        return (
            (self.today.year - as_of.year) * 12
            + (self.today.month - as_of.month)
            - (1 if self.today.day < as_of.day else 0)
        )

    def is_stale(self, as_of: dt.date) -> bool:
        return self.months_old(as_of) >= self.settings.age_warning_months


def load_snapshot(library: Library, userdata: UserData) -> Snapshot:
    """Read everything the views need (runs on the db lane)."""
    items: dict[str, Item] = {}
    for record in library.items():
        items[record.ref] = record.item
    own = userdata.own_contacts()
    for contact in own:
        items[f"{OWN_BUNDLE}:{contact.id}"] = contact
    bundles = tuple(BundleInfo.from_manifest(b.manifest, b.source) for b in library.bundles())
    return Snapshot(
        bundles=bundles,
        items=items,
        municipalities=tuple(library.municipalities()),
        settings=userdata.settings(),
        own_contact_ids=tuple(c.id for c in own),
        versions={b.id: tuple(library.versions(b.id)) for b in bundles},
        read_only_reason=library.read_only_reason or userdata.read_only_reason,
    )


def with_settings(snapshot: Snapshot, settings: Settings) -> Snapshot:
    """The same content with new settings (no database read)."""

    return replace(snapshot, settings=settings)
