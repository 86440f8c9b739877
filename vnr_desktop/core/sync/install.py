"""Installing verified bundles in dependency order, reporting changes and stale prints,
keeping the signed files, and exporting them again."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.bundle_source import item_refs
from vnr_desktop.core.library import DowngradeRefused, InstallResult, LibraryError
from vnr_desktop.core.sync import minisign
from vnr_desktop.core.sync.archive import EXTENSION, check_content
from vnr_desktop.core.sync.base import UpdaterBase, sqlite_error
from vnr_desktop.core.sync.catalog import (
    CATALOG_NAME,
    SIGNATURE_SUFFIX,
    copy_feed_subset,
    parse_catalog,
)
from vnr_desktop.core.sync.changes import BundleChanges, UpdatedBundle, diff_content, stale_prints
from vnr_desktop.core.sync.endorsement import FOLDER as ENDORSEMENT_FOLDER
from vnr_desktop.core.sync.errors import (
    CatalogError,
    ContentInvalid,
    InstallFailed,
    SourceNotFound,
    SyncError,
)
from vnr_desktop.core.sync.http import CancelToken, ProgressCallback, storage_error
from vnr_desktop.core.sync.results import ExportResult, Failure, UpdateResult


@dataclass
class Staged:
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


class InstallMixin(UpdaterBase):
    """Install staged bundles in order, report changes, keep signed files, export them."""

    @staticmethod
    def _ordered(staged: list[Staged]) -> list[Staged]:
        """Bundles referenced by others first (national before the regions that cite it)."""
        ids = {s.content.id for s in staged}
        deps = {
            s.content.id: {r.rpartition(":")[0] for r in item_refs(s.content)}
            & (ids - {s.content.id})
            for s in staged
        }
        out: list[Staged] = []
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
        staged: list[Staged],
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
        self, s: Staged, resolve: Callable[[str], set[str] | None], source_label: str
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
            raise sqlite_error(exc) from None
        finally:
            self.library.step_hook = previous_hook
        self._step("installed")
        if install.status == "unchanged":
            return install, None
        self._keep_signed(s, content)
        self._step("stored")
        return install, diff_content(old, content)

    def _keep_signed(self, s: Staged, content: BundleContent) -> None:
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


def raise_if_nothing_worked(result: UpdateResult) -> None:
    if result.failed and not result.installed:
        first = result.failed[0].error
        if len(result.failed) > 1:
            first.detail = "\n".join(f"{f.bundle_id}: {f.error.message}" for f in result.failed)
        raise first
