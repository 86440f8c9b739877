"""Checking a feed: fetch and verify the catalog, say which bundles have updates."""

from __future__ import annotations

import json
from pathlib import Path

from vnr_desktop.core.site.verify import SiteCheck, check_site
from vnr_desktop.core.sync.base import UpdaterBase
from vnr_desktop.core.sync.catalog import CATALOG_NAME, CatalogBundle
from vnr_desktop.core.sync.errors import MissingSignature
from vnr_desktop.core.sync.http import CancelToken, ProgressCallback
from vnr_desktop.core.sync.results import (
    CheckResult,
    PlannedUpdate,
    Skipped,
    date_nb,
    version_tuple,
)
from vnr_desktop.core.sync.trust import TrustedKey
from vnr_desktop.core.sync.verify import out_of_scope


class CheckMixin(UpdaterBase):
    """Check a feed: fetch and verify its catalog, list the updates (installs nothing)."""

    # ------------------------------------------------------------------ check

    def check(
        self,
        source: str | Path | None,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> CheckResult:
        """Fetch and verify the catalog; say which bundles have updates. Installs nothing."""
        cancel = cancel or CancelToken()
        src = self.open_source(source)
        start_requests, start_bytes = self.http.stats.requests, self.http.stats.bytes_received
        self._progress(progress, "catalog", "Ser etter oppdateringer…", "Checking for updates…")
        state_path = self._source_state_path(src)
        state: dict[str, str] = {}
        try:
            state = json.loads(state_path.read_text("utf-8"))
        except (OSError, ValueError):
            state = {}
        stored = self._stored_catalog(state["feed"]) if isinstance(state.get("feed"), str) else None
        etag = state.get("etag") if stored is not None else None
        self._step("catalog-fetch")
        fetched = src.get_catalog(etag, cancel)
        self._step("catalog-fetched")
        warnings: tuple[list[str], list[str]] = ([], [])
        site: SiteCheck | None = None
        if fetched.not_modified and stored is not None:
            catalog, signer = stored[0], stored[3]
            not_modified = True
            self._touch_checked(catalog.feed)
        else:
            cancel.raise_if_cancelled()
            sig = src.get_signature(CATALOG_NAME, cancel)
            if sig is None:
                raise MissingSignature(
                    "Katalogen fra oppdateringskilden er ikke signert (catalog.json.minisig mangler). "
                    "Ingenting er endret.",
                    "The catalog from the update source is not signed (catalog.json.minisig is "
                    "missing). Nothing was changed.",
                )
            # A new catalog: take the feed's revocation list first, so a catalog signed by a
            # key revoked in the same publication is refused now.
            self._revocations_from(src, warnings)
            catalog, signer = self._accept_catalog(fetched.body, sig, src)
            not_modified = False
            site = check_site(src, catalog, lambda d, s, w: self._verify(d, s, w, src), cancel)
            if fetched.etag:
                self._write(
                    state_path,
                    json.dumps(
                        {"feed": catalog.feed, "etag": fetched.etag, "source": src.label}
                    ).encode(),
                    "oppdateringsstatus",
                    "the update state",
                )
        result = CheckResult(src.label, catalog, not_modified, [])
        if site is not None and not site.ok:  # the feed's web pages (issue 17): report only
            result.site_problems, result.site_problems_en = [site.message], [site.message_en]
        result.revoked_notes = self.revocation_warnings()
        result.warnings += warnings[0] + result.revoked_notes[0]
        result.warnings_en += warnings[1] + result.revoked_notes[1]
        if catalog.is_expired(self._now()):
            result.expired = True
            result.warnings.append(
                f"Innhold bekreftet {date_nb(catalog.issued)}, kan være utdatert."
            )
            result.warnings_en.append(
                f"Content confirmed {catalog.issued:%Y-%m-%d}, may be out of date."
            )
        self._plan(catalog.bundles, signer, result)
        result.requests = self.http.stats.requests - start_requests
        result.bytes_received = self.http.stats.bytes_received - start_bytes
        self._progress(progress, "catalog", result.message, result.message_en, 1, 1)
        return result

    def _plan(self, entries: list[CatalogBundle], signer: TrustedKey, result: CheckResult) -> None:
        """Which entries to install: in the signer's scope, newer, not declined, supported."""
        for entry in entries:
            if not signer.covers(entry.id):
                err = out_of_scope(signer, entry.id, "Katalogoppføringen", "The catalog entry")
                result.skipped.append(Skipped(entry.id, err.message, err.message_en))
                continue
            current = self.library.bundle(entry.id)
            if current is not None and current.version >= entry.version:
                continue
            declined = self.library.declined_version(entry.id)
            if declined is not None and entry.version <= declined:
                result.skipped.append(
                    Skipped(
                        entry.id,
                        f"{entry.id} v{entry.version}: du gikk tilbake fra denne versjonen. "
                        "Den installeres ikke automatisk igjen; en nyere versjon blir installert.",
                        f"{entry.id} v{entry.version}: you went back from this version. It is not "
                        "installed automatically again; a newer version will be.",
                    )
                )
                continue
            if entry.min_app_version and version_tuple(entry.min_app_version) > version_tuple(
                self.app_version
            ):
                result.skipped.append(
                    Skipped(
                        entry.id,
                        f"{entry.id} v{entry.version} krever VNR Desktop {entry.min_app_version} eller nyere: oppdater appen.",
                        f"{entry.id} v{entry.version} needs VNR Desktop {entry.min_app_version} or newer: update the app.",
                    )
                )
                continue
            result.updates.append(PlannedUpdate(entry, current.version if current else None))
