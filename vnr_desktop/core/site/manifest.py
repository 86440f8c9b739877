"""The site manifest (``site.json``): every file of the feed's website with its sha256, and
each card's printed versions, signed with the catalog's key (``site.json.minisig``).

It names the catalog's feed and sequence, so a mirror can neither alter a page nor serve an
older site with a newer catalog unnoticed by the app (``verify.check_site``). The next
``feed publish`` reads it back to keep the pages of earlier printed versions.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

MAX_SITE_MANIFEST_BYTES = 8 * 1024 * 1024
SITE_FORMAT: Final = "vnr-site"

PagePath = Annotated[
    str,
    StringConstraints(
        pattern=r"^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$", max_length=300
    ),
]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CardVersion(_Strict):
    """One published version of a card in one format."""

    bundles: list[tuple[str, int]] = Field(min_length=1)
    issued: _dt.date
    published: int = Field(ge=1, description="the catalog sequence that first published it")
    text: Sha256 = Field(description="key of the card's printed lines in SiteManifest.texts")
    notes: dict[str, str] = Field(
        default={}, description="the change notes published with it, per bundle"
    )


class CardHistory(_Strict):
    current: str
    versions: dict[str, CardVersion]


class SiteManifest(_Strict):
    format: Literal["vnr-site"] = SITE_FORMAT
    format_version: Literal[1] = 1
    feed: str
    sequence: int = Field(ge=1)
    pages: dict[PagePath, Sha256]
    cards: dict[str, CardHistory] = {}
    texts: dict[Sha256, list[str]] = {}

    def to_bytes(self) -> bytes:
        data = self.model_dump(mode="json")
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def parse_site_manifest(raw: bytes) -> SiteManifest | None:
    """The manifest, or None when ``raw`` is not one (too large, not JSON, wrong fields)."""
    if len(raw) > MAX_SITE_MANIFEST_BYTES:
        return None
    try:
        return SiteManifest.model_validate_json(raw)
    except (ValidationError, ValueError):
        return None
