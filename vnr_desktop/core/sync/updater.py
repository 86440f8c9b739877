"""Checking for, fetching, verifying and installing content updates; import and export.

The order of trust, for every bundle, from any source:

1. the catalog's signature is checked (a trusted publisher key, not revoked, not a root; see
   trust.py) before the catalog is parsed; entries outside the signer's scope are skipped;
2. its sequence number must not be lower than the last one accepted from that feed (rollback);
   an expired catalog is still used, with a warning (never blocking installed content);
3. a bundle's size and sha256 must match the signed catalog, then its own signature is
   checked, and only then is the archive opened (capped, no unsafe entries) and its content
   validated; the bundle's region must be in its signer's scope;
4. the bundle must be the region and version the catalog lists (no mix-and-match);
5. Library.install puts it in place in one SQLite transaction; the previous version is kept
   for "Gå tilbake til forrige versjon". User data (user.db) is never opened for writing.

Every failure is a SyncError subclass with a plain Norwegian and English message; the library
is unchanged by any failure. ``step_hook`` is called at each step (crash-safety tests kill the
process there) and is passed on to Library.install's own steps.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from vnr_desktop import __version__
from vnr_desktop.core import db
from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.bundle_source import item_refs
from vnr_desktop.core.library import DowngradeRefused, InstallResult, Library, LibraryError
from vnr_desktop.core.paths import AppPaths
from vnr_desktop.core.sync import minisign, revocation
from vnr_desktop.core.sync.archive import (
    EXTENSION,
    MAX_ARCHIVE_BYTES,
    check_content,
    parse_content,
    read_archive,
)
from vnr_desktop.core.sync.catalog import (
    CATALOG_NAME,
    SIGNATURE_SUFFIX,
    Catalog,
    CatalogBundle,
    copy_feed_subset,
    parse_catalog,
)
from vnr_desktop.core.sync.changes import (
    BundleChanges,
    CardHash,
    StalePrint,
    UpdatedBundle,
    diff_content,
    stale_prints,
)
from vnr_desktop.core.sync.endorsement import FOLDER as ENDORSEMENT_FOLDER
from vnr_desktop.core.sync.errors import (
    AppTooOld,
    Cancelled,
    CatalogError,
    ContentInvalid,
    InstallFailed,
    MissingSignature,
    NotInCatalog,
    OutOfScope,
    RollbackRefused,
    SourceNotFound,
    StorageError,
    SyncError,
    TooLarge,
    UnknownKey,
)
from vnr_desktop.core.sync.http import (
    CancelToken,
    HttpClient,
    Progress,
    ProgressCallback,
    Storage,
    storage_error,
)
from vnr_desktop.core.sync.sources import FeedSource, FolderSource, HttpSource, is_url
from vnr_desktop.core.sync.trust import TrustedKey, TrustState, TrustStore
from vnr_desktop.core.userdata import PrintRecord, UserData

DEFAULT_FEED_URL: str | None = None
"""No feed is built in (the app pins no key): sync needs Settings.update_source (or --source)
and a publisher key an administrator trusted with a scope."""

StepHook = Callable[[str], None]


def _date_nb(value: _dt.date | _dt.datetime) -> str:
    return value.strftime("%d.%m.%Y")


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", text)[:4]) or (0,)


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class FeedStatus:
    """How fresh the content from one feed is (for the status bar and the about box)."""

    feed_id: str
    sequence: int
    issued: _dt.datetime
    expires: _dt.datetime
    checked_at: str
    expired: bool

    @property
    def message(self) -> str:
        if self.expired:
            return f"Innhold bekreftet {_date_nb(self.issued)}, kan være utdatert"
        return f"Innhold bekreftet {_date_nb(self.issued)}"

    @property
    def message_en(self) -> str:
        if self.expired:
            return f"Content confirmed {self.issued:%Y-%m-%d}, may be out of date"
        return f"Content confirmed {self.issued:%Y-%m-%d}"


@dataclass(frozen=True)
class PlannedUpdate:
    entry: CatalogBundle
    installed_version: int | None

    @property
    def bundle_id(self) -> str:
        return self.entry.id

    def as_dict(self) -> dict[str, object]:
        return {
            "bundle": self.entry.id,
            "installed_version": self.installed_version,
            "version": self.entry.version,
            "size": self.entry.size,
            "changelog": self.entry.changelog,
        }


@dataclass(frozen=True)
class Skipped:
    bundle_id: str
    reason: str
    reason_en: str

    def as_dict(self) -> dict[str, str]:
        return {"bundle": self.bundle_id, "reason": self.reason, "reason_en": self.reason_en}


@dataclass
class CheckResult:
    source: str
    catalog: Catalog
    not_modified: bool
    updates: list[PlannedUpdate]
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    warnings_en: list[str] = field(default_factory=list)
    requests: int = 0
    bytes_received: int = 0
    expired: bool = False
    revoked_notes: tuple[list[str], list[str]] = field(default_factory=lambda: ([], []))
    """The warnings about installed bundles signed by a revoked key (part of ``warnings``)."""

    @property
    def feed_id(self) -> str:
        return self.catalog.feed

    @property
    def message(self) -> str:
        if not self.updates:
            text = "Innholdet er oppdatert; ingenting nytt."
        else:
            names = ", ".join(f"{u.bundle_id} v{u.entry.version}" for u in self.updates)
            text = f"Oppdatering tilgjengelig: {names}."
        return " ".join([text, *self.warnings])

    @property
    def message_en(self) -> str:
        if not self.updates:
            text = "Content is up to date; nothing new."
        else:
            names = ", ".join(f"{u.bundle_id} v{u.entry.version}" for u in self.updates)
            text = f"Update available: {names}."
        return " ".join([text, *self.warnings_en])

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "feed": self.catalog.feed,
            "sequence": self.catalog.sequence,
            "issued": self.catalog.issued.isoformat(),
            "expires": self.catalog.expires.isoformat(),
            "not_modified": self.not_modified,
            "updates": [u.as_dict() for u in self.updates],
            "skipped": [s.as_dict() for s in self.skipped],
            "warnings": self.warnings,
            "message": self.message,
            "message_en": self.message_en,
            "requests": self.requests,
            "bytes_received": self.bytes_received,
        }


@dataclass(frozen=True)
class Failure:
    bundle_id: str
    error: SyncError

    def as_dict(self) -> dict[str, str]:
        return {"bundle": self.bundle_id, **self.error.as_dict()}


@dataclass
class UpdateResult:
    source: str
    installed: list[InstallResult] = field(default_factory=list)
    changes: list[BundleChanges] = field(default_factory=list)
    stale_prints: list[StalePrint] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    warnings_en: list[str] = field(default_factory=list)
    bytes_received: int = 0
    check: CheckResult | None = None

    @property
    def changed(self) -> list[InstallResult]:
        return [r for r in self.installed if r.status in {"installed", "updated"}]

    @property
    def message(self) -> str:
        parts: list[str] = []
        if self.changed:
            parts.append(
                "Oppdatert: "
                + ", ".join(
                    f"{r.bundle_id} v{r.version}"
                    + (f" (fra v{r.previous_version})" if r.previous_version else "")
                    for r in self.changed
                )
                + "."
            )
        elif not self.failed:
            parts.append("Ingenting nytt å installere.")
        if self.stale_prints:
            parts.append(
                f"{len(self.stale_prints)} trykte kort har utdatert innhold og bør skrives ut på nytt."
            )
        for f in self.failed:
            parts.append(f"{f.bundle_id}: {f.error.message}")
        return " ".join(parts + self.warnings)

    @property
    def message_en(self) -> str:
        parts: list[str] = []
        if self.changed:
            parts.append(
                "Updated: " + ", ".join(f"{r.bundle_id} v{r.version}" for r in self.changed) + "."
            )
        elif not self.failed:
            parts.append("Nothing new to install.")
        if self.stale_prints:
            parts.append(
                f"{len(self.stale_prints)} printed cards are out of date and should be reprinted."
            )
        for f in self.failed:
            parts.append(f"{f.bundle_id}: {f.error.message_en}")
        return " ".join(parts + self.warnings_en)

    def change_lines(self) -> list[str]:
        out: list[str] = []
        for c in self.changes:
            old = f"v{c.old_version}" if c.old_version else "ny"
            out.append(f"{c.bundle_id} ({old} -> v{c.new_version}):")
            out += [f"  {line}" for line in c.lines()]
        return out

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "installed": [
                {
                    "bundle": r.bundle_id,
                    "version": r.version,
                    "status": r.status,
                    "previous_version": r.previous_version,
                }
                for r in self.installed
            ],
            "changes": [c.as_dict() for c in self.changes],
            "stale_prints": [s.as_dict() for s in self.stale_prints],
            "skipped": [s.as_dict() for s in self.skipped],
            "failed": [f.as_dict() for f in self.failed],
            "warnings": self.warnings,
            "message": self.message,
            "message_en": self.message_en,
            "bytes_received": self.bytes_received,
        }


@dataclass(frozen=True)
class ExportResult:
    region: str
    version: int
    out_dir: Path
    files: list[Path]
    with_catalog: bool

    @property
    def message(self) -> str:
        return (
            f"{self.region} v{self.version} er eksportert til {self.out_dir}. "
            "Mappen kan importeres med «Importer fra mappe…» og sjekkes med minisign."
        )

    @property
    def message_en(self) -> str:
        return f"{self.region} v{self.version} was exported to {self.out_dir}."


@dataclass
class _Staged:
    content: BundleContent
    data: bytes
    sig: bytes
    file_name: str
    catalog_raw: bytes | None = None
    catalog_sig: bytes | None = None

    @property
    def content_hash(self) -> str:
        return self._hash or self.content.content_hash()

    _hash: str = ""


# --------------------------------------------------------------------------- the updater


class Updater:
    """Checks, fetches and installs signed content for one library. One thread at a time."""

    def __init__(
        self,
        library: Library,
        paths: AppPaths,
        *,
        keys: TrustStore,
        userdata: UserData | None = None,
        http: HttpClient | None = None,
        storage: Storage | None = None,
        step_hook: StepHook | None = None,
        now: Callable[[], _dt.datetime] | None = None,
        card_hash: CardHash | None = None,
        app_version: str = __version__,
    ) -> None:
        self.library = library
        self.paths = paths
        self.keys = keys
        self.userdata = userdata
        self.http = http or HttpClient()
        self.storage = storage or Storage()
        self.step_hook = step_hook
        self._now = now or (lambda: _dt.datetime.now(_dt.UTC))
        self.card_hash = card_hash if card_hash is not None else self._cards_content_hash
        self.app_version = app_version
        self.trust = TrustState(keys, self.sync_dir, self._now().date()).load()

    def _cards_content_hash(self, record: PrintRecord) -> str | None:
        """The hash the printed card would have now (the cards module's own computation).

        A card printed with the user's own numbers is compared with today's own contacts, so
        the reprint list also covers an own number that changed.
        """
        from vnr_desktop.core.cards.history import current_content_hash
        from vnr_desktop.core.cards.resolve import includes_own_numbers

        own = (
            self.userdata.own_contacts()
            if self.userdata is not None and includes_own_numbers(record.content_version)
            else ()
        )
        return current_content_hash(
            self.library,
            record.card_id,
            record.region,
            record.format,
            record.language,
            own_contacts=own,
        )

    # ------------------------------------------------------------------ plumbing

    @property
    def sync_dir(self) -> Path:
        return self.paths.data / "sync"

    def _step(self, name: str) -> None:
        if self.step_hook is not None:
            self.step_hook(name)

    @staticmethod
    def _progress(
        cb: ProgressCallback | None,
        phase: str,
        nb: str,
        en: str,
        done: int = 0,
        total: int | None = None,
    ) -> None:
        if cb is not None:
            cb(Progress(phase, done, total, nb, en))

    def _download_progress(self, progress: ProgressCallback | None) -> ProgressCallback:
        """Pass download progress on, and mark a step after every chunk written (crash tests)."""

        def report(p: Progress) -> None:
            if p.done:
                self._step("download-chunk")
            if progress is not None:
                progress(p)

        return report

    def default_source(self) -> str | None:
        """Settings.update_source, else the project's own feed (None until it is hosted)."""
        if self.userdata is not None:
            configured = self.userdata.settings().update_source
            if configured:
                return configured
        return DEFAULT_FEED_URL

    def open_source(self, spec: str | Path | None) -> FeedSource:
        if spec is None:
            spec = self.default_source()
        if spec is None or str(spec).strip() == "":
            raise SourceNotFound(
                "Ingen oppdateringskilde er satt opp. Velg en adresse eller mappe i innstillingene.",
                "No update source is configured. Choose an address or folder in the settings.",
            )
        text = str(spec)
        if is_url(text):
            return HttpSource(text, self.http, self.paths.cache, self.storage)
        if text.startswith("file://"):
            text = text.removeprefix("file://")
        path = Path(text).expanduser()
        if not path.is_dir():
            raise SourceNotFound(f"Fant ikke mappen {path}.", f"The folder {path} does not exist.")
        return FolderSource(path)

    def _write(self, path: Path, data: bytes, what_nb: str, what_en: str) -> None:
        try:
            self.storage.write_bytes(path, data)
        except OSError as exc:
            raise storage_error(exc, what_nb, what_en) from None

    # ------------------------------------------------------------------ keys

    @property
    def _keys_dir(self) -> Path:
        return self.trust.keys_dir

    def trusted(self) -> dict[bytes, TrustedKey]:
        """The settings' keys plus signing keys a root has endorsed (not revoked)."""
        return {k.key.key_id: k for k in self.trust.all_keys() if self.trust.revoked(k) is None}

    def _verify(
        self, data: bytes, sig: bytes | None, what: str, source: FeedSource | None
    ) -> TrustedKey:
        try:
            return self.trust.verify_content(data, sig, what)
        except UnknownKey:
            if source is None or sig is None:
                raise
            key_id = minisign.parse_signature(sig, what).key_id
            if not self._fetch_endorsement(source, key_id):
                raise
        return self.trust.verify_content(data, sig, what)

    def _fetch_endorsement(self, source: FeedSource, key_id: bytes) -> bool:
        hex_id = minisign.key_id_hex(key_id)
        rel = f"{ENDORSEMENT_FOLDER}/{hex_id}.pub"
        cancel = CancelToken()
        pub = source.get_small(rel, minisign.MAX_KEY_FILE_BYTES, cancel)
        sig = source.get_small(rel + SIGNATURE_SUFFIX, minisign.MAX_SIGNATURE_FILE_BYTES, cancel)
        if pub is None or sig is None:
            return False
        if minisign.parse_public_key(pub.decode("utf-8", errors="replace")).key_id != key_id:
            return False
        self.trust.check_endorsement(pub, sig)
        try:
            self.storage.write_bytes(self._keys_dir / f"{hex_id}.pub", pub)
            self.storage.write_bytes(self._keys_dir / f"{hex_id}.pub{SIGNATURE_SUFFIX}", sig)
        except OSError:
            pass  # accepted for this run; fetched again next time
        return True

    # ------------------------------------------------------------------ revocation

    def accept_revocations(self, raw: bytes, sig: bytes | None) -> list[str]:
        """Check and keep a root-signed revocation list; returns the key ids it newly revokes."""
        if sig is None:
            raise MissingSignature(
                "Tilbakekallingslisten (revoked.json) er ikke signert og ble ikke brukt.",
                "The revocation list (revoked.json) is not signed and was not used.",
            )
        try:
            added = self.trust.accept_revocations(raw, sig, self.storage.write_bytes)
        except OSError as exc:
            raise storage_error(exc, "tilbakekallingslisten", "the revocation list") from None
        self._step("revocations-stored")
        return [r.key_hex for r in added]

    def _revocations_from(self, source: FeedSource, warnings: tuple[list[str], list[str]]) -> None:
        """Take a feed's or folder's revoked.json, if any; a bad one is reported, not fatal."""
        cancel = CancelToken()
        raw = source.get_small(revocation.FILE_NAME, revocation.MAX_BYTES, cancel)
        if raw is None:
            return
        sig = source.get_signature(revocation.FILE_NAME, cancel)
        try:
            self.accept_revocations(raw, sig)
        except SyncError as exc:
            warnings[0].append(exc.message)
            warnings[1].append(exc.message_en)

    def revoked_installed(self) -> list[tuple[str, int, str, str]]:
        """Installed bundles whose signer is revoked: (bundle, version, key id, reason)."""
        out: list[tuple[str, int, str, str]] = []
        for bundle in self.library.bundles():
            folder = self.sync_dir / "store" / bundle.id / str(bundle.version)
            for sig_path in sorted(folder.glob(f"*{EXTENSION}{SIGNATURE_SUFFIX}")):
                try:
                    sig = minisign.parse_signature(sig_path.read_bytes())
                except (OSError, SyncError):
                    continue
                for r in self.trust.revocations:
                    if r.key_number == revocation.key_number(sig.key_id):
                        out.append((bundle.id, bundle.version, sig.key_id_hex, r.reason))
                        break
        return out

    def revocation_warnings(self) -> tuple[list[str], list[str]]:
        nb: list[str] = []
        en: list[str] = []
        for bundle_id, version, key_hex, reason in self.revoked_installed():
            nb.append(
                f"{bundle_id} v{version} er signert med nøkkel {key_hex}, som er trukket tilbake "
                f"({reason}). Innholdet er beholdt; hent en ny versjon fra utgiveren."
            )
            en.append(
                f"{bundle_id} v{version} is signed with key {key_hex}, which was revoked "
                f"({reason}). The content is kept; get a new version from the publisher."
            )
        return nb, en

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
            seen = int(meta.get("sequence", 0))  # type: ignore[call-overload]
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
            raise _sqlite_error(exc) from None
        self._step("sequence-recorded")
        return catalog, signer

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
        result.revoked_notes = self.revocation_warnings()
        result.warnings += warnings[0] + result.revoked_notes[0]
        result.warnings_en += warnings[1] + result.revoked_notes[1]
        if catalog.is_expired(self._now()):
            result.expired = True
            result.warnings.append(
                f"Innhold bekreftet {_date_nb(catalog.issued)}, kan være utdatert."
            )
            result.warnings_en.append(
                f"Content confirmed {catalog.issued:%Y-%m-%d}, may be out of date."
            )
        for entry in catalog.bundles:
            if not signer.covers(entry.id):
                err = _out_of_scope(signer, entry.id, "Katalogoppføringen", "The catalog entry")
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
            if entry.min_app_version and _version_tuple(entry.min_app_version) > _version_tuple(
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
        result.requests = self.http.stats.requests - start_requests
        result.bytes_received = self.http.stats.bytes_received - start_bytes
        self._progress(progress, "catalog", result.message, result.message_en, 1, 1)
        return result

    # ------------------------------------------------------------------ verify and stage

    def _stage(
        self,
        data: bytes,
        sig: bytes | None,
        name: str,
        entry: CatalogBundle | None,
        source: FeedSource | None = None,
    ) -> tuple[BundleContent, str]:
        """Verify and unpack one bundle; returns its content and content hash."""
        if len(data) > MAX_ARCHIVE_BYTES:
            raise TooLarge(
                f"Pakken {name} er for stor ({len(data):,} byte).",
                f"The bundle {name} is too large.",
            )
        signer = self._verify(data, sig, name, source)
        self._step("bundle-verified")
        archive = read_archive(data)
        if entry is None and not signer.covers(archive.header.id):
            raise _out_of_scope(signer, archive.header.id, f"Pakken {name}", f"The bundle {name}")
        content = parse_content(archive)
        self._step("archive-read")
        if entry is not None and (content.id, content.version) != (entry.id, entry.version):
            raise NotInCatalog(
                f"Filen oppført som {entry.id} v{entry.version} inneholder {content.id} "
                f"v{content.version}. Den ble ikke installert.",
                f"The file listed as {entry.id} v{entry.version} holds {content.id} "
                f"v{content.version}. It was not installed.",
            )
        if not signer.covers(content.id):
            raise _out_of_scope(signer, content.id, f"Pakken {name}", f"The bundle {name}")
        # parse_content checked that the header's hash is the content's hash.
        if entry is not None and archive.header.content_sha256 != entry.content_sha256:
            raise NotInCatalog(
                f"Innholdet i {entry.id} stemmer ikke med katalogen.",
                f"The content of {entry.id} does not match the catalog.",
            )
        if content.manifest.min_app_version and _version_tuple(
            content.manifest.min_app_version
        ) > _version_tuple(self.app_version):
            raise AppTooOld(
                f"{content.id} v{content.version} krever VNR Desktop {content.manifest.min_app_version} eller nyere: oppdater appen.",
                f"{content.id} v{content.version} needs VNR Desktop {content.manifest.min_app_version} or newer.",
            )
        return content, archive.header.content_sha256

    @staticmethod
    def _ordered(staged: list[_Staged]) -> list[_Staged]:
        """Bundles referenced by others first (national before the regions that cite it)."""
        ids = {s.content.id for s in staged}
        deps = {
            s.content.id: {r.rpartition(":")[0] for r in item_refs(s.content)}
            & (ids - {s.content.id})
            for s in staged
        }
        out: list[_Staged] = []
        done: set[str] = set()
        remaining = list(staged)
        while remaining:
            ready = [s for s in remaining if deps[s.content.id] <= done] or remaining[:1]
            for s in ready:
                out.append(s)
                done.add(s.content.id)
                remaining.remove(s)
        return out

    def _install_all(
        self,
        staged: list[_Staged],
        result: UpdateResult,
        source_label: str,
        progress: ProgressCallback | None,
        cancel: CancelToken,
    ) -> None:
        batch = {s.content.id: {i.id for i in s.content.items()} for s in staged}

        def resolve(bundle_id: str) -> set[str] | None:
            if bundle_id in batch:
                return batch[bundle_id]
            return self.library.item_ids_of(bundle_id)

        updated: list[UpdatedBundle] = []
        ordered = self._ordered(staged)
        for n, s in enumerate(ordered):
            cancel.raise_if_cancelled()
            content = s.content
            self._progress(
                progress,
                "install",
                f"Installerer {content.id} v{content.version}…",
                f"Installing {content.id} v{content.version}…",
                n,
                len(ordered),
            )
            try:
                install, changes = self._install_one(s, resolve, source_label)
            except SyncError as exc:
                result.failed.append(Failure(content.id, exc))
                batch.pop(content.id, None)
                continue
            result.installed.append(install)
            if changes is not None:
                self._step("changes-reported")
                result.changes.append(changes)
                updated.append(
                    UpdatedBundle(
                        content.id,
                        content.version,
                        s.content_hash,
                        content.manifest.is_national,
                        changes,
                    )
                )
        if updated and self.userdata is not None:
            result.stale_prints = stale_prints(
                self.userdata.print_history(), updated, card_hash=self.card_hash
            )
            self._step("stale-prints-listed")
        self._progress(
            progress, "done", result.message, result.message_en, len(ordered), len(ordered)
        )

    def _install_one(
        self, s: _Staged, resolve: Callable[[str], set[str] | None], source_label: str
    ) -> tuple[InstallResult, BundleChanges | None]:
        content = s.content
        problems = [d for d in check_content(content, resolve) if d.severity == "error"]
        if problems:
            lines = [f"{d.path}: {d.message}" if d.path else d.message for d in problems]
            raise ContentInvalid(
                f"Innholdet i {content.id} v{content.version} har {len(lines)} feil og ble ikke installert.",
                f"The content of {content.id} v{content.version} has {len(lines)} errors and was not installed.",
                detail="\n".join(lines),
                problems=lines,
            )
        self._step("content-validated")
        old = self.library.stored_content(content.id)
        previous_hook = self.library.step_hook
        self.library.step_hook = self.step_hook
        try:
            self._step("install-begin")
            install = self.library.install(content, source=source_label)
        except DowngradeRefused as exc:
            raise InstallFailed(
                f"{content.id} v{content.version} er eldre enn versjonen du har; den ble ikke installert.",
                f"{content.id} v{content.version} is older than the installed version; not installed.",
                detail=str(exc),
            ) from None
        except LibraryError as exc:
            raise InstallFailed(
                f"{content.id} v{content.version} finnes allerede med annet innhold. Utgiveren må øke "
                "versjonsnummeret. Ingenting er endret.",
                f"{content.id} v{content.version} is already installed with other content; the "
                "publisher must raise the version. Nothing was changed.",
                detail=str(exc),
            ) from None
        except sqlite3.Error as exc:
            raise _sqlite_error(exc) from None
        finally:
            self.library.step_hook = previous_hook
        self._step("installed")
        if install.status == "unchanged":
            return install, None
        self._keep_signed(s, content)
        self._step("stored")
        return install, diff_content(old, content)

    def _keep_signed(self, s: _Staged, content: BundleContent) -> None:
        """Keep the signed file (and its catalog) so the region can be exported later."""
        folder = self.sync_dir / "store" / content.id / str(content.version)
        try:
            self.storage.write_bytes(folder / s.file_name, s.data)
            self.storage.write_bytes(folder / (s.file_name + SIGNATURE_SUFFIX), s.sig)
            if s.catalog_raw is not None and s.catalog_sig is not None:
                self.storage.write_bytes(folder / (CATALOG_NAME + SIGNATURE_SUFFIX), s.catalog_sig)
                self.storage.write_bytes(folder / CATALOG_NAME, s.catalog_raw)
        except OSError:
            # The content is installed; only a later export of it is affected.
            pass

    # ------------------------------------------------------------------ apply

    def apply(
        self,
        check: CheckResult,
        *,
        only: list[str] | None = None,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        allow_missing: bool = False,
    ) -> UpdateResult:
        """Download, verify and install the updates a check found."""
        cancel = cancel or CancelToken()
        src = self.open_source(check.source)
        start_bytes = self.http.stats.bytes_received
        result = UpdateResult(check.source, skipped=list(check.skipped), check=check)
        # The notes on revoked signers are made again after installing (an update may have
        # replaced the bundle a revoked key signed).
        result.warnings += [w for w in check.warnings if w not in check.revoked_notes[0]]
        result.warnings_en += [w for w in check.warnings_en if w not in check.revoked_notes[1]]
        planned = check.updates
        if only:
            unknown = [b for b in only if check.catalog.bundle(b) is None]
            if unknown:
                raise NotInCatalog(
                    f"Katalogen har ingen pakke for {', '.join(unknown)}.",
                    f"The catalog lists no bundle for {', '.join(unknown)}.",
                )
            planned = [u for u in planned if u.bundle_id in only]
        feed = self._stored_catalog(check.catalog.feed)
        catalog_raw, catalog_sig = (feed[1], feed[2]) if feed else (None, None)
        staged: list[_Staged] = []
        for n, update in enumerate(planned):
            entry = update.entry
            cancel.raise_if_cancelled()
            if allow_missing and not src.has_file(entry.path):
                result.skipped.append(
                    Skipped(
                        entry.id,
                        f"{entry.id} er ikke med i mappen.",
                        f"{entry.id} is not in the folder.",
                    )
                )
                continue
            self._progress(
                progress,
                "download",
                f"Henter {entry.id} v{entry.version}…",
                f"Fetching {entry.id}…",
                n,
                len(planned),
            )
            try:
                self._step("download-begin")
                data = src.get_bundle(entry, cancel, self._download_progress(progress))
                self._step("download-complete")
                sig = src.get_signature(entry.path, cancel)
                self._progress(
                    progress,
                    "verify",
                    f"Kontrollerer {entry.id}…",
                    f"Verifying {entry.id}…",
                    n,
                    len(planned),
                )
                content, digest = self._stage(data, sig, entry.path.rsplit("/", 1)[-1], entry, src)
            except SyncError as exc:
                if isinstance(exc, Cancelled) or len(planned) == 1:
                    raise
                result.failed.append(Failure(entry.id, exc))
                continue
            staged.append(
                _Staged(
                    content,
                    data,
                    sig or b"",
                    entry.path.rsplit("/", 1)[-1],
                    catalog_raw,
                    catalog_sig,
                    _hash=digest,
                )
            )
        self._install_all(staged, result, f"feed:{check.catalog.feed}", progress, cancel)
        notes_nb, notes_en = self.revocation_warnings()
        result.warnings += notes_nb
        result.warnings_en += notes_en
        result.bytes_received = self.http.stats.bytes_received - start_bytes
        _raise_if_nothing_worked(result)
        return result

    def sync(
        self,
        source: str | Path | None,
        *,
        only: list[str] | None = None,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> UpdateResult:
        check = self.check(source, progress=progress, cancel=cancel)
        result = self.apply(check, only=only, progress=progress, cancel=cancel)
        result.bytes_received += check.bytes_received
        return result

    # ------------------------------------------------------------------ import and export

    def import_path(
        self,
        path: str | Path,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> UpdateResult:
        """Import a bundle file (with its .minisig next to it) or a folder (feed or bundles)."""
        cancel = cancel or CancelToken()
        path = Path(path).expanduser()
        if path.is_file() and path.name == revocation.FILE_NAME:
            return self._import_revocations(path.parent)
        if path.is_dir():
            if (path / CATALOG_NAME).is_file():
                check = self.check(path, progress=progress, cancel=cancel)
                return self.apply(check, progress=progress, cancel=cancel, allow_missing=True)
            files = sorted(path.glob(f"*{EXTENSION}"))
            if not files and (path / revocation.FILE_NAME).is_file():
                return self._import_revocations(path)
            if not files:
                raise SourceNotFound(
                    f"Fant ingen innholdspakker ({EXTENSION}) eller {CATALOG_NAME} i {path}.",
                    f"No content bundles ({EXTENSION}) or {CATALOG_NAME} in {path}.",
                )
        elif path.is_file():
            files = [path]
        else:
            raise SourceNotFound(f"Fant ikke {path}.", f"{path} does not exist.")
        result = UpdateResult(str(path))
        self._revocations_from(FolderSource(files[0].parent), (result.warnings, result.warnings_en))
        staged: list[_Staged] = []
        for n, file in enumerate(files):
            cancel.raise_if_cancelled()
            self._progress(
                progress,
                "verify",
                f"Kontrollerer {file.name}…",
                f"Verifying {file.name}…",
                n,
                len(files),
            )
            try:
                data, sig = _read_bundle_file(file)
                content, digest = self._stage(data, sig, file.name, None, FolderSource(file.parent))
            except SyncError as exc:
                if isinstance(exc, Cancelled) or len(files) == 1:
                    raise
                result.failed.append(Failure(file.name, exc))
                continue
            staged.append(_Staged(content, data, sig or b"", file.name, _hash=digest))
        self._install_all(staged, result, f"import:{path.name}", progress, cancel)
        notes_nb, notes_en = self.revocation_warnings()
        result.warnings += notes_nb
        result.warnings_en += notes_en
        _raise_if_nothing_worked(result)
        return result

    def _import_revocations(self, folder: Path) -> UpdateResult:
        """A revocation list from a folder (USB stick): checked, kept, and reported."""
        src = FolderSource(folder)
        raw = src.get_small(revocation.FILE_NAME, revocation.MAX_BYTES, CancelToken())
        assert raw is not None
        added = self.accept_revocations(raw, src.get_signature(revocation.FILE_NAME, CancelToken()))
        result = UpdateResult(str(folder / revocation.FILE_NAME))
        ids = ", ".join(added) or "ingen nye"
        result.warnings.append(f"Tilbakekallingslisten er lest og lagret (nøkler: {ids}).")
        result.warnings_en.append(
            f"The revocation list was read and kept (keys: {', '.join(added) or 'none new'})."
        )
        nb, en = self.revocation_warnings()
        result.warnings += nb
        result.warnings_en += en
        return result

    def export_region(self, region: str, out_dir: str | Path) -> ExportResult:
        """Write the installed, signed version of ``region`` as a verifiable folder."""
        out_dir = Path(out_dir)
        current = self.library.bundle(region)
        if current is None:
            raise SourceNotFound(
                f"Regionen {region} er ikke installert.", f"The region {region} is not installed."
            )
        folder = self.sync_dir / "store" / region / str(current.version)
        files = sorted(folder.glob(f"*{EXTENSION}")) if folder.is_dir() else []
        if not files:
            raise SourceNotFound(
                f"{region} v{current.version} kom med appen eller fra en usignert mappe, og det finnes "
                "ingen signert pakke å eksportere. Kolleger med samme appversjon har det samme innholdet.",
                f"{region} v{current.version} came with the app or from an unsigned folder; there is no "
                "signed bundle to export.",
            )
        bundle_file = files[0]
        catalog_path = folder / CATALOG_NAME
        endorsements = self._endorsements_for(
            [
                bundle_file.with_name(bundle_file.name + SIGNATURE_SUFFIX),
                folder / (CATALOG_NAME + SIGNATURE_SUFFIX),
            ]
        )
        try:
            if catalog_path.is_file():
                raw = catalog_path.read_bytes()
                sig = (folder / (CATALOG_NAME + SIGNATURE_SUFFIX)).read_bytes()
                catalog = parse_catalog(raw)
                entry = catalog.bundle(region)
                if entry is None or entry.version != current.version:
                    raise CatalogError(
                        "Lagret katalog stemmer ikke.", "Stored catalog does not match."
                    )
                written = copy_feed_subset(raw, sig, {entry.path: bundle_file}, out_dir)
                with_catalog = True
            else:
                out_dir.mkdir(parents=True, exist_ok=True)
                written = []
                for src in (
                    bundle_file,
                    bundle_file.with_name(bundle_file.name + SIGNATURE_SUFFIX),
                ):
                    dest = out_dir / src.name
                    dest.write_bytes(src.read_bytes())
                    written.append(dest)
                with_catalog = False
            for src in endorsements:
                dest = out_dir / ENDORSEMENT_FOLDER / src.name
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(src.read_bytes())
                written.append(dest)
        except OSError as exc:
            raise storage_error(exc, "eksporten", "the export") from None
        return ExportResult(region, current.version, out_dir, written, with_catalog)

    def _endorsements_for(self, signatures: list[Path]) -> list[Path]:
        """Stored endorsement files for the endorsed (not pinned) keys that made ``signatures``."""
        out: list[Path] = []
        for sig_path in signatures:
            try:
                sig = minisign.parse_signature(sig_path.read_bytes())
            except (OSError, SyncError):
                continue
            if sig.key_id in self.trust.endorsed and sig.key_id not in self.keys:
                pub = self._keys_dir / f"{sig.key_id_hex}.pub"
                for path in (pub, pub.with_name(pub.name + SIGNATURE_SUFFIX)):
                    if path.is_file() and path not in out:
                        out.append(path)
        return out


# --------------------------------------------------------------------------- helpers


def _out_of_scope(signer: TrustedKey, bundle_id: str, what_nb: str, what_en: str) -> OutOfScope:
    scope = ", ".join(sorted(signer.scope))
    return OutOfScope(
        f"{what_nb} gjelder {bundle_id}, men nøkkel {signer.id_hex} får bare publisere {scope}. "
        "Den ble ikke installert; innholdet du har, er uendret.",
        f"{what_en} is for {bundle_id}, but key {signer.id_hex} may publish only {scope}. "
        "It was not installed; your installed content is unchanged.",
    )


def _raise_if_nothing_worked(result: UpdateResult) -> None:
    if result.failed and not result.installed:
        first = result.failed[0].error
        if len(result.failed) > 1:
            first.detail = "\n".join(f"{f.bundle_id}: {f.error.message}" for f in result.failed)
        raise first


def _read_bundle_file(file: Path) -> tuple[bytes, bytes | None]:
    try:
        size = file.stat().st_size
        if size > MAX_ARCHIVE_BYTES:
            raise TooLarge(
                f"{file.name} er {size:,} byte; grensen er {MAX_ARCHIVE_BYTES:,}. Filen ble avvist.",
                f"{file.name} is {size:,} bytes; the limit is {MAX_ARCHIVE_BYTES:,}.",
            )
        with file.open("rb") as fh:
            data = fh.read(MAX_ARCHIVE_BYTES + 1)
        sig_path = file.with_name(file.name + SIGNATURE_SUFFIX)
        sig = None
        if sig_path.is_file():
            with sig_path.open("rb") as fh:
                sig = fh.read(minisign.MAX_SIGNATURE_FILE_BYTES + 1)
    except OSError as exc:
        raise StorageError(
            f"Kan ikke lese {file}: {exc.strerror}.", f"Cannot read {file}: {exc.strerror}."
        ) from None
    return data, sig


def _sqlite_error(exc: sqlite3.Error) -> SyncError:
    # SQLite rolls a transaction back by itself on SQLITE_FULL; db.transaction's own ROLLBACK
    # then fails with "no transaction is active" and the real cause is in __context__.
    chain: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and len(chain) < 5:
        chain.append(cur)
        cur = cur.__context__
    full = any(
        "full" in str(e).lower() or getattr(e, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
        for e in chain
    )
    if full:
        return storage_error(OSError(28, "No space left on device"), "innholdet", "the content")
    return StorageError(
        "Biblioteket kunne ikke oppdateres. Innholdet du har, er uendret.",
        "The library could not be updated. Your installed content is unchanged.",
        detail=str(exc),
    )


# --------------------------------------------------------------------------- convenience API


def check_for_updates(
    updater: Updater,
    source: str | Path | None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> CheckResult:
    return updater.check(source, progress=progress, cancel=cancel)


def apply_updates(
    updater: Updater,
    check: CheckResult,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> UpdateResult:
    return updater.apply(check, progress=progress, cancel=cancel)
