"""Verifying: signatures against the trust state (scope, role, revocation), endorsements
fetched from a feed, revocation lists, and a bundle's verify-then-unpack step."""

from __future__ import annotations

from pathlib import Path

from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.sync import minisign, revocation
from vnr_desktop.core.sync.archive import EXTENSION, MAX_ARCHIVE_BYTES, parse_content, read_archive
from vnr_desktop.core.sync.base import UpdaterBase
from vnr_desktop.core.sync.catalog import SIGNATURE_SUFFIX, CatalogBundle
from vnr_desktop.core.sync.endorsement import FOLDER as ENDORSEMENT_FOLDER
from vnr_desktop.core.sync.errors import (
    AppTooOld,
    MissingSignature,
    NotInCatalog,
    OutOfScope,
    SyncError,
    TooLarge,
    UnknownKey,
)
from vnr_desktop.core.sync.http import CancelToken, storage_error
from vnr_desktop.core.sync.results import version_tuple
from vnr_desktop.core.sync.sources import FeedSource, read_capped
from vnr_desktop.core.sync.trust import TrustedKey


class VerifyMixin(UpdaterBase):
    """Signatures against the trust state, endorsements, revocation lists, unpacking."""

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
            raise out_of_scope(signer, archive.header.id, f"Pakken {name}", f"The bundle {name}")
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
            raise out_of_scope(signer, content.id, f"Pakken {name}", f"The bundle {name}")
        # parse_content checked that the header's hash is the content's hash.
        if entry is not None and archive.header.content_sha256 != entry.content_sha256:
            raise NotInCatalog(
                f"Innholdet i {entry.id} stemmer ikke med katalogen.",
                f"The content of {entry.id} does not match the catalog.",
            )
        if content.manifest.min_app_version and version_tuple(
            content.manifest.min_app_version
        ) > version_tuple(self.app_version):
            raise AppTooOld(
                f"{content.id} v{content.version} krever VNR Desktop {content.manifest.min_app_version} eller nyere: oppdater appen.",
                f"{content.id} v{content.version} needs VNR Desktop {content.manifest.min_app_version} or newer.",
            )
        return content, archive.header.content_sha256


def out_of_scope(signer: TrustedKey, bundle_id: str, what_nb: str, what_en: str) -> OutOfScope:
    scope = ", ".join(sorted(signer.scope))
    return OutOfScope(
        f"{what_nb} gjelder {bundle_id}, men nøkkel {signer.id_hex} får bare publisere {scope}. "
        "Den ble ikke installert; innholdet du har, er uendret.",
        f"{what_en} is for {bundle_id}, but key {signer.id_hex} may publish only {scope}. "
        "It was not installed; your installed content is unchanged.",
    )


def read_bundle_file(file: Path) -> tuple[bytes, bytes | None]:
    """A bundle file and its signature beside it (None when there is none), each capped."""
    data = read_capped(file, MAX_ARCHIVE_BYTES, file.name)
    sig_path = file.with_name(file.name + SIGNATURE_SUFFIX)
    sig = (
        read_capped(sig_path, minisign.MAX_SIGNATURE_FILE_BYTES, sig_path.name)
        if sig_path.is_file()
        else None
    )
    return data, sig
