"""A whole bundle's content in memory: the manifest and every item, with a stable hash."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from vnr_desktop.core.models import (
    ITEM_MODELS,
    Contact,
    Guide,
    Item,
    Manifest,
    Measure,
    Plan,
    Resource,
    StrictModel,
)

ITEM_LISTS: dict[str, type[StrictModel]] = {
    f"{kind}s": model for kind, model in ITEM_MODELS.items()
}
"""Top-level keys a content file may hold (contacts, guides, plans, measures, resources), and
the model of each list's items: the kind -> model table with the kinds in the plural."""


class BundleContent(StrictModel):
    manifest: Manifest
    contacts: list[Contact] = []
    guides: list[Guide] = []
    plans: list[Plan] = []
    measures: list[Measure] = []
    resources: list[Resource] = []

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def version(self) -> int:
        return self.manifest.version

    def items(self) -> Iterator[Item]:
        yield from self.contacts
        yield from self.guides
        yield from self.plans
        yield from self.measures
        yield from self.resources

    def to_json(self) -> str:
        return self.model_dump_json(exclude_defaults=False)

    @classmethod
    def from_json(cls, text: str | bytes) -> BundleContent:
        return cls.model_validate_json(text)

    def content_hash(self) -> str:
        """sha256 of the canonical JSON: equal content gives an equal hash, across machines."""
        return hashlib.sha256(self.to_json().encode("utf-8")).hexdigest()
