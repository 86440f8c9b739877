"""The app's check of a feed's website when it syncs: the signed site manifest belongs to the
catalog just accepted, and every page (HTML and CSS) is the one the publisher signed.

A mirror that alters a page ("your card is current") or serves an older site is reported to
the user; content installation does not depend on the site, so a bad site never blocks an
update. Card PDFs and PNGs are listed with their sha256 too but are not downloaded here (that
would fetch megabytes on every publish); ``check_folder`` checks every file of a local copy.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from vnr_desktop.core.site.addresses import SITE_MANIFEST
from vnr_desktop.core.site.manifest import (
    MAX_SITE_MANIFEST_BYTES,
    SiteManifest,
    parse_site_manifest,
)
from vnr_desktop.core.sync.catalog import Catalog
from vnr_desktop.core.sync.errors import Cancelled, SyncError
from vnr_desktop.core.sync.http import CancelToken
from vnr_desktop.core.sync.sources import FeedSource

MAX_PAGE_BYTES = 2 * 1024 * 1024
CHECKED_SUFFIXES = (".html", ".css")
MAX_REPORTED = 5

Verify = Callable[[bytes, bytes | None, str], object]
"""Checks a signature against the app's trusted keys; raises SyncError when it does not hold
(what it returns, e.g. the key that signed, is not used here)."""


@dataclass
class SiteCheck:
    present: bool
    manifest: SiteManifest | None = None
    pages_checked: int = 0
    problems: list[str] = field(default_factory=list)
    problems_en: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, nb: str, en: str) -> None:
        self.problems.append(nb)
        self.problems_en.append(en)

    @property
    def message(self) -> str:
        if self.ok:
            return ""
        extra = len(self.problems) - MAX_REPORTED
        more = f" (og {extra} til)" if extra > 0 else ""
        return (
            "Kanalens nettsider stemmer ikke med det utgiveren signerte: "
            + "; ".join(self.problems[:MAX_REPORTED])
            + more
            + ". Si fra til utgiveren; innholdet i appen er ikke berørt."
        )

    @property
    def message_en(self) -> str:
        if self.ok:
            return ""
        return (
            "The feed's web pages differ from what the publisher signed: "
            + "; ".join(self.problems_en[:MAX_REPORTED])
            + ". Tell the publisher; the app's content is not affected."
        )


def check_site(
    source: FeedSource, catalog: Catalog, verify: Verify, cancel: CancelToken
) -> SiteCheck:
    """Check the site beside the feed's catalog (none there: ``present`` is False)."""
    try:
        raw = source.get_small(SITE_MANIFEST, MAX_SITE_MANIFEST_BYTES, cancel)
        if raw is None:
            return SiteCheck(present=False)
        result = SiteCheck(present=True)
        verify(raw, source.get_signature(SITE_MANIFEST, cancel), "nettstedets innholdsliste")
        manifest = parse_site_manifest(raw)
        if manifest is None:
            result.add("innholdslisten (site.json) er ugyldig", "site.json is invalid")
            return result
        result.manifest = manifest
        if (manifest.feed, manifest.sequence) != (catalog.feed, catalog.sequence):
            result.add(
                f"nettstedet hører til katalog nummer {manifest.sequence}, ikke {catalog.sequence}",
                f"the site belongs to catalog {manifest.sequence}, not {catalog.sequence}",
            )
            return result
        for path, digest in sorted(manifest.pages.items()):
            if not path.endswith(CHECKED_SUFFIXES):
                continue
            data = source.get_small(path, MAX_PAGE_BYTES, cancel)
            result.pages_checked += 1
            if data is None:
                result.add(f"{path} mangler", f"{path} is missing")
            elif hashlib.sha256(data).hexdigest() != digest:
                result.add(f"{path} er endret", f"{path} was altered")
        return result
    except Cancelled:
        raise
    except SyncError as exc:
        failed = SiteCheck(present=True)
        failed.add(exc.message, exc.message_en)
        return failed


def check_folder(folder: Path, manifest: SiteManifest) -> list[str]:
    """Every file of the manifest in a local copy of the site: the paths that differ."""
    bad = []
    for path, digest in sorted(manifest.pages.items()):
        file = Path(folder) / path
        if not file.is_file() or hashlib.sha256(file.read_bytes()).hexdigest() != digest:
            bad.append(path)
    return bad
