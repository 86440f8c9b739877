"""Downloading and importing: fetch what a check found (or read files from a folder),
verify, then install; revocation lists from a USB folder."""

from __future__ import annotations

from pathlib import Path

from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.sync import revocation
from vnr_desktop.core.sync.archive import EXTENSION
from vnr_desktop.core.sync.base import UpdaterBase
from vnr_desktop.core.sync.catalog import CATALOG_NAME, CatalogBundle
from vnr_desktop.core.sync.errors import Cancelled, NotInCatalog, SourceNotFound, SyncError
from vnr_desktop.core.sync.http import CancelToken, ProgressCallback
from vnr_desktop.core.sync.install import Staged, raise_if_nothing_worked
from vnr_desktop.core.sync.results import CheckResult, Failure, Skipped, UpdateResult
from vnr_desktop.core.sync.sources import FeedSource, FolderSource
from vnr_desktop.core.sync.verify import read_bundle_file


class DownloadMixin(UpdaterBase):
    """Fetch and stage what a check found, or read files and folders (USB), then install."""

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
        staged: list[Staged] = []
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
                data, sig, content, digest = self._fetch_one(
                    src, entry, (n, len(planned)), progress, cancel
                )
            except SyncError as exc:
                if isinstance(exc, Cancelled) or len(planned) == 1:
                    raise
                result.failed.append(Failure(entry.id, exc))
                continue
            staged.append(
                Staged(
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
        raise_if_nothing_worked(result)
        return result

    def _fetch_one(
        self,
        src: FeedSource,
        entry: CatalogBundle,
        position: tuple[int, int],
        progress: ProgressCallback | None,
        cancel: CancelToken,
    ) -> tuple[bytes, bytes | None, BundleContent, str]:
        """Download one bundle and its signature, then verify and unpack it."""
        self._step("download-begin")
        data = src.get_bundle(entry, cancel, self._download_progress(progress))
        self._step("download-complete")
        sig = src.get_signature(entry.path, cancel)
        self._progress(
            progress, "verify", f"Kontrollerer {entry.id}…", f"Verifying {entry.id}…", *position
        )
        content, digest = self._stage(data, sig, entry.path.rsplit("/", 1)[-1], entry, src)
        return data, sig, content, digest

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
        staged: list[Staged] = []
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
                data, sig = read_bundle_file(file)
                content, digest = self._stage(data, sig, file.name, None, FolderSource(file.parent))
            except SyncError as exc:
                if isinstance(exc, Cancelled) or len(files) == 1:
                    raise
                result.failed.append(Failure(file.name, exc))
                continue
            staged.append(Staged(content, data, sig or b"", file.name, _hash=digest))
        self._install_all(staged, result, f"import:{path.name}", progress, cancel)
        notes_nb, notes_en = self.revocation_warnings()
        result.warnings += notes_nb
        result.warnings_en += notes_en
        raise_if_nothing_worked(result)
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
