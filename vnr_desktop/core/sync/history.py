"""History: the catalogs accepted per feed (sequence numbers against rollback, freshness,
ETags per source) and accepting a new catalog."""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import sqlite3
from pathlib import Path
from typing import SupportsInt

from vnr_desktop.core import db
from vnr_desktop.core.sync.base import UpdaterBase, sqlite_error
from vnr_desktop.core.sync.catalog import CATALOG_NAME, SIGNATURE_SUFFIX, Catalog, parse_catalog
from vnr_desktop.core.sync.errors import CatalogError, RollbackRefused, SyncError
from vnr_desktop.core.sync.results import FeedStatus
from vnr_desktop.core.sync.sources import FeedSource
from vnr_desktop.core.sync.trust import TrustedKey


class HistoryMixin(UpdaterBase):
    """The catalogs accepted per feed: sequence numbers, freshness, ETags, stored copies."""

    # ------------------------------------------------------------------ feed state

    def _meta_key(self, feed_id: str) -> str:
        return f"sync.feed.{feed_id}"

    def _feed_meta(self, feed_id: str) -> dict[str, object] | None:
        row = self.library.conn.execute(
            "SELECT value FROM meta WHERE key=?", (self._meta_key(feed_id),)
        ).fetchone()
        if row is None:
            return None
        try:
            value = json.loads(row[0])
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def _touch_checked(self, feed_id: str) -> None:
        """Record that the feed was checked now (a 304 confirms the stored catalog)."""
        meta = self._feed_meta(feed_id)
        if meta is None:
            return
        meta["checked_at"] = self._now().replace(microsecond=0).isoformat()
        try:
            with db.transaction(self.library.conn):
                self.library.conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)",
                    (self._meta_key(feed_id), json.dumps(meta)),
                )
        except sqlite3.Error:
            pass  # only the "last checked" time is affected

    def last_checked(self) -> _dt.datetime | None:
        """When any feed was last checked successfully (for the 24 h schedule)."""
        times = []
        for status in self.feed_statuses():
            try:
                times.append(_dt.datetime.fromisoformat(status.checked_at))
            except ValueError:
                continue
        return max(times) if times else None

    def feed_statuses(self) -> list[FeedStatus]:
        rows = self.library.conn.execute(
            "SELECT key, value FROM meta WHERE key LIKE 'sync.feed.%' ORDER BY key"
        ).fetchall()
        out: list[FeedStatus] = []
        now = self._now()
        for row in rows:
            try:
                v = json.loads(row[1])
                issued = _dt.datetime.fromisoformat(v["issued"])
                expires = _dt.datetime.fromisoformat(v["expires"])
                out.append(
                    FeedStatus(
                        row[0].removeprefix("sync.feed."),
                        int(v["sequence"]),
                        issued,
                        expires,
                        str(v.get("checked_at", "")),
                        now > expires,
                    )
                )
            except (ValueError, KeyError, TypeError):
                continue
        return out

    def _source_state_path(self, source: FeedSource) -> Path:
        key = hashlib.sha256(source.label.encode()).hexdigest()[:20]
        return self.sync_dir / "sources" / f"{key}.json"

    def _feed_dir(self, feed_id: str) -> Path:
        return self.sync_dir / "feeds" / feed_id

    def _stored_catalog(self, feed_id: str) -> tuple[Catalog, bytes, bytes, TrustedKey] | None:
        """The catalog accepted last from ``feed_id``, if its signer is still trusted."""
        folder = self._feed_dir(feed_id)
        try:
            raw = (folder / CATALOG_NAME).read_bytes()
            sig = (folder / (CATALOG_NAME + SIGNATURE_SUFFIX)).read_bytes()
            signer = self._verify(raw, sig, "katalogen", None)
            catalog = parse_catalog(raw)
        except (OSError, SyncError):
            return None
        meta = self._feed_meta(feed_id)
        if meta is None or meta.get("catalog_sha256") != hashlib.sha256(raw).hexdigest():
            return None
        return catalog, raw, sig, signer

    def _accept_catalog(
        self, raw: bytes, sig: bytes | None, source: FeedSource
    ) -> tuple[Catalog, TrustedKey]:
        signer = self._verify(raw, sig, "katalogen", source)
        self._step("catalog-verified")
        catalog = parse_catalog(raw)
        digest = hashlib.sha256(raw).hexdigest()
        meta = self._feed_meta(catalog.feed)
        if meta is not None:
            sequence = meta.get("sequence", 0)
            if not isinstance(sequence, str | SupportsInt):
                raise TypeError(f"stored catalog sequence {sequence!r}")  # as int() would
            seen = int(sequence)
            if catalog.sequence < seen:
                raise RollbackRefused(
                    f"Oppdateringskilden tilbyr en eldre katalog (nummer {catalog.sequence}) enn den "
                    f"appen allerede har godtatt (nummer {seen}). Det kan være et forsøk på å få "
                    "tilbake gammelt innhold. Ingenting er endret.",
                    f"The update source offers an older catalog (number {catalog.sequence}) than "
                    f"the one already accepted (number {seen}). This may be an attempt to bring "
                    "back old content. Nothing was changed.",
                )
            if catalog.sequence == seen and meta.get("catalog_sha256") != digest:
                raise CatalogError(
                    "Utgiveren har to ulike kataloger med samme nummer. Ingenting er endret; "
                    "kontakt utgiveren.",
                    "The publisher has two different catalogs with the same number. Nothing was "
                    "changed; contact the publisher.",
                )
        folder = self._feed_dir(catalog.feed)
        self._write(
            folder / (CATALOG_NAME + SIGNATURE_SUFFIX), sig or b"", "katalogen", "the catalog"
        )
        self._write(folder / CATALOG_NAME, raw, "katalogen", "the catalog")
        self._step("catalog-stored")
        value = json.dumps(
            {
                "sequence": catalog.sequence,
                "catalog_sha256": digest,
                "issued": catalog.issued.isoformat(),
                "expires": catalog.expires.isoformat(),
                "checked_at": self._now().replace(microsecond=0).isoformat(),
                "source": source.label,
            }
        )
        try:
            with db.transaction(self.library.conn):
                self.library.conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)",
                    (self._meta_key(catalog.feed), value),
                )
        except sqlite3.Error as exc:
            raise sqlite_error(exc) from None
        self._step("sequence-recorded")
        return catalog, signer
