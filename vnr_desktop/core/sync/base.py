"""The updater's shared plumbing: steps, progress, sources, atomic writes, SQLite errors."""

from __future__ import annotations

import datetime as _dt
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.library import Library
from vnr_desktop.core.paths import AppPaths
from vnr_desktop.core.sync.catalog import Catalog, CatalogBundle
from vnr_desktop.core.sync.changes import CardHash
from vnr_desktop.core.sync.errors import SourceNotFound, StorageError, SyncError
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
from vnr_desktop.core.userdata import UserData

if TYPE_CHECKING:
    from vnr_desktop.core.sync.install import Staged
    from vnr_desktop.core.sync.results import CheckResult, UpdateResult


DEFAULT_FEED_URL: str | None = None
"""No feed is built in (the app pins no key): sync needs Settings.update_source (or --source)
and a publisher key an administrator trusted with a scope."""

StepHook = Callable[[str], None]


class UpdaterBase:
    """What every part of the updater shares: the library, the paths, the trust state, the
    steps crash tests kill at, progress, sources and atomic writes (see updater.Updater)."""

    library: Library
    paths: AppPaths
    keys: TrustStore
    userdata: UserData | None
    http: HttpClient
    storage: Storage
    step_hook: StepHook | None
    trust: TrustState
    app_version: str
    card_hash: CardHash
    _now: Callable[[], _dt.datetime]

    if TYPE_CHECKING:
        # Provided by the other parts (check, download, verify, install, history).
        def check(
            self,
            source: str | Path | None,
            *,
            progress: ProgressCallback | None = None,
            cancel: CancelToken | None = None,
        ) -> CheckResult: ...
        def _verify(
            self, data: bytes, sig: bytes | None, what: str, source: FeedSource | None
        ) -> TrustedKey: ...
        def _stage(
            self,
            data: bytes,
            sig: bytes | None,
            name: str,
            entry: CatalogBundle | None,
            source: FeedSource | None = None,
        ) -> tuple[BundleContent, str]: ...
        def _revocations_from(
            self, source: FeedSource, warnings: tuple[list[str], list[str]]
        ) -> None: ...
        def accept_revocations(self, raw: bytes, sig: bytes | None) -> list[str]: ...
        def revocation_warnings(self) -> tuple[list[str], list[str]]: ...
        def _stored_catalog(
            self, feed_id: str
        ) -> tuple[Catalog, bytes, bytes, TrustedKey] | None: ...
        def _accept_catalog(
            self, raw: bytes, sig: bytes | None, source: FeedSource
        ) -> tuple[Catalog, TrustedKey]: ...
        def _source_state_path(self, source: FeedSource) -> Path: ...
        def _touch_checked(self, feed_id: str) -> None: ...
        def _install_all(
            self,
            staged: list[Staged],
            result: UpdateResult,
            source_label: str,
            progress: ProgressCallback | None,
            cancel: CancelToken,
        ) -> None: ...
        @property
        def _keys_dir(self) -> Path: ...

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


def sqlite_error(exc: sqlite3.Error) -> SyncError:
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
